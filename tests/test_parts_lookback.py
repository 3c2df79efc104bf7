"""A paragraph that looks back under a plan or tasks heading is a review (issue 10).

Where a paragraph stands does not make its figures plans: 1996's part 九、努力做好１９９６年的
工作 opens with 过去的一年，…取得新的成就 and 1995's figures; 1959's 我们在文化教育战线上的任务
opens with 一九五八年，…获得了多方面的研究成果. A paragraph whose own opening looks back
(过去的一年, 去年, 一年来, 五年来, the reviewed year) and that says nothing must be done, sets
no targets and names no coming year is a review; the paragraphs beside it stay tasks or plan.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.text.parts import report_parts


@cache
def _load(corpus: Path, year: int) -> Report:
    return resolve_report(str(corpus / f"{year}.txt"))


def _block_starting(report: Report, opening: str) -> tuple[int, ...]:
    """The block path of the paragraph that opens with ``opening`` (one in the report)."""
    found = [
        (*path, index)
        for path, index, block in report.blocks()
        if report.text[block.span.start : block.span.end].lstrip().startswith(opening)
    ]
    assert len(found) == 1, (opening, found)
    return found[0]


def _heading_of(report: Report, block: tuple[int, ...]) -> str:
    return report.heading_text(report.sections[block[0]])


def _figure(report: Report, block: tuple[int, ...], text: str) -> Quantity:
    found = [q for q in extract_quantities(report) if q.block == block and q.text == text]
    assert len(found) == 1, (text, found)
    return found[0]


def test_1996_a_review_of_1995_opening_the_1996_tasks_is_review(corpus_dir: Path) -> None:
    report = _load(corpus_dir, 1996)
    parts = report_parts(report)
    back = _block_starting(report, "过去的一年，我国改革开放")
    assert "努力做好１９９６年的工作" in _heading_of(report, back)
    assert parts.at(back).part == "review"
    # 零售物价涨幅从２１．７％回落到１４．８％: 1995's fall, a result, not a 1996 plan
    for text in ("２１．７％", "１４．８％"):
        q = _figure(report, back, text)
        assert q.role == "result" and not q.is_target, q
    assert _figure(report, back, "１４．８％").year == 1995


def test_1996_the_plan_paragraph_under_the_same_heading_stays_plan(corpus_dir: Path) -> None:
    """１９９６年是“九五”计划第一年…经济增长速度８％: the next paragraph still looks ahead."""
    report = _load(corpus_dir, 1996)
    parts = report_parts(report)
    ahead = _block_starting(report, "１９９６年是“九五”计划第一年")
    assert ahead[0] == _block_starting(report, "过去的一年，我国改革开放")[0]
    assert parts.at(ahead).part in ("tasks", "plan")
    growth = _figure(report, ahead, "８％")
    assert growth.role == "target" and growth.year == 1996


def test_1959_a_review_of_1958_opening_a_tasks_part_is_review(corpus_dir: Path) -> None:
    report = _load(corpus_dir, 1959)
    parts = report_parts(report)
    back = _block_starting(report, "一九五八年，在科学技术工作方面")
    assert "任务" in _heading_of(report, back)
    assert parts.at(back).part == "review"


def test_a_look_back_that_says_what_must_be_done_stays_tasks(corpus_dir: Path) -> None:
    """1959: 一九五八年的农业大跃进，提供了…经验。…应当采取不同的措施…我们必须很好地总结这些
    经验 opens on 1958 but draws the tasks from it: it stays tasks."""
    report = _load(corpus_dir, 1959)
    parts = report_parts(report)
    lesson = _block_starting(report, "一九五八年的农业大跃进")
    assert "任务" in _heading_of(report, lesson)
    assert parts.at(lesson).part == "tasks"


def test_a_look_back_that_turns_to_this_year_stays_tasks(corpus_dir: Path) -> None:
    """1958: 去年秋季开始的工农业生产新高潮更加证明… opens on 1957 but argues for what must be
    done this year (今年, 必须, 力争): it stays tasks."""
    report = _load(corpus_dir, 1958)
    parts = report_parts(report)
    argued = _block_starting(report, "去年秋季开始的工农业生产新高潮")
    assert parts.at(argued).part == "tasks"
