"""Figures written in Chinese numerals (一万七千四百亿元) and units of one dimension.

Older national reports and many county and city reports print every figure in words; the
snippets below are written in that form (a county's 1990s reports, a city's, a province's).
"""

from __future__ import annotations

from functools import cache

import pytest
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.pairing import pair_numbers
from reportdiff.core.analysis.units import parse_cn_numeral, printed_unit
from reportdiff.core.comparison import NumberPair, Quantity
from reportdiff.core.model import Report
from reportdiff.core.text.load import load_text


@cache
def report(text: str, year: int, region: str = "某县") -> Report:
    return load_text(text, source=f"{region}-{year}.txt", id=f"r-{year}", year=year, region=region)


def quantity(r: Report, printed: str) -> Quantity:
    found = [q for q in extract_quantities(r) if q.text == printed]
    assert len(found) == 1, (printed, [q.text for q in extract_quantities(r)])
    return found[0]


def printed(r: Report) -> list[str]:
    return [q.text for q in extract_quantities(r)]


def pairs(*reports: Report) -> tuple[NumberPair, ...]:
    quantities = [extract_quantities(r) for r in reports]
    return pair_numbers(reports, align_reports(reports), quantities)


def pair_of(ps: tuple[NumberPair, ...], index: int, text: str) -> NumberPair:
    for p in ps:
        q = p.values[index]
        if q is not None and q.text == text:
            return p
    raise AssertionError(f"{text} not in any pair")


def partner(ps: tuple[NumberPair, ...], index: int, text: str) -> str | None:
    other = pair_of(ps, index, text).values[1 - index]
    return None if other is None else other.text


# ------------------------------------------------------------------ reading the numerals


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("一万七千四百亿", 1_740_000_000_000),  # 亿 multiplies the 万 before it
        ("十亿八千万", 1_080_000_000),  # 万 multiplies only what follows 亿
        ("六千六百零四万", 66_040_000),
        ("二万三千八百五十一亿", 2_385_100_000_000),
        ("三亿零四百七十五万", 304_750_000),
        ("三百四十九", 349),
        ("一千零五", 1005),
        ("二〇二三", 2023),
    ],
)
def test_chinese_numerals_are_read_by_place(words: str, value: int) -> None:
    assert parse_cn_numeral(words) == value


NATIONAL_1990 = """各位代表：

一、一九九〇年国民经济和社会发展计划的执行情况

全年国民生产总值一万七千四百亿元，比上年增长５％。农业总产值达到七千三百八十二亿元。\
粮食总产量四千三百五十亿公斤。原煤产量达到十亿八千万吨，发电量六千一百八十亿千瓦小时。\
新建铁路三百四十九公里，新增市内电话交换机一百五十七万门。国家财政收入二千九百三十七亿元。\
城乡居民储蓄存款余额七千零三十四亿元，增加一千八百八十七亿元。

二、一九九一年的主要任务

坚持四项基本原则，坚持“一国两制”，支持两个特别行政区。国民生产总值增长百分之四点五。
"""


def test_amounts_in_words_are_read_with_unit_and_magnitude() -> None:
    r = report(NATIONAL_1990, 1990, "全国")
    gnp = quantity(r, "一万七千四百亿元")
    assert (gnp.value, gnp.unit, gnp.indicator) == (1.74e12, "元", "国民生产总值")
    assert printed_unit(gnp.text).display == "亿元"
    grain = quantity(r, "四千三百五十亿公斤")
    assert (grain.value, grain.unit, grain.indicator) == (4.35e11, "公斤", "粮食总产量")
    assert quantity(r, "十亿八千万吨").value == 1.08e9
    assert quantity(r, "六千一百八十亿千瓦小时").unit == "千瓦时"
    rail = quantity(r, "三百四十九公里")
    assert (rail.value, rail.unit) == (349, "公里")
    assert quantity(r, "一百五十七万门").value == 1_570_000
    saved = quantity(r, "一千八百八十七亿元")
    assert saved.is_change and saved.value == 1.887e11


