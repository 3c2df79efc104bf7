"""A pass over matched rows: a pair of sections that rests on body words another section shares
as well is no pair.

Two sections whose headings say different things are counterparts by their bodies alone.
When a section of one report is about as like several sections of the other report as it
is like its partner, the body words they share are the matter of all of them, not one
topic: 1990 puts every domestic task in one part, 二、一九九○年的国内工作, and its body holds
the words of each of 1989's six task parts (0.26–0.33 with each); order gave it 1989's
五、在治理整顿中确保科技和教育的发展, one task of ten. A wrong pair is worse than none: both
stand alone, their children unpaired.

A weak pair (under STRONG, made by order in a gap) is one-to-one only with a margin: when a
section of the other report that is not paired better, and likes no section of this report
more, is as like one side in score and in heading (within LEAD_MARGIN), nothing tells the
two apart. pudong-2023's 聚力稳增长强功能 met huangpu-2023's 改革创新,发展动能有效增强 (0.25)
while 改革开放持续攻坚突破 is as like it (0.22, heading 0.25 against 0.26).
"""

from __future__ import annotations

from reportdiff.core.analysis.alignrefine import COVERS, LEAD_MARGIN, UNLIKE_HEADINGS, _project
from reportdiff.core.analysis.alignrows import STRONG, _cached, _row_scores, _Tree
from reportdiff.core.analysis.similarity import Score, Unit


def _alike(
    unit: Unit, partner: Unit, trees: list[_Tree], cache: dict[tuple[int, int], Score], floor: float
) -> int:
    """How many sections of ``partner``'s report at this level, ``partner`` included, are
    at least ``floor`` like ``unit``."""
    n = 0
    for t in trees:
        other = t.row.units.get(partner.report)
        if other is not None and other.ref.kind == "section":
            n += other is partner or _cached(cache, unit, other).score >= floor
    return n


def _contested(
    unit: Unit, partner: Unit, trees: list[_Tree], cache: dict[tuple[int, int], Score], pair: Score
) -> bool:
    """Whether another section of ``partner``'s report at this level is as good a partner
    for ``unit``: within :data:`LEAD_MARGIN` of the pair both in score and in heading
    likeness, liking no section of ``unit``'s report better, and not paired better where
    it stands."""
    for t in trees:
        other = t.row.units.get(partner.report)
        if other is None or other is partner or other.ref.kind != "section":
            continue
        rival = _cached(cache, unit, other)
        sc = rival.score
        if sc < pair.score - LEAD_MARGIN or rival.heading < pair.heading - LEAD_MARGIN:
            continue
        if len(t.row.units) > 1 and _row_scores(t.row, cache).score >= sc:
            continue
        if all(
            _cached(cache, mine, other).score <= sc
            for tt in trees
            if (mine := tt.row.units.get(unit.report)) is not None and mine.ref.kind == "section"
        ):
            return True
    return False


def _ambiguous(t: _Tree, trees: list[_Tree], cache: dict[tuple[int, int], Score]) -> bool:
    units = t.row.units
    if len(units) != 2 or t.row.moved or any(u.ref.kind != "section" for u in units.values()):
        return False
    pair = _row_scores(t.row, cache)
    if pair.heading >= UNLIKE_HEADINGS:
        return False
    a, b = (units[r] for r in sorted(units))
    if pair.score < STRONG:
        # A weak pair (order made it in a gap, on unlike headings) is one-to-one only with
        # a margin: a rival as like either side, by heading too, leaves it to chance.
        return _contested(a, b, trees, cache, pair) or _contested(b, a, trees, cache, pair)
    floor = max(pair.score - LEAD_MARGIN, STRONG)
    return max(_alike(a, b, trees, cache, floor), _alike(b, a, trees, cache, floor)) >= COVERS


def part_rivals(trees: list[_Tree], cache: dict[tuple[int, int], Score]) -> None:
    """Part the two sections of a row whose headings are unlike (< :data:`UNLIKE_HEADINGS`)
    when either is as like :data:`COVERS` or more sections of the other report at the same
    level, its partner included: at least :data:`STRONG` and within :data:`LEAD_MARGIN` of
    the pair's score (it is about all of them, as a section that covers a part is; weaker
    likenesses are the reports' common words). A pair under :data:`STRONG` with unlike
    headings is parted when one rival is as good (:func:`_contested`). Each keeps its own
    children, unpaired."""
    out: list[_Tree] = []
    for t in trees:
        part_rivals(t.children, cache)
        if not _ambiguous(t, trees, cache):
            out.append(t)
            continue
        out.extend(p for r in sorted(t.row.units) if (p := _project(t, r)) is not None)
    trees[:] = out
