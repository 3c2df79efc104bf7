"""In a report delivered late in the year it reviews, 今年 is that year (the year so far)
and 明年 the coming one, for a figure's year as for a section's framing. 1981.txt is
delivered on 30 November 1981 (今年以来…), 1982.txt on 30 November 1982 (今年一到九月…)."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import made_pairs, printed_near
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.storage.resolve import resolve_report


def _years(corpus_dir: Path, name: str, printed: str, words: str) -> set[int | None]:
    return {q.year for q in printed_near(corpus_dir, name, printed, words, 30)}


@pytest.mark.parametrize(
    ("name", "printed", "words", "year"),
    [
        ("1982.txt", "四十多亿元", "今年的亏损额预计达", 1982),
        ("1981.txt", "１２％", "今年轻纺工业的总产值预计", 1981),
        ("1981.txt", "９％", "社会商品零售额今年预计", 1981),
    ],
)
def test_this_year_in_a_late_report_is_the_year_reviewed(
    corpus_dir: Path, name: str, printed: str, words: str, year: int
) -> None:
    assert _years(corpus_dir, name, printed, words) == {year}


def test_this_year_in_a_spring_report_is_the_coming_year(corpus_dir: Path) -> None:
    """1997.txt, delivered in March, reviews 1996: 今年…调控目标定为８％ is 1997's."""
    assert _years(corpus_dir, "1997.txt", "８％", "经济增长速度的调控目标") == {1997}


def _quantity(corpus_dir: Path, name: str, printed: str, words: str):  # type: ignore[no-untyped-def]
    report = resolve_report(str(corpus_dir / name))
    found = [
        q
        for q in extract_quantities(report)
        if q.text == printed and words in report.text[q.span.start - 30 : q.span.end + 5]
    ]
    assert len(found) == 1, found
    return found[0]


def test_an_estimate_at_the_years_end_is_the_years_result(corpus_dir: Path) -> None:
    """1981.txt, given on 30 November 1981: 社会商品零售额今年预计将比去年增长９％ is 1981's
    result as first estimated, not a forecast; it meets 1980.txt's latest full year (1979:
    增长１４．７％) as the gold pairs them (1980.txt, given in August, reports on 1979)."""
    q = _quantity(corpus_dir, "1981.txt", "９％", "社会商品零售额今年预计")
    assert (q.year, q.role, q.is_target) == (1981, "result", False)
    made = made_pairs(corpus_dir, "1980.txt", "1981.txt")
    assert ("１４．７％", "９％") in made


def test_the_end_of_a_rise_from_this_years_estimate_is_next_years_plan(
    corpus_dir: Path,
) -> None:
    """1981.txt: １９８２年的计划，要求工农业总产值的增长速度由今年预计的３％提高到４％: ３％ is
    1981's estimate (the start), ４％ the plan for 1982 (the end)."""
    start = _quantity(corpus_dir, "1981.txt", "３％", "由今年预计的")
    end = _quantity(corpus_dir, "1981.txt", "４％", "由今年预计的３％提高到")
    assert (start.end, start.year) == ("from", 1981)
    assert (end.end, end.year, end.is_target) == ("to", 1982, True)


def test_light_and_textile_industry_is_light_industry(corpus_dir: Path) -> None:
    """1980.txt: １９７９年轻工业总产值比上年增长９．６％; 1981.txt (30 November): 今年轻纺工业的
    总产值预计比去年增长１２％. 轻纺工业 is light industry, textiles counted in it."""
    made = made_pairs(corpus_dir, "1980.txt", "1981.txt")
    assert ("９．６％", "１２％") in made


def test_each_reports_target_for_the_year_it_plans_still_pairs(corpus_dir: Path) -> None:
    """1980.txt (August 1980) plans 1981: 工农业总产值，比１９８０年预计增长５．５％; 1981.txt
    (November 1981) plans 1982: 由今年预计的３％提高到４％. A target's distance is counted from
    the year before the one planned, whatever year the report's results are for."""
    made = made_pairs(corpus_dir, "1980.txt", "1981.txt")
    assert ("５．５％", "４％") in made


def test_last_year_in_a_late_report_is_the_year_before(corpus_dir: Path) -> None:
    """1980.txt (30 August 1980, 今年上半年…): 去年…流动资金占用水平比上年减少６４亿元 is
    1979's, as its 今年 is 1980."""
    assert _years(corpus_dir, "1980.txt", "６４亿元", "去年国营工商企业流动资金") == {1979}


@pytest.mark.parametrize(
    ("name", "printed", "words", "year"),
    [
        # 今年职工住宅建设投资仍然保持了去年的水平，…竣工面积可达到八千万平方米: 1981's
        ("1981.txt", "八千万平方米", "竣工面积可达到", 1981),
        # 石油产量…保持近两年的水平；发电量３，１２０亿度: the plan's year (1981), not 近两年
        ("1980.txt", "３，１２０亿度", "发电量", 1981),
        # 规定的１９５７年的水平４９８亿元: the level named is that figure, 1957's
        ("1956.txt", "４９８亿元", "１９５７年的水平", 1957),
    ],
)
def test_a_level_kept_does_not_date_a_later_figure(
    corpus_dir: Path, name: str, printed: str, words: str, year: int
) -> None:
    assert _years(corpus_dir, name, printed, words) == {year}
