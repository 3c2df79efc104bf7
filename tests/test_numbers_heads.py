"""How a figure is named when its own clause says only how it is set (计划为, 拟定为) or
names only a generic head (总产值, 总产量) whose owner the sentence named first.

The rules are read off 1950s–1990s State Council reports of the corpus (none of the
held-out gold's reports): each is one a person would state for every report.
"""

from __future__ import annotations

from functools import cache

from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Report


@cache
def page(year: int) -> Report:
    """A corpus page read as ``reportdiff`` reads a file (the saved page cleaned)."""
    from conftest import CORPUS, require
    from reportdiff.core.storage.resolve import resolve_report

    return resolve_report(str(require(CORPUS, "State Council corpus") / f"{year}.txt"))


def after(r: Report, words: str, printed: str) -> Quantity:
    """The figure of ``r`` printed as ``printed`` right after ``words`` (the page may repeat
    the report: the first copy)."""
    found = [
        q
        for q in extract_quantities(r)
        if q.text == printed and r.text[: q.span.start].endswith(words)
    ]
    assert found, (words, printed)
    return found[0]


# ------------------------------------------------------------ how a figure is set names nothing


def test_planned_as_is_no_part_of_the_name() -> None:
    """1982: 固定资产投资总额计划为三千六百亿元 — 计划为 says how the figure is set."""
    q = after(page(1982), "固定资产投资总额计划为", "三千六百亿元")
    assert q.indicator == "固定资产投资总额"
    assert "计划" in q.qualifiers
    assert q.role == "plan"


def test_planned_to_reach_is_no_part_of_the_name() -> None:
    """1982: 全国粮食产量计划达到三亿六千万吨, 全国基本建设投资总额计划安排二千三百亿元; 1993:
    今年国民生产总值计划增长百分之八 — 计划 says the figure is planned, not whose plan."""
    grain = after(page(1982), "全国粮食产量计划达到", "三亿六千万吨")
    assert (grain.indicator, "计划" in grain.qualifiers) == ("全国粮食产量", True)
    assert after(page(1982), "投资总额计划安排", "二千三百亿元").indicator == "全国基本建设投资总额"
    assert after(page(1993), "国民生产总值计划增长", "百分之八").indicator == "国民生产总值"


def test_a_plan_that_is_the_base_of_a_change_stays_in_the_name() -> None:
    """1956: 产品销售收入比年度计划增加了２％ — the plan is what the change is counted against."""
    q = after(page(1956), "比年度计划增加了", "２％")
    assert q.indicator.endswith("年度计划")


def test_arranged_as_after_an_adverb_is_no_part_of_the_name() -> None:
    """1981: 国民收入也安排为比今年增长４％左右 — neither 也 nor 安排为 is the indicator's."""
    q = after(page(1981), "国民收入也安排为比今年增长", "４％")
    assert q.indicator == "国民收入"


def test_a_clause_that_only_sets_the_figure_takes_the_noun_before() -> None:
    """1982: 工农业总产值的增长速度，一九八一年计划为百分之三点七 — the clause before the
    comma is the noun whole (its 的 joins it), the clause after says only the plan and date."""
    q = after(page(1982), "一九八一年计划为", "百分之三点七")
    assert q.indicator == "工农业总产值的增长速度"
    # the plan a review quotes is an aim; what was reached (实际达到) is the result
    assert q.role == "target"
    done = after(page(1982), "实际达到", "百分之四点六")
    assert (done.indicator, done.role) == ("工农业总产值的增长速度", "result")


# ------------------------------------------------------- a generic head owned by the topic


def test_a_bare_head_takes_the_topic_the_sentence_opens_on() -> None:
    """1992: 工业生产增长较快，总产值比上年增长百分之十四点二 — the output value of industry
    (生产 is the deed, not the owner)."""
    q = after(page(1992), "总产值比上年增长", "百分之十四点二")
    assert q.indicator == "工业总产值"