def test_numbered_names_in_words_stay_names() -> None:
    r = report(NATIONAL_1990, 1990, "全国")
    found = printed(r)
    assert "四项" in found  # read as before, but a count of five or fewer never pairs …
    assert not any(t.startswith(("一国", "两制", "十四五", "第")) for t in found)
    text = (
        "一、过去五年工作回顾\n\n全面贯彻中央八项规定精神，圆满完成“十四五”规划。"
        "县第三次党代会胜利召开。三年来，新建学校二十三所。\n"
    )
    county = report(text, 2025)
    assert printed(county) == ["二十三所"]  # not 八项, 十四五, 第三次 nor 三年


def test_durations_and_ordinals_in_words_are_not_amounts() -> None:
    text = "一、2025年工作回顾\n\n用三天时间办结审批事项，七十年代建成的老旧小区全部改造。五四运动一百周年。\n"
    assert printed(report(text, 2025, "某市")) == []


def test_amounts_in_words_with_many_and_decimal_points() -> None:
    text = (
        "一、1985年工作回顾\n\n原煤产量达到七亿七千多万吨，原油一亿二千五百万吨，"
        "外汇储备四点五亿美元，物价上涨零点八个百分点，粮食产量九千万至九千五百万吨。\n"
    )
    r = report(text, 1985, "某省")
    coal = quantity(r, "七亿七千多万吨")
    assert coal.value == 7.7e8 and "多" in coal.qualifiers  # the 万 after 多 is 七千's
    assert printed_unit(coal.text).display == "万吨"
    assert quantity(r, "一亿二千五百万吨").value == 1.25e8
    assert quantity(r, "四点五亿美元").value == 4.5e8
    point = quantity(r, "零点八个百分点")
    assert (point.value, point.unit) == (0.8, "个百分点")
    span = quantity(r, "九千万至九千五百万吨")
    assert (span.low, span.high, span.unit) == (9e7, 9.5e7, "吨")


def test_a_figure_in_words_pairs_with_the_same_figure_in_digits() -> None:
    before = (
        "一、1989年工作回顾\n\n1989年国民生产总值15677亿元，比上年增长百分之三点九。"
        "农业总产值6550亿元。铁路新线铺轨318公里。\n"
    )
    after = (
        "一、1990年工作回顾\n\n全年国民生产总值一万七千四百亿元，比上年增长５％。"
        "农业总产值达到七千三百八十二亿元。铁路新线铺轨三百四十九公里。\n"
    )
    ps = pairs(report(before, 1989, "全国"), report(after, 1990, "全国"))
    gnp = pair_of(ps, 0, "15677亿元")
    assert gnp.values[1] is not None and gnp.values[1].text == "一万七千四百亿元"
    assert (gnp.delta, gnp.unit) == (1723.0, "亿元")
    assert partner(ps, 0, "6550亿元") == "七千三百八十二亿元"
    assert partner(ps, 0, "318公里") == "三百四十九公里"
    assert partner(ps, 0, "百分之三点九") == "５％"


# ------------------------------------------------------------------ units of one dimension


def test_units_of_one_dimension_pair_and_delta_is_in_the_first_reports_unit() -> None:
    before = (
        "一、2009年工作回顾\n\n全县粮食总产量达到三亿八千万斤，完成造林绿化12万亩，"
        "新建农村公路420公里，实际利用外资1.2亿美元。\n"
    )
    after = (
        "一、2010年工作回顾\n\n全县粮食总产量达到20万吨，完成造林绿化0.9万公顷，"
        "新建农村公路0.5万米，实际利用外资9000万元。\n"
    )
    ps = pairs(report(before, 2009), report(after, 2010))
    grain = pair_of(ps, 0, "三亿八千万斤")
    assert grain.values[1] is not None and grain.values[1].text == "20万吨"
    # 20万吨 is 4亿斤: +2000万斤, said in the first report's 万斤
    assert (grain.unit, grain.delta) == ("万斤", pytest.approx(2000.0))
    land = pair_of(ps, 0, "12万亩")
    assert land.values[1] is not None and land.values[1].text == "0.9万公顷"
    assert (land.unit, land.delta) == ("万亩", pytest.approx(1.5))  # 0.9万公顷 = 13.5万亩
    assert partner(ps, 0, "420公里") == "0.5万米"
    assert partner(ps, 0, "1.2亿美元") is None  # a currency is not converted


