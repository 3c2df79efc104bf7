"""Targets against results: each quantified target of a plan beside what the next report says.

Report A's plan part sets the coming year's targets (国内生产总值增长8%左右, 城镇登记失业率
控制在4.6%); report B, a year later, reviews that year (国内生产总值增长9.9%, 城镇登记失业率
4.2%). :func:`targets_against_results` reads A's targets and B's one-year results with the
number finder (:mod:`reportdiff.core.analysis.numbers`), matches them by indicator and
gives each target a status:

``met`` / ``missed``
    decided by the target's bound and the indicator's direction (below);
``unclear``
    a result was found but cannot be judged: a range, another unit, an approximate result
    on the edge, an indicator with no direction outside a 左右 band, or only words
    (增长率达到预期目标, 比上年下降) where a figure should be;
``not reported``
    B gives no one-year result for that indicator.

How a target is read (the same rule for every report):

- 以上, 不低于, 不少于, 超过, 达到…以上 make a floor (met at or above); 以内, 以下, 不超过,
  不高于, 控制在 a ceiling (met at or below).
- 左右 (and 约) is a band of :data:`PERCENT_TOLERANCE` percentage points for a rate in %
  and :data:`RELATIVE_TOLERANCE` of the value for a level (万人, 亿元, 吨). Why: a
  growth target of 7%左右 reached with 6.9% is reported as met by the government itself,
  while 7.8% against a bare 8% is called 略低于预定目标; half a point is the rounding step
  of such targets. Outside the band the indicator's direction decides: growth beyond a
  growth target is met, prices above a price target are missed; for an indicator without a
  direction (money supply, investment) it is unclear.
- A bare figure (经济增长速度8%) is a floor for an indicator to reach (growth, jobs, grain),
  a ceiling for one to keep down (unemployment, prices, deficit, energy intensity), and
  is judged only when equalled for an indicator without a direction.
- A 下降 target (单位国内生产总值能耗下降4%左右, 下降3%以上) is about the size of the
  fall: the result must be a fall too, and the bound applies to its size.

Results are read only from B's review, only as one-year figures of the plan's year with
the result role: never a five-year figure, an average, a part of a year or B's own target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.scope import subject_of
from reportdiff.core.analysis.target_rules import (
    PERCENT_TOLERANCE,
    RATE_UNITS,
    RELATIVE_TOLERANCE,
    STATUSES,
    Direction,
    Indicator,
    Status,
    indicator_of,
    judge,
    signed,
)
from reportdiff.core.analysis.units import compare_key
from reportdiff.core.comparison import Quantity
from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import Report, Span
from reportdiff.core.text.parts import ReportParts, report_parts

__all__ = [
    "PERCENT_TOLERANCE",
    "RELATIVE_TOLERANCE",
    "STATUSES",
    "TargetRow",
    "TargetsResult",
    "indicator_of",
    "printed",
    "sentence_of",
    "targets_against_results",
]


@dataclass(frozen=True)
class TargetRow:
    """One target of the plan and what the review says of it."""

    indicator: str
    """What the target is for: the known indicator's name when there is one (gdp,
    jobs …), else the target's own indicator words."""
    target: Quantity
    """The target as found in the plan report (text as printed, span into its text)."""
    result: Quantity | None
    """The result found in the review report; None when not reported or said only in words
    (then :attr:`result_text` holds the words)."""
    status: Status
    """met / missed / unclear / not reported."""
    reason: str
    """Why, in a few words (the bound applied, or why it is unclear)."""
    target_text: str = ""
    """The target as printed, with the words after it that bound it (8%左右, 4.6%以内)."""
    target_span: Span | None = None
    """Where :attr:`target_text` is in the plan report's text."""
    target_sentence: str = ""
    """The plan's sentence around the target (one line)."""
    result_text: str = ""
    """The result as printed (9.9%, 980多万人), '' when not reported."""
    result_span: Span | None = None
    """Where :attr:`result_text` is in the review report's text."""
    result_sentence: str = ""
    """The review's sentence around the result."""
    words: str = ""
    """The target's own indicator words (经济增长速度 for gdp)."""


