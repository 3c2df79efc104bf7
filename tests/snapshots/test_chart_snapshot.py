"""Snapshot of the reader's chart screen (``g``)."""

from __future__ import annotations

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.screens.chart import ChartScreen


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    # The query box's cursor blinks on a timer: without this, the picture depends on
    # which phase the (loaded) machine caught.
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def test_chart_snapshot(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """100×32, the chart screen on 营商环境 over yangpu-2022 and yangpu-2023: the title
    "营商环境 (per 10,000 characters)", the query box holding 营商环境, a plot with the two
    report ids under its x axis, and below it "• 营商环境: yangpu-2022 8.054, yangpu-2023
    7.117" and one line per report "yangpu-2022: used 3 times"; ^s Export SVG/PNG in the
    footer."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.push_screen(ChartScreen(reports, "营商环境"))
        await _settle(pilot)

    app = ReportDiffApp(reports, analyse=False)
    assert snap_compare(app, terminal_size=(100, 32), run_before=run_before)
