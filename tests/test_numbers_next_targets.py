"""Rules for pairing a plan's targets with the next report's targets (issue 10, TARGETS):
each report's plan for its own coming year, read by rules a person would state for every
report.

The tests read dev reports only (1958, 1959, 1990, 1991, 1998, 1999), no held-out pair.
"""

from __future__ import annotations

from functools import cache

from engine_support import national, pairs, partner, partner_at
from reportdiff.core.analysis.baseestimate import estimate_said
from reportdiff.core.analysis.facts import fact_name
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.setverbs import after_setting_verb
from reportdiff.core.comparison import NumberPair, Quantity
from reportdiff.core.model import Report


@cache
def pairs_of(a: int, b: int) -> tuple[NumberPair, ...]:
    return pairs(national(a), national(b))


def at(r: Report, printed: str, context: str) -> Quantity:
    """The figure printed as ``printed`` inside the one occurrence of ``context``."""
    start = r.text.find(context)
    assert start >= 0 and r.text.find(context, start + 1) < 0, context
    found = [
        q
        for q in extract_quantities(r)
        if q.text == printed and start <= q.span.start and q.span.end <= start + len(context)
    ]
    assert len(found) == 1, (printed, context)
    return found[0]


def test_a_verb_setting_the_figure_is_no_part_of_its_name() -> None:
    # 1959: 提出了钢产量一千八百万吨 (the plenum's figure for 1959) counts 钢产量; 1991: 计划安排
    # 粮食总产量四千二百五十亿公斤 counts 粮食总产量: proposing and arranging say how the figure
    # was set, as 拟定为 after the name does (钢产量拟定为六百二十四万八千吨)
    assert at(national(1959), "一千八百万吨", "提出了钢产量一千八百万吨").indicator == "钢产量"
    assert at(
        national(1991), "四千二百五十亿公斤", "计划安排粮食总产量四千二百五十亿公斤"
    ).indicator == ("粮食总产量")
    # only where a noun of its own is left: 安排资金 keeps its verb (资金 alone says too little)
    assert after_setting_verb("安排资金", []) == 0
    quals: list[str] = []
    assert after_setting_verb("计划安排粮食总产量", quals) == 4 and quals == ["计划"]
    # each plan's grain target pairs with the next plan's, in 万吨 against 亿公斤
    assert partner(pairs_of(1990, 1991), 0, "４１２５０万吨") == "四千二百五十亿公斤"
    assert partner(pairs_of(1958, 1959), 0, "六百二十四万八千吨") == "一千八百万吨"


def test_means_of_living_and_means_of_consumption_are_one_category() -> None:
    # 1958's plan: 消费资料的生产…比上一年增长百分之九点七; 1959's: 生活资料的生产增长百分之三十四.
    # Reports of the time name the same half of output both ways (1958 itself says 增加生活资料的
    # 生产 and 消费资料的生产): one indicator, as 生产资料 is the other half
    assert fact_name("生活资料的生产") == fact_name("消费资料的生产")
    assert fact_name("生产资料的生产") != fact_name("消费资料的生产")
    q = at(national(1958), "百分之九点七", "比上一年增长百分之九点七")
    assert partner_at(pairs_of(1958, 1959), 0, q) == "百分之三十四"


def test_a_bare_wan_after_only_an_adverb_and_a_verb_counts_the_noun_after() -> None:
    # 1998: 今年…再扫除350万青壮年文盲 counts 青壮年文盲 (再扫除 is only a verb, as 覆盖 in
    # 覆盖1.77亿农民); a bare 万 of illiterates counts people, so it meets 1999's target
    # 扫除青壮年文盲300万人左右
    q = at(national(1998), "350万", "再扫除350万青壮年文盲")
    assert q.indicator == "青壮年文盲"
    assert partner_at(pairs_of(1998, 1999), 0, q) == "300万人"
    # a name of its own before the figure still names it: 裁减军队员额 (1998: 三年内裁减军队员额
    # 五十万的任务) keeps 军队员额, not the 任务 after
    assert "军队员额" in at(national(1998), "五十万", "裁减军队员额五十万").indicator


def test_a_plan_over_an_estimated_base_is_a_target_and_a_rate_names_its_owner() -> None:
    # 1980's plan for 1981: 工农业总产值，比１９８０年预计增长５．５％ grows over 1980's estimated
    # output (1980 had not ended); 预计 belongs to the base, so the figure is the plan's target
    q = at(national(1980), "５．５％", "工农业总产值，比１９８０年预计增长５．５％")
    assert (q.role, q.year) == ("target", 1981)
    # a figure said to be estimated in a plan stays a forecast
    assert estimate_said("预计全年财政收入") and not estimate_said("比1980年预计增长")
    # 1981's plan for 1982: 要求工农业总产值的增长速度由今年预计的３％提高到４％: the rate of
    # 工农业总产值, not a bare 增长速度 (which would meet any growth figure)
    b = at(national(1981), "４％", "由今年预计的３％提高到４％")
    assert b.indicator == "工农业总产值的增长速度"
    assert partner_at(pairs_of(1980, 1981), 0, q) == "４％"


def test_this_period_is_the_span_just_named() -> None:
    # 1982: 第六个五年计划期间…。在这个期间，我国工农业总产值计划增长百分之二十一点七: five
    # years' growth, never the coming year's (1981's plan for 1982 says ４％)
    q = at(
        national(1982), "百分之二十一点七", "在这个期间，我国工农业总产值计划增长百分之二十一点七"
    )
    assert q.period == "years"
    rate = at(national(1981), "４％", "由今年预计的３％提高到４％")
    assert partner_at(pairs_of(1981, 1982), 0, rate) != q.text


def test_long_term_bonds_are_the_long_term_construction_bonds() -> None:
    # 2000's plan: 一是发行1000亿元长期国债; 2001's: 继续发行1500亿元长期建设国债. 长期国债 is the
    # short name of the construction bonds issued each year from 1998 (2002, 2003 and 2005
    # say 长期建设国债 in full): one plan figure
    assert partner(pairs_of(2000, 2001), 0, "1000亿元") == "1500亿元"


def test_an_estimated_base_names_nothing() -> None:
    # 1958's plan: 一九五八年的工业总产值，拟定为六百四十三亿七千万元…，比一九五七年预计数增加
    # 八十一亿九千万元，增长百分之十四点六: 比一九五七年预计数 is the base (1957's estimated
    # output), as 比上年 is; the growth is 工业总产值's, and meets 1957's plan
    # (工业总产值比１９５６年将增长百分之四点五)
    r = national(1958)
    assert at(
        r, "百分之十四点六", "比一九五七年预计数增加八十一亿九千万元，增长百分之十四点六"
    ).indicator == ("工业总产值")
    q = at(r, "百分之十七点八", "比一九五七年的预计数增加了二十二亿元，增长百分之十七点八")
    assert q.indicator == "基本建设总投资额"
    assert partner(pairs_of(1957, 1958), 1, "百分之十四点六") == "百分之四点五"
