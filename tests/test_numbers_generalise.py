"""Rules of reading found on reports nobody tuned on (bench/gold 1996-1997 and 2006-2007).

Each rule is one a person would state for every report; each test reads real corpus text
(or, for a rule of a name alone, the names as reports print them).
"""

from __future__ import annotations

from functools import cache

from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.namerules import measures_differ, size_of
from reportdiff.core.comparison import NumberPair


@cache
def pairs_1996_1997() -> tuple[NumberPair, ...]:
    return pairs(national(1996), national(1997))


# ------------------------------------------------------------------ words of the figure's clause


def test_jiejin_is_a_qualifier_not_part_of_the_name() -> None:
    """１９９５年末居民储蓄存款余额接近３万亿元: 接近 says how exact, as 近 does."""
    q = quantity(national(1996), "３万亿元")
    assert q.indicator.endswith("储蓄存款余额")
    assert "接近" in q.qualifiers


def test_dingwei_links_a_target_to_its_noun() -> None:
    """固定资产投资率定为３２％左右: 定为 links, as 为 does; 定 is no part of the name."""
    q = quantity(national(1996), "３２％")
    assert q.indicator == "固定资产投资率"


def test_an_actual_amount_is_of_the_investment_named_before() -> None:
    """1997: 外商直接投资保持增长势头，实际到位４００多亿美元 — 实际到位 is the investment's, as
    1996's 外商直接投资实际到位３７０多亿美元 is."""
    q = quantity(national(1997), "４００多亿美元")
    assert q.indicator == "外商直接投资实际到位"
    assert partner(pairs_1996_1997(), 0, "３７０多亿美元") == "４００多亿美元"


# ------------------------------------------------------------------ stocks and their rises


def test_a_rise_over_last_year_end_is_of_the_stock_just_given() -> None:
    """1997: 城乡居民储蓄存款年末达到３８５００多亿元，比上年末增加８８００多亿元. 比上年末
    names no noun: the rise is the stock's, i.e. what was added in the year, as 1996's
    储蓄存款余额增加８０００多亿元 is."""
    q = quantity(national(1997), "８８００多亿元")
    assert "储蓄存款" in q.indicator
    assert partner(pairs_1996_1997(), 0, "８０００多亿元") == "８８００多亿元"


def test_a_year_end_stock_meets_the_other_year_end_stock() -> None:
    """1996: １９９５年末居民储蓄存款余额接近３万亿元; 1997: 城乡居民储蓄存款年末达到３８５００多
    亿元. 余额 and 年末 say when a stock is read; 城乡居民 and 居民 are the same households."""
    ps = pairs_1996_1997()
    assert partner(ps, 0, "３万亿元") == "３８５００多亿元"
    # the stock never meets what was added to it
    assert partner(ps, 1, "８８００多亿元") != "３万亿元"


# ------------------------------------------------------------------ sizes of firms


def test_large_firms_are_not_small_ones() -> None:
    """1996: 抓好１０００户国有大型企业; 1997: 全国有２４万多户国有小企业. Firms of one size
    are not firms of another (nor do 1997's 1000户 meet the small firms)."""
    assert partner(pairs_1996_1997(), 0, "１０００户") != "２４万多户"
    assert measures_differ("国有大型企业", "国有小企业")
    assert measures_differ("大中型项目", "小型项目")
    assert not measures_differ("国有大型企业", "特大型企业")
    assert size_of("国有企业") == ""
    assert size_of("中小企业") == "中小"


# ------------------------------------------------------------------ a list header's scope


def test_a_list_headed_new_capacity_counts_additions() -> None:
    """1989: 全国新增的主要生产能力有：发电装机容量９９９万千瓦，原煤开采３０９０万吨… — every item
    is new capacity (新增), not the stock of capacity; 1958's 新增加的生产能力有：生铁一百八十八
    万吨，钢… likewise."""
    for printed in ("９９９万千瓦", "３０９０万吨", "１４８７公里"):
        assert "新增" in quantity(national(1989), printed).qualifiers, printed
    assert "新增" in quantity(national(1958), "一百八十八万吨").qualifiers


def test_a_colon_without_an_addition_word_adds_nothing() -> None:
    """1955: 最大的煤矿企业在一九五七年将达到的年产能力如下：抚顺矿务局所属煤矿为九百三十万吨
    — a list of capacities reached, not of additions."""
    q = quantity(national(1955), "九百三十万吨")
    assert not {"新增", "累计"} & set(q.qualifiers)


# ------------------------------------------------------------------ one measure, two names


def test_savings_named_three_ways_are_one_measure() -> None:
    from reportdiff.core.analysis.facts import fact_name

    names = {fact_name(n) for n in ("城乡储蓄", "城乡居民储蓄存款", "居民储蓄存款余额", "储蓄存款")}
    assert names == {"储蓄存款"}
    assert fact_name("储蓄率") != "储蓄存款"
    assert fact_name("进出口货物总额") == fact_name("进出口总额")


# ------------------------------------------------------------------ bases and spans name nothing


