"""An estimated base (比1980年预计增长5.5%): the base of the change is estimated, the figure
is not.

A plan given before its base year has ended compares the coming year with that year's
estimate: 1981年国民经济计划…工农业总产值，比1980年预计增长5.5% sets 1981's growth over
1980's estimated output. 预计 there belongs to the base (比1980年预计, 比上年预计数), so the
figure keeps the role its part gives it (a plan's target), not a forecast's. Read by
:mod:`reportdiff.core.analysis.scope`.
"""

from __future__ import annotations

import re

__all__ = ["estimate_said"]

_ESTIMATE_RE = re.compile(r"预计|预测|估计")
_BASE_ESTIMATE_RE = re.compile(
    r"(?:比|较)(?:\d{4}年|上年|去年|今年|本年|上一年)(?:的)?(?:预计|估计)(?:数|水平)?"
)


def estimate_said(clause: str) -> bool:
    """Whether ``clause`` (folded, years in digits) says its figure is estimated: 预计, 预测 or
    估计 in it, other than an estimated base (比1980年预计, 比上年的预计数)."""
    return _ESTIMATE_RE.search(_BASE_ESTIMATE_RE.sub("", clause)) is not None
