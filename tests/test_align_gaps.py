"""Sections hemmed in by counterparts still need evidence of their own."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, node_pairs, row_pairs
from reportdiff.core.analysis.align import align_reports


def test_two_sections_in_a_gap_need_the_full_threshold(corpus_dir: Path) -> None:
    """1981's 一、依靠政策和科学，加快农业的发展 and 1982's 第六个五年计划的基本任务 share
    only common words (0.17): standing between two pairs does not make them counterparts;
    nor 十、…统筹安排生产建设和人民生活 and 全面实现六五计划的主要措施."""
    pairs = row_pairs(corpus_rows(corpus_dir, 1981, 1982))
    assert not any(a.startswith("依靠政策和科学") and "基本任务" in b for a, b in pairs)
    assert not any(a.startswith("从一切为人民") and "主要措施" in b for a, b in pairs)
    # the pairs that have evidence stay
    assert any(a.startswith("坚持对外开放政策") and "对外经济技术交流" in b for a, b in pairs)


def test_a_paragraph_in_a_gap_may_pair_on_less() -> None:
    """yangpu 2022's 依法行政深入推进 and 2023's 法治政府夯实基础 share their body (办结率,
    满意率) but no heading word: hemmed in by counterparts, they pair."""
    from reportdiff.core.analysis.align import align_reports
    from reportdiff.core.storage.resolve import resolve_report

    rows = align_reports([resolve_report("yangpu-2022"), resolve_report("yangpu-2023")])
    assert ("依法行政深入推进", "法治政府夯实基础") in row_pairs(rows)


def test_a_moved_pair_keeps_its_body_evidence_when_a_neighbour_says_like_words(
    corpus_dir: Path,
) -> None:
    """1981's 为了保证人民生活逐步得到改善，必须继续坚定不移地控制人口的增长 meets 1982's
    要严格控制人口增长 (moved: 1981 prints it under 十、, 1982 under 五、), not its neighbour
    城乡居民的居住条件将继续得到改善, whose lead shares 人民生活…得到改善 and whose body
    shares almost nothing."""
    from reportdiff.core.storage.resolve import resolve_report

    a, b = (resolve_report(str(corpus_dir / f"{y}.txt")) for y in (1981, 1982))
    rows = align_reports([a, b])
    # By the paragraph's text, not its label: whether its first clause is shown as a lead
    # is the outline's business (a lone two-clause lead is not one), the pairing is this test's.
    mine = [
        b.text[y.span.start : y.span.end]
        for x, y in node_pairs(rows)
        if x.kind == "paragraph" and "坚定不移地控制人口的增长" in a.text[x.span.start : x.span.end]
    ]
    assert len(mine) == 1 and "要严格控制人口增长" in mine[0], mine
