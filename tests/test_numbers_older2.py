"""Rules of reading older State Council reports (issue 10, second round): per-head income
however worded, names cut short never starting inside a year.

Each rule is one a person would state for every report; the tests read corpus text that
is no held-out gold.
"""

from __future__ import annotations

from functools import cache

from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.facts import fact_name
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.scope import subject_of
from reportdiff.core.comparison import NumberPair


@cache
def pairs_of(a: int, b: int) -> tuple[NumberPair, ...]:
    return pairs(national(a), national(b))


def test_a_name_cut_short_starts_after_a_year() -> None:
    # 1983: 一九八二年城市职工家庭平均每人全年可用于生活费的收入为五百元: the name is longer
    # than a name is read; cut short, it starts after the year (kept in Quantity.year), not
    # at 八二年
    income = quantity(national(1983), "五百元")
    assert income.indicator == "城市职工家庭平均每人全年可用于生活费的收入"
    assert income.year == 1982


def test_per_head_income_however_worded() -> None:
    # 1983: 一九八二年全国农民平均每人的纯收入达到二百七十元; 1988: 农民人均纯收入，１９８２年为
    # ２７０元: 平均每人 (按人口平均) is 人均, and 可用于生活费的收入 is 生活费收入
    assert fact_name("农民平均每人的纯收入") == fact_name("农民人均纯收入")
    assert fact_name("按人口平均的生活费收入") == fact_name("人均生活费收入")
    # 农民人均纯收入…１９８７年提高到４６３元: the later report's reading of the same income
    assert partner(pairs_of(1983, 1988), 0, "二百七十元") == "４６３元"
    # 每人 alone keeps its words (每人收入 of a commune is no household survey's 人均纯收入)
    assert fact_name("每人收入") == "每人收入"


def test_the_noun_before_a_change_stops_at_its_predicate() -> None:
    # 1983: 预算外资金却大幅度增加，由一九七八年的三百七十一亿元增加到一九八二年的…: the clause
    # before 由 is the noun and what happened to it; the figures are of 预算外资金 (却大幅度 says
    # how it grew), as 1988's 预算外资金１９８７年达到１９３０亿元 names it
    r = national(1983)
    assert quantity(r, "三百七十一亿元").indicator == "预算外资金"
    assert fact_name(quantity(national(1988), "１９３０亿元").indicator) == "预算外资金"


def test_per_head_before_de_is_part_of_the_measure() -> None:
    # 1982: 城乡居民按人口平均的消费水平计划提高百分之二十二: the consumption per head of town
    # and country (人均消费水平), not any 消费水平 (1981: 全国人民的平均消费水平提高一倍)
    r = national(1982)
    at = r.text.index("城乡居民按人口平均的消费水平计划提高百分之二十二")
    planned = next(q for q in extract_quantities(r) if q.span.start > at)
    assert planned.indicator == "城乡居民按人口平均的消费水平"
    assert fact_name(planned.indicator) == "城乡居民人均消费水平"


def test_urban_households_income_per_head_under_each_name() -> None:
    # 1983: 一九八二年城市职工家庭平均每人全年可用于生活费的收入为五百元; 1988: 城镇居民人均生活费
    # 收入，１９８２年为４９４．５元: one survey of urban households, one measure and subject
    older = quantity(national(1983), "五百元")
    later = quantity(national(1988), "４９４．５元")
    assert fact_name(older.indicator) == fact_name(later.indicator) == "城镇居民人均生活费收入"
    assert older.subject == later.subject == subject_of("城镇居民人均生活费收入")
    # 职工家庭 alone is no income's subject
    assert subject_of("职工家庭住房") == ""


def test_the_topic_before_a_comma_names_a_figure_whose_clause_names_none() -> None:
    # 1982: 到一九八五年，城乡居民按人口平均的消费水平，将比一九八○年增长百分之二十二: the noun
    # phrase standing alone before the comma is what grows
    r = national(1982)
    at = r.text.index("城乡居民按人口平均的消费水平，将比一九八○年增长百分之二十二")
    grown = next(q for q in extract_quantities(r) if q.span.start > at)
    assert grown.indicator == "城乡居民按人口平均的消费水平"
    assert grown.is_change


def test_double_track_is_the_railways_however_named() -> None:
    # 1989: 铁路复线里程８２０公里; 1982: 建成复线一千七百公里; 2000: 增加铁路新线1423公里、复线
    # 643公里: 复线 is a railway's double track, 复线里程 its length in 公里
    named = [
        quantity(national(1989), "８２０公里").indicator,
        quantity(national(1982), "一千七百公里").indicator,
        quantity(national(2000), "643公里").indicator,
    ]
    assert {fact_name(n) for n in named} == {"铁路复线"}
    assert {subject_of(n) for n in named} == {"铁路"}
    # 新线和复线 together are two lines, not the double track
    assert fact_name(quantity(national(1995), "３３００多公里").indicator) != "铁路复线"


def test_that_is_restates_the_figure_before() -> None:
    # 1954: 中等专业学校学生数增长了百分之七十五，即达到六十七万人: 即 (that is) names no noun;
    # the level is of the students just counted. 1955: 铁路货物周转量将达到一千二百一十亿吨公里，
    # 即比一九五二年增长一倍
    assert quantity(national(1954), "六十七万人").indicator == "中等专业学校学生数"
    r = national(1955)
    at = r.text.index("即比一九五二年增长一倍")
    doubled = next(q for q in extract_quantities(r) if q.span.start > at)
    assert (doubled.text, doubled.indicator) == ("一倍", "铁路货物周转量")
    # 即使 (even if) opens a clause of its own
    r = national(1957)
    at = r.text.index("即使以基本建设投资多了")
    extra = next(q for q in extract_quantities(r) if q.span.start > at)
    assert "基本建设投资" in extra.indicator
