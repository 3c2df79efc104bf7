"""Part recognition over the whole corpus: every report's review and tasks, read from its text.

A property of every whole State Council report 1978–2005 (2006–2009 are truncated pages),
not of one file: each has a review and a tasks part, and a part whose heading does not say
which it is takes what its text says (要, 必须 → tasks; 了, 取得 → review).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from reportdiff.core.analysis.noderoles import node_roles
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.text.load import load_text
from reportdiff.core.text.parts import announces, reads_as, report_parts

WHOLE_YEARS = list(range(1978, 2006))


@cache
def _load(corpus: Path, year: int) -> Report:
    return resolve_report(str(corpus / f"{year}.txt"))


def _years(corpus_dir: Path) -> list[int]:
    return [y for y in WHOLE_YEARS if (corpus_dir / f"{y}.txt").is_file()]


def test_every_whole_report_has_a_review_and_tasks(corpus_dir: Path) -> None:
    missing = []
    for year in _years(corpus_dir):
        parts = {bp.part for bp in report_parts(_load(corpus_dir, year)).blocks.values()}
        if "review" not in parts or not parts & {"tasks", "plan"}:
            missing.append((year, sorted(parts)))
    assert not missing


def test_a_part_that_reads_as_tasks_after_the_review_is_never_a_review(
    corpus_dir: Path,
) -> None:
    """A topically headed part after the review (1987's 坚持长期稳定发展经济的方针, 1999's
    继续扩大内需和实施积极的财政政策) that says what must be done is not carried on as review."""
    wrong = []
    for year in _years(corpus_dir):
        report = _load(corpus_dir, year)
        roles = node_roles(report)
        seen_review = False
        for i, sec in enumerate(report.sections):
            role = roles.sections.get((i,))
            body = report.text[sec.span.start : sec.span.end]
            if seen_review and role == "review" and reads_as(body) == "tasks":
                wrong.append((year, report.heading_text(sec)))
            seen_review = seen_review or role == "review"
    assert not wrong


def test_review_parts_never_read_as_tasks(corpus_dir: Path) -> None:
    """The reading rule itself: every part a heading calls a review (回顾, 总结) reads as a
    review or as mixed, never as tasks — the rule is not a coin toss on these texts."""
    checked = 0
    for year in _years(corpus_dir):
        report = _load(corpus_dir, year)
        for sec in report.sections:
            heading = report.heading_text(sec)
            if "回顾" in heading or "总结" in heading:
                checked += 1
                assert reads_as(report.text[sec.span.start : sec.span.end]) != "tasks", heading
    assert checked >= 10


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            (
                "去年，我们取得了显著成绩，粮食产量已经达到新水平，财政收入增长了百分之十，"
                "外贸取得了新进展，改革迈出了新步伐，人民生活有了改善。"
            ),
            "review",
        ),
        (
            (
                "今年要继续加强农业，必须稳定粮食生产，要深化改革，应当扩大开放，"
                "要保持物价稳定，必须加强管理，要提高效益，力争增长百分之八。"
            ),
            "tasks",
        ),
        ("主要问题是需要解决的，重要的是要求。", ""),
    ],
)
def test_reads_as(text: str, expected: str) -> None:
    assert reads_as(text) == expected


def test_a_heading_naming_the_situation_and_tasks_is_read_from_its_paragraphs(
    corpus_dir: Path,
) -> None:
    """1987's 一、当前国内形势和基本任务 reviews 1986 (１９８６年是…); its 任务 does not make
    it a tasks part, and the parts after it (which say 必须, 要) are tasks."""
    report = _load(corpus_dir, 1987)
    roles = node_roles(report)
    assert roles.sections[(0,)] == "review"
    assert [roles.sections.get((i,)) for i in range(1, len(report.sections))] == ["task"] * (
        len(report.sections) - 1
    )


def test_no_part_after_the_tasks_is_a_review_unless_its_heading_says_so(
    corpus_dir: Path,
) -> None:
    """关于国际形势和外交工作 after the tasks (1999: 1998年，世界… then 中国政府将…) is a task
    part; only a heading that says it reviews (1982's 六五计划前两年的执行情况) goes back."""
    wrong = []
    for year in _years(corpus_dir):
        report = _load(corpus_dir, year)
        roles = node_roles(report)
        ahead = False
        for i, sec in enumerate(report.sections):
            role = roles.sections.get((i,))
            heading = report.heading_text(sec)
            if ahead and role == "review" and not re.search("回顾|执行情况|总结", heading):
                wrong.append((year, heading))
            ahead = ahead or role in ("task", "plan")
    assert not wrong


def test_the_governments_own_conduct_is_one_role_outside_the_review(corpus_dir: Path) -> None:
    """政府自身建设, 政风建设, 廉洁、勤政、务实、高效政府, 政府机构改革: headings worded apart
    (1999's 贯彻依法治国方略，建设廉洁、勤政、务实、高效政府, 2000's 从严治政，加强政府自身
    建设, 2005's 加强行政能力建设和政风建设) share the role ``self`` among the tasks; a
    review section about it stays a review."""
    found = {}
    for year in _years(corpus_dir):
        report = _load(corpus_dir, year)
        roles = node_roles(report)
        for path, sec in report.walk():
            heading = report.heading_text(sec)
            if re.search("自身建设|政风|勤政|政府机构改革", heading):
                found[(year, heading)] = roles.sections.get(path)
                assert roles.sections.get(path) in ("self", "review"), (year, heading)
    assert found[(1999, "贯彻依法治国方略，建设廉洁、勤政、务实、高效政府")] == "self"
    assert found[(2000, "从严治政，加强政府自身建设")] == "self"
    assert found[(2005, "加强行政能力建设和政风建设")] == "self"


@pytest.mark.parametrize(
    "text, expected",
    [
        # 1986: the preamble announces the review of the plan period that follows
        (
            (
                "三年多的工作，第七个五年计划草案已制定完毕，现提请大会审议。下面，我先报告一下"
                "“六五”计划的执行情况，因为这是制定“七五”计划的重要依据。"
            ),
            "review",
        ),
        ("首先，我报告一年来的工作。", "review"),
        ("今年经济发展要着重抓好以下四个方面工作。", "tasks"),  # 2005
        ("政府要加强行政立法工作。今年要着重抓好以下三项工作。", "tasks"),  # 1999
        ("今年要着重做好以下八个方面的工作：", "tasks"),
        ("去年，我们取得了很大成绩，粮食产量创历史新高。", ""),
    ],
)
def test_announcements(text: str, expected: str) -> None:
    assert announces(text) == expected


def test_an_announced_review_and_tasks_set_the_parts_without_headings() -> None:
    """A report that prints no part headings: 首先报告…的工作 opens the review, 今年要着重
    做好以下…工作 the tasks, though the paragraphs after it open with no period word."""
    text = "各位代表：\n\n现在，我代表国务院向大会作政府工作报告，请予审议。首先，我报告一年来的工作。\n\n经济保持稳定增长。国民生产总值比上年增长百分之五。\n\n改革开放继续深化。企业改革取得新进展。\n\n今年要着重做好以下八个方面的工作。\n\n继续加强农业。要稳定粮食面积，增加农业投入。\n\n深化企业改革。要转换企业经营机制。"
    report = load_text(text, source="announced.txt")
    parts = [bp.part for _, bp in sorted(report_parts(report).blocks.items())]
    assert parts[2:4] == ["review", "review"]
    assert parts[-2:] == ["tasks", "tasks"]


def test_a_review_paragraph_that_opens_on_what_is_to_be_done_from_now_on_is_tasks(
    corpus_dir: Path,
) -> None:
    """1984's 关于国内建设 reviews 1983 and, before its 一、…五、 reforms, says 国务院认为，今后
    在经济工作中，要着重抓好体制改革和对外开放这两件大事: that paragraph looks ahead (it never
    meets 1985's review of the rural reform); the review paragraph before it stays a review.
    1979's 第一，承认阶级斗争还没有结束，同时承认今后再不需要…, where 今后 comes late in the
    sentence, stays as read."""
    report = _load(corpus_dir, 1984)
    parts = report_parts(report)
    keys = {report.slice(b.span)[:10]: (*path, i) for path, i, b in report.blocks()}
    assert parts.blocks[keys["国务院认为，今后在经"]].part == "tasks"
    assert parts.blocks[keys["一年来，我国社会主义"]].part == "review"
    old = _load(corpus_dir, 1979)
    old_parts = report_parts(old)
    [key] = [
        (*p, i) for p, i, b in old.blocks() if old.slice(b.span).startswith("第一，承认阶级斗争")
    ]
    assert old_parts.blocks[key].part == "review"
