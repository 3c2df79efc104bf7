"""A number's scope (period, role, stock/flow, subject) and pairing like with like only.

Snippets are written in the form of real reports of other levels (a province's 2025 and 2026
reports, a county's); the national reports of the corpus are read when it is present.
"""

from __future__ import annotations

from functools import cache

import pytest
from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.pairing import scopes_agree
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Report
from reportdiff.core.text.load import load_text
from reportdiff.core.text.parts import report_parts

PROVINCE_2024 = """各位代表：

现在，我代表省人民政府，向大会报告工作，请予审议。

一、2024年工作回顾

2024年，全省地区生产总值增长5.4%，城镇新增就业112万人，城镇居民人均可支配收入4.96万元，\
增长4.5%；农村居民人均可支配收入2.17万元，增长6.5%。规模以上工业企业累计达到2625家，全年新增350家。\
单位地区生产总值能耗下降2.5%。

二、2025年工作安排

今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业110万人以上，\
居民消费价格涨幅2%左右，城镇调查失业率5.5%以内。
"""

PROVINCE_2025 = """各位代表：

现在，我代表省人民政府，向大会报告工作，请予审议。

一、2025年和“十四五”时期工作回顾

“十四五”时期，全省地区生产总值年均增长5.7%，城镇新增就业累计690万人。

2025年，全省地区生产总值增长5.5%，城镇新增就业115.8万人，城镇居民人均可支配收入5.2万元，\
增长4.9%；农村居民人均可支配收入2.3万元，增长6.1%。规模以上工业企业累计达到3022家，全年新增397家。\
单位地区生产总值能耗下降3.2%。

二、2026年工作安排

今年经济社会发展的主要预期目标是：地区生产总值增长5%－5.5%，城镇新增就业110万人以上，\
居民消费价格涨幅3%左右，城镇调查失业率5.5%以内。
"""


@cache
def report(text: str, year: int, region: str = "某省") -> Report:
    return load_text(text, source=f"{region}-{year}.txt", id=f"r-{year}", year=year, region=region)


# ------------------------------------------------------------------ scope of one number


def test_period_comes_from_the_words_around_the_number() -> None:
    r = report(PROVINCE_2025, 2025)
    assert quantity(r, "5.7%").period == "average"  # 年均增长5.7%
    assert quantity(r, "690万人").period == "cumulative"  # 累计690万人
    one_year = quantity(r, "115.8万人")
    assert (one_year.period, one_year.year) == ("year", 2025)
    assert quantity(r, "5.7%").period_label == "年均"


def test_a_paragraph_under_five_years_speaks_of_five_years_unless_a_sentence_says_otherwise() -> (
    None
):
    text = (
        "一、过去五年工作回顾\n\n过去五年，全县累计完成固定资产投资1200亿元。"
        "建成高标准农田35万亩。2025年，全县地区生产总值达到412亿元。\n"
    )
    r = report(text, 2025, "某县")
    assert quantity(r, "35万亩").period == "years"
    assert quantity(r, "1200亿元").period == "cumulative"
    assert (quantity(r, "412亿元").period, quantity(r, "412亿元").year) == ("year", 2025)


def test_part_of_a_year_is_its_own_period() -> None:
    text = "一、2025年工作回顾\n\n1-11月，规模以上工业增加值增长6.2%。上半年，社会消费品零售总额增长4.1%。\n"
    r = report(text, 2025, "某市")
    assert quantity(r, "6.2%").period == "part"
    assert quantity(r, "4.1%").period == "part"


def test_roles_in_review_and_plan_parts() -> None:
    r = report(PROVINCE_2025, 2025)
    assert quantity(r, "115.8万人").role == "result"
    target = quantity(r, "110万人")
    assert (target.role, target.year, target.is_target) == ("target", 2026, True)


