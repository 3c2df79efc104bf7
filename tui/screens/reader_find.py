"""The reader's keys that jump to something found: changed numbers and search matches.

A mixin of :class:`~reportdiff.tui.screens.reader.ReaderScreen` (kept apart so the
screen's module stays readable): ``c``/``C`` and the numbers view (``v``), ``/`` and
``n``/``N``. Each pane is brought to its own occurrence, marked in the overlay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportdiff.core.i18n import _
from reportdiff.tui.layout import Mark
from reportdiff.tui.navigation import changed_numbers

if TYPE_CHECKING:
    from reportdiff.core.comparison import Comparison, NumberPair
    from reportdiff.tui.widgets.report_pane import ReportPane
    from textual.screen import Screen
    from textual.widgets import Input

    _ScreenBase = Screen[None]
    """What the mixin is mixed into, for the type checker (query_one, notify …)."""
else:
    _ScreenBase = object


class FindMixin(_ScreenBase):
    """Changed numbers (``c``/``C``, ``v``) and search (``/``, ``n``/``N``, Esc)."""

    if TYPE_CHECKING:  # provided by ReaderScreen
        comparison: Comparison | None
        cursor: int | None
        number_cursor: int | None
        change_cursor: int | None
        lead: int
        search_query: str
        matches: list[list[tuple[int, int]]]
        match_cursor: list[int | None]
        _search_input: Input | None

        @property
        def panes(self) -> list[ReportPane]: ...
        def _apply_highlights(self) -> None: ...
        def _remember_placement(self) -> None: ...
        def _mark_counterparts(self) -> None: ...
        async def _search_box(self) -> Input: ...

    # ----- numbers ----------------------------------------------------------------------

    def _current_pair(self) -> NumberPair | None:
        if self.comparison is None or self.number_cursor is None:
            return None
        pairs = changed_numbers(self.comparison, self.lead)
        return pairs[self.number_cursor] if self.number_cursor < len(pairs) else None

    def action_number(self, direction: int) -> None:
        """Next/previous changed number: every pane shows its value of that indicator."""
        if self.comparison is None:
            self.notify(_("still analysing: numbers not ready"), timeout=2, markup=False)
            return
        pairs = changed_numbers(self.comparison, self.lead)
        if not pairs:
            self.notify(_("no changed numbers"), timeout=2, markup=False)
            return
        if self.number_cursor is None:
            self.number_cursor = 0 if direction > 0 else len(pairs) - 1
        else:
            self.number_cursor = (self.number_cursor + direction) % len(pairs)
        self.show_pair(pairs[self.number_cursor])

    def show_pair(self, pair: NumberPair) -> None:
        """Scroll each pane to its value of ``pair`` and mark it."""
        self.change_cursor = None
        if self.comparison is not None:
            pairs = changed_numbers(self.comparison, self.lead)
            if pair in pairs:
                self.number_cursor = pairs.index(pair)
        for pane in self.panes:
            q = pair.values[pane.index]
            if q is not None:
                pane.scroll_to_offset(q.span.start, exact=True)
        self.cursor = None
        self._remember_placement()
        self._mark_counterparts()
        self._apply_highlights()
        if pair.status != "changed":
            for pane in self.panes:
                q = pair.values[pane.index]
                if q is not None:
                    pane.add_overlay(Mark(q.span.start, q.span.end, "search-current"))

    def action_numbers(self) -> None:
        """Open the numbers view; Enter there jumps back to the pair's paragraphs."""
        if self.comparison is None:
            self.notify(_("still analysing: numbers not ready"), timeout=2, markup=False)
            return
        from reportdiff.tui.screens.numbers import NumbersScreen

        def done(pair: NumberPair | None) -> None:
            if pair is not None:
                self.show_pair(pair)

        self.app.push_screen(NumbersScreen(self.comparison), done)

    # ----- search -----------------------------------------------------------------------

    async def action_search(self) -> None:
        """Open the search box."""
        box = await self._search_box()
        box.add_class("-visible")
        box.focus()

    def action_close_search(self) -> None:
        """Close the search box and return to the pane."""
        box = self._search_input
        if box is not None and box.has_class("-visible"):
            box.remove_class("-visible")
            self.panes[self.lead].focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box: search every pane."""
        if event.input.id != "search":
            return
        self.search(event.value)
        event.input.remove_class("-visible")
        self.panes[self.lead].focus()

    def search(self, query: str) -> None:
        """Find ``query`` in every report and bring each pane to its first match."""
        from reportdiff.tui.search import SearchError, find_matches

        self.search_query = query
        try:
            self.matches = [find_matches(p.report.text, query) for p in self.panes]
        except SearchError as exc:
            self.matches = [[] for _ in self.panes]
            self.match_cursor = [None for _ in self.panes]
            self._apply_highlights()
            self.notify(str(exc), severity="error", timeout=4, markup=False)
            return
        self.match_cursor = [None for _ in self.panes]
        total = sum(len(m) for m in self.matches)
        if not query:
            self._apply_highlights()
            return
        if total == 0:
            self._apply_highlights()
            self.notify(
                _("not found: {query}").format(query=query),
                severity="warning",
                timeout=3,
                markup=False,
            )
            return
        self.action_match(1)
        counts = ", ".join(f"{p.report.meta.id} {len(m)}" for p, m in zip(self.panes, self.matches))
        self.notify(f"{query}: {counts}", timeout=3, markup=False)

    def action_match(self, direction: int) -> None:
        """Next/previous match, in every pane that has matches."""
        if not any(self.matches):
            self.notify(_("nothing to find: press / to search"), timeout=2, markup=False)
            return
        for pane in self.panes:
            found = self.matches[pane.index]
            if not found:
                continue
            cur = self.match_cursor[pane.index]
            cur = (
                (0 if direction > 0 else len(found) - 1)
                if cur is None
                else (cur + direction) % len(found)
            )
            self.match_cursor[pane.index] = cur
            pane.scroll_to_offset(found[cur][0], mark=False, exact=True)
        self.cursor = None  # the panes left the aligned row they were on
        self._remember_placement()
        self._mark_counterparts()
        self._apply_highlights()
