"""A year's result restated by a later report: the fallback counterpart of a figure.

Figures pair one year on (:func:`~reportdiff.core.analysis.facts.years_apart`): the
earlier report's result for its year meets the later report's result for the later year.
When a report prints no figure one year on but restates the earlier year's (1983 gives
1982's count of universities, which 1982 gave as an estimate), the restatement is the only
counterpart there is. It is weaker evidence than the series, so its edge ranks below every
ordinary edge and joins only two figures that no other edge has claimed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportdiff.core.analysis.facts import Fact

RESTATED_OFFSET = 1000.0
"""Taken from a restatement's score: ordinary scores are positive (a similarity of at least
72 plus context), so every restatement ranks after them and is told apart by its sign."""

_RESULT_ROLES = frozenset({"", "result"})


def restated_year(a: Fact, b: Fact) -> bool:
    """Whether ``a`` and ``b`` are results for one stated year, at different distances from
    their reports' years (one report's current year, the other's past year).

    Both years must be known and equal and both figures results (a target or a forecast is
    not what the year came to): 1982.txt's 一九八二年的七百二十九所 and 1983.txt's 1982
    count 七百一十五所.
    """
    ya, yb = a.rep.year, b.rep.year
    if ya is None or ya != yb:
        return False
    return a.rep.role in _RESULT_ROLES and b.rep.role in _RESULT_ROLES