def test_the_plan_part_is_found_by_what_it_says_not_by_its_heading() -> None:
    # a heading that names neither 任务 nor 目标; the paragraph says it sets targets
    text = (
        "一、2025年工作回顾\n\n2025年，全市地区生产总值增长5.2%。\n\n"
        "二、奋力开创高质量发展新局面\n\n今年全市经济社会发展的主要预期目标是：地区生产总值增长5%左右。"
        "全年安排重大项目投资800亿元。\n"
    )
    r = report(text, 2025, "某市")
    parts = report_parts(r)
    assert parts.reviewed_year == 2025
    goal = quantity(r, "5%")
    assert parts.at(goal.block).part == "plan"
    assert goal.role == "target"
    assert quantity(r, "5.2%").role == "result"
    assert quantity(r, "800亿元").role == "plan"  # a task's amount, not a target


def test_ranges_stay_ranges_and_qualifiers_are_kept() -> None:
    r = report(PROVINCE_2025, 2025)
    q = quantity(r, "5%－5.5%")
    assert (q.low, q.high, q.value, q.unit) == (5.0, 5.5, 5.0, "%")
    assert "以上" in quantity(r, "110万人").qualifiers
    assert "左右" in quantity(r, "3%").qualifiers


def test_a_range_of_years_is_not_a_range_of_figures() -> None:
    r = report("一、2025年工作回顾\n\n2021-2025年，全区新建学校12所，建成公园3个。\n", 2025, "某区")
    assert [(q.text, q.high, q.period) for q in extract_quantities(r)] == [
        ("12所", None, "years"),
        ("3个", None, "years"),
    ]


def test_decreases_carry_their_sign() -> None:
    r = report(PROVINCE_2025, 2025)
    assert quantity(r, "3.2%").sign == -1  # 能耗下降3.2%
    assert quantity(r, "4.9%").sign == 1
    text = "一、2025年工作回顾\n\n农村贫困人口比上年减少290万人，城镇登记失业率降低0.3个百分点。\n"
    r2 = report(text, 2025, "某省")
    assert quantity(r2, "290万人").sign == -1
    assert quantity(r2, "0.3个百分点").sign == -1


def test_from_a_to_b_gives_both_ends_in_order() -> None:
    text = "一、过去五年工作回顾\n\n国内生产总值由2020年的7.4万亿元增加到2025年的10.2万亿元。\n"
    r = report(text, 2025, "某省")
    a, b = quantity(r, "7.4万亿元"), quantity(r, "10.2万亿元")
    assert (a.end, a.year) == ("from", 2020)
    assert (b.end, b.year, b.is_change) == ("to", 2025, False)  # a level reached, not a rise
    assert a.indicator == b.indicator == "国内生产总值"
    assert b.sign == 1


def test_from_a_down_to_b_is_a_level_not_a_decrease() -> None:
    text = "一、2025年工作回顾\n\n城镇登记失业率由4.5%下降到4.2%。\n"
    r = report(text, 2025, "某市")
    b = quantity(r, "4.2%")
    assert (b.end, b.sign, b.is_change) == ("to", 1, False)


def test_subject_words() -> None:
    r = report(PROVINCE_2025, 2025)
    assert quantity(r, "5.2万元").subject == "城镇"
    assert quantity(r, "2.3万元").subject == "农村"
    assert quantity(r, "4.9%").subject == "城镇"  # its growth, the same subject
    assert quantity(r, "115.8万人").subject == "城镇"
    assert quantity(r, "5.7%").subject == ""


def test_an_increment_is_a_change() -> None:
    r = report(
        "一、2025年工作回顾\n\n全市财政收入比上年增加150亿元，达到1137亿元。\n", 2025, "某市"
    )
    assert quantity(r, "150亿元").is_change
    assert not quantity(r, "1137亿元").is_change


# ------------------------------------------------------------------ pairing like with like


