"""Search every report in the library: per-report counts and the sentence around each hit.

Matching is exact (the characters as typed, case too) on the cleaned text, the text every
offset points into; the index narrows the reports (see :mod:`reportdiff.core.storage.index`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportdiff.core.storage.index import (
    _COLUMNS,
    FTS_MIN_CHARS,
    Filters,
    IndexedReport,
    _row,
    _where,
    open_index,
)

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


def find_texts(
    query: str, filters: Filters | None = None, *, limit: int | None = None
) -> list[tuple[IndexedReport, int, str | None]]:
    """Reports whose text contains ``query`` exactly (case too): each with its count of
    (non-overlapping) occurrences and, for the first ``limit``, its text.

    Three characters or more go through the trigram index; shorter queries scan the
    stored text with ``instr()``. Texts are counted one row at a time and only the
    first ``limit`` kept, so a query found in every report of a large library holds one
    text in memory at a time (counting in Python measured faster than in SQL with
    ``replace()``). Sorted by year reviewed, then id.
    """
    if not query:
        return []
    if len(query) >= FTS_MIN_CHARS:
        narrow = "rowid IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)"
        needs: list[object] = [_trigrams(query)]
    else:
        narrow = "instr(text, ?) > 0"
        needs = [query]
    needle = query.encode("utf-8")
    found: list[tuple[IndexedReport, int, str | None]] = []
    with open_index() as conn:
        where, params = _where(conn, filters or Filters())
        # The text as UTF-8 bytes: counting bytes finds exactly the same occurrences (UTF-8
        # never matches inside a character) at half the cost of decoding every text.
        sql = (
            f"SELECT {_COLUMNS}, CAST(text AS BLOB) FROM reports WHERE {where} AND {narrow} "
            "ORDER BY year, id"
        )
        for row in conn.execute(sql, [*params, *needs]):
            data: bytes = row[-1]
            # The index says which texts hold every trigram of the query, not whether
            # they hold them in a row: the count (0 for those) has the last word.
            count = data.count(needle)
            if count:
                keep = limit is None or len(found) < limit
                text = data.decode("utf-8") if keep else None
                found.append((_row(row[:-1]), count, text))
    return found


def _trigrams(query: str) -> str:
    """An FTS5 query for texts holding every trigram of ``query`` (each quoted).

    ``detail=none`` keeps the index about half the size of ``detail=full`` (measured on
    the corpus) but cannot answer phrase queries; the caller checks the order.
    """
    grams = dict.fromkeys(query[i : i + 3] for i in range(len(query) - 2))
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)
