"""A forecast of a report's coming year is what its plan is expected to bring.

What a plan is expected to bring in its coming year (社队和农民的收入估计将增加一百三十亿元
among 1979.txt's tasks for 1979) looks ahead as the plan's own figures do (1980.txt's
农村社队和农民收入将增加近１００亿元 among its indicators for 1981): one report's and the
next's view of their coming years, so the forecast meets plans and targets as a plan.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reportdiff.core.comparison import Quantity

if TYPE_CHECKING:
    from reportdiff.core.analysis.facts import Fact


def as_planned(fact: Fact) -> Quantity:
    """The fact's figure, with a forecast of a year after its report's read as a plan.

    Left as it is: a forecast of the year under review (预计全年…, the year's result as
    first estimated) or of no stated year, and the start of a rise (由今年预计的３％提高到
    ４％), which is where the plan starts from. A look-ahead figure's report year is the
    year before the one its report plans (:func:`restated.reviewed_meta`).
    """
    q = fact.rep
    if q.role != "forecast" or q.end == "from" or q.year is None or fact.reviewed is None:
        return q
    return replace(q, role="plan") if q.year > fact.reviewed else q
