"""Pilot tests driving the real app on the real samples (yangpu-2022, yangpu-2023)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportdiff.core.comparison import AlignedRow
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.screens.confirm import ConfirmScreen
from reportdiff.tui.screens.help import HelpScreen
from reportdiff.tui.screens.numbers import NumbersScreen
from reportdiff.tui.screens.reader import ReaderScreen
from reportdiff.tui.widgets.report_pane import ReportPane
from tui_support import aio, analysed, flatten

SIZE = (120, 40)


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


def top_offset(pane: ReportPane) -> int:
    """Report offset of the item at the top of a pane."""
    return pane.items[pane.top_item()].start


def assert_aligned_on(panes: list[ReportPane], row: AlignedRow) -> None:
    """Every pane with a node in ``row`` shows that node's first line at the top."""
    for pane in panes:
        node = row.nodes[pane.index]
        if node is None:
            continue
        item = pane.item_at_offset(node.span.start)
        assert pane.items[item].start == node.span.start, "node is not an item start"
        assert top_offset(pane) == node.span.start
        assert pane.scroll_y == pane.item_top(item)


@aio
async def test_text_shows_before_the_comparison(reports: list[Report]) -> None:
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panes = app.reader.panes
        assert [p.display for p in panes] == [True, True]
        for pane, report in zip(panes, reports):
            first = report.text[pane.items[0].start : pane.items[0].end]
            assert first[:6] in pane.visible_text()
            assert report.meta.region in str(pane.border_title)
            assert str(report.meta.year) in str(pane.border_title)
        assert "analysing" in str(app.reader.query_one("#legend").render())
        assert app.reader.query_one("#loading").display
        # Keys work before the comparison: paragraph navigation within the focused pane.
        before = panes[0].scroll_y
        await pilot.press("j", "j")
        assert panes[0].scroll_y > before