def test_same_figure_in_other_units_is_the_same() -> None:
    before = "一、2009年工作回顾\n\n全市粮食总产量达到五十亿公斤。\n"
    after = "一、2010年工作回顾\n\n全市粮食总产量达到500万吨。\n"
    grain = pair_of(
        pairs(report(before, 2009, "某市"), report(after, 2010, "某市")), 0, "五十亿公斤"
    )
    assert grain.status == "same" and grain.delta == 0


def test_an_amount_that_fell_never_pairs_with_one_that_rose() -> None:
    before = "一、1995年工作回顾\n\n粮食总产量４４４５亿公斤，比上年减产１２０亿公斤。\n"
    after = "一、2005年工作回顾\n\n全年粮食总产量达到46947万吨，增产3877万吨。\n"
    ps = pairs(report(before, 1995, "全国"), report(after, 2005, "全国"))
    assert partner(ps, 0, "４４４５亿公斤") == "46947万吨"
    assert partner(ps, 0, "１２０亿公斤") is None  # a fall and a rise are two facts


def test_an_aim_for_the_coming_year_inside_the_review_is_a_target() -> None:
    text = (
        "一、2024年工作回顾\n\n全县粮食总产量达到四十五万吨。今年要抓紧春耕生产，"
        "力争粮食产量达到四十六万吨以上。\n"
    )
    r = report(text, 2024)
    assert quantity(r, "四十五万吨").role == "result"
    aim = quantity(r, "四十六万吨")
    assert (aim.role, aim.year) == ("target", 2025)


# ------------------------------------------------------------------ indicator wording


def test_whose_profits_stays_in_the_indicator() -> None:
    before = (
        "一、2000年工作回顾\n\n工业经济效益明显好转，规模以上工业企业实现利润312亿元，"
        "国有和国有控股工业企业实现利润96.7亿元。\n"
    )
    after = (
        "一、2001年工作回顾\n\n工业经济效益继续提高，规模以上工业企业实现利润355亿元，"
        "国有控股工业企业实现利润123亿元。\n"
    )
    r = report(before, 2000, "某省")
    assert quantity(r, "96.7亿元").indicator == "国有和国有控股工业企业实现利润"
    ps = pairs(r, report(after, 2001, "某省"))
    assert partner(ps, 0, "312亿元") == "355亿元"
    assert partner(ps, 0, "96.7亿元") == "123亿元"


def test_subject_words_in_another_order_are_one_subject() -> None:
    from reportdiff.core.analysis.pairing import scopes_agree
    from reportdiff.core.model import Span

    def q(subject: str) -> Quantity:
        return Quantity(
            "88个", Span(0, 3), 88.0, "个", (), "试点城市", None, False, subject=subject
        )

    assert scopes_agree(q("城市+城镇"), q("城镇+城市"))
    assert not scopes_agree(q("城市+城镇"), q("城镇"))


def test_in_one_paragraph_wording_may_drift_around_the_verbs() -> None:
    before = (
        "一、2003年工作回顾\n\n社会事业加快发展。支持社会事业发展的国债投资达5.2亿元，"
        "重点用于农村卫生、教育和文化设施建设。为支持农村税费改革，市财政拿出3.9亿元用于转移支付。\n"
    )
    after = (
        "一、2004年工作回顾\n\n社会事业加快发展。投入国债资金4.7亿元，"
        "重点用于农村卫生、教育和文化设施建设。市财政还将安排1.5亿元，增加对财政困难县的转移支付。\n"
    )
    ps = pairs(report(before, 2003, "某市"), report(after, 2004, "某市"))
    assert partner(ps, 0, "5.2亿元") == "4.7亿元"  # 国债投资 and 投入国债资金: one fund
    assert partner(ps, 0, "3.9亿元") is None  # 拿出 and 安排 say nothing of what was given


