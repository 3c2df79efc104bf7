"""Navigation anchors: the aligned rows flattened into reading order, one offset per report.

The TUI moves between anchors; it never re-derives the alignment. Before the comparison
arrives, each report's own sections and blocks serve as anchors for that pane alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from reportdiff.core.model import untitled_label

if TYPE_CHECKING:
    from reportdiff.core.comparison import AlignedRow, Comparison, NumberPair
    from reportdiff.core.model import Report

AnchorKind = Literal["section", "paragraph"]


class Anchor(NamedTuple):
    """A place every pane can be brought to: one aligned row (or one report's node)."""

    kind: AnchorKind
    """Section or paragraph."""
    depth: int
    """Nesting depth of the row (0 for top-level rows)."""
    offsets: tuple[int | None, ...]
    """Per report: where its node starts; None where it has no counterpart."""
    labels: tuple[str | None, ...]
    """Per report: the node's heading or lead phrase; None where it has no node."""
    score: float | None
    """The row's similarity; None for an anchor that is not an aligned row."""
    moved: bool = False
    """The engine says the counterparts stand in a different order."""

    @property
    def unmatched(self) -> bool:
        """Whether some report has no counterpart in this row."""
        return any(o is None for o in self.offsets)


def anchors_from_comparison(cmp: Comparison) -> list[Anchor]:
    """Every aligned row, depth-first, as anchors.

    A section without a heading is labelled by its opening words (「各位代表：现在，我代表…」),
    so the outline and the palette say what it is.
    """
    out: list[Anchor] = []

    def label(row: AlignedRow, i: int) -> str | None:
        node = row.nodes[i]
        if node is None:
            return None
        if node.label or row.kind != "section":
            return node.label
        return untitled_label(cmp.reports[i].text, node.span, node.label_span)

    def rec(rows: tuple[AlignedRow, ...], depth: int) -> None:
        for row in rows:
            out.append(
                Anchor(
                    kind=row.kind,
                    depth=depth,
                    offsets=tuple(None if n is None else n.span.start for n in row.nodes),
                    labels=tuple(label(row, i) for i in range(len(row.nodes))),
                    score=row.score,
                    moved=row.moved,
                )
            )
            rec(row.children, depth + 1)

    rec(cmp.alignment, 0)
    return out


def anchors_from_report(report: Report, index: int, count: int) -> list[Anchor]:
    """One report's own sections and blocks as anchors for its pane alone.

    Args:
        report: The report.
        index: Its position among the ``count`` reports shown.
        count: How many reports are shown.
    """

    def one(offset: int, label: str) -> tuple[tuple[int | None, ...], tuple[str | None, ...]]:
        offsets: list[int | None] = [None] * count
        labels: list[str | None] = [None] * count
        offsets[index], labels[index] = offset, label
        return tuple(offsets), tuple(labels)

    out: list[Anchor] = []
    for b in report.preamble:
        o, lab = one(b.span.start, report.lead_text(b) or "")
        out.append(Anchor("paragraph", 0, o, lab, None))
    for path, section in report.walk():
        heading = report.heading_text(section) or untitled_label(
            report.text, section.span, section.heading
        )
        o, lab = one(section.span.start, heading)
        out.append(Anchor("section", len(path) - 1, o, lab, None))
        for b in section.blocks:
            o, lab = one(b.span.start, report.lead_text(b) or "")
            out.append(Anchor("paragraph", len(path), o, lab, None))
    return out


def anchor_index_at(anchors: list[Anchor], pane: int, offset: int) -> int | None:
    """The last anchor (in reading order) whose node in ``pane`` starts at or before ``offset``."""
    best: int | None = None
    best_offset = -1
    for i, a in enumerate(anchors):
        o = a.offsets[pane]
        if o is not None and best_offset <= o <= offset:
            best, best_offset = i, o
    return best


def step(
    anchors: list[Anchor],
    current: int | None,
    direction: int,
    *,
    kind: AnchorKind | None = None,
    unmatched: bool = False,
) -> int | None:
    """The next (direction 1) or previous (-1) anchor after ``current`` that qualifies.

    Args:
        anchors: All anchors in reading order.
        current: Index of the current anchor, or None for "before the start".
        direction: 1 or -1.
        kind: Only anchors of this kind.
        unmatched: Only anchors some report has no counterpart for.

    Returns:
        The anchor index, or None when there is none that way.
    """
    i = (-1 if direction > 0 else len(anchors)) if current is None else current
    i += direction
    while 0 <= i < len(anchors):
        a = anchors[i]
        if (kind is None or a.kind == kind) and (not unmatched or a.unmatched):
            return i
        i += direction
    return None


def fallback_offset(anchors: list[Anchor], index: int, pane: int) -> int | None:
    """Where ``pane`` should go for anchor ``index``: its node, else the nearest one before."""
    for i in range(index, -1, -1):
        o = anchors[i].offsets[pane]
        if o is not None:
            return o
    return None


def changed_numbers(cmp: Comparison, pane: int) -> list[NumberPair]:
    """Changed number pairs in reading order of ``pane`` (pairs it lacks come last)."""
    pairs = [p for p in cmp.numbers if p.status == "changed"]

    def key(p: NumberPair) -> tuple[int, int]:
        q = p.values[pane] if pane < len(p.values) else None
        if q is not None:
            return (0, q.span.start)
        first = next((v for v in p.values if v is not None), None)
        return (1, first.span.start if first else 0)

    return sorted(pairs, key=key)
