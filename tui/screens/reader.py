"""ReaderScreen: the reports side by side, the outline, synchronised navigation, search.

This module composes the screen and wires in the comparison and its highlights; the keys
are in :mod:`~reportdiff.tui.screens.reader_keys`, navigation in
:mod:`~reportdiff.tui.screens.reader_nav`, numbers and search in
:mod:`~reportdiff.tui.screens.reader_find`, in-paragraph changes in
:mod:`~reportdiff.tui.screens.reader_changes`.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, ClassVar

from reportdiff.core.i18n import N_, _
from reportdiff.core.model import Report, shown_id
from reportdiff.tui.highlights import (
    LAYER_LABELS,
    LAYERS,
    layer_counts,
    mark_order,
    pane_layer_parts,
)
from reportdiff.tui.layout import Mark
from reportdiff.tui.localize import localize_bindings
from reportdiff.tui.navigation import (
    Anchor,
    anchors_from_comparison,
    anchors_from_report,
)
from reportdiff.tui.screens.reader_changes import ChangesMixin
from reportdiff.tui.screens.reader_find import FindMixin
from reportdiff.tui.screens.reader_keys import READER_BINDINGS
from reportdiff.tui.screens.reader_nav import NavigationMixin
from reportdiff.tui.widgets.legend import Legend
from reportdiff.tui.widgets.mark_styles import MarkStyles
from reportdiff.tui.widgets.report_pane import ReportPane
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

if TYPE_CHECKING:
    from reportdiff.core.comparison import Comparison
    from reportdiff.tui.collector import IdleCollector
    from reportdiff.tui.widgets.outline import AlignmentOutline
    from textual.widget import AwaitMount
    from textual.widgets import Input

COMPARISON_ACTIONS = frozenset(
    {"number", "change", "unmatched", "diff_view", "numbers", "switch_base", "toggle_layer"}
)
"""The reader's actions that need a comparison: not offered with one report open."""

MAX_VISIBLE = 4
MIN_PANE_WIDTH = 36
ONE_REPORT = N_("one report open: nothing to compare · a opens another")
"""The legend's line when one report is open (translated when drawn)."""
OUTLINE_MIN_SCREEN = 110
"""Below this many columns the outline starts hidden (toggle with ``o``)."""


