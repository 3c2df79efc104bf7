"""A round mark a figure passed, said just before the figure itself."""

from __future__ import annotations

from reportdiff.core.comparison import Quantity

PASSING_WORDS = frozenset({"突破", "超过", "越过"})
"""Words for a mark passed: 突破６０００万吨 is a round threshold when the figure follows."""
_PASSING_GLUE = frozenset("大关，,、达到为是了")


def passed_mark(text: str, q: Quantity, following: Quantity | None) -> bool:
    """Whether ``q`` is a round mark the figure passed, with the figure right after it.

    突破６０００万吨，达到６１２４万吨 / 突破１０亿吨大关，达到１０．４亿吨: the measured
    value is the second; the first only says which round number it passed, and pairing
    it would compare a threshold with a result. Only when the same clause goes on to the
    figure itself (same unit, a larger value, joined by 大关/，/达到 alone); a mark passed
    with no figure after it (出口突破500亿美元) is the report's only statement and stays.
    """
    if following is None or not PASSING_WORDS.intersection(q.qualifiers):
        return False
    if following.unit != q.unit or following.value <= q.value or q.sign != following.sign:
        return False
    between = text[q.span.end : following.span.start]
    return 0 < len(between) <= 6 and all(c in _PASSING_GLUE for c in between)
