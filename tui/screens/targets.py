"""TargetsScreen: the plan's targets beside the next report's results; Enter jumps to them."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from reportdiff.core.analysis.target_rules import indicator_label
from reportdiff.core.i18n import N_, _
from reportdiff.tui.localize import localize_bindings
from reportdiff.tui.widgets.fitted_table import FittedTable
from reportdiff.tui.widgets.footer import SteadyFooter
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from reportdiff.core.analysis.targets import TargetRow, TargetsResult
    from reportdiff.core.model import Report
    from reportdiff.tui.app import ReportDiffApp

__all__ = ["TargetsScreen", "open_targets"]

STATUS_STYLES = {
    "met": ("success", "bold green"),
    "missed": ("error", "bold red"),
    "unclear": ("warning", "yellow"),
    "not reported": ("", "dim italic"),
}
"""Each status's theme colour (and the style without one); its word is always written too,
so the colour is never the only sign."""


def _cell(text: str) -> Text:
    return Text(text or "—")  # report text is data: never parsed as markup


class TargetsScreen(Screen["TargetRow | None"]):
    """A DataTable of the plan's targets: indicator, target, result and status."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,T",
            "close",
            N_("Back"),
            id="targets-close",
            tooltip=N_("Back to the reports"),
        ),
        Binding(
            "enter",
            "jump",
            N_("Go to target"),
            id="targets-jump",
            show=True,
            priority=True,
            tooltip=N_("Show the target in its report (and the result in the other)"),
        ),
    ]

    DEFAULT_CSS = """
    TargetsScreen DataTable {
        height: 1fr;
    }
    TargetsScreen #targets-status {
        height: auto;
        background: $panel;
    }
    """

    def __init__(self, plan: Report, review: Report) -> None:
        super().__init__()
        localize_bindings(self)
        self.plan = plan
        self.review = review
        self.result: TargetsResult | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            Text(
                _(" reading the targets of {plan} and the results in {review} …").format(
                    plan=self.plan.meta.id, review=self.review.meta.id
                )
            ),
            id="targets-status",
        )
        yield FittedTable(id="targets-table")
        yield SteadyFooter()

    def on_mount(self) -> None:
        table = self.query_one(FittedTable)
        # The indicator (with the target's own words) and the reason wrap at 80 columns;
        # the figures and the status keep their width.
        labels = (_("indicator"), _("target"), _("result"), _("status"), _("why"))
        table.set_columns(labels, flexible=(0, 4))
        table.set_rows([])
        table.focus()
        self._compute()

    @work(thread=True, exclusive=True, group="targets")
    def _compute(self) -> None:
        """Read targets and results off the UI thread (the number finder takes a moment)."""
        from reportdiff.core.analysis.targets import targets_against_results
        from reportdiff.core.errors import ReportError

        try:
            result = targets_against_results(self.plan, self.review)
        except ReportError as exc:
            self.app.call_from_thread(self._show_error, str(exc))
            return
        self.app.call_from_thread(self._fill, result)

    def _show_error(self, message: str) -> None:
        self.query_one("#targets-status", Static).update(Text(" " + message))

    def _fill(self, result: TargetsResult) -> None:
        from reportdiff.core.analysis.targets import PERCENT_TOLERANCE

        self.result = result
        table = self.query_one(FittedTable)
        table.set_rows(
            [
                (
                    _cell(indicator_label(row.indicator, row.words)),
                    _cell(row.target_text),
                    _cell(row.result_text if row.result_span is not None else ""),
                    Text(_(row.status), style=self._status_style(row.status)),
                    _cell(_(row.reason)),
                )
                for row in result.rows
            ]
        )
        counts = {s: sum(r.status == s for r in result.rows) for s in STATUS_STYLES}
        summary = " · ".join(f"{n} {_(s)}" for s, n in counts.items() if n)
        year = result.plan_year if result.plan_year is not None else _("unknown")
        lines = [
            _(" targets of {plan} for {year} · results in {review} · {summary}").format(
                plan=self.plan.meta.id,
                year=year,
                review=self.review.meta.id,
                summary=summary or _("no quantified target found"),
            ),
            _(
                " 以上 floor · 以内/控制在 ceiling · 左右 ±{pp} point (rates) · Enter go · Esc back"
            ).format(pp=PERCENT_TOLERANCE),
        ]
        lines += [" " + w for w in result.warnings]
        self.query_one("#targets-status", Static).update(Text("\n".join(lines)))

    def _status_style(self, status: str) -> str:
        name, fallback = STATUS_STYLES.get(status, ("", ""))
        colour = getattr(self.app.current_theme, name, None) if name else None
        return f"bold {colour}" if colour else fallback

    def action_jump(self) -> None:
        """Back to the reader at the highlighted target."""
        table = self.query_one(FittedTable)
        if self.result is not None and 0 <= table.cursor_row < len(self.result.rows):
            self.dismiss(self.result.rows[table.cursor_row])

    def action_close(self) -> None:
        """Back to the reader where it was."""
        self.dismiss(None)


def open_targets(app: ReportDiffApp) -> None:
    """Open the targets view on the reports on screen: the oldest as the plan, the next as
    its review (by the year each reviews); Enter there scrolls both panes to the row."""
    reports = list(app.reports)
    if len(reports) < 2:
        app.notify(_("targets need two reports: a plan and the next year's"), timeout=3,
                   markup=False)  # fmt: skip
        return
    ordered = sorted(reports, key=lambda r: r.meta.year or 0)
    plan, review = ordered[0], ordered[1]
    reader = app.reader

    def done(row: TargetRow | None) -> None:
        if row is None:
            return
        for pane in reader.panes:
            if pane.report is plan and row.target_span is not None:
                pane.scroll_to_offset(row.target_span.start, exact=True)
            elif pane.report is review and row.result_span is not None:
                pane.scroll_to_offset(row.result_span.start, exact=True)

    app.push_screen(TargetsScreen(plan, review), done)
