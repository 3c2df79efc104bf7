"""The reader's targets view: ``T`` opens it on the oldest report's targets, Enter jumps."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.screens.targets import TargetsScreen
from textual.widgets import DataTable
from tui_support import aio


@aio
async def test_key_opens_targets_and_enter_jumps(corpus_dir: Path) -> None:
    # given newest first: the view still takes the oldest (2005) as the plan
    reports = [resolve_report(str(corpus_dir / f)) for f in ("2006.txt", "2005.txt")]
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("T")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TargetsScreen)
        assert (screen.plan.meta.id, screen.review.meta.id) == ("2005", "2006")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = screen.query_one(DataTable)
        assert table.row_count == 4
        cells = [str(c) for c in table.get_row_at(0)]
        assert cells[:4] == ["gdp · 国内生产总值", "8％左右", "9.9%", "met"]
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TargetsScreen)
        plan_pane = next(p for p in app.reader.panes if p.report is reports[1])
        assert "8％左右" in plan_pane.visible_text()


@aio
async def test_one_report_says_why() -> None:
    from reportdiff.core.storage.samples import load_sample

    app = ReportDiffApp([load_sample("yangpu-2022"), load_sample("yangpu-2023")], analyse=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("T")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TargetsScreen)
        status = str(screen.query_one("#targets-status").render())
        assert "has no part that sets targets" in status
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TargetsScreen)


@aio
@pytest.mark.usefixtures("zh_interface")
async def test_chinese_reader_names_the_kinds_in_chinese(corpus_dir: Path) -> None:
    """Under zh the view reads 国内生产总值 (the kind and the target's words alike, so once),
    never gdp."""
    reports = [resolve_report(str(corpus_dir / f)) for f in ("2005.txt", "2006.txt")]
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("T")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        first = [str(c) for c in table.get_row_at(0)]
        assert first[:3] == ["国内生产总值", "8％左右", "9.9%"]
        kinds = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert not any(k.split(" · ")[0].isascii() for k in kinds), kinds
