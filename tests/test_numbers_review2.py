"""Rules of reading found on corpus pairs nobody tuned on (round 2: 1955↔1956 and a
provincial review of five years).

Each rule is one a person would state for every report; the tests read corpus text where
the corpus has it.
"""

from __future__ import annotations

from functools import cache

from engine_support import national, pairs, partner_at, quantity
from reportdiff.core.analysis.facts import fact_name
from reportdiff.core.analysis.namerules import measures_differ, share_part
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.comparison import NumberPair, Quantity
from reportdiff.core.model import Report


def after(r: Report, words: str, printed: str) -> Quantity:
    """The one figure of ``r`` printed as ``printed`` right after ``words``."""
    found = [
        q
        for q in extract_quantities(r)
        if q.text == printed and r.text[: q.span.start].endswith(words)
    ]
    assert len(found) == 1, (words, printed, len(found))
    return found[0]


@cache
def page(year: int) -> Report:
    """A corpus page read as ``reportdiff`` reads a file (the saved page cleaned)."""
    from conftest import CORPUS, require
    from reportdiff.core.storage.resolve import resolve_report

    return resolve_report(str(require(CORPUS, "State Council corpus") / f"{year}.txt"))


@cache
def pairs_1955_1956() -> tuple[NumberPair, ...]:
    return pairs(national(1955), national(1956))


# ------------------------------------------------------------------ a clause opening on a span


def test_a_clause_opening_on_a_span_covers_those_years() -> None:
    """1955 (the first five-year plan, a part that sets tasks): 两年国营工业的劳动生产率已提高
    百分之二十九 — two years' rise (1953–54), already done: a result, not the year's plan."""
    q = after(national(1955), "劳动生产率已提高", "百分之二十九")
    assert (q.period, q.years, q.role) == ("years", (1953, 1954), "result")
    assert partner_at(pairs_1955_1956(), 0, q) is None  # not 1956's planned 17.2%


def test_a_span_after_a_heading_colon_covers_its_sentence() -> None:
    """1955: 在运输交通方面：两年铁路的货物周转量增长百分之五十五…；沿海和内河轮驳船的货物
    周转量增长百分之八十五 — two years' growth, not 1956's planned growth of one year."""
    r = national(1955)
    for printed in ("百分之五十五", "百分之八十五", "百分之一百七十五"):
        q = after(r, "货物周转量增长", printed)
        assert q.period == "years", printed
        assert partner_at(pairs_1955_1956(), 0, q) is None, printed


def test_a_span_in_the_future_is_no_opening_span() -> None:
    """五年内, a plan's coming years, is not read as the five years just past: 1955's
    五年内，就业人数共增加约四百二十万人 has no span of past years."""
    q = after(national(1955), "就业人数共增加约", "四百二十万人")
    assert q.years is None


# ------------------------------------------------------------------ shares and their movements


def test_a_movement_after_a_figure_names_nothing() -> None:
    """1956: 生产资料的生产在工业总产值中所占的比重，由１９５４年的４２％上升到…: 上升到 is where
    the share went; the share is named by the clause before 由."""
    q = after(national(1956), "由１９５４年的", "４２％")
    assert q.indicator == "生产资料的生产在工业总产值中所占的比重"
    assert "上升" not in q.indicator


def test_shares_of_different_parts_do_not_pair() -> None:
    """1955's share of state, co-operative and joint industry in industrial output (61% →
    75.1%) is not 1956's share of producer goods in it (42% → 46%); the share of modern
    industry (33% in 1954, 34% in 1955) is one share in both, said in two word orders."""
    ps = pairs_1955_1956()
    assert partner_at(ps, 0, quantity(national(1955), "百分之七十五点一")) is None
    assert any(
        p.values[0] is not None
        and p.values[1] is not None
        and (p.values[0].text, p.values[1].text) == ("百分之三十三", "３４％")
        for p in ps
    )
    assert share_part("在工农业生产总值中现代工业所占的比重") == "现代工业"
    assert share_part("第三产业增加值占国内生产总值的比重") == "第三产业增加值"
    assert share_part("投资率") == ""
    assert measures_differ(
        "公私合营的工业的产值在工业总产值中所占的比重", "生产资料的生产在工业总产值中所占的比重"
    )
    assert fact_name("在工农业生产总值中现代工业所占的比重") == fact_name(
        "现代工业在工农业生产总值中所占的比重"
    )


