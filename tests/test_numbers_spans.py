"""Rules of issue 10 read on the corpus's national reports (1985–1996): the span of a
multi-year figure, percentage ranges in words, dates that name no indicator, one product's
output named two ways, averages governing a list of 由A增至B, and no spaced-out digits."""

from __future__ import annotations

import re
from functools import cache

import pytest
from conftest import CORPUS, require
from reportdiff.core.analysis.cnfigures import find_cn_figures
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.scope import span_years
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report


@cache
def _report(year: int) -> Report:
    return resolve_report(str(require(CORPUS, "the national corpus") / f"{year}.txt"))


@cache
def _quantities(year: int) -> tuple[Quantity, ...]:
    return extract_quantities(_report(year))


def _at(year: int, context: str, text: str) -> Quantity:
    """The quantity ``text`` inside the first occurrence of ``context`` in the report."""
    report = _report(year)
    start = report.text.find(context)
    assert start >= 0, context
    for q in _quantities(year):
        if start <= q.span.start < start + len(context) and q.text == text:
            return q
    raise AssertionError(f"{text} not read in {context!r}")


def _pairs(a: int, b: int) -> set[tuple[str, str]]:
    comparison = compare([_report(a), _report(b)])
    return {
        (p.values[0].text, p.values[1].text)
        for p in comparison.numbers
        if p.values[0] is not None and p.values[1] is not None
    }


# --- the span of a multi-year figure ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "reviewed", "span"),
    [
        ("从１９７９年到１９８３年，农业总产值平均每年增长", None, (1979, 1983)),
        ("在１９７９到１９８３年平均每年递增", None, (1979, 1983)),
        ("我国农业总产值从一九五三年至一九八○年的二十八年间平均每年增长", None, (1953, 1980)),
        ("“六五”期间，全民所有制单位固定资产投资总额达到", None, (1981, 1985)),
        ("“八五”期间，国民生产总值年均增长", None, (1991, 1995)),
        ("“十一五”时期，年均增长", None, (2006, 2010)),
        ("在过去的五年中，我国工农业总产值平均每年增长", 1985, (1981, 1985)),
        ("五年来，农村经济全面发展，农业年均增长", 1995, (1991, 1995)),
        ("五年来，农村经济全面发展，农业年均增长", None, None),  # the end year is unknown
        ("国内生产总值平均每年增长", 1995, None),  # nothing said: unknown, not guessed
    ],
)
def test_span_years(sentence: str, reviewed: int | None, span: tuple[int, int] | None) -> None:
    key = sentence.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    assert span_years(key, 0, len(key), reviewed) == span


def test_averages_carry_their_stated_span() -> None:
    assert _at(1985, "二十六年间平均每年增长３．２％", "３．２％").years == (1953, 1978)
    assert _at(1985, "轻工业总产值平均每年增长１１．２％", "１１．２％").years == (1979, 1983)
    twelve = _at(1986, "工业总产值平均每年增长百分之十二", "百分之十二")
    assert twelve.period == "average" and twelve.years == (1981, 1985)
    assert _at(1986, "二十八年间平均每年增长百分之三点五", "百分之三点五").years == (1953, 1980)


def test_averages_over_other_years_and_parts_of_industry_never_pair() -> None:
    pairs = _pairs(1985, 1986)
    assert ("３．２％", "百分之三点五") not in pairs  # 26 years vs 28 years
    assert ("１１．２％", "百分之十二") not in pairs  # 轻工业 1979–83 vs 工业 1981–85
    assert ("７．９％", "百分之八点一") not in pairs  # 包括 vs 不包括村办工业, other years


# --- percentages in words --------------------------------------------------------------


def test_percentage_range_repeating_its_unit_is_one_range() -> None:
    q = _at(1993, "平均每年实际增长百分之四至百分之五", "百分之四至百分之五")
    assert (q.value, q.high, q.unit) == (4.0, 5.0, "%")


def test_percentages_from_one_to_another_are_two_figures() -> None:
    # 由/从 A 到 B is a change between two figures, as for amounts (从三千到五千万吨)
    key = "积累率由百分之三十六点五到百分之三十"
    figures = [(key[r.start : r.end], r.value, r.high) for r in find_cn_figures(key, 0, len(key))]
    assert figures == [("百分之三十六点五", 36.5, None), ("百分之三十", 30.0, None)]
    key = "城镇居民收入年均增长百分之五至百分之六"
    figures = [(key[r.start : r.end], r.value, r.high) for r in find_cn_figures(key, 0, len(key))]
    assert figures == [("百分之五至百分之六", 5.0, 6.0)]


