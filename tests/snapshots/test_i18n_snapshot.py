"""Snapshots of the reader in Chinese (``--lang zh``): labels in Chinese, layout in cells.

The English snapshots in test_tui_snapshots.py are unchanged by the Chinese interface.
"""

from __future__ import annotations

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from tui_support import analysed


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


@pytest.mark.usefixtures("zh_interface")
def test_reader_in_chinese(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """120×40 after the comparison and one ``c``: the outline's rows say "∅ 仅见于
    yangpu-2022"; the legend reads "1 共同/套话 … 2 变化⟨←原值 Δ%⟩ … 4 仅见于此 … 5 新增/删去";
    the footer shows 下段 上段 下章 … 帮助 导出 退出 and the palette key, nothing in English."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await analysed(pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(ReportDiffApp(reports), terminal_size=(120, 40), run_before=run_before)


@pytest.mark.usefixtures("zh_interface")
def test_reader_in_chinese_at_80_columns(snap_compare, reports: list[Report]) -> None:  # type: ignore[no-untyped-def]
    """80×24: two panes, the Chinese legend and a footer whose Chinese labels all fit."""
    assert snap_compare(ReportDiffApp(reports), terminal_size=(80, 24), run_before=analysed)