def test_modes_of_transport_are_subjects() -> None:
    """汽车货物周转量 is not 轮驳船's nor 铁路's: a mode of transport says whose turnover."""
    from reportdiff.core.analysis.scope import subject_of

    assert subject_of("汽车货物周转量") == "汽车"
    assert subject_of("铁路货物周转量") != subject_of("汽车货物周转量")


# ------------------------------------------------------------------ a review of five years

_FIVE_YEARS = (
    "各位代表：\n\n一、过去五年工作回顾\n\n过去五年，全省地区生产总值连跨两个万亿元台阶，2022年"
    "达到12.29万亿元，年均增长6.1%。一般公共预算收入达到9258.9亿元。城镇新增就业累计676万人。\n"
)
_ONE_YEAR = (
    "各位代表：\n\n一、2023年工作回顾\n\n2023年，全省地区生产总值增长5.8%，达到12.82万亿元；"
    "一般公共预算收入增长7.3%，达到9930亿元。城镇新增就业150万人。\n"
)


@cache
def provincial() -> tuple[Report, Report]:
    from reportdiff.core.text.load import load_text

    return (
        load_text(_FIVE_YEARS, source="a.txt", id="province-2023", year=2022),
        load_text(_ONE_YEAR, source="b.txt", id="province-2024", year=2023),
    )


def test_a_level_after_a_count_of_marks_is_of_the_noun_that_passed_them() -> None:
    """全省地区生产总值连跨两个万亿元台阶，2022年达到12.29万亿元: 两个 counts the steps (its
    noun follows its classifier); 12.29万亿元 is the output that passed them, and meets the
    next year's 12.82万亿元."""
    five, one = provincial()
    q = quantity(five, "12.29万亿元")
    assert q.indicator == "全省地区生产总值"
    assert (q.period, q.year) == ("year", 2022)
    assert partner_at(pairs(five, one), 0, q) == "12.82万亿元"
    assert quantity(five, "两个").indicator == "万亿元台阶"


def test_a_level_reached_in_a_review_of_years_is_the_last_years() -> None:
    """过去五年…。一般公共预算收入达到9258.9亿元: the revenue reached by the end of the five
    years, i.e. 2022's, which meets 2023's 9930亿元; 累计676万人 stays the five years' total."""
    five, one = provincial()
    q = quantity(five, "9258.9亿元")
    assert (q.period, q.year) == ("year", 2022)
    ps = pairs(five, one)
    assert partner_at(ps, 0, q) == "9930亿元"
    assert partner_at(ps, 0, quantity(five, "676万人")) is None
    assert quantity(five, "6.1%").period == "average"


def test_a_level_reached_in_1987_meets_the_year_before() -> None:
    """1988 reviews five years and ends on 在刚刚过去的１９８７年…粮食总产量增加１０９亿公斤，达到
    ４０２４亿公斤: 1987's level, meeting 1987's report's level of 1986."""
    q = quantity(national(1988), "４０２４亿公斤")
    assert (q.period, q.year) == ("year", 1987)
    ps = pairs(national(1987), national(1988))
    assert partner_at(ps, 1, q) == "３９１０９万吨"


# ------------------------------------------------------------------ round 1's notes


def test_two_nouns_joined_before_fenbie_are_the_figures_own() -> None:
    """1992: 原煤达到…，石油达到１．３９亿吨，钢突破７０００万吨，水泥和化肥（折纯）分别达到
    ２．４８亿吨和１９８８万吨 — cement and fertiliser, not the oil and steel just before."""
    r = national(1992)
    assert quantity(r, "２．４８亿吨").indicator == "水泥"
    assert quantity(r, "１９８８万吨").indicator == "化肥"


def test_two_years_compared_date_the_ends_and_span_the_changes() -> None:
    """1987 (a task part): １９８６年同１９７８年相比，国民生产总值由３４８０亿元增加到９３８０亿元，
    按可比价格计算增长１０２％；国民收入由…增加到７７９０亿元，…增长９４．９％ — the ends are
    1978's and 1986's levels (results), the rises cover 1979–86 and are of the noun named
    (按可比价格计算 says how the rise is counted)."""
    r = national(1987)
    start, end = quantity(r, "３４８０亿元"), quantity(r, "９３８０亿元")
    assert (start.year, start.role) == (1978, "result")
    assert (end.year, end.role) == (1986, "result")
    for printed, name in (("１０２％", "国民生产总值"), ("９４．９％", "国民收入")):
        q = quantity(r, printed)
        assert (q.period, q.years, q.indicator) == ("years", (1979, 1986), name), printed
    assert partner_at(pairs(r, national(1988)), 0, end) == "１０９２０亿元"


