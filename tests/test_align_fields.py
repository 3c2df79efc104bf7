"""Reports cut by field, not by review and tasks: 1984 has 关于国内建设 and 关于外交工作, each
reviewing the year in its opening and then looking ahead under topical headings."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, national, row_pairs
from reportdiff.core.analysis.noderoles import node_roles
from reportdiff.core.analysis.similarity import report_tokens
from reportdiff.core.analysis.unittree import top_units


def test_a_section_that_says_what_must_be_done_ends_a_review_under_topical_headings() -> None:
    """1984's 关于国内建设 opens on the year's review; its sections 一、…五、 (reforms, under
    headings that name no part) say what must be done: tasks, not the review's tail."""
    r = national(1984)
    roles = node_roles(r)
    part = r.sections[0]
    assert r.heading_text(part) == "关于国内建设"
    assert roles.blocks[(0, 0)] == "review"
    assert len(part.children) == 5
    assert [roles.sections.get((0, i)) for i in range(5)] == ["task"] * 5


def test_a_part_standing_for_its_opening_takes_the_role_of_that_opening() -> None:
    """The part's own paragraphs review 1983 while most of its text (its sections) looks
    ahead: the unit that stands for the opening is a review."""
    r = national(1984)
    units = top_units(1, r, report_tokens(r))
    part = next(u for u in units if u.ref.label == "关于国内建设")
    assert part.shallow
    assert part.role == "review"
    assert node_roles(r).sections[(0,)] == "task"


def test_a_five_year_review_meets_the_review_of_a_report_cut_by_field(corpus_dir: Path) -> None:
    """1983 (过去五年的回顾, then five task sections) ↔ 1984: review with review, the
    foreign-affairs section with the foreign-affairs part, tasks with tasks."""
    pairs = row_pairs(corpus_rows(corpus_dir, 1983, 1984))
    assert ("过去五年的回顾", "关于国内建设") in pairs
    assert ("关于外交工作", "关于外交工作") in pairs
    assert not any(a == "过去五年的回顾" and b.startswith("认真地有步骤地改革") for a, b in pairs)
