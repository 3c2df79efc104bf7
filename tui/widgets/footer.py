"""SteadyFooter: Textual's Footer, rebuilt only when the keys it shows change, and showing
only whole keys."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class SteadyFooter(Footer):
    """A Footer that keeps its keys while the bindings it shows stay the same.

    Textual's Footer rebuilds all its keys at every bindings update, and focus moving
    between panes is one: the new keys changed the layout, and the whole screen (both
    long panes too) was composed again, about 0.3 s of CPU for ``tab`` on reports eight
    times national length. Moving between the report panes leaves the keys as they were.

    Keys that do not fit beside the palette key are hidden whole, from the last (the
    app's Quit and Export come after a screen's own keys), though Help stays: Textual's
    Footer cut the label that reached the edge ("e Expor" at 80 columns).
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

    async def recompose(self) -> None:
        """Rebuild the keys, then keep those that fit."""
        await super().recompose()
        self._fit_keys()

    def on_resize(self) -> None:
        """Show every key again and drop, once laid out, those past the edge."""
        self._fit_keys()

    def _keys(self) -> list[FooterKey]:
        return [k for k in self.query(FooterKey) if not k.has_class("-command-palette")]

    def _fit_keys(self) -> None:
        for key in self._keys():
            key.display = True
        self.call_after_refresh(self._drop_overflow)

    def _drop_overflow(self) -> None:
        palette = [k for k in self.query(FooterKey) if k.has_class("-command-palette")]
        edge = palette[0].region.x if palette else self.region.right
        keys = self._keys()
        # "? Help" leads to every key: it stays, and the keys before it make room.
        help_key = next((k for k in keys if k.key == "question_mark"), None)
        room = edge
        if help_key is not None and help_key.region.right > edge:
            room -= help_key.region.width
        over = False
        for key in keys:
            if key is help_key:
                continue
            over = over or key.region.right > room
            key.display = not over
