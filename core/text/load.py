"""Load a report from raw text: clean it, read its metadata, take out the front matter, parse it."""

from __future__ import annotations

from typing import Any

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import Report, ReportMeta
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.metadata import infer_front
from reportdiff.core.text.parse import parse_report


def split_front_matter(text: str, *, source: str, **overrides: Any) -> tuple[ReportMeta, str]:
    """The metadata of cleaned ``text`` and its body without the front matter.

    The front matter (title, ——date…会议上 line, speaker line, and any page chrome above
    them) is metadata: taken out of the text, it is never compared as a paragraph. The
    body starts at the salutation (各位代表：) or the first heading or paragraph.
    """
    meta, body_start = infer_front(text, source=source, **overrides)
    body = text[body_start:].lstrip("\n")
    return meta, body if body.strip() else text


def load_text(raw: str, *, source: str, **overrides: Any) -> Report:
    """Clean ``raw``, infer its metadata (``overrides`` win, ``id=`` included) and parse it.

    Raises:
        ReportError: nothing is left after cleaning.
    """
    return load_text_and_front(raw, source=source, **overrides)[0]


def load_text_and_front(raw: str, *, source: str, **overrides: Any) -> tuple[Report, str]:
    """:func:`load_text`, and the cleaned front matter the metadata came from (the title
    and the ——date…会议上 line, which the report's text leaves out)."""
    text = clean_text(raw)
    if not text.strip():
        raise ReportError(_("{source}: no report text found").format(source=source))
    meta, body = split_front_matter(text, source=source, **overrides)
    return parse_report(body, meta), text[: len(text) - len(body)]
