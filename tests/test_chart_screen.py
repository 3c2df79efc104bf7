"""The reader's chart screen (``g``): a term's or an indicator's series across the open reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.screens.chart import ChartScreen
from textual.widgets import Input, Static
from textual_plotext import PlotextPlot
from tui_support import aio


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


def _plain(static: Static) -> str:
    return str(static.render())


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@aio
async def test_g_opens_the_chart_of_the_searched_term(reports: list[Report]) -> None:
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.reader.search_query = "营商环境"
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChartScreen)
        assert screen.query_one(Input).value == "营商环境"
        await _settle(pilot)
        assert screen.chart is not None
        assert screen.chart.x == ("yangpu-2022", "yangpu-2023")
        ((label, values),) = screen.chart.lines
        assert label == "营商环境"
        expected = [r.text.count("营商环境") for r in reports]
        assert all(v is not None for v in values)
        # a report using the term more often has the higher rate, one using it never 0
        assert (values[0] == 0) == (expected[0] == 0)
        assert _plain(screen.query_one("#chart-title", Static)).startswith("营商环境")
        notes = _plain(screen.query_one("#chart-notes", Static))
        assert "yangpu-2022" in notes and "yangpu-2023" in notes
        await pilot.press("escape")
        assert not isinstance(app.screen, ChartScreen)


@aio
async def test_indicator_query_draws_a_timeline(corpus_dir: Path) -> None:
    reps = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2004, 2005)]
    app = ReportDiffApp(reps, analyse=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ChartScreen(reps, "#国内生产总值增长"))
        await _settle(pilot)
        chart = app.screen.chart  # type: ignore[attr-defined]
        assert chart is not None and chart.title == "国内生产总值增长"
        assert "2004" in chart.x
        result = dict(zip(chart.x, chart.lines[0][1], strict=True))
        assert result["2004"] == pytest.approx(9.5)
        assert app.screen.query_one(PlotextPlot) is not None


@aio
async def test_markup_in_a_term_is_shown_literally(tmp_path: Path) -> None:
    texts = ["政府工作报告\n\n一、回顾\n\n推进[bold]附件[/bold]落实。\n",
             "政府工作报告\n\n一、回顾\n\n再推进[bold]附件[/bold]落实，[bold]附件[/bold]。\n"]  # fmt: skip
    reps = []
    for i, text in enumerate(texts):
        path = tmp_path / f"r{i}.txt"
        path.write_text(text, encoding="utf-8")
        reps.append(resolve_report(str(path)))
    app = ReportDiffApp(reps, analyse=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(ChartScreen(reps, "[bold]附件"))
        await _settle(pilot)
        title = _plain(app.screen.query_one("#chart-title", Static))
        assert title.startswith("[bold]附件")
        notes = _plain(app.screen.query_one("#chart-notes", Static))
        assert "[bold]附件: " in notes


@aio
async def test_ctrl_s_exports_the_chart_as_png(reports: list[Report], tmp_path: Path) -> None:
    from reportdiff.charts import han_font
    from reportdiff.core.errors import ReportError

    try:
        han_font()
    except ReportError as exc:
        pytest.skip(str(exc))
    target = tmp_path / "chart.png"
    app = ReportDiffApp(reports, analyse=False, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ChartScreen(reports, "营商环境"))
        await _settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        box = app.screen.query_one(Input)
        assert box.value == str(tmp_path / "营商环境.svg")  # the folder, the chart title, svg
        box.value = str(target)
        await pilot.press("enter")
        await _settle(pilot)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
