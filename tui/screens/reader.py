"""ReaderScreen: the reports side by side, the outline, synchronised navigation, search."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, ClassVar

from reportdiff.core.i18n import N_, _
from reportdiff.core.model import Report
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
    AnchorKind,
    anchor_index_at,
    anchors_from_comparison,
    anchors_from_report,
    changed_numbers,
    fallback_offset,
    step,
)
from reportdiff.tui.screens.reader_changes import ChangesMixin
from reportdiff.tui.widgets.footer import SteadyFooter
from reportdiff.tui.widgets.legend import Legend
from reportdiff.tui.widgets.mark_styles import MarkStyles
from reportdiff.tui.widgets.report_pane import ReportPane
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from reportdiff.core.comparison import Comparison, NumberPair
    from reportdiff.tui.widgets.outline import AlignmentOutline
    from textual.widget import AwaitMount
    from textual.widgets import Input

MAX_VISIBLE = 4
MIN_PANE_WIDTH = 36
OUTLINE_MIN_SCREEN = 110
"""Below this many columns the outline starts hidden (toggle with ``o``)."""


def outline_width(width: int) -> int:
    """Cells of the outline at a screen ``width``: a third of a wide screen, so each row's
    headings from every report fit (the tcss says the same: 34%, 30 to 80 cells)."""
    return max(30, min(80, width * 34 // 100))


_NO_MORE = {
    ("unmatched", True): N_("no next unmatched section"),
    ("unmatched", False): N_("no previous unmatched section"),
    ("section", True): N_("no next section"),
    ("section", False): N_("no previous section"),
    ("paragraph", True): N_("no next paragraph"),
    ("paragraph", False): N_("no previous paragraph"),
    ("anchor", True): N_("no next aligned paragraph"),
    ("anchor", False): N_("no previous aligned paragraph"),
}
"""What ``j``/``k``/``J``/``K``/``u``/``U`` say at the end of the way (whole messages,
so each translates as a sentence)."""


class ReaderScreen(ChangesMixin, Screen[None]):
    """The main screen: one pane per report, the aligned outline, the legend."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j",
            "paragraph(1)",
            N_("Next ¶"),
            id="next-paragraph",
            tooltip=N_("Bring every pane to the next aligned paragraph"),
        ),
        Binding(
            "k",
            "paragraph(-1)",
            N_("Prev ¶"),
            id="prev-paragraph",
            show=False,
            tooltip=N_("Bring every pane to the previous aligned paragraph"),
        ),
        Binding(
            "J",
            "section(1)",
            N_("Next §"),
            id="next-section",
            tooltip=N_("Bring every pane to the next aligned section"),
        ),
        Binding(
            "K",
            "section(-1)",
            N_("Prev §"),
            id="prev-section",
            show=False,
            tooltip=N_("Bring every pane to the previous aligned section"),
        ),
        Binding(
            "c",
            "number(1)",
            N_("Change"),
            id="next-changed-number",
            tooltip=N_("Go to the next changed number"),
        ),
        Binding(
            "C",
            "number(-1)",
            N_("Prev change"),
            id="prev-changed-number",
            show=False,
            tooltip=N_("Go to the previous changed number"),
        ),
        Binding(
            "u",
            "unmatched(1)",
            N_("Next unmatched"),
            id="next-unmatched",
            show=False,
            tooltip=N_("Go to the next section some report lacks"),
        ),
        Binding(
            "U",
            "unmatched(-1)",
            N_("Prev unmatched"),
            id="prev-unmatched",
            show=False,
            tooltip=N_("Go to the previous section some report lacks"),
        ),
        Binding("slash", "search", N_("Search"), id="search", tooltip=N_("Search all panes")),
        Binding(
            "n",
            "match(1)",
            N_("Next match"),
            id="next-match",
            show=False,
            tooltip=N_("Next search match in every pane"),
        ),
        Binding(
            "N",
            "match(-1)",
            N_("Prev match"),
            id="prev-match",
            show=False,
            tooltip=N_("Previous search match in every pane"),
        ),
        Binding(
            "1",
            "toggle_layer('shared')",
            N_("Shared"),
            id="toggle-shared",
            show=False,
            tooltip=N_("Toggle shared phrases"),
        ),
        Binding(
            "2",
            "toggle_layer('changed')",
            N_("Changed"),
            id="toggle-changed",
            show=False,
            tooltip=N_("Toggle changed numbers"),
        ),
        Binding(
            "3",
            "toggle_layer('same')",
            N_("Same"),
            id="toggle-same",
            show=False,
            tooltip=N_("Toggle same numbers"),
        ),
        Binding(
            "4",
            "toggle_layer('unique')",
            N_("Unique"),
            id="toggle-unique",
            show=False,
            tooltip=N_("Toggle text found in one report only"),
        ),
        Binding(
            "5",
            "toggle_layer('edits')",
            N_("Edits"),
            id="toggle-edits",
            show=False,
            tooltip=N_("Toggle words added and dropped inside paired paragraphs"),
        ),
        Binding(
            "d",
            "change(1)",
            N_("Next edit"),
            id="next-change",
            show=False,
            tooltip=N_("Go to the next words added, dropped or replaced inside a paragraph"),
        ),
        Binding(
            "D",
            "change(-1)",
            N_("Prev edit"),
            id="prev-change",
            show=False,
            tooltip=N_("Go to the previous words added, dropped or replaced inside a paragraph"),
        ),
        Binding(
            "w",
            "diff_view",
            N_("Word diff"),
            id="diff-view",
            tooltip=N_("The current aligned paragraphs one above the other, changes marked"),
        ),
        Binding(
            "b",
            "switch_base",
            N_("Base"),
            id="switch-base",
            show=False,
            tooltip=N_("Measure in-paragraph changes against the next report"),
        ),
        Binding(
            "y",
            "copy_row",
            N_("Copy ¶"),
            id="copy-paragraphs",
            show=False,
            tooltip=N_("Copy the mouse selection, else the current aligned paragraphs"),
        ),
        Binding(
            "v",
            "numbers",
            N_("Numbers"),
            id="numbers-view",
            tooltip=N_("Table of every number pair"),
        ),
        Binding(
            "o",
            "toggle_outline",
            N_("Outline"),
            id="toggle-outline",
            show=False,
            tooltip=N_("Show or hide the outline"),
        ),
        # Shown in the Footer only while some reports do not fit (see check_action).
        Binding(
            "right_square_bracket",
            "page(1)",
            N_("Next reports"),
            id="next-page",
            tooltip=N_("Show the next reports when not all fit"),
        ),
        Binding(
            "left_square_bracket",
            "page(-1)",
            N_("Prev reports"),
            id="prev-page",
            tooltip=N_("Show the previous reports"),
        ),
        Binding(
            "s",
            "toggle_sync",
            N_("Sync scroll"),
            id="toggle-sync-scroll",
            show=False,
            tooltip=N_("Other panes follow the focused pane's scrolling, paragraph by paragraph"),
        ),
        Binding("escape", "close_search", N_("Close search"), id="close-search", show=False),
    ]

    lead: reactive[int] = reactive(0)
    """Index of the pane navigation follows (the last focused pane)."""
    enabled: reactive[frozenset[str]] = reactive(frozenset(LAYERS))
    """Highlight layers switched on."""
    page_start: reactive[int] = reactive(0)
    """Index of the first visible pane."""
    sync_scroll: reactive[bool] = reactive(True)
    """Other panes follow the focused pane's scrolling by aligned paragraph."""
    base: reactive[int] = reactive(0)
    """Index of the report in-paragraph changes are measured against (``b`` switches)."""

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
        self._analysis_over = False
        self._paged = False
        self._placed: dict[int, float] = {}
        """Where navigation last put each pane, so sync scrolling does not undo it."""

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
                    yield ReportPane(report, i, id=f"pane-{i}")
        with Horizontal(id="status"):
            # First, so a long legend never pushes it off a narrow screen.
            yield Static(id="pages")
            yield Legend(id="legend")
        yield Static(id="footer-slot")

    @property
    def panes(self) -> list[ReportPane]:
        """All panes, visible or not, in report order."""
        return list(self.query(ReportPane))

    def on_mount(self) -> None:
        """Show the text at once; the rest of the screen follows one frame later."""
        self._arrange()
        self.panes[self.focus_first].focus()
        self.call_after_refresh(self._mount_secondary)

    async def _mount_secondary(self) -> None:
        body = self.query_one("#body")
        if not body.is_attached:  # the app is closing already
            return
        # Imported here: Tree, Input and LoadingIndicator are not needed for the first frame.
        from reportdiff.tui.widgets.outline import AlignmentOutline
        from textual.widgets import LoadingIndicator

        outline = AlignmentOutline(id="outline", classes="outline-box")
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
        if self.comparison is None and not self._analysis_over:
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
    def _ids(self) -> tuple[str, ...]:
        return tuple(r.meta.id for r in self.reports)

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
        """Offer [ and ] (in the Footer too) only while some reports do not fit."""
        if action == "page":
            return self._paged
        return True

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
        """Switch a highlight layer on or off."""
        self.enabled = self.enabled ^ {layer}
        on = layer in self.enabled
        message = _("{layer}: on") if on else _("{layer}: off")
        self.notify(message.format(layer=_(LAYER_LABELS[layer])), timeout=2, markup=False)

    # ----- focus ----------------------------------------------------------------------

    def action_toggle_sync(self) -> None:
        """Switch synchronised scrolling on or off."""
        self.sync_scroll = not self.sync_scroll
        self.notify(
            _("synchronised scrolling: on")
            if self.sync_scroll
            else _("synchronised scrolling: off"),
            timeout=2,
            markup=False,
        )

    @on(ReportPane.Scrolled)
    def _pane_scrolled(self, event: ReportPane.Scrolled) -> None:
        # Only the focused pane leads, so panes moved here never echo back (no ping-pong).
        lead = event.pane
        self._mark_counterpart(lead)
        if event.rewrap or not self.sync_scroll or not self.anchors:
            return
        if self._placed.get(lead.index) == lead.scroll_y:
            return  # our own placement (Scrolled arrives after the keys placed every pane)
        if lead.index != self.lead or not lead.has_focus:
            return
        top = lead.top_item()
        index = anchor_index_at(self.anchors, lead.index, lead.items[top].start)
        if index is None:
            return
        lead_item = lead.item_at_offset(self.anchors[index].offsets[lead.index] or 0)
        # How far into its paragraph the lead pane is, as a fraction of that paragraph;
        # on the blank line just above it the fraction is 0, not negative (which would put
        # the other panes above their counterparts).
        frac = (lead.scroll_y - lead.item_top(lead_item)) / lead.item_height(lead_item)
        frac = min(1.0, max(0.0, frac))
        for pane in self.panes:
            if pane is lead or not pane.display:
                continue
            offset = fallback_offset(self.anchors, index, pane.index)
            if offset is None:
                continue
            item = pane.item_at_offset(offset)
            y = pane.item_top(item) + round(frac * pane.item_height(item))
            pane.scroll_to(y=y, animate=False, immediate=True)

    def _remember_placement(self) -> None:
        self._placed = {pane.index: pane.scroll_y for pane in self.panes}

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

    # ----- synchronised navigation ----------------------------------------------------

    def _nav_anchors(self) -> list[Anchor]:
        if self.anchors:
            return self.anchors
        # Before the comparison: the lead pane's own structure, moving that pane alone.
        return anchors_from_report(self.reports[self.lead], self.lead, len(self.reports))

    def _current_anchor(self, anchors: list[Anchor]) -> int | None:
        pane = self.panes[self.lead]
        top_item = pane.top_item()
        if self.cursor is not None and self.cursor < len(anchors):
            off = fallback_offset(anchors, self.cursor, self.lead)
            if off is not None and pane.item_at_offset(off) == top_item:
                return self.cursor
        top_offset = pane.items[top_item].start
        return anchor_index_at(anchors, self.lead, top_offset)

    def _navigate(
        self, direction: int, *, kind: AnchorKind | None = None, unmatched: bool = False
    ) -> None:
        anchors = self._nav_anchors()
        current = self._current_anchor(anchors)
        target = step(anchors, current, direction, kind=kind, unmatched=unmatched)
        if target is None:
            what = "unmatched" if unmatched else (kind or "anchor")
            self.notify(_(_NO_MORE[what, direction > 0]), timeout=2, markup=False)
            return
        self.go_to_anchor(target, anchors)

    def go_to_anchor(self, index: int, anchors: list[Anchor] | None = None) -> None:
        """Bring every pane's node of anchor ``index`` to the top, at the same height."""
        anchors = anchors if anchors is not None else self._nav_anchors()
        self.cursor = index
        anchor = anchors[index]
        for pane in self.panes:
            offset = fallback_offset(anchors, index, pane.index)
            if offset is None:
                continue
            lacks = anchor.offsets[pane.index] is None and anchor.score is not None
            # A pane without a counterpart stays at its nearest earlier node, unmarked.
            pane.scroll_to_offset(offset, mark=not lacks)
            if lacks:
                pane.current_item = None
        self._remember_placement()
        self._mark_counterparts()
        if self.anchors and (outline := self._outline()) is not None:
            outline.follow(index)

    def _mark_counterparts(self) -> None:
        for pane in self.panes:
            self._mark_counterpart(pane)

    def _mark_counterpart(self, pane: ReportPane) -> None:
        """Say in the pane's border which reports lack the paragraph at its top.

        Computed from the alignment for what the pane shows now (not for where the last
        key sent it), so scrolling, searching and re-wrapping keep it true.
        """
        sub = Text(pane.report.meta.id)
        if self.anchors:
            top = pane.items[pane.top_item()].start
            here = anchor_index_at(self.anchors, pane.index, top)
            cursor = self.cursor
            others = [i for i in range(len(self.reports)) if i != pane.index]
            if (
                cursor is not None
                and cursor < len(self.anchors)
                and self.anchors[cursor].offsets[pane.index] is None
                and (off := fallback_offset(self.anchors, cursor, pane.index)) is not None
                and pane.item_at_offset(off) == pane.top_item()
            ):
                # The other panes show a row this report lacks; this pane waits before it.
                sub.append(" · " + _("no counterpart here"), style="italic")
            elif here is not None and others:
                missing = [self._ids[i] for i in others if self.anchors[here].offsets[i] is None]
                if len(missing) == len(others):
                    sub.append(" · " + _("only in this report"), style="italic")
                elif missing:
                    sub.append(
                        " · " + _("not in {ids}").format(ids=", ".join(missing)), style="italic"
                    )
        pane.border_subtitle = sub

    def action_paragraph(self, direction: int) -> None:
        """Next/previous aligned paragraph in every pane."""
        self._navigate(direction, kind="paragraph")

    def action_section(self, direction: int) -> None:
        """Next/previous aligned section in every pane."""
        self._navigate(direction, kind="section")

    def action_unmatched(self, direction: int) -> None:
        """Next/previous section that some report has no counterpart for."""
        if not self.anchors:
            self.notify(_("still analysing: alignment not ready"), timeout=2, markup=False)
            return
        self._navigate(direction, kind="section", unmatched=True)

    def on_alignment_outline_anchor_chosen(self, event: AlignmentOutline.AnchorChosen) -> None:
        """An outline row was selected: bring every pane to it."""
        if self.anchors:
            self.go_to_anchor(event.anchor)
        else:
            own = anchors_from_report(self.reports[0], 0, len(self.reports))
            self.go_to_anchor(event.anchor, own)

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
