"""PickerScreen: choose a report to open or swap in, or add a file to the library."""

from __future__ import annotations

from typing import ClassVar

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import N_, _
from reportdiff.tui.localize import localize_bindings
from reportdiff.tui.picker import PickerRow, looks_like_file, picker_rows, rank
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option


class PickerScreen(ModalScreen[str | None]):
    """A filter box over every report the library knows; dismisses with the chosen id.

    Typing filters (fuzzy over id, region, years and title); ↑/↓ move in the list; Enter
    takes the highlighted report. Typing a file's path and Enter adds that file to the
    library (as ``reportdiff add``) and lists it; a file that cannot be added says why in
    one line.
    """

    DEFAULT_CSS = """
    PickerScreen {
        align: center middle;
    }
    PickerScreen > Vertical {
        width: 90%;
        max-width: 120;
        height: 80%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    PickerScreen OptionList {
        height: 1fr;
    }
    PickerScreen #picker-status {
        height: auto;
        color: $text-muted;
    }
    PickerScreen #picker-status.-error {
        color: $error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="picker-cancel"),
        Binding("down", "move(1)", N_("Next"), show=False, id="picker-next"),
        Binding("up", "move(-1)", N_("Previous"), show=False, id="picker-previous"),
    ]

    def __init__(self, title: str, *, exclude: frozenset[str] = frozenset()) -> None:
        """Create the picker.

        Args:
            title: What choosing does (``Open another report``), one line.
            exclude: Ids already on screen: listed, but refused with a word why.
        """
        super().__init__()
        localize_bindings(self)
        self.title_text = title
        self.exclude = exclude
        self.rows: list[PickerRow] = []
        self.shown: list[PickerRow] = []
        self._note: str | None = None
        """A message the next filter change shows instead of the count (after an add)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text, style="bold"), id="picker-title")
            yield Input(
                placeholder=_("filter: id, region, year, title · or a file's path to add it"),
                id="picker-query",
            )
            yield OptionList(id="picker-list")
            yield Static(
                Text(_("Enter opens · a path + Enter adds the file to your library · Esc")),
                id="picker-status",
            )

    def on_mount(self) -> None:
        self._load_rows()
        self.query_one(Input).focus()

    def _load_rows(self) -> None:
        from reportdiff.core.storage.resolve import list_entries

        self.rows = picker_rows(list_entries())
        self._filter(self.query_one(Input).value)

    def _filter(self, query: str) -> None:
        self.shown = [] if looks_like_file(query) else rank(self.rows, query)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(Text(row.label + ("  " + _("(on screen)") if row.id in self.exclude else "")))
            for row in self.shown
        )
        if self.shown:
            options.highlighted = 0

    def _status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#picker-status", Static)
        status.update(Text(message))  # paths and titles are data, never markup
        status.set_class(error, "-error")

    @on(Input.Changed, "#picker-query")
    def _typed(self, event: Input.Changed) -> None:
        self._filter(event.value)
        if self._note is not None:
            self._status(self._note)
            self._note = None
        elif looks_like_file(event.value):
            self._status(_("Enter adds this file to your library"))
        else:
            self._status(
                _("{count} of {count2} reports · Enter opens · Esc").format(
                    count=len(self.shown), count2=len(self.rows)
                )
            )

    def action_move(self, step: int) -> None:
        """Move the highlight in the list while typing in the filter box."""
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(Input.Submitted, "#picker-query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if looks_like_file(event.value):
            self._status(_("adding {value} …").format(value=event.value.strip()))
            self._add_file(event.value.strip())
            return
        index = self.query_one(OptionList).highlighted
        if index is None or not self.shown:
            self._status(_("no report matches: change the filter"), error=True)
            return
        self._choose(self.shown[index].id)

    @on(OptionList.OptionSelected, "#picker-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self._choose(self.shown[event.option_index].id)

    def _choose(self, report_id: str) -> None:
        if report_id in self.exclude:
            self._status(
                _("{report_id} is already on screen").format(report_id=report_id), error=True
            )
            return
        self.dismiss(report_id)

    @work(thread=True, exclusive=True, group="picker-add")
    def _add_file(self, path: str) -> None:
        """Add a file to the library off the UI thread (a PDF takes a while to read)."""
        from pathlib import Path

        from reportdiff.core.storage.library import add_files

        try:
            outcome = add_files([Path(path).expanduser()])
            if outcome.failed:
                raise ReportError(outcome.failed[0].message)
        except ReportError as exc:
            self.app.call_from_thread(
                self._status, _("not added: {reason}").format(reason=exc), error=True
            )
            return
        added = [m.id for m in outcome.added]
        there = [m.id for m in outcome.unchanged if m.id not in added]
        self.app.call_from_thread(self._added, added, there)

    def _added(self, ids: list[str], there: list[str]) -> None:
        """Show the reports the file gave: those added, else those the library held already
        (the same text and metadata: nothing was written)."""
        self._load_rows()
        if not ids and not there:
            self._status(_("no report found in that file"), error=True)
            return
        if ids:
            note = _("added {ids} to your library · Enter opens it")
        else:
            note = _("{ids} is in your library already · Enter opens it")
        self._note = note.format(ids=", ".join(ids or there))
        self.query_one(Input).value = (ids or there)[0]  # filters the list: Enter opens it

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
