"""A figure printed before 的 and a kind of works (年产一百五十万吨的煤矿, 六十五万千瓦的火电站)
is that works' size, of no one year: the sizes of one kind of works meet across reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import made_pairs
from reportdiff.core.analysis.facilities import sized_works
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.storage.resolve import resolve_report


def test_the_largest_works_the_country_can_design_meet(corpus_dir: Path) -> None:
    # 1958.txt: 我们也已经开始能够自己设计和建设…年产一百五十万吨的钢铁联合企业，年产一百五十万
    # 吨的煤矿，…设备容量一百万千瓦左右的水电站，四十万千瓦的火电站; 1959.txt: 已经能够自己设计
    # 和建设…象年产一百五十万吨钢的钢铁联合企业，年产二百四十万吨煤的煤矿，设备总容量为一百万
    # 千瓦的水电站和六十五万千瓦的火电站 (1958 counts them in its plan part, 1959 in its review)
    made = made_pairs(corpus_dir, "1958.txt", "1959.txt")
    assert ("一百五十万吨", "一百五十万吨") in made
    assert ("一百五十万吨", "二百四十万吨") in made
    assert ("一百万千瓦", "一百万千瓦") in made
    assert ("四十万千瓦", "六十五万千瓦") in made


@pytest.mark.parametrize(
    ("name", "printed", "after"),
    [
        ("1980.txt", "２５０万吨", "的电站"),  # 改造烧油２５０万吨的电站: the oil they burn
        ("1982.txt", "一百万吨", "以上的大型矿井"),  # a threshold: the class of a count
        ("1992.txt", "３０万吨", "的扬子"),  # 年产各３０万吨的扬子和齐鲁乙烯工程: named plants
    ],
)
def test_what_sizes_no_kind_of_works_is_left_alone(
    corpus_dir: Path, name: str, printed: str, after: str
) -> None:
    report = resolve_report(str(corpus_dir / name))
    found = [
        q
        for q in extract_quantities(report)
        if q.text == printed and report.text.startswith(after, q.span.end)
    ]
    assert found, (name, printed)
    assert all(sized_works(report.text, q) is q for q in found)