def test_a_base_year_or_a_span_names_no_indicator() -> None:
    """1983: 一九八二年全国工农业总产值达到八千二百九十一亿元，比一九七八年增长百分之三十二点六，
    平均每年增长百分之七点三 — both changes are of 工农业总产值, not of 比一九七八年 or 平均每年."""
    r = national(1983)
    over_four_years = quantity(r, "百分之三十二点六")
    yearly = quantity(r, "百分之七点三")
    assert "工农业总产值" in over_four_years.indicator
    assert "工农业总产值" in yearly.indicator
    assert yearly.period == "average"


def test_a_rise_over_a_plan_periods_end_is_not_the_years_addition() -> None:
    """1996: １９９５年末居民储蓄存款余额接近３万亿元，比“七五”末增加两万多亿元 — five years'
    addition: never 1995's 居民储蓄存款新增６３００多亿元 nor 1997's 比上年末增加８８００多亿元."""
    from reportdiff.core.analysis.bases import change_gap

    r = national(1996)
    assert change_gap(r.text, quantity(r, "两万多亿元")) == 5
    assert partner(pairs(national(1995), r), 0, "６３００多亿元") == "８０００多亿元"
    assert partner(pairs_1996_1997(), 1, "８８００多亿元") == "８０００多亿元"


# ------------------------------------------------------------------ 比上年 in a five-year review


def test_growth_over_the_year_before_is_the_reviewed_years_in_a_five_year_review() -> None:
    """1993 reviews 1988–92: 国民经济实现了快速增长，国民生产总值比上年增长百分之十二点八 is
    1992's growth, and meets 1992's 1991年国民生产总值比上年增长百分之七; the review's
    年均 rates stay five-year figures."""
    r = national(1993)
    q = quantity(r, "百分之十二点八")
    assert (q.period, q.year) == ("year", 1992)
    assert quantity(r, "百分之七点九").period == "average"
    assert partner(pairs(national(1992), r), 1, "百分之十二点八") == "百分之七"


def test_a_level_reached_after_a_clause_saying_its_noun_grew_is_that_nouns() -> None:
    """1993: 原油产量继续增长，达到１．４２亿吨 — the clause before names what reached the level;
    a clause that says something else (基层民主政治建设继续推进) is no such noun."""
    assert quantity(national(1993), "１．４２亿吨").indicator == "原油产量"


def test_a_sentence_opening_on_a_dated_level_continues_the_sentence_before() -> None:
    """1986: 四是，城乡居民储蓄大幅度增加。一九八五年末达到一千六百二十三亿元，比一九八○年末增长
    三倍 — both figures are of 城乡居民储蓄 (a base year written 一九八○ names nothing either),
    and the growth is over five years."""
    from reportdiff.core.analysis.bases import change_gap

    r = national(1986)
    assert quantity(r, "一千六百二十三亿元").indicator == "城乡居民储蓄"
    growth = quantity(r, "三倍")
    assert growth.indicator == "城乡居民储蓄"
    assert change_gap(r.text, growth) == 5


# ------------------------------------------------------------------ classifiers


def test_regulations_counted_in_bu_or_ge_are_one_count() -> None:
    """2006: 制定并颁布了…等22部行政法规; 2007: 颁布了…等29个行政法规. 个 is any classifier:
    for laws and regulations it counts what 部 and 件 count; elsewhere it stays apart."""
    from reportdiff.core.analysis.namerules import count_class

    assert partner(pairs(national(2006), national(2007)), 0, "22部") == "29个"
    assert count_class("个", "行政法规") == count_class("件", "行政法规")
    assert count_class("个", "开放口岸") == "个"


# ------------------------------------------------------------------ growth targets


def test_a_planned_gdp_growth_meets_the_next_years_economic_growth_target() -> None:
    """1994: 今年计划国内生产总值增长百分之九; 1995: 今年经济增长速度的宏观调控目标，定为百分之
    八至九. 计划 says the figure is planned, not what it measures, and 经济增长 (as targets
    name it) is the headline output's growth. GDP and GNP stay apart."""
    from reportdiff.core.analysis.namerules import headline_growth

    planned = quantity(national(1994), "百分之九")
    assert planned.indicator == "国内生产总值"
    assert partner(pairs(national(1994), national(1995)), 0, "百分之九") == "百分之八至九"
    assert headline_growth("经济增长", "国民生产总值")
    assert not headline_growth("国内生产总值", "国民生产总值")
    assert not headline_growth("经济增长", "工业增加值")


def test_growth_over_a_base_years_back_covers_those_years() -> None:
    """2008 (reviewing 2003–07): 国内生产总值…比2002年增长65.5% is of 国内生产总值 and covers
    2003–2007: never one year's growth (a timeline or a pair would take it for 2007's)."""
    q = quantity(national(2008), "65.5%")
    assert q.indicator == "国内生产总值"
    assert (q.period, q.years) == ("years", (2003, 2007))


# ------------------------------------------------------------------ price rises


