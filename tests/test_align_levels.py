"""Alignment across the levels reports cut their topics at (parts, sections, leads).

Real corpus pairs: a part in one report meets a numbered task of the other's tasks part,
a review part that ends on untitled summing-up passages is compared whole.
"""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows as _rows
from engine_support import row_pairs as _pairs


def _has(pairs: list[tuple[str, str]], a: str, b: str) -> bool:
    return any(a in x and b in y for x, y in pairs)


def test_a_part_closed_by_untitled_passages_meets_the_others_task(corpus_dir: Path) -> None:
    """1987's 四、巩固和发展安定团结的政治局面 ends on 各位代表！ passages (一国两制, the
    closing); it is still the counterpart of 1988's sixth task 进一步加强社会主义民主和法制
    建设，…巩固和发展全国安定团结的政治局面, one of ten sections of 1988's tasks part."""
    pairs = _pairs(_rows(corpus_dir, 1987, 1988))
    assert _has(pairs, "巩固和发展安定团结的政治局面", "进一步加强社会主义民主和法制建设")
    assert _has(pairs, "当前国内形势和基本任务", "过去五年国内工作的基本总结")


def test_a_review_with_summing_up_passages_meets_a_one_year_review(corpus_dir: Path) -> None:
    """1993's 一、…取得伟大成就的五年 goes on with untitled passages (各位代表！过去五年…);
    the whole part is the counterpart of 1992's 一、１９９１年国内工作的回顾."""
    pairs = _pairs(_rows(corpus_dir, 1992, 1993))
    assert _has(pairs, "国内工作的回顾", "改革开放和现代化建设取得伟大成就的五年")
    assert not _has(pairs, "国内工作的回顾", "争取国民经济再上一个新台阶")


def test_paragraphs_with_different_leads_need_shared_content(corpus_dir: Path) -> None:
    """1992's 继续扩大对外开放，更好地促进国内经济发展 stands between two pairs where 1993 has
    改善和加强宏观经济管理: different leads and little shared content make no pair; the
    opening-up paragraph finds 1993's 进一步扩大对外开放 instead."""
    pairs = _pairs(_rows(corpus_dir, 1992, 1993))
    assert not _has(pairs, "继续扩大对外开放", "改善和加强宏观经济管理")
    assert _has(pairs, "继续扩大对外开放，更好地促进国内经济发展", "进一步扩大对外开放")


def test_a_moved_pair_is_each_sides_best_of_all(corpus_dir: Path) -> None:
    """2000's 加快科技、教育发展，加强精神文明建设 is best matched by 2001's 加强精神文明和
    民主法制建设…; once that went elsewhere, the next best of what is left (继续实施可持续
    发展战略) is no counterpart, and 2000's reform part is not 2001's agriculture part."""
    pairs = _pairs(_rows(corpus_dir, 2000, 2001))
    assert not _has(pairs, "加快科技、教育发展", "继续实施可持续发展战略")
    assert not _has(pairs, "继续推进改革，全面加强管理", "加强农业基础地位")


def test_a_whole_part_meets_a_topical_part_with_sections_as_a_whole(corpus_dir: Path) -> None:
    """1995's 二、促进国民经济持续、快速、健康发展 has no sections; 2005's 二、继续保持经济平稳
    较快发展 has four. The parts are counterparts by all they say, not by 2005's opening
    paragraph alone (which made 1995's part meet a 2005 section on structure instead)."""
    pairs = _pairs(_rows(corpus_dir, 1995, 2005))
    assert _has(pairs, "促进国民经济持续、快速、健康发展", "继续保持经济平稳较快发展")
    assert not _has(pairs, "促进国民经济持续、快速、健康发展", "加快推进经济结构调整")
