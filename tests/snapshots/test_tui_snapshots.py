"""Snapshots of what the screen shows (pytest-textual-snapshot), on the real samples.

Update with ``pytest tests/snapshots --snapshot-update`` and look at the SVGs before
committing: Chinese must wrap by cell width, no line may start with ，。、；：？！）》」.
"""

from __future__ import annotations

import pytest
from reportdiff.core.model import Report
from reportdiff.core.samples import load_sample
from reportdiff.tui.app import ReportDiffApp


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


async def _analysed(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen_first_changed_number(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """120×40 after the comparison and one ``c``: the outline (left) lists aligned sections
    with a score and bar (and "only in …" rows); two panes titled 杨浦区 2022 … and
    杨浦区 2023 … show Chinese text wrapped at cell width, both scrolled to the first changed
    number, highlighted, with a ⟨←…/→… Δ%⟩ badge; the legend line lists layers 1–4 with
    ✓; the footer shows j, J, c, /, v, q, ?, e."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _analysed(pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(ReportDiffApp(reports), terminal_size=(120, 40), run_before=run_before)


def test_main_screen_narrow(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """80×24: no outline (too narrow), two panes side by side with the reports' opening
    text, wrapped so no line starts with closing punctuation; legend and footer visible."""
    assert snap_compare(ReportDiffApp(reports), terminal_size=(80, 24), run_before=_analysed)


def test_numbers_view(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """The numbers view (``v``): a status line "N of M number pairs", then a table with
    columns indicator, yangpu-2022, yangpu-2023, Δ, Δ%, status; Chinese indicators and
    values such as 亿元; the footer shows Enter, f, s, Esc."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _analysed(pilot)
        await pilot.press("v")
        await pilot.pause()

    assert snap_compare(ReportDiffApp(reports), terminal_size=(120, 40), run_before=run_before)


def test_help_screen(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """The help screen (``?``) over the reader: an intro line about set_keymap and Ctrl+P,
    then a table of key, action, id, where — j Next ¶ next-paragraph reader … q Quit quit
    app … tab Focus Next textual."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _analysed(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(ReportDiffApp(reports), terminal_size=(120, 40), run_before=run_before)
