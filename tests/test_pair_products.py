"""A product counted in its own unit is named by itself: 机床 in 台 as 钢 in 吨. Case from
the dev gold (bench/gold/1958-1959.json)."""

from __future__ import annotations

from pathlib import Path

from engine_support import made_pairs


def test_machines_counted_in_tai_are_a_product(corpus_dir: Path) -> None:
    """1958: 比上一年…机床增产了三千一百多台; 1959: 一九五八年比一九五七年…机床增加了二万二千台
    (not 一九五七年比一九五二年…一万四千三百台, five years' increase): 机床 in 台 is a product
    named by itself, as 钢 in 吨 is."""
    made = made_pairs(corpus_dir, "1958.txt", "1959.txt")
    assert ("三千一百多台", "二万二千台") in made


def test_a_products_growth_rate_is_named_by_the_product(corpus_dir: Path) -> None:
    """1955: 如铁增长百分之五十六，钢增长百分之六十五，…煤增长百分之二十六 (1954 on 1953);
    1956: 原煤增长１７％，…钢增长２８％ (1955 on 1954). 钢 and 煤 are given in 吨 in these
    reports: a growth rate named by them alone is their output's growth, one series."""
    made = made_pairs(corpus_dir, "1955.txt", "1956.txt")
    assert ("百分之六十五", "２８％") in made
    assert ("百分之二十六", "１７％") in made


def test_how_a_growth_target_was_set_is_no_part_of_its_product(corpus_dir: Path) -> None:
    """1958: 一九五八粮食的指标为三千九百二十亿斤，…增长百分之五点九 (a year misprinted without 年);
    1959: 一九五九年计划要求粮食增产百分之四十. Both are the grain output's growth target for
    their year: 的指标 and 计划要求 say how it was set, not what grows."""
    assert ("百分之五点九", "百分之四十") in made_pairs(corpus_dir, "1958.txt", "1959.txt")
