"""Rules of reading that pair figures an analyst pairs, on real report text.

Each rule is one a person would state for every report: 储蓄存款余额增加 is what was added to
savings, 参合 abbreviates 参加新型农村合作医疗, and so on. The national reports of the corpus
are read when it is present; snippets are written in the form of other levels' reports.
"""

from __future__ import annotations

from functools import cache

from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.comparison import NumberPair
from reportdiff.core.model import Report
from reportdiff.core.text.load import load_text


@cache
def report(text: str, year: int, region: str = "某省") -> Report:
    return load_text(text, source=f"{region}-{year}.txt", id=f"r-{year}", year=year, region=region)


# ------------------------------------------------------------------ 余额增加 is 新增


def test_national_1995_to_1996_savings_added_pairs_with_balance_increase() -> None:
    """1995 (on 1994): 居民储蓄存款新增６３００多亿元; 1996 (on 1995): 储蓄存款余额增加８０００
    多亿元. Both say what was added to households' savings in the year."""
    ps = pairs(national(1995), national(1996))
    assert partner(ps, 0, "６３００多亿元") == "８０００多亿元"


SAVINGS_A = """一、2024年工作回顾

全年居民储蓄存款新增5200亿元。
"""

SAVINGS_B = """一、2025年工作回顾

全年储蓄存款余额达到6.1万亿元，储蓄存款余额增加5600亿元。
"""


def test_an_addition_never_meets_the_balance_it_added_to() -> None:
    """新增5200亿元 meets 余额增加5600亿元 (one addition), never 余额达到6.1万亿元."""
    ps = pairs(report(SAVINGS_A, 2024), report(SAVINGS_B, 2025))
    assert partner(ps, 0, "5200亿元") == "5600亿元"
    assert partner(ps, 1, "6.1万亿元") is None


# ------------------------------------------------------------------ official abbreviations


def test_national_2008_to_2009_an_abbreviation_names_its_full_form() -> None:
    """2008 (on 2007): 参合农民达到7.3亿人; 2009 (on 2008): 参加新型农村合作医疗的人口８．１４亿
    (a bare 亿 of a population counts people). 参合 is 参加新型农村合作医疗."""
    ps = pairs(national(2008), national(2009))
    assert partner(ps, 0, "7.3亿人") == "８．１４亿"


SCHEMES_A = """一、2024年工作回顾

新农合参合人数达到520万人，参合率98.5%。新农保参保人数310万人。
"""

SCHEMES_B = """一、2025年工作回顾

参加新型农村合作医疗的人口536万人，参加新型农村社会养老保险的人数335万人。
"""


def test_abbreviations_of_two_schemes_stay_two_schemes() -> None:
    """新农合 is the rural medical scheme and 新农保 the rural pension scheme: each meets its
    own full form, never the other."""
    ps = pairs(report(SCHEMES_A, 2024), report(SCHEMES_B, 2025))
    assert partner(ps, 0, "520万人") == "536万人"
    assert partner(ps, 0, "310万人") == "335万人"


# ------------------------------------------------------------------ targets without 的


def partner_in(ps: tuple[NumberPair, ...], index: int, r: Report, context: str) -> str | None:
    """The partner of the figure of report ``index`` that ends ``context`` in ``r``."""
    at = r.text.index(context) + len(context)
    for p in ps:
        q = p.values[index]
        if q is not None and q.span.end == at:
            other = p.values[1 - index]
            return None if other is None else other.text
    raise AssertionError(f"no figure ends {context}")


def test_national_growth_targets_said_without_de_pair_year_on_year() -> None:
    """2003: 今年经济增长预期目标为７％左右; 2004: 中央提出今年经济增长预期目标为７％左右; 1995:
    今年经济增长速度的宏观调控目标，定为百分之八至九. 经济增长…预期目标 names the target of
    经济增长 as …的预期目标 does, and 中央提出 says who set it, not what it measures."""
    a, b = national(2003), national(2004)
    ps = pairs(a, b)
    assert partner_in(ps, 0, a, "今年经济增长预期目标为７％") == "７％"
    q = next(
        x for x in extract_quantities(b) if b.text[: x.span.end].endswith("增长预期目标为７％")
    )
    assert q.role == "target" and q.subject == ""  # not 中央's
    ps = pairs(national(1995), national(2005))
    assert partner(ps, 0, "百分之八至九") == "8％"


# ------------------------------------------------------------------ lists of fields in a noun


def test_a_list_of_fields_is_one_noun() -> None:
    """用于教育、卫生、科技、文化、体育事业的支出: the 、 joins the fields of one noun; the
    indicator is the whole noun, not its last field."""
    text = (
        "一、2025年工作回顾\n\n财政全年用于教育、卫生、科技、文化、体育事业的支出达855亿元，"
        "比上年增长12.4%。\n"
    )
    r = report(text, 2025)
    assert quantity(r, "855亿元").indicator == "财政全年用于教育、卫生、科技、文化、体育事业的支出"