def test_different_deeds_to_the_same_kind_of_rule_are_different_facts() -> None:
    before = (
        "一、2011年工作回顾\n\n依法行政扎实推进。对2010年底以前发布的156件规范性文件进行了清理，"
        "向县人大常委会提请审议地方性法规草案3件。\n"
    )
    after = (
        "一、2012年工作回顾\n\n依法行政扎实推进。制定了《县政府重大行政决策程序规定》等12件规范性文件，"
        "向县人大常委会提请审议地方性法规草案5件。\n"
    )
    ps = pairs(report(before, 2011), report(after, 2012))
    assert partner(ps, 0, "156件") is None  # 清理 is not 制定
    assert partner(ps, 0, "3件") == "5件"  # both 提请审议


def test_what_was_added_is_not_what_there_is() -> None:
    before = (
        "一、1996年工作回顾\n\n基础设施建设加快。新增发电装机1500多万千瓦，"
        "居民储蓄存款新增6300多亿元。\n"
    )
    after = (
        "一、1997年工作回顾\n\n基础设施建设加快。发电装机容量达到2.5亿千瓦，"
        "年末居民储蓄存款余额接近3万亿元。\n"
    )
    ps = pairs(report(before, 1996, "全国"), report(after, 1997, "全国"))
    assert partner(ps, 0, "1500多万千瓦") is None
    assert partner(ps, 0, "6300多亿元") is None


def test_delta_of_figures_in_words_is_in_their_printed_unit() -> None:
    before = "一、1990年工作回顾\n\n发电装机容量新增九百一十二万千瓦。取得重大科技成果3万多项。\n"
    after = "一、1991年工作回顾\n\n发电装机容量新增1184万千瓦。取得重大科技成果26000多项。\n"
    ps = pairs(report(before, 1990, "全国"), report(after, 1991, "全国"))
    power = pair_of(ps, 0, "九百一十二万千瓦")
    assert (power.unit, power.delta) == ("万千瓦", pytest.approx(272.0))
    found = pair_of(ps, 0, "3万多项")
    assert (found.unit, found.delta) == ("万项", pytest.approx(-0.4))


def test_a_name_that_stops_at_its_verb_pairs_only_when_what_was_given_agrees() -> None:
    before = (
        "一、2005年工作回顾\n\n国有企业改革继续深化。中央财政安排219亿元支持国有企业政策性关闭破产。"
        "省级财政安排12亿元用于农村公路建设。\n"
    )
    after = (
        "一、2006年工作回顾\n\n国有企业改革继续深化。中央财政安排51亿元，用于支持城乡医疗救助。"
        "省级财政安排15亿元用于农村公路建设。\n"
    )
    ps = pairs(report(before, 2005, "全国"), report(after, 2006, "全国"))
    assert partner(ps, 0, "219亿元") is None
    assert partner(ps, 0, "12亿元") == "15亿元"


def test_the_only_figure_of_its_kind_in_one_paragraph_pairs_on_a_shared_word() -> None:
    before = (
        "一、2004年工作回顾\n\n救灾救济工作扎实开展。全年累计救助灾民680万人次，"
        "下拨救灾资金12亿元。\n"
    )
    after = (
        "一、2005年工作回顾\n\n救灾救济工作扎实开展。全年救助受灾群众900多万人次，"
        "下拨救灾资金15亿元。\n"
    )
    ps = pairs(report(before, 2004, "某省"), report(after, 2005, "某省"))
    assert partner(ps, 0, "680万人次") == "900多万人次"
    # … but not a flow against a level reached, even alone and sharing 发电
    before = "一、1992年工作回顾\n\n新增生产能力有：煤炭2714万吨，发电机组容量1184万千瓦。\n"
    after = "一、1993年工作回顾\n\n新增生产能力有：煤炭3000万吨，发电装机达到16500万千瓦。\n"
    ps = pairs(report(before, 1992, "全国"), report(after, 1993, "全国"))
    assert partner(ps, 0, "1184万千瓦") is None


def test_a_two_character_name_pairs_only_where_nothing_else_of_its_kind_is_near() -> None:
    before = (
        "一、2007年工作回顾\n\n（一）农业\n\n粮食生产连续四年增产，2007年产量达到50150万吨。\n\n"
        "（二）工业\n\n钢铁行业产量4.9亿吨，利润1500亿元。\n"
    )
    after = (
        "一、2008年工作回顾\n\n（一）农业\n\n粮食生产连续五年增产，总产量52850万吨。\n\n"
        "（二）工业\n\n钢铁行业产量5亿吨，利润1200亿元。\n"
    )
    ps = pairs(report(before, 2007, "全国"), report(after, 2008, "全国"))
    assert partner(ps, 0, "50150万吨") == "52850万吨"


