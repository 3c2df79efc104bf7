"""Where a report pane is: the item at the top, an item's line, scrolling to an offset.

A mixin of :class:`~reportdiff.tui.widgets.report_pane.ReportPane` (kept apart so the
pane's module stays readable).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportdiff.tui.widgets.pane_base import PaneBase

if TYPE_CHECKING:
    from reportdiff.tui.layout import PaneLayout


class PanePlaces(PaneBase):
    """Positions in a report pane, by item, display line and report offset."""

    if TYPE_CHECKING:  # provided by ReportPane
        current_item: int | None
        _layout: PaneLayout | None

        @property
        def pane_layout(self) -> PaneLayout: ...

    def top_item(self) -> int:
        """Index of the item at the top of the viewport."""
        lay = (
            self._layout if self._layout is not None and self._layout.complete else self.pane_layout
        )
        return lay.item_at_line(int(self.scroll_y))

    def item_top(self, item: int) -> int:
        """Display line where ``item`` starts."""
        return self.pane_layout.item_top[item]

    def item_at_offset(self, offset: int) -> int:
        """Index of the item containing a report offset."""
        return self.pane_layout.item_at_offset(offset)

    def scroll_to_offset(self, offset: int, *, mark: bool = True, exact: bool = False) -> None:
        """Bring the item containing ``offset`` to the top of the pane.

        Args:
            offset: A report offset (a section or block start, a number, a match).
            mark: Also mark that item in the gutter as the aligned one.
            exact: Bring the line showing ``offset`` to the third row (two lines of
                context above) instead of the item's first line to the top: for numbers
                and matches deep inside a long paragraph.
        """
        item = self.item_at_offset(offset)
        y = self.item_top(item)
        if exact:
            # The same height in every pane: the line itself, two lines below the top,
            # even when that shows the end of the previous paragraph.
            y = max(0, self.pane_layout.line_of_offset(offset) - 2)
        self.scroll_to(y=y, animate=False, immediate=True)
        if mark:
            self.current_item = item

    def visible_text(self) -> str:
        """The plain text of the lines on screen (for tests and search feedback)."""
        lay = self.pane_layout
        top = int(self.scroll_y)
        out = []
        for y in range(top, min(top + self.scrollable_content_region.height, len(lay.lines))):
            ref = lay.lines[y]
            out.append("" if ref is None else lay.texts[ref.item].text[ref.start : ref.end])
        return "\n".join(out)
