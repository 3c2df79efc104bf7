"""The reader's keys for in-paragraph changes: next/previous change, base, focused view.

A mixin of :class:`~reportdiff.tui.screens.reader.ReaderScreen` (kept apart so the
screen's module stays readable); the marks come from :mod:`reportdiff.tui.changes`.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from reportdiff.core.i18n import N_, _, ngettext
from reportdiff.tui.layout import Mark
from reportdiff.tui.navigation import anchor_index_at

if TYPE_CHECKING:
    from reportdiff.core.comparison import Comparison
    from reportdiff.core.model import Report
    from reportdiff.tui.changes import ChangeStop
    from reportdiff.tui.navigation import Anchor
    from reportdiff.tui.widgets.report_pane import ReportPane
    from textual.screen import Screen

    _ScreenBase = Screen[None]
    """What the mixin is mixed into, for the type checker (query_one, notify …)."""
else:
    _ScreenBase = object


CHANGE_OPS = {"insert": N_("insert"), "delete": N_("delete"), "replace": N_("replace")}
"""A change's operation in words (the notification after ``d``/``D``)."""


class ChangesMixin(_ScreenBase):
    """``d`` / ``D`` (next/previous change), ``b`` (switch base), ``w`` (focused view)."""

    if TYPE_CHECKING:  # provided by ReaderScreen
        reports: list[Report]
        comparison: Comparison | None
        anchors: list[Anchor]
        cursor: int | None
        number_cursor: int | None
        change_cursor: int | None
        base: int
        lead: int

        @property
        def panes(self) -> list[ReportPane]: ...
        def _apply_highlights(self) -> None: ...
        def _remember_placement(self) -> None: ...
        def _mark_counterparts(self) -> None: ...
        def go_to_anchor(self, index: int, anchors: list[Anchor] | None = None) -> None: ...
        def _current_anchor(self, anchors: list[Anchor]) -> int | None: ...

    def _stops(self) -> list[ChangeStop]:
        if self.comparison is None:
            return []
        # Imported here, with the comparison: it brings the comparison model, which the
        # reader's first frame does without.
        from reportdiff.tui.changes import change_stops

        return change_stops(self.comparison, self.base)

    def _base_note(self) -> str:
        """``vs <base id>`` for the legend when the base is worth naming."""
        if len(self.reports) <= 2 and self.base == 0:
            return ""
        return _("vs {id}").format(id=self.reports[self.base].meta.id)

    def _change_overlay(self, index: int) -> list[Mark]:
        """The current change, drawn over the layers in the base pane and its counterpart."""
        stops = self._stops()
        cur = self.change_cursor
        if cur is None or cur >= len(stops):
            return []
        stop = stops[cur]
        if index == self.base and stop.change.base:
            return [Mark(stop.change.base.start, stop.change.base.end, "search-current")]
        if index == stop.other and stop.change.other:
            return [Mark(stop.change.other.start, stop.change.other.end, "search-current")]
        return []

    def action_change(self, direction: int) -> None:
        """Next/previous change inside a paired paragraph: every pane shows it."""
        if self.comparison is None:
            self.notify(_("still analysing: changes not ready"), timeout=2, markup=False)
            return
        stops = self._stops()
        if not stops:
            self.notify(
                _("no marked changes against {id} (rewritten paragraphs: w shows them)").format(
                    id=self.reports[self.base].meta.id
                ),
                timeout=3,
                markup=False,
            )
            return
        cur = self.change_cursor
        if cur is None or cur >= len(stops):
            # From where the base pane is: the first change below its top (or above).
            pane = self.panes[self.base]
            top = pane.items[pane.top_item()].start
            # The stops are in the base's reading order: bisect, not a scan of them all.
            first_after = bisect_left(stops, top, key=lambda s: s.change.base.start)
            if direction > 0:
                cur = first_after if first_after < len(stops) else 0
            else:
                cur = first_after - 1 if first_after else len(stops) - 1
        else:
            cur = (cur + direction) % len(stops)
        self.show_change(cur)

    def show_change(self, index: int) -> None:
        """Bring change ``index`` of :func:`change_stops` into view in every pane."""
        stops = self._stops()
        stop = stops[index]
        self.change_cursor = index
        self.number_cursor = None
        if self.anchors and stop.row < len(self.anchors):
            self.go_to_anchor(stop.row)  # every pane to the paragraph row
        for pane in self.panes:
            if pane.index == self.base:
                pane.scroll_to_offset(stop.change.base.start, exact=True)
            elif pane.index == stop.other:
                pane.scroll_to_offset(stop.change.other.start, exact=True)
        self.cursor = stop.row
        self._remember_placement()
        self._mark_counterparts()
        self._apply_highlights()
        self.notify(
            _("change {index} of {count}: {op} ({id} vs {base})").format(
                index=index + 1,
                count=len(stops),
                op=_(CHANGE_OPS.get(stop.change.op, stop.change.op)),
                id=self.reports[stop.other].meta.id,
                base=self.reports[self.base].meta.id,
            ),
            timeout=2,
            markup=False,
        )

    def action_switch_base(self) -> None:
        """Measure changes against the next report (with two reports: swap the sides)."""
        self.base = (self.base + 1) % len(self.reports)
        self.change_cursor = None
        self._apply_highlights()
        from reportdiff.tui.highlights import layer_counts
        from reportdiff.tui.widgets.legend import Legend

        legend = self.query_one(Legend)
        assert isinstance(legend, Legend)
        if self.comparison is not None:
            legend.counts = layer_counts(self.comparison, base=self.base)
        legend.edits_base = self._base_note()
        self.notify(
            _("changes against {id}").format(id=self.reports[self.base].meta.id),
            timeout=2,
            markup=False,
        )

    def current_row_index(self) -> int | None:
        """The aligned row at the lead pane (its anchor index), or None before the analysis."""
        if not self.anchors:
            return None
        current = self._current_anchor(self.anchors)
        if current is None:
            pane = self.panes[self.lead]
            current = anchor_index_at(self.anchors, self.lead, pane.items[pane.top_item()].start)
        return current

    def action_copy_text(self) -> None:
        """Copy the mouse selection (Ctrl+C): the report's own text, as :meth:`action_copy_row`."""
        if not self._copy_selection():
            self.notify(
                _("nothing selected: drag the mouse over text, or y"), timeout=2, markup=False
            )

    def _copy_selection(self) -> bool:
        """Copy the text selected with the mouse, if any; whether there was some."""
        selected = self.get_selected_text()
        if not selected:
            return False
        self.app.copy_to_clipboard(selected)
        self.notify(
            _("copied {count} characters").format(count=len(selected)), timeout=2, markup=False
        )
        return True

    def action_copy_row(self) -> None:
        """Copy the mouse selection if there is one, else the current aligned row's
        paragraphs, each under its report's id."""
        if self._copy_selection():
            return
        row_index = self.current_row_index()
        if self.comparison is None or row_index is None:
            self.notify(_("still analysing: rows not ready"), timeout=2, markup=False)
            return
        from reportdiff.tui.changes import flat_rows

        row = flat_rows(self.comparison)[row_index]
        parts = [
            f"【{report.meta.id}】\n{report.slice(node.span).strip()}"
            for report, node in zip(self.reports, row.nodes, strict=True)
            if node is not None
        ]
        self.app.copy_to_clipboard("\n\n".join(parts))
        self.notify(
            ngettext("copied {count} paragraph", "copied {count} paragraphs", len(parts)).format(
                count=len(parts)
            ),
            timeout=2,
            markup=False,
        )

    def action_diff_view(self) -> None:
        """Open the focused view of the current aligned row (the next paragraph row)."""
        if self.comparison is None:
            self.notify(_("still analysing: changes not ready"), timeout=2, markup=False)
            return
        from reportdiff.tui.screens.diff_view import DiffScreen

        def done(row: int | None) -> None:
            if row is not None and row < len(self.anchors):
                self.go_to_anchor(row)

        start = self.current_row_index() or 0
        screen = DiffScreen(self.comparison, start, base=self.base)
        self.app.push_screen(screen, done)
