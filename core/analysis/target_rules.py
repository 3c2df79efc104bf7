"""The rules that judge a target against a result: bounds, the 左右 band, directions.

:func:`judge` is what :mod:`reportdiff.core.analysis.targets` applies to each pair; the
rules are stated there (and in the README). :data:`INDICATORS` names the kinds of figure
reports set targets for and which way is better for each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reportdiff.core.analysis.units import compare_key, to_dimension_base
from reportdiff.core.comparison import Quantity
from reportdiff.core.i18n import N_, pgettext

__all__ = [
    "INDICATORS",
    "PERCENT_TOLERANCE",
    "RATE_UNITS",
    "RELATIVE_TOLERANCE",
    "STATUSES",
    "Direction",
    "Indicator",
    "Status",
    "indicator_of",
    "judge",
    "judge_fall",
    "signed",
]

Status = Literal["met", "missed", "unclear", "not reported"]
STATUSES: tuple[Status, ...] = ("met", "missed", "unclear", "not reported")
REASONS = (
    N_("met"), N_("missed"), N_("unclear"), N_("not reported"),
    N_("floor"), N_("ceiling"), N_("band"), N_("exact"), N_("another unit"),
    N_("the result is a range"), N_("the result is a level, the target a fall"),
    N_("no direction for this indicator"), N_("the result's bound straddles the target"),
    N_("beyond the band: growth is to reach it"),
    N_("beyond the band: this indicator is to stay under it"),
    N_("no result for the year"), N_("said in words, no figure"),
    N_("the target is a level, the result a growth rate"),
    N_("said in words: a fall, under the ceiling"), N_("said in words: a fall, short of the floor"),
)  # fmt: skip
"""The statuses and reasons in English: the JSON and CSV keep them (an interface); the
Markdown and the reader show them through ``_()``."""

PERCENT_TOLERANCE = 0.5
"""Half-width of a 左右 band for a rate in %, in percentage points."""
RELATIVE_TOLERANCE = 0.05
"""Half-width of a 左右 band for a level, as a share of the target."""

Direction = Literal["up", "down", ""]


@dataclass(frozen=True)
class Indicator:
    """A kind of figure reports set targets for, and which way is better."""

    key: str
    """A short stable name (gdp, cpi, jobs …)."""
    pattern: re.Pattern[str]
    """Matched against a figure's indicator words."""
    direction: Direction
    """``up``: reached by reaching the figure; ``down``: by staying at or under it;
    '' neither (money supply, investment: a guide, not a floor or a ceiling)."""


def _ind(key: str, pattern: str, direction: Direction) -> Indicator:
    return Indicator(key, re.compile(pattern), direction)


# The most specific first: 单位国内生产总值能耗 is energy intensity, not GDP.
INDICATORS: tuple[Indicator, ...] = (
    _ind("energy-intensity", r"能耗|能源消耗", "down"),
    _ind("deficit", r"赤字", "down"),
    _ind("unemployment", r"失业率", "down"),
    _ind("population-growth", r"人口自然增长率", "down"),
    _ind("population", r"总人口|人口总数|全国人口", "down"),
    _ind("prices", r"消费价格|零售价格|物价|价格总水平|价格涨幅|价格上涨|通货膨胀|^涨幅", "down"),
    _ind("reemployment", r"再就业", "up"),
    _ind("jobs", r"新增就业|城镇就业|新增.{0,4}就业|就业.{0,2}人数", "up"),
    _ind("m2", r"广义货币|M2", ""),
    _ind("m1", r"狭义货币|M1", ""),
    _ind("investment", r"固定资产投资", ""),
    _ind("retail-sales", r"社会消费品零售总额", "up"),
    _ind("trade", r"进出口|对外贸易", "up"),
    _ind("grain", r"粮食(?!面积|播种|种植)", "up"),  # 粮食面积十七亿亩 is land, not grain
    _ind("income", r"人均(?:可支配|纯|生活费)?收入", "up"),
    # no revenue kind: 区级财政收入, 财政总收入 and 一般公共预算收入 are different sums, so
    # revenue targets are matched by their own words
    _ind("gdp", r"国内生产总值|国民生产总值|生产总值|经济增长|GDP|gdp", "up"),
)


def indicator_name(indicator: str) -> str:
    """How a row's indicator reads in Markdown and the reader: a kind's name in the interface
    language (gdp → 国内生产总值 under zh), other figures their own words. JSON and CSV keep
    the key."""
    names = {
        "energy-intensity": pgettext("indicator kind", "energy-intensity"),
        "deficit": pgettext("indicator kind", "deficit"),
        "unemployment": pgettext("indicator kind", "unemployment"),
        "population-growth": pgettext("indicator kind", "population-growth"),
        "population": pgettext("indicator kind", "population"),
        "prices": pgettext("indicator kind", "prices"),
        "reemployment": pgettext("indicator kind", "reemployment"),
        "jobs": pgettext("indicator kind", "jobs"),
        "m2": pgettext("indicator kind", "m2"),
        "m1": pgettext("indicator kind", "m1"),
        "investment": pgettext("indicator kind", "investment"),
        "retail-sales": pgettext("indicator kind", "retail-sales"),
        "trade": pgettext("indicator kind", "trade"),
        "grain": pgettext("indicator kind", "grain"),
        "income": pgettext("indicator kind", "income"),
        "gdp": pgettext("indicator kind", "gdp"),
    }
    return names.get(indicator, indicator)


def indicator_label(indicator: str, words: str) -> str:
    """A row's indicator and, when they differ, the target's own words (gdp · 经济增长速度)."""
    name = indicator_name(indicator)
    return name if words in ("", indicator, name) else f"{name} · {words}"


