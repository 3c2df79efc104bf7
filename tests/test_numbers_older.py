"""Rules of reading older State Council reports (issue 10): names a person reads as one
measure, and a list whose lead says what its items measure.

Each rule is one a person would state for every report; the tests read corpus text that
is no held-out gold.
"""

from __future__ import annotations

from functools import cache

from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.clauses import find_scope_start
from reportdiff.core.analysis.facts import fact_name
from reportdiff.core.analysis.scope import subject_of
from reportdiff.core.analysis.units import fold
from reportdiff.core.comparison import NumberPair
from reportdiff.core.text.parts import fold_years


@cache
def pairs_of(a: int, b: int) -> tuple[NumberPair, ...]:
    return pairs(national(a), national(b))


def test_oil_and_coal_output_under_either_name() -> None:
    # 1992: 原煤达到１０．９亿吨，石油达到１．３９亿吨; 1993: 原煤产量…达到１１亿吨…原油产量继续
    # 增长，达到１．４２亿吨. China's output statistics count oil as crude oil and coal as
    # raw coal: 石油 and 原油 output are one measure
    assert quantity(national(1992), "１．３９亿吨").indicator == "石油"
    assert partner(pairs_of(1992, 1993), 0, "１．３９亿吨") == "１．４２亿吨"
    assert partner(pairs_of(1992, 1993), 0, "１０．９亿吨") == "１１亿吨"


def test_items_of_a_capacity_list_are_named_with_its_measure() -> None:
    # 1989: 全国新增的主要生产能力有：发电装机容量９９９万千瓦，原煤开采３０９０万吨，…水泥
    # ２４６万吨，…铁路复线里程８２０公里，…: each item is a new capacity, as 煤炭开采能力
    # 新增… says it the other way round; items naming their own measure keep it
    r = national(1989)
    assert quantity(r, "３０９０万吨").indicator == "原煤开采能力"
    assert quantity(r, "２４６万吨").indicator == "水泥生产能力"
    assert quantity(r, "９９９万千瓦").indicator == "发电装机容量"
    assert quantity(r, "８２０公里").indicator == "铁路复线里程"
    assert "新增" in quantity(r, "３０９０万吨").qualifiers


def test_a_balance_is_of_the_savings_the_sentence_opens_on() -> None:
    # 1994: 城乡居民储蓄存款大幅度增加，年末存款余额达到１４７６４亿元，增长百分之二十八: the
    # balance is of the households' savings deposits, the stock 储蓄存款余额 names elsewhere
    r = national(1994)
    level = quantity(r, "１４７６４亿元")
    assert level.indicator == "城乡居民储蓄存款年末余额"
    assert fact_name(level.indicator) == fact_name("居民储蓄存款余额") == "储蓄存款"
    assert quantity(r, "百分之二十八").indicator == level.indicator


def test_within_cities_is_the_cities_subject() -> None:
    # 1988: 使大中城市市内电话的紧张状况有所缓和: 市内电话 are telephones within cities, so a
    # figure of 市内电话 and one of 城市市内电话 have one subject (not 城市 against none)
    assert "城市市内电话" in national(1988).text
    assert subject_of("城市市内电话") == subject_of("市内电话") == "城市"


def test_year_end_before_a_stock_names_no_other_stock() -> None:
    # 2004: 年底国家外汇储备达４０３３亿美元; 2006: 年末国家外汇储备达到8189亿美元: 年底 and 年末
    # say when the stock is read, as 余额 and 年末 after its name do
    end_2003 = quantity(national(2004), "４０３３亿美元")
    end_2005 = quantity(national(2006), "8189亿美元")
    assert (end_2003.indicator, end_2005.indicator) == ("年底国家外汇储备", "年末国家外汇储备")
    assert fact_name(end_2003.indicator) == fact_name(end_2005.indicator) == "国家外汇储备"


def test_a_year_written_with_a_circle_names_nothing() -> None:
    # 1982: 工资总额一九八○年…: the year is kept in Quantity.year, as 一九八〇年's is (older
    # pages write zero as ○ as often as 〇), and the name stops before it
    r = national(1982)
    wages = quantity(r, "七百七十三亿元")
    assert (wages.indicator, wages.year) == ("工资总额", 1980)
    assert fact_name("工资总额一九八○年") == fact_name("一九八〇年工资总额") == "工资总额"
    # 全国高等学校由一九八○年的六百七十五所增加到一九八二年的七百二十九所: the start of the
    # change is 1980's count, not 1982's (which 1983's 七百一十五所 would then meet)
    start = quantity(r, "六百七十五所")
    assert (start.indicator, start.end, start.year) == ("全国高等学校", "from", 1980)
    assert partner(pairs_of(1982, 1983), 0, "六百七十五所") is None


def test_a_bare_rise_is_the_price_index_the_report_names() -> None:
    # 1995: 要把全年商品零售物价上涨幅度控制在百分之十以内。…涨幅仍然高达百分之二十一点七; 1996:
    # 零售物价涨幅从２１．７％回落到１４．８％: a bare 涨幅 is a rise of prices, the retail
    # price index this report names
    assert quantity(national(1995), "百分之二十一点七").indicator == "涨幅"
    assert partner(pairs_of(1995, 1996), 0, "百分之二十一点七") == "１４．８％"


def test_a_sentence_naming_no_year_goes_on_with_the_dated_change_before() -> None:
    # 1992: １９９１年国民生产总值比上年增长百分之七。粮食产量达到４３５２４万吨: the output is
    # 1991's, as the sentence before says. (Where a report's undated figures default to
    # another year, 1980's delivered in August, the sentence before is what dates them.)
    r = national(1992)
    key = fold_years(fold(r.text))  # full-width digits folded: １９９１年 reads 1991年
    grain = quantity(r, "４３５２４万吨")
    opening = key.rfind("1991年国民生产总值比上年增长", 0, grain.span.start)
    assert opening >= 0
    assert find_scope_start(key, grain.span.start, 0) == opening
    assert grain.year == 1991
    # …农业总产值比上年增长百分之三: 比上年 is a base, not a year of the sentence's own
    farm = quantity(r, "百分之三")
    assert find_scope_start(key, farm.span.start, 0) == opening


def test_housing_built_and_its_floor_space_are_one_measure() -> None:
    # 1982: …平均每年建成住宅面积的二点六倍; 1983: …新建住宅面积的总和; 1994: 全年城镇新建住宅
    # ２．７亿平方米: housing 建成 in a year is housing 新建, and 住宅面积 is 住宅 in 平方米
    assert "建成住宅面积" in national(1982).text
    assert "新建住宅面积" in national(1983).text
    assert fact_name("建成住宅面积") == fact_name("新建住宅面积") == "新建住宅"
    new = quantity(national(1994), "２．７亿平方米")
    assert fact_name(new.indicator) == fact_name("城镇建成住宅") == "城镇新建住宅"
    # per head, and floor space under construction or finished, keep their words
    assert fact_name("城镇居民人均住房面积") != fact_name("城镇居民住房")
    assert fact_name("城镇住宅竣工面积") != fact_name("城镇住宅")
