"""The reader collects the keys' garbage after their frames (tui/collector.py), once the
comparison is frozen; Python's thresholds come back when the reader goes."""

from __future__ import annotations

import gc

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.collector import BURST_THRESHOLD, YOUNG, IdleCollector
from reportdiff.tui.screens.reader import ReaderScreen
from textual.app import App
from textual.widgets import Static
from tui_support import aio, analysed


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


@aio
async def test_a_pile_of_young_objects_is_collected_after_the_next_frame() -> None:
    before = gc.get_threshold()

    class One(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("一行文字")

    app = One()
    async with app.run_test() as pilot:
        collector = IdleCollector(app.screen)
        collector.start()
        assert gc.get_threshold()[0] == BURST_THRESHOLD
        collector.tick()  # nothing piled up yet (a collection just reset the count)
        gc.collect(0)
        collector.tick()
        assert collector.runs == 0
        kept = [[i] for i in range(2 * YOUNG)]  # young container objects
        assert gc.get_count()[0] >= YOUNG
        collector.tick()
        assert collector.runs == 0, "collected at once, not after a frame"
        await pilot.pause()
        assert collector.runs == 1
        assert gc.get_count()[0] < YOUNG
        collector.stop()
        del kept
    assert gc.get_threshold() == before


@aio
async def test_the_reader_collects_between_keys_once_frozen_and_stops_with_it(
    reports: list[Report],
) -> None:
    before = gc.get_threshold()
    ReaderScreen.freeze_gc = True
    try:
        app = ReportDiffApp(reports)
        async with app.run_test(size=(120, 40)) as pilot:
            await analysed(pilot)
            collector = app.reader._collector
            assert collector is not None
            assert gc.get_threshold()[0] == BURST_THRESHOLD
            for _ in range(6):
                await pilot.press("j")
                await pilot.pause()
                collector.tick()  # as its timer does (not waited for: no sleeping)
                await pilot.pause()
            assert collector.runs >= 1
        assert gc.get_threshold() == before
    finally:
        ReaderScreen.freeze_gc = None
        gc.unfreeze()  # this test process runs other apps
