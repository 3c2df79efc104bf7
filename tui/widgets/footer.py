"""SteadyFooter: Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    """A Footer that keeps its keys while the bindings it shows stay the same.

    Textual's Footer rebuilds all its keys at every bindings update, and focus moving
    between panes is one: the new keys changed the layout, and the whole screen (both
    long panes too) was composed again, about 0.3 s of CPU for ``tab`` on reports eight
    times national length. Moving between the report panes leaves the keys as they were.
    """

    _shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild the keys, unless they are the ones already shown."""
        shown = tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
        )
        if self._bindings_ready and shown == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # Footer.bindings_changed rebuilds the keys
        super().bindings_changed(screen)
