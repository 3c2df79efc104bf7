"""A journalist's first session over the State Council reports (session ux10): what a new
user met in the reader at 80 columns and three reports, checked on the real app."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.tui.widgets.fitted_table import FittedTable
from rich.cells import cell_len
from rich.text import Text
from tui_support import aio, analysed


@pytest.fixture
def library_reports(corpus_dir: Path) -> list[Report]:
    """2003's, 2004's and 2005's reports added to the library, opened by their ids
    (national-2002 … national-2004), as a user opens them."""
    from reportdiff.cli import main

    files = [str(corpus_dir / f"{year}.txt") for year in (2003, 2004, 2005)]
    assert main(["add", *files]) == 0
    return [resolve_report(f"national-{year}") for year in (2002, 2003, 2004)]


@pytest.mark.parametrize("zh", [False, True], ids=["en", "zh"])
@aio
async def test_numbers_view_columns_say_which_report_at_80_columns(
    library_reports: list[Report], zh: bool
) -> None:
    """At 80×24 with three reports each report's column was headed national-2 / national-2 /
    national-20: cut to the part the ids share, no column said which year it held. A header
    cut to its column keeps what tells the reports apart (…2002, …2003, …2004)."""
    from reportdiff.core.i18n import set_language
    from reportdiff.tui.app import ReportDiffApp
    from reportdiff.tui.screens.numbers import NumbersScreen

    set_language("zh" if zh else "en")
    app = ReportDiffApp(library_reports)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, NumbersScreen)
        table = app.screen.query_one(FittedTable)
        headers = []
        for k in (1, 2, 3):
            column = table.ordered_columns[k]
            label = str(column.label)
            # what is drawn: the label within the column's width
            assert cell_len(label) <= column.width, (label, column.width)
            headers.append(label)
        assert len(set(headers)) == 3, headers
        for header, year in zip(headers, ("2002", "2003", "2004"), strict=True):
            assert year in header, headers


@pytest.mark.parametrize("zh", [False, True], ids=["en", "zh"])
@aio
async def test_pane_border_note_is_whole_at_80_columns(
    library_reports: list[Report], zh: bool
) -> None:
    """The pane's lower border says which reports lack the paragraph at its top. At 80×24
    with three reports it read "national-2003 · national-2004 中 …" (and "national-2003 ·
    only in this repo…" at 120 columns): the note that matters was cut, the id it repeats
    kept. The note is drawn whole; the pane's id gives way when both do not fit."""
    from reportdiff.core.i18n import set_language
    from reportdiff.tui.app import ReportDiffApp
    from reportdiff.tui.widgets.report_pane import ReportPane

    set_language("zh" if zh else "en")
    app = ReportDiffApp(library_reports)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        notes = []
        for _ in range(6):
            await pilot.press("c")
            await pilot.pause()
            for pane in app.screen.query(ReportPane):
                if not pane.display or not pane.size.width:
                    continue
                sub = Text.from_markup(str(pane.border_subtitle)).plain
                # Textual draws a border label in the width less the corners and a blank
                # either side of it, and cuts what does not fit with an ellipsis.
                assert cell_len(sub) <= pane.size.width - 4, (sub, pane.size.width)
                if "·" in sub or sub != pane.report.meta.id:
                    notes.append(sub)
        assert notes, "no pane said which report lacks its paragraph"


@aio
async def test_comparison_keys_with_one_report_say_why_nothing_happens(
    library_reports: list[Report],
) -> None:
    """``search 科学发展观 --open`` opens one report. Its help lists c, v, w, d, b, u and the
    layers, and each did nothing at all — only e said there is nothing to compare. Every
    key of the comparison says so, in one notification each."""
    from reportdiff.tui.app import ReportDiffApp

    app = ReportDiffApp(library_reports[:1])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in ("c", "v", "w", "d", "b", "u", "1", "5", "e"):
            before = len(app._notifications)
            await pilot.press(key)
            await pilot.pause()
            said = [n.message for n in list(app._notifications)[before:]]
            assert any("nothing to compare" in m for m in said), (key, said)
        # reading keys still read
        await pilot.press("J")
        await pilot.pause()
        assert app.screen is app.reader


@aio
async def test_chart_export_is_named_after_what_it_charts(
    library_reports: list[Report], tmp_path: Path
) -> None:
    """``g``, ``#粮食产量``, ctrl+s offered chart.svg for every chart: a second chart of
    the session (GDP growth after grain) was offered the first one's file. The name offered
    is the chart's title."""
    from reportdiff.tui.app import ReportDiffApp
    from reportdiff.tui.screens.chart import ChartScreen
    from textual.widgets import Input

    app = ReportDiffApp(library_reports, analyse=False, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ChartScreen(library_reports, "#粮食产量"))
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one(Input).value == str(tmp_path / "粮食产量.svg")
