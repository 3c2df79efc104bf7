"""What one report's figure is, and whether two figures of two reports may be one fact.

:class:`Fact` is a figure of one report with its repeats and the aligned rows it sits in;
the functions here say how alike two facts' names are and which differences (a fall
against a rise, 新增 against a level reached, 清理 against 制定, …) forbid a pair. Pairing
across reports is :mod:`reportdiff.core.analysis.pairing`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reportdiff.core.analysis.months import part_months
from reportdiff.core.analysis.movement import CHANGE_WORDS
from reportdiff.core.analysis.namekinds import nested_head
from reportdiff.core.analysis.namerules import (
    funds_for_other_ends,
    housing_name,
    one_order,
    per_head_name,
    plan_only,
    share_name,
    track_name,
)
from reportdiff.core.analysis.oldnames import older_name
from reportdiff.core.analysis.pricenames import price_rise_index
from reportdiff.core.analysis.scope import expand_abbreviations
from reportdiff.core.analysis.units import MEASURE_UNITS, RATE_UNITS, fold
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import ReportMeta

# Minimum indicator similarity (0–100) by how closely the figures' contexts are aligned:
# same aligned paragraph (3), same aligned innermost section (2), same aligned ancestor
# section (1), nothing aligned (0). Wording drifts inside a paragraph (公用充电桩 ↔
# 公共充电桩 scores 80); across the whole report only near-identical indicators may pair.
MIN_SIMILARITY = {3: 72.0, 2: 76.0, 1: 80.0, 0: 88.0}
Scorer = Callable[[str, str], float]
SPACE_RE = re.compile(r"\s")
YEAR_WORD_RE = re.compile(
    r"(?:19|20)\d\d年(?:底|末|初)?|(?:今|去|上|全|当)年(?:底|末)?"
    r"|[一二][九〇○零][〇○零一二三四五六七八九]{2}年(?:底|末|初)?"  # 一九九○年 as 一九九〇年
    r"|前[两二三四五六七八九十]年"  # 钢产量前三年: the span is the figure's period, not its name
)
NAME_NOISE_RE = re.compile(r"\((?:不?(?:包括|含)[^()]*|[^()]{0,12})\)|[“”\"'‘’《》「」\s]")


@dataclass
class Fact:
    """One fact of one report: a quantity and its repeats (a highlight and its paragraph)."""

    report: int
    members: list[Quantity]
    name: str
    group: tuple[str, str, bool]
    accumulation: str
    para_rows: set[int]
    deep_rows: set[int]
    section_rows: set[int]
    figure: str = ""
    """The printed figure without spaces (154.99亿元), to spot the same figure repeated."""
    per_capita: bool = False
    """Whether the indicator is per head (每万人口…, 人均…)."""
    purpose: str = ""
    """The words after the figure up to the end of its clause (…安排219亿元支持国有企业…)."""
    deeds: frozenset[str] = frozenset()
    acts: frozenset[str] = frozenset()  # its stage of work: 开工, 竣工, 筹措 (stages.acts_of)
    quoted: frozenset[str] = frozenset()  # the quoted names in the figure's sentence
    """What the figure's clause says was done to what it counts (制定, 清理 …)."""
    gap: int | None = None
    """For a change, how many years back its base lies (比上年: 1; 2000年…比1995年: 5)."""
    meta: ReportMeta | None = None  # its report's region, level and year reviewed
    whose: str = ""  # whose figure it is when not its region's: 全国 (…302项), 临港新片区
    price_base: tuple[int, int] | None = None  # an output value's possible price-base years
    product: str = ""  # for a growth rate, the product whose output grew (pairing.py)

    @property
    def rep(self) -> Quantity:
        return self.members[0]

    @property
    def reviewed(self) -> int | None:  # the year its report reviews, to place a figure's year
        return (self.meta.year or None) if self.meta is not None else None


_ADDED_RE = re.compile(r"新增|^(?:新?认定|新引进|新设立?)(?=..)|^新(?=(?:注册|登记)..)")
"""新增 and the acts that add (认定, 引进, 设立) are kept in .stock; 新注册企业 keeps 注册: what it
counts is registrations (新增注册企业 names the same), not 企业, too generic to pair."""


