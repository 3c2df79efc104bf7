"""FittedTable: a DataTable whose columns fit its width, long cells wrapped by terminal cells."""

from __future__ import annotations

from collections.abc import Sequence

from reportdiff.tui.idtails import fit_label
from rich.text import Text
from textual import events
from textual.widgets import DataTable

__all__ = ["FittedTable", "fit_widths"]

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
