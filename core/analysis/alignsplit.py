"""Show apart the nodes the aligner paired on bodies that share no topic.

The aligner marks the nodes of a row (two paragraphs, or an untitled passage 各位代表！… and a
section) that share no topic of their own with any other node of it (``AlignedRow.strays``,
:mod:`reportdiff.core.analysis.alignevidence`). Once the numbers are paired, each such node
is parted from its row, unless a number pair joins it to another node there (the same
measure in both is a topic they share: 1956's 粮食总产量达到３，６８０亿斤 and 1957's 粮食…的
产量为三千六百五十亿斤, in paragraphs about each year's harvest). A row of two becomes two
rows of one node; in a row of three reports, a stray leaves the other two together.
Parting the rows after the number pairs keeps those exactly as they were.

Each node goes back to its own report's place: the staying nodes (the first report's, when
all are strays) stay where the row stood, a stray goes into the row of the section that
holds it (a moved pair across sections stood under the first report's section), before the
first row there whose paragraph or section of that report comes after it. A parted
section's rows go with the first group of nodes they have a node of (:func:`_owner`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportdiff.core.comparison import AlignedRow, NodeRef, NumberPair

__all__ = ["part_untopical"]


def _inside(node: NodeRef, pair: NumberPair, i: int) -> bool:
    q = pair.values[i] if i < len(pair.values) else None
    return q is not None and node.span.start <= q.span.start and q.span.end <= node.span.end


def _joined(row: AlignedRow, k: int, numbers: Sequence[NumberPair]) -> bool:
    """Whether a number pair has a value inside the row's report-``k`` node and inside
    another of its nodes."""
    mine = row.nodes[k]
    assert mine is not None
    others = [(i, n) for i, n in enumerate(row.nodes) if n is not None and i != k]
    return any(
        _inside(mine, pair, k) and any(_inside(n, pair, i) for i, n in others) for pair in numbers
    )


def _groups(row: AlignedRow, numbers: Sequence[NumberPair]) -> list[list[int]]:
    """How a row parts: the reports whose nodes stay together in the row's place first, then
    one group per stray that goes to its own place; one group when nothing parts.

    A stray a number pair joins to another node stays (and so does that node); when every
    node is a stray, the first report's stays in the row's place."""
    present = [i for i, n in enumerate(row.nodes) if n is not None]
    going = [k for k in row.strays if not _joined(row, k, numbers)]
    staying = [i for i in present if i not in going]
    if not staying:
        staying, going = going[:1], going[1:]
    return [staying, *([k] for k in going)]


def _piece(row: AlignedRow, group: Sequence[int], whole: bool) -> AlignedRow:
    """The row with only the nodes of ``group``. ``whole``: all the row's strays part, so
    the others' own figures (``kept_scores``) are the row's; when a number pair holds some
    strays back, the row keeps its figures of all its nodes."""
    if len(group) == 1:
        node = row.nodes[group[0]]
        assert node is not None
        return _alone(row, group[0], node)
    nodes = tuple(n if k in group else None for k, n in enumerate(row.nodes))
    score = (row.score, row.heading_score, row.body_score)
    if whole and row.kept_scores is not None:
        score = row.kept_scores
    return replace(
        row,
        nodes=nodes,
        score=score[0],
        heading_score=score[1],
        body_score=score[2],
        changes=tuple(c for c in row.changes if c.base in group and c.other in group),
        strays=(),
        kept_scores=None,
    )


def _alone(row: AlignedRow, i: int, node: NodeRef) -> AlignedRow:
    nodes = tuple(node if k == i else None for k in range(len(row.nodes)))
    return AlignedRow(kind=row.kind, nodes=nodes, score=1.0, heading_score=1.0, body_score=1.0)


def _home(rows: Sequence[AlignedRow], i: int, node: NodeRef) -> AlignedRow | None:
    """The row whose report-``i`` node is the narrowest section holding ``node`` (a part
    whose sections are rows of their own beside it holds their paragraphs too)."""
    best: AlignedRow | None = None
    stack = list(rows)
    while stack:
        row = stack.pop()
        stack.extend(row.children)
        sec = row.nodes[i]
        if (
            sec is not None
            and sec.kind == "section"
            and sec.span.start <= node.span.start
            and node.span.end <= sec.span.end
            and sec != node
            and (best is None or _width(sec) < _width(best.nodes[i]))  # type: ignore[arg-type]
        ):
            best = row
    return best


def _width(node: NodeRef) -> int:
    return node.span.end - node.span.start


def _insert(rows: list[AlignedRow], moved: AlignedRow, i: int) -> None:
    start = moved.nodes[i].span.start  # type: ignore[union-attr]
    for k, row in enumerate(rows):
        node = row.nodes[i]
        if node is not None and node.span.start > start:
            rows.insert(k, moved)
            return
    rows.append(moved)


def _owner(child: AlignedRow, groups: Sequence[Sequence[int]]) -> int:
    """Which group of a parted row (:func:`_groups`) a child row goes with: the first that
    has one of its nodes' reports; the first group when none does. A child pairing a
    staying report with another (a moved pair) stays; in a comparison of three reports, one
    pairing a stray report with the third goes with the stray's node."""
    return next(
        (g for g, group in enumerate(groups) if any(child.nodes[i] is not None for i in group)),
        0,
    )


