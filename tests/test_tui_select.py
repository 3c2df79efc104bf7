"""Selecting report text with the mouse and copying it: the report's words, as written."""

from __future__ import annotations

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.selection import selected_span
from textual.geometry import Offset
from textual.selection import Selection
from tui_support import aio, analysed

SIZE = (120, 40)


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


@aio
async def test_a_mouse_drag_copies_the_report_text_without_the_wrap(
    reports: list[Report],
) -> None:
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.reader.panes[0]
        lay = pane.pane_layout
        # From the gutter of the first text row (border 1, gutter 2) to the 4th display line.
        await pilot.mouse_down(pane, offset=(1, 1))
        await pilot.hover(pane, offset=(12, 4))
        await pilot.mouse_up(pane, offset=(12, 4))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        assert selected is not None and len(selected) > 40
        first = lay.items[lay.lines[0].item]  # type: ignore[union-attr]
        # The report's own characters, from the paragraph's start, with no line breaks
        # where the pane wrapped (four display lines were covered).
        assert pane.report.text[first.start :].startswith(selected)
        assert "\n" not in selected
        # y copies the selection (not the aligned paragraphs) and says how much.
        await pilot.press("y")
        assert app.clipboard == selected
        # A click clears it; y then falls back to the paragraphs (still analysing here).
        await pilot.click(pane, offset=(5, 10))
        assert not app.screen.get_selected_text()


@aio
async def test_badges_are_shown_but_never_copied(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        pane = app.reader.panes[1]
        lay = pane.pane_layout
        pair = next(p for p in cmp.numbers if p.status == "changed" and p.values[1] is not None)
        q = pair.values[1]
        assert q is not None
        item = lay.item_at_offset(q.span.start)
        text = lay.texts[item]
        assert text.inserts, "the changed number carries a badge in the pane"
        # A selection from the item's first to its last display line, whole lines.
        top = lay.item_top[item]
        bottom = lay.line_of_offset(lay.items[item].end - 1)
        start, end = selected_span(
            lay, len(pane.report.text), Selection(Offset(0, top), Offset(999, bottom))
        )
        assert (start, end) == (lay.items[item].start, lay.items[item].end)
        # The same through the widget, as Ctrl+C would copy it.
        copied, _ending = pane.get_selection(Selection(Offset(0, top), Offset(999, bottom)))  # type: ignore[misc]
        assert copied == pane.report.text[start:end]
        assert "←" not in copied
        # A blank line between paragraphs: a start moves on, an end moves back.
        blank = top - 1
        assert lay.lines[blank] is None
        s, e = selected_span(
            lay, len(pane.report.text), Selection(Offset(0, blank), Offset(0, blank))
        )
        assert s == lay.items[item].start and e == s  # nothing selected, nothing invented
