"""Show apart two paragraphs (or an untitled passage and a section) the aligner paired on
bodies that share no topic.

The aligner marks a row of two paragraphs, or of an untitled passage (各位代表！…) and a
section, that share no topic of their own (``AlignedRow.topical``,
:mod:`reportdiff.core.analysis.alignevidence`). Once the numbers are paired, each such row
becomes two rows of one node each, unless a number pair joins the two (the same measure in
both is a topic they share: 1956's 粮食总产量达到３，６８０亿斤 and 1957's 粮食…的产量为
三千六百五十亿斤, in paragraphs about each year's harvest). Parting the rows after the number pairs keeps those exactly as they were.

Each paragraph goes back to its own report's place: the paragraph of the first report
stays where the row stood, the other goes into the row of the section that holds it (a
moved pair across sections stood under the first report's section), before the first row
there whose paragraph or section of that report comes after it. A parted section's rows
go with the node of theirs that is first in report order (:func:`_owner`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportdiff.core.comparison import AlignedRow, NodeRef, NumberPair

__all__ = ["part_untopical"]


def _joined(row: AlignedRow, numbers: Sequence[NumberPair]) -> bool:
    """Whether a number pair has a value inside each of the row's nodes."""
    present = [(i, n) for i, n in enumerate(row.nodes) if n is not None]
    for pair in numbers:
        inside = 0
        for i, node in present:
            q = pair.values[i] if i < len(pair.values) else None
            if q is not None and node.span.start <= q.span.start and q.span.end <= node.span.end:
                inside += 1
        if inside >= 2:
            return True
    return False


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


def _owner(child: AlignedRow, order: Sequence[int]) -> int:
    """Which of a parted row's reports (``order``: the first report's index first) a child
    row goes with: the first of them it has a node of; the first report's when it has none.
    A child pairing the first report with another (a moved pair) stays with the first; in a
    comparison of three reports, one pairing the second report with the third goes with the
    second report's node."""
    return next((i for i in order if child.nodes[i] is not None), order[0])


def part_untopical(
    rows: tuple[AlignedRow, ...], numbers: Sequence[NumberPair]
) -> tuple[AlignedRow, ...]:
    """``rows`` with each row not ``topical`` and joined by no number pair parted in two.

    A parted section row keeps its rows of the first report (and those pairing it with
    another report's paragraph, moved pairs) under the first report's section; its other
    rows (of the other report alone, or pairing it with a third report) go with that
    report's section to its own place (:func:`_owner`). Every node stays in exactly one
    row."""
    parted: dict[int, tuple[AlignedRow, list[int]]] = {}
    moves: list[tuple[AlignedRow | None, AlignedRow, int]] = []

    def find(level: Sequence[AlignedRow]) -> None:
        for row in level:
            if not row.topical and not _joined(row, numbers):
                present = [(i, n) for i, n in enumerate(row.nodes) if n is not None]
                (i0, _), *others = present
                parted[id(row)] = (row, [i0, *(i for i, _ in others)])
                moves.extend((_home(rows, i, node), row, i) for i, node in others)
            find(row.children)

    find(rows)
    if not parted:
        return rows
    # A node goes into its home row, or into the home row's part of its report when that
    # row is parted too.
    homes: dict[tuple[int, int] | None, list[tuple[AlignedRow, int]]] = {}
    for home, row, i in moves:
        key = None if home is None else (id(home), i if id(home) in parted else -1)
        homes.setdefault(key, []).append((row, i))

    def alone(row: AlignedRow, i: int) -> AlignedRow:
        node = row.nodes[i]
        assert node is not None
        kids = [c for c in row.children if _owner(c, parted[id(row)][1]) == i]
        return replace(_alone(row, i, node), children=rebuild(kids, (id(row), i)))

    def rebuild(level: Sequence[AlignedRow], key: tuple[int, int] | None) -> tuple[AlignedRow, ...]:
        out = []
        for row in level:
            got = parted.get(id(row))
            if got is None:
                out.append(replace(row, children=rebuild(row.children, (id(row), -1))))
                continue
            out.append(alone(row, got[1][0]))
        for row, i in homes.get(key, []):
            _insert(out, alone(row, i), i)
        return tuple(out)

    return rebuild(rows, None)
