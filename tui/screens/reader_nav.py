"""The reader's synchronised navigation: aligned paragraphs and sections, sync scrolling.

A mixin of :class:`~reportdiff.tui.screens.reader.ReaderScreen` (kept apart so the
screen's module stays readable): ``j``/``k``, ``J``/``K``, ``u``/``U``, the outline's
rows, the other panes following the focused one, and each pane's border saying which
reports lack the paragraph at its top.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from reportdiff.core.i18n import N_, _
from reportdiff.tui.idtails import distinct_tails
from reportdiff.tui.navigation import (
    Anchor,
    AnchorKind,
    anchors_from_report,
    fallback_offset,
    step,
)
from rich.cells import cell_len
from rich.text import Text

if TYPE_CHECKING:
    from reportdiff.core.model import Report
    from reportdiff.tui.widgets.outline import AlignmentOutline
    from reportdiff.tui.widgets.report_pane import ReportPane
    from textual.screen import Screen

    _ScreenBase = Screen[None]
    """What the mixin is mixed into, for the type checker (query_one, notify …)."""
else:
    _ScreenBase = object

BORDER_LABEL_MARGIN = 4
"""Cells of a pane's content width a border label cannot use: Textual draws it between the
corners with a blank either side, and cuts what does not fit with an ellipsis."""

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


class AnchorLookup:
    """:func:`~reportdiff.tui.navigation.anchor_index_at` by bisection, for one anchor list.

    The anchors' offsets in a pane need not rise in reading order (a moved paragraph), so
    each pane's ``(offset, anchor)`` pairs are sorted once; the answer is the anchor with
    the greatest offset at or before the one asked, the later anchor on a tie, as
    ``anchor_index_at`` finds by scanning every anchor (thousands on long reports, for
    each pane at every key).
    """

    def __init__(self, anchors: list[Anchor]) -> None:
        self.anchors = anchors
        self._panes: dict[int, list[tuple[int, int]]] = {}

    def at(self, pane: int, offset: int) -> int | None:
        """The anchor ``anchor_index_at(anchors, pane, offset)`` returns."""
        pairs = self._panes.get(pane)
        if pairs is None:
            pairs = self._panes[pane] = sorted(
                (o, i) for i, a in enumerate(self.anchors) if (o := a.offsets[pane]) is not None
            )
        k = bisect_right(pairs, (offset, len(self.anchors)))
        return pairs[k - 1][1] if k else None


class NavigationMixin(_ScreenBase):
    """Keys and events that move every pane to the same aligned paragraph."""

    if TYPE_CHECKING:  # provided by ReaderScreen
        reports: list[Report]
        anchors: list[Anchor]
        cursor: int | None
        lead: int
        sync_scroll: bool
        _placed: dict[int, float]
        _subtitles: dict[int, Text]

        @property
        def panes(self) -> list[ReportPane]: ...
        @property
        def _ids(self) -> tuple[str, ...]: ...
        def _outline(self) -> AlignmentOutline | None: ...

    _lookups: dict[int, AnchorLookup] | None = None

    def _anchor_at(self, anchors: list[Anchor], pane: int, offset: int) -> int | None:
        """The last anchor whose node in ``pane`` starts at or before ``offset``."""
        if self._lookups is None:
            self._lookups = {}
        found = self._lookups.get(id(anchors))
        if found is None or found.anchors is not anchors:
            if len(self._lookups) >= 4:  # the comparison's, and a report's own
                self._lookups.clear()
            found = self._lookups[id(anchors)] = AnchorLookup(anchors)
        return found.at(pane, offset)

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

    def _remember_placement(self) -> None:
        self._placed = {pane.index: pane.scroll_y for pane in self.panes}

    def _follow_lead(self, lead: ReportPane, rewrap: bool = False) -> None:
        """A pane scrolled: mark its border; the focused pane's scrolling moves the others
        to the same aligned paragraph (see :attr:`sync_scroll`).

        Called for each :class:`ReportPane.Scrolled` message, and at once by a pane's
        scrolling keys (so the panes move in one frame; the message that follows finds
        them in place already). ``rewrap``: a re-wrap moved the pane, not the reader.
        """
        # Only the focused pane leads, so panes moved here never echo back (no ping-pong).
        self._mark_counterpart(lead)
        if rewrap or not self.sync_scroll or not self.anchors:
            return
        if self._placed.get(lead.index) == lead.scroll_y:
            return  # our own placement (Scrolled arrives after the keys placed every pane)
        if lead.index != self.lead or not lead.has_focus:
            return
        top = lead.top_item()
        index = self._anchor_at(self.anchors, lead.index, lead.items[top].start)
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
            # Its border now, not when its own Scrolled message arrives: that was one
            # more frame after a key.
            self._mark_counterpart(pane)

    def _follow_key(self, lead: ReportPane) -> None:
        """A scrolling key moved ``lead``: the others follow now (see :meth:`_follow_lead`).

        A key is the reader scrolling even when it brings the pane back to where
        navigation put it (``pageup`` after ``pagedown``), so that placement is forgotten.
        """
        self._placed.pop(lead.index, None)
        self._follow_lead(lead)

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
        return self._anchor_at(anchors, self.lead, top_offset)

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
        note = ""
        if self.anchors:
            top = pane.items[pane.top_item()].start
            here = self._anchor_at(self.anchors, pane.index, top)
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
                note = _("no counterpart here")
            elif here is not None and others:
                missing = [i for i in others if self.anchors[here].offsets[i] is None]
                if len(missing) == len(others):
                    note = _("only in this report")
                elif missing:
                    note = self._not_in(missing, pane.size.width - BORDER_LABEL_MARGIN)
        sub = self._border_note(pane, note)
        # Set only when it changes: every assignment redraws the whole pane, and the
        # Scrolled message after a key computes the same line again (a second frame of
        # both long panes for each key).
        if self._subtitles.get(pane.index) != sub:
            self._subtitles[pane.index] = sub
            pane.border_subtitle = sub

    def _not_in(self, missing: list[int], room: int) -> str:
        """The note "not in national-2002, national-2004", the ids cut to what sets them apart
        (…2002) when the whole does not fit in ``room`` cells."""
        note = _("not in {ids}").format(ids=", ".join(self._ids[i] for i in missing))
        if cell_len(note) > room:
            tails = distinct_tails(self._ids)
            note = _("not in {ids}").format(ids=", ".join(tails[i] for i in missing))
        return note

    @staticmethod
    def _border_note(pane: ReportPane, note: str) -> Text:
        """The pane's id and ``note`` for its lower border; the note alone when both do not
        fit (the upper border names the report, and the note is what changes)."""
        sub = Text(pane.report.meta.id)
        if note:
            room = pane.size.width - BORDER_LABEL_MARGIN
            if pane.size.width and cell_len(f"{sub.plain} · {note}") > room:
                return Text(note, style="italic")
            sub.append(" · " + note, style="italic")
        return sub

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