# --- indicators ---------------------------------------------------------------------------


def test_a_date_names_no_indicator() -> None:
    q = _at(1993, "１９９２年达到１６５６亿美元", "１６５６亿美元")
    assert q.indicator == "进出口总额"
    assert ("１６５６亿美元", "１９５８亿美元") in _pairs(1993, 1994)


def test_one_product_named_two_ways_pairs() -> None:
    pairs = _pairs(1985, 1986)
    assert ("七亿七千多万吨", "八亿五千万吨") in pairs  # 原煤产量 vs 原煤产量由…增加到
    assert ("一亿一千四百多万吨", "一亿二千五百万吨") in pairs  # 原油 vs 原油由…增加到


def test_an_average_governs_the_ends_listed_after_it() -> None:
    # 粮食的年平均产量由…增加到…，棉花由…增加到…: 棉花's ends are averages too, so
    # 1984's 棉花达到六百零八万吨 does not pair with them
    cotton = _at(1986, "棉花由二百二十四万吨增加到四百三十二万吨", "四百三十二万吨")
    assert cotton.period == "average"
    assert ("六百零八万吨", "四百三十二万吨") not in _pairs(1985, 1986)


# --- a property over the whole corpus ------------------------------------------------------


def test_no_figure_in_the_corpus_keeps_a_space_between_its_digits() -> None:
    """1998's page spaces every digit (1 9 9 7 年, 7 4 7 7 2 亿元, 8 ．8 ％): read as one."""
    folder = require(CORPUS, "the national corpus")
    spaced = re.compile(r"[0-9０-９][ \u3000\u00a0]+[0-9０-９．.]")
    for path in sorted(folder.glob("*.txt")):
        report = resolve_report(str(path))
        bad = [q.text for q in extract_quantities(report) if spaced.search(q.text)]
        assert not bad, f"{path.name}: {bad[:5]}"
    q = _at(1998, "年进出口总额由1655亿美元增加到3251亿美元", "3251亿美元")
    assert q.value == 3251e8 and q.unit == "美元"


# --- names and bases of change ---------------------------------------------------------------


def test_whole_country_trade_and_linking_words_name_nothing() -> None:
    from reportdiff.core.analysis.facts import fact_name

    assert fact_name("外贸出口") == fact_name("出口") == "出口"
    assert fact_name("全国进出口总额") == fact_name("进出口总额")
    assert fact_name("出口为") == "出口"
    assert fact_name("全国") == "全国"  # nothing left: the name is kept as it was


def test_exports_pair_across_reports_under_both_names() -> None:
    # 2000: 外贸出口…全年达到1949亿美元; 2001: 2000年…其中出口2492亿美元
    assert ("1949亿美元", "2492亿美元") in _pairs(2000, 2001)


def test_growth_over_one_year_is_not_growth_over_five() -> None:
    from reportdiff.core.analysis.bases import change_gap

    one = _at(2000, "全年达到1949亿美元，比上年增长6．1％", "6．1％")
    five = _at(2001, "分别比1995年增长69％和67％", "67％")
    assert change_gap(_report(2000).text, one) == 1
    assert change_gap(_report(2001).text, five) == 5
    assert ("6．1％", "67％") not in _pairs(2000, 2001)


def test_rate_names_without_speed_words() -> None:
    from reportdiff.core.analysis.facts import base_name, fact_name

    assert base_name("经济增长速度", "change") == "经济增长"
    assert fact_name("出口总额") == fact_name("出口") == "出口"
    assert fact_name("进出口贸易总额") == fact_name("进出口总额") == "进出口"


def test_the_target_of_an_indicator_measures_it() -> None:
    # 1995: 今年经济增长速度的宏观调控目标，定为百分之八至九 (the figure's own clause is 定为)
    # 1996: 今年经济增长速度的调控目标定为８％
    a = _at(1995, "宏观调控目标，定为百分之八至九", "百分之八至九")
    b = _at(1996, "调控目标定为８％", "８％")
    assert a.indicator == b.indicator == "经济增长速度"
    assert a.role == b.role == "target" and (a.year, b.year) == (1995, 1996)
    pairs = _pairs(1995, 1996)
    assert ("百分之八至九", "８％") in pairs
    # the same printed 8% as 九五's 年均 target stays a fact of its own
    average = _at(1996, "年均经济增长速度为８％左右", "８％")
    assert average.period == "average" and average.years == (1996, 2000)