# ------------------------------------------------------------------ found in the audit


def test_a_plan_exceeded_names_nothing() -> None:
    """1958: 工业投资额完成六十五亿五千万元，超过原定的年度计划百分之四点一 is not 1959's
    基本建设投资总额…超过原定计划四百二十七亿四千万元的百分之十五点三 (the first five-year
    plan's total): a name that is only the plan exceeded does not say whose plan."""
    from reportdiff.core.analysis.namerules import plan_only

    q = after(national(1958), "超过原定的年度计划", "百分之四点一")
    assert fact_name(q.indicator) == ""
    assert partner_at(pairs(national(1958), national(1959)), 0, q) is None
    assert plan_only("超过原定计划") and not plan_only("计划生育")


def test_the_first_five_year_plan_period_is_a_span() -> None:
    """1959: 第一个五年计划期间，国家对经济和文化部门的基本建设投资总额共为四百九十三亿元 —
    1953–1957, not a year."""
    q = quantity(national(1959), "四百九十三亿元")
    assert (q.period, q.years) == ("years", (1953, 1957))


def test_large_projects_are_not_all_projects() -> None:
    """1958: 在今年内可以建设完工的，有二十一个大型水利工程 is not 1959's list of projects under
    way (…二十八个水利工程): large projects are some of them."""
    q = after(national(1958), "可以建设完工的，有", "二十一个")
    assert partner_at(pairs(national(1958), national(1959)), 0, q) is None
    assert measures_differ("大型水利工程", "水利工程")
    assert not measures_differ("特大型企业", "国有大型企业")


def test_aspect_and_a_base_year_are_no_name() -> None:
    """1956: 手工业生产合作组织的产值比１９５４年增长了７２％ — 了 and the base 比１９５４年 are
    no part of the name; 1957's 比１９４９年增长了百分之七十九 is growth over seven years (of
    the agricultural output named before), not one year's, and meets neither 1956's 5% nor
    its 72%."""
    q = after(national(1956), "比１９５４年增长了", "７２％")
    assert q.indicator == "手工业生产合作组织的产值"
    seven = after(national(1957), "比１９４９年增长了", "百分之七十九")
    assert (seven.period, seven.years) == ("years", (1950, 1956))
    assert partner_at(pairs(national(1956), national(1957)), 1, seven) is None


def test_of_which_speaks_of_the_year_before_it() -> None:
    """1959: 我国的工农业总产值在一九五七年达到了…。其中，…农业总产值达到了六百零三亿五千
    万元 — 1957's, as the sentence 其中 continues says; it does not meet 1960's 1959 output."""
    q = quantity(national(1959), "六百零三亿五千万元")
    assert q.year == 1957
    assert partner_at(pairs(national(1959), national(1960)), 0, q) is None


def test_industry_is_not_agriculture() -> None:
    """1979: 工业总产值…一九七八年又比一九七七年增长百分之十三点五 meets 1980's 工业总产值比上年
    增长了８．５％, not its １９７９年农业总产值比１９７８年增长８．６％."""
    from reportdiff.core.analysis.namerules import sectors_of

    q = quantity(page(1979), "百分之十三点五")
    assert partner_at(pairs(page(1979), page(1980)), 0, q) == "８．５％"
    assert measures_differ("工业总产值", "农业总产值")
    assert measures_differ("工业总产值", "工农业总产值")
    assert not measures_differ("工业总产值", "总产值")
    assert sectors_of("现代工业在工农业总产值中所占的比重") == {"工业", "工农业"}


