"""Load a report from raw text: clean it, infer its metadata, parse it."""

from __future__ import annotations

from typing import Any

from reportdiff.core.errors import ReportError
from reportdiff.core.model import Report
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.metadata import infer_meta
from reportdiff.core.text.parse import parse_report


def load_text(raw: str, *, source: str, **overrides: Any) -> Report:
    """Clean ``raw``, infer its metadata (``overrides`` win, ``id=`` included) and parse it.

    Raises:
        ReportError: nothing is left after cleaning.
    """
    text = clean_text(raw)
    if not text.strip():
        raise ReportError(f"{source}: no report text found")
    meta = infer_meta(text, source=source, **overrides)
    return parse_report(text, meta)