def part_untopical(
    rows: tuple[AlignedRow, ...], numbers: Sequence[NumberPair]
) -> tuple[AlignedRow, ...]:
    """``rows`` with each stray node (``AlignedRow.strays``) joined by no number pair parted
    from its row: a row of two becomes two rows of one node; in a row of three reports, a
    stray leaves the other two together (their own scores then, ``kept_scores``).

    A parted section row keeps its rows of the staying reports (and those pairing them with
    another report's paragraph, moved pairs) under the staying section; its other rows (of
    a stray report alone, or pairing it with a third report) go with that report's section
    to its own place (:func:`_owner`). Every node stays in exactly one row."""
    parted: dict[int, tuple[AlignedRow, list[list[int]]]] = {}
    moves: list[tuple[AlignedRow | None, AlignedRow, int]] = []

    def find(level: Sequence[AlignedRow]) -> None:
        for row in level:
            groups = _groups(row, numbers) if row.strays else []
            if len(groups) > 1:
                parted[id(row)] = (row, groups)
                for (i,) in groups[1:]:
                    node = row.nodes[i]
                    assert node is not None
                    moves.append((_home(rows, i, node), row, i))
            find(row.children)

    find(rows)
    if not parted:
        return rows
    # A node goes into its home row, or into the home row's group holding its report when
    # that row is parted too.
    homes: dict[tuple[int, int] | None, list[tuple[AlignedRow, int]]] = {}
    for home, row, i in moves:
        key = None if home is None else (id(home), _group_of(parted, home, i))
        homes.setdefault(key, []).append((row, i))

    def piece(row: AlignedRow, g: int) -> AlignedRow:
        groups = parted[id(row)][1]
        kids = [c for c in row.children if _owner(c, groups) == g]
        whole = sorted(k for grp in groups[1:] for k in grp) == sorted(row.strays)
        made = _piece(row, groups[g], whole and g == 0)
        return replace(made, children=rebuild(kids, (id(row), g)))

    def rebuild(level: Sequence[AlignedRow], key: tuple[int, int] | None) -> tuple[AlignedRow, ...]:
        out = []
        for row in level:
            if id(row) in parted:
                out.append(piece(row, 0))
            else:
                out.append(replace(row, children=rebuild(row.children, (id(row), -1))))
        for row, i in homes.get(key, []):
            g = _group_of(parted, row, i)
            _insert(out, piece(row, g), i)
        return tuple(out)

    return rebuild(rows, None)


def _group_of(
    parted: dict[int, tuple[AlignedRow, list[list[int]]]], row: AlignedRow, i: int
) -> int:
    """The group of a parted ``row`` holding report ``i``; -1 for a row not parted."""
    got = parted.get(id(row))
    if got is None:
        return -1
    return next(g for g, group in enumerate(got[1]) if i in group)
