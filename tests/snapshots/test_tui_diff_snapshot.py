"""Snapshot of the focused word-diff view (``w``) on a revised draft of a real report."""

from __future__ import annotations

from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from revisions import revised
from tui_support import analysed


def test_focused_diff_view(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """100×30, yangpu-2023 against a draft with four edits, after ``d`` then ``w``: a status
    line "¶ 3/20 · 经济增长量质提升 · base yangpu-2023"; "− yangpu-2023 (base)" over the
    paragraph with 低空, 5800 and 活力 struck through (coloured as dropped); then
    "+ yangpu-2023-draft  1 added · 1 dropped · 2 replaced" over the draft's paragraph with
    着力稳增长, 6100 and 动能 bold, underlined (coloured as added); Chinese wrapped by cell
    width; the footer shows j, d, b, Esc."""
    base = load_sample("yangpu-2023")
    app = ReportDiffApp([base, revised(base)])

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await analysed(pilot)
        await pilot.press("d")
        pilot.app.clear_notifications()  # "change 1 of 4" would cover the view's text
        await pilot.press("w")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