def outline_width(width: int) -> int:
    """Cells of the outline at a screen ``width``: a third of a wide screen, so each row's
    headings from every report fit (the tcss says the same: 34%, 30 to 80 cells)."""
    return max(30, min(80, width * 34 // 100))


class ReaderScreen(NavigationMixin, FindMixin, ChangesMixin, Screen[None]):
    """The main screen: one pane per report, the aligned outline, the legend."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    # Vars, not reactives: the screen draws nothing of its own from them (the panes, the
    # legend and the layout follow through the watchers), and a reactive's change
    # repainted the whole screen, both long panes too (a full frame for each ``1``–``5``
    # and each ``tab``).
    lead: var[int] = var(0)
    """Index of the pane navigation follows (the last focused pane)."""
    enabled: var[frozenset[str]] = var(frozenset(LAYERS))
    """Highlight layers switched on."""
    page_start: var[int] = var(0)
    """Index of the first visible pane."""
    sync_scroll: var[bool] = var(True)
    """Other panes follow the focused pane's scrolling by aligned paragraph."""
    base: var[int] = var(0)
    """Index of the report in-paragraph changes are measured against (``b`` switches)."""
    focused: var[Widget | None] = var(None)
    """Textual's focused widget, as a var here: the panes restyle their own borders when
    focus moves (Textual updates the focus styles), and Screen's reactive repainted the
    whole screen at every ``tab`` as well."""

    def __init__(self, reports: list[Report], *, focus: int = 0) -> None:
        """Create the reader.

        Args:
            reports: The reports, one pane each, in comparison order.
            focus: The pane focused (and brought on screen) first.
        """
        super().__init__()
        localize_bindings(self)
        self.reports = reports
        self.focus_first = min(max(0, focus), len(reports) - 1)
        self.set_reactive(ReaderScreen.page_start, self.focus_first)  # clamped by _arrange
        self.set_reactive(ReaderScreen.lead, self.focus_first)
        self.comparison: Comparison | None = None
        self.anchors: list[Anchor] = []
        self.cursor: int | None = None
        self.number_cursor: int | None = None
        self.change_cursor: int | None = None
        """Index into :func:`~reportdiff.tui.changes.change_stops` of the current change."""
        self.search_query = ""
        self.matches: list[list[tuple[int, int]]] = [[] for _ in reports]
        """Per report: ``(start, end)`` of every search match (see tui/search.py)."""
        self.match_cursor: list[int | None] = [None for _ in reports]
        self.outline_wanted: bool | None = None
        self._search_input: Input | None = None
        self._search_mount: AwaitMount | None = None
        self._analysis_over = len(reports) < 2  # no comparison will run for one report
        """The comparison arrived or failed, or none will run (one report)."""
        self._paged = False
        self._placed: dict[int, float] = {}
        """Where navigation last put each pane, so sync scrolling does not undo it."""
        self._subtitles: dict[int, Text] = {}
        """Each pane's border subtitle as last set (see :meth:`_mark_counterpart`)."""
        self._pane_list: list[ReportPane] | None = None
        self._collector: IdleCollector | None = None
        """Collects the keys' garbage between keys, once the comparison is frozen."""

    # ----- composition ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The outline, the Footer, the mark styles and the search box are mounted after
        # the first frame: the reports' text comes first (see bench/bench_startup.py).
        # Stand-ins keep the outline's and the Footer's room meanwhile, so nothing moves
        # (and the panes wrap once) when the real widgets take their place.
        with Horizontal(id="body"):
            yield Static(id="outline-slot", classes="outline-box")
            with Horizontal(id="panes"):
                for i, report in enumerate(self.reports):
                    yield ReportPane(report, i, id=f"pane-{i}", follow=self._follow_key)
        with Horizontal(id="status"):
            # First, so a long legend never pushes it off a narrow screen.
            yield Static(id="pages")
            yield Legend(id="legend")
        yield Static(id="footer-slot")

    @property
    def panes(self) -> list[ReportPane]:
        """All panes, visible or not, in report order.

        Found once they are all mounted (they stay for the screen's life): a query walks
        the whole screen (the outline's rows, the Footer's keys), and the keys ask for the
        panes several times each.
        """
        if self._pane_list is None:
            found = list(self.query(ReportPane))
            if len(found) != len(self.reports):
                return found
            self._pane_list = found
        return list(self._pane_list)

    def on_mount(self) -> None:
        """Show the text at once; the rest of the screen follows one frame later."""
        self._arrange()
        self.panes[self.focus_first].focus()
        self.call_after_refresh(self._mount_secondary)

    async def _mount_secondary(self) -> None:
        body = self.query_one("#body")
        if not body.is_attached:  # the app is closing already
            return
        # Imported here: Tree, Input, the Footer and LoadingIndicator are not needed for
        # the first frame.
        from reportdiff.tui.widgets.footer import SteadyFooter
        from reportdiff.tui.widgets.outline import AlignmentOutline
        from textual.widgets import LoadingIndicator

        outline = AlignmentOutline(id="outline", classes="outline-box", compared=self.comparing)
        with self.app.batch_update():  # one frame: the stand-ins go, the widgets come
            removed = self.query("#outline-slot, #footer-slot").remove()
            mounts = [body.mount(outline, before="#panes"), self.mount(SteadyFooter())]
            self._arrange()
            await removed
            for mounting in mounts:
                await mounting
        self.refresh_bindings()  # a Footer lists the keys on the next bindings update
        marks = MarkStyles(id="mark-styles")
        await self.mount(marks)  # styled as it mounts: its styles are there from now on
        for pane in self.panes:
            pane.use_mark_styles(marks)
        self.query_one(Legend).use_mark_styles(marks)
        if not self.comparing:
            self.query_one(Legend).message = ONE_REPORT
        elif self.comparison is None and not self._analysis_over:
            await self.query_one("#status").mount(LoadingIndicator(id="loading"), before="#legend")
        self._fill_outline()
        await self._search_box()

    async def _search_box(self) -> Input:
        """The search input, mounted on first use (not needed for the first frame).

        The first frame and a quick ``/`` may both ask for it: it is created and its
        mount started once, and every caller awaits that same mount.
        """
        if self._search_input is None or self._search_mount is None:
            from textual.widgets import Input

            self._search_input = Input(
                placeholder=_("search all panes: width and case folded, /regex/ (Enter, Esc)"),
                id="search",
            )
            self._search_mount = self.mount(self._search_input, before="#status")
        await self._search_mount
        return self._search_input

    def _fill_outline(self) -> None:
        """The aligned rows once compared; the first report's own sections until then."""
        outline = self._outline()
        if outline is None:
            return
        if self.anchors:
            outline.show_anchors(self.anchors, self._ids)
        else:
            own = anchors_from_report(self.reports[0], 0, len(self.reports))
            outline.show_anchors(own, self._ids)

    def _outline(self) -> AlignmentOutline | None:
        """The outline, once mounted (it follows the first frame)."""
        found = self.query("#outline")
        return found.first() if found else None  # type: ignore[return-value]

    @property
    def comparing(self) -> bool:
        """Whether these reports are compared: it takes two (one open is read alone)."""
        return len(self.reports) >= 2

    @property
    def _ids(self) -> tuple[str, ...]:
        """The reports as the outline names them (a path's name with the year it reviews)."""
        return tuple(shown_id(r.meta) for r in self.reports)

    def on_resize(self) -> None:
        """Fit as many panes as the width allows (2–4) and hide the outline when narrow."""
        self._arrange()

    def _visible_count(self, width: int, outline: bool) -> int:
        avail = width - (outline_width(width) if outline else 0)
        fit = max(2, avail // MIN_PANE_WIDTH)
        return max(1, min(MAX_VISIBLE, len(self.reports), fit))

    def _arrange(self) -> None:
        width = self.size.width or self.app.size.width
        show_outline = (
            self.outline_wanted if self.outline_wanted is not None else width >= OUTLINE_MIN_SCREEN
        )
        for box in self.query(".outline-box"):  # the outline, or its stand-in
            box.display = show_outline
        count = self._visible_count(width, show_outline)
        start = min(self.page_start, max(0, len(self.reports) - count))
        for pane in self.panes:
            pane.display = start <= pane.index < start + count
        # Say which reports are on screen when not all fit, so a hidden one is not lost.
        pages = self.query_one("#pages", Static)
        paged = count < len(self.reports)
        pages.display = paged
        if paged:
            pages.update(
                Text(
                    " "
                    + _("reports {first}–{last} of {total} · [ ] more").format(
                        first=start + 1, last=start + count, total=len(self.reports)
                    )
                    + " "
                )
            )
        if paged != self._paged:
            self._paged = paged
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer [ and ] (in the Footer too) only while some reports do not fit, and the
        comparison's keys only when two or more reports are open."""
        if action == "page":
            return self._paged
        if action in COMPARISON_ACTIONS:
            return self.comparing
        return True

    def on_key(self, event: events.Key) -> None:
        """With one report the comparison's keys (hidden from the Footer, listed in the
        help) say why nothing happens, the export key as the others."""
        if self.comparing:
            return
        keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
        keys = keymap.get("export", "e").split(",")
        if event.key in keys:
            event.stop()
            self.app.action_export()  # type: ignore[attr-defined]
            return
        actions = {
            b.action.split("(", 1)[0] for b in self._bindings.key_to_bindings.get(event.key, [])
        }
        if actions & COMPARISON_ACTIONS:
            event.stop()
            self.notify(_(ONE_REPORT), severity="warning", timeout=3, markup=False)

    def watch_page_start(self) -> None:
        self._arrange()

    # ----- comparison ---------------------------------------------------------------

    freeze_gc: ClassVar[bool | None] = None
    """Freeze the collector's view of the comparison once shown; None: only in a real
    terminal (headless test processes run many apps, whose garbage must stay collectable).
    """

    def show_comparison(self, cmp: Comparison) -> None:
        """Wire in the engine's result: anchors, outline, highlight layers, legend."""
        self.comparison = cmp
        self.anchors = anchors_from_comparison(cmp)
        self.cursor = None
        self._fill_outline()
        self._analysis_over = True
        for loading in self.query("#loading"):
            loading.remove()
        legend = self.query_one(Legend)
        legend.counts = layer_counts(cmp, base=self.base)
        legend.edits_base = self._base_note()
        self._apply_highlights()
        self._mark_counterparts()
        if self.freeze_gc if self.freeze_gc is not None else not self.app.is_headless:
            # The comparison and its highlight layers (some 10^5–10^6 objects on long
            # reports) live as long as the reader: keep them out of later collections,
            # as ReportDiffApp.run does with the start-up objects. A full collection
            # scanning them took 0.15–0.25 s on reports 8× national length, on a key.
            gc.freeze()
            # And what the keys make is collected between keys (tui/collector.py).
            if self._collector is None:
                from reportdiff.tui.collector import IdleCollector

                self._collector = IdleCollector(self)
                self._collector.start()

    def on_unmount(self) -> None:
        """Python collects on its own again once the reader is gone."""
        if self._collector is not None:
            self._collector.stop()

    def show_analysis_failed(self, message: str) -> None:
        """Keep reading possible when the comparison cannot be computed."""
        self._analysis_over = True
        for loading in self.query("#loading"):
            loading.remove()
        self.query_one(Legend).message = _("no highlights: {reason}").format(reason=message)

    def _apply_highlights(self) -> None:
        if self.comparison is None:
            extra_only = True
        else:
            extra_only = False
        for pane in self.panes:
            if extra_only:
                pane.set_highlights([], [], self._overlay(pane.index))
                continue
            assert self.comparison is not None
            parts = pane_layer_parts(self.comparison, pane.index, self.enabled, base=self.base)
            pane.set_layers(
                [marks for marks, _b in parts],
                [b for _m, badges in parts for b in badges],
                self._overlay(pane.index),
                order=mark_order,
            )

    def _overlay(self, index: int) -> list[Mark]:
        """Search matches and the current changed number, drawn over the layers."""
        out: list[Mark] = []
        cur = self.match_cursor[index]
        for k, (start, end) in enumerate(self.matches[index]):
            out.append(Mark(start, end, "search-current" if k == cur else "search"))
        pair = self._current_pair()
        if pair is not None:
            q = pair.values[index]
            if q is not None:
                out.append(Mark(q.span.start, q.span.end, "search-current"))
        out.extend(self._change_overlay(index))
        return out

    def watch_enabled(self) -> None:
        self.query_one(Legend).enabled = self.enabled
        self._apply_highlights()

    def action_toggle_layer(self, layer: str) -> None:
        """Switch a highlight layer on or off.

        Once the comparison is shown the legend says it, in the same frame (the layer's
        ✓ becomes ✗, its samples struck through): no toast. A toast is mounted into the
        screen and unmounted two seconds later, each a layout of the whole screen and
        two or three more frames after the key's own (some 0.1 s of frames on long
        reports, for words the legend already shows). Before the comparison the legend
        says "analysing…", so the toast says it.
        """
        self.enabled = self.enabled ^ {layer}
        if self.comparison is not None:
            return
        on = layer in self.enabled
        message = _("{layer}: on") if on else _("{layer}: off")
        self.notify(message.format(layer=_(LAYER_LABELS[layer])), timeout=2, markup=False)

    # ----- panes' events ---------------------------------------------------------------

    @on(ReportPane.Scrolled)
    def _pane_scrolled(self, event: ReportPane.Scrolled) -> None:
        self._follow_lead(event.pane, event.rewrap)

    @on(ReportPane.Focused)
    def _pane_focused(self, event: ReportPane.Focused) -> None:
        self.lead = event.pane.index

    def action_toggle_outline(self) -> None:
        """Show or hide the outline."""
        boxes = self.query(".outline-box")  # the outline, or its stand-in on the first frame
        if boxes:
            self.outline_wanted = not boxes.first().display
        self._arrange()

    def action_page(self, direction: int) -> None:
        """Show the next or previous set of panes when not all fit."""
        count = sum(1 for p in self.panes if p.display)
        last = max(0, len(self.reports) - count)
        self.page_start = max(0, min(last, self.page_start + direction * count))
        visible = [p for p in self.panes if p.display]
        if visible:
            visible[0].focus()