def test_a_series_pairs_last_year_with_this_year_and_targets_with_targets() -> None:
    a, b = report(PROVINCE_2024, 2024), report(PROVINCE_2025, 2025)
    ps = pairs(a, b)
    assert partner(ps, 1, "115.8万人") == "112万人"  # not the five-year 690万人
    assert partner(ps, 1, "690万人") is None
    assert partner(ps, 1, "5.7%") is None  # a 年均 rate pairs with no one-year rate
    assert partner(ps, 1, "3022家") == "2625家"  # 累计 with 累计
    assert partner(ps, 1, "397家") == "350家"  # 新增 with 新增
    assert partner(ps, 1, "5.2万元") == "4.96万元"  # 城镇 with 城镇
    assert partner(ps, 1, "2.3万元") == "2.17万元"  # 农村 with 农村
    assert partner(ps, 1, "6.1%") == "6.5%"
    assert partner(ps, 1, "5%－5.5%") == "5.5%"  # this year's target with last year's
    assert partner(ps, 1, "3%") == "2%"


def test_delta_carries_its_unit_and_sign() -> None:
    ps = pairs(report(PROVINCE_2024, 2024), report(PROVINCE_2025, 2025))
    energy = next(p for p in ps if p.values[1] is not None and p.values[1].text == "3.2%")
    assert energy.unit == "个百分点"
    assert energy.delta == pytest.approx(-0.7)  # -2.5 → -3.2
    income = next(p for p in ps if p.values[1] is not None and p.values[1].text == "5.2万元")
    assert income.unit == "万元" and income.delta == pytest.approx(0.24)
    goal = next(p for p in ps if p.values[1] is not None and p.values[1].text == "5%－5.5%")
    assert goal.delta is None and goal.status == "changed"  # a range against a point


def test_across_regions_the_same_target_pairs() -> None:
    other = PROVINCE_2025.replace("省", "自治区").replace("5%－5.5%", "6%左右")
    ps = pairs(report(PROVINCE_2025, 2025), report(other, 2025, "某自治区"))
    assert partner(ps, 0, "5%－5.5%") == "6%"
    assert partner(ps, 0, "690万人") == "690万人"


def _q(**fields: object) -> Quantity:
    from reportdiff.core.model import Span

    base: dict[str, object] = {
        "text": "5%",
        "span": Span(0, 2),
        "value": 5.0,
        "unit": "%",
        "qualifiers": (),
        "indicator": "地区生产总值",
        "indicator_span": None,
        "is_target": False,
    }
    base.update(fields)
    return Quantity(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ({"period": "year"}, {"period": "year"}, True),
        ({"period": "year"}, {"period": ""}, True),
        ({"period": "average"}, {"period": ""}, False),  # unsure of one side: no pair
        ({"period": "years"}, {"period": "year"}, False),
        ({"period": "part"}, {"period": "year"}, False),
        ({"role": "target"}, {"role": "result"}, False),
        ({"role": ""}, {"role": "result"}, True),
        ({"role": "target"}, {"role": ""}, False),
        ({"role": "target"}, {"role": "plan"}, True),  # both look ahead
        ({"role": "forecast"}, {"role": "result"}, False),
        ({"stock": "stock"}, {"stock": "flow"}, False),
        ({"subject": "出口"}, {"subject": "进出口"}, False),
        ({"end": "from"}, {"end": ""}, False),
        ({"end": "to"}, {"end": ""}, True),
    ],
)
def test_scopes_agree(a: dict[str, object], b: dict[str, object], agree: bool) -> None:
    assert scopes_agree(_q(**a), _q(**b)) is agree
    assert scopes_agree(_q(**b), _q(**a)) is agree


# ------------------------------------------------------------------ the national corpus


def test_national_2005_plan_part_and_targets() -> None:
    r = national(2005)
    parts = report_parts(r)
    assert parts.reviewed_year == 2004
    gdp_goal = next(
        q for q in extract_quantities(r) if q.text == "8％" and "国内生产总值" in q.indicator
    )
    assert parts.at(gdp_goal.block).part == "plan"
    assert (gdp_goal.role, gdp_goal.year) == ("target", 2005)
    jobs = [q for q in extract_quantities(r) if q.indicator == "城镇新增就业"]
    assert {(q.text, q.role) for q in jobs} == {("980万人", "result"), ("900万人", "target")}


