"""Show apart two paragraphs the aligner paired on bodies that share no topic.

The aligner marks a row of two paragraphs that share no topic of their own
(``AlignedRow.topical``, :mod:`reportdiff.core.analysis.alignevidence`). Once the numbers are
paired, each such row becomes two rows of one node each, unless a number pair joins
the two paragraphs (the same measure in both is a topic they share: 1956's 粮食总产量达到
３，６８０亿斤 and 1957's 粮食…的产量为三千六百五十亿斤, in paragraphs about each year's
harvest). Parting the rows after the number pairs keeps those exactly as they were.

Each paragraph goes back to its own report's place: the paragraph of the first report
stays where the row stood, the other goes into the row of the section that holds it (a
moved pair across sections stood under the first report's section), before the first row
there whose paragraph or section of that report comes after it.
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


def part_untopical(
    rows: tuple[AlignedRow, ...], numbers: Sequence[NumberPair]
) -> tuple[AlignedRow, ...]:
    """``rows`` with each row not ``topical`` and joined by no number pair parted in two.

    A parted section row keeps its rows of the first report (and those pairing it with
    another report's paragraph, moved pairs) under the first report's section; its rows of
    the other report alone go with that report's section to its own place."""
    parted: dict[int, tuple[AlignedRow, int]] = {}
    moves: list[tuple[AlignedRow | None, AlignedRow, int]] = []

    def find(level: Sequence[AlignedRow]) -> None:
        for row in level:
            if not row.topical and not _joined(row, numbers):
                present = [(i, n) for i, n in enumerate(row.nodes) if n is not None]
                (i0, _), *others = present
                parted[id(row)] = (row, i0)
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

    def alone(row: AlignedRow, i: int, children: Sequence[AlignedRow]) -> AlignedRow:
        node = row.nodes[i]
        assert node is not None
        return replace(_alone(row, i, node), children=rebuild(children, (id(row), i)))

    def rebuild(level: Sequence[AlignedRow], key: tuple[int, int] | None) -> tuple[AlignedRow, ...]:
        out = []
        for row in level:
            got = parted.get(id(row))
            if got is None:
                out.append(replace(row, children=rebuild(row.children, (id(row), -1))))
                continue
            i0 = got[1]
            out.append(alone(row, i0, [c for c in row.children if c.nodes[i0] is not None]))
        for row, i in homes.get(key, []):
            kids = [c for c in row.children if sum(n is not None for n in c.nodes) == 1]
            _insert(out, alone(row, i, [c for c in kids if c.nodes[i] is not None]), i)
        return tuple(out)

    return rebuild(rows, None)
