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
