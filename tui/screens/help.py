"""HelpScreen: every binding of the app and the reader, read from the bindings themselves."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from reportdiff.core.i18n import N_, _
from reportdiff.tui.config import config_path
from reportdiff.tui.localize import localize_bindings
from reportdiff.tui.widgets.fitted_table import FittedTable
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

_DESCRIPTIONS = {
    "help_quit": N_("Show how to quit (Ctrl+Q quits)"),
    "select_cursor": N_("Bring every pane to this section"),
    "toggle_node": N_("Fold or unfold this section"),
    "toggle_expand_all": N_("Fold or unfold every section"),
    "cursor_up": N_("Previous section"),
    "cursor_down": N_("Next section"),
    "cursor_parent": N_("Up to the enclosing section"),
    "cursor_parent_next_sibling": N_("Next section one level up"),
    "cursor_previous_sibling": N_("Previous section at this level"),
    "cursor_next_sibling": N_("Next section at this level"),
}
"""Human words for bindings whose own description is empty or speaks of a tree."""


def describe(binding: Binding, where: str) -> str:
    """What a binding does, in words (never a raw action name such as ``help_quit``)."""
    action = binding.action.rpartition(".")[2]
    if where == "outline" or not (binding.tooltip or binding.description):
        return _(_DESCRIPTIONS.get(action, binding.description or action.replace("_", " ")))
    # The tooltip says more than the Footer's one-word label ("Change").
    return _(binding.tooltip or binding.description)


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
    HelpScreen FittedTable {
        height: 1fr;
    }
    HelpScreen #help-intro {
        height: auto;
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", N_("Close"), id="close-help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Text(
                    _(
                        "Keys. Remap any by its id in {path}: {example}. "
                        "Ctrl+P opens the command palette: jump to section, export, theme. "
                        "Esc closes this screen."
                    ).format(path=config_path(), example='{"keymap": {"next-paragraph": "x"}}')
                ),
                id="help-intro",
            )
            yield FittedTable(id="help-table")

    def on_mount(self) -> None:
        table = self.query_one(FittedTable)
        # The action wraps first, then the id (the four columns fit at 80, and in Chinese).
        table.set_columns((_("key"), _("action"), _("id"), _("where")), flexible=(1, 2))
        remapped: dict[str, str] = getattr(self.app, "user_keymap", {})
        rows: list[tuple[Text, ...]] = []
        for where, binding in self._listed_bindings():
            if binding.id in remapped:
                binding = replace(binding, key=remapped[binding.id])
            key = self.app.get_key_display(binding)
            rows.append(
                (
                    Text(key, style="bold"),
                    Text(describe(binding, where)),
                    Text(binding.id or "", style="dim"),
                    Text(_(where), style="dim"),
                )
            )
        table.set_rows(rows)
        table.focus()

    def _listed_bindings(self) -> list[tuple[str, Binding]]:
        """Bindings of the reader, our app, Textual's own keys, the outline and the numbers view.

        The outline's and the numbers view's keys only act there, so they are listed in
        groups of their own even where a key means something else in the reader (Enter).
        """
        from reportdiff.tui.screens.diff_view import DiffScreen
        from reportdiff.tui.screens.numbers import NumbersScreen
        from reportdiff.tui.screens.reader import ReaderScreen
        from textual.app import App
        from textual.screen import Screen
        from textual.widgets import Tree

        sources: list[tuple[str, list[BindingType]]] = [
            (N_("reader"), ReaderScreen.BINDINGS),
            (N_("app"), type(self.app).BINDINGS),
            # Screen before App: the screen's Ctrl+C (copy) is the one a key press reaches.
            (N_("textual"), [*Screen.BINDINGS, *App.BINDINGS]),
            # The palette key is bound by Textual at run time, not in a BINDINGS list.
            (
                "textual",
                [
                    Binding(
                        self.app.COMMAND_PALETTE_BINDING,
                        "command_palette",
                        N_("Command palette"),
                        id="command-palette",
                    )
                ],
            ),
        ]
        from reportdiff.tui.widgets.report_pane import ReportPane

        # A pane never scrolls sideways (text is wrapped), so its left/right keys are left out.
        scrolling = [
            b
            for b in Binding.make_bindings(ReportPane.BINDINGS)
            if not b.action.endswith(("left", "right"))
        ]
        sources += [
            (N_("pane"), list(scrolling)),
            (N_("outline"), Tree.BINDINGS),
            (N_("numbers"), NumbersScreen.BINDINGS),
            (N_("word diff"), DiffScreen.BINDINGS),
        ]
        out: list[tuple[str, Binding]] = []
        seen: set[tuple[str, str]] = set()
        for where, bindings in sources:
            scope = where if where in ("pane", "outline", "numbers", "word diff") else "main"
            for one in Binding.make_bindings(bindings):
                # A key bound at several levels does what the innermost says: list it once.
                if (scope, one.key) not in seen:
                    seen.add((scope, one.key))
                    out.append((where, one))
        return out
