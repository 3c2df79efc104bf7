"""Labels cut to what tells them apart: report ids that share a start (national-2002,
national-2003) shown as their tails (…2002, …2003) where a column or a border is too narrow.

Plain strings and cell widths, no Textual: the reader's border note uses them on its
start-up path, the tables (:mod:`reportdiff.tui.widgets.fitted_table`) for their headers.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

__all__ = ["distinct_tails", "fit_label"]

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
