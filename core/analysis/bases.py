"""How many years back a change's base lies (比上年 → 1, 比1995年 in 2000 → 5).

Used by :mod:`reportdiff.core.analysis.numbers` (a change over several years covers them)
and :mod:`reportdiff.core.analysis.pairing` (a one-year change never meets a five-year one).
"""

from __future__ import annotations

import re

from reportdiff.core.analysis.facts import measure_kind
from reportdiff.core.analysis.nearest import last_of
from reportdiff.core.analysis.scope import plan_span
from reportdiff.core.analysis.units import fold
from reportdiff.core.comparison import Quantity

__all__ = ["change_gap"]

_BASE_RE = re.compile(
    r"(?:比|较|同|与)(?P<year>(?:19|20)\d\d|[一二][九〇○零][〇○零一二三四五六七八九]{2})\s*年(?!\s*(?:以来|来))"
    r"|(?P<last>比上年|比去年|较上年|较去年|同比)"
    r"|(?P<plan>(?:比|较|与)“(?P<pn>十[一二三四五]?|[一二三四五六七八九])五”(?P<whole>时期|期间)?)"
)
_COMPARED_BASE_RE = re.compile(
    r"年(?:同|与|和|跟|比)(?P<year>(?:19|20)\d\d|[一二][九〇○零][〇○零一二三四五六七八九]{2})\s*年"
    r"(?:相比|比较)(?P<last>(?!))?(?P<plan>(?!))?(?P<pn>(?!))?(?P<whole>(?!))?"
)
_PLAN_GAP = 5
"""A base that is a whole five-year plan period (比“七五”时期增长) lies a plan's length back;
the end of one (比“六五”末) lies as many years back as the figure's year is after it. Either
way the change is over several years, never one."""
_BASE_DIGITS = str.maketrans(
    "〇○零一二三四五六七八九０１２３４５６７８９", "0001234567890123456789"
)


def change_gap(text: str, q: Quantity) -> int | None:
    """How many years back a change's base lies: 比上年增长 → 1; in 2000, 比1995年增长 → 5;
    in 1987, 比“六五”末增加 → 2 (六五 ended in 1985); 比“七五”时期 → 5 (a plan period back).

    None when the figure is no change or its sentence names no base (or the year is unknown).
    Growth over one year is not growth over five (6.1% in 1999 vs 67% from 1995 to 2000).
    """
    if measure_kind(q) != "change":
        return None
    start = last_of(text, "。；;!?！？\n", q.span.start) + 1
    last = None
    for m in _BASE_RE.finditer(fold(text[start : q.span.start])):  # 同１９７８年 as 同1978年
        last = m
    if last is None:
        # 1986年同1978年相比，…；国民收入由…增加到…，增长94.9%: the sentence's two years
        opening = last_of(text, "。!?！？\n", q.span.start) + 1
        last = _COMPARED_BASE_RE.search(fold(text[opening:start]))
    if last is None:
        return None
    if last.group("last"):
        return 1
    if last.group("plan"):
        # 比“六五”末 in 1987 lies two years back, not five; 比“七五”时期 compares two periods
        span = plan_span(last.group("pn"))
        if last.group("whole") or span is None or q.year is None or q.year <= span[1]:
            return _PLAN_GAP
        return q.year - span[1]
    if q.year is None:
        return None
    gap = q.year - int(last.group("year").translate(_BASE_DIGITS))
    return gap if gap > 0 else None
