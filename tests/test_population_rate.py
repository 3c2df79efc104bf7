"""The population's growth rate named as a person names it, and met across reports.

1979.txt: 今年我们要力争使全国人口增长率降到千分之十左右; 1980.txt (setting 1981's
indicators): 计划生育，人口自然增长率为１％. One aim for each report's coming year, in ‰
and in %: what is aimed at is named after the causative 使, 降 before 到 is the move, and
人口自然增长率 keeps its name (人口自然 names nothing).
"""

from __future__ import annotations

from conftest import CORPUS, require
from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.facts import base_name
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.storage.resolve import resolve_report


def _report(year: int):  # type: ignore[no-untyped-def]
    return resolve_report(str(require(CORPUS, "State Council corpus") / f"{year}.txt"))


def test_what_an_aim_moves_is_named_after_shi_and_before_the_move() -> None:
    assert quantity(national(1979), "千分之十").indicator == "全国人口增长率"
    # 2003.txt: 人口自然增长率降到６．４５‰ (a result): 降 is the move, not the noun
    assert quantity(national(2003), "６．４５‰").indicator == "人口自然增长率"


def test_a_bare_scope_after_shi_is_not_the_name() -> None:
    """1999.txt: 要使全国80％以上的人口地区普及九年义务教育: 全国 alone is the scope of the
    noun after the figure, no name of its own."""
    report = national(1999)
    at = report.text.index("要使全国80％以上的人口地区")
    q = next(q for q in extract_quantities(report) if at < q.span.start < at + 10)
    assert q.indicator != "全国"


def test_the_natural_growth_rate_keeps_its_name() -> None:
    assert base_name("人口自然增长率", "change") == "人口自然增长率"
    assert base_name("工农业总产值增长率", "change") == "工农业总产值"


def test_the_rate_in_permille_meets_the_rate_in_percent() -> None:
    assert partner(pairs(_report(1979), _report(1980)), 0, "千分之十") == "１％"
