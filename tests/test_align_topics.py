"""A paragraph opening with the name of its field (煤炭工业建设，五年投资…) is keyed by that
name in alignment: evidence for a pair when the bodies agree, never against one, never alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reportdiff.core.analysis.similarity import (
    Unit,
    child_units,
    pair_score,
    report_tokens,
    top_units,
    vectorize,
    word_idf,
)
from reportdiff.core.analysis.topicopen import topic_opening
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report


def _report(corpus: Path, year: int) -> Report:
    return resolve_report(str(corpus / f"{year}.txt"))


def _fields(r: Report) -> list[str]:
    return [r.slice(s) for _, _, b in r.blocks() if b.lead is None and (s := topic_opening(r, b))]


def test_a_paragraph_opening_with_a_field_name_is_keyed_by_it(corpus_dir: Path) -> None:
    assert _fields(_report(corpus_dir, 1982)) == ["煤炭工业建设", "石油工业建设", "电力工业建设"]
    assert _fields(_report(corpus_dir, 1981)) == ["轻工业生产", "重工业生产"]
    # an action (发展轻纺工业，… / 要把企业改革、…), a time word (过去的五年，) or a
    # pointing word names no field; 国有企业改革，要着眼于… does
    assert _fields(_report(corpus_dir, 1996)) == ["国有企业改革"]
    # 要采用先进技术， is a duty, 基本建设， a field
    assert _fields(_report(corpus_dir, 1964)) == ["基本建设"]


def _units(reports: list[Report]) -> list[Unit]:
    tokens = [report_tokens(r) for r in reports]

    def every(u: Unit) -> Iterator[Unit]:
        yield u
        for c in child_units(u, reports, tokens):
            yield from every(c)

    out = [x for i, r in enumerate(reports) for u in top_units(i, r, tokens[i]) for x in every(u)]
    vectorize(out, word_idf(reports, tokens))
    return out


def _find(units: list[Unit], report: int, label: str) -> Unit:
    (u,) = (u for u in units if u.report == report and u.ref.label == label)
    return u


def test_a_field_name_counts_for_a_pair_with_body_evidence(corpus_dir: Path) -> None:
    # 1983's 经济体制改革，是我国经济生活和社会生活中的一件大事 and 1982's lead
    # 积极稳妥地加快经济体制改革的进程: the name says the same and the bodies agree
    units = _units([_report(corpus_dir, 1982), _report(corpus_dir, 1983)])
    field = _find(units, 1, "经济体制改革")
    assert field.topic
    lead = _find(units, 0, "积极稳妥地加快经济体制改革的进程")
    assert pair_score(lead, field).score > pair_score(lead, field, False).score
    assert pair_score(lead, field).heading > 0.5


def test_a_field_name_never_counts_alone_nor_against_a_pair(corpus_dir: Path) -> None:
    units = _units([_report(corpus_dir, 1994), _report(corpus_dir, 1995)])
    field = _find(units, 1, "财税体制改革")
    # shares 体制改革 with 1994's lead on trade, hardly a word of its body: no pair on
    # the name alone
    trade = _find(units, 0, "进一步深化流通体制改革，促进国内市场的统一和开放")
    assert pair_score(trade, field, True).score > pair_score(trade, field, False).score
    assert pair_score(trade, field) == pair_score(trade, field, False)
    # the name is never worse for a pair than no name
    for u in units:
        if u.report == 0 and u.ref.kind == "paragraph":
            assert pair_score(u, field).score >= pair_score(u, field, False).score
