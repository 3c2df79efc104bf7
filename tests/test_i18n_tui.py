"""The reader in Chinese: footer at 80 columns, help screen and palette without stray English."""

from __future__ import annotations

import re

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from rich.cells import cell_len
from tui_support import aio, analysed

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED_WORDS = {"Ctrl", "Esc", "Enter", "Markdown", "Textual", "SVG", "reportdiff", "Tab"}
"""Latin words a Chinese interface keeps: key names, formats and the program's name."""


def _stray_english(text: str) -> list[str]:
    return [w for w in ENGLISH_WORD.findall(text) if w not in ALLOWED_WORDS]


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


async def _footer_keys(pilot):  # type: ignore[no-untyped-def]
    from textual.widgets._footer import FooterKey

    await pilot.pause()
    return list(pilot.app.screen.query(FooterKey))


@pytest.mark.usefixtures("zh_interface")
@aio
async def test_footer_fits_80_columns_in_chinese(reports: list[Report]) -> None:
    """Every footer key of the reader and the numbers view is on screen at 80×24, labelled
    in Chinese: labels are measured in cells (a Han character is two)."""
    from reportdiff.tui.app import ReportDiffApp

    app = ReportDiffApp(reports)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        for view in ("reader", "numbers"):
            if view == "numbers":
                await pilot.press("v")
            keys = await _footer_keys(pilot)
            assert len(keys) >= 4, view
            for key in keys:
                label = f"{key.key_display} {key.description}"
                assert not _stray_english(key.description), (view, label)
                assert key.region.width >= cell_len(label), (view, label, key.region)
                assert 0 <= key.region.x and key.region.right <= 80, (view, label, key.region)
        descriptions = {k.description for k in keys}
        assert {"转到段落", "排序", "返回"} <= descriptions


@pytest.mark.usefixtures("zh_interface")
@aio
async def test_help_screen_speaks_chinese(reports: list[Report]) -> None:
    """Every action and group on the help screen is Chinese; Textual's own keys included."""
    from reportdiff.tui.app import ReportDiffApp
    from textual.widgets import DataTable

    app = ReportDiffApp(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        headers = [str(c.label) for c in table.columns.values()]
        assert headers == ["按键", "作用", "编号", "范围"]
        actions = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        groups = {str(table.get_row_at(i)[3]) for i in range(table.row_count)}
        assert "各窗格转到下一个对齐段落" in actions
        assert "退出程序，回到命令行。" in actions  # Textual's ctrl+q
        stray = [(a, _stray_english(a)) for a in actions if _stray_english(a)]
        assert not stray
        assert groups <= {"阅读器", "程序", "Textual", "窗格", "大纲", "数字一览", "逐词对比"}


@pytest.mark.usefixtures("zh_interface")
@aio
async def test_palette_and_notifications_in_chinese(reports: list[Report]) -> None:
    """The palette's own commands and Textual's system commands, and a notification."""
    from reportdiff.tui.app import ReportDiffApp
    from reportdiff.tui.commands import ReportCommands

    app = ReportDiffApp(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "退出" in titles and "按键" in titles
        provider = ReportCommands(app.screen)
        names = [name for name, _cb, _help in provider._commands()]
        assert "导出对比（Markdown）" in names
        assert any(n.startswith("跳到章节：") for n in names)
        assert not [n for n in names if _stray_english(n.split("：")[0])]
        await pilot.press("s")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "同步滚动：关" in messages or "同步滚动：开" in messages


@aio
async def test_english_interface_unchanged(reports: list[Report]) -> None:
    """Without a Chinese setting the footer stays English (the conftest pins English)."""
    from reportdiff.tui.app import ReportDiffApp

    app = ReportDiffApp(reports)
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        descriptions = {k.description for k in await _footer_keys(pilot)}
        assert "Quit" in descriptions and "Help" in descriptions


@pytest.mark.usefixtures("zh_interface")
@aio
async def test_theme_palette_and_keys_panel_speak_chinese(reports: list[Report]) -> None:
    """Palette → 主题 opens Textual's theme list with a Chinese prompt; palette → 按键 opens
    Textual's keys panel, every description Chinese (key names such as ``tab`` stay)."""
    from reportdiff.tui.app import ReportDiffApp
    from textual.command import CommandPalette
    from textual.widgets import Input
    from textual.widgets._key_panel import BindingsTable

    app = ReportDiffApp(reports)
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(pilot)
        app.action_change_theme()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "搜索主题…"
        await pilot.press("escape")
        await pilot.pause()
        app.action_show_help_panel()
        await pilot.pause()
        table = app.screen.query_one(BindingsTable).render_bindings_table()
        descriptions = [str(cell) for cell in table.columns[1].cells]
        assert "复制所选文字" in descriptions  # Textual's own ctrl+c
        assert any(d.startswith("下段") for d in descriptions)
        stray = [(d, _stray_english(d)) for d in descriptions if _stray_english(d)]
        assert not stray