def fact_name(indicator: str) -> str:
    """The indicator as compared: no quotes, short parentheticals or spaces."""
    # 新增 is kept in Quantity.stock and a year in Quantity.year: 新增城镇就业 and
    # 城镇新增就业, 2000年国家财政收入 and 国家财政收入 name one indicator each
    name = _ADDED_RE.sub("", NAME_NOISE_RE.sub("", fold(indicator)))
    # 平均每年 and 年均 are kept in Quantity.period: alone they name nothing
    name = AVERAGE_RE.sub("", YEAR_WORD_RE.sub("", name))
    # 全国进出口总额 and 进出口总额, 外贸出口 and 出口, 出口为 and 出口: the whole country, the
    # trade and a linking verb say nothing of what is measured
    trimmed = _LINK_END_RE.sub("", _WHOLE_START_RE.sub("", name))
    # 储蓄存款 are households' by definition: 城乡居民储蓄存款, 居民储蓄存款, 城乡储蓄 and
    # 储蓄存款 are one
    trimmed = _HOUSEHOLD_SAVINGS_RE.sub("储蓄存款", trimmed)
    # 余额 and 年末 say when a stock is read, not what it is: 储蓄存款余额 and 储蓄存款年末
    # (达到…) are one stock (Quantity.stock and the figure's year keep the when)
    trimmed = STOCK_END_RE.sub("", trimmed)
    # 预期 says the figure is aimed at (kept in its role), not what it measures: 经济增长预期
    # (为7％左右) is 经济增长
    trimmed = _AIMED_END_RE.sub("", trimmed)
    chosen = trimmed if len(trimmed) >= 2 else name
    # 外商直接投资实际到位, 实际利用外商直接投资, 外商直接投资实际金额: one measure, the
    # investment actually used (not the contracted amount)
    used = _ACTUALLY_USED_RE.search(chosen)
    if used is not None and _ACTUAL_WORDS_RE.fullmatch(_ACTUALLY_USED_RE.sub("", chosen)):
        chosen = "实际使用" + used.group()
    # an official abbreviation names what its full form names: 参合农民 are 参加新型农村合作
    # 医疗的农民
    if plan_only(chosen):
        return ""  # 超过原定的年度计划4.1%: whose plan, its name does not say
    named = per_head_name(expand_abbreviations(older_name(chosen)))  # 工业生产总值, 生活资料
    return one_order(share_name(housing_name(track_name(named))))


_AIMED_END_RE = re.compile(r"(?<=..)的?预期$")
_ACTUALLY_USED_RE = re.compile(r"外商直接投资|外商投资|外资")
_ACTUAL_WORDS_RE = re.compile(r"实际(?:利用|使用|到位|金额|投资)?|(?:利用|使用)?实际(?:到位|金额)")
_HOUSEHOLD_SAVINGS_RE = re.compile(r"(?:城乡居民|城乡|居民)?储蓄(?:存款)?(?![率所额]|国债|债券)")
"""Households' savings however named (城乡储蓄, 储蓄存款); not 储蓄国债 (a bond) or 储蓄率."""
STOCK_END_RE = re.compile(r"(?<=..)(?:年末|年底)?余额$|(?<=..)(?:年末|年底)$|^(?:年末|年底)(?=..)")
"""余额, 年末 and 年底 at either end: 年底国家外汇储备 and 国家外汇储备 are one stock."""
STOCK_WORDS_RE = re.compile(r"余额|年末|年底")
_WHOLE_START_RE = re.compile(r"^(?:我国|全国|全年|外贸)+")
_LINK_END_RE = re.compile(r"(?<=..)(?:为|是)$|(?<=口)(?:贸易|货物)?总额$")


AVERAGE_RE = re.compile("平均每年|每年平均|年平均|年均")


