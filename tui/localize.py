"""Bindings in the interface language: ``localize_bindings(self)`` after ``super().__init__()``.

Binding descriptions are written once, at class level, marked with ``N_()`` (English, so the
class can be made before the language is chosen). Textual copies a class's merged bindings
into each instance (``DOMNode._bindings``); this swaps that copy for one whose descriptions
and tooltips went through ``_()``, so the Footer and the key panel show the language chosen
at start-up. Textual's own bindings (Quit, Copy, scrolling keys) are translated too where
the catalog has them (tui/textual_messages.py marks them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reportdiff.core.i18n import _

if TYPE_CHECKING:
    from textual.dom import DOMNode


def localize_bindings(node: DOMNode) -> None:
    """Translate the descriptions and tooltips of ``node``'s own copy of its bindings."""
    from textual.binding import BindingsMap

    keys = {
        key: [
            replace(
                b,
                description=_(b.description) if b.description else b.description,
                tooltip=_(b.tooltip) if b.tooltip else b.tooltip,
            )
            for b in bindings
        ]
        for key, bindings in node._bindings.key_to_bindings.items()
    }
    node._bindings = BindingsMap.from_keys(keys)
