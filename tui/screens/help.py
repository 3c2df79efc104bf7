"""HelpScreen: every binding of the app and the reader, read from the bindings themselves."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    """Lists key, action and binding id (for remapping) of every binding."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > Vertical {
        width: 90%;
        max-width: 110;
        height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen DataTable {
        height: 1fr;
    }
    HelpScreen #help-intro {
        height: auto;
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", id="close-help"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Text(
                    "Keys (remap any by its id with App.set_keymap). "
                    "Ctrl+P opens the command palette: jump to section, export, theme. "
                    "Esc closes this screen."
                ),
                id="help-intro",
            )
            yield DataTable(cursor_type="row", zebra_stripes=True, id="help-table")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("key", "action", "id", "where")
        remapped: dict[str, str] = getattr(self.app, "user_keymap", {})
        for where, binding in self._listed_bindings():
            if binding.id in remapped:
                binding = replace(binding, key=remapped[binding.id])
            key = self.app.get_key_display(binding)
            table.add_row(
                Text(key, style="bold"),
                Text(binding.description or binding.action),
                Text(binding.id or "", style="dim"),
                Text(where, style="dim"),
            )
        table.focus()

    def _listed_bindings(self) -> list[tuple[str, Binding]]:
        """Bindings of the reader screen, our app, and Textual's own app and screen keys."""
        from reportdiff.tui.screens.reader import ReaderScreen
        from textual.app import App
        from textual.screen import Screen

        sources: list[tuple[str, list[BindingType]]] = [
            ("reader", ReaderScreen.BINDINGS),
            ("app", type(self.app).BINDINGS),
            ("textual", [*App.BINDINGS, *Screen.BINDINGS]),
            # The palette key is bound by Textual at run time, not in a BINDINGS list.
            (
                "textual",
                [
                    Binding(
                        self.app.COMMAND_PALETTE_BINDING,
                        "command_palette",
                        "Command palette",
                        id="command-palette",
                    )
                ],
            ),
        ]
        out: list[tuple[str, Binding]] = []
        seen: set[str] = set()
        for where, bindings in sources:
            for one in Binding.make_bindings(bindings):
                # A key bound at several levels does what the innermost says: list it once.
                if one.key not in seen:
                    seen.add(one.key)
                    out.append((where, one))
        return out