def measure_kind(q: Quantity) -> str:
    """``change`` for a growth figure (同比增长8%, 上升1.7个百分点), else ``level``.

    The end of 由A增至B (B) and 增至/提高到 figures are levels reached, not changes.
    """
    if q.unit in RATE_UNITS and _AIMED_END_RE.sub("", q.indicator).endswith(RATE_OF_CHANGE):
        return "change"  # 固定资产投资增长幅度回落到27.8%: a growth rate, wherever it went
    if q.end == "to":
        return "level"
    if q.is_change:
        return "change"
    if q.unit in RATE_UNITS and any(
        w in qual for qual in q.qualifiers if not qual.endswith(("至", "到")) for w in CHANGE_WORDS
    ):
        return "change"
    return "level"


RATE_OF_CHANGE = (
    "增速", "增幅", "增长幅度", "增长速度", "自然增长率", "增长率", "涨幅", "上涨幅度", "上涨",
    "经济增长",
)  # fmt: skip
"""Names of a rate of change: 经济增长 in a rate (经济增长预期为7％左右) is the growth rate,
as 经济增长速度 is; 自然增长率 (births over deaths) is one word, the rate of what it follows."""


_OUTPUT_WORDS_RE = re.compile(r"(?:总产量|年产量|产量|总产|产)$")
_WHOLE_WORDS_RE = re.compile(r"^(?:我国|全国|全年|全省|全市|全区)")
_NOT_PRODUCTS = frozenset({"能力", "容量", "总量", "规模", "产能", "运量", "吞吐量", "开采", "生产",
                           "增加", "减少", "合计", "共", "其", "各", "达"})  # fmt: skip
_PRODUCT_UNITS = frozenset({"公斤", "千瓦", "千瓦时", "立方米", "台", "辆"})


def product_of(q: Quantity, name: str) -> str:
    """What a physical output figure measures: 钢产量 and 钢, 原煤产量 and 我国原煤 → 原煤.

    Only for amounts in a physical unit (吨, 千瓦, 度, 立方米, 台 of machines, 辆 of
    vehicles), where a short name is the product itself (钢六千六百零四万吨, 机床增加了二万
    二千台); '' otherwise.
    """
    from reportdiff.core.analysis.units import compare_key

    if (compare_key(q.unit) or q.unit) not in _PRODUCT_UNITS:
        return ""
    return product_word(name)


def product_word(name: str) -> str:
    """The product a name says is output (钢产量, 我国原煤 → 原煤), whatever the unit; ''
    when it names no product (能力, 合计, a name with other than Han characters)."""
    core = _WHOLE_WORDS_RE.sub("", _OUTPUT_WORDS_RE.sub("", name))
    if not core or core in _NOT_PRODUCTS or not all("\u4e00" <= c <= "\u9fff" for c in core):
        return ""
    return _SAME_PRODUCT.get(core, core)


_SAME_PRODUCT = {"煤炭": "原煤", "煤": "原煤", "石油": "原油"}
"""Output statistics count coal as raw coal and oil as crude oil: 煤炭产量 and 原煤产量,
石油达到１．３９亿吨 and 原油产量…达到１．４２亿吨 are one product's output."""


def base_name(name: str, kind: str) -> str:
    """A growth rate's name without the words saying it is one (its kind says so already):
    固定资产投资增长幅度 → 固定资产投资, to meet 全社会固定资产投资 (增长25.8%)."""
    if kind != "change":
        return name
    if name == "经济":
        return "经济增长"  # 经济增长8%: 增长 went to the qualifiers, but 经济 alone says nothing
    index = price_rise_index(name)
    if index:
        return index  # 零售物价涨幅, 商品零售物价上涨幅度, 零售物价上涨: one index's rise
    for word in RATE_OF_CHANGE:
        if word == "自然增长率" and name.endswith(word) and len(name) - len(word) < 3:
            return name  # 人口自然增长率: 人口自然 is no name, as 人口 is too short
        if name.endswith(word) and len(name) - len(word) >= 3:
            return name[: -len(word)].removesuffix("的")  # 工农业总产值的增长速度
    if name.endswith(("速度", "幅度")) and len(name) >= 5:
        return name[:-2]  # 经济增长速度 → 经济增长, to meet 经济增长 (增长8%)
    return name


def accumulation_of(q: Quantity) -> str:
    if "累计" in q.qualifiers:
        return "累计"
    if "新增" in q.qualifiers or "新建" in q.qualifiers:
        return "新增"
    return ""


