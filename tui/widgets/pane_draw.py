"""How a report pane draws its lines: styles, the gutter bar, marks, the selection.

A mixin of :class:`~reportdiff.tui.widgets.report_pane.ReportPane` (kept apart so the
pane's module stays readable). Only visible lines are drawn, each once until something
it shows changes (the pane drops those lines: see ``ReportPane._redraw_items``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportdiff.tui.layout import LineRef, PaneLayout
from reportdiff.tui.selection import line_span
from reportdiff.tui.widgets.mark_styles import LAYER_STYLES, MarkStyles
from reportdiff.tui.widgets.pane_base import PaneBase
from reportdiff.tui.widgets.pane_lines import Range, item_ranges, line_ranges, line_segments
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

if TYPE_CHECKING:
    from reportdiff.tui.widgets.pane_marks import PaneMarks

GUTTER = 2
"""Cells left of the text: a bar marks the paragraph the panes are aligned on."""

KEPT_LINES = 600
"""Drawn lines a pane keeps: many screens' worth, to scroll back without drawing again,
but not a whole long report's (a key no longer drops them all, so they would pile up)."""


class PaneDrawing(PaneBase):
    """Line rendering of a report pane."""

    if TYPE_CHECKING:  # provided by ReportPane
        current_item: int | None
        _cache: dict[int, Strip]
        _ranges: dict[int, list[Range]]
        _styles: dict[str, Style]
        _check_styles: bool
        _frame_layout: PaneLayout | None
        _drawn: bool
        _selectable: bool
        _mark_styles: MarkStyles | None
        _marks: PaneMarks
        _leads: dict[int, tuple[int, int]]

        @property
        def pane_layout(self) -> PaneLayout: ...
        def _layout_to_draw(self) -> PaneLayout: ...

    def _item_ranges(self, lay: PaneLayout, index: int) -> list[Range]:
        """Item ``index``'s styled ranges in display offsets (worked out once per item)."""
        got = self._ranges.get(index)
        if got is None:
            item = lay.items[index]
            lead = self._leads.get(item.start)
            marks = self._marks.item_marks(index, item)
            got = self._ranges[index] = item_ranges(item, lay.texts[index], lead, marks)
        return got

    # ----- rendering ------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """Render the lines in ``crop``, checking the layout's width once, not per line
        (it asks for the scrollable region, some 0.1 ms, on every line of both panes)."""
        self._frame_layout = self._layout_to_draw()
        self._drawn = True
        try:
            return super().render_lines(crop)
        finally:
            self._frame_layout = None

    def render_line(self, y: int) -> Strip:
        """Render display line ``y`` of the viewport."""
        if self._check_styles:
            self._recheck_styles()
        index = int(self.scroll_y) + y
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_index(index)
            self._cache[index] = strip
            if len(self._cache) > KEPT_LINES:  # the line drawn longest ago goes
                del self._cache[next(iter(self._cache))]
        return strip

    def _render_index(self, index: int) -> Strip:
        lay = self._frame_layout or self.pane_layout
        width = lay.width + GUTTER
        base = self._base_style()
        ref = lay.lines[index] if 0 <= index < len(lay.lines) else None
        # Offsets (Textual's selection coordinates) count the text from 0: the gutter is
        # at -2 and -1, so a selection started there begins with the line's first word.
        if ref is None:
            blank = Strip.blank(width, base)
            return blank.apply_offsets(0, index) if self._selectable else blank
        gutter_style = base + self._style("gutter")
        mark = "▌ " if ref.item == self.current_item else "  "
        selected = None
        if (selection := self.text_selection) is not None:
            selected = line_span(selection, index, ref.end - ref.start)
        segments = [Segment(mark, gutter_style), *self._line_segments(lay, ref, base, selected)]
        strip = Strip(segments).adjust_cell_length(width, base)
        return strip.apply_offsets(-GUTTER, index) if self._selectable else strip

    def _base_style(self) -> Style:
        """The pane's own text style (cached with the component styles: computing it
        walks every ancestor, and it was asked for on every line of every frame)."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            if name == "selection":
                style = self.screen.get_component_rich_style("screen--selection")
            elif name in LAYER_STYLES:
                holder = self._mark_styles
                if holder is None:
                    return Style()  # before the holder mounts: no mark to draw yet
                style = holder.style(name)
            else:
                style = self.get_component_rich_style(f"report-pane--{name}", partial=True)
            self._styles[name] = style
        return style

    def notify_style_update(self) -> None:
        """Theme or CSS changed: check the styles the lines use at the next line drawn."""
        super().notify_style_update()
        self._check_styles = True

    def _recheck_styles(self) -> None:
        """Drop the cached styles, and the rendered lines only if a style they use changed.

        Focus moving between panes changes only the borders: redrawing every line of both
        panes for it cost a long pane's worth of work at every ``tab``. Checked when a line
        is next drawn, not in :meth:`notify_style_update`, so the mark styles' holder has
        had its own update by then (a theme change updates every node, in turn).
        """
        self._check_styles = False
        old = self._styles
        self._styles = {}
        for name, style in old.items():
            if (self._base_style() if name == "" else self._style(name)) != style:
                self._cache.clear()
                return

    def line_ranges(self, lay: PaneLayout, ref: LineRef) -> list[tuple[int, int, str]]:
        """Styled ranges on one display line, as ``(start, end, style name)`` in line offsets.

        Later ranges are drawn over earlier ones: kind, lead phrase, marks, badges.
        """
        return line_ranges(self._item_ranges(lay, ref.item), ref.start, ref.end)

    def _line_segments(
        self,
        lay: PaneLayout,
        ref: LineRef,
        base: Style,
        selected: tuple[int, int] | None = None,
    ) -> list[Segment]:
        text = lay.texts[ref.item].text[ref.start : ref.end]
        ranges = self.line_ranges(lay, ref)
        if selected is not None:  # drawn over everything else
            ranges.append((selected[0], selected[1], "selection"))
        return line_segments(text, ranges, base, self._style)
