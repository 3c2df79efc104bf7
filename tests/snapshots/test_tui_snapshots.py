"""Snapshots of what the screen shows (pytest-textual-snapshot), on the real samples.

Update with ``pytest tests/snapshots --snapshot-update`` and look at the SVGs before
committing: Chinese must wrap by cell width, no line may start with ，。、；：？！）》」.
"""

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


def test_main_screen_first_changed_number(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """120×40 after the comparison and one ``c``: the outline (left, border "outline ·
    similarity 0–1") lists aligned sections as "0.25 █··· 抓纾困促重振 ⇄ 优存量…" and
    rows starting "∅ only in yangpu-2022"; two panes titled 杨浦区 2022 … and
    杨浦区 2023 … show Chinese text wrapped at cell width, both scrolled to the first changed
    number, highlighted, with a ⟨←…/→… Δ%⟩ badge; the legend line lists layers 1–4 with
    ✓; the footer shows j, J, c, /, v, q, ?, e."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await analysed(pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(ReportDiffApp(reports), terminal_size=(120, 40), run_before=run_before)


def test_main_screen_narrow(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """80×24: no outline (too narrow), two panes side by side with the reports' opening
    text, wrapped so no line starts with closing punctuation; legend and footer visible."""
    assert snap_compare(ReportDiffApp(reports), terminal_size=(80, 24), run_before=analysed)


def test_numbers_view(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """The numbers view (``v``): a two-line header "N of M pairs (all) · sorted by reading
    order ↓" and the key to the status marks (≠ = ∅), then a table with columns indicator,
    yangpu-2022, yangpu-2023, Δ, Δ%, st (≠/=/∅); Chinese indicators and values such as
    亿元; two rows whose figure (48个) names no indicator read "(unnamed)"; the footer
    shows Enter, f, s, Esc."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await analysed(pilot)
        await pilot.press("v")
        await pilot.pause()

    assert snap_compare(ReportDiffApp(reports), terminal_size=(120, 40), run_before=run_before)


def test_help_screen(snap_compare, reports: list[Report], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The help screen (``?``) over the reader: an intro naming the config file where keys
    are remapped (here a fixed stand-in for the per-test temp path) and Ctrl+P, then a
    table of key, action, id, where, each action in words — j "Bring every pane to
    the next aligned paragraph" next-paragraph reader … q "Quit reportdiff" quit app … tab
    Focus Next textual, ^c "Copy selected text" (the pane, outline and numbers groups
    follow below the fold)."""
    import reportdiff.tui.screens.help as help_module

    monkeypatch.setattr(
        help_module, "config_path", lambda: Path("/home/reader/.config/reportdiff/config.json")
    )

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await analysed(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(ReportDiffApp(reports), terminal_size=(120, 40), run_before=run_before)
