"""Pilot tests for what a newcomer's review found: one report open, unnamed numbers,
unchanged rates, unlabelled outline rows."""

from __future__ import annotations

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from tui_support import aio, analysed


@pytest.fixture(scope="module")
def pair() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


@aio
async def test_numbers_view_names_an_unnamed_indicator(pair: list[Report]) -> None:
    """A figure whose sentence names no indicator (两年 "48个") gets a placeholder, never a
    blank cell."""
    from reportdiff.tui.screens.numbers import NumbersScreen
    from textual.widgets import DataTable

    app = ReportDiffApp(pair)
    async with app.run_test(size=(120, 40)) as pilot:
        cmp = await analysed(pilot)
        unnamed = [p for p in cmp.numbers if not p.indicator.strip()]
        assert unnamed, "the yangpu pair has figures with no indicator"
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, NumbersScreen)
        table = screen.query_one(DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert all(name.strip() for name in names)
        assert names.count("(unnamed)") == len(unnamed)