def test_national_2004_to_2005_pairs_results_with_results_and_targets_with_targets() -> None:
    ps = pairs(national(2004), national(2005))
    assert partner(ps, 1, "980万人") == "８５９万人"  # 2004's jobs with 2003's, not the target
    assert partner(ps, 1, "900万人") == "９００万人"  # target with target
    assert partner(ps, 1, "7．7％") == "９％"  # 城镇 income growth (a 分别 sentence)
    assert partner(ps, 1, "6．8％") == "４．３％"  # 农村 (农民) income growth


def test_national_2003_five_year_review() -> None:
    r = national(2003)
    parts = report_parts(r)
    q = {x.text: x for x in extract_quantities(r)}
    assert q["７．７％"].period == "average"  # 平均每年增长7.7%
    assert (q["７．４万亿元"].end, q["７．４万亿元"].year) == ("from", 1997)
    assert (q["１０．２万亿元"].end, q["１０．２万亿元"].year) == ("to", 2002)
    assert parts.at(q["７．７％"].block).framing.period == "years"
    ps = pairs(national(2003), national(2004))
    assert partner(ps, 0, "１０．２万亿元") == "１１．６７万亿元"  # the end of 由A增至B, a level
    assert partner(ps, 0, "７．７％") is None  # a five-year average has no one-year partner


def test_a_span_over_which_an_average_runs_governs_that_average_only() -> None:
    """1998's review: 1997年，城镇居民人均可支配收入达到5160元，五年来年均实际增长6％；农村居民
    人均纯收入达到2090元，年均实际增长5．4％. 五年来 says over which years the average runs:
    the 2090元 after it is 1997's level, as 5160元 before it is, and meets 1997's report's
    1996 level (农村居民人均纯收入达到１９００多元); a span standing alone (五年来城镇新增就业)
    still makes a figure of the whole period."""
    r = national(1998)
    rural = quantity(r, "2090元")
    assert (rural.period, rural.year) == ("year", 1997)
    assert quantity(r, "5．4％").period == "average"
    jobs = quantity(r, "3555万人")
    assert jobs.period == "years"
    assert partner(pairs(national(1997), r), 1, "2090元") == "１９００多元"


def test_national_2002_without_headings_is_read_in_order() -> None:
    r = national(2002)
    parts = report_parts(r)
    review = next(q for q in extract_quantities(r) if "城镇居民人均可支配收入" in q.indicator)
    assert parts.at(review.block).part == "review" and review.role == "result"
    later = [parts.at(q.block).part for q in extract_quantities(r)][-5:]
    assert set(later) <= {"tasks", "plan"}


# ------------------------------------------------------------------ exports


def test_exports_show_scope_qualifiers_and_delta_unit() -> None:
    import json

    from reportdiff.core.analysis.compare import compare
    from reportdiff.core.analysis.export import to_csv, to_json, to_markdown

    cmp = compare([report(PROVINCE_2024, 2024), report(PROVINCE_2025, 2025)], use_cache=False)
    doc = json.loads(to_json(cmp))
    values = [v for n in doc["numbers"] for v in n["values"].values() if v is not None]
    energy = next(v for v in values if v["text"] == "3.2%")
    assert (energy["signed"], energy["change"], energy["period"]) == (-3.2, True, "year")
    goal = next(v for v in values if v["text"] == "5%－5.5%")
    assert (goal["low"], goal["high"], goal["role"], goal["year"]) == (5.0, 5.5, "target", 2026)
    average = next(v for v in values if v["text"] == "5.7%")
    assert (average["period"], average["period_label"]) == ("average", "年均")
    md = to_markdown(cmp)
    assert "3%左右（目标）" in md  # the qualifier and the scope are shown
    assert "-0.7个百分点" in md  # Δ with its unit, signed
    assert "110万人以上" in to_csv(cmp)