@dataclass(frozen=True)
class TargetsResult:
    """All targets of one plan against one review."""

    plan: Report
    review: Report
    plan_year: int | None
    """The year the plan's targets are for."""
    rows: tuple[TargetRow, ...]
    warnings: tuple[str, ...] = ()
    """Things the reader must know (the review is not of the plan's year …)."""


_TARGET_ROLE_WORDS = frozenset({"目标", "力争", "预期", "控制在", "以内", "以上", "左右"})
# 粮食面积力求稳定在十七亿亩左右, 力争粮食产量达到4550亿公斤以上: a task's commitment.
_COMMIT_RE = re.compile(r"力争|力求|确保|目标")
_QUOTED_RE = re.compile(r"“[^”]{0,20}”|\"[^\"]{0,20}\"")
_CURRENCIES = frozenset({"元", "美元", "港元", "欧元", "日元"})


@dataclass(frozen=True)
class _Figure:
    """A quantity with the indicator words it is matched by."""

    q: Quantity
    words: str
    """The quantity's indicator, or its clause when only the clause names a known one."""
    ind: Indicator | None
    subject: str
    before: str = ""
    """The figure's sentence before it (where an earlier clause may name its subject)."""


_POST_RE = re.compile(r"\s?(?:以上|左右|以内|以下|多|余)")


def printed(text: str, q: Quantity) -> tuple[str, Span]:
    """A figure as printed with the bound after it: 8%左右, not 8%."""
    end = q.span.end
    m = _POST_RE.match(text, end)
    if m and m.group().strip() not in text[q.span.start : end]:
        end = m.end()
    return text[q.span.start : end], Span(q.span.start, end)


def sentence_of(text: str, span: Span, *, limit: int = 160) -> str:
    """The sentence holding ``span``, on one line (at most ``limit`` characters each side)."""
    lo = span.start
    while lo > 0 and lo > span.start - limit and text[lo - 1] not in "。！？!?\n":
        lo -= 1
    hi = span.end
    while hi < len(text) and hi < span.end + limit and text[hi - 1] not in "。！？!?\n":
        hi += 1
    return " ".join(text[lo:hi].split())


_CLAUSE_STOPS = "，,；;：:。！？!?\n"


def _figure(text: str, q: Quantity) -> _Figure:
    words = _norm(q.indicator)
    ind = indicator_of(words)
    if ind is None:
        # the finder's indicator can miss the noun (经济增长速度的调控目标定为８％ gives
        # 调控目标定): the figure's own clause names it
        lo = q.span.start
        while lo > 0 and lo > q.span.start - 40 and text[lo - 1] not in _CLAUSE_STOPS:
            lo -= 1
        clause = _norm(text[lo : q.span.start])
        if indicator_of(clause) is not None:
            words, ind = clause, indicator_of(clause)
        elif _NAMELESS_RE.fullmatch(clause) and lo > 0 and text[lo - 1] in "，,":
            # 物价涨幅要从14.8%降到10%左右，实际回落到6.1%: a clause that names nothing
            # speaks of the indicator an earlier clause of the same sentence names (over
            # at most one clause without a figure: 经过上下各方面的努力)
            words, ind = _carried(text, lo - 1) or (words, ind)
    return _Figure(q, words, ind, subject_of(words), _sentence_before(text, q))


def _carried(text: str, end: int) -> tuple[str, Indicator] | None:
    """The known indicator of the clauses before ``end`` (a comma) in its sentence."""
    for _step in range(2):
        lo = end
        while lo > 0 and lo > end - 60 and text[lo - 1] not in _CLAUSE_STOPS:
            lo -= 1
        earlier = _norm(text[lo:end])
        ind = indicator_of(earlier)
        if ind is not None:
            return earlier, ind
        if lo == 0 or text[lo - 1] not in "，," or any(c.isdigit() for c in earlier):
            return None
        end = lo - 1
    return None