def balance_increment(q: Quantity, name: str) -> str:
    """The name of what was added when a balance rose by an amount, else ''.

    储蓄存款余额增加8000多亿元 is the year's addition to savings, as 居民储蓄存款新增6300多亿元
    is: both say how much was added, so the first is read as 新增 储蓄存款 (not a change of
    a level, and not the balance itself). Only for an amount that rose, named with 余额 or
    a balance by definition (城乡储蓄增加1334亿元: households' deposits held).
    """
    if q.unit in RATE_UNITS or q.sign < 0 or measure_kind(q) != "change":
        return ""
    if "余额" not in name and not STOCK_WORDS_RE.search(q.indicator) and name != "储蓄存款":
        return ""  # 城乡居民储蓄存款年末达到…，比上年末增加8800多亿元: the year-end stock's rise
    rest = name.replace("余额", "")
    return rest if len(rest) >= 2 else ""


def context_level(a: Fact, b: Fact) -> int:
    if a.para_rows & b.para_rows:
        return 3
    if a.deep_rows & b.deep_rows:
        return 2
    if a.section_rows & b.section_rows:
        return 1
    return 0


# Verbs that link a figure to its noun without saying what is counted: 投入国债资金 and
# 国债投资 name one fund; 实际利用外资 and 利用外资 one flow.
LINK_VERBS_RE = re.compile("达到|完成|实现|安排|投入|拿出|用于|下达|发放|筹集|提供|实际|共计")


def core_name(name: str) -> str:
    """The name without its linking verbs (投入国债资金 → 国债资金)."""
    return LINK_VERBS_RE.sub("", name)


def name_similarity(a: str, b: str, ratio: Scorer, *, context: int) -> float:
    score = float(ratio(a, b))
    if context >= 3 and not a.endswith(GIVING_VERBS) and not b.endswith(GIVING_VERBS):
        # in one aligned paragraph the wording drifts around the verbs: compare what is left
        # (not when a name stops at its verb: 中央财政拿出 says nothing of what was given)
        ca, cb = core_name(a), core_name(b)
        if min(len(ca), len(cb)) >= 3 and (ca, cb) != (a, b):
            score = max(score, float(ratio(ca, cb)))
    short, long_ = sorted((len(a), len(b)))
    shorter = a if len(a) <= len(b) else b
    longer = b if shorter == a else a
    if (
        context > 0
        and short >= 4
        and short * 2 >= long_
        and (a in b or b in a)
        and not shorter.endswith(GIVING_VERBS)
        and not (long_ == short + 1 and longer.endswith(shorter))
        and not nested_head(shorter, longer)  # 社区卫生服务中心社区护理中心: another 中心
    ):
        # 多层住宅加装电梯 ⊂ 既有多层住宅加装电梯竣工: the same thing, more words. Not for a
        # short core of a longer name (交易额 ⊂ 上海技术交易所技术交易额), nor across
        # unaligned context, nor a name that stops at its verb (中央财政安排 ⊂
        # 中央财政安排扶贫资金: what was arranged is not said), nor one character more in
        # front, which makes another word (轻工业总产值 is not 工业总产值, 进出口 not 出口).
        score = max(score, 90.0)
    return score


AMOUNT_UNITS = MEASURE_UNITS - RATE_UNITS - {"版"}
REFERENCE_BACK = ("这", "此", "该", "上述", "其")
Crowding = tuple[
    dict[tuple[tuple[str, str, bool], int], int], dict[tuple[tuple[str, str, bool], int], int]
]


def crowding_of(facts: list[Fact]) -> Crowding:
    """How many facts of each group each aligned paragraph and innermost section holds."""
    para: dict[tuple[tuple[str, str, bool], int], int] = {}
    deep: dict[tuple[tuple[str, str, bool], int], int] = {}
    for f in facts:
        for row in f.para_rows:
            para[(f.group, row)] = para.get((f.group, row), 0) + 1
        for row in f.deep_rows:
            deep[(f.group, row)] = deep.get((f.group, row), 0) + 1
    return para, deep


