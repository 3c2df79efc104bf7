"""ExportDialog: asks where the export goes, as a modal that dismisses with the answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from reportdiff.core.i18n import N_, _
from reportdiff.tui.localize import localize_bindings
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class ExportDialog(ModalScreen[str | None]):
    """One line to edit: the file (or folder) to write, prefilled; Enter writes, Esc cancels.

    ``check`` is asked about the answer before the dialog closes: a refused path (a
    missing folder, reportdiff's own files) is shown in one line under the input and the
    dialog stays, so the user can correct it without starting again.
    """

    DEFAULT_CSS = """
    ExportDialog {
        align: center middle;
    }
    ExportDialog > Vertical {
        width: 80%;
        max-width: 100;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    ExportDialog #export-problem {
        color: $error;
        height: auto;
    }
    ExportDialog #export-hint {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="export-cancel"),
    ]

    def __init__(
        self,
        value: str,
        *,
        title: str,
        hint: str,
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        """Create the dialog.

        Args:
            value: What the input starts with (the last folder and the default name).
            title: The question, one line.
            hint: What Enter and a folder do, one line.
            check: Returns why an answer cannot be used, or None when it can.
        """
        super().__init__()
        localize_bindings(self)
        self.value = value
        self.title_text = title
        self.hint = hint
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), id="export-title")
            yield Input(self.value, id="export-path", select_on_focus=False)
            yield Static(id="export-problem")
            yield Static(Text(self.hint), id="export-hint")

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.focus()
        box.cursor_position = len(box.value)

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = event.value.strip()
        problem = _("give a file name") if not answer else None
        if problem is None and self.check is not None:
            problem = self.check(answer)
        if problem is not None:
            # Plain text: a path may hold brackets.
            self.query_one("#export-problem", Static).update(Text(problem))
            return
        self.dismiss(answer)

    @on(Input.Changed, "#export-path")
    def _edited(self) -> None:
        self.query_one("#export-problem", Static).update("")

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
