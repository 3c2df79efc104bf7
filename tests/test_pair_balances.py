"""Households' savings deposits are a balance by definition: the amount they rose by in a
year is the year's addition, whether the report names the balance (储蓄存款余额…比上年末增加)
or not (城乡储蓄增加1334亿元). Case from the dev gold (bench/gold/1990-1991.json)."""

from __future__ import annotations

from pathlib import Path

from engine_support import made_pairs


def test_savings_added_pairs_with_the_balance_increase(corpus_dir: Path) -> None:
    """1990: 城乡储蓄增加１３３４亿元; 1991: 一九九○年末居民储蓄存款余额达七千零三十四亿元，比上年末
    增加一千八百八十七亿元."""
    pairs = made_pairs(corpus_dir, "1990.txt", "1991.txt")
    assert ("１３３４亿元", "一千八百八十七亿元") in pairs
    assert not any(b == "七千零三十四亿元" and a == "１３３４亿元" for a, b in pairs)