@aio
async def test_next_paragraph_brings_every_pane_to_its_counterpart(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        reader = app.reader
        rows = flatten(cmp.alignment)
        seen_both = 0
        previous = -1
        for _ in range(12):
            await pilot.press("j")
            row = rows[reader.cursor]
            assert row.kind == "paragraph"
            assert_aligned_on(reader.panes, row)
            # Moving forward in reading order of the lead pane.
            node = row.nodes[0]
            if node is not None:
                assert node.span.start > previous
                previous = node.span.start
            if all(n is not None for n in row.nodes):
                seen_both += 1
                # Counterparts wrap to different heights, yet both start at the top line.
                tops = {p.scroll_y - p.item_top(p.top_item()) for p in reader.panes}
                assert tops == {0}
        assert seen_both >= 3
        cursor = reader.cursor
        await pilot.press("k")
        assert reader.cursor < cursor
        assert_aligned_on(reader.panes, rows[reader.cursor])


@aio
async def test_next_section_and_outline_selection(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        reader = app.reader
        rows = flatten(cmp.alignment)
        await pilot.press("J", "J")
        row = rows[reader.cursor]
        assert row.kind == "section"
        assert_aligned_on(reader.panes, row)
        # Choose the last section row of the outline: every pane goes to its counterpart.
        outline = reader.query_one("#outline")
        outline.focus()
        await pilot.press("end", "enter")
        await pilot.pause()
        row = rows[reader.cursor]
        assert row.kind == "section"
        assert_aligned_on(reader.panes, row)


@aio
async def test_next_unmatched_section(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        unmatched = [
            r
            for r in flatten(cmp.alignment)
            if r.kind == "section" and any(n is None for n in r.nodes)
        ]
        await pilot.press("u")
        reader = app.reader
        if not unmatched:
            assert reader.cursor is None
            return
        row = flatten(cmp.alignment)[reader.cursor]
        assert row is unmatched[0]
        assert_aligned_on(reader.panes, row)
        lacking = [p for p in reader.panes if row.nodes[p.index] is None]
        assert all("no counterpart" in str(p.border_subtitle) for p in lacking)


@aio
async def test_changed_number_shows_in_every_pane_with_badge(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        changed = [p for p in cmp.numbers if p.status == "changed"]
        assert changed, "the samples have changed numbers"
        await pilot.press("c")
        pair = app.reader._current_pair()
        assert pair is not None and pair.status == "changed"
        for pane in app.reader.panes:
            q = pair.values[pane.index]
            if q is not None:
                visible = pane.visible_text().replace("\n", "")
                assert q.text in visible
                others = [v.text for j, v in enumerate(pair.values) if v and j != pane.index]
                # The counterpart value is visible inline, in a ⟨…⟩ badge.
                assert any(f"{o}" in visible for o in others)
                assert "⟨" in visible
        # The number sits on the same screen row in every pane that has it.
        rows = {
            p.pane_layout.line_of_offset(pair.values[p.index].span.start) - p.scroll_y  # type: ignore[union-attr]
            for p in app.reader.panes
            if pair.values[p.index] is not None
        }
        assert len(rows) == 1


@aio
async def test_layer_toggles_change_what_is_shown(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        pane = app.reader.panes[1]
        styles = {m.style for m in pane.marks}
        assert {"changed", "unique"} <= styles
        assert styles & {"distinct", "boilerplate"}
        assert pane.badges
        await pilot.press("escape")  # nothing to close yet: must not fail
        await pilot.press("c")  # a changed number and its badge on screen

        def painted() -> str:
            return "".join(pane.render_line(y).text for y in range(pane.size.height))

        assert "⟨" in painted()
        await pilot.press("2")
        assert all(b.text == "⟨=⟩" for b in pane.badges)  # only same-number marks remain
        assert "⟨←" not in painted() and "⟨→" not in painted()
        await pilot.press("3")
        assert not pane.badges
        assert "same" not in {m.style for m in pane.marks}
        assert "changed" not in {m.style for m in pane.marks}
        await pilot.press("1")
        assert not {m.style for m in pane.marks} & {"distinct", "boilerplate"}
        await pilot.press("4")
        assert "unique" not in {m.style for m in pane.marks}
        legend = str(app.reader.query_one("#legend").render())
        assert legend.count("✗") == 4
        await pilot.press("1", "2", "3", "4")
        assert pane.badges
        assert {"changed", "unique"} <= {m.style for m in pane.marks}


@aio
async def test_search_finds_text_in_every_pane(reports: list[Report]) -> None:
    query = "人民城市"
    assert all(query in r.text for r in reports)
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *query, "enter")
        await pilot.pause()
        for pane in app.reader.panes:
            assert app.reader.matches[pane.index]
            assert query in pane.visible_text().replace("\n", "")
            assert any(m.style == "search-current" for m in pane.marks)
        first = [app.reader.match_cursor[i] for i in range(2)]
        await pilot.press("n")
        second = [app.reader.match_cursor[i] for i in range(2)]
        assert second != first
        await pilot.press("N")
        assert [app.reader.match_cursor[i] for i in range(2)] == first


@aio
async def test_export_writes_markdown_and_asks_before_overwriting(
    reports: list[Report], tmp_path: Path
) -> None:
    from reportdiff.core.analysis.export import to_markdown
    from reportdiff.tui.screens.export_dialog import ExportDialog

    app = ReportDiffApp(reports, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)  # it asks where, prefilled
        await pilot.press("enter")
        path = tmp_path / "yangpu-2022-vs-yangpu-2023.md"
        assert path.read_text(encoding="utf-8") == to_markdown(cmp)
        path.write_text("kept", encoding="utf-8")
        await pilot.press("e", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert path.read_text(encoding="utf-8") == "kept"
        await pilot.press("e", "enter")
        await pilot.press("y")
        assert path.read_text(encoding="utf-8") == to_markdown(cmp)
        assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


@aio
async def test_report_text_is_never_markup() -> None:
    from reportdiff.core.text.load import load_text

    raw = "政府工作报告\n一、总体情况\n详见[bold]附件[/]，另见[red]表1[/red]。全年完成[link=x]目标[/link]。\n"
    reports = [load_text(raw, source="a.txt"), load_text(raw, source="b.txt")]
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for pane in app.reader.panes:
            # What is painted: each line minus the 2-cell gutter and the padding.
            shown = "".join(pane.render_line(y).text[2:].rstrip() for y in range(pane.size.height))
            assert "[bold]附件[/]" in shown
            assert "[red]表1[/red]" in shown
        # A search for bracketed text finds it and reports it without reading markup.
        await pilot.press("slash", *"[bold]", "enter")
        await pilot.pause()
        assert all(app.reader.matches[p.index] for p in app.reader.panes)


@aio
async def test_numbers_view_filter_sort_and_jump(reports: list[Report]) -> None:
    from textual.widgets import DataTable

    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, NumbersScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(cmp.numbers)
        await pilot.press("f")
        changed = [p for p in cmp.numbers if p.status == "changed"]
        assert table.row_count == len(changed)
        await pilot.press("s", "s", "s")  # sort by Δ%
        shown = app.screen._shown
        pcts = [abs(p.pct) for p in shown if p.pct is not None]
        assert pcts == sorted(pcts, reverse=True)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        pair = shown[1]
        for pane in app.reader.panes:
            q = pair.values[pane.index]
            if q is not None:
                assert q.text in pane.visible_text()


@aio
async def test_help_lists_every_binding(reports: list[Report]) -> None:
    from textual.widgets import DataTable

    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        ids = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
        for binding in [*ReaderScreen.BINDINGS, *ReportDiffApp.BINDINGS]:
            assert binding.id, f"binding {binding.key} has no id"
            assert binding.id in ids
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@aio
async def test_theme_switch_is_remembered(reports: list[Report]) -> None:
    from reportdiff.tui.config import config_path, state_path

    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "reportdiff-dark"
        await pilot.press("t")
        assert app.theme == "reportdiff-light"
    assert json.loads(state_path().read_text(encoding="utf-8"))["theme"] == "reportdiff-light"
    assert not config_path().exists()  # the user's file is never written
    again = ReportDiffApp(reports, analyse=False)
    async with again.run_test(size=SIZE):
        assert again.theme == "reportdiff-light"
        assert "textual-dark" in again.available_themes
        # Drawn in it from the first frame (the theme is set before anything is
        # styled, without Textual's watcher): the light paper, the light-mode class.
        paper = again.get_theme("reportdiff-light").background  # type: ignore[union-attr]
        assert paper is not None
        assert again.reader.panes[0].styles.background.hex.lower() == paper.lower()
        assert again.has_class("-light-mode") and not again.has_class("-dark-mode")
        assert again.has_class("-theme-reportdiff-light")


@aio
@pytest.mark.parametrize("private_api", [True, False], ids=["fast-path", "public-api"])
async def test_saved_theme_is_drawn_with_or_without_textuals_private_api(
    reports: list[Report], monkeypatch: pytest.MonkeyPatch, private_api: bool
) -> None:
    """The start-up theme is drawn the same whether this Textual still has the private
    filter setter (fast path) or not (the public ``App.theme`` assignment)."""
    import reportdiff.tui.app as app_module
    from reportdiff.tui.config import remember

    remember("theme", "reportdiff-light")
    if not private_api:
        monkeypatch.setattr(app_module, "_private_filter_refresh", lambda app: None)
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "reportdiff-light"
        paper = app.get_theme("reportdiff-light").background  # type: ignore[union-attr]
        assert paper is not None
        assert app.reader.panes[0].styles.background.hex.lower() == paper.lower()
        assert app.has_class("-light-mode") and not app.has_class("-dark-mode")


@aio
async def test_more_reports_than_fit_are_paged(reports: list[Report]) -> None:
    three = [*reports, load_sample("xuhui-2022")]
    app = ReportDiffApp(three, analyse=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panes = app.reader.panes
        assert [p.display for p in panes] == [True, True, False]
        await pilot.press("right_square_bracket")
        assert panes[2].display
        assert "徐汇" in str(panes[2].border_title)


@aio
async def test_resize_rewraps_and_keeps_place(reports: list[Report]) -> None:
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("J", "J")
        pane = app.reader.panes[0]
        wide = pane.pane_layout.width
        top = top_offset(pane)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert pane.pane_layout.width < wide
        assert top_offset(pane) == top


@aio
async def test_keys_can_be_remapped_by_binding_id(reports: list[Report]) -> None:
    from reportdiff.tui.config import config_path
    from textual.widgets import DataTable

    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('{"keymap": {"next-paragraph": "x"}}', encoding="utf-8")
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.reader.panes[0]
        before = pane.scroll_y
        await pilot.press("x", "x")
        assert pane.scroll_y > before
        await pilot.press("question_mark")
        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert any(str(r[0]) == "x" and str(r[2]) == "next-paragraph" for r in rows)


@aio
async def test_scrolling_one_pane_brings_the_other_to_the_counterpart(
    reports: list[Report],
) -> None:
    from reportdiff.tui.navigation import anchor_index_at, fallback_offset

    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        reader = app.reader
        lead, other = reader.panes
        lead.focus()
        for _ in range(3):
            before = other.scroll_y
            await pilot.press("pagedown")
            # Page down animates: let it finish, then let the last Scrolled message land.
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            index = anchor_index_at(reader.anchors, 0, lead.items[lead.top_item()].start)
            assert index is not None
            item = other.item_at_offset(fallback_offset(reader.anchors, index, 1) or 0)
            top = other.item_top(item)
            assert top <= other.scroll_y <= top + other.item_height(item)
        assert other.scroll_y != before or other.scroll_y == other.max_scroll_y
        # With synchronised scrolling off, the other pane stays put.
        await pilot.press("s")
        still = other.scroll_y
        await pilot.press("pagedown", "pagedown")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert other.scroll_y == still


@aio
async def test_command_palette_jumps_to_a_section(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        rows = flatten(cmp.alignment)
        target = next(
            r for r in rows if r.kind == "section" and all(n is not None for n in r.nodes)
        )
        heading = next(n.label for n in target.nodes if n is not None)
        await pilot.press("ctrl+p")
        await pilot.press(*f"Jump to section: {heading}")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the palette searches in a worker of its own
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert rows[app.reader.cursor] is target
        assert_aligned_on(app.reader.panes, target)


def test_collection_is_off_until_the_first_frame() -> None:
    """``run()`` keeps the garbage collector off while the first screen is built (start-up
    allocates ~300k long-lived objects) and freezes them and turns it back on after the
    first frame. In a child interpreter: freezing would pin this test process's objects."""
    import subprocess
    import sys

    code = (
        "import gc\n"
        "from reportdiff.core.storage.samples import load_sample\n"
        "from reportdiff.tui.app import ReportDiffApp\n"
        "seen = {}\n"
        "class Probe(ReportDiffApp):\n"
        "    def on_mount(self):\n"
        "        seen['mount'] = gc.isenabled()\n"
        "    def on_ready(self):\n"
        "        self.call_after_refresh(self.check)\n"
        "    def check(self):\n"
        "        seen['shown'] = gc.isenabled()\n"
        "        seen['frozen'] = gc.get_freeze_count() > 0\n"
        "        self.exit()\n"
        "reports = [load_sample('yangpu-2022'), load_sample('yangpu-2023')]\n"
        "Probe(reports, analyse=False).run(headless=True, size=(120, 40))\n"
        "print(seen['mount'], seen['shown'], seen['frozen'], gc.isenabled())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.stdout.split() == ["False", "True", "True", "True"], proc.stderr[-2000:]


@aio
async def test_highlights_take_the_theme_colours(reports: list[Report]) -> None:
    """Changed numbers are drawn in the theme's $warning colour, in the dark theme and,
    after ``t``, in the light one (the mark styles follow the theme)."""
    from textual.color import Color

    app = ReportDiffApp(reports)

    def colours(pane: ReportPane) -> set[tuple[int, int, int]]:
        out = set()
        for y in range(pane.scrollable_content_region.height):
            for seg in pane.render_line(y):
                if seg.style is not None and seg.style.color is not None and seg.text.strip():
                    out.add(tuple(seg.style.color.get_truecolor()))
        return out

    def drawn(colour: str, shown: set[tuple[int, int, int]]) -> bool:
        """Whether ``colour`` is among ``shown`` (Textual's conversions round by one)."""
        want = Color.parse(colour).rgb
        return any(max(abs(a - b) for a, b in zip(want, c, strict=True)) <= 1 for c in shown)

    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await pilot.press("c", "c")  # to a paragraph with changed numbers, off the first
        await pilot.pause()
        pane = app.reader.panes[0]
        dark = app.get_theme("reportdiff-dark").warning  # type: ignore[union-attr]
        light = app.get_theme("reportdiff-light").warning  # type: ignore[union-attr]
        assert dark and light
        assert drawn(dark, colours(pane))
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "reportdiff-light"
        shown = colours(pane)
        assert drawn(light, shown) and not drawn(dark, shown)


@aio
async def test_stand_ins_keep_the_first_frame_still(reports: list[Report]) -> None:
    """The first frame holds the outline's and the Footer's room with stand-ins, and the
    panes' scrollbar column with padding (no scrollbar widget yet): when the real widgets
    replace them a frame later, no pane moves or re-wraps and the status line stays on
    its row."""
    from textual.widgets import Footer

    seen: dict[str, object] = {}

    def layout_of(screen: ReaderScreen) -> object:
        panes = screen.panes
        return (
            [p.region for p in panes],
            [p.scrollable_content_region for p in panes],
            [p.pane_layout.width for p in panes],
            screen.query_one("#status").region,
        )

    class ProbeScreen(ReaderScreen):
        async def _mount_secondary(self) -> None:
            seen["first frame"] = layout_of(self)
            seen["scrollbars"] = [p.show_vertical_scrollbar for p in self.panes]
            seen["scrollable"] = [p.allow_vertical_scroll for p in self.panes]
            slots = self.query("#outline-slot, #footer-slot")
            seen["stand-ins"] = len(slots)
            seen["stand-in text"] = "".join(str(slot.render()) for slot in slots)
            await super()._mount_secondary()

    class Probe(ReportDiffApp):
        def get_default_screen(self) -> ReaderScreen:
            return ProbeScreen(self.reports)

    app = Probe(reports, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        reader = app.reader
        assert seen["stand-ins"] == 2
        assert seen["stand-in text"].strip() == "", "a stand-in shows text"
        assert reader.query("#outline") and reader.query(Footer)
        assert not reader.query("#outline-slot, #footer-slot")
        assert seen["scrollbars"] == [False, False]
        assert seen["scrollable"] == [True, True]  # keys scroll in the first frame too
        assert [p.show_vertical_scrollbar for p in reader.panes] == [True, True]
        assert seen["first frame"] == layout_of(reader)


@aio
async def test_broken_config_is_reported_and_never_rewritten(reports: list[Report]) -> None:
    """A trailing comma in config.json: one warning, defaults for this run, and pressing
    `t` remembers the theme elsewhere, so the user's file (and keymap) is kept byte for byte."""
    from reportdiff.tui.config import config_path

    broken = '{"keymap": {"next-paragraph": "x"},}\n'
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(broken, encoding="utf-8")
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("config.json" in m and "line 1" in m for m in messages), messages
        await pilot.press("t")
        assert app.theme == "reportdiff-light"
    assert config_path().read_text(encoding="utf-8") == broken


@aio
async def test_a_file_named_by_one_year_is_labelled_with_the_year_it_reviews(
    corpus_dir: Path,
) -> None:
    """A newcomer opened 1989.txt and 1990.txt by path: the numbers view's columns read 1989
    and 1990 but held 1988's and 1989's figures. A column (and an "only in" label) whose id
    does not say the year the report reviews says it beside the id."""
    from reportdiff.core.storage.resolve import resolve_report
    from textual.widgets import DataTable

    pages = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (1989, 1990)]
    app = ReportDiffApp(pages)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        outline_ids = app.reader._ids
        assert outline_ids == ("1989 · 全国1988", "1990 · 全国1989")
        await pilot.press("v")
        table = app.screen.query_one(DataTable)
        headers = [str(c.label) for c in table.columns.values()]
        assert "1989 · 全国1988" in headers and "1990 · 全国1989" in headers
    samples = [load_sample("yangpu-2022"), load_sample("yangpu-2023")]
    assert ReportDiffApp(samples).reports[0].meta.id == "yangpu-2022"
    from reportdiff.core.model import shown_id

    assert [shown_id(r.meta) for r in samples] == ["yangpu-2022", "yangpu-2023"]
