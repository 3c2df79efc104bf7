"""ReportPane: one report's text, wrapped for Chinese, with highlight layers and badges.

A line-API ScrollView: the report is laid out into display lines by
:mod:`reportdiff.tui.layout` (re-wrapped on resize) and only visible lines are rendered
(:mod:`~reportdiff.tui.widgets.pane_draw`); its marks are kept by
:mod:`~reportdiff.tui.widgets.pane_marks`, its positions worked out by
:mod:`~reportdiff.tui.widgets.pane_places`.
Text is always plain report text styled by offsets, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from reportdiff.core.i18n import _
from reportdiff.core.model import Report
from reportdiff.tui.layout import Badge, Item, Mark, PaneLayout, layout, report_items
from reportdiff.tui.localize import localize_bindings
from reportdiff.tui.selection import selected_span
from reportdiff.tui.widgets.mark_styles import MarkStyles
from reportdiff.tui.widgets.pane_draw import GUTTER, PaneDrawing
from reportdiff.tui.widgets.pane_keys import PaneKeys
from reportdiff.tui.widgets.pane_lines import Range
from reportdiff.tui.widgets.pane_marks import PaneMarks, changed_overlay
from reportdiff.tui.widgets.pane_places import PanePlaces
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.selection import Selection


FIRST_FRAME = "-first-frame"
"""The pane's class until the first frame is out: no scrollbar drawn yet (see DEFAULT_CSS)."""


