"""FittedTable: a DataTable whose columns fit its width, long cells wrapped by terminal cells."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable

__all__ = ["FittedTable", "distinct_tails", "fit_label", "fit_widths"]

NARROWEST = 6
"""Cells a wrapped column keeps at least (三个字, or a short English word)."""


def fit_widths(
    natural: Sequence[int], room: int, flexible: Sequence[int], narrowest: int = NARROWEST
) -> list[int]:
    """Column widths (in terminal cells) that add up to at most ``room`` where they can.

    Each column starts at its ``natural`` width (its widest cell). While they overflow,
    the widest of the ``flexible`` columns (those whose cells may wrap) loses a cell, down
    to ``narrowest``; the others keep their width, so a status or a figure is never wrapped.

    >>> fit_widths([30, 8, 20], 40, flexible=[0, 2])
    [16, 8, 16]
    >>> fit_widths([10, 8], 40, flexible=[0])
    [10, 8]
    """
    widths = list(natural)
    excess = sum(widths) - room
    while excess > 0:
        shrinkable = [k for k in flexible if widths[k] > narrowest]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda k: (widths[k], -k))
        widths[widest] -= 1
        excess -= 1
    return widths


_SEPARATORS = "-_ ·"
"""Where a shared start of labels may be cut (national-|2002, yangpu-|2023)."""


def distinct_tails(labels: Sequence[str]) -> list[str]:
    """The labels without the start they all share, up to its last separator, as ``…rest``:
    what tells them apart when they are too wide for their columns.

    >>> distinct_tails(["national-2002", "national-2003"])
    ['…2002', '…2003']
    >>> distinct_tails(["yangpu-2023", "xuhui-2022"])
    ['yangpu-2023', 'xuhui-2022']
    """
    if len(labels) < 2:
        return list(labels)
    shared = 0
    for chars in zip(*labels, strict=False):
        if len(set(chars)) > 1:
            break
        shared += 1
    cut = max((i + 1 for i, c in enumerate(labels[0][:shared]) if c in _SEPARATORS), default=0)
    if not cut or any(len(label) == cut for label in labels):
        return list(labels)
    return ["…" + label[cut:] for label in labels]


def fit_label(label: str, short: str, width: int) -> str:
    """A column header within ``width`` cells: ``label`` when it fits or has no ``short``
    form (the table cuts it), else ``short`` (what tells the column from its neighbours),
    else the end of that after ``…``: a report's id ends with what sets it apart (its
    year), so its header is cut at the start, not the end.

    >>> fit_label("national-2002", "…2002", 8)
    '…2002'
    >>> fit_label("national-2002", "…2002", 4)
    '…002'
    """
    if cell_len(label) <= width or short == label:
        return label
    if cell_len(short) <= width:
        return short
    tail = ""
    for ch in reversed(short.lstrip("…")):
        if cell_len(tail) + cell_len(ch) > width - 1:
            break
        tail = ch + tail
    return "…" + tail


class FittedTable(DataTable[Text]):
    """A row-cursor DataTable laid out to its own width: no column runs off the right edge.

    Textual's DataTable sizes each column to its widest cell and scrolls sideways beyond the
    screen: at 80 columns a long Chinese indicator pushed the status and the reason off it.
    Here ``flexible`` columns (long text: an indicator, a reason, a description) give up
    width until the table fits, and their cells wrap onto more lines, by terminal cell
    width (a Chinese character is two cells, never split). Widths are measured again when
    the table is resized.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self._labels: list[str] = []
        self._short: list[str] = []
        self._flexible: list[int] = []
        self._rows: list[Sequence[Text]] = []
        self._laid_out_for = -1

    def set_columns(
        self, labels: Sequence[str], flexible: Sequence[int], short: Sequence[str] = ()
    ) -> None:
        """The column labels, and which columns may wrap (by index); ``short``, a shorter
        label for each column, is shown where the column is narrower than its label."""
        self._labels = list(labels)
        self._short = list(short) or list(labels)
        self._flexible = list(flexible)

    def set_rows(self, rows: Sequence[Sequence[Text]]) -> None:
        """Show these rows (cells are Text: report text is data, never markup)."""
        self._rows = [list(r) for r in rows]
        self._lay_out()

    def room(self) -> int:
        """Cells the columns' content can take: the width less padding and the scrollbar."""
        width = self.size.width or self.app.size.width
        padding = 2 * self.cell_padding * len(self._labels)
        return width - padding - self.styles.scrollbar_size_vertical

    def column_widths(self) -> list[int]:
        """Each column's content width as laid out now."""
        return [c.width for c in self.ordered_columns]

    def _lay_out(self) -> None:
        natural = [Text(label).cell_len for label in self._labels]
        for row in self._rows:
            for k, cell in enumerate(row):
                natural[k] = max(natural[k], cell.cell_len)
        widths = fit_widths(natural, self.room(), self._flexible)
        wraps = any(w < n for w, n in zip(widths, natural, strict=True))
        cursor = self.cursor_row
        self.clear(columns=True)
        for label, short, width in zip(self._labels, self._short, widths, strict=True):
            self.add_column(fit_label(label, short, width), width=width)
        for row in self._rows:
            # Rows are one line unless a cell wraps (height None: measured when drawn).
            self.add_row(*row, height=None if wraps else 1)
        if self._rows:
            self.move_cursor(row=min(max(cursor, 0), len(self._rows) - 1))
        self._laid_out_for = self.size.width

    def on_resize(self, event: events.Resize) -> None:
        """Fit the columns again when the width changed."""
        if self._labels and event.size.width != self._laid_out_for:
            self._lay_out()
