"""What a mouse selection in a report pane means in the report: a span of its own text.

Textual's selection is in the pane's display lines (``Offset(x, y)``: the character ``x``
of display line ``y``). Display lines are wrapped, and carry badges (``⟨←143.5亿元 +8.0%⟩``)
that are not the report's words; so the selection is mapped back to report offsets and
the copy is the report's text between them: no line breaks the wrap added, no badges.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportdiff.tui.layout import PaneLayout
    from textual.geometry import Offset
    from textual.selection import Selection


def report_offset(lay: PaneLayout, at: Offset, *, end: bool) -> int:
    """The report offset at display position ``at`` (``end``: the selection's end side).

    A position in the gutter counts as the line's start, one past the text as its end.
    On a blank line between paragraphs a selection's start moves on to the next
    paragraph and its end back to the end of the previous one.
    """
    if not lay.lines:
        return 0
    y = min(max(0, at.y), len(lay.lines) - 1)
    if at.y >= len(lay.lines):  # the room below the last line
        return lay.items[-1].end
    ref = lay.lines[y]
    if ref is None:
        following = lay.item_at_line(y)  # the next item, for a blank line
        if end:
            return lay.items[max(0, following - 1)].end
        return lay.items[following].start
    display = ref.start + min(max(0, at.x), ref.end - ref.start)
    return lay.texts[ref.item].to_report(display)


def selected_span(lay: PaneLayout, text_length: int, selection: Selection) -> tuple[int, int]:
    """``(start, end)`` in the report of a selection (None ends: the text's ends)."""
    start = 0 if selection.start is None else report_offset(lay, selection.start, end=False)
    stop = text_length if selection.end is None else report_offset(lay, selection.end, end=True)
    return (start, max(start, stop))


def line_span(selection: Selection, y: int, length: int) -> tuple[int, int] | None:
    """The selected characters of display line ``y`` (``length`` characters), or None."""
    span = selection.get_span(y)
    if span is None:
        return None
    lo, hi = span
    hi = length if hi == -1 else min(hi, length)
    lo = max(0, lo)
    return (lo, hi) if lo < hi else None
