"""ChartScreen: a term's rate, or an indicator's results and targets, across the open reports.

Type a term (or ``#`` and an indicator's name: ``#国内生产总值增长``) and Enter: the series is
computed in a thread worker and drawn by textual-plotext; ``x`` exports the same chart as
SVG or PNG (charts.py, as the CLI draws it). Report text is data: the term, the names and
the notes are shown as plain text, never read as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import N_, _
from reportdiff.tui.localize import localize_bindings
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual_plotext import PlotextPlot

if TYPE_CHECKING:
    from reportdiff.charts import Chart
    from reportdiff.core.model import Report

INDICATOR_PREFIX = "#"
"""A query starting with this names an indicator (a timeline), else it is a term."""


def compute_chart(reports: list[Report], query: str) -> tuple[Chart, list[str]]:
    """The chart a query asks for over ``reports``, and notes for the reader.

    Raises:
        ReportError: an indicator that matches no series (the message lists the closest).
    """
    from reportdiff.charts import term_chart, timeline_chart

    query = query.strip()
    if query.startswith(INDICATOR_PREFIX):
        from reportdiff.core.analysis.timeline import build_timeline

        tl = build_timeline(reports, query[len(INDICATOR_PREFIX) :])
        notes = [*tl.notes]
        for row in tl.rows:
            notes += [f"{row.year}: {n}" for n in row.notes]
        return timeline_chart(tl), notes
    from reportdiff.core.analysis.terms import term_series

    series = term_series(reports, [query])
    counts = series.counts.get(query, {})
    notes = [_("{id}: used {n} times").format(id=k, n=counts.get(k, 0)) for k in series.reports]
    return term_chart(series, [query]), notes


class ChartScreen(Screen[None]):
    """A query box, the plot, and the values and notes below it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="chart-close", tooltip=N_("Back to the reports")),
        # ctrl+s: the query box keeps ctrl+x (cut) and ctrl+e (end of line) for itself
        Binding(
            "ctrl+s",
            "export",
            N_("Export SVG/PNG"),
            id="chart-export",
            tooltip=N_("Write the chart as SVG or PNG (asks where)"),
        ),
    ]

    DEFAULT_CSS = """
    ChartScreen #chart-title { height: auto; padding: 0 1; background: $panel; }
    ChartScreen #chart-notes { height: auto; max-height: 8; padding: 0 1; color: $text-muted; }
    ChartScreen PlotextPlot { height: 1fr; }
    """

    def __init__(self, reports: list[Report], query: str = "") -> None:
        """Create the screen over ``reports``, charting ``query`` at once when given."""
        super().__init__()
        localize_bindings(self)
        self.reports = reports
        self.query_text = query.strip()
        self.chart: Chart | None = None
        """The chart on screen (None until one is drawn)."""
        self._stem = "chart"
        """The file name offered for the chart, without its ending (its title)."""

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Chart")), id="chart-title")
        yield Input(
            self.query_text,
            placeholder=_("a term, or #indicator (e.g. #国内生产总值增长); Enter draws"),
            id="chart-query",
        )
        yield PlotextPlot(id="chart-plot")
        yield Static(Text(""), id="chart-notes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.query_text:
            self.draw(self.query_text)

    @on(Input.Submitted, "#chart-query")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.draw(event.value)

    def draw(self, query: str) -> None:
        """Compute the series of ``query`` in the background, then draw it."""
        self.query_text = query.strip()
        self.query_one("#chart-title", Static).update(Text(_("computing: ") + self.query_text))
        self._compute(self.query_text)

    @work(thread=True, exclusive=True, group="chart")
    def _compute(self, query: str) -> None:
        try:
            chart, notes = compute_chart(self.reports, query)
        except ReportError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._show, chart, notes)

    def _failed(self, message: str) -> None:
        self.query_one("#chart-title", Static).update(Text(message))
        self.notify(message, severity="warning", timeout=5, markup=False)

    def _show(self, chart: Chart, notes: list[str]) -> None:
        from reportdiff.charts import value_runs

        self.chart = chart
        title = Text(chart.title, style="bold")
        title.append(f"  ({chart.unit})")
        self.query_one("#chart-title", Static).update(title)
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        xs = list(range(len(chart.x)))
        markers = ("dot", "x", "+", "o")
        for i, (_label, values) in enumerate(chart.lines):
            for run in value_runs(values):
                # No plotext legend: it counts a Han character as one cell where the
                # terminal draws two, and the overlong row wraps and pushes the x axis off.
                # The lines are named below the plot with their markers.
                plt.plot(run, [values[x] for x in run], marker=markers[i % len(markers)])
        step = max(1, len(xs) // 10)
        plt.xticks([float(x) for x in xs[::step]], list(chart.x)[::step])
        plot.refresh()
        shown_values = Text()
        marks = ("•", "x", "+", "o")
        for i, (label, vals) in enumerate(chart.lines):
            shown = ", ".join(
                f"{x} {v:g}" for x, v in zip(chart.x, vals, strict=True) if v is not None
            )
            shown_values.append(f"{marks[i % len(marks)]} {label}: ", style="bold")
            shown_values.append((shown or "—") + "\n")
        shown_values.append("\n".join(notes))
        self.query_one("#chart-notes", Static).update(shown_values)

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        """Ask where to write the chart (.svg or .png by the name's ending), then write it."""
        if self.chart is None:
            self.notify(_("nothing drawn yet: type a term and Enter"), timeout=3, markup=False)
            return
        from reportdiff.tui.export import output_problem, start_folder
        from reportdiff.tui.screens.export_dialog import ExportDialog

        # Named after what it charts: chart.svg for every chart offered the last one's file.
        stem = "".join(
            "_" if c in '/\\:*?"<>|' or not c.isprintable() else c for c in self.chart.title
        )
        self._stem = stem.strip(" ._") or "chart"
        name = self._stem + ".svg"
        folder = start_folder(getattr(self.app, "export_dir", None))
        dialog = ExportDialog(
            str(folder / name),
            title=_("Export the chart (.svg or .png) to"),
            hint=_("Enter writes it · Esc cancels"),
            check=lambda answer: output_problem(answer, name),
        )
        self.app.push_screen(dialog, self._export_to)

    def _export_to(self, answer: str | None) -> None:
        if answer is None or self.chart is None:
            return
        from reportdiff.charts import chart_image
        from reportdiff.core.output import write_output

        fmt = "png" if answer.lower().endswith(".png") else "svg"
        try:
            data = chart_image(self.chart, fmt)
            if getattr(self.app, "is_web", False):
                import io

                self.app.deliver_binary(io.BytesIO(data), save_filename=Path(answer).name)
                return
            path = write_output(Path(answer).expanduser(), data, default_name=f"{self._stem}.{fmt}")
        except ReportError as exc:
            self.notify(_("export failed: ") + str(exc), severity="error", markup=False)
            return
        self.notify(_("chart written to ") + str(path), timeout=6, markup=False)
