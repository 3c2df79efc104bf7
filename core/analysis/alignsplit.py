"""Show apart two paragraphs the aligner paired on bodies that share no topic.

The aligner marks a row of two paragraphs that share no topic of their own
(``AlignedRow.topical``, :mod:`reportdiff.core.analysis.alignevidence`). Once the numbers are
paired, each such row becomes two rows of one paragraph each, unless a number pair joins
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
    """``rows`` with each row not ``topical`` and joined by no number pair parted in two."""
    parted: dict[int, AlignedRow] = {}
    homes: dict[int | None, list[tuple[AlignedRow, int]]] = {}

    def find(level: Sequence[AlignedRow]) -> None:
        for row in level:
            if not row.topical and not _joined(row, numbers):
                present = [(i, n) for i, n in enumerate(row.nodes) if n is not None]
                (i0, first), *others = present
                parted[id(row)] = _alone(row, i0, first)
                for i, node in others:
                    home = _home(rows, i, node)
                    homes.setdefault(None if home is None else id(home), []).append(
                        (_alone(row, i, node), i)
                    )
            find(row.children)

    find(rows)
    if not parted:
        return rows

    def rebuild(level: Sequence[AlignedRow], key: int | None) -> tuple[AlignedRow, ...]:
        out = [
            parted.get(id(row)) or replace(row, children=rebuild(row.children, id(row)))
            for row in level
        ]
        for moved, i in homes.get(key, []):
            _insert(out, moved, i)
        return tuple(out)

    return rebuild(rows, None)
