"""The reader's export (``e``): ask where, remember the folder, write or send to the browser.

In a terminal the Markdown is written under core/output.py's contract (atomic replace,
links followed, reportdiff's own folders refused), after asking before overwriting a file.
Served in a browser (``reportdiff serve``) the server's disk is not the reader's: the file
goes through :meth:`textual.app.App.deliver_text` and the browser downloads it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.tui.config import load_state, remember

if TYPE_CHECKING:
    from reportdiff.core.comparison import Comparison
    from reportdiff.tui.app import ReportDiffApp

EXPORT_DIR_KEY = "export_dir"
"""The state key holding the folder of the last export written from the app."""


def default_name(ids: list[str]) -> str:
    """The export's file name: ``<id>-vs-<id>.md``."""
    return "-vs-".join(ids) + ".md"


def start_folder(explicit: Path | None) -> Path:
    """The folder the dialog offers: the app's own, else the last one used, else the cwd.

    A remembered folder that has gone away (an unplugged disk) is not offered.
    """
    if explicit is not None:
        return explicit
    saved = load_state().get(EXPORT_DIR_KEY)
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    return Path.cwd()


def output_problem(answer: str, name: str) -> str | None:
    """Why ``answer`` cannot be written (core/output.py's rules), or None."""
    from reportdiff.core.output import resolve_output

    try:
        resolve_output(Path(answer).expanduser(), name)
    except ReportError as exc:
        # The CLI's wording mentions -o; in the dialog there is no option to name.
        return str(exc).replace("; give a file name for -o", ": add a file name")
    return None


def browser_name(answer: str, name: str) -> str:
    """The file name a browser download gets: the answer's last part, never a path."""
    part = Path(answer.replace("\\", "/")).name
    return part or name


def ask_and_export(app: ReportDiffApp, cmp: Comparison) -> None:
    """Open the export dialog; write (or deliver) what the user confirms."""
    from reportdiff.tui.screens.export_dialog import ExportDialog

    name = default_name([r.meta.id for r in cmp.reports])
    if app.is_web:
        dialog = ExportDialog(
            name,
            title=_("Export the comparison as Markdown: file name for the download"),
            hint=_("Enter downloads it in the browser · Esc cancels"),
        )
        app.push_screen(dialog, lambda answer: _deliver(app, cmp, answer, name))
        return
    folder = start_folder(app.export_dir)
    dialog = ExportDialog(
        str(folder / name),
        title=_("Export the comparison as Markdown to"),
        hint=_("Enter writes it · a folder gets {name} · Esc cancels").format(name=name),
        check=lambda answer: output_problem(answer, name),
    )
    app.push_screen(dialog, lambda answer: _chosen(app, cmp, answer, name))


def _deliver(app: ReportDiffApp, cmp: Comparison, answer: str | None, name: str) -> None:
    if answer is None:
        app.notify(_("export cancelled"), timeout=3, markup=False)
        return
    from reportdiff.core.analysis.export import to_markdown

    filename = browser_name(answer, name)
    app.deliver_text(io.StringIO(to_markdown(cmp)), save_filename=filename, encoding="utf-8")
    app.notify(
        _("{filename} sent to the browser").format(filename=filename),
        title=_("export"),
        timeout=6,
        markup=False,
    )


def _chosen(app: ReportDiffApp, cmp: Comparison, answer: str | None, name: str) -> None:
    if answer is None:
        app.notify(_("export cancelled"), timeout=3, markup=False)
        return
    from reportdiff.core.output import resolve_output

    try:
        path = resolve_output(Path(answer).expanduser(), name)
    except ReportError as exc:  # the folder went away after the dialog checked it
        app.notify(_("export failed: {exc}").format(exc=exc), severity="error", markup=False)
        return
    if path.exists():
        from reportdiff.tui.screens.confirm import ConfirmScreen

        def overwrite(yes: bool | None) -> None:
            if yes:
                _write(app, cmp, path)
            else:
                app.notify(_("export cancelled: file kept"), timeout=3, markup=False)

        app.push_screen(
            ConfirmScreen(_("{path} exists. Overwrite it?").format(path=path)), overwrite
        )
    else:
        _write(app, cmp, path)


def _write(app: ReportDiffApp, cmp: Comparison, path: Path) -> None:
    from reportdiff.core.analysis.export import to_markdown
    from reportdiff.core.output import write_output

    try:
        path = write_output(path, to_markdown(cmp).encode("utf-8"), default_name=path.name)
    except ReportError as exc:
        app.notify(_("export failed: {exc}").format(exc=exc), severity="error", markup=False)
        return
    try:
        remember(EXPORT_DIR_KEY, str(path.parent))
    except OSError as exc:  # only a memory: the export itself succeeded
        app.notify(
            _("could not remember the folder: {exc}").format(exc=exc),
            severity="warning",
            markup=False,
        )
    app.notify(
        _("exported to {path}").format(path=path), title=_("export"), timeout=6, markup=False
    )