# Words that name no indicator: how a figure moved, when, against what (力争控制在,
# 实际回落到, 考虑价格下降因素比上年实际增长).
_NAMELESS_RE = re.compile(
    r"(?:实际|全年|当年|又|再|还|进一步|比上年|比去年|同比|分别|回落|下降|上升|上涨|增长|降低|"
    r"提高|增加|减少|降|升|到|达到|控制在|力争|争取|确保|为|是|在|了|也|都|"
    r"考虑价格(?:下降)?因素|扣除价格因素|按可比价格计算)*"
)


def _is_fragment(text: str, q: Quantity) -> bool:
    """全年增长19·5％ read as 5％: a middle dot between digits is a decimal point the finder
    does not read, so the figure after it is the tail of another number."""
    s = q.span.start
    return s >= 2 and text[s - 1] in "·・•" and text[s - 2].isdigit()


def _is_share(text: str, q: Quantity) -> bool:
    """国家财政收入的60%以上来自…: a percentage right after 的 is a share, not a rate."""
    return q.unit == "%" and q.span.start > 0 and text[q.span.start - 1] == "的"


# A review quoting the target it measures against: 去年政府工作报告提出，物价涨幅要从14.8%
# 降到10%左右; 略低于8%的预定目标.
_RESTATED_RE = re.compile(r"要|目标|预定|预期|计划|提出|力争|争取")


def _restates_target(text: str, q: Quantity) -> bool:
    lo, hi = q.span.start, q.span.end
    while lo > 0 and lo > q.span.start - 40 and text[lo - 1] not in _CLAUSE_STOPS:
        lo -= 1
    while hi < len(text) and hi < q.span.end + 12 and text[hi] not in _CLAUSE_STOPS:
        hi += 1
    return _RESTATED_RE.search(text, lo, hi) is not None


def _plan_targets(report: Report, plan_year: int | None) -> list[_Figure]:
    """The plan's one-year targets: in its plan part, or on a known indicator in its tasks."""
    parts = report_parts(report)
    listed = _listed_targets(report, parts)
    out: list[_Figure] = []
    for q in extract_quantities(report):
        part = parts.at(q.block).part
        if part == "review" and q.year == plan_year and q.role == "target":
            part = "tasks"  # 今年的经济增长预期为7%左右 in a review that runs on into the plan
        planned = q.role == "plan" and (
            q.block in listed or _PLANNED_RE.search(_sentence_before(report.text, q))
        )
        if q.role != "target" and not planned:
            continue
        if part not in ("plan", "tasks") or _is_share(report.text, q):
            continue
        if _is_fragment(report.text, q):
            continue
        if q.period not in ("year", "") or (q.year is not None and q.year != plan_year):
            continue  # 2000年在人口将比1980年增长3亿左右: a long-term aim
        if _EXISTING_RE.search(report.text, max(0, q.span.start - 6), q.span.start):
            continue  # 调整原有近800亿元农业贷款的结构: what there is already, no target
        if _PAST_OPENING_RE.match(_sentence_before(report.text, q)):
            continue  # 去年财政增发1000亿元国债…但全年货币发行还比年初计划少了近500亿元
        if _in_multi_year(report.text, q):
            continue  # 第六个五年计划期间…投资三千六百亿元: a five-year plan's figure
        fig = _figure(report.text, q)
        if not q.is_change and _CUT_RE.search(fig.words):
            # 投资规模要比上年压缩920亿元: the target is the size of a cut
            fig = replace(fig, q=replace(q, is_change=True, sign=-1))
        if fig.words.startswith(("比", "较")):
            continue  # 比第五个五年计划期间增加…: a difference from another period
        if fig.ind is None and (q.indicator_span is None or q.indicator_span.end > q.span.start):
            continue  # 坚持四项基本原则: a figure in a name, its noun after it, is no target
        committed = _TARGET_ROLE_WORDS & {*q.qualifiers, *_words_in(fig.words)} or (
            # not inside a name: 用于“两个确保”的补助资金 commits to nothing
            _COMMIT_RE.search(_QUOTED_RE.sub("", _sentence_before(report.text, q)))
        )
        if part == "tasks" and not (planned or committed):
            continue  # a task's figure is a commitment only when it says so
        out.append(fig)
    return out


