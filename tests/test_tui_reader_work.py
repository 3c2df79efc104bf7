"""The reader's keys redo no work already done (issue 13: keys within 0.1 s on long
reports). Structural facts, counted, never timed: timings live in bench/bench_reader.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.highlights import LAYERS, pane_highlights
from textual.widgets._footer import FooterKey
from tui_support import aio, analysed

SIZE = (160, 45)
OVERLAY = {"search", "search-current"}


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


def _layers_as_merged(app: ReportDiffApp, pane) -> None:  # type: ignore[no-untyped-def]
    """The pane applies the layers' marks in the merged order (weaker styles first)."""
    reader = app.reader
    assert app.comparison is not None
    want = pane_highlights(app.comparison, pane.index, reader.enabled, base=reader.base).marks
    assert [m for m in pane.marks if m.style not in OVERLAY] == want
    # and item by item, as lines are drawn
    lay = pane.pane_layout
    for item in range(pane.top_item(), min(len(lay.items), pane.top_item() + 30)):
        it = lay.items[item]
        drawn = [m for m in pane._item_marks(item) if m.style not in OVERLAY]
        assert drawn == [m for m in want if m.end > it.start and m.start < it.end]


@aio
async def test_change_and_toggles_index_no_layer_twice(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        pane = app.reader.panes[0]
        _layers_as_merged(app, pane)
        built = pane.index_builds
        assert built > 0
        await pilot.press("c")  # the current change is an overlay: no layer re-indexed
        await pilot.pause()
        assert pane.index_builds == built
        assert any(m.style == "search-current" for m in pane.marks)
        _layers_as_merged(app, pane)
        for key in "12345":
            await pilot.press(key)  # off: its part is the empty one, indexed once
            await pilot.pause()
            after_off = pane.index_builds
            _layers_as_merged(app, pane)
            await pilot.press(key)  # on again: the same memo lists, indexed already
            await pilot.pause()
            assert pane.index_builds == after_off, key
            _layers_as_merged(app, pane)


@aio
async def test_tab_keeps_the_footer_and_the_drawn_lines(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        reader = app.reader
        keys = list(reader.query(FooterKey))
        assert keys
        drawn: list[int] = []
        for pane in reader.panes:
            render = pane._render_index

            def counting(index: int, render=render) -> object:  # type: ignore[no-untyped-def]
                drawn.append(index)
                return render(index)

            pane._render_index = counting  # type: ignore[method-assign]
        first = reader.focused
        await pilot.press("tab")
        await pilot.pause()
        assert reader.focused is not first and reader.focused in reader.panes
        # The same keys stay (not rebuilt), and no report line was drawn again.
        assert list(reader.query(FooterKey)) == keys
        assert drawn == []
        # A real change of style still redraws: the theme.
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        assert drawn


@aio
async def test_page_keys_move_at_once(reports: list[Report]) -> None:
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        lead = app.reader.panes[0]
        lead.focus()
        await pilot.pause()
        for key in ("pagedown", "pagedown", "end", "home"):
            before = lead.scroll_y
            await pilot.press(key)
            await pilot.pause()
            assert not app.animator.is_being_animated(lead, "scroll_y"), key
            assert lead.scroll_y != before, key


def _at_counterpart(reader, lead, other) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``other`` shows the counterpart of the paragraph at ``lead``'s top."""
    from reportdiff.tui.navigation import fallback_offset

    index = reader._anchor_at(reader.anchors, lead.index, lead.items[lead.top_item()].start)
    assert index is not None
    item = other.item_at_offset(fallback_offset(reader.anchors, index, other.index) or 0)
    top = other.item_top(item)
    return bool(top <= other.scroll_y <= top + other.item_height(item))


@aio
async def test_scrolling_keys_move_every_pane_before_the_next_frame(
    reports: list[Report],
) -> None:
    """A scrolling key moves the other panes in the same call, not after a frame (when
    the lead's Scrolled message arrives): one frame a key."""
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        reader = app.reader
        lead, other = reader.panes
        lead.focus()
        await pilot.pause()
        moved = 0
        for action in ("page_down", "page_down", "scroll_down", "page_up", "scroll_end"):
            before = other.scroll_y
            getattr(lead, f"action_{action}")()  # no await: no message handled, no frame
            assert _at_counterpart(reader, lead, other), action
            moved += other.scroll_y != before
        assert moved >= 3


@aio
async def test_page_up_back_to_a_placed_paragraph_brings_the_others_back(
    reports: list[Report],
) -> None:
    """``pageup`` after ``pagedown`` returns the lead to where ``j`` put it: the other
    panes return too (a key is the reader scrolling, even back to a placed line)."""
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        reader = app.reader
        lead, other = reader.panes
        lead.focus()
        await pilot.press("j", "j", "j")
        await pilot.pause()
        placed = (lead.scroll_y, other.scroll_y)
        await pilot.press("pagedown")
        await pilot.pause()
        assert other.scroll_y != placed[1]
        await pilot.press("pageup")
        await pilot.pause()
        assert (lead.scroll_y, other.scroll_y) == placed


@aio
async def test_toggles_and_tab_repaint_no_whole_screen(reports: list[Report]) -> None:
    """The reader's state (layers, lead pane, focus) is drawn by the widgets that show it:
    changing it asks no repaint of the whole screen (every widget composed again)."""
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        reader = app.reader
        calls: list[tuple[object, ...]] = []
        refresh = reader.refresh

        def recording(*args: object, **kwargs: object) -> object:
            calls.append((args, kwargs))
            return refresh(*args, **kwargs)  # type: ignore[arg-type]

        reader.refresh = recording  # type: ignore[method-assign]
        enabled = reader.enabled
        await pilot.press("2")
        await pilot.pause()
        assert reader.enabled != enabled
        first = reader.focused
        await pilot.press("tab")
        await pilot.pause()
        assert reader.focused is not first and reader.lead == 1
        assert calls == []


@aio
async def test_a_layer_toggle_is_said_by_the_legend_once_compared(reports: list[Report]) -> None:
    """Toggling a layer mounts no toast once the legend shows the layers (a toast is a
    layout of the whole screen when it comes and when it goes); before the comparison
    the legend says "analysing…", and the toast says what the key did."""
    from textual.widgets._toast import Toast

    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["changed numbers: off"]
        assert app.reader.query(Toast)
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await analysed(pilot)
        legend = app.reader.query_one("#legend")
        assert "✗" not in str(legend.render())
        await pilot.press("2")
        await pilot.pause()
        assert "✗" in str(legend.render())
        assert not list(app._notifications) and not app.reader.query(Toast)


def _count_drawn(panes) -> list[int]:  # type: ignore[no-untyped-def]
    """Record each report line drawn from now on (its display line index)."""
    drawn: list[int] = []
    for pane in panes:
        render = pane._render_index

        def counting(index: int, render=render) -> object:  # type: ignore[no-untyped-def]
            drawn.append(index)
            return render(index)

        pane._render_index = counting
    return drawn


@aio
async def test_keys_draw_only_what_changed(reports: list[Report]) -> None:
    """``j`` draws each pane once, and only the lines that came into view or whose gutter
    bar moved; a layer toggle lays out no other widget (the panes' length changes with
    the badges, the screen's arrangement does not)."""
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        reader = app.reader
        panes = reader.panes
        await pilot.press("j")
        await pilot.pause()
        height = sum(p.scrollable_content_region.height for p in panes)
        drawn = _count_drawn(panes)
        frames = [0]
        layouts = [0]
        for pane in panes:
            render_lines = pane.render_lines

            def counting_frames(crop, render_lines=render_lines):  # type: ignore[no-untyped-def]
                frames[0] += 1
                return render_lines(crop)

            pane.render_lines = counting_frames  # type: ignore[method-assign]
        refresh_layout = reader._refresh_layout

        def counting_layouts(*args, **kwargs):  # type: ignore[no-untyped-def]
            layouts[0] += 1
            return refresh_layout(*args, **kwargs)

        reader._refresh_layout = counting_layouts  # type: ignore[method-assign]
        tops = [p.top_item() for p in panes]
        await pilot.press("j")
        await pilot.pause()
        assert [p.top_item() for p in panes] != tops
        # Both panes once (the border's counterpart note set again does not redraw them).
        assert frames[0] == len(panes)
        assert 0 < len(drawn) < height
        lengths = [p.virtual_size.height for p in panes]
        for key in ("2", "2", "5"):
            await pilot.press(key)
            await pilot.pause()
            assert layouts[0] == 0, key
            if key == "2" and "changed" not in reader.enabled:  # its badges are gone
                assert [p.virtual_size.height for p in panes] != lengths
                assert all(p.max_scroll_y < p.virtual_size.height for p in panes)
        assert reader.enabled == frozenset(LAYERS) - {"edits"}
        await pilot.press("5")
        await pilot.pause()
        _layers_as_merged(app, panes[0])


@aio
async def test_the_first_frame_wraps_only_the_first_screen(reports: list[Report]) -> None:
    """Before the first frame each pane wraps only what it shows; right after, the rest,
    to the same lines a whole layout has."""
    from reportdiff.tui.layout import layout
    from reportdiff.tui.widgets.report_pane import ReportPane

    seen: list[tuple[int, bool]] = []
    relayout = ReportPane._relayout

    def recording(pane, **kwargs):  # type: ignore[no-untyped-def]
        relayout(pane, **kwargs)
        seen.append((pane.index, pane._layout.complete))

    ReportPane._relayout = recording  # type: ignore[method-assign]
    try:
        app = ReportDiffApp(reports)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for pane in app.reader.panes:
                mine = [complete for index, complete in seen if index == pane.index]
                assert mine[0] is False and mine[-1] is True
                lay = pane._layout
                assert lay is not None and lay.complete
                whole = layout(pane.report.text, pane.items, pane.badges, lay.width)
                assert lay.lines == whole.lines
                bottom = len(lay.lines) + pane.scrollable_content_region.height - 1
                assert pane.virtual_size.height == bottom
            await analysed(pilot)
    finally:
        ReportPane._relayout = relayout  # type: ignore[method-assign]


@aio
async def test_a_pane_keeps_a_bounded_number_of_drawn_lines(corpus_dir: Path) -> None:
    """Lines drawn are kept for scrolling back, but not without limit (a national report
    is some 1,000 lines a pane)."""
    from reportdiff.core.storage.resolve import resolve_report
    from reportdiff.tui.widgets.pane_draw import KEPT_LINES

    national = [resolve_report(str(corpus_dir / f"{year}.txt")) for year in (2004, 2005)]
    app = ReportDiffApp(national)
    async with app.run_test(size=SIZE) as pilot:
        # the comparison's highlights redraw every line when they arrive: wait for them, so
        # that what is counted is what paging kept, whatever the machine's speed
        await analysed(pilot)
        pane = app.reader.panes[0]
        pane.focus()
        assert len(pane.pane_layout.lines) > KEPT_LINES + 2 * SIZE[1]
        while pane.scroll_y < pane.max_scroll_y:
            await pilot.press("pagedown")
        await pilot.pause()
        assert KEPT_LINES // 2 < len(pane._cache) <= KEPT_LINES