def test_an_edited_number_module_invalidates_cached_comparisons() -> None:
    # the fingerprint once listed modules by their pre-stage-folder names and hashed nothing
    from reportdiff.core.storage.cache import engine_files

    names = {p.name for p in engine_files() if p.is_file()}
    assert {"numbers.py", "pairing.py", "scope.py", "units.py", "parts.py"} <= names


def test_percentages_in_words_as_older_reports_print_them() -> None:
    text = (
        "一、1994年工作回顾\n\n国内生产总值比上年增长百分之十一点八，农民收入增长百分之五以上。\n\n"
        "二、1995年的主要任务\n\n今年经济增长速度定为百分之八至九。\n"
    )
    r = report(text, 1994, "全国")
    growth = quantity(r, "百分之十一点八")
    assert (growth.value, growth.unit, growth.is_change, growth.role) == (11.8, "%", True, "result")
    assert "以上" in quantity(r, "百分之五").qualifiers
    goal = quantity(r, "百分之八至九")
    assert (goal.low, goal.high, goal.role, goal.year) == (8.0, 9.0, "target", 1995)


def test_small_counts_in_chinese_numerals_never_pair() -> None:
    text = "一、2025年工作回顾\n\n全力支持香港、澳门两个特别行政区行政长官和政府依法施政。全年新建中小学校12所。\n"
    later = text.replace("2025", "2026").replace("12所", "15所")
    ps = pairs(report(text, 2025, "全国"), report(later, 2026, "全国"))
    # a name, not a measured quantity (and a count restating 香港、澳门 is no figure at all)
    assert not [
        p for p in ps if p.values[0] is not None and p.values[0].text == "两个" and p.values[1]
    ]
    assert partner(ps, 0, "12所") == "15所"


def test_respectively_without_its_nouns_takes_the_list_just_before() -> None:
    """比上年分别下降 names no noun: 分别 distributes the 、 list of the clause before it, in
    order; the figure before (能耗) is not theirs."""
    text = (
        "一、2025年工作回顾\n\n单位国内生产总值能耗比上年下降3.27%，化学需氧量、二氧化硫排放总量"
        "近年来首次出现双下降，比上年分别下降3.14%和4.66%。\n"
    )
    r = report(text, 2025, "全国")
    assert quantity(r, "3.27%").indicator == "单位国内生产总值能耗"
    assert quantity(r, "3.14%").indicator == "化学需氧量"
    assert quantity(r, "4.66%").indicator == "二氧化硫排放总量"
    assert quantity(r, "4.66%").sign == -1 and quantity(r, "4.66%").is_change


def test_respectively_without_a_list_before_gets_no_indicator() -> None:
    """With no list of as many nouns just before, saying whose figures these are would be a
    guess: a single noun, or a list holding figures, names nothing."""
    single = "一、2025年工作回顾\n\n主要污染物排放总量首次出现下降，比上年分别下降3.14%和4.66%。\n"
    r = report(single, 2025, "全国")
    assert quantity(r, "3.14%").indicator == quantity(r, "4.66%").indicator == ""
    three = (
        "一、2025年工作回顾\n\n化学需氧量、氨氮、二氧化硫排放总量首次出现下降，"
        "比上年分别下降3.14%和4.66%。\n"
    )
    r = report(three, 2025, "全国")
    assert quantity(r, "3.14%").indicator == ""  # three nouns, two figures


def test_national_2008_to_2009_emissions_listed_before_respectively() -> None:
    """2008 (on 2007): 化学需氧量、二氧化硫排放总量近年来首次出现双下降，比上年分别下降3.14％和
    4.66％; 2009 (on 2008): 化学需氧量、二氧化硫排放量分别减少４．４２％和５．９５％."""
    ps = pairs(national(2008), national(2009))
    assert partner(ps, 0, "3.14％") == "４．４２％"
    assert partner(ps, 0, "4.66％") == "５．９５％"


