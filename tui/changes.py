"""The in-paragraph changes the engine computed, as pane marks and navigation stops.

Pure functions over a :class:`~reportdiff.core.comparison.Comparison` (no Textual): the
reader never diffs text itself, it reads :attr:`AlignedRow.changes` against a *base*
report it lets the user switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from reportdiff.core.analysis.changes import changes_between
from reportdiff.tui.layout import Badge, Mark

if TYPE_CHECKING:
    from reportdiff.core.comparison import AlignedRow, Comparison, PairChanges, TextChange

INSERTED = "inserted"
"""Mark style of text the other report has and the base lacks (or replaced it with)."""
DELETED = "deleted"
"""Mark style of base text the other report dropped (or replaced)."""


def flat_rows(cmp: Comparison) -> list[AlignedRow]:
    """Every aligned row depth-first: the order of the reader's anchors."""
    out: list[AlignedRow] = []

    def rec(rows: tuple[AlignedRow, ...]) -> None:
        for row in rows:
            out.append(row)
            rec(row.children)

    rec(cmp.alignment)
    return out


def row_pairs(row: AlignedRow, base: int) -> list[PairChanges]:
    """The changes of every other report's paragraph in ``row`` against ``base``'s."""
    out: list[PairChanges] = []
    for j in range(len(row.nodes)):
        if j == base:
            continue
        pair = changes_between(row, base, j)
        if pair is not None:
            out.append(pair)
    return out


def change_marks(cmp: Comparison, pane: int, base: int) -> list[Mark]:
    """Marks for report ``pane``: what it dropped or added against ``base``.

    The base pane marks text some other report dropped or replaced; every other pane
    marks the text it added or replaced against the base. Rewritten paragraphs are not
    marked (the whole paragraph would be): the focused view says "rewritten".
    """
    marks: list[Mark] = []
    for row in flat_rows(cmp):
        if not row.changes:
            continue
        for pair in row_pairs(row, base):
            if pair.rewritten:
                continue
            for c in pair.changes:
                if pane == base and c.base:
                    marks.append(Mark(c.base.start, c.base.end, DELETED))
                elif pane == pair.other and c.other:
                    marks.append(Mark(c.other.start, c.other.end, INSERTED))
    return marks


INSERT_CARET = "‸"
"""Shown in the base pane where another report inserted text (nothing there to mark)."""


def insert_carets(cmp: Comparison, pane: int, base: int) -> list[Badge]:
    """Carets in the base pane at the places other reports inserted text."""
    if pane != base:
        return []
    at: set[int] = set()
    for row in flat_rows(cmp):
        if not row.changes:
            continue
        for pair in row_pairs(row, base):
            if not pair.rewritten:
                at.update(c.base.start for c in pair.changes if c.op == "insert")
    return [Badge(p, INSERT_CARET, INSERTED) for p in sorted(at)]


class ChangeStop(NamedTuple):
    """One change the ``d`` / ``D`` keys stop at."""

    row: int
    """Index of the row in :func:`flat_rows` (= the reader's anchor index)."""
    other: int
    """The report compared with the base."""
    change: TextChange
    """The change, with spans in the base and in :attr:`other`."""


_stops_memo: list[tuple[object, int, list[ChangeStop]]] = []
"""The last comparison's stops: every key and every pane's overlay asks for them."""


def change_stops(cmp: Comparison, base: int) -> list[ChangeStop]:
    """Every marked change against ``base``, in the base's reading order."""
    for seen, b, stops in _stops_memo:
        if seen is cmp and b == base:
            return list(stops)
    stops = _change_stops(cmp, base)
    _stops_memo[:] = [e for e in _stops_memo if e[0] is cmp][-3:]
    _stops_memo.append((cmp, base, stops))
    return list(stops)


def _change_stops(cmp: Comparison, base: int) -> list[ChangeStop]:
    stops: list[ChangeStop] = []
    for i, row in enumerate(flat_rows(cmp)):
        if not row.changes:
            continue
        for pair in row_pairs(row, base):
            if not pair.rewritten:
                stops.extend(ChangeStop(i, pair.other, c) for c in pair.changes)
    stops.sort(key=lambda s: (s.change.base.start, s.change.base.end, s.other))
    return stops


def count_changes(cmp: Comparison, base: int = 0) -> int:
    """How many marked changes there are against ``base`` (for the legend)."""
    return len(change_stops(cmp, base))
