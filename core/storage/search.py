"""Search every report in the library: per-report counts and the sentence around each hit.

Matching is exact (the characters as typed, case too) on the cleaned text, the text every
offset points into; the index narrows the reports (see :mod:`reportdiff.core.storage.index`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportdiff.core.storage.index import Filters, IndexedReport, find_texts

#: Characters that end a sentence for the context shown around a hit.
SENTENCE_ENDS = "。！？；!?;\n"
#: At most this many characters of context on each side of a hit.
CONTEXT_CHARS = 60


@dataclass(frozen=True)
class Hit:
    """One occurrence of the query in a report."""

    start: int
    """Offset of the hit in the report's cleaned text."""
    end: int
    """Offset just after the hit."""
    sentence: str
    """The sentence around it (cut at :data:`CONTEXT_CHARS` either side, marked with …)."""
    at: int
    """Where the hit starts inside :attr:`sentence`."""


@dataclass(frozen=True)
class ReportHits:
    """A report that contains the query."""

    report: IndexedReport
    """Which report (metadata, size, origin)."""
    count: int
    """How many times the query occurs in it (non-overlapping)."""
    hits: list[Hit]
    """The first few hits, in text order."""


@dataclass(frozen=True)
class SearchResult:
    """What a search found."""

    query: str
    """The query as given."""
    reports: list[ReportHits]
    """The reports shown, ordered by year reviewed, then id."""
    matched: int
    """How many reports contain the query (more than shown when limited)."""
    total_hits: int
    """Hits in all matching reports."""


def search_library(
    query: str, filters: Filters | None = None, *, limit: int | None = None, per_report: int = 3
) -> SearchResult:
    """Find ``query`` in every report (the user's and the bundled ones) that passes ``filters``.

    Args:
        query: The text to find, exactly.
        filters: Region, level and years to search in (default: all reports).
        limit: Show at most this many reports (``matched`` still counts them all).
        per_report: Sentences kept per report.
    """
    found = find_texts(query, filters, limit=limit)
    results = []
    for report, count, text in found:
        if text is None:  # past the limit: counted, not shown
            continue
        starts = _occurrences(text, query, per_report)
        hits = [_hit(text, s, s + len(query)) for s in starts]
        results.append(ReportHits(report, count, hits))
    return SearchResult(query, results, len(found), sum(count for _, count, _ in found))


def _occurrences(text: str, query: str, most: int) -> list[int]:
    starts: list[int] = []
    i = text.find(query)
    while i >= 0 and len(starts) < most:
        starts.append(i)
        i = text.find(query, i + len(query))
    return starts


def _hit(text: str, start: int, end: int) -> Hit:
    """The hit with its sentence: back to the previous sentence end, on to the next."""
    lo = max(0, start - CONTEXT_CHARS)
    before = max(text.rfind(c, lo, start) for c in SENTENCE_ENDS)
    left = before + 1 if before >= 0 else lo
    hi = min(len(text), end + CONTEXT_CHARS)
    after = [i for i in (text.find(c, end, hi) for c in SENTENCE_ENDS) if i >= 0]
    right = min(after) + 1 if after else hi
    head = "…" if before < 0 and lo > 0 else ""
    tail = "…" if not after and hi < len(text) else ""
    sentence = head + text[left:right].strip("\n") + tail
    # Where the hit sits after the … and a stripped leading line break.
    at = len(head) + start - left - (len(text[left:right]) - len(text[left:right].lstrip("\n")))
    return Hit(start, end, sentence, at)
