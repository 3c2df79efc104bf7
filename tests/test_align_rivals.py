"""A pair of sections resting on body words that several sections of the other report share
as well is no pair (core/analysis/alignrivals.py)."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, row_pairs


def test_one_task_part_does_not_meet_the_part_of_all_tasks(corpus_dir: Path) -> None:
    """1990's 二、一九九○年的国内工作 holds all ten domestic tasks; it is about as like four of
    1989's task parts (0.31) as like 五、在治理整顿中确保科技和教育的发展 (0.33), which order gave
    it. Neither meets the other; the review parts (headings unlike, no rival) still do."""
    pairs = row_pairs(corpus_rows(corpus_dir, 1989, 1990))
    assert not any(b == "一九九○年的国内工作" for _, b in pairs), pairs
    assert not any(a == "在治理整顿中确保科技和教育的发展" for a, _ in pairs), pairs
    assert ("一心一意进行治理整顿，为实现经济的稳定增长而奋斗", "一九八九年的回顾") in pairs or any(
        a.startswith("一心一意进行治理整顿") and b == "一九八九年的回顾" for a, b in pairs
    ), pairs


def test_a_pair_with_a_weaker_rival_stays(corpus_dir: Path) -> None:
    """2000 ↔ 2001: 加快科技、教育发展，加强精神文明建设 meets 落实科教兴国战略，大力开发人才资源
    on body alone (0.22) with rivals near it, but none as like as :data:`STRONG`: kept."""
    pairs = row_pairs(corpus_rows(corpus_dir, 2000, 2001))
    assert any(
        a.startswith("加快科技、教育发展") and b.startswith("落实科教兴国战略") for a, b in pairs
    ), pairs
