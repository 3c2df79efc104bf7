"""Pilot tests for what a newcomer's review found: one report open, unnamed numbers,
unchanged rates, unlabelled outline rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportdiff.core.model import Report, Span
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from tui_support import aio, analysed, flatten


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


@aio
async def test_numbers_view_says_unchanged_rather_than_plus_zero(pair: list[Report]) -> None:
    """A figure both reports give alike reads "unchanged" in the Δ column (as the Markdown
    export), never "+0公里" and "+0.0%"; a changed one keeps its signed Δ."""
    from reportdiff.tui.screens.numbers import NumbersScreen
    from textual.widgets import DataTable

    app = ReportDiffApp(pair)
    async with app.run_test(size=(160, 40)) as pilot:
        cmp = await analysed(pilot)
        statuses = [p.status for p in cmp.numbers]
        assert "same" in statuses and "changed" in statuses
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, NumbersScreen)
        table = screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        by_status: dict[str, list[list[str]]] = {p.status: [] for p in cmp.numbers}
        for p, row in zip(screen._shown, rows, strict=True):
            by_status[p.status].append(row)
        for row in by_status["same"]:
            assert row[-3] == "unchanged" and row[-2] in ("", "0%"), row
        assert all(row[-3].startswith(("+", "-", "≈")) for row in by_status["changed"] if row[-3])


@pytest.fixture(scope="module")
def national(corpus_dir: Path) -> list[Report]:
    from reportdiff.core.storage.resolve import resolve_report

    return [resolve_report(str(corpus_dir / f"{year}.txt")) for year in (1989, 1990)]


def _opening(report: Report, span: Span) -> str:
    return re.sub(r"\s+", "", report.slice(span)).lstrip("-•● ")


@aio
async def test_outline_rows_without_a_heading_show_their_opening_words(
    national: list[Report],
) -> None:
    """1989 ↔ 1990: parts with no heading (各位代表 …) read by their first words, not "…"."""
    app = ReportDiffApp(national)
    async with app.run_test(size=(200, 50)) as pilot:
        cmp = await analysed(pilot)
        outline = app.reader._outline()
        assert outline is not None
        sections = [r for r in flatten(cmp.alignment) if r.kind == "section"]
        lines = [
            "".join(seg.text for seg in outline.render_line(y)).strip()
            for y in range(len(sections))
        ]
        unlabelled = 0
        for row, line in zip(sections, lines, strict=True):
            assert not line.endswith(" …") and line != "…", line
            for report, node in zip(national, row.nodes, strict=True):
                if node is not None and not node.label:
                    unlabelled += 1
                    assert _opening(report, node.span)[:4] in line.replace(" ", ""), line
        assert unlabelled >= 3


COMPARISON_KEYS = ("c", "w", "v", "e", "d", "u", "1")


@aio
async def test_one_report_offers_no_comparison() -> None:
    """``reportdiff yangpu-2022``: no comparison will run, so none is offered (no c / w / v
    / e in the Footer, no similarity in the outline's border, no "no highlights" warning),
    and ``e`` says in one line that there is nothing to compare."""
    from textual.widgets import LoadingIndicator

    app = ReportDiffApp([load_sample("yangpu-2022")])
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert app.comparison is None
        assert not [n for n in app._notifications if n.severity != "information"]
        assert not app.screen.query(LoadingIndicator)
        offered = {
            key
            for key, active in app.screen.active_bindings.items()
            if active.binding.show and active.enabled
        }
        assert offered, "the Footer still offers the reading keys"
        assert not offered & set(COMPARISON_KEYS), offered
        outline = app.reader._outline()
        assert outline is not None
        assert "similarity" not in str(outline.border_title)
        assert "only in" not in str(outline.border_subtitle or "")
        before = len(app._notifications)
        await pilot.press("e")
        await pilot.pause()
        said = [n.message for n in list(app._notifications)[before:]]
        assert len(said) == 1 and "nothing to compare" in said[0], said
        assert "\n" not in said[0]
        assert "still analysing" not in said[0]
        # The comparison keys do nothing (no screen opens).
        screen = app.screen
        await pilot.press("v", "w")
        await pilot.pause()
        assert app.screen is screen


@aio
async def test_two_reports_still_offer_the_comparison_keys(pair: list[Report]) -> None:
    app = ReportDiffApp(pair)
    async with app.run_test(size=(160, 40)) as pilot:
        await analysed(pilot)
        await pilot.pause()
        offered = {
            key
            for key, active in app.screen.active_bindings.items()
            if active.binding.show and active.enabled
        }
        assert {"c", "w", "v", "e"} <= offered
        outline = app.reader._outline()
        assert outline is not None and "similarity" in str(outline.border_title)


@aio
async def test_one_report_outline_names_parts_without_a_heading(national: list[Report]) -> None:
    """Read alone (its own sections as the outline), 1989's parts without a heading read by
    their first words too."""
    report = national[0]
    app = ReportDiffApp([report])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        outline = app.reader._outline()
        assert outline is not None
        sections = [s for _p, s in report.walk()]
        lines = [
            "".join(seg.text for seg in outline.render_line(y)).strip()
            for y in range(len(sections))
        ]
        unlabelled = [s for s in sections if not report.heading_text(s)]
        assert len(unlabelled) >= 2
        for section, line in zip(sections, lines, strict=True):
            assert line and line != "…", line
            if not report.heading_text(section):
                assert _opening(report, section.span)[:4] in line, line
