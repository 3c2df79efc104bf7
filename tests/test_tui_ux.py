"""Pilot tests for what a new user found: outline, palette, resize, help, borders, paging."""

from __future__ import annotations

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.widgets.outline import score_bar
from tui_support import aio, analysed


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


def rendered(widget, rows: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The text a widget shows on its first ``rows`` lines."""
    return ["".join(seg.text for seg in widget.render_line(y)) for y in range(rows)]


def test_score_bars_tell_close_scores_apart() -> None:
    assert len({score_bar(0.25), score_bar(0.34), score_bar(0.5)}) == 3
    assert score_bar(0.0) == "····" and score_bar(1.0) == "████"


@aio
async def test_outline_shows_every_heading_mark_and_score(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(pilot)
        outline = app.reader._outline()
        assert outline is not None and outline.display
        assert outline.size.width >= 60
        assert "similarity" in str(outline.border_title)
        sections = [a for a in app.reader.anchors if a.kind == "section"]
        lines = rendered(outline, len(sections))
        ids = [r.meta.id for r in reports]
        for anchor, line in zip(sections, lines, strict=True):
            present = [i for i, lab in enumerate(anchor.labels) if lab is not None]
            if len(present) == 1:
                assert line.startswith(f"∅ only in {ids[present[0]]}"), line
                continue
            assert f"{anchor.score:.2f}" in line, line
            for i in present:
                label = anchor.labels[i] or ""
                # The heading, or at least its first clause, of every report is on screen.
                assert label[:4] in line, (label, line)


@aio
async def test_palette_jumps_to_a_heading_of_the_second_report(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        reader = app.reader
        target = next(
            i
            for i, a in enumerate(reader.anchors)
            if a.kind == "section" and a.labels[1] and "优存量" in a.labels[1]
        )
        await pilot.press("ctrl+p", *"优存量")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the palette searches in a worker of its own
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert reader.cursor == target
        pane = reader.panes[1]
        assert pane.items[pane.top_item()].start == reader.anchors[target].offsets[1]


@aio
async def test_resize_and_outline_toggle_keep_each_panes_paragraph(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        panes = app.reader.panes
        # Thirteen paragraphs on, the 2022 pane lacks a counterpart and the 2023 pane is
        # on its ▌ paragraph: a re-wrap of the 2022 pane used to drag the 2023 pane away.
        await pilot.press(*"j" * 13)
        before = [(p.top_item(), p.current_item) for p in panes]
        assert before[1][1] is not None
        for size in [(100, 30), (80, 24), (160, 45), (200, 50), (90, 30)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert [(p.top_item(), p.current_item) for p in panes] == before, size
            current = panes[1].current_item
            assert current is not None and panes[1].scroll_y == panes[1].item_top(current)
        for _ in range(2):
            await pilot.press("o")
            await pilot.pause()
            assert [(p.top_item(), p.current_item) for p in panes] == before


def test_display_offsets_map_back_to_report_offsets() -> None:
    from reportdiff.tui.layout import Badge, Item, item_text

    text = "增长8.0%，达到143.5亿元。"
    number_end = text.index("亿元") + 2
    shown = item_text(
        text, Item(0, len(text), "paragraph"), [Badge(number_end, "⟨←1亿元⟩", "badge")]
    )
    for offset in range(len(text) + 1):
        assert shown.to_report(shown.to_display(offset)) == offset
    badge_at = shown.text.index("⟨")
    assert shown.to_report(badge_at) == number_end


@aio
async def test_help_lists_numbers_and_outline_keys_in_words(reports: list[Report]) -> None:
    from reportdiff.tui.screens.help import HelpScreen
    from textual.widgets import DataTable

    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        by_where: dict[str, dict[str, str]] = {}
        for key, description, _id, where in rows:
            by_where.setdefault(where, {})[key] = description
            # Words, not an action name such as help_quit.
            assert description and "_" not in description, (key, description)
        # Ctrl+C does what the screen says (copy), not the app's bare ``help_quit``.
        assert by_where["textual"]["^c"] == "Copy selected text"
        numbers = by_where["numbers"]
        assert {"⏎", "f", "s", "esc"} <= set(numbers), numbers
        assert by_where["outline"]["⏎"] == "Bring every pane to this section"
        assert "space" in by_where["outline"] and "pgdn" in by_where["pane"]


def subtitle(pane) -> str:  # type: ignore[no-untyped-def]
    """A pane's border subtitle as plain text."""
    from textual.content import Content

    return Content.from_markup(str(pane.border_subtitle)).plain


def assert_borders_follow_the_alignment(reader) -> None:  # type: ignore[no-untyped-def]
    """Each visible pane's border mark matches the aligned row of the paragraph at its top."""
    from reportdiff.tui.navigation import anchor_index_at

    for pane in reader.panes:
        if not pane.display:
            continue
        sub = subtitle(pane)
        if "no counterpart here" in sub:
            lacking = reader.anchors[reader.cursor]
            assert lacking.offsets[pane.index] is None
            continue
        here = anchor_index_at(reader.anchors, pane.index, pane.items[pane.top_item()].start)
        assert here is not None
        others = [i for i in range(len(reader.reports)) if i != pane.index]
        missing = [i for i in others if reader.anchors[here].offsets[i] is None]
        if not missing:
            assert sub == pane.report.meta.id, sub
        elif len(missing) == len(others):
            assert "only in this report" in sub, sub
        else:
            assert "not in " + ", ".join(reader._ids[i] for i in missing) in sub, sub


@aio
async def test_border_mark_after_a_search_follows_the_text_shown(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        await pilot.press("u", "u")  # a row the 2022 report lacks: its pane says so
        await pilot.pause()
        assert app.reader.anchors[app.reader.cursor or 0].offsets[0] is None
        assert "no counterpart here" in subtitle(app.reader.panes[0])
        assert_borders_follow_the_alignment(app.reader)
        await pilot.press("slash", *"充电桩", "enter")
        await pilot.pause()
        assert all(app.reader.matches)
        assert "no counterpart" not in subtitle(app.reader.panes[0])
        assert_borders_follow_the_alignment(app.reader)
        await pilot.press("n", "n", "down", "down")
        await pilot.pause()
        assert_borders_follow_the_alignment(app.reader)


@aio
async def test_border_mark_with_three_reports_names_the_report_lacking(
    reports: list[Report],
) -> None:
    three = [*reports, load_sample("xuhui-2022")]
    app = ReportDiffApp(three)
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(pilot)
        reader = app.reader
        row = next(i for i, a in enumerate(reader.anchors) if a.labels[0] == "作风建设不断深化")
        assert reader.anchors[row].labels[1] == "作风能力抓实做强"
        reader.go_to_anchor(row)
        await pilot.pause()
        for pane in reader.panes[:2]:
            assert pane.display
            assert subtitle(pane) == f"{pane.report.meta.id} · not in xuhui-2022"
        await pilot.press("k", "down", "down", "down")
        await pilot.pause()
        assert_borders_follow_the_alignment(reader)


@aio
async def test_hidden_reports_are_announced_with_their_keys(reports: list[Report]) -> None:
    from textual.widgets import Footer, Static

    three = [*reports, load_sample("xuhui-2022")]
    app = ReportDiffApp(three, analyse=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        reader = app.reader
        pages = reader.query_one("#pages", Static)
        assert pages.display and str(pages.render()).strip() == "reports 1–2 of 3 · [ ] more"
        footer_keys = {k for k, b in app.screen.active_bindings.items() if b.binding.show}
        assert {"left_square_bracket", "right_square_bracket"} <= footer_keys
        assert app.screen.query_one(Footer)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert str(pages.render()).strip() == "reports 2–3 of 3 · [ ] more"
    async with ReportDiffApp(reports, analyse=False).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app2 = pilot.app
        assert not app2.screen.query_one("#pages", Static).display
        shown = set(app2.screen.active_bindings)
        assert "right_square_bracket" not in shown


@aio
async def test_change_badges_never_split_across_lines(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        for size in [(80, 24), (131, 40), (200, 50)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            checked = 0
            for pane in app.reader.panes:
                lay = pane.pane_layout
                for i, text in enumerate(lay.texts):
                    lines = [r for r in lay.lines if r is not None and r.item == i]
                    for start, end, _style in text.badge_spans:
                        holder = [r for r in lines if r.start <= start < r.end]
                        assert len(holder) == 1 and end <= holder[0].end, (
                            text.text[start:end],
                            size,
                        )
                        # Attached to its number: the badge never opens a line.
                        assert holder[0].start < start, text.text[start:end]
                        checked += 1
                    for start, end in text.keep_spans:
                        # The number and its badge share a line.
                        assert any(r.start <= start and end <= r.end for r in lines), text.text[
                            start:end
                        ]
            assert checked > 20, "the yangpu samples have many changed numbers"


def test_wrap_keeps_a_number_and_its_badge_on_one_line() -> None:
    from reportdiff.tui.wrap import wrap_offsets

    text = "全年实现143.5亿元⟨←132.9亿元 +8.0%⟩，推出150项改革举措。"
    kept = (text.index("143"), text.index("⟩") + 1)
    for width in range(30, 60):  # wide enough for the number and badge (29 cells)
        lines = wrap_offsets(text, width, keep=[kept])
        assert any(s <= kept[0] and kept[1] <= e for s, e in lines), width
        assert all(text[s] not in "，+" for s, e in lines), width


@aio
async def test_numbers_view_sorts_within_units_and_fits_80_columns(
    reports: list[Report],
) -> None:
    from itertools import groupby

    from reportdiff.tui.screens.numbers import NumbersScreen
    from textual.widgets import DataTable, Static

    app = ReportDiffApp(reports)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, NumbersScreen)
        table = screen.query_one(DataTable)
        status = screen.query_one("#numbers-status", Static)
        # Every column, the status marks included, fits on an 80-column screen.
        columns = list(table.columns.values())
        assert sum(c.get_render_width(table) for c in columns) <= 80 - 1
        assert {str(table.get_row_at(i)[-1]) for i in range(table.row_count)} <= {"≠", "=", "∅"}
        seen_keys = []
        for _ in range(5):
            await pilot.press("s")
            seen_keys.append(screen.sort_key)
            header = str(status.render())
            assert "sorted by" in header and "↓" in header
            if screen.sort_key == "pct":
                assert "Δ%" in header
                pcts = [abs(p.pct) for p in screen._shown if p.pct is not None]
                assert pcts == sorted(pcts, reverse=True)
            if screen.sort_key == "unit":
                with_delta = [p for p in screen._shown if p.delta is not None]
                units = [u for u, _ in groupby(with_delta, key=lambda p: p.unit)]
                assert len(units) == len(set(units)), "a unit's rows are together"
                for _unit, rows in groupby(with_delta, key=lambda p: p.unit):
                    deltas = [abs(p.delta or 0) for p in rows]
                    assert deltas == sorted(deltas, reverse=True)
        assert "delta" not in seen_keys and {"pct", "unit"} <= set(seen_keys)


@aio
async def test_numbers_view_sorts_indicators_by_pinyin(reports: list[Report]) -> None:
    """``s`` → indicator: Chinese names in pinyin order (not by code point), and the
    header says so."""
    from pypinyin import lazy_pinyin
    from reportdiff.tui.screens.numbers import NumbersScreen
    from textual.widgets import Static

    app = ReportDiffApp(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, NumbersScreen)
        while screen.sort_key != "indicator":
            await pilot.press("s")
        await pilot.pause()
        header = str(screen.query_one("#numbers-status", Static).render())
        assert "pinyin" in header
        names = [p.indicator for p in screen._shown if p.indicator[:1] >= "\u4e00"]
        assert len(names) > 10
        firsts = [lazy_pinyin(name[0])[0] for name in names]
        assert firsts == sorted(firsts), list(zip(names, firsts, strict=True))
        # Code-point order would not be pinyin order on these names: the test tells them apart.
        assert sorted(names) != names


@aio
async def test_numbers_view_says_why_it_is_empty() -> None:
    """A report compared with itself has no changed figure: ``f`` (changed only) leaves the
    table empty, and the status line says so and how to get the rows back rather than
    showing a bare empty table."""
    from reportdiff.tui.screens.numbers import NumbersScreen
    from textual.widgets import DataTable, Static

    report = load_sample("yangpu-2023")
    app = ReportDiffApp([report, report])
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(pilot)
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, NumbersScreen)
        total = len(screen.comparison.numbers)
        assert total > 0 and all(p.status != "changed" for p in screen.comparison.numbers)
        status = screen.query_one("#numbers-status", Static)
        assert "No figure changed" not in str(status.render())
        await pilot.press("f")
        await pilot.pause()
        assert screen.query_one(DataTable).row_count == 0
        shown = str(status.render())
        assert "No figure changed" in shown and f"f shows all {total}" in shown
        await pilot.press("f")
        await pilot.pause()
        assert screen.query_one(DataTable).row_count == total
