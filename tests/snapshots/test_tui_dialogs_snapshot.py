"""Snapshots of the reader's dialogs: the report picker (``a``) and the export dialog (``e``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from tui_support import analysed


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


def test_picker(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """120×40, after the comparison, ``a`` then 杨浦 typed: over the dimmed reader, a box titled "Open another
    report beside yangpu-2022, yangpu-2023", the filter box holding 杨浦, then the 杨浦区
    reports only (id, 杨浦区, year reviewed and "(delivered ?)" or "(delivered 2024)", title), the
    two on screen marked "(on screen)", the first row highlighted, and the line
    "3 of 8 reports · Enter opens · Esc" at the bottom of the box."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await analysed(pilot)  # a settled reader underneath (no loading indicator)
        await pilot.press("a")
        await pilot.press(*"杨浦")
        await pilot.pause()

    app = ReportDiffApp(reports)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_export_dialog(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """120×40, ``e`` after the comparison: a box "Export the comparison as Markdown to",
    an input holding /srv/exports/yangpu-2022-vs-yangpu-2023.md (the folder offered, then
    the default name), and the hint "Enter writes it · a folder gets
    yangpu-2022-vs-yangpu-2023.md · Esc cancels"."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await analysed(pilot)
        await pilot.press("e")
        await pilot.pause()
        # The cursor blinks on a timer: under load the picture was taken in either phase.
        from textual.widgets import Input

        pilot.app.screen.query_one(Input).cursor_blink = False
        await pilot.pause()

    app = ReportDiffApp(reports, export_dir=Path("/srv/exports"))
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
