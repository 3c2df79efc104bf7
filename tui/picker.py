"""Choosing a report inside the app: every report the library knows, filtered fuzzily.

Pure functions, no Textual: the rows the picker lists and how a query ranks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportdiff.core.i18n import _

if TYPE_CHECKING:
    from reportdiff.core.storage.listing import ListEntry

MIN_SCORE = 70.0
"""Below this a row does not match the query (rapidfuzz's 0–100 scale)."""

PATH_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".pdf", ".docx")


@dataclass(frozen=True)
class PickerRow:
    """One report the picker offers."""

    id: str
    """Report id (what the app opens)."""
    label: str
    """What the list shows: id, region, year reviewed and delivered, title."""
    haystack: str
    """What the query is matched against: the same fields, lower-cased."""


def picker_rows(entries: list[ListEntry]) -> list[PickerRow]:
    """A row per library entry (bundled and the user's), in the library's order."""
    rows = []
    for e in entries:
        year = str(e.year) if e.year else "?"
        delivered = _("delivered {year}").format(year=e.delivered or "?")
        fields = [e.id, e.region or "?", f"{year} ({delivered})", e.title or ""]
        rows.append(PickerRow(e.id, "  ".join(fields), " ".join(fields).lower()))
    return rows


def rank(rows: list[PickerRow], query: str) -> list[PickerRow]:
    """The rows matching ``query``, best first; all rows for an empty query.

    Every space-separated term must be found (fuzzily: ``yanpu`` finds yangpu, ``杨浦
    2023`` finds the report of that region and year); a row's score is its worst term's,
    and ties keep the library's order.
    """
    from rapidfuzz import fuzz

    terms = query.lower().split()
    if not terms:
        return list(rows)
    scored = []
    for order, row in enumerate(rows):
        words = [w for w in re.split(r"[\s\-()]+", row.haystack) if w]
        score = min(_term_score(fuzz, term, row.haystack, words) for term in terms)
        if score >= MIN_SCORE:
            scored.append((-score, order, row))
    return [row for _score, _order, row in sorted(scored, key=lambda s: (s[0], s[1]))]


def _term_score(fuzz: Any, term: str, haystack: str, words: list[str]) -> float:
    """How well one term matches a row: a whole word first (``yanpu`` is yangpu more than
    huangpu), else the best stretch of the row (杨浦 inside 杨浦区, a word of a title),
    a little below a whole word. A number (a year) is found exactly or not at all: 2021
    is not "nearly" 2023, as yanpu is nearly yangpu."""
    if term.isdigit():
        return 100.0 if term in words else (90.0 if term in haystack else 0.0)
    whole = max((fuzz.ratio(term, w) for w in words), default=0.0)
    return float(max(whole, fuzz.partial_ratio(term, haystack) - 5))


def looks_like_file(text: str) -> bool:
    """Whether what was typed is a file to add rather than a query (a path, a file name)."""
    text = text.strip()
    if not text:
        return False
    return (
        "/" in text
        or "\\" in text
        or text.lower().endswith(PATH_SUFFIXES)
        or text.startswith("~")
        or Path(text).is_file()
    )