# Older reports state the year's aims as the plan's: 今年国民生产总值计划增长百分之八,
# 今年计划要求…国民生产总值增长百分之六; 国务院已经决定：今年全社会固定资产投资规模要比
# 上年压缩920亿元.
_PLANNED_RE = re.compile(r"计划(?:要求|增长|为|是|安排)?|要求|决定[：:]")


_LIST_ITEM_RE = re.compile(r"\s*(?:——|—|-|·|•|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])")


def _listed_targets(report: Report, parts: ReportParts) -> set[tuple[int, ...]]:
    """Blocks listing targets: the items after 主要目标是： (——农业总产值比上年增长3.5%…)."""
    listed: set[tuple[int, ...]] = set()
    opened = False
    for path, index, block in report.blocks():
        key = (*path, index)
        body = report.text[block.span.start : block.span.end].rstrip()
        if opened and _LIST_ITEM_RE.match(body):
            listed.add(key)
            continue
        opened = parts.at(key).part == "plan" and body.endswith(("：", ":"))
    return listed


_MULTI_YEAR_RE = re.compile(
    r"五年计划|[“\"]?[一二三四五六七八九十]{1,3}五[”\"]?(?:计划|规划|期间|时期)"
    r"|[两二三四五六七八九十]年(?:内|间|中|里|来|合计)|这[两二三四五六七八九十]年|这个期间"
    r"|连续[两二三四五六七八九十\d]+年"
    r"|(?:到|至)(?:19|20)\d\d年|本世纪末|平均每年|年均"
)


_ONE_YEAR_RE = re.compile(
    r"今年|明年|本年|全年|(?:19|20)\d\d\s*年(?!代)|[一二][九〇零○][〇零○一二三四五六七八九]{2}年"
)


def _in_multi_year(text: str, q: Quantity) -> bool:
    """Whether the nearest period words before ``q`` in its paragraph name several years."""
    lo = text.rfind("\n", 0, q.span.start) + 1
    many = [m.end() for m in _MULTI_YEAR_RE.finditer(text, lo, q.span.start)]
    one = [m.end() for m in _ONE_YEAR_RE.finditer(text, lo, q.span.start)]
    return bool(many) and (not one or many[-1] > one[-1])


def _sentence_before(text: str, q: Quantity) -> str:
    lo = q.span.start
    while lo > 0 and lo > q.span.start - 120 and text[lo - 1] not in "。！？!?\n":
        lo -= 1
    return text[lo : q.span.start]


_CUT_RE = re.compile(r"(?:压缩|减少|削减|压减)$")
_EXISTING_RE = re.compile(r"(?:原有|现有|已有)(?:的)?(?:近|约|共)?$")
# A sentence that opens on last year tells what was done, not what is planned.
_PAST_OPENING_RE = re.compile(r"\s*(?:去年|过去的?一年|上一年)")
_YEAR_CUE_RE = re.compile(
    r"(?<![比较同于在])(?:今年|明年|本年|去年|过去的?一年|上一年)"
    r"|(?:19|20)\d\d\s*年(?!代)|[１２][９０][０-９]{2}年|[一二][九〇零○][〇零○一二三四五六七八九]{2}年"
)
_PAST_CUES = frozenset({"去年", "过去的一年", "过去一年", "上一年"})
_ZH_DIGITS = "〇一二三四五六七八九"


