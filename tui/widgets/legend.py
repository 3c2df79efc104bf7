"""Legend: one status line explaining each highlight layer, its key and whether it is on."""

from __future__ import annotations

from typing import ClassVar

from reportdiff.tui.highlights import LAYERS
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class Legend(Widget):
    """Shows ``1 shared ✓ · 2 changed ⟨←…⟩ ✓ …`` with each sample in its layer's style.

    Before the comparison arrives it says ``analysing…`` instead.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "legend--distinct",
        "legend--boilerplate",
        "legend--changed",
        "legend--badge",
        "legend--same",
        "legend--unique",
        "legend--key",
        "legend--off",
    }

    enabled: reactive[frozenset[str]] = reactive(frozenset(LAYERS))
    """Layers switched on."""
    counts: reactive[dict[str, int] | None] = reactive(None)
    """Items per layer once the comparison is in; None while analysing."""
    message: reactive[str] = reactive("analysing… text is ready, highlights follow")
    """Shown while :attr:`counts` is None."""

    def render(self) -> Text:
        """The legend line."""
        if self.counts is None:
            return Text(" " + self.message, style="italic")
        style = self.get_component_rich_style
        out = Text(" ")
        samples: dict[str, list[tuple[str, str]]] = {
            "shared": [
                ("shared", "legend--distinct"),
                ("/", ""),
                ("common", "legend--boilerplate"),
            ],
            "changed": [("changed", "legend--changed"), ("⟨←old Δ%⟩", "legend--badge")],
            "same": [("same", "legend--same"), ("⟨=⟩", "legend--badge")],
            "unique": [("only here", "legend--unique")],
        }
        for i, layer in enumerate(LAYERS, start=1):
            on = layer in self.enabled
            out.append(f"{i}", style=style("legend--key"))
            out.append(" ")
            for text, cls in samples[layer]:
                if not on:
                    out.append(text, style=style("legend--off"))
                elif cls:
                    out.append(text, style=style(cls))
                else:
                    out.append(text)
            out.append(f" {self.counts.get(layer, 0)}", style="dim")
            out.append(" ✓  " if on else " ✗  ", style="bold" if on else "dim")
        return out
