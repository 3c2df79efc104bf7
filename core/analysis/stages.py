"""The stage of work a figure counts: started (开工, 签约), finished (竣工), supplied …"""

from __future__ import annotations

from reportdiff.core.analysis.namerules import actions_of
from reportdiff.core.comparison import Quantity

__all__ = ["START_STAGES", "acts_of", "stages_differ"]

START_STAGES = frozenset({"新开工", "开工", "签约"})
"""Actions that begin a piece of work: a figure of them counts what was begun, not what was
done. Not 启动 (88个城市启动…试点 counts the pilot cities, as 试点城市317个 does)."""

_CLAUSE_ENDS = frozenset(",，、;；。:：!！?？\n")


def acts_of(text: str, q: Quantity, name: str) -> frozenset[str]:
    """The actions of the figure ``q`` named ``name``: those in its name, else the one
    said right before it, the verb that takes it (建设筹措8.1万套(间)保障性租赁住房: 筹措,
    though the name is 保障性租赁住房; not 启动实施旧住房成套改造1105户's, said of the name)."""
    found = actions_of(name)
    if found:
        return found
    lo = q.span.start
    while lo > 0 and text[lo - 1] not in _CLAUSE_ENDS and q.span.start - lo < 4:
        lo -= 1
    return frozenset(
        a for a in actions_of(text[lo : q.span.start]) if text.endswith(a, lo, q.span.start)
    )


def stages_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two figures' actions say they count different stages of the work.

    In every report: two figures that each say an action pair only if they share one
    (保障性租赁住房筹措 is not 供应保障性租赁住房, 新开工 not 竣工); a figure of work begun
    (新开工300台, 签约) does not meet one that says no action (完成…加装电梯3000台 counts
    what was done, not what was begun).
    """
    if a and b:
        return not a & b
    return bool((a | b) & START_STAGES)
