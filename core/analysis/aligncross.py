"""A pass over matched rows: a section pair and a pair of their lead paragraphs that cross.

Two reports may give one topic a section in one and a lead paragraph in the other, and
another topic the other way round. 1987's part 坚持长期稳定发展经济的方针 holds the lead
paragraph 必须把加强农业放在发展国民经济的重要战略地位; 1988's section 大力发展农业生产和加强
基础工业、基础设施的建设… holds 为了保持国民经济持续增长，必须长期实行稳定发展经济的方针.
Order pairs the two sections and, inside them, the two paragraphs; each section says what
the other report's paragraph says. Then each meets the paragraph it names.
"""

from __future__ import annotations

from reportdiff.core.analysis.alignrefine import LEAD_MARGIN, _project
from reportdiff.core.analysis.alignrows import STRONG, _Row, _row_scores, _Tree
from reportdiff.core.analysis.similarity import Score, Unit, lead_score


def _cross(t: _Tree, cache: dict[tuple[int, int], Score]) -> tuple[_Tree, Score, Score] | None:
    """The child row of ``t`` whose paragraphs cross with ``t``'s sections, with the two
    crossed scores (section of the first report ↔ paragraph of the second, and back)."""
    units = t.row.units
    if len(units) != 2 or any(u.ref.kind != "section" for u in units.values()):
        return None
    i, j = sorted(units)
    pair = _row_scores(t.row, cache).score
    best: tuple[float, _Tree, Score, Score] | None = None
    for c in t.children:
        cu = c.row.units
        if sorted(cu) != [i, j] or any(u.ref.kind != "paragraph" for u in cu.values()):
            continue
        x = lead_score(units[i], cu[j])
        y = lead_score(units[j], cu[i])
        floor = max(pair, _row_scores(c.row, cache).score) + LEAD_MARGIN
        low = min(x.score, y.score)
        if low >= STRONG and low >= floor and (best is None or low > best[0]):
            best = (low, c, x, y)
    return None if best is None else best[1:]


def _key(a: Unit, b: Unit) -> tuple[int, int]:
    return (a.uid, b.uid) if a.uid < b.uid else (b.uid, a.uid)


def uncross(trees: list[_Tree], cache: dict[tuple[int, int], Score]) -> None:
    """Where a section pair and a pair of their lead paragraphs cross (each section is more
    like the other report's paragraph, :func:`lead_score`, at least :data:`STRONG` and by
    :data:`LEAD_MARGIN` over both pairs), the first report's section meets the second's
    paragraph and the second report's section meets the first's paragraph in a row of its
    own just after it; each section takes its own children, unpaired."""
    out: list[_Tree] = []
    for t in trees:
        uncross(t.children, cache)
        found = _cross(t, cache)
        if found is None:
            out.append(t)
            continue
        c, x, y = found
        i, j = sorted(t.row.units)
        sec_i, sec_j = t.row.units[i], t.row.units[j]
        para_i, para_j = c.row.units[i], c.row.units[j]
        t.children.remove(c)
        # Each section keeps its own rows; a row that paired the two sections' children
        # comes apart, for those sections no longer meet (a child of one beside a child of
        # a section the row no longer shows is no pair a reader can follow).
        mine = [p for k in t.children if (p := _project(k, i)) is not None]
        theirs = [p for k in t.children if (p := _project(k, j)) is not None]
        t.children = mine
        t.row.units[j] = para_j
        cache[_key(sec_i, para_j)] = x
        cache[_key(sec_j, para_i)] = y
        out.extend([t, _Tree(_Row({i: para_i, j: sec_j}, moved=True), theirs)])
    trees[:] = out