def test_per_mille_rates_and_older_units_are_read_with_their_units() -> None:
    """千分之十三 is a per-mille rate (a population growth rate), not a bare 十三; 担 (50 公斤)
    and 公担 (100 公斤) weigh cotton and grain in older reports, and compare with 公斤 and 吨."""
    q = _at(1982, "长率，必须控制在千分之十三以下", "千分之十三")
    assert (q.value, q.unit) == (13.0, "‰")
    key = "四川省由千分之二十九降到千分之十五"
    figures = [(key[r.start : r.end], r.value, r.base) for r in find_cn_figures(key, 0, len(key))]
    assert figures == [("千分之二十九", 29.0, "‰"), ("千分之十五", 15.0, "‰")]
    key = "出生率为千分之十八至千分之二十"
    figures = [(key[r.start : r.end], r.value, r.high) for r in find_cn_figures(key, 0, len(key))]
    assert figures == [("千分之十八至千分之二十", 18.0, 20.0)]
    cotton = _at(1958, "棉花增加了约三百九十万担", "三百九十万担")
    assert (cotton.value, cotton.unit) == (3_900_000.0, "担")
    from reportdiff.core.analysis.units import compare_key, to_dimension_base

    assert compare_key("担") == compare_key("吨") == "公斤"
    assert to_dimension_base("担") * 20 == to_dimension_base("吨")


def test_a_change_stays_a_change_when_its_amount_is_approximate() -> None:
    """1958: 比上一年，原煤增产了一千八百二十六万吨…钢增产了约七十八万吨: 约 between the verb and
    the amount leaves it an increase (as 1959's 钢增加了五百七十三万吨), not a level."""
    steel = _at(1958, "钢增产了约七十八万吨", "七十八万吨")
    assert (steel.is_change, steel.sign) == (True, 1)
    assert _at(1959, "钢增加了五百七十三万吨", "五百七十三万吨").is_change
    assert ("七十八万吨", "五百七十三万吨") in _pairs(1958, 1959)


def test_a_noun_given_year_by_year_names_each_years_figure() -> None:
    """1959: 小学生，一九五二年有五千一百多万人，一九五七年已经有六千四百多万人: the clauses name
    only a date (and 有, 已经), so each figure counts the noun the sentence opens on; a date
    with 才 names nothing (经过…的努力，一九五七年才达到了三千七百亿斤 is left unnamed, not named
    after the effort)."""
    assert _at(1959, "我国的高等学校的学生，一九五二年有十九万人", "十九万人").indicator == (
        "我国的高等学校的学生"
    )
    assert _at(1959, "小学生，一九五二年有五千一百多万人", "五千一百多万人").indicator == "小学生"
    assert _at(1959, "一九五七年已经有六千四百多万人", "六千四百多万人").indicator == "小学生"
    assert _at(1959, "一九五七年才达到了三千七百亿斤", "三千七百亿斤").indicator == ""


def test_per_mille_and_percent_rates_compare_and_their_change_is_in_the_first_unit() -> None:
    """千分之十 (a 1979 target) is 1% (1980's way of printing the rate): the same figure;
    a change from a per-mille rate is said in 千分点, from a percentage in 百分点."""
    from dataclasses import replace

    from reportdiff.core.analysis.pairmake import make_pair

    per_mille = _at(1982, "长率，必须控制在千分之十三以下", "千分之十三")
    one_pct = replace(per_mille, text="1.3%", value=1.3, unit="%")
    assert make_pair([per_mille, one_pct]).status == "same"
    later = replace(per_mille, text="千分之十一", value=11.0)
    pair = make_pair([per_mille, later])
    assert (pair.delta, pair.unit) == (-2.0, "个千分点")
    pct = make_pair([one_pct, replace(one_pct, text="1.1%", value=1.1)])
    assert pct.unit == "个百分点" and pct.delta == pytest.approx(-0.2)


def test_flat_glass_keeps_its_unit() -> None:
    """1989: 平板玻璃７９２万重量箱 (weight cases, the unit flat glass is counted in), not ７９２万."""
    q = _at(1989, "平板玻璃７９２万重量箱", "７９２万重量箱")
    assert (q.unit, q.indicator) == ("重量箱", "平板玻璃")