def is_alone(fact: Fact, crowd: Crowding, other: Fact, context: int) -> bool:
    """Whether ``fact`` is the only one of its group where it meets ``other`` (the shared
    aligned paragraph for context 3, the shared innermost section for 2), and its name
    does not point back (这方面的支出 is whatever the text said before)."""
    if context < 2 or any(w in fact.name for w in REFERENCE_BACK):
        return False
    counts, rows = (
        (crowd[0], fact.para_rows & other.para_rows)
        if context == 3
        else (crowd[1], fact.deep_rows & other.deep_rows)
    )
    return bool(rows) and all(counts.get((fact.group, row), 0) == 1 for row in rows)


def reaches_level(q: Quantity) -> bool:
    """Whether the figure is a level reached (达到, 增加到): not a flow nor a plain amount."""
    return q.end == "to" or any(w in LEVEL_WORDS for w in q.qualifiers)


def share_words(a: str, b: str) -> bool:
    """Whether two names have a two-character word in common (救助灾民, 救助受灾群众)."""
    grams = {a[i : i + 2] for i in range(len(a) - 1)}
    return any(b[i : i + 2] in grams for i in range(len(b) - 1))


GIVING_VERBS = ("安排", "投入", "拿出", "用于", "下达", "发放", "筹集", "支出", "完成", "实现")
SPECIAL_PERIODS = frozenset({"years", "average", "cumulative", "part"})


def scopes_agree(a: Quantity, b: Quantity) -> bool:
    """Whether two figures have the same scope, so that their indicators may pair.

    Periods must agree; a special period (五年来, 年均, 累计, 1-11月) never pairs with a
    period the text does not state. Roles must agree (a target is not a result; an unknown
    role may be a result; a target and a planned amount both look ahead and may pair). Stock is not set against flow, 城镇 against 农村 or a total
    (subjects must be equal), nor the start of 由A增至B against its end.
    """
    if a.end != b.end and "from" in (a.end, b.end) and (a.year is None or a.year != b.year):
        return False  # the start of 由A增至B is an earlier figure (unless both say its year)
    if a.end == b.end == "from" and (a.year is None or a.year != b.year):
        return False  # two starts, their years unsaid: which year each is, is a guess
    if a.period != b.period:
        if a.period and b.period:
            return False
        if (a.period or b.period) in SPECIAL_PERIODS:
            return False  # when unsure of one side's period, say nothing
    if a.period == b.period == "part" and part_months(a.period_label) != part_months(
        b.period_label
    ):
        return False  # 上半年 is not 第一季度 (nor 1-11月)
    if a.role != b.role and {a.role, b.role} not in ({"", "result"}, {"target", "plan"}):
        return False
    if a.stock and b.stock and a.stock != b.stock:
        return False
    if a.years and b.years and a.years != b.years:
        return False  # 1979–83 年均 is not 1981–85 年均; 26 years' average is not 28 years'
    # 城市+城镇 and 城镇+城市 are one subject said in another order; 城乡 (town and country
    # together) is everyone, as a figure naming no subject is: 城乡居民储蓄存款 and 居民储蓄存款
    return _subjects(a) == _subjects(b)


def _subjects(q: Quantity) -> set[str]:
    return set(q.subject.split("+")) - {"城乡", ""}


def formula_count(q: Quantity) -> bool:
    """A small count in Chinese numerals (两个特别行政区, 五项原则, 八项主张): a name or a
    formula more often than a measured quantity, so it never pairs."""
    return q.value <= 10 and not any(c.isdigit() for c in q.text) and q.unit not in RATE_UNITS


