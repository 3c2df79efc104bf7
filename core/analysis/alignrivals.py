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

An untitled passage (各位代表！…) has only its body to be known by, and so have two
sections moved out of order on unlike headings: such a row stands only when the two bodies
single each other out, by LEAD_MARGIN over every free rival (:func:`body_rivals`).
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


def body_rivals(trees: list[_Tree], cache: dict[tuple[int, int], Score]) -> None:
    """Part a section row that rests on bodies alone when the bodies do not single the two
    sides out.

    An untitled passage (各位代表！…: a transition, a closing, a turn to a new topic) is
    named by nothing but its body; the reports' common matter makes it about as like several
    sections, so order or the last free place often chose its partner: 1981's 各位代表：我国
    是一个统一的多民族的国家。以上… met 1982's 各位代表！第六个五年计划是整个国民经济…
    (0.19) while 全面实现六五计划的主要措施, alone, is more like it (0.32); 1978's
    国际形势和我国对外政策 met 1975's opening 各位代表！根据中共中央的决定… (0.36) and is as
    like another passage of 1975. Two titled sections paired out of order (moved) on unlike
    headings (< :data:`UNLIKE_HEADINGS`) rest on their bodies as well: shanghai-2023's
    进一步增强城市安全韧性,提高城市治理现代化水平 met huangpu-2023's 以民为本,回应群众美好
    期待 (0.25, headings 0.10) while shanghai's 进一步推进民心工程办好民生实事…, alone, is
    as like it (0.23).

    Such a row keeps an untitled passage, or the two moved sections, only beside a unit it
    is clearly paired with (:func:`_clear`); else the passage or section stands alone, its
    children unpaired (later passes may pair them: moves across sections, stray leads).
    """
    secs: dict[int, list[tuple[Unit, _Tree]]] = {}

    def collect(nodes: list[_Tree]) -> None:
        for t in nodes:
            for u in t.row.units.values():
                if u.ref.kind == "section":
                    secs.setdefault(u.report, []).append((u, t))
            collect(t.children)

    collect(trees)
    _part_unclear(trees, secs, cache)


def _part_unclear(
    trees: list[_Tree],
    secs: dict[int, list[tuple[Unit, _Tree]]],
    cache: dict[tuple[int, int], Score],
) -> None:
    out: list[_Tree] = []
    for t in trees:
        _part_unclear(t.children, secs, cache)
        out.append(t)
        units = t.row.units
        if len(units) < 2 or any(u.ref.kind != "section" for u in units.values()):
            continue
        moved = (
            len(units) == 2 and t.row.moved and _row_scores(t.row, cache).heading < UNLIKE_HEADINGS
        )
        for r, u in sorted(units.items()):
            if (u.head_key and not moved) or len(t.row.units) < 2:
                continue
            if any(_clear(u, v, secs, cache) for v in t.row.units.values() if v is not u):
                continue
            lone = _project(t, r)
            assert lone is not None
            _drop(t, r)
            out.append(lone)
    trees[:] = out


def _clear(
    u: Unit, v: Unit, secs: dict[int, list[tuple[Unit, _Tree]]], cache: dict[tuple[int, int], Score]
) -> bool:
    """Whether ``u`` and ``v`` are each other's counterpart by :data:`LEAD_MARGIN` over
    every other section of the other's report, at any depth, that is not paired better
    where it stands (a section with its own counterpart is no rival, as in
    :func:`_contested`). Between two titled sections an untitled passage is no rival: it
    is itself known only by its body (1981's 当前的经济形势 and 1982's
    六五计划前两年的执行情况, 0.27, are each about as like an untitled passage of the other's
    review part, 0.24)."""
    pair = _cached(cache, u, v).score - LEAD_MARGIN + 1e-9
    titled = bool(u.head_key and v.head_key)
    for x, y in ((u, v), (v, u)):
        for o, home in secs.get(y.report, ()):
            if o is y or (titled and not o.head_key):
                continue
            sc = _cached(cache, x, o).score
            if sc > pair and not (
                len(home.row.units) > 1 and _row_scores(home.row, cache).score >= sc
            ):
                return False
    return True


def _drop(t: _Tree, r: int) -> None:
    """Remove report ``r``'s units from a tree; rows left empty go."""
    t.row.units.pop(r, None)
    if len(t.row.units) < 2:
        t.row.moved = False
    for c in t.children:
        _drop(c, r)
    t.children = [c for c in t.children if c.row.units]
