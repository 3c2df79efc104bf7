"""Helpers shared by the engine's tests: one figure of a report, the pairs of reports, the
counterpart of a figure, and the aligned section pairs of two corpus reports."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from conftest import CORPUS, require
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.pairing import pair_numbers
from reportdiff.core.comparison import AlignedRow, NodeRef, NumberPair, Quantity
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.text.load import load_text


def quantity(r: Report, printed: str) -> Quantity:
    """The one figure of ``r`` printed as ``printed`` (fails when it is not exactly one)."""
    found = [q for q in extract_quantities(r) if q.text == printed]
    assert len(found) == 1, (printed, [q.text for q in extract_quantities(r)])
    return found[0]


def pairs(*reports: Report) -> tuple[NumberPair, ...]:
    """The number pairs of ``reports``, aligned and paired as the engine does."""
    quantities = [extract_quantities(r) for r in reports]
    return pair_numbers(reports, align_reports(reports), quantities)


def partner(ps: tuple[NumberPair, ...], index: int, printed: str) -> str | None:
    """The other report's figure paired with ``printed`` of report ``index`` (None: unpaired)."""
    for p in ps:
        q = p.values[index]
        if q is not None and q.text == printed:
            other = p.values[1 - index]
            return None if other is None else other.text
    raise AssertionError(f"{printed} not in any pair")


def partner_at(ps: tuple[NumberPair, ...], index: int, q: Quantity) -> str | None:
    """The other report's figure paired with ``q`` of report ``index`` (None: unpaired), ``q``
    found by where it is printed, not by its text (a report may print the same text twice)."""
    for p in ps:
        mine = p.values[index]
        if mine is not None and mine.span == q.span:
            other = p.values[1 - index]
            return None if other is None else other.text
    raise AssertionError(f"{q.text} not in any pair")


def printed_near(corpus: Path, name: str, printed: str, words: str, reach: int) -> list[Quantity]:
    """The figures of a corpus file, read as a user's file is (:func:`resolve_report`),
    printed as ``printed`` with ``words`` in the figure or the ``reach`` characters before it."""
    report = resolve_report(str(corpus / name))
    return [
        q
        for q in extract_quantities(report)
        if q.text == printed and words in report.text[q.span.start - reach : q.span.end]
    ]


def made_pairs(corpus: Path, a: str, b: str) -> set[tuple[str, str]]:
    """The printed figures of every two-sided number pair the full comparison of two corpus
    files makes, the files read as a user's are (:func:`resolve_report`: session dates kept)."""
    ra, rb = (resolve_report(str(corpus / n)) for n in (a, b))
    return {
        (p.values[0].text, p.values[1].text)
        for p in compare([ra, rb]).numbers
        if p.values[0] is not None and p.values[1] is not None
    }


@cache
def corpus_rows(corpus: Path, a: int, b: int) -> tuple[AlignedRow, ...]:
    """The aligned rows of two corpus reports, by the years in their file names."""
    return align_reports(
        [resolve_report(str(corpus / f"{a}.txt")), resolve_report(str(corpus / f"{b}.txt"))]
    )


def node_pairs(rows: tuple[AlignedRow, ...]) -> list[tuple[NodeRef, NodeRef]]:
    """The two sides of every row with both, depth first."""
    out: list[tuple[NodeRef, NodeRef]] = []
    for row in rows:
        a, b = row.nodes
        if a is not None and b is not None:
            out.append((a, b))
        out.extend(node_pairs(row.children))
    return out


def row_pairs(rows: tuple[AlignedRow, ...]) -> list[tuple[str, str]]:
    """The labels of every row with both sides, depth first."""
    return [(a.label, b.label) for a, b in node_pairs(rows)]


@cache
def national(year: int) -> Report:
    """One copy of a corpus report (the saved page repeats it), delivered in ``year``; a
    report whose copies cannot be told apart by its salutation (1964 has no 各位代表) is read
    as the engine reads the page."""
    folder = require(CORPUS, "State Council corpus")
    raw = (folder / f"{year}.txt").read_bytes().decode("gb18030").replace("<U+00A0>", " ")
    start = raw.find("各位代表")
    probe = raw[start + 6 : start + 60]
    ends = [e for e in (raw.find("（责任编辑", start), raw.find(probe, start + 60) - 6) if e > 0]
    if start < 0 or not ends:
        return resolve_report(str(folder / f"{year}.txt"))
    body = re.sub(r"<!--.*?-->", "", raw[start : min(ends)], flags=re.DOTALL)
    return load_text(body, source=f"{year}.txt", id=f"national-{year}", year=year - 1)