def test_a_shared_word_is_no_evidence_where_the_paragraph_holds_two_of_a_kind() -> None:
    before = (
        "一、2004年工作回顾\n\n救灾救济工作扎实开展。全年累计救助灾民680万人次，"
        "临时救助困难群众50万人次。\n"
    )
    after = "一、2005年工作回顾\n\n救灾救济工作扎实开展。全年救助受灾群众900多万人次。\n"
    ps = pairs(report(before, 2004, "某省"), report(after, 2005, "某省"))
    assert partner(ps, 0, "680万人次") is None
    assert partner(ps, 0, "50万人次") is None


def test_a_growth_rate_that_fell_to_a_value_is_still_a_growth_rate() -> None:
    before = (
        "一、1994年工作回顾\n\n投资膨胀得到控制，全社会固定资产投资增长幅度"
        "由上年的百分之五十八点六回落到百分之二十七点八。\n"
    )
    after = "一、1995年工作回顾\n\n投资膨胀得到控制，全年全社会固定资产投资增长18.8%。\n"
    ps = pairs(report(before, 1994, "全国"), report(after, 1995, "全国"))
    growth = pair_of(ps, 0, "百分之二十七点八")
    assert growth.values[1] is not None and growth.values[1].text == "18.8%"
    assert (growth.unit, growth.delta) == ("个百分点", pytest.approx(-9.0))


def test_years_in_chinese_digits_are_years() -> None:
    text = (
        "一、一九九五年工作回顾\n\n一九九四年全县工业总产值十二亿元。"
        "一九九五年全县工业总产值达到十五亿六千万元，比上年增长百分之三十。\n"
    )
    r = report(text, 1995)
    assert quantity(r, "十二亿元").year == 1994  # its own sentence says so
    assert quantity(r, "十五亿六千万元").year == 1995
    later = "一、1996年工作回顾\n\n1996年全县工业总产值18亿元，比上年增长15%。\n"
    ps = pairs(r, report(later, 1996))
    assert partner(ps, 0, "十五亿六千万元") == "18亿元"  # 一九九五年工业总产值 ~ 工业总产值
    assert partner(ps, 0, "十二亿元") is None  # 1994 is not 1996's year before


def test_an_average_rate_with_no_noun_of_its_own_never_pairs() -> None:
    before = (
        "一、1984年工作回顾\n\n农民人均纯收入达到三百二十元左右，扣除价格上涨因素，"
        "平均每年提高７．３％，远远超过以往。\n"
    )
    after = (
        "一、1985年工作回顾\n\n农民人均纯收入达到三百九十七元，扣除价格上涨因素，"
        "其中增长较快的“一五”时期平均每年增长百分之四点五。\n"
    )
    ps = pairs(report(before, 1984, "全国"), report(after, 1985, "全国"))
    assert partner(ps, 0, "７．３％") is None  # 平均每年 says how, not what


def test_a_date_in_the_opening_clause_does_not_hide_the_sentence_subject() -> None:
    text = "一、2000年工作回顾\n\n外贸出口从7月份开始大幅度回升，全年达到1949亿美元，比上年增长6.1%。\n"
    r = report(text, 2000, "全国")
    assert quantity(r, "1949亿美元").indicator == "外贸出口"


def test_residents_after_a_classifier_are_part_of_the_noun() -> None:
    text = "一、2007年工作回顾\n\n医药卫生改革稳步推进，88个城市启动城镇居民基本医疗保险试点。\n"
    r = report(text, 2007, "全国")
    assert quantity(r, "88个").indicator == "城市启动城镇居民基本医疗保险试点"
    later = "一、2008年工作回顾\n\n医药卫生改革稳步推进。城镇居民基本医疗保险试点城市由上年的88个增加到317个。\n"
    ps = pairs(r, report(later, 2008, "全国"))
    assert partner(ps, 0, "88个") == "317个"
