"""Legend: one status line explaining each highlight layer, its key and whether it is on."""

from __future__ import annotations

from typing import ClassVar

from reportdiff.core.i18n import N_, _
from reportdiff.tui.highlights import LAYERS
from reportdiff.tui.widgets.mark_styles import MarkStyles
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class Legend(Widget):
    """Shows ``1 shared ✓ · 2 changed ⟨←…⟩ ✓ …`` with each sample in its layer's style.

    Before the comparison arrives it says ``analysing…`` instead.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"legend--key", "legend--off"}
    """Its own styles; each layer's sample is drawn in the panes' mark style, from the
    screen's :class:`~reportdiff.tui.widgets.mark_styles.MarkStyles` (mounted after the
    first frame: nothing but "analysing…" is shown before the comparison arrives)."""

    enabled: reactive[frozenset[str]] = reactive(frozenset(LAYERS))
    """Layers switched on."""
    counts: reactive[dict[str, int] | None] = reactive(None)
    """Items per layer once the comparison is in; None while analysing."""
    edits_base: reactive[str] = reactive("")
    """``vs <id>`` after the edits sample when changes are measured against a chosen base."""
    message: reactive[str] = reactive(N_("analysing… text is ready, highlights follow"))
    """Shown while :attr:`counts` is None (an English message, translated when drawn)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._marks: MarkStyles | None = None

    def use_mark_styles(self, holder: MarkStyles) -> None:
        """Draw the samples in ``holder``'s styles (given once it is mounted and styled)."""
        self._marks = holder
        self.refresh()

    def _mark(self, name: str) -> Style:
        """A pane mark style (``changed``, ``badge`` …), as the panes draw it."""
        return Style() if self._marks is None else self._marks.style(name)

    def render(self) -> Text:
        """The legend line."""
        if self.counts is None:
            return Text(" " + _(self.message), style="italic")
        style = self.get_component_rich_style
        out = Text(" ")
        samples: dict[str, list[tuple[str, str]]] = {
            "shared": [(_("shared"), "distinct"), ("/", ""), (_("common"), "boilerplate")],
            "changed": [(_("changed"), "changed"), (_("⟨←old Δ%⟩"), "badge")],
            "same": [(_("same"), "same"), ("⟨=⟩", "badge")],
            "unique": [(_("only here"), "unique")],
            "edits": [(_("added"), "inserted"), ("/", ""), (_("dropped"), "deleted")],
        }
        for i, layer in enumerate(LAYERS, start=1):
            on = layer in self.enabled
            out.append(f"{i}", style=style("legend--key"))
            out.append(" ")
            for text, mark in samples[layer]:
                if not on:
                    out.append(text, style=style("legend--off"))
                elif mark:
                    out.append(text, style=self._mark(mark))
                else:
                    out.append(text)
            if layer == "edits" and self.edits_base:
                out.append(f" {self.edits_base}", style="italic")
            out.append(f" {self.counts.get(layer, 0)}", style="dim")
            out.append(" ✓  " if on else " ✗  ", style="bold" if on else "dim")
        return out