def test_the_topic_after_a_date_and_an_adverb_after_the_head() -> None:
    """1957: １９５６年，我国的农业在严重的自然灾害中，如前所说，总产值仍然增加了二十七亿四千
    万元 — 农业's output value; 仍然 is no part of the name."""
    q = after(page(1957), "总产值仍然增加了", "二十七亿四千万元")
    assert q.indicator == "农业总产值"


def test_a_bare_noun_opening_owns_a_dated_head() -> None:
    """1960: 海洋和淡水的渔业生产，一九五九年的产量达到五百零二万吨; 人民公社兴办的农村工业，
    一九五九年的产值达到一百亿元 — the sentence opens on what the output is of."""
    fish = after(page(1960), "一九五九年的产量达到", "五百零二万吨")
    assert fish.indicator == "渔业产量"
    works = after(page(1960), "一九五九年的产值达到", "一百亿元")
    assert works.indicator == "农村工业产值"


def test_an_opening_that_names_an_amount_of_its_own_owns_no_head() -> None:
    """1986: 一九八三年国内财政收入增加一百二十七亿元，…全年总收入达到一千八百二十九亿元 — the
    opening is itself an income with a figure: the head is not given a guessed owner."""
    q = after(page(1986), "全年总收入达到", "一千八百二十九亿元")
    assert q.indicator == "总收入"


# ------------------------------------------------------------- one measure in two word orders


def test_total_investment_amount_in_either_order_is_one_name() -> None:
    """1956: 五年计划原定总投资额 — 总投资额 is 投资总额 (1955: 五年投资总额), one measure."""
    from reportdiff.core.analysis.facts import fact_name

    q = after(page(1956), "将要达到五年计划原定总投资额的", "８７．６％")
    assert q.indicator.endswith("总投资额")
    assert fact_name(q.indicator).endswith("投资总额")
    assert fact_name(after(page(1955), "基本建设要完成五年投资总额的", "百分之六十八").indicator)


def test_a_thing_named_before_its_deed_is_the_deed_with_its_object() -> None:
    """Yangpu's 2023 plan report: 既有多层住宅电梯加装竣工300台; Shanghai's 2023 report:
    推动既有多层住宅加装电梯3001台 — the lifts added to old housing in 2023, in both."""
    from engine_support import pairs
    from reportdiff.core.storage.samples import load_sample

    ps = pairs(load_sample("yangpu-2023-plan"), load_sample("shanghai-2023"))
    done = [p for p in ps if p.values[0] is not None and p.values[0].indicator.endswith("竣工")]
    assert [(p.values[0].text, p.values[1] and p.values[1].text) for p in done] == [
        ("300 台", "3001台")
    ]


def test_the_date_a_figure_is_of_is_no_part_of_its_name() -> None:
    """1986: 积累率在一九七八年高达百分之三十六点五 — 在一九七八年 says when, not what."""
    assert after(page(1986), "积累率在一九七八年高达", "百分之三十六点五").indicator == "积累率"


def test_a_span_of_time_before_a_change_names_nothing() -> None:
    """1985: 积累在国民收入中所占的比重，在调整初期由１９７８年的３６．５％降低到… — 在调整初期
    says when; the clause before names the share."""
    q = after(page(1985), "在调整初期由１９７８年的", "３６．５％")
    assert q.indicator == "积累在国民收入中所占的比重"


def test_one_past_year_quoted_by_two_reviews_is_one_figure() -> None:
    """1985: 积累在国民收入中所占的比重，在调整初期由１９７８年的３６．５％降低到…; 1986: 积累率
    在一九七八年高达百分之三十六点五 — the accumulation rate (by definition accumulation's
    share of national income) of 1978 in both, though the reports review 1984 and 1985 and
    one gives it as the start of a fall."""
    from engine_support import national, pairs
    from reportdiff.core.analysis.facts import fact_name

    assert fact_name("积累率") == fact_name("积累在国民收入中所占的比重")
    ps = pairs(national(1985), national(1986))
    found = [p for p in ps if p.values[0] is not None and p.values[0].text == "３６．５％"]
    assert [p.values[1] and p.values[1].text for p in found] == ["百分之三十六点五"]