def _year_forms(year: int) -> set[str]:
    digits = str(year)
    full = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    zh = digits.translate(str.maketrans("0123456789", _ZH_DIGITS))
    return {f"{digits}年", f"{full}年", f"{zh}年", f"{zh.replace('〇', '零')}年"}


def _framed_as(text: str, pos: int, year: int) -> bool:
    """Whether the nearest year words before ``pos`` in its paragraph name ``year`` as
    the year just past (过去的一年，…国内生产总值比上年增长10.2%; 去年…): a review of that
    year, wherever the parts reader puts its paragraph. 比去年 compares, it does not frame."""
    lo = text.rfind("\n", 0, pos) + 1
    cues = [m.group().replace(" ", "") for m in _YEAR_CUE_RE.finditer(text, lo, pos)]
    return bool(cues) and (cues[-1] in _PAST_CUES or cues[-1] in _year_forms(year))


def _words_in(words: str) -> set[str]:
    return {w for w in _TARGET_ROLE_WORDS if w in words}


def _review_results(report: Report, year: int | None) -> list[_Figure]:
    parts = report_parts(report)
    out: list[_Figure] = []
    for q in extract_quantities(report):
        if q.role != "result" or q.is_target:
            continue
        if parts.at(q.block).part != "review" and not (
            year is not None and q.year == year and _framed_as(report.text, q.span.start, year)
        ):
            continue  # a later part speaks of the year ahead, unless it says it looks back
        if q.period != "year" or year is None or q.year not in (year, None):
            continue
        if q.year is None and parts.reviewed_year != year:
            continue
        if _is_share(report.text, q) or _restates_target(report.text, q):
            continue
        if _is_fragment(report.text, q):
            continue
        out.append(_figure(report.text, q))
    return out


def _same_kind(target: _Figure, result: _Figure) -> bool:
    """Whether ``result`` can speak of ``target``'s indicator at all."""
    if target.ind is None:
        t_words, r_words = _product(target), _product(result)
        if not t_words:
            return False
        if r_words != t_words and not _subject_before(t_words, r_words, result.before):
            return False
    elif result.ind is not target.ind:
        return False
    if target.subject != result.subject:
        return False  # 城镇 income is not 农村 income
    if _unit_class(target.q.unit) != _unit_class(result.q.unit):
        # 固定资产投资五千亿元 against 全社会固定资产投资比上年增长18.6%: the known
        # indicator's result, but as a growth rate where the target is a level (unclear)
        return _level_against_rate(target, result)
    # 增加三千万吨 is a change, 达到10.9亿吨 a level (a rate's 增长 is read either way)
    return target.q.unit in RATE_UNITS or target.q.is_change == result.q.is_change


# Names of the same product, as output by weight only (石油化工 is an industry, not oil).
_SAME_PRODUCT = {"石油": "原油"}
_WEIGHTS_RE = re.compile(r"(?:吨|公斤|斤)$")


def _product(fig: _Figure) -> str:
    words = _OUTPUT_RE.sub("", fig.words)
    if _WEIGHTS_RE.search(fig.q.unit):
        return _SAME_PRODUCT.get(words, words)  # 石油达到1.39亿吨 is 原油 output
    return words


def _subject_before(t_words: str, r_words: str, before: str) -> bool:
    """工业生产增长较快，总产值比上年增长14.2%: the result's words are the end of the
    target's (总产值 of 工业总产值) and the rest (工业) is named earlier in its sentence."""
    if len(r_words) < 2 or not t_words.endswith(r_words) or t_words == r_words:
        return False
    head = t_words[: -len(r_words)]
    at = before.rfind(head)
    # in an earlier clause, not glued to the figure's own words (农村…贫困人口 would need
    # 农村 said of them)
    return at >= 0 and any(c in _CLAUSE_STOPS for c in before[at + len(head) :])


