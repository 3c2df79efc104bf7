"""Speed shortcuts give what the plain code gave: Han tests, unique text, per-row changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.analysis import changes, phraseruns, phrases, similarity
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.analysis.changes import add_changes, diff_texts
from reportdiff.core.comparison import AlignedRow, SharedPhrase
from reportdiff.core.model import Report, Span
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.text.textkey import HAN_RE, is_han


def test_han_regex_is_is_han() -> None:
    """HAN_RE (what phrases and similarity search with) stands for is_han on every code
    point (surrogates cannot be in a str read from a file)."""
    assert phraseruns.HAN_RE is similarity.HAN_RE is HAN_RE
    search = HAN_RE.search
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        assert bool(search(ch)) == is_han(ch), hex(cp)


def _unique_by_scan(
    reports: list[Report], found: tuple[SharedPhrase, ...], min_han: int = 2
) -> tuple[tuple[Span, ...], ...]:
    """unique_spans as it was written first: one step per character."""
    out = []
    for d, report in enumerate(reports):
        text = report.text
        covered = bytearray(len(text) + 1)
        for ph in found:
            for sp in ph.spans[d]:
                covered[sp.start : sp.end] = b"\x01" * (sp.end - sp.start)
        spans: list[Span] = []
        start, han = -1, 0
        for i in range(len(text) + 1):
            if i < len(text) and not covered[i] and text[i] != "\n":
                if start < 0:
                    start, han = i, 0
                han += is_han(text[i])
            elif start >= 0:
                s, e = start, i
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if han >= min_han:
                    spans.append(Span(s, e))
                start = -1
        out.append(tuple(spans))
    return tuple(out)


@pytest.mark.parametrize("years", [("1999", "2000"), ("1978", "1979", "1980")])
def test_unique_spans_equal_a_scan_per_character(years: tuple[str, ...], corpus_dir: Path) -> None:
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in years]
    found = phrases.shared_phrases(reports, library=reports)
    got = phrases.unique_spans(reports, found)
    assert got == _unique_by_scan(reports, found)
    assert all(got)  # each report says something of its own


def _paragraph_rows(rows: tuple[AlignedRow, ...]) -> list[AlignedRow]:
    out: list[AlignedRow] = []
    for row in rows:
        if row.kind == "paragraph":
            out.append(row)
        out.extend(_paragraph_rows(row.children))
    return out


def test_changes_per_row_equal_diffing_each_pair(corpus_dir: Path) -> None:
    """Cut points made once per paragraph give each pair the changes diff_texts gives it."""
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in ("2003", "2004", "2005")]
    toks = [similarity.report_tokens(r) for r in reports]
    rows = _paragraph_rows(add_changes(align_reports(reports, tokens=toks), reports, toks))
    three = [r for r in rows if sum(n is not None for n in r.nodes) == 3]
    assert three  # rows where one paragraph meets two others
    checked = 0
    for row in rows:
        for pair in row.changes:
            a = row.nodes[pair.base]
            b = row.nodes[pair.other]
            assert a is not None and b is not None
            ops, rewritten = diff_texts(
                reports[pair.base].slice(a.span),
                reports[pair.other].slice(b.span),
                a_words=changes._words(toks[pair.base], a.span),
                b_words=changes._words(toks[pair.other], b.span),
            )
            assert rewritten == pair.rewritten
            assert [
                (op, a.span.start + a0, a.span.start + a1, b.span.start + b0, b.span.start + b1)
                for op, a0, a1, b0, b1 in ops
            ] == [
                (c.op, c.base.start, c.base.end, c.other.start, c.other.end) for c in pair.changes
            ]
            checked += 1
    assert checked >= 3 * len(three)  # every pair of every row of three, and more


def test_paused_gc_turns_the_collector_back_on_only_if_it_was_on() -> None:
    import gc

    from reportdiff.core.gcpause import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause found it off: it stays off
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError
    assert gc.isenabled()


def test_compare_leaves_the_collector_on(corpus_dir: Path) -> None:
    import gc

    from reportdiff.core.analysis.compare import compare

    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in ("1985", "1986")]
    assert compare(reports, use_cache=False).alignment
    assert gc.isenabled()