def test_a_price_rise_names_its_index() -> None:
    """零售物价涨幅, 商品零售物价上涨幅度 and 零售物价上涨 are one index's rise; 居民消费价格 is
    another; 物价 names none."""
    from reportdiff.core.analysis.facts import base_name
    from reportdiff.core.analysis.pricenames import price_rise_index

    names = ("零售物价涨幅", "商品零售物价上涨幅度", "零售物价上涨", "零售物价总水平上涨")
    assert {base_name(n, "change") for n in names} == {"零售物价"}
    assert price_rise_index("居民消费价格总水平涨幅") == "居民消费价格"
    assert price_rise_index("物价上涨幅度") == "物价"
    assert price_rise_index("工资上涨幅度") == ""


def test_unnamed_prices_are_the_index_the_report_names() -> None:
    """1995: 物价上涨幅度…力争控制在百分之十五左右 (its review names 商品零售物价); 1996: 物价
    上涨幅度控制在１０％左右 (its review names 零售物价): one index's targets for successive
    years. 2005's 居民消费价格 target is another index and stays apart from 1995's."""
    assert partner(pairs(national(1995), national(1996)), 0, "百分之十五") == "１０％"
    assert partner(pairs(national(1995), national(2005)), 0, "百分之十五") is None


def test_a_target_quoted_in_a_review_is_an_aim_not_a_result() -> None:
    """1995's review: 去年我在政府工作报告中曾提出，要把全年商品零售物价上涨幅度控制在百分之十
    以内 — 1994's aim, not a result (it never meets 1996's result 14.8%), and not this year's
    aim either: 1994's own target (努力把全年零售物价上涨幅度控制在百分之十以内) meets 1995's
    target of 15%."""
    quoted = quantity(national(1995), "百分之十")
    assert quoted.role == "target"
    assert "把" not in quoted.indicator
    assert partner(pairs(national(1995), national(1996)), 0, "百分之十") != "１４．８％"
    assert partner(pairs(national(1994), national(1995)), 0, "百分之十") == "百分之十五"


def test_a_price_factor_says_how_a_rise_is_counted_not_what() -> None:
    """2000: 城镇居民人均可支配收入，考虑价格下降因素比上年实际增长9．3％ — the growth is of the
    noun opening the sentence, and meets 1999's 城镇居民人均可支配收入实际增长5.8％."""
    assert quantity(national(2000), "9．3％").indicator == "城镇居民人均可支配收入"
    assert partner(pairs(national(1999), national(2000)), 0, "5.8％") == "9．3％"


def test_a_bare_output_is_of_the_crop_said_to_grow_just_before() -> None:
    """2008: 全国粮食连续四年增产，2007年产量达到50150万吨 — grain output, and 2007's: it meets
    2007's review of 2006, 全年粮食产量达到49746万吨."""
    q = quantity(national(2008), "50150万吨")
    assert "粮食" in q.indicator and q.year == 2007
    assert partner(pairs(national(2007), national(2008)), 0, "49746万吨") == "50150万吨"


def test_what_actually_happened_after_an_aimed_change() -> None:
    """1997: 去年政府工作报告提出，物价涨幅要从１４．８％降到１０％左右，…实际回落到６．１％ —
    10% is the aim (要从…降到), 6.1% what prices actually did, of 物价涨幅; 1997 names no price
    index, so its 物价 is the one 1996 names (零售物价), and 1996's 1995 result meets it."""
    r = national(1997)
    aim, actual = quantity(r, "１０％"), quantity(r, "６．１％")
    assert aim.role == "target" and actual.role == "result"
    assert actual.indicator == aim.indicator == "物价涨幅"
    ps = pairs_1996_1997()
    assert partner(ps, 0, "１４．８％") == "６．１％"
    # two starts of changes whose years the text does not give are left apart
    assert partner(ps, 0, "２１．７％") is None


def test_newly_registered_firms_keep_registered_in_their_name() -> None:
    """全年新注册企业5800户: 新 says it is a flow (kept in the stock), but 注册 says what is
    counted. Stripped to 企业 the name was too generic to pair, so a report compared with
    itself left its own figure unpaired on both sides."""
    from reportdiff.core.analysis.facts import fact_name
    from reportdiff.core.storage.samples import load_sample

    assert fact_name("新注册企业") == fact_name("新增注册企业") == "注册企业"
    report = load_sample("yangpu-2023")
    found = [p for p in pairs(report, report) if any(q and q.text == "5800户" for q in p.values)]
    assert [p.status for p in found] == ["same"]


def test_an_aimed_growth_is_named_by_what_grows_not_by_its_role_word() -> None:
    """1999: 今年的经济增长预期为7％左右. 预期 says the figure is aimed at (its role); the
    measure is 经济增长, a rate of change like 经济增长速度 (…主要目标是：经济增长速度8％), so
    the two years' growth targets can meet."""
    from reportdiff.core.analysis.facts import fact_name, measure_kind
    from reportdiff.core.analysis.numbers import extract_quantities

    found = [q for q in extract_quantities(national(1999)) if q.indicator.endswith("增长预期")]
    assert [q.text for q in found] == ["7％"]
    q = found[0]
    assert q.role == "target"
    assert fact_name(q.indicator) == "经济增长"
    assert measure_kind(q) == "change"