class ReportPane(PaneDrawing, PaneKeys, PanePlaces, ScrollView, can_focus=True):
    """A scrollable, wrapped view of one report with highlight marks.

    Headings, lead phrases and the gutter are the pane's component classes; the mark
    styles come from the screen's :class:`~reportdiff.tui.widgets.mark_styles.MarkStyles`
    (:meth:`use_mark_styles`), which follows the first frame.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "report-pane--heading1",
        "report-pane--heading2",
        "report-pane--heading3",
        "report-pane--lead",
        "report-pane--gutter",
    }

    DEFAULT_CSS = """
    ReportPane {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    ReportPane.-first-frame {
        /* The first frame draws no scrollbar (a widget to mount, style and draw, ~2 ms a
           pane before the text shows); its column is kept, so the text wraps the same. */
        overflow-y: hidden;
        padding-right: 1;
    }
    """

    current_item: reactive[int | None] = reactive(None)
    """Item the panes are aligned on (marked in the gutter), or None."""

    @dataclass
    class Scrolled(Message):
        """The pane's scroll position changed (by the user, by navigation or a re-wrap)."""

        pane: ReportPane
        rewrap: bool = False
        """A re-wrap moved it to keep the reader's place: not for other panes to follow."""

    @dataclass
    class Focused(Message):
        """The user moved focus to a pane (so navigation follows that pane)."""

        pane: ReportPane

    def __init__(
        self,
        report: Report,
        index: int,
        *,
        id: str | None = None,
        follow: Callable[[ReportPane], None] | None = None,
    ) -> None:
        """Create a pane.

        Args:
            report: The report shown.
            index: The report's position in the comparison.
            id: Widget id.
            follow: Called when a scrolling key has moved this pane, before the next
                frame (the :class:`Scrolled` message comes later, after a frame showing
                this pane moved alone): the reader moves the other panes with it.
        """
        super().__init__(id=id, classes=FIRST_FRAME)
        self._follow = follow
        localize_bindings(self)
        self.report = report
        self.index = index
        self.items: list[Item] = report_items(report)
        self._leads: dict[int, tuple[int, int]] = {}
        for _path, _i, block in report.blocks():
            if block.lead is not None:
                self._leads[block.span.start] = (block.lead.start, block.lead.end)
        self._marks = PaneMarks()
        self._badges: list[Badge] = []
        self._layout: PaneLayout | None = None
        self._cache: dict[int, Strip] = {}
        """Drawn lines by display line: kept while scrolling; a key that changes some
        items (the ▌ paragraph, the current change) drops only those items' lines."""
        self._ranges: dict[int, list[Range]] = {}
        """Each drawn item's styled ranges in display offsets (see :func:`item_ranges`)."""
        self._wraps: dict[Any, Any] = {}
        """Items already laid out, for :func:`layout` (cleared when the width changes)."""
        self._wraps_width = 0
        self._styles: dict[str, Style] = {}
        self._check_styles = False
        self._frame_layout: PaneLayout | None = None
        self._drawn = False
        """Whether a frame has drawn the pane (until then only its first screen is wrapped)."""
        """The layout while a frame's lines are rendered (see :meth:`render_lines`)."""
        self._mark_styles: MarkStyles | None = None
        self._quiet = False
        self._selectable = False
        """Whether painted lines carry Textual's selection offsets (from the second frame:
        marking every segment costs ~0.5 ms a pane, and the first frame is the text)."""
        meta = report.meta
        # Year reviewed, and the year delivered beside it (the words `show` and `list`
        # use); what the text does not say is shown as unknown, never guessed.
        region = meta.region or _("region unknown")
        reviewed = str(meta.year) if meta.year else _("year unknown")
        delivered = _("delivered {year}").format(year=meta.delivered or "?")
        self.border_title = Text(f"{region} {reviewed} ({delivered}) {meta.title}")
        self.border_subtitle = Text(meta.id)

    # ----- layout ---------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Cells available for text (pane width minus gutter and scrollbar)."""
        return max(4, self.scrollable_content_region.width - GUTTER)

    @property
    def pane_layout(self) -> PaneLayout:
        """The current layout, complete (built on first use and on every resize)."""
        lay = self._layout
        if lay is None or not lay.complete or lay.width != self.text_width:
            self._relayout()
        assert self._layout is not None
        return self._layout

    def _layout_to_draw(self) -> PaneLayout:
        """The layout a frame draws: before the first frame, only the first screen of
        text is wrapped (wrapping a whole national report took some 30 ms a pane, before
        any text was shown); the rest is wrapped once it is on screen."""
        lay = self._layout
        if lay is None and not self._drawn:
            self._relayout(first_screen=True)
            lay = self._layout
        elif (
            lay is not None
            and not lay.complete
            and lay.width == self.text_width
            and len(lay.lines) >= int(self.scroll_y) + self.scrollable_content_region.height
        ):
            pass  # it still covers what is shown
        else:
            lay = self.pane_layout
        assert lay is not None
        return lay

    def _relayout(self, *, first_screen: bool = False, completing: bool = False) -> None:
        """Wrap the items at the current width (see :meth:`_layout_to_draw`).

        ``completing``: the first screen's layout is completed at the same width and with
        the same badges, so the lines drawn from it stay as they are.
        """
        old = self._layout
        keep = self._place() if old is not None and old.complete else None
        width = self.text_width
        if width != self._wraps_width:
            self._wraps.clear()
            self._wraps_width = width
        upto = max(1, self.scrollable_content_region.height) if first_screen else None
        self._layout = layout(
            self.report.text, self.items, self._badges, width, memo=self._wraps, upto=upto
        )
        if completing:
            keep = None
        else:
            self._cache.clear()
            self._ranges.clear()
            self._marks.forget()
        self._update_virtual_size()
        if keep is not None:
            self._restore(keep)
        if not self._layout.complete:
            self.call_after_refresh(self._complete_layout)

    def _complete_layout(self) -> None:
        """Wrap the rest of the report, after the first screen is shown."""
        lay = self._layout
        if lay is not None and not lay.complete:
            self._relayout(completing=lay.width == self.text_width)

    def _place(self) -> tuple[int, int] | tuple[None, int]:
        """What the reader is looking at, in terms that survive a re-wrap.

        ``(item, row)``: the current (▌) paragraph starts ``row`` lines below the top;
        ``(None, offset)``: otherwise the report offset shown on the top line.
        """
        lay = self._layout
        assert lay is not None
        top = int(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        cur = self.current_item
        if cur is not None and cur < len(lay.item_top) and top <= lay.item_top[cur] < top + height:
            return (cur, lay.item_top[cur] - top)
        ref = lay.lines[top] if 0 <= top < len(lay.lines) else None
        if ref is None:
            return (None, lay.items[lay.item_at_line(top)].start)
        return (None, lay.texts[ref.item].to_report(ref.start))

    def _restore(self, place: tuple[int, int] | tuple[None, int]) -> None:
        """Scroll so ``place`` (from :meth:`_place`) is where it was, after a re-wrap."""
        lay = self._layout
        assert lay is not None
        item, where = place
        if item is not None:
            # Same height on screen if the pane is still tall enough, else near the top.
            row = min(where, max(0, self.scrollable_content_region.height - 3))
            y = max(0, lay.item_top[item] - row)
        else:
            y = lay.line_of_offset(where)
        # A re-wrap is not the reader scrolling: other panes must not follow it (each
        # pane keeps its own place; following would move them off their ▌ paragraph).
        self._quiet = True
        try:
            self.scroll_to(y=y, animate=False, immediate=True)
        finally:
            self._quiet = False

    def _update_virtual_size(self) -> None:
        lay = self._layout
        assert lay is not None
        lines = len(lay.lines)
        if not lay.complete:  # the rest estimated (two cells a character), until wrapped
            lines += sum(
                1 + -(-2 * (it.end - it.start) // lay.width) for it in lay.items[len(lay.texts) :]
            )
        # Room below the last line so any paragraph can be brought to the top: that is
        # what lets every pane hold its counterpart at the same height.
        height = lines + max(0, self.scrollable_content_region.height - 1)
        size = Size(self.scrollable_content_region.width, height)
        if size == self.virtual_size:
            return
        if self.virtual_size.height and size.width == self.virtual_size.width:
            # Only the length changed (a layer's badges came or went): the pane keeps its
            # place on screen, so no layout of the whole screen is needed (it redrew every
            # widget, some 0.1 s a toggle on long reports); the scrollbar and the scroll
            # range follow, as Textual does for a size update without layout (through
            # the scrollbar's public reactives: the pane's vertical bar always shows).
            self.set_reactive(ReportPane.virtual_size, size)
            if self.show_vertical_scrollbar:
                bar = self.vertical_scrollbar
                bar.window_virtual_size = size.height
                bar.window_size = self.container_size.height - self.scrollbar_size_horizontal
            self.scroll_y = self.validate_scroll_y(self.scroll_y)
            self.refresh()
        else:
            self.virtual_size = size

    def use_mark_styles(self, holder: MarkStyles) -> None:
        """Draw marks in ``holder``'s styles (given once it is mounted and styled)."""
        self._mark_styles = holder
        self._selectable = True  # the first frame is out: lines carry selection offsets now
        self.remove_class(FIRST_FRAME)  # and the scrollbar shows
        self._styles.clear()
        self._cache.clear()
        self.refresh()

    @property
    def allow_vertical_scroll(self) -> bool:
        """Scrolling is allowed in the first frame too: only its scrollbar is not drawn yet."""
        if self.has_class(FIRST_FRAME):
            return self.is_scrollable and not self.disabled and self.max_scroll_y > 0
        return super().allow_vertical_scroll

    def on_resize(self) -> None:
        """Re-wrap at the new width, keeping the top item in place."""
        if self._layout is None and not self._drawn:
            self._relayout(first_screen=True)
        elif self._layout is None or self._layout.width != self.text_width:
            self._relayout()
        else:
            self._update_virtual_size()
        self.refresh()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Repaint, and tell the screen so the other panes can follow."""
        super().watch_scroll_y(old_value, new_value)
        # int(), as top_item() reads the position: with round() an animation ending
        # 71.6 → 72.0 posted nothing for 72, and the other panes stayed one item behind.
        if int(old_value) != int(new_value):
            self.post_message(self.Scrolled(self, rewrap=self._quiet))

    def item_height(self, item: int) -> int:
        """Display lines of ``item`` (without the blank line after it)."""
        lay = self.pane_layout
        end = lay.item_top[item + 1] - 1 if item + 1 < len(lay.items) else len(lay.lines)
        return max(1, end - lay.item_top[item])

    def on_focus(self) -> None:
        """Tell the screen that navigation now follows this pane."""
        self.post_message(self.Focused(self))

    # ----- highlights -----------------------------------------------------------------

    def set_highlights(
        self, marks: list[Mark], badges: list[Badge], overlay: list[Mark] | None = None
    ) -> None:
        """Replace the highlight marks and inline badges (re-wraps when badges change).

        Args:
            marks: The layers' marks, in the order they are applied (later over earlier).
                Kept, not copied, and indexed once per list: pass the same list (the
                highlight memo's) again and it is not sorted again. Not to be mutated.
            badges: Inline badges.
            overlay: Few marks drawn over ``marks`` (search matches, the current change).
        """
        self.set_layers([marks], badges, overlay)

    def set_layers(
        self,
        parts: list[list[Mark]],
        badges: list[Badge],
        overlay: list[Mark] | None = None,
        order: Callable[[str], int] | None = None,
    ) -> None:
        """Like :meth:`set_highlights`, with the layers' marks in several lists.

        Marks are applied by ``order`` of their style (if given), then by part, then in
        their part's order; each part is indexed once per list (see :meth:`set_highlights`).
        """
        old_overlay = self._marks.overlay
        overlay_only = self._marks.set(parts, list(overlay or []), order)
        badges = sorted(badges, key=lambda b: b.offset)
        if badges != self._badges:
            self._badges = badges
            if self._layout is not None:
                self._relayout()
                self.refresh()
                return
        elif overlay_only and self._layout is not None:
            # Only the overlay moved (``c``, ``n``, a search): redraw the items it touched.
            changed = changed_overlay(old_overlay, self._marks.overlay)
            if changed is not None:
                self._redraw_items(self._items_under(changed))
                return
        self._marks.forget()
        self._ranges.clear()
        self._cache.clear()
        self.refresh()

    def add_overlay(self, mark: Mark) -> None:
        """Draw one more mark over the others (the layers and badges stay as they are)."""
        self._marks.add_overlay(mark)
        if self._layout is None:
            self.refresh()
            return
        self._redraw_items(self._items_under([mark]))

    def _items_under(self, marks: list[Mark]) -> set[int]:
        """The items ``marks`` overlap."""
        lay = self._layout
        assert lay is not None
        out: set[int] = set()
        for m in marks:
            first = lay.item_at_offset(m.start)
            last = lay.item_at_offset(max(m.start, m.end - 1))
            out.update(range(first, last + 1))
        return out

    def _redraw_items(self, items: Iterable[int | None]) -> None:
        """Draw ``items``' lines again at the next frame; the other lines are kept."""
        lay = self._layout
        if lay is None or not lay.complete:
            self._marks.forget()
            self._ranges.clear()
            self._cache.clear()
            self.refresh()
            return
        found = [i for i in items if i is not None and 0 <= i < len(lay.items)]
        self._marks.forget_items(found)
        for i in found:
            self._ranges.pop(i, None)
            top = lay.item_top[i]
            end = lay.item_top[i + 1] if i + 1 < len(lay.items) else len(lay.lines)
            for y in range(top, end):
                self._cache.pop(y, None)
        if found:
            self.refresh()

    @property
    def marks(self) -> list[Mark]:
        """The marks currently applied (layers, then the overlay), in that order."""
        return self._marks.marks

    @property
    def layer_marks(self) -> list[Mark]:
        """The layers' marks, in the order they are applied."""
        return self._marks.layer_marks

    @property
    def overlay(self) -> list[Mark]:
        """The overlay marks currently applied."""
        return list(self._marks.overlay)

    @property
    def index_builds(self) -> int:
        """Layer mark lists indexed so far (tests count them: an overlay indexes none)."""
        return self._marks.index_builds

    @property
    def badges(self) -> list[Badge]:
        """The badges currently inserted."""
        return list(self._badges)

    def _item_marks(self, index: int) -> list[Mark]:
        """The marks overlapping item ``index``, in the order they are applied."""
        lay = self._frame_layout or self.pane_layout
        return self._marks.item_marks(index, lay.items[index])

    # ----- mouse selection ------------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The report's own text under a mouse selection (no wrap breaks, no badges)."""
        start, end = selected_span(self.pane_layout, len(self.report.text), selection)
        return self.report.text[start:end], "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        """Redraw the lines with the selection shown (or no longer shown)."""
        self._cache.clear()
        self.refresh()

    def watch_current_item(self, old: int | None, new: int | None) -> None:
        """Move the gutter bar: only the two items' lines are drawn again."""
        self._redraw_items((old, new))