def _level_against_rate(target: _Figure, result: _Figure) -> bool:
    return (
        target.ind is not None
        and target.q.unit not in RATE_UNITS
        and result.q.unit in RATE_UNITS
        and result.q.is_change
    )


def _unit_class(unit: str) -> str:
    """Units a result may be in to speak of a target: grain in 亿公斤 or 万吨 alike; a rate
    in % or 个百分点 and money in 元 or 美元 are found but judged unclear (another unit)."""
    if unit in RATE_UNITS:
        return "rate"
    if unit in _CURRENCIES:
        return "money"
    return compare_key(unit)


# Words around an indicator that do not change it: who set it (中央提出今年经济增长预期
# 目标), when, and the target words themselves.
_NOISE_RE = re.compile(
    r"^.*?(?:提出|确定|要求)|^(?:今年|全年|明年|去年|当年|全国|我国|全省|全市|全区|全县|的)+"
    r"|(?:的)?(?:预期|目标|力争|调控|定为|为|是|要|要从|计划|计划安排|安排|增速|增幅|可|扩大|稳定在)+$"
)


_OUTPUT_RE = re.compile(r"(?:总)?产量$")


def _norm(indicator: str) -> str:
    words = _NOISE_RE.sub("", _NOISE_RE.sub("", indicator.strip()))
    # 原煤产量十一亿一千万吨 / 原煤达到10.9亿吨: what is produced names the output
    return _OUTPUT_RE.sub("", words) if len(words) > 3 else words


# Output, income and intake are reached, whatever is produced: 棉花产量, 工业总产值, 招生.
_UP_WORDS_RE = re.compile(r"产量|产值|增加值|收入|招生|吞吐量|运量|发电量")


def _direction(fig: _Figure) -> Direction:
    if fig.ind is not None and fig.ind.direction:
        return fig.ind.direction
    if fig.ind is not None or not _UP_WORDS_RE.search(fig.q.indicator):
        # an indicator with no direction takes the one its target names: 压缩920亿元
        # wants it down (a cut at least that large)
        return "down" if _CUT_RE.search(fig.words) else ""
    return "up"


# What a review says of a target without a figure: 国内生产总值增长率达到预期目标,
# 零售价格和消费价格的总水平都比上年下降.
_IN_WORDS_RE = re.compile(
    r"(?:没有|未)?(?:达到|实现|完成|超过|超额完成|低于|高于)了?(?:年初|预期|预定|计划|确定)*的?"
    r"(?:调控|预期|预定)?(?:目标|计划|指标)|比上年(?:有所|略有)?(?:下降|回落|上升|提高|降低)"
    r"|取得了?(?:重要|重大|明显|积极|新的|较大|很大)?进展"
)
_SENTENCE_RE = re.compile(r"[^。！？!?；;\n]+")


def _said_in_words(review: Report, fig: _Figure, year: int | None) -> Span | None:
    """Where the review says in words, without a figure, how the target's indicator did."""
    parts = report_parts(review)
    for path, index, block in review.blocks():
        part = parts.at((*path, index))
        if part.framing.period == "years":
            continue
        for sentence in _SENTENCE_RE.finditer(review.text, block.span.start, block.span.end):
            if part.part != "review" and not (
                year is not None and _framed_as(review.text, sentence.start(), year)
            ):
                continue  # 去年…社会商品零售价格和消费价格的总水平都比上年下降: looks back
            words = sentence.group()
            named = fig.ind.pattern.search(words) if fig.ind else None
            at = named.end() if named else words.find(fig.words)
            if at < 0 or (fig.ind is None and not fig.words):
                continue
            if fig.ind is None:
                at += len(fig.words)
            said = _IN_WORDS_RE.search(words, at)
            if said and not any(c.isdigit() for c in words[at : said.start()]):
                return Span(sentence.start() + said.start(), sentence.start() + said.end())
    return None


