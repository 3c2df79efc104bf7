"""Rules of reading older State Council reports (issue 10, third round): a review's figure
said to come (将增长) is the coming year's plan, one estimated (预计) of the reviewed year is
its result, agriculture's output named with its
sideline is 农业总产值, a field opening a sentence (在手工业方面，) owns its bare 总产值, and
output values at different years' constant prices are no pair.

Each rule is one a person would state for every report; the tests read corpus text that
is no held-out gold (1955, 1956, 1957).
"""

from __future__ import annotations

from functools import cache

from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.facts import fact_name
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.pricebase import bases_differ, declared_bases, price_base
from reportdiff.core.comparison import NumberPair
from reportdiff.core.storage.samples import load_sample
from reportdiff.core.text.load import load_text


@cache
def pairs_of(a: int, b: int) -> tuple[NumberPair, ...]:
    return pairs(national(a), national(b))


def test_a_figure_a_review_says_will_come_is_the_coming_years_plan() -> None:
    # 1957 (reviewing 1956): １９５７年的工业总产值比１９５６年将增长百分之四点五，达到六百零三亿
    # 元。农业总产值比１９５６年将增长百分之四点九，达到六百一十一亿元: 1957's plan, not 1956's
    # result; the level reached after it (，达到…) goes on from its clause
    r = national(1957)
    for printed in ("百分之四点五", "六百零三亿元", "百分之四点九", "六百一十一亿元"):
        q = quantity(r, printed)
        assert (q.role, q.year, q.is_target) == ("plan", 1957, True), printed
    # 将近 is "nearly", not "will": 完成了将近一百四十亿元的基本建设投资额 happened
    assert quantity(r, "一百四十亿元").role == "result"
    # 合计将达到: a total over the plan's years, not the coming year's figure
    assert quantity(r, "一千六百三十万吨").role == "result"
    # in the same review, what was done stays a result: 手工业总产值达到一百一十七亿元
    assert quantity(r, "一百一十七亿元").role == "result"


def test_agricultural_output_with_its_sideline_is_agricultural_output() -> None:
    # 1956: １９５６年农业和副业总产值将比１９５５年增长９．３％ (the plan); 1957: 农业总产值比
    # １９５６年将增长百分之四点九 (the next plan): one measure, named as the 1950s named it
    assert fact_name("农业和副业总产值") == fact_name("农业总产值")
    assert fact_name("农业和农副业总产值") == fact_name("农业总产值")
    assert fact_name("农业及其副业的总产值") == fact_name("农业总产值")
    assert fact_name("工业总产值") != fact_name("农业总产值")
    assert partner(pairs_of(1956, 1957), 0, "９．３％") == "百分之四点九"


def test_a_field_opening_its_sentence_owns_its_bare_output() -> None:
    # 1956: 在手工业方面，１９５６年的全国总产值将比１９５５年增长１６．２％: handicraft's output,
    # not a 全国总产值 (which would be the whole economy's)
    q = quantity(national(1956), "１６．２％")
    assert q.indicator == "手工业总产值"
    # a clause naming its own output keeps it: 手工业生产合作组织的产值比１９５４年增长了７２％
    assert quantity(national(1956), "７２％").indicator == "手工业生产合作组织的产值"


def test_output_values_at_one_years_constant_prices() -> None:
    # 1955: 这种产值都是按一九五二年的不变价格计算的: said of all its output values
    r = national(1955)
    qs = extract_quantities(r)
    declared = declared_bases(r.text, qs)
    assert declared == [(-1, 1952)]
    value = quantity(r, "五百九十六亿六千万元")  # 农业…总产值…达到五百九十六亿六千万元
    assert price_base(r.text, value, declared, r.meta.year) == (1952, 1952)
    # a figure that is no output value has no price base: 四百二十七亿四千万元 of investment
    investment = [q for q in qs if q.text == "四百二十七亿四千万元"]
    assert investment
    assert all(price_base(r.text, q, declared, r.meta.year) is None for q in investment)
    # 1957 (reviewing 1956) declares none: its values are at some year's prices up to 1956,
    # never 1957's (a year's constant prices are fixed once it is over)
    r57 = national(1957)
    q57 = next(q for q in extract_quantities(r57) if q.text == "五百八十三亿元")
    declared57 = declared_bases(r57.text, extract_quantities(r57))
    assert declared57 == []
    base57 = price_base(r57.text, q57, declared57, r57.meta.year)
    assert base57 == (0, 1956)
    assert not bases_differ(base57, (1952, 1952))
    assert bases_differ(base57, (1957, 1957))
    assert bases_differ((1952, 1952), (1957, 1957))


def test_a_forecast_of_the_reviewed_year_is_its_result() -> None:
    # 1975 (reviewing 1974): 一九七四年农业总产值预计比一九六四年增长百分之五十一: the year's
    # result as first estimated, to be paired with results, not with aims
    q = quantity(national(1975), "百分之五十一")
    assert (q.role, q.is_target) == ("result", False)
    assert "预计" in q.qualifiers  # the estimate is still said
    # yangpu-2023-plan (reviewing 2023): 全区外贸进出口总额预计达 316 亿元
    plan = load_sample("yangpu-2023-plan")
    trade = quantity(plan, "316 亿元")
    assert (trade.role, trade.year, trade.is_target) == ("result", 2023, False)
    # a forecast of what is still to come stays one: 1996's “九五” average (预计城镇居民人均
    # 生活费收入年均增长５％左右), 1954's figures of 1954 itself (reviewing 1953)
    assert quantity(national(1996), "５％").role == "forecast"
    assert quantity(national(1954), "五十一个").role == "forecast"