def years_apart(a: Fact, b: Fact) -> bool:
    """Whether two figures stand at different distances from their reports' years.

    Within a series, last year's figure pairs with this year's: a report reviewing 1978
    that quotes 1977's growth (工业总产值一九七七年比一九七六年增长百分之十四点三) does not
    meet 1979's growth in the report reviewing 1979, and a plan's target for its coming
    year does not meet the other report's target for 1992. Across regions the reports
    review the same year and the rule asks for the same year. Said only when both
    figures' years and both reports' years are known.
    """
    ya, yb = a.rep.year, b.rep.year
    if ya is None or yb is None or a.reviewed is None or b.reviewed is None:
        return False
    if ya - a.reviewed == yb - b.reviewed:
        return False
    # Goals with one deadline meet whatever the reports' years (确保完成２００５年前裁减军队
    # 员额２０万 set in 2004 and again in 2005's tasks): the same year is the same goal.
    # Not a target quoted for the year a report reviews (去年…曾提出，要把…控制在10%以内):
    # that is last year's aim again, and this year's aim is the one to meet.
    ahead = ya > a.reviewed and yb > b.reviewed
    if ya == yb and ya < a.reviewed and ya < b.reviewed and "to" not in (a.rep.end, b.rep.end):
        return False  # 积累率在一九七八年高达… in two reviews of later years: one year's figure
    return not (ya == yb and ahead and {a.rep.role, b.rep.role} <= {"target", "plan"})


LEVEL_WORDS = frozenset({"达到", "突破", "增至", "增加到", "增加至", "提高到", "提高至"})


def increment_vs_level(a: Fact, b: Fact) -> bool:
    """Whether ``a`` is a 新增 amount and ``b`` a level reached (达到…, 余额, 由A增至B's B).

    What was added in a year is not what there is: 居民储蓄存款新增6300多亿元 is not 余额
    接近3万亿元.
    """
    if a.accumulation != "新增" or b.accumulation:
        return False
    q = b.rep
    return (
        q.end == "to"
        or "余额" in b.name
        or STOCK_WORDS_RE.search(q.indicator) is not None
        or any(w in LEVEL_WORDS for w in q.qualifiers)
    )


def opposite_amounts(a: Quantity, b: Quantity) -> bool:
    """Whether two amounts of change go opposite ways (减产 vs 增产, 减少 vs 增加).

    A growth rate may turn negative (增长8% then 下降2%: one rate, two values), but an
    amount rising and an amount falling are two different facts, each named by its verb.
    """
    return (
        a.sign != b.sign
        and a.unit not in RATE_UNITS
        and measure_kind(a) == "change"
        and measure_kind(b) == "change"
    )


def commonplace(q: Quantity) -> bool:
    """Figures too common to identify a fact by themselves (100%, 2家)."""
    return q.value < 10 or (q.unit == "%" and q.value == 100)


# Acts done to laws, rules and bodies: each is its own fact about the same noun.
DEEDS = ("制定", "修订", "修改", "废止", "废除", "清理", "审议", "颁布", "取消", "下放",
          "撤销", "合并", "提请", "批准")  # fmt: skip
CLAUSE_ENDS = frozenset(",，、;；。:：!！?？\n")


def purpose_of(text: str, q: Quantity) -> str:
    """Up to 12 characters after ``q`` in its clause, digits and spaces left out."""
    hi = q.span.end
    while hi < len(text) and text[hi] not in CLAUSE_ENDS and hi - q.span.end < 12:
        hi += 1
    return "".join(c for c in fold(text[q.span.end : hi]) if not (c.isdigit() or c.isspace()))


def given_for_other_ends(a: Fact, b: Fact, ratio: Scorer) -> bool:
    """Whether a name that stops at its giving verb (中央财政安排) meets a figure given for
    something else: then what follows each figure must agree, as the name says nothing of
    what was given."""
    if funds_for_other_ends(a.name, b.name):
        return True
    if not (a.name.endswith(GIVING_VERBS) or b.name.endswith(GIVING_VERBS)):
        return False
    return ratio(a.name + a.purpose, b.name + b.purpose) < MIN_SIMILARITY[3]


def deeds_of(text: str, q: Quantity) -> frozenset[str]:
    """The :data:`DEEDS` said in the clause that holds ``q`` (before and after it)."""
    lo = q.span.start
    while lo > 0 and text[lo - 1] not in CLAUSE_ENDS and q.span.start - lo < 40:
        lo -= 1
    hi = q.span.end
    while hi < len(text) and text[hi] not in CLAUSE_ENDS and hi - q.span.end < 40:
        hi += 1
    clause = text[lo:hi]
    return frozenset(d for d in DEEDS if d in clause)


def is_per_capita(name: str) -> bool:
    return "每" in name or "人均" in name


def text_key(text: str) -> str:
    return SPACE_RE.sub("", fold(text))
