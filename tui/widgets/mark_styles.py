"""MarkStyles: the highlight (mark) styles of the panes and the legend; never shown."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.widget import Widget

LAYER_STYLES = (
    "unique",
    "boilerplate",
    "distinct",
    "deleted",
    "inserted",
    "same",
    "changed",
    "badge",
    "search",
    "search-current",
)
"""Mark styles in the order a pane applies them (later ones win where they overlap)."""


class MarkStyles(Widget):
    """The highlight (mark) styles, as component classes; never shown.

    Every mark style (``mark-styles--changed`` …) is styled below with theme
    variables, so themes recolour highlights; each also has a non-colour signal (bold,
    underline, italic, reverse, strike) so colour is never the only cue: deleted text
    is struck through, inserted text bold and underlined.

    One holder serves every pane and the legend. They are not the panes' own component
    classes: Textual recomputes all of a widget's component classes each time it is
    styled (at mount, on focus, when the first screen resumes: five times for two panes
    before the first frame), and no mark is drawn before the comparison or a search
    arrives. The reader mounts the holder after the first frame.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"mark-styles--{name}" for name in LAYER_STYLES}

    # Parsed when the holder mounts, after the first frame (not with app.tcss).
    DEFAULT_CSS = """
    MarkStyles {
        display: none;
    }
    MarkStyles > .mark-styles--unique {
        text-style: italic;
        color: $text-secondary;
    }
    MarkStyles > .mark-styles--boilerplate {
        text-style: dim;
    }
    MarkStyles > .mark-styles--distinct {
        text-style: underline;
        color: $text-accent;
    }
    MarkStyles > .mark-styles--deleted {
        text-style: strike;
        color: $text-error;
    }
    MarkStyles > .mark-styles--inserted {
        text-style: bold underline;
        color: $text-success;
    }
    MarkStyles > .mark-styles--same {
        text-style: underline;
        color: $text-success;
    }
    MarkStyles > .mark-styles--changed {
        text-style: bold reverse;
        color: $warning;
    }
    MarkStyles > .mark-styles--badge {
        text-style: italic;
        color: $text-warning;
    }
    MarkStyles > .mark-styles--search {
        text-style: bold underline;
        background: $primary-muted;
    }
    MarkStyles > .mark-styles--search-current {
        text-style: bold reverse;
        color: $primary;
    }
    """

    def style(self, name: str) -> Style:
        """The mark style ``name`` (``changed``, ``badge`` …), without the parent's."""
        return self.get_component_rich_style(f"mark-styles--{name}", partial=True)
