"""Tables that fit the screen: the targets, numbers and help views at 80, 100 and 120 columns,
in English and Chinese; long cells wrap by terminal cell width instead of running off the edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.widgets.fitted_table import FittedTable, fit_widths
from rich.cells import cell_len
from tui_support import aio, analysed


def test_fit_widths_shrinks_the_widest_flexible_column_first() -> None:
    assert fit_widths([30, 8, 20], 40, flexible=[0, 2]) == [16, 8, 16]
    assert fit_widths([10, 8], 40, flexible=[0]) == [10, 8]
    # the fixed columns never shrink, even when the flexible ones cannot make room
    assert fit_widths([40, 12], 14, flexible=[0], narrowest=6) == [6, 12]


def _assert_fits(table: FittedTable, fixed: list[int]) -> None:
    """Every column inside the table's width; the ``fixed`` columns at their widest cell."""
    widths = table.column_widths()
    assert sum(widths) <= table.room(), (widths, table.room(), table.size)
    for k in fixed:
        column = table.ordered_columns[k]
        widest = max(
            [cell_len(str(column.label))]
            + [cell_len(str(table.get_cell_at((r, k)))) for r in range(table.row_count)]
        )
        assert column.width == widest, (k, column.width, widest)


@aio
async def test_targets_fit_80_columns(corpus_dir: Path) -> None:
    """1989's targets have 全社会固定资产投资规模要比上年压缩 for words: at 80 columns the
    indicator wraps (two lines or more) and the status "not reported" stays whole on screen."""
    from reportdiff.tui.app import ReportDiffApp
    from reportdiff.tui.screens.targets import TargetsScreen

    reports = [resolve_report(str(corpus_dir / f)) for f in ("1989.txt", "1990.txt")]
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("T")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TargetsScreen)
        table = app.screen.query_one(FittedTable)
        assert table.row_count == 6
        _assert_fits(table, fixed=[1, 2, 3])
        assert table.ordered_columns[3].width >= cell_len("not reported")
        assert table.ordered_rows[0].height >= 2  # the long indicator wrapped
        # wider: the same table on one line a row again
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        _assert_fits(table, fixed=[0, 1, 2, 3, 4])
        assert all(row.height == 1 for row in table.ordered_rows)


@pytest.fixture(scope="module")
def samples() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


@pytest.mark.parametrize("zh", [False, True], ids=["en", "zh"])
@aio
async def test_numbers_fit_80_columns(samples: list[Report], zh: bool) -> None:
    """The numbers view at 80×24: indicator and values wrap; Δ, Δ% and the status mark
    keep their full width, inside the screen."""
    from reportdiff.core.i18n import set_language
    from reportdiff.tui.app import ReportDiffApp
    from reportdiff.tui.screens.numbers import NumbersScreen

    set_language("zh" if zh else "en")
    app = ReportDiffApp(samples)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, NumbersScreen)
        table = app.screen.query_one(FittedTable)
        _assert_fits(table, fixed=[3, 4, 5])


@pytest.mark.parametrize(("size", "zh"), [((120, 30), False), ((80, 24), False), ((80, 24), True)])
@aio
async def test_help_fits(samples: list[Report], size: tuple[int, int], zh: bool) -> None:
    """The help screen's key, action, id and where columns all inside its box: the action
    wraps first (the id "next-changed-number" was cut at 120 columns)."""
    from reportdiff.core.i18n import set_language
    from reportdiff.tui.app import ReportDiffApp
    from reportdiff.tui.screens.help import HelpScreen

    set_language("zh" if zh else "en")
    app = ReportDiffApp(samples, analyse=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(FittedTable)
        _assert_fits(table, fixed=[0, 3])
        assert table.ordered_columns[2].width >= cell_len("next-changed-number") or size[0] < 100


async def _whole_footer_keys(pilot, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The footer's shown keys, each checked to be whole and left of the palette key."""
    from textual.widgets._footer import FooterKey

    await pilot.pause()
    await pilot.pause()
    keys = list(pilot.app.screen.query(FooterKey))
    palette = [k for k in keys if k.has_class("-command-palette")]
    edge = palette[0].region.x if palette else width
    shown = []
    for key in keys:
        if not key.display or key in palette:
            continue
        label = f"{key.key_display} {key.description}"
        assert key.region.width >= cell_len(label), (label, key.region)
        assert 0 <= key.region.x and key.region.right <= edge, (label, key.region, edge)
        shown.append(key.key)
    return shown


@pytest.mark.parametrize("zh", [False, True], ids=["en", "zh"])
@pytest.mark.parametrize("width", [80, 100])
@aio
async def test_footer_shows_whole_keys(samples: list[Report], zh: bool, width: int) -> None:
    """At 80 and 100 columns the footers of the reader and the numbers view show whole
    labels only ("e Expor" was cut at 80): keys that do not fit are left out from the
    last, Help always stays; wide enough, Export is back."""
    from reportdiff.core.i18n import set_language
    from reportdiff.tui.app import ReportDiffApp

    set_language("zh" if zh else "en")
    app = ReportDiffApp(samples)
    async with app.run_test(size=(width, 24)) as pilot:
        await analysed(pilot)
        reader = await _whole_footer_keys(pilot, width)
        assert {"j", "question_mark"} <= set(reader), reader
        await pilot.press("v")
        numbers = await _whole_footer_keys(pilot, width)
        assert {"enter", "s", "question_mark"} <= set(numbers), numbers
        await pilot.resize_terminal(160, 24)
        assert "e" in await _whole_footer_keys(pilot, 160)
