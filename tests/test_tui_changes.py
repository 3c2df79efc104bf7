"""Pilot tests of the in-paragraph changes in the reader: the layer, d/D, b and the w view."""

from __future__ import annotations

import pytest
from reportdiff.core.analysis.changes import changes_between
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.changes import change_stops, flat_rows
from reportdiff.tui.screens.diff_view import DiffScreen, DiffText
from revisions import EDITS, edited_ranges, revised
from tui_support import aio, analysed

SIZE = (120, 40)
MARKUP = "[bold]粗[/bold]\x1b[31m"
"""Inserted text that Rich would read as markup if the view ever parsed it."""


@pytest.fixture(scope="module")
def drafts() -> list[Report]:
    base = load_sample("yangpu-2023")
    return [base, revised(base, (*EDITS, ("努力以新场景激发消费新", "", MARKUP)))]


def _styled(pane, style: str) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {(m.start, m.end) for m in pane.marks if m.style == style}


@aio
async def test_the_edits_layer_marks_dropped_and_added_words(drafts: list[Report]) -> None:
    app = ReportDiffApp(drafts)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        base_pane, draft_pane = app.reader.panes
        expected = [
            c for row in flat_rows(cmp) if (p := changes_between(row, 0, 1)) for c in p.changes
        ]
        assert expected
        dropped = _styled(base_pane, "deleted")
        added = _styled(draft_pane, "inserted")
        assert dropped == {(c.base.start, c.base.end) for c in expected if c.base}
        assert added == {(c.other.start, c.other.end) for c in expected if c.other}
        # every edit of the draft lies under a mark (an insertion: next to one)
        for where in edited_ranges(drafts[0]):
            if len(where):
                assert any(s <= where.start and where.stop <= e for s, e in dropped)
        # where the draft inserted text, the base pane shows a caret
        carets = [b.offset for b in base_pane.badges if b.text == "‸"]
        assert carets == [c.base.start for c in expected if c.op == "insert"]
        await pilot.press("5")
        assert not _styled(base_pane, "deleted") and not _styled(draft_pane, "inserted")
        assert not [b for b in base_pane.badges if b.text == "‸"]
        assert "edits" not in app.reader.enabled
        await pilot.press("5")
        assert _styled(draft_pane, "inserted") == added


@aio
async def test_d_and_D_walk_the_changes_in_every_pane(drafts: list[Report]) -> None:
    app = ReportDiffApp(drafts)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        stops = change_stops(cmp, 0)
        base_pane, draft_pane = app.reader.panes
        seen = []
        for _ in stops:
            await pilot.press("d")
            stop = stops[app.reader.change_cursor]
            seen.append(stop)
            shown = draft_pane.visible_text().replace("\n", "")
            # (the pane shows control characters as �, one for one)
            assert drafts[1].slice(stop.change.other).strip().replace("\x1b", "\ufffd") in shown
            at = drafts[0].text[stop.change.base.start : stop.change.base.start + 4]
            assert at.replace("\n", "") in base_pane.visible_text().replace("\n", "")
            current = [m for m in draft_pane.marks if m.style == "search-current"]
            if stop.change.other:
                assert (current[0].start, current[0].end) == (
                    stop.change.other.start,
                    stop.change.other.end,
                )
        assert seen == stops  # each once, in reading order
        await pilot.press("d")
        assert app.reader.change_cursor == 0  # wraps around
        await pilot.press("D")
        assert app.reader.change_cursor == len(stops) - 1


@aio
async def test_d_and_D_start_from_where_the_base_pane_is(drafts: list[Report]) -> None:
    """With no current change, ``d`` goes to the first change at or below the base pane's
    top paragraph and ``D`` to the last one above it, from anywhere in the report."""
    app = ReportDiffApp(drafts)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        stops = change_stops(cmp, 0)
        reader = app.reader
        base_pane = reader.panes[0]
        tops = set()
        for _ in range(12):
            await pilot.press("j")
            top = base_pane.items[base_pane.top_item()].start
            tops.add(top)
            after = [k for k, s in enumerate(stops) if s.change.base.start >= top]
            before = [k for k, s in enumerate(stops) if s.change.base.start < top]
            for direction, want in (
                (1, after[0] if after else 0),
                (-1, before[-1] if before else len(stops) - 1),
            ):
                base_pane.scroll_to_offset(top)
                reader.change_cursor = None
                reader.action_change(direction)
                assert reader.change_cursor == want, (top, direction)
            base_pane.scroll_to_offset(top)  # the next j goes on from here
        assert len(tops) > 3


@aio
async def test_b_switches_the_base(drafts: list[Report]) -> None:
    app = ReportDiffApp(drafts)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        base_pane, draft_pane = app.reader.panes
        added = _styled(draft_pane, "inserted")
        await pilot.press("b")
        assert app.reader.base == 1
        # the draft is the base now: what it added is what the original "dropped"
        assert _styled(draft_pane, "deleted") == added
        assert not _styled(draft_pane, "inserted")
        assert _styled(base_pane, "inserted")
        await pilot.press("b")
        assert app.reader.base == 0 and _styled(draft_pane, "inserted") == added


@aio
async def test_w_shows_the_row_one_paragraph_above_the_other(drafts: list[Report]) -> None:
    app = ReportDiffApp(drafts)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        await pilot.press("d")
        row_index = change_stops(cmp, 0)[0].row
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DiffScreen) and screen.row == row_index
        texts = list(screen.query(DiffText))
        row = flat_rows(cmp)[row_index]
        assert [t.text for t in texts] == [
            drafts[i].slice(n.span).replace("\x1b", "\ufffd")
            for i, n in enumerate(row.nodes)
            if n is not None
        ]
        shown = "".join(str(t.render()) for t in texts).replace("\n", "")
        # report text is never read as markup, and no escape reaches the terminal
        assert MARKUP.replace("\x1b", "\ufffd") in shown and "\x1b" not in shown
        assert {name for t in texts for *_, name in t.marks} == {"deleted", "inserted"}
        await pilot.press("j")
        assert screen.row > row_index
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DiffScreen)
        # the reader follows to the row the view showed last
        assert app.reader.cursor == screen.row


@aio
async def test_help_lists_the_change_keys_and_the_word_diff_view(drafts: list[Report]) -> None:
    from reportdiff.tui.screens.help import HelpScreen
    from textual.widgets import DataTable

    app = ReportDiffApp(drafts, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        ids = {row[2]: (row[0], row[3]) for row in rows}
        for binding_id in (
            "toggle-edits",
            "next-change",
            "prev-change",
            "diff-view",
            "switch-base",
        ):
            assert ids[binding_id][1] == "reader", binding_id
        assert ids["diff-next-change"] == ("d", "word diff")
        assert ids["diff-close"][1] == "word diff"


@aio
async def test_y_copies_the_current_paragraph_pair(drafts: list[Report]) -> None:
    app = ReportDiffApp(drafts)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        await pilot.press("d", "y")
        row = flat_rows(cmp)[change_stops(cmp, 0)[0].row]
        copied = app.clipboard
        for report, node in zip(drafts, row.nodes, strict=True):
            assert f"【{report.meta.id}】\n{report.slice(node.span).strip()}" in copied
        assert MARKUP in copied  # the text as printed, markup characters and all


@aio
async def test_the_palette_opens_the_word_diff(drafts: list[Report]) -> None:
    app = ReportDiffApp(drafts)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await pilot.press("ctrl+p", *"Word diff of the current")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the palette searches in a worker of its own
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