def test_a_list_of_figures_is_not_one_noun() -> None:
    """新建学校12所、卫生院的床位300张: the items hold figures, so each keeps its own noun."""
    text = "一、2025年工作回顾\n\n全年新建学校12所、卫生院的床位300张。\n"
    r = report(text, 2025)
    assert quantity(r, "300张").indicator != quantity(r, "12所").indicator
    assert "学校" not in quantity(r, "300张").indicator


def test_these_fields_are_the_fields_listed_before() -> None:
    """加大对科技、教育、文化、卫生、体育事业的支持，财政用于这些方面的支出987亿元: 这些方面 are
    the fields just listed; with no list before, the words stay as printed."""
    text = (
        "一、2025年工作回顾\n\n各级政府加大对科技、教育、文化、卫生、体育事业的支持，"
        "财政用于这些方面的支出987亿元。\n\n财政用于这些方面的支出达120亿元。\n"
    )
    r = report(text, 2025)
    assert quantity(r, "987亿元").indicator == "财政用于科技、教育、文化、卫生、体育事业的支出"
    assert quantity(r, "120亿元").indicator == "财政用于这些方面的支出"


def test_national_central_spending_on_listed_fields_pairs_year_on_year() -> None:
    """2004: 中央财政全年用于教育、卫生、科技、文化、体育事业的支出达８５５亿元; 2005: 各级政府
    加大对科技、教育、文化、卫生、体育事业的支持，中央财政用于这些方面的支出987亿元; 2006:
    2005年中央财政用于科技、教育、卫生、文化等方面的支出1168亿元."""
    assert partner(pairs(national(2004), national(2005)), 0, "８５５亿元") == "987亿元"
    assert partner(pairs(national(2005), national(2006)), 0, "987亿元") == "1168亿元"


# ------------------------------------------------------------------ 增加 and its object


def test_a_clause_led_by_increase_is_a_change_of_its_noun() -> None:
    """同时增加中央预算内经常性建设投资100亿元: by how much the investment rises (a change),
    and 减少…300亿元 is a fall."""
    text = (
        "二、2026年工作安排\n\n今年拟发行长期建设国债800亿元，同时增加中央预算内经常性建设投资"
        "100亿元，减少国债项目资金300亿元。\n"
    )
    r = report(text, 2025)
    rise, fall = quantity(r, "100亿元"), quantity(r, "300亿元")
    assert rise.indicator == "中央预算内经常性建设投资"
    assert rise.is_change and rise.sign == 1
    assert fall.is_change and fall.sign == -1
    assert not quantity(r, "800亿元").is_change


def test_a_verb_without_its_object_takes_the_object_just_named() -> None:
    """要逐年适当增加中央预算内经常性建设投资，今年拟先增加50亿元: 拟先 names nothing; the
    amount increases the investment named with the same verb just before. A verb that differs
    (开工) borrows nothing."""
    text = (
        "二、2026年工作安排\n\n要逐年适当增加中央预算内经常性建设投资，今年拟先增加50亿元。"
        "要加快保障性住房建设，今年拟先开工5万套。\n"
    )
    r = report(text, 2025)
    assert quantity(r, "50亿元").indicator == "中央预算内经常性建设投资"
    assert quantity(r, "5万套").indicator != "保障性住房建设"


def test_national_2004_to_2005_increase_of_central_construction_investment() -> None:
    """2004: 要逐年适当增加中央预算内经常性建设投资，今年拟先增加５０亿元; 2005: 同时增加中央
    预算内经常性建设投资100亿元."""
    assert partner(pairs(national(2004), national(2005)), 0, "５０亿元") == "100亿元"


# ------------------------------------------------------------------ foreign investment used


def test_an_attribute_is_of_the_noun_opening_its_sentence() -> None:
    """外商直接投资保持良好势头，实际金额达到330多亿美元: 实际金额 is the investment's. A
    sentence opening with a clause of its own (no noun before its predicate) lends nothing."""
    text = (
        "一、2025年工作回顾\n\n外商直接投资保持良好势头，实际金额达到330多亿美元。"
        "我们大力改善投资环境，合同金额达到900亿美元。\n"
    )
    r = report(text, 2025)
    assert quantity(r, "330多亿美元").indicator == "外商直接投资实际金额"
    assert quantity(r, "900亿美元").indicator == "合同金额"


def test_national_foreign_direct_investment_actually_used_is_one_measure() -> None:
    """1995 (on 1994): 外商直接投资保持良好势头，实际金额达到３３０多亿美元; 1996 (on 1995):
    外商直接投资实际到位３７０多亿美元; 2005 (on 2004): 全年实际利用外商直接投资606亿美元.
    实际金额, 实际到位 and 实际利用 say one thing: the investment actually used."""
    assert partner(pairs(national(1995), national(1996)), 0, "３３０多亿美元") == "３７０多亿美元"
    assert partner(pairs(national(1995), national(2005)), 0, "３３０多亿美元") == "606亿美元"


