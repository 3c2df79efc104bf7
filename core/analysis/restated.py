"""A year's result restated by a later report: the fallback counterpart of a figure.

Figures pair one year on (:func:`~reportdiff.core.analysis.facts.years_apart`): the
earlier report's result for its year meets the later report's result for the later year.
When a report prints no figure one year on but restates the earlier year's (1982.txt gives
1981's growth, 实际达到百分之四点六, which 1981.txt gave as an estimate, 由今年预计的３％…, and
names no noun for its own 1982 estimate), the restatement is the only counterpart there is. It is weaker evidence than the series, so its edge ranks below every
ordinary edge and joins only two figures that no other edge has claimed.

A plan carried out is the other fallback (:func:`carried_out`): a count one report plans
and the next reports done with the very same figure (国务院组成部门从40个减少到29个).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reportdiff.core.analysis.units import MEASURE_UNITS
from reportdiff.core.model import Report, ReportMeta
from reportdiff.core.text.parts import report_parts

if TYPE_CHECKING:
    from reportdiff.core.analysis.facts import Fact

RESTATED_OFFSET = 1000.0
"""Taken from a restatement's score: ordinary scores are positive (a similarity of at least
72 plus context), so every restatement ranks after them and is told apart by its sign."""

_RESULT_ROLES = frozenset({"", "result"})


def restated_year(a: Fact, b: Fact) -> bool:
    """Whether ``a`` and ``b`` are results for one stated year.

    Asked only of figures at different distances from their reports' years (one report's
    current year, the other's past year: :func:`~reportdiff.core.analysis.facts.years_apart`);
    this tests only that both years are known and equal and both figures results (a target
    or a forecast is not what the year came to): 1981.txt's 由今年预计的３％ (1981's growth
    as first estimated) and 1982.txt's 一九八一年…实际达到百分之四点六.
    """
    ya, yb = a.rep.year, b.rep.year
    if ya is None or ya != yb:
        return False
    return a.rep.role in _RESULT_ROLES and b.rep.role in _RESULT_ROLES


_AHEAD_ROLES = frozenset({"target", "plan"})


def carried_out(a: Fact, b: Fact) -> bool:
    """Whether a count planned in one report is reported done in the other, unchanged.

    The plan (a target or a task) comes from the report of the earlier year, the result
    from the later; both count the same thing (one name, one unit, one kind, the same end of
    由A减少到B), print the same figure and are no small number (a count under 10 names
    too many things). Years must agree where both are stated. 1998.txt's 国务院组成部门从40个
    减少到29个 (a task) and 1999.txt's (done). Rates and amounts never: a growth target
    met exactly (8% planned, 8% reached) is still a target against a result.
    """
    if a.reviewed is None or b.reviewed is None or a.reviewed == b.reviewed:
        return False
    plan, done = (a, b) if a.reviewed < b.reviewed else (b, a)
    p, d = plan.rep, done.rep
    if p.role not in _AHEAD_ROLES or d.role not in _RESULT_ROLES or d.is_target:
        return False
    if p.unit in MEASURE_UNITS or p.unit != d.unit or not p.unit or p.value < 10:
        return False
    if plan.name != done.name or plan.group[:2] != done.group[:2] or plan.figure != done.figure:
        return False
    if (p.value, p.sign, p.end, p.period, p.subject) != (
        d.value,
        d.sign,
        d.end,
        d.period,
        d.subject,
    ):
        return False
    return p.year is None or d.year is None or p.year == d.year


def reviewed_meta(report: Report, *, ahead: bool = False) -> ReportMeta:
    """The report's metadata with the year a figure's distance is measured from.

    For a result, the year whose results the report gives last: a report given in the last
    two months of a year (1981.txt and 1982.txt, 30 November) gives that year's results as
    estimated (今年…预计) and is the report on that year; one given earlier, even late in the
    year (1980.txt, 30 August: 1979 and half of 1980), is the report on the year before, as
    its session date says. For a figure that looks ahead (``ahead``: a target, a plan, a
    forecast), the year before the one the report plans for: 1980.txt plans 1981 and
    1981.txt plans 1982, so their targets for those years meet (５．５％ and ４％).
    """
    parts = report_parts(report)
    if not (parts.year_end or (ahead and parts.late)):
        return report.meta
    if parts.reviewed_year in (None, report.meta.year):
        return report.meta
    return replace(report.meta, year=parts.reviewed_year)
