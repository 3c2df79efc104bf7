"""What a plan is expected to bring in its coming year is a plan's figure.

1980.txt (姚依林, given on 30 August 1980) reviews 1979 and sets 1981's indicators; 1979.txt
sets 1979's. Each one's coming year is the year it plans (restated.reviewed_meta), so a
forecast among one's tasks meets the other's plan for its coming year (lookahead.py).
"""

from __future__ import annotations

from conftest import CORPUS, require
from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.storage.resolve import resolve_report


def _report(year: int):  # type: ignore[no-untyped-def]
    """The report as the engine reads the corpus page (the bench reads it so)."""
    return resolve_report(str(require(CORPUS, "State Council corpus") / f"{year}.txt"))


def test_an_expected_gain_of_the_coming_year_meets_the_next_plans() -> None:
    """1979's 社队和农民的收入估计将增加一百三十亿元左右 is 1979's expected gain; 1980's
    农村社队和农民收入将增加近１００亿元 is 1981's, the year that report plans."""
    ps = pairs(_report(1979), _report(1980))
    assert partner(ps, 0, "一百三十亿元") == "１００亿元"


def test_estimated_is_no_part_of_the_name() -> None:
    """收入估计将增加: 估计 hedges the figure, the income is what is counted (and whose)."""
    q = quantity(national(1979), "一百三十亿元")
    assert q.indicator == "农村社队和农民的收入"
    assert q.subject == "农村"


def test_the_start_of_a_planned_rise_is_no_plan() -> None:
    """由今年预计的３％提高到４％ (1981.txt): ３％ is this year's estimate, where 1982's plan
    starts; 1980's aim for 1981 (５．５％) meets the ４％ only."""
    assert partner(pairs(_report(1980), _report(1981)), 0, "５．５％") == "４％"


def test_a_review_given_in_august_is_of_the_year_before() -> None:
    """1980.txt (30 August 1980) reviews 1979 with the first half of 1980: a review figure
    naming no year of its own is 1979's (１９７９年人口自然增长率由上年的１．２％下降到
    １．１７％; 每吨钢的综合能耗…降低到２．２８吨; 中等专业学校在校学生１２０万人)."""
    report = _report(1980)
    quantities = extract_quantities(report)

    def years(phrase: str) -> list[int | None]:
        at = report.text.index(phrase)
        return [q.year for q in quantities if at <= q.span.start < at + len(phrase)]

    assert years("人口自然增长率由上年的１．２％下降到１．１７％") == [1978, 1979]
    assert years("由上年的２．５１吨煤，降低到２．２８吨")[1] == 1979
    assert years("中等专业学校在校学生１２０万人") == [1979]
