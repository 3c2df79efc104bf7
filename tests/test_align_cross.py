"""A section pair and a pair of their lead paragraphs that cross: each meets what it names."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, row_pairs


def test_crossed_sections_and_leads_meet_what_they_name(corpus_dir: Path) -> None:
    """1987's part 坚持长期稳定发展经济的方针 holds the lead 必须把加强农业放在发展国民经济的
    重要战略地位; 1988's section 大力发展农业生产和加强基础工业… holds 为了保持国民经济持续
    增长，必须长期实行稳定发展经济的方针. Agriculture meets agriculture, the steady-growth
    policy meets the steady-growth policy."""
    pairs = row_pairs(corpus_rows(corpus_dir, 1987, 1988))
    assert any(
        a.startswith("必须把加强农业") and b.startswith("大力发展农业生产") for a, b in pairs
    ), pairs
    assert any(
        a == "坚持长期稳定发展经济的方针" and "必须长期实行稳定发展经济的方针" in b
        for a, b in pairs
    ), pairs
    assert not any(
        a == "坚持长期稳定发展经济的方针" and b.startswith("大力发展农业生产") for a, b in pairs
    )


def test_section_pairs_that_do_not_cross_are_left_alone(corpus_dir: Path) -> None:
    """1992 ↔ 1993: every part keeps its counterpart (none of their leads names the other
    report's section better than both pairs)."""
    pairs = row_pairs(corpus_rows(corpus_dir, 1992, 1993))
    assert ("加快改革步伐，扩大对外开放", "加快建立社会主义市场经济体制的改革步伐") in pairs
    assert ("积极推进祖国和平统一大业", "积极推进祖国和平统一大业") in pairs
