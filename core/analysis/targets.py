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

from reportdiff.core.analysis.target_figures import (
    CLAUSE_STOPS,
    CURRENCIES,
    CUT_RE,
    OUTPUT_RE,
    Figure,
    framed_as,
    plan_targets,
    printed,
    review_results,
    sentence_of,
)
from reportdiff.core.analysis.target_rules import (
    PERCENT_TOLERANCE,
    RATE_UNITS,
    RELATIVE_TOLERANCE,
    STATUSES,
    Direction,
    Status,
    indicator_of,
    judge,
    judge_fall,
    signed,
)
from reportdiff.core.analysis.units import compare_key
from reportdiff.core.comparison import Quantity
from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import Report, Span
from reportdiff.core.text.parts import report_parts

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


def _same_kind(target: Figure, result: Figure) -> bool:
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


def _product(fig: Figure) -> str:
    words = OUTPUT_RE.sub("", fig.words)
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
    return at >= 0 and any(c in CLAUSE_STOPS for c in before[at + len(head) :])


def _level_against_rate(target: Figure, result: Figure) -> bool:
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
    if unit in CURRENCIES:
        return "money"
    return compare_key(unit)


# Words around an indicator that do not change it: who set it (中央提出今年经济增长预期
# 目标), when, and the target words themselves.
_UP_WORDS_RE = re.compile(r"产量|产值|增加值|收入|招生|吞吐量|运量|发电量")


def _direction(fig: Figure) -> Direction:
    if fig.ind is not None and fig.ind.direction:
        return fig.ind.direction
    if fig.ind is not None or not _UP_WORDS_RE.search(fig.q.indicator):
        # an indicator with no direction takes the one its target names: 压缩920亿元
        # wants it down (a cut at least that large)
        return "down" if CUT_RE.search(fig.words) else ""
    return "up"


# What a review says of a target without a figure: 国内生产总值增长率达到预期目标,
# 零售价格和消费价格的总水平都比上年下降.
_IN_WORDS_RE = re.compile(
    r"(?:没有|未)?(?:达到|实现|完成|超过|超额完成|低于|高于)了?(?:年初|预期|预定|计划|确定)*的?"
    r"(?:调控|预期|预定)?(?:目标|计划|指标)|比上年(?:有所|略有)?(?:下降|回落|上升|提高|降低)"
    r"|取得了?(?:重要|重大|明显|积极|新的|较大|很大)?进展"
)
_SENTENCE_RE = re.compile(r"[^。！？!?；;\n]+")
_FELL_RE = re.compile(r"比上年(?:有所|略有)?(?:下降|降低)")
"""Words saying the year's level fell (not 回落: a rise that slowed)."""


def _said_in_words(review: Report, fig: Figure, year: int | None) -> Span | None:
    """Where the review says in words, without a figure, how the target's indicator did."""
    parts = report_parts(review)
    for path, index, block in review.blocks():
        part = parts.at((*path, index))
        if part.framing.period == "years":
            continue
        for sentence in _SENTENCE_RE.finditer(review.text, block.span.start, block.span.end):
            if part.part != "review" and not (
                year is not None and framed_as(review.text, sentence.start(), year)
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
            # A work report without one is most often a part of it (a web page's first page,
            # a summary of the review): the reader of the whole report knows it has targets.
            _(
                "{id} has no part that sets targets (no 预期目标, 今年… or tasks part found): "
                "the file may hold only part of the report"
            ).format(id=plan.meta.id)
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
    results = review_results(review, plan_year if plan_year is not None else reviewed)
    rows: list[TargetRow] = []
    seen: set[tuple[str, float, str]] = set()
    for fig in plan_targets(plan, plan_year):
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
            fell = _FELL_RE.search(review.text, said.start, said.end)
            status, why = (fell and judge_fall(target, _direction(fig))) or (
                "unclear",
                "said in words, no figure",
            )
            row = replace(
                row,
                status=status,
                reason=why,
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
