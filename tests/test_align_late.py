"""Reports delivered late in the year they review (1981 and 1982, both on 30 November), and
a plan report against policies: review meets review wherever it is printed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from engine_support import corpus_rows, row_pairs
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.text.load import load_text
from reportdiff.core.text.parts import heading_cue, report_parts


@cache
def _load(corpus: Path, year: int) -> Report:
    return resolve_report(str(corpus / f"{year}.txt"))


def test_a_report_delivered_late_reviews_the_year_it_is_delivered_in(corpus_dir: Path) -> None:
    """1981 (今年以来，…) and 1982 (今年一到九月…), delivered in November, review their own
    year; 1983 (June) and 2005 (March) review the year before."""
    years = {y: report_parts(_load(corpus_dir, y)).reviewed_year for y in (1981, 1982, 1983, 2005)}
    assert years == {1981: 1981, 1982: 1982, 1983: 1982, 2005: 2004}


def test_this_year_so_far_without_a_late_date_changes_nothing() -> None:
    """No session date: 今年以来 alone does not move the reviewed year."""
    text = "各位代表：\n\n今年以来，各级政府坚决执行调整方针，经济形势稳定。\n"
    r = load_text(text, source="t.txt", id="t", year=1990)
    assert report_parts(r).reviewed_year == 1990


def test_today_in_a_late_report_opens_the_review(corpus_dir: Path) -> None:
    """1981's （一）当前的经济形势 reviews 1981 (今年以来，… 今年我国许多地方遭到的水旱灾害);
    read as the coming year it made the review a task section."""
    r = _load(corpus_dir, 1981)
    parts = report_parts(r)
    first = r.sections[0]
    assert r.heading_text(first) == "当前的经济形势"
    kinds = [parts.at((0, i)).part for i in range(len(first.blocks))]
    assert kinds.count("review") >= 0.9 * len(kinds), kinds


def test_a_heading_saying_from_now_on_looks_ahead() -> None:
    """今后经济建设的方针 (1981), 今后五年的主要任务 (1983): 今后 opens the tasks."""
    assert heading_cue("今后经济建设的方针", None) == "tasks"
    assert heading_cue("过去五年的回顾", None) == "review"


def test_the_review_meets_the_review_printed_after_a_plan(corpus_dir: Path) -> None:
    """1982 prints its review (六五计划前两年的执行情况) after the plan's tasks."""
    pairs = row_pairs(corpus_rows(corpus_dir, 1981, 1982))
    assert ("当前的经济形势", "六五计划前两年的执行情况") in pairs
