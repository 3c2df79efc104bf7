"""A report pane's scrolling keys: at once, and the panes that follow it in the same call.

A mixin of :class:`~reportdiff.tui.widgets.report_pane.ReportPane` (kept apart so the
pane's module stays readable).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportdiff.tui.widgets.pane_base import PaneBase
from textual.actions import SkipAction


class PaneKeys(PaneBase):
    """Up, down, page up/down, home and end for a report pane."""

    _follow: Callable[[Any], None] | None = None
    """Called with the pane after a key moved it (``ReportPane``'s ``follow`` argument)."""

    # Scrolling keys jump rather than animate, and at once: each frame of an animated page
    # scroll moved every other pane after the lead and redrew them all (about a second of
    # frames on long reports), and Textual's page keys scroll only after the next frame.
    # The panes that follow this one are moved in the same call (see ``follow``), so a
    # key is one frame, not one for this pane and one more for the others.
    def _scroll_by_key(self, y: float) -> None:
        """Scroll to line ``y`` at once, then have the other panes follow it."""
        before = self.scroll_y
        self.scroll_to(y=y, animate=False, immediate=True)
        if self.scroll_y != before and self._follow is not None:
            self._follow(self)

    def action_scroll_up(self) -> None:
        """One line up, at once."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self._scroll_by_key(self.scroll_y - 1)

    def action_scroll_down(self) -> None:
        """One line down, at once."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self._scroll_by_key(self.scroll_y + 1)

    def action_page_down(self) -> None:
        """One page down, at once."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self._scroll_by_key(self.scroll_y + self.scrollable_content_region.height)

    def action_page_up(self) -> None:
        """One page up, at once."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self._scroll_by_key(self.scroll_y - self.scrollable_content_region.height)

    def action_scroll_home(self) -> None:
        """To the start of the report, at once."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self._scroll_by_key(0)

    def action_scroll_end(self) -> None:
        """To the end of the report, at once."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self._scroll_by_key(self.max_scroll_y)