def test_a_change_after_a_plan_share_is_of_what_the_sentence_named() -> None:
    # 1956: 粮食总产量达到３，６８０亿斤，完成年度计划的１０２％，比１９５４年增长９％: the growth is
    # the grain's; the plan share between names only the plan
    r = national(1956)
    assert quantity(r, "１０２％").indicator == "计划"
    grain = [q for q in extract_quantities(r) if q.text == "９％" and q.indicator == "粮食总产量"]
    assert len(grain) == 1 and grain[0].role == "result"
    cotton = quantity(r, "４３％")
    assert cotton.indicator == "棉花产量"


def test_a_year_named_as_the_base_is_not_the_figures_year() -> None:
    # 1955: 一九五五年到一九五七年，…以一九五四年为基数，粮食产量要增长百分之十三点七，…棉花产量要
    # 增长百分之五十三点五: growth the plan asks over the years to 1957, not 1954's result
    r = national(1955)
    cotton = quantity(r, "百分之五十三点五")
    assert cotton.year != 1954 and cotton.role != "result" and cotton.is_target
    # so it is no counterpart of the cotton 1955 grew by (1956: 比１９５４年增长４３％)
    assert partner(pairs_of(1955, 1956), 1, "４３％") != "百分之五十三点五"


def test_a_count_restating_the_list_before_it_is_no_figure() -> None:
    # 发挥中央和地方两个积极性 (1978, 1994): 两个 counts 中央 and 地方, just named
    for year in (1978, 1994):
        assert not [q for q in extract_quantities(national(year)) if q.indicator == "积极性"]
    # 1955: 进行武汉和包头两个钢铁联合企业的建设; 1957: 国家举办、自力经营、群众业余这三个方面
    plants = [q for q in extract_quantities(national(1955)) if q.indicator == "钢铁联合企业"]
    assert "两个" not in {q.text for q in plants}
    assert not [q for q in extract_quantities(national(1957)) if q.text == "三个"]
    # a count that is more than the list stays: 1957's 一百五十六个建设项目 (no list before it)
    assert [q for q in extract_quantities(national(1957)) if q.text == "一百五十六个"]
    # a count in digits is a statistic even after a list: yangpu-2022's
    # 社区公共收益收支账、智慧停车治理平台2个项目入选我市社会治理创新十佳项目
    from reportdiff.core.storage.samples import load_sample

    assert [q for q in extract_quantities(load_sample("yangpu-2022")) if q.text == "2个"]
    # a list that ends at a quotation before the count is no list of its members:
    # yangpu-2023-plan's …“中国近现代新闻出版博物馆”、上海首个拥有两项国家级非遗的4A级景点
    # (两项 counts the heritage items, none of which was named)
    assert [q for q in extract_quantities(load_sample("yangpu-2023-plan")) if q.text == "两项"]


def test_an_example_is_not_a_name() -> None:
    # 1956: 例如１万千瓦的自动化水轮发电机: the machine, not 例如
    assert quantity(national(1956), "１万千瓦").indicator == "自动化水轮发电机"


def test_a_share_in_words_ends_the_noun_before_it() -> None:
    # 1960: 占全国一千七百八十六个县的百分之二十八: the counties, and the share read as a figure
    r = national(1960)
    assert quantity(r, "一千七百八十六个").indicator == "县"
    assert [q for q in extract_quantities(r) if q.text == "百分之二十八"]


def test_a_year_whose_prices_count_a_value_is_not_its_year() -> None:
    # a made-up plan sentence in the 1950s' form: 按一九七〇年不变价格计算 names the prices,
    # not the year the output is of (which the sentence opens on)
    text = (
        "各位代表：\n一、今后的任务\n一九七九年农业总产值，计划为一千五百亿元"
        "（按一九七〇年不变价格计算），比一九七八年增长百分之五。\n"
    )
    r = load_text(text, source="x-1979.txt", id="x-1979", year=1978, region="全国")
    rate = quantity(r, "百分之五")
    assert rate.year == 1979 and rate.is_target


def test_a_clause_set_against_the_one_before_counts_what_it_counted() -> None:
    # 1957: 钢产量前三年共增加了一百五十万吨，而１９５６年就增加了一百六十一万吨: steel, over three
    # years and then in 1956 alone
    r = national(1957)
    three_years = quantity(r, "一百五十万吨")
    assert three_years.period == "years"
    steel = quantity(r, "一百六十一万吨")
    assert (steel.indicator, steel.year, steel.period) == ("钢产量", 1956, "year")
    assert fact_name(three_years.indicator) == "钢产量"
    # a noun of its own stays: 而１９５６年就开垦荒地二千九百万亩
    assert quantity(r, "二千九百万亩").indicator == "开垦荒地"
    # 2007: 单位国内生产总值能耗由前三年分别上升…，转为下降1.2%: 由前三年 is where it came from,
    # and the figure stays 2006's
    energy = [
        q for q in extract_quantities(national(2007)) if q.indicator == "单位国内生产总值能耗"
    ]
    assert [q.year for q in energy if q.text == "1.2%"] == [2006]