def test_parts_of_a_year_meet_the_same_part() -> None:
    """1980: 今年上半年…工业总产值比去年同期增长了１３．６％ is not 1981's 工业总产值第一季度
    下降０．２％: a half year is not a quarter."""
    from reportdiff.core.analysis.facts import part_months

    q = quantity(national(1980), "１３．６％")
    assert partner_at(pairs(national(1980), national(1981)), 0, q) is None
    assert part_months("上半年") == part_months("1-6月") == "1-6"
    assert part_months("第一季度") == part_months("一季度") == "1-3"
    assert part_months("一至十一月") == "1-11"


def test_coastal_ports_and_large_units_are_their_own() -> None:
    """1989: 沿海港口吞吐能力８７８万吨 is coastal ports' (1990's 港口吞吐能力 names none); 1994:
    新增发电机组容量１４３８万千瓦 is all units, 1995's 新增大中型发电机组容量 the large and
    middle-sized ones."""
    from reportdiff.core.analysis.scope import subject_of

    assert subject_of("沿海港口吞吐能力") == "沿海"
    q = quantity(page(1989), "８７８万吨")
    assert partner_at(pairs(page(1989), page(1990)), 0, q) is None
    assert measures_differ("新增大中型发电机组容量", "新增发电机组容量")


def test_a_pronoun_names_what_came_before() -> None:
    """1955: 由于现代工业的恢复和发展比较快，它的产值在工业农业总产值中所占的比重 — 它的 points
    back; alone, the name never meets a share named in full."""
    from reportdiff.core.analysis.namerules import points_back

    q = after(national(1955), "已由一九四九年的", "百分之十七")
    assert q.indicator == "它的产值在工业农业总产值中所占的比重"
    assert points_back(fact_name(q.indicator))


# ------------------------------------------------------------------ a reviewer's checks


def test_a_plan_period_base_lies_as_far_back_as_its_end() -> None:
    """比“六五”末 in 1987 is two years back (六五 ended in 1985), not five; 比“六五”时期
    compares two periods (a plan's length); 比上年 one year."""
    from reportdiff.core.analysis.bases import change_gap
    from reportdiff.core.text.load import load_text

    text = (
        "政府工作报告\n\n各位代表：\n\n一、一九八七年的工作回顾\n\n一九八七年，国民收入比“六五”末"
        "增长百分之二十，全国粮食产量比“六五”时期平均增长百分之五，工业总产值比上年增长百分之十。\n"
    )
    r = load_text(text, source="x.txt", year=1987)
    gaps = {p: change_gap(r.text, quantity(r, p)) for p in ("百分之二十", "百分之五", "百分之十")}
    assert gaps == {"百分之二十": 2, "百分之五": 5, "百分之十": 1}


def test_an_unnamed_price_index_is_borrowed_only_from_a_near_year() -> None:
    """A report naming no price index reads its 物价 as the one index the reports of nearby
    years name; the headline index changed over the decades, so a distant report lends
    nothing, and a report naming both indices lends and borrows nothing."""
    from reportdiff.core.analysis.pricenames import borrowed_indices

    assert borrowed_indices([None, "零售物价"], [1996, 1995]) == ["零售物价", "零售物价"]
    assert borrowed_indices([None, "居民消费价格"], [1996, 2007]) == ["", "居民消费价格"]
    assert borrowed_indices([None, ""], [1996, 1995]) == ["", ""]


def test_names_that_look_like_a_rule_but_are_not() -> None:
    """储蓄国债 is a bond, not households' savings; 管理办法 is no law (个 stays 个); 缩小项目
    says a size changes, not that the projects are small."""
    from reportdiff.core.analysis.facts import fact_name
    from reportdiff.core.analysis.namerules import count_class, size_of

    assert fact_name("储蓄国债") == "储蓄国债" and fact_name("城乡储蓄") == "储蓄存款"
    assert (count_class("个", "管理办法"), count_class("个", "行政法规")) == ("个", "件")
    assert size_of("缩小项目") == "" and size_of("大型项目") == "大型"


def test_a_named_period_or_a_saying_is_no_opening_span() -> None:
    """三年困难时期, 两年翻一番, 十年树木 open a clause on 年 but speak of no span of the
    years just past; 两年国营工业的劳动生产率已提高… does."""
    import re

    from reportdiff.core.analysis import scope

    opening = re.compile(scope._OPENING_SPAN)
    for clause in (",三年困难时期的教训", ",两年翻一番", ",十年树木"):
        assert not opening.search(clause), clause
    assert opening.search(",两年国营工业的劳动生产率")
