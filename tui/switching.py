"""Opening another report, or swapping a pane's, from inside the app (the picker).

The chosen report is read in a thread (a user's PDF-born report takes a moment), then
the reader is rebuilt on the new list of reports and the comparison runs again in the
background, exactly as at start: the text first, the highlights when they arrive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _

if TYPE_CHECKING:
    from reportdiff.core.model import Report
    from reportdiff.tui.app import ReportDiffApp

Mode = Literal["open", "swap"]
"""``open`` adds a pane; ``swap`` replaces the report of the pane navigation follows."""


def pick_report(app: ReportDiffApp, mode: Mode) -> None:
    """Show the picker; load and show what is chosen."""
    from reportdiff.tui.screens.picker import PickerScreen

    reader = app.reader
    shown = [r.meta.id for r in app.reports]
    lead = reader.lead
    if mode == "open":
        title = _("Open another report beside {ids}").format(ids=", ".join(shown))
    else:
        title = _("Swap {id} (pane {pane}) for another report").format(
            id=shown[lead], pane=lead + 1
        )

    def chosen(report_id: str | None) -> None:
        if report_id is not None:
            load_and_show(app, report_id, mode, lead)

    app.push_screen(PickerScreen(title, exclude=frozenset(shown)), chosen)


def load_and_show(app: ReportDiffApp, report_id: str, mode: Mode, pane: int) -> None:
    """Read ``report_id`` off the UI thread, then show it (as :func:`pick_report`)."""
    app.notify(_("opening {report_id} …").format(report_id=report_id), timeout=2, markup=False)
    app.run_worker(
        lambda: _load(app, report_id, mode, pane),
        thread=True,
        exclusive=True,
        group="open-report",
    )


def _load(app: ReportDiffApp, report_id: str, mode: Mode, pane: int) -> None:
    from reportdiff.core.storage.resolve import resolve_report

    try:
        report = resolve_report(report_id)
    except ReportError as exc:
        app.call_from_thread(
            app.notify, f"cannot open {report_id}: {exc}", severity="error", markup=False
        )
        return
    app.call_from_thread(_show, app, report, mode, pane)


def _show(app: ReportDiffApp, report: Report, mode: Mode, pane: int) -> None:
    reports = list(app.reports)
    if mode == "open":
        reports.append(report)
        focus = len(reports) - 1
    else:
        pane = min(pane, len(reports) - 1)
        reports[pane] = report
        focus = pane
    app.show_reports(reports, focus=focus)
