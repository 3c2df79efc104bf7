"""The :class:`~reportdiff.core.comparison.NumberPair` a matched set of quantities makes:
whether they are the same, and how much they changed, in the first report's printed unit
(Δ in 个百分点 between two rates, a range or a version against another figure with no Δ).
"""

from __future__ import annotations

import re

from reportdiff.core.analysis.facts import measure_kind
from reportdiff.core.analysis.movement import CHANGE_WORDS
from reportdiff.core.analysis.units import RATE_UNITS, printed_unit, to_dimension_base
from reportdiff.core.comparison import NumberPair, Quantity

__all__ = ["make_pair", "shown_name"]

# A year in a figure's name (国民生产总值１９８７年, 1987年全国进出口总额): right for the one
# figure it was read from, wrong beside the other report's figure of another year.
_YEAR_IN_NAME_RE = re.compile(
    r"(?:[12１２][0-9０-９]{3}|[一二][九〇○零][〇○零一二三四五六七八九]{2})\s*年(?:底|末|初)?的?"
    r"(?![前以之])"  # 2005年前裁减军队员额: a deadline, the same in both reports
)


def _undated(name: str) -> str:
    """``name`` without its years, unless little would be left."""
    bare = _YEAR_IN_NAME_RE.sub("", name).strip()
    return bare if len(bare) >= 2 else name


def _signed(q: Quantity) -> float:
    """The signed value in its dimension's base unit (万吨 and 亿公斤 both in 公斤)."""
    return q.sign * q.value * to_dimension_base(q.unit)


def _high(q: Quantity) -> float | None:
    return None if q.high is None else q.high * to_dimension_base(q.unit)


def make_pair(values: list[Quantity | None]) -> NumberPair:
    """The pair of ``values`` (one per report, None where a report has no counterpart)."""
    present = [q for q in values if q is not None]
    first = present[0]
    signed = [_signed(q) for q in present]
    scale = max(abs(v) for v in signed) or 1.0
    same = all(abs(v - signed[0]) <= 1e-9 * scale for v in signed) and all(
        _high(q) == _high(present[0]) for q in present
    )
    unit = printed_unit(first.text)
    delta: float | None
    pct: float | None
    if first.unit == "版" or (not same and any(q.high is not None for q in present)):
        # a version, or a range against another figure: no single Δ says the change
        delta = pct = None
        display = unit.display
    elif first.unit in RATE_UNITS:
        # in the first report's unit: 千分之十 → 1% is said in 千分点
        delta = (signed[-1] - signed[0]) / to_dimension_base(first.unit)
        pct = None
        display = {"%": "个百分点", "‰": "个千分点"}.get(first.unit, unit.display)
    else:
        # in the first report's printed unit: 亿公斤 → 万吨 is said in 亿公斤
        delta = (signed[-1] - signed[0]) / (unit.factor * to_dimension_base(first.unit))
        pct = None if signed[0] == 0 else (signed[-1] - signed[0]) / abs(signed[0]) * 100.0
        display = unit.display
    if delta is not None:
        delta = round(delta, 10)
    return NumberPair(
        indicator=shown_name(present),
        status="same" if same else "changed",
        values=tuple(values),
        delta=delta,
        pct=pct,
        unit=display,
    )


def shown_name(present: list[Quantity]) -> str:
    """The name a row of these figures (one per report that has one) is shown under.

    A change says so: 区级财政收入 has a level row (143.5亿元 → 154.99亿元) and a growth row
    (0.3% → 8%), 粮食减产２．２％ alone is 粮食减产, not 粮食 (a fall read as a level); a year
    in the name is dropped beside another report's figure (:func:`_undated`).
    """
    first, last = present[0], present[-1]
    indicator = first.indicator or last.indicator
    if len(present) > 1:
        indicator = _undated(indicator)
    if measure_kind(first) == "change":
        change = next((w for w in first.qualifiers if any(c in w for c in CHANGE_WORDS)), "")
        if change and change not in indicator:
            indicator += change
    return indicator