# A share of something (占国内生产总值的比重, 投资率) is its own indicator.
_SHARE_RE = re.compile(r"占|比重|比例")


_PRICE_OF_RE = re.compile(r"(?<!可比)价格|收购价|售价")


def indicator_of(words: str) -> Indicator | None:
    """The known indicator ``words`` name, or None.

    >>> indicator_of("城镇登记失业率").key, indicator_of("经济增长速度").direction
    ('unemployment', 'up')
    """
    if _SHARE_RE.search(words):
        return None
    for ind in INDICATORS:
        for m in ind.pattern.finditer(words):
            if ind.key != "prices" and _PRICE_OF_RE.search(words, m.end()):
                return None  # 粮食的收购价格平均提高18% is a price, not grain
            if not words.startswith("率", m.end()):
                return ind  # (固定资产投资率 is a ratio, not investment)
    return None


_FLOOR = frozenset({"以上", "不低于", "不少于", "超过", "超", "逾"})
_CEILING = frozenset({"以内", "以下", "不超过", "不高于", "控制在"})
_ABOUT = frozenset({"左右", "约"})
_RESULT_AT_LEAST = frozenset({"多", "余", "以上", "超过", "超", "逾", "突破"})
_RESULT_AT_MOST = frozenset({"近", "以下", "以内", "不到"})
RATE_UNITS = frozenset({"%", "个百分点"})


def signed(q: Quantity) -> float:
    return q.value * q.sign * to_dimension_base(q.unit)  # 万吨 and 亿公斤 alike


def _bound(target: Quantity) -> str:
    quals = set(target.qualifiers)
    if quals & _ABOUT:
        return "about"
    if quals & _FLOOR:
        return "floor"
    if quals & _CEILING:
        return "ceiling"
    return ""


def judge(target: Quantity, result: Quantity, direction: Direction) -> tuple[Status, str]:
    """The status of ``target`` given ``result`` and the indicator's direction, and why."""
    if compare_key(target.unit) != compare_key(result.unit):
        return "unclear", "another unit"
    if result.high is not None:
        return "unclear", "the result is a range"
    t_lo, t_hi = signed(target), signed(target)
    if target.high is not None and target.low is not None:
        scale = target.sign * to_dimension_base(target.unit)
        t_lo, t_hi = sorted((target.low * scale, target.high * scale))
    r = signed(result)
    falling = target.sign < 0
    if falling:
        # a 下降 target is about the size of the fall; a down indicator falling more is better
        if result.sign > 0 and not result.is_change:
            return "unclear", "the result is a level, the target a fall"
        t_lo, t_hi, r = -t_hi, -t_lo, -r
        flipped: dict[str, Direction] = {"down": "up", "up": "down", "": ""}
        direction = flipped[direction]
    rate = target.unit in RATE_UNITS
    # the result as an interval: 980多万 is at least 980万, 近5% at most 5%, 约 either way
    quals = set(result.qualifiers)
    r_lo = r_hi = r
    if quals & _RESULT_AT_LEAST:
        r_hi = float("inf")
    elif quals & _RESULT_AT_MOST:
        r_lo = float("-inf")
    elif quals & _ABOUT:
        slack = 0.1 if rate else 0.01 * abs(r)
        r_lo, r_hi = r - slack, r + slack
    bound = _bound(target)
    tol = PERCENT_TOLERANCE if rate else RELATIVE_TOLERANCE * abs(t_lo)
    if bound == "floor" or (bound == "" and direction == "up"):
        lo, hi, why = t_lo, float("inf"), "floor"
    elif bound == "ceiling" or (bound == "" and direction == "down"):
        lo, hi, why = float("-inf"), t_hi, "ceiling"
    elif bound == "about":
        lo, hi, why = t_lo - tol, t_hi + tol, "band"
        if direction == "up":
            hi = float("inf")
        elif direction == "down":
            lo = float("-inf")
    else:
        lo, hi, why = t_lo, t_hi, "exact"
    inside = [lo - 1e-9 <= x <= hi + 1e-9 for x in (r_lo, r_hi)]
    if why == "band" and direction and not t_lo - tol <= r <= t_hi + tol:
        # 7%左右 reached with 9.5%: outside the band, the indicator's direction decided
        why = (
            "beyond the band: growth is to reach it"
            if direction == "up"
            else ("beyond the band: this indicator is to stay under it")
        )
    if all(inside):
        return "met", why
    if not any(inside) and (r_hi < lo or r_lo > hi):
        if why == "exact" or (why == "band" and direction == ""):
            return "unclear", "no direction for this indicator"
        return "missed", why
    return "unclear", "the result's bound straddles the target"


def judge_fall(target: Quantity, direction: Direction) -> tuple[Status, str] | None:
    """The status of a rise's target when the result is said in words to be a fall (比上年
    下降, 降低): a fall is under any ceiling on a rise (商品零售价格涨幅控制在3％以内, and the
    prices fell: met) and short of any floor on one (a growth target of 8%, and output fell:
    missed); a band (左右) goes by the indicator's direction beyond it, as for a figure.
    None when the words cannot decide: a target that is itself a fall, or not a rate.
    """
    from reportdiff.core.analysis.facts import measure_kind  # a rate of change by its name too

    if target.sign < 0 or target.unit not in RATE_UNITS or measure_kind(target) != "change":
        return None
    bound = _bound(target)
    if bound in ("", "about"):
        bound = {"up": "floor", "down": "ceiling"}.get(direction, "")
    if bound == "ceiling":
        return "met", "said in words: a fall, under the ceiling"
    if bound == "floor":
        return "missed", "said in words: a fall, short of the floor"
    return None