CONTRACTS_A = """一、2024年工作回顾

全年外商直接投资合同金额120亿美元，实际到位外商直接投资45亿美元。
"""

CONTRACTS_B = """一、2025年工作回顾

全年外商直接投资合同金额150亿美元，实际利用外商直接投资52亿美元。
"""


def test_investment_contracted_is_not_investment_used() -> None:
    """合同金额 (contracted) and 实际利用 (used) are two measures: each meets its own."""
    ps = pairs(report(CONTRACTS_A, 2024), report(CONTRACTS_B, 2025))
    assert partner(ps, 0, "45亿美元") == "52亿美元"
    assert partner(ps, 0, "120亿美元") == "150亿美元"


# ------------------------------------------------------------------ funds and what they are for


def test_national_2004_to_2005_reemployment_funds() -> None:
    """2004: 今年中央财政预算安排再就业补助资金８３亿元，比去年增加３６亿元; 2005: 今年中央财政
    安排109亿元资金支持再就业，比上年增加26亿元. The fund is named after the amount."""
    ps = pairs(national(2004), national(2005))
    assert partner(ps, 0, "８３亿元") == "109亿元"
    assert partner(ps, 0, "３６亿元") == "26亿元"
    assert quantity(national(2005), "109亿元").indicator == "中央财政安排再就业资金"


FUNDS_A = """一、2024年工作回顾

全年省财政安排再就业资金12亿元。
"""

FUNDS_B = """一、2025年工作回顾

全年省财政安排15亿元资金支持扶贫。
"""


def test_a_fund_never_meets_a_fund_for_something_else() -> None:
    """安排15亿元资金支持扶贫 is a poverty fund: it never meets the re-employment fund of the
    other report, however alike the rest of the names (省财政安排…资金)."""
    b = report(FUNDS_B, 2025)
    assert quantity(b, "15亿元").indicator == "省财政安排扶贫资金"
    ps = pairs(report(FUNDS_A, 2024), b)
    assert partner(ps, 0, "12亿元") is None


def test_a_clause_before_holding_a_figure_lends_no_object() -> None:
    """1982: 一九八一年国内财政收入比一九七八年减少一百多亿元，减少近百分之十: the clause before
    holds a figure, so its words after 减少 are that figure, not a noun; 减少收入的农户只占百分之十
    is a share (no fall); 增加到去年的98亿元 is a level reached (no change)."""
    text = (
        "一、2025年工作回顾\n\n国内财政收入比上年减少一百多亿元，减少近百分之十。"
        "减少收入的农户只占百分之十左右。中央财政此项支出从2023年20.5亿元增加到去年的98亿元。\n"
    )
    r = report(text, 2025)
    fall, share = [q for q in extract_quantities(r) if q.text == "百分之十"]
    assert fall.indicator == "国内财政收入"  # the sentence's, not 一百多亿元
    assert share.sign == 1 and not share.is_change
    assert not quantity(r, "98亿元").is_change


def test_national_2007_to_2008_a_name_pointing_back_meets_none_of_its_own() -> None:
    """2007 (on 2006): 新农合…中央财政支出42.7亿元; 2008 (on 2007): 国家奖学金助学金制度，中央
    财政此项支出从2006年20.5亿元增加到去年的98亿元. 此项支出 is the student aid just named,
    not any central spending: the two never pair."""
    ps = pairs(national(2007), national(2008))
    assert partner(ps, 0, "42.7亿元") is None


def test_national_1995_to_1996_price_target_named_a_clause_before() -> None:
    """1995: 宏观调控的目标是，确保物价上涨幅度比去年有明显回落，力争控制在百分之十五左右 (the
    noun opens the clause before, before its 比); 1996: 物价上涨幅度控制在１０％左右."""
    r = national(1995)
    assert quantity(r, "百分之十五").indicator == "物价上涨幅度"
    assert partner(pairs(r, national(1996)), 0, "百分之十五") == "１０％"


def test_only_whole_adverbs_borrow_the_object_of_the_clause_before() -> None:
    """今年拟先 (增加50亿元) is words of time and manner: the figure takes the object the same
    verb had in the clause before. A leftover made of their characters but not of the words
    (划, 年备) names something, so it borrows nothing."""
    from reportdiff.core.analysis.indicators import object_of_verb_before

    def borrowed(leftover: str) -> str | None:
        key = f"要逐年适当增加中央预算内经常性建设投资，{leftover}增加50亿元"
        clause = key.index("，") + 1
        span = object_of_verb_before(key, clause, clause + len(leftover), "增加", 0, clause)
        return None if span is None else key[span.start : span.end]

    assert borrowed("今年拟先") == "中央预算内经常性建设投资"
    assert borrowed("划") is None
    assert borrowed("年备") is None
