"""A section meets a whole part of numbered points when it covers the points.

A part may hold numbered points (第一，深化政府机构改革。… core/text/points.py) and untitled
passages (各位代表！…) that close the report on other topics: 2005's
六、加强行政能力建设和政风建设 holds six points on the government's conduct, then defence and
Taiwan. Its points and passages are units of the part's level, as a part of sections' are,
so that one report's parts can meet another's points (1989's seven task parts are 1990's
points 第一 … 第十 of 一九九○年的国内工作). Yet 2004 treats the government's conduct in one
part, 加强政府自身建设, of lead paragraphs; it meets one point, and the part, standing for
its opening paragraph, nothing.

A part left alone whose points (at least :data:`COVERS`) each have one row of other
reports' sections as their best (by the mean score with its sections) and score at least
:data:`STRONG` with a section of it has that row as its counterpart: the sections' topics
are the points together. The row, holding nothing else of the part's report but one of
those points, then meets the part taken with its points, not its passages (mean
:func:`whole_score` at least :data:`ACCEPT`); the points leave their rows and are aligned
inside the new row, where each meets the row of lead paragraphs of the other reports that
says its topic (mean :func:`lead_score` at least :data:`LEAD_ACCEPT`, each the other's
best, in order; the government's own conduct and tasks count as one role there, a review
never does). A part whose points each find their own section (1990's) is left as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportdiff.core.analysis.alignleads import LEAD_ACCEPT, _lone
from reportdiff.core.analysis.alignrefine import COVERS, Realign, _units_of
from reportdiff.core.analysis.alignrows import ACCEPT, STRONG, _cached, _ordered_matches, _Tree
from reportdiff.core.analysis.similarity import ReportTokens, Score, Unit, lead_score, whole_score
from reportdiff.core.analysis.unittree import child_units
from reportdiff.core.model import Report

__all__ = ["sections_meet_points"]


def _key(a: Unit, b: Unit) -> tuple[int, int]:
    return (a.uid, b.uid) if a.uid < b.uid else (b.uid, a.uid)


def _is_point_of(u: Unit, part: Unit) -> bool:
    return (
        u.report == part.report
        and u.section is not None
        and u.section.kind == "subsection"
        and u.ref.path[:-1] == part.ref.path
    )


def _covering(
    trees: list[_Tree], part: Unit, points: list[Unit], cache: dict[tuple[int, int], Score]
) -> tuple[float, _Tree, list[Unit]] | None:
    """The row of other reports' sections that covers the part's points, with those
    sections and their mean :func:`whole_score` with the part taken with its points; None
    if no row does. A row's score with a point is the mean of its sections' scores."""
    assert part.gathered is not None
    rows: list[tuple[_Tree, list[Unit]]] = []
    for t in trees:
        others = [u for u in t.row.units.values() if u.report != part.report]
        if others and all(u.ref.kind == "section" for u in others):
            rows.append((t, others))
    if not rows:
        return None
    tally: Counter[int] = Counter()
    for q in points:
        line = [[_cached(cache, x, q).score for x in xs] for _, xs in rows]
        scores = [sum(xs) / len(xs) for xs in line]
        k = scores.index(max(scores))
        if max(line[k]) >= STRONG:
            tally[k] += 1
    best: tuple[float, _Tree, list[Unit]] | None = None
    for k, n in tally.items():
        t, xs = rows[k]
        # the row holds no unit of the part's report but one of its points
        if n < COVERS or any(
            u.report == part.report and not _is_point_of(u, part) for u in t.row.units.values()
        ):
            continue
        sc = sum(whole_score(x, part.gathered).score for x in xs) / len(xs)
        if sc >= ACCEPT and (best is None or sc > best[0]):
            best = (sc, t, xs)
    return best


def _strip(nodes: list[_Tree], points: list[Unit]) -> list[_Tree]:
    """The rows without the points and their paragraphs (rows left empty dropped)."""
    r = points[0].report
    paths = [q.ref.path for q in points]
    out = []
    for t in nodes:
        u = t.row.units.get(r)
        if u is not None and any(u.ref.path[: len(p)] == p for p in paths):
            del t.row.units[r]
        t.children = _strip(t.children, points)
        if t.row.units:
            out.append(t)
    return out


def sections_meet_points(
    trees: list[_Tree],
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    cache: dict[tuple[int, int], Score],
    realign: Realign,
) -> None:
    """Pair a section with a lone part of numbered points it covers (see the module's
    account). Rows are changed in place."""
    for pt in list(trees):
        part = _lone(pt)
        if part is None or part.gathered is None or pt not in trees:
            continue
        points = [u for t in trees for u in t.row.units.values() if _is_point_of(u, part)]
        if len(points) < COVERS:
            continue
        found = _covering(trees, part, points, cache)
        if found is None:
            continue
        _, xt, xs = found
        whole = part.gathered
        lo, hi = sorted((trees.index(xt), trees.index(pt)))
        moved = any(x.report in t.row.units for t in trees[lo + 1 : hi] for x in xs)
        trees.remove(xt)
        trees[:] = [s for t in trees for s in ([t] if t is pt else _strip([t], points))]
        pt.row.units = {u.report: u for u in sorted([whole, *xs], key=lambda u: u.report)}
        pt.row.moved = moved
        for x in xs:
            cache[_key(x, whole)] = whole_score(x, whole)
        pt.children = _joined(trees, [whole, *xs], reports, tokens, realign)
        _points_meet_leads(pt.children, whole, cache)


def _joined(
    trees: list[_Tree],
    units: list[Unit],
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    realign: Realign,
) -> list[_Tree]:
    """The children of a new row of ``units``, aligned as any row's are; paragraphs that
    met a counterpart elsewhere already stay there (as :func:`_joined_children`)."""
    lists: list[list[Unit]] = []
    for u in sorted(units, key=lambda u: u.report):
        placed = {p.ref.path for p in _units_of(trees, u.report) if p.ref.kind == "paragraph"}
        lists.append([c for c in child_units(u, reports, tokens) if c.ref.path not in placed])
    return realign([c for c in lists if c])


def _points_meet_leads(rows: list[_Tree], part: Unit, cache: dict[tuple[int, int], Score]) -> None:
    """Inside a row pairing a part of points with sections: each lone point meets the row
    of lead paragraphs (of the other reports only) that says its topic, by the mean
    :func:`lead_score` of its paragraphs."""
    points = [(t, u) for t in rows if (u := _lone(t)) is not None and _is_point_of(u, part)]
    leads = [
        (t, list(t.row.units.values()))
        for t in rows
        if t.row.units
        and part.report not in t.row.units
        and all(u.ref.kind == "paragraph" and u.ref.label for u in t.row.units.values())
    ]
    if not points or not leads:
        return
    m = [
        [sum(lead_score(q, p, across=True).score for p in ps) / len(ps) for _, ps in leads]
        for _, q in points
    ]
    best_row = [max(line) for line in m]
    best_col = [max(m[a][b] for a in range(len(points))) for b in range(len(leads))]
    met = False
    for a, b in _ordered_matches(m, LEAD_ACCEPT):
        if m[a][b] < best_row[a] or m[a][b] < best_col[b]:
            continue
        (qt, q), (lt, ps) = points[a], leads[b]
        lo, hi = sorted((rows.index(qt), rows.index(lt)))
        qt.row.moved = any(p.report in t.row.units for t in rows[lo + 1 : hi] for p in ps)
        rows.remove(lt)
        for p in ps:
            qt.row.units[p.report] = p
            cache[_key(q, p)] = lead_score(q, p, across=True)
        met = True
    others = {r for t in rows for r in t.row.units} - {part.report}
    order = _reading_order(rows, others.pop(), part.report) if met and len(others) == 1 else None
    if order is not None:
        rows[:] = order
        for t in rows:
            t.row.moved = False


def _reading_order(rows: list[_Tree], i: int, j: int) -> list[_Tree] | None:
    """The rows in both reports' order: each row of report ``i`` alone just before the
    next row pairing ``i`` with ``j``. None when the rows of ``j`` or the pairs are not in
    their reports' order."""
    own = [t.row.units[j].ref.path for t in rows if j in t.row.units]
    if own != sorted(own):
        return None
    seq = sorted((t for t in rows if i in t.row.units), key=lambda t: t.row.units[i].ref.path)
    out: list[_Tree] = []
    k = 0
    for t in rows:
        if j not in t.row.units:
            continue
        if i in t.row.units:
            at = seq.index(t)
            if at < k:
                return None
            out.extend(seq[k:at])
            k = at + 1
        out.append(t)
    out.extend(seq[k:])
    return out if len(out) == len(rows) else None
