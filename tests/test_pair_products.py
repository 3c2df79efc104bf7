"""A product counted in its own unit is named by itself: 机床 in 台 as 钢 in 吨. Case from
the dev gold (bench/gold/1958-1959.json)."""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.analysis.compare import compare
from reportdiff.core.storage.resolve import resolve_report


def test_machines_counted_in_tai_are_a_product(corpus_dir: Path) -> None:
    """1958: 比上一年…机床增产了三千一百多台; 1959: 一九五八年比一九五七年…机床增加了二万二千台
    (not 一九五七年比一九五二年…一万四千三百台, five years' increase): 机床 in 台 is a product
    named by itself, as 钢 in 吨 is."""
    ra, rb = (resolve_report(str(corpus_dir / n)) for n in ("1958.txt", "1959.txt"))
    made = {
        (p.values[0].text, p.values[1].text)
        for p in compare([ra, rb]).numbers
        if p.values[0] is not None and p.values[1] is not None
    }
    assert ("三千一百多台", "二万二千台") in made