def targets_against_results(plan: Report, review: Report) -> TargetsResult:
    """Every quantified target of ``plan`` beside ``review``'s result for that year.

    Args:
        plan: The report whose plan part sets the targets (A).
        review: The next report, which reviews the plan's year (B).

    Returns:
        The rows in the plan's text order, one per distinct target; a warning when the
        years are not known.

    Raises:
        ReportError: ``plan`` has no part setting targets, or ``review`` reviews another
            year than the one the targets are for.
    """
    plan_parts = report_parts(plan)
    if not any(b.part in ("plan", "tasks") for b in plan_parts.blocks.values()):
        raise ReportError(
            _("{id} has no part that sets targets (no 预期目标, 今年… or tasks part found)").format(
                id=plan.meta.id
            )
        )
    plan_year = plan_parts.plan_year
    reviewed = report_parts(review).reviewed_year
    warnings: list[str] = []
    if plan_year is not None and reviewed is not None and reviewed != plan_year:
        # another year's results would be judged against these targets: refuse, not guess
        raise ReportError(
            _(
                "{review} reviews {reviewed}, but {plan}'s targets are for {year}: give the "
                "report that reviews {year}"
            ).format(review=review.meta.id, reviewed=reviewed, plan=plan.meta.id, year=plan_year)
        )
    if plan_year is None and reviewed is None:
        warnings.append(
            _("the years of {plan} and {review} are not known: no result can be tied to the "
              "targets' year, so none is read (give --year when adding them to the library)"
              ).format(plan=plan.meta.id, review=review.meta.id)
        )  # fmt: skip
    elif plan_year is None or reviewed is None:
        warnings.append(
            _("the year of {which} is not known: check that {review} reviews the year {plan} "
              "sets targets for").format(
                which=plan.meta.id if plan_year is None else review.meta.id,
                review=review.meta.id, plan=plan.meta.id)
        )  # fmt: skip
    results = _review_results(review, plan_year if plan_year is not None else reviewed)
    rows: list[TargetRow] = []
    seen: set[tuple[str, float, str]] = set()
    for fig in _plan_targets(plan, plan_year):
        target, ind = fig.q, fig.ind
        name = ind.key if ind else fig.words
        if not name:
            continue  # a figure whose indicator is unknown cannot be looked for
        key = (name + fig.subject, signed(target), target.unit)
        if key in seen:
            continue  # 中央提出今年经济增长预期目标为8%左右 restates the list's 8%左右
        seen.add(key)
        found = [r.q for r in results if _same_kind(fig, r)]
        same_unit = [r for r in found if r.unit == target.unit]
        candidates = same_unit or found
        result = candidates[0] if candidates else None
        t_text, t_span = printed(plan.text, target)
        row = TargetRow(
            name,
            target,
            None,
            "not reported",
            "no result for the year",
            target_text=t_text,
            target_span=t_span,
            target_sentence=sentence_of(plan.text, t_span),
            words=fig.words,
        )
        said = None if result is not None else _said_in_words(review, fig, plan_year)
        if said is not None:
            row = replace(
                row,
                status="unclear",
                reason="said in words, no figure",
                result_text=review.text[said.start : said.end],
                result_span=said,
                result_sentence=sentence_of(review.text, said),
            )
        if result is not None:
            status, why = judge(target, result, _direction(fig))
            if target.unit not in RATE_UNITS and result.unit in RATE_UNITS:
                status, why = "unclear", "the target is a level, the result a growth rate"
            r_text, r_span = printed(review.text, result)
            row = replace(
                row,
                result=result,
                status=status,
                reason=why,
                result_text=r_text,
                result_span=r_span,
                result_sentence=sentence_of(review.text, r_span),
            )
        rows.append(row)
    return TargetsResult(plan, review, plan_year, tuple(rows), tuple(warnings))
