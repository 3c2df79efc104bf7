"""What a report pane's mixins (drawing, keys, places) are mixed into, for the type checker.

Each mixin subclasses :data:`PaneBase`: Textual's ``ScrollView`` while type checking (so
``self.scroll_y`` and the like are known), plain ``object`` at run time (the pane itself
is the ``ScrollView``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    PaneBase = ScrollView
else:
    PaneBase = object
