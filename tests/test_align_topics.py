"""A paragraph opening with the name of its field (煤炭工业建设，五年投资…) is keyed by that
name in alignment: evidence for a pair when the bodies agree, never against one, never alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from engine_support import corpus_rows, node_pairs
from reportdiff.core.analysis.align import align_reports, named_score
from reportdiff.core.analysis.similarity import (
    ZERO_SCORE,
    Unit,
    lead_score,
    pair_score,
    report_tokens,
    vectorize,
    word_idf,
)
from reportdiff.core.analysis.topicopen import topic_opening
from reportdiff.core.analysis.unittree import child_units, top_units
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.samples import load_sample


def _report(corpus: Path, year: int) -> Report:
    return resolve_report(str(corpus / f"{year}.txt"))


def _fields(r: Report) -> list[str]:
    return [r.slice(s) for _, _, b in r.blocks() if b.lead is None and (s := topic_opening(r, b))]


def test_a_paragraph_opening_with_a_field_name_is_keyed_by_it(corpus_dir: Path) -> None:
    assert _fields(_report(corpus_dir, 1982))[:3] == [
        "煤炭工业建设",
        "石油工业建设",
        "电力工业建设",
    ]
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
    # 1996's 国有企业改革，要着眼于搞好整个国有经济 and 1995's lead 积极推进国有企业改革:
    # the name says the same and the bodies agree. (1982's lead 积极稳妥地加快经济体制改革的
    # 进程, the earlier example, is a numbered point heading a sub-part now: points.py.)
    units = _units([_report(corpus_dir, 1995), _report(corpus_dir, 1996)])
    field = _find(units, 1, "国有企业改革")
    assert field.topic
    lead = _find(units, 0, "积极推进国有企业改革")
    assert named_score(lead, field).score > pair_score(lead, field, False).score
    assert named_score(lead, field).heading > 0.5
    # within a pair of sections order and bodies place the paragraph: no name there
    assert pair_score(lead, field) == pair_score(lead, field, False)


def test_a_field_name_never_counts_alone_nor_against_a_pair(corpus_dir: Path) -> None:
    units = _units([_report(corpus_dir, 1994), _report(corpus_dir, 1995)])
    field = _find(units, 1, "财税体制改革")
    # shares 体制改革 with 1994's lead on trade, hardly a word of its body: no pair on
    # the name alone
    trade = _find(units, 0, "进一步深化流通体制改革，促进国内市场的统一和开放")
    assert pair_score(trade, field, True).score > pair_score(trade, field, False).score
    assert named_score(trade, field) == pair_score(trade, field, False)
    # the name is never worse for a pair than no name
    for u in units:
        if u.report == 0 and u.ref.kind == "paragraph":
            assert named_score(u, field).score >= pair_score(u, field, False).score


def test_a_field_named_as_a_front_keys_its_paragraph(corpus_dir: Path) -> None:
    # 在X方面，… / 在X战线上，… name field X; 在农民生活的改善方面 names no field
    assert _fields(_report(corpus_dir, 2006)) == ["产业结构调整", "科技", "教育", "卫生", "文化"]
    assert _fields(_report(corpus_dir, 1956)) == [
        "基本建设",
        "林业",
        "水利建设",
        "商品流转",
        "农业",
        "交通运输业",
        "商业",
        "基本建设",
        "地方财政",
    ]


def test_a_section_meets_a_field_paragraph_only_with_body_evidence(corpus_dir: Path) -> None:
    # 1982's 在农业建设方面，重点是加强黄河、长江… names 1981's 依靠政策和科学，加快农业的发展
    # field, yet its body is about water works: the name alone makes no pair
    units = _units([_report(corpus_dir, 1981), _report(corpus_dir, 1982)])
    field = _find(units, 1, "农业建设")
    farm = _find(units, 0, "依靠政策和科学，加快农业的发展")
    assert lead_score(farm, field) == ZERO_SCORE
    got = node_pairs(corpus_rows(corpus_dir, 1981, 1982))
    assert not any(b.label == "农业建设" for _, b in got)


def test_a_lone_lead_of_a_settled_pair_may_meet_a_stray_section() -> None:
    # xuhui-2022's sub-heading 持续提升城区软实力 (culture, sport) finds no counterpart in
    # its section's pair (建设人民城市… ↔ 以民为本,回应群众美好期待); huangpu-2023 gives
    # the topic a section of its own, 繁荣文化,推动城区软实力跃升
    from engine_support import node_pairs

    rows = align_reports([load_sample("xuhui-2022"), load_sample("huangpu-2023")])
    got = {(a.label, b.kind, b.label) for a, b in node_pairs(rows)}
    assert ("持续提升城区软实力", "section", "繁荣文化,推动城区软实力跃升") in got
