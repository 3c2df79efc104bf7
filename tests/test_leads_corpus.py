"""Lead phrases of two short clauses (积极推进企业改革，转换和完善经营机制。) open sub-topics.

National reports of the 1980s–1990s print the topic of a paragraph as two clauses; the
lead is what alignment compares paragraphs by and what the outline shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.text.headings import topic_lead_bounds
from reportdiff.core.text.load import load_text


@pytest.mark.parametrize(
    "paragraph, lead",
    [
        (
            "积极推进企业改革，转换和完善经营机制。企业改革是今年经济体制改革的重点。",
            "积极推进企业改革，转换和完善经营机制",
        ),
        ("加快转换国有企业经营机制。坚持以公有制为主体。", "加快转换国有企业经营机制"),
        ("去年，我们克服了重重困难。粮食产量创历史新高。", None),
        ("同时，要加强宏观调控的力度。这是今年的重点。", None),
        ("今年经济增长，预期为百分之七左右。", None),
        ("这是关系全局的任务，必须认真做好。各地要抓紧落实。", None),
        ("各位代表，我们要继续努力工作。各地要抓紧落实。", None),
    ],
)
def test_topic_lead(paragraph: str, lead: str | None) -> None:
    bounds = topic_lead_bounds(paragraph)
    assert (paragraph[bounds[0] : bounds[1]] if bounds else None) == lead


def test_two_clause_leads_in_the_corpus_are_topics(corpus_dir: Path) -> None:
    """Over whole reports: 1992's sub-topics get their leads, and every two-clause lead
    in 1980–2005 is a figure-free topic followed by its paragraph."""
    report = resolve_report(str(corpus_dir / "1992.txt"))
    leads = {report.slice(b.lead) for _, _, b in report.blocks() if b.lead}
    for expected in (
        "继续下大力气抓农业，争取农村经济更快发展",
        "积极推进企业改革，转换和完善经营机制",
        "加强民族团结，促进各民族共同繁荣",
    ):
        assert expected in leads
    two_clause = 0
    for year in range(1980, 2006):
        path = corpus_dir / f"{year}.txt"
        if not path.is_file():
            continue
        r = resolve_report(str(path))
        for _, _, b in r.blocks():
            if not b.lead or "，" not in r.slice(b.lead):
                continue
            two_clause += 1
            lead = r.slice(b.lead)
            assert not re.search(r"[0-9０-９]", lead), lead
            assert not lead.startswith(("今年", "去年", "同时", "我们")), lead
            assert r.text[b.lead.end : b.span.end].strip("。 \n"), lead
    assert two_clause >= 50


def test_a_lead_in_a_closing_passage_joins_its_parts_leads(corpus_dir: Path) -> None:
    """1992's 二、 lists its topics as leads, then goes on with 各位代表！ passages: the one
    lead there (计划生育和环境保护是我国的两项基本国策) is another topic of the part, not a
    lone short sentence."""
    report = resolve_report(str(corpus_dir / "1992.txt"))
    part = next(s for s in report.sections if "抓紧有利时机" in report.heading_text(s))
    assert any(b.lead for b in part.blocks)
    passage_leads = [report.slice(b.lead) for c in part.children for b in c.blocks if b.lead]
    assert passage_leads == ["计划生育和环境保护是我国的两项基本国策"]


def _leads_of(report_year: int, corpus_dir: Path) -> set[str]:
    r = resolve_report(str(corpus_dir / f"{report_year}.txt"))
    return {r.slice(b.lead) for _, _, b in r.blocks() if b.lead}


def test_review_fields_open_with_their_state_in_sets(corpus_dir: Path) -> None:
    """A review's paragraphs that each open with a field's state (1982: 农业生产持续地全面
    高涨，农村欣欣向荣，…) are led by that clause; 1984's army paragraph joins the status
    leads already printed in its part (科学教育文化卫生体育事业进一步发展)."""
    leads_1982 = _leads_of(1982, corpus_dir)
    for lead in (
        "农业生产持续地全面高涨",
        "工业消费品生产迅速发展",
        "财政收入连年下降的趋势开始扭转",
    ):
        assert lead in leads_1982
    assert "我国人民军队的革命化、现代化、正规化建设有了新的进展" in _leads_of(1984, corpus_dir)
    assert "国防建设和国防力量有了新的加强" in _leads_of(1983, corpus_dir)


def test_a_lone_status_clause_opens_an_ordinary_sentence(corpus_dir: Path) -> None:
    """Alone in its section, a clause of change is part of its sentence: 1979's 随着揭批…运动
    的不断深入，… and 1989's 努力保证今年对外贸易的持续发展，… get no lead."""
    assert not any(x.startswith("随着揭批") for x in _leads_of(1979, corpus_dir))
    assert not any(x.startswith("努力保证今年对外贸易") for x in _leads_of(1989, corpus_dir))


@pytest.mark.parametrize(
    "body, leads",
    [
        (
            "农业生产持续增长，粮食又获丰收。\n\n工业生产迅速发展，产品质量提高。\n",
            ["农业生产持续增长", "工业生产迅速发展"],
        ),
        ("农业生产持续增长，粮食又获丰收。\n\n我们还要继续努力，把工作做好。\n", [None, None]),
    ],
)
def test_status_clauses_lead_only_in_sets(body: str, leads: list[str | None]) -> None:
    r = load_text("一、工作回顾\n\n" + body, source="t.txt", region="全国", year=1990)
    assert [r.lead_text(b) for b in r.sections[0].blocks] == leads