def test_national_2007_changes_from_last_year_are_last_years() -> None:
    """2007 (on 2006): 化学需氧量、二氧化硫排放量由上年分别增长5.6％和13.1％，减为增长1.2%和
    1.8%: 5.6％ and 13.1％ are 2005's growth, the start of the change, and never meet 2007's
    fall (3.14％, 4.66％) in the next report."""
    q = {x.text: x for x in extract_quantities(national(2007))}
    assert (q["5.6％"].end, q["5.6％"].year) == ("from", 2005)
    assert q["13.1％"].end == "from"
    ps = pairs(national(2007), national(2008))
    assert partner(ps, 0, "5.6％") is None
    assert partner(ps, 0, "13.1％") is None


def test_last_year_without_a_change_dates_nothing() -> None:
    """由上年结转资金50亿元 is money carried over into this year: 由上年 with no change
    between it and the figure does not make the figure last year's."""
    text = "一、2025年工作回顾\n\n财政收入稳定增长。由上年结转资金50亿元，全部用于民生。\n"
    carried = quantity(report(text, 2025, "全国"), "50亿元")
    assert carried.end != "from"
    assert carried.year == 2025


def test_a_clause_without_its_noun_speaks_of_the_sentence_subject() -> None:
    text = "一、2025年工作回顾\n\n粮食总产量在上年大幅度增长的基础上，又增产1454万吨，达到48401万吨。\n"
    r = report(text, 2025, "全国")
    rise, level = quantity(r, "1454万吨"), quantity(r, "48401万吨")
    assert rise.indicator == level.indicator == "粮食总产量"
    assert rise.is_change and not level.is_change


COUNTY_2013 = """各位代表：

一、2013年工作回顾

2013年，全县农民人均纯收入达到9860元，增长12.1%；城镇居民人均可支配收入24500元，增长9.6%。
"""

COUNTY_2014 = """各位代表：

一、2014年工作回顾

2014年，全县农村居民人均可支配收入达到11020元，增长11.8%；城镇居民人均可支配收入26400元，增长9.0%。
"""


def test_different_statistical_measures_never_pair() -> None:
    """Rural income was reported as 纯收入 until 2013 and as 可支配收入 from 2014: the two
    measures are not comparable, so 9860元 ↔ 11020元 would be a wrong Δ; urban 可支配收入
    pairs with itself."""
    ps = pairs(report(COUNTY_2013, 2013, "某县"), report(COUNTY_2014, 2014, "某县"))
    assert partner(ps, 0, "9860元") is None
    assert partner(ps, 0, "24500元") == "26400元"


NATIONAL_TERM_END = """各位代表：

一、改革开放和现代化建设取得伟大成就的五年

人民收入和生活水平进一步提高。城镇新建居民住宅９．２亿平方米，农村新建住房３６亿平方米，居住条件逐步改善。

二、今年的主要任务

今年要继续改善居住条件。
"""

NATIONAL_NEXT_YEAR = """各位代表：

一、过去一年的工作

人民生活继续改善。全年城镇新建住宅２．７亿平方米，农村新建房屋５．７亿平方米。
"""


def test_a_heading_naming_five_years_frames_its_paragraphs() -> None:
    """A term's closing report heads its review 改革开放和现代化建设取得伟大成就的五年 (1993):
    the housing built under it is five years' worth, and never meets one year's (a Δ of
    −6.5亿平方米 would be a wrong answer)."""
    a = report(NATIONAL_TERM_END, 1992, "全国")
    b = report(NATIONAL_NEXT_YEAR, 1993, "全国")
    assert quantity(a, "９．２亿平方米").period != "year"
    ps = pairs(a, b)
    assert partner(ps, 0, "９．２亿平方米") is None
    assert partner(ps, 0, "３６亿平方米") is None


def test_a_span_of_more_than_ten_years_is_named_whole_1960() -> None:
    """1960: 在十二年内，粮食每亩平均年产量…分别达到四百斤、五百斤和八百斤 — the period is
    十二年内 as printed, never 二年内 (two years), which the numbers view showed."""
    r = national(1960)
    for printed in ("四百斤", "五百斤", "八百斤"):
        q = quantity(r, printed)
        assert (q.period, q.period_label) == ("years", "十二年内"), printed
