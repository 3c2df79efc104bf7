"""Hostile report text in the TUI: markup and escapes show as the characters they are."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reportdiff.core.storage.library import add_report, load_user_report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp

HOSTILE_REPORT = (
    "政府工作报告\n\n"
    "▶ [bold]见附件[/]与[red]红[/red]\n\n"
    "区级财政收入完成154.99亿元，同比增长8%。<script>alert(1)</script>见[link=x]链接[/link]。\n\n"
    "| 指标 | 数值 | 零\u200b宽 \x1b[31m转义\x1b[0m 字符。\n"
)


def test_markup_in_a_library_report_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE_REPORT, encoding="utf-8")
    add_report(path, id="hostile-2023", region="杨浦区", year=2023)
    reports = [load_user_report("hostile-2023"), load_sample("yangpu-2023")]

    async def scenario() -> tuple[str, str]:
        app = ReportDiffApp(reports, export_dir=tmp_path)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            pane = app.reader.panes[0]
            painted = "\n".join(pane.render_line(y).text for y in range(pane.size.height))
            await pilot.press("e", "enter")  # the dialog offers export_dir: accept it
            await pilot.pause()
        return painted, (tmp_path / "hostile-2023-vs-yangpu-2023.md").read_text(encoding="utf-8")

    painted, markdown = asyncio.run(scenario())
    # On screen: every bracket, tag and pipe as typed; the ESC byte itself never reaches
    # the terminal (the cleaner drops it, the printable rest "[31m" stays).
    for literal in (
        "[bold]见附件[/]与[red]红[/red]",
        "<script>alert(1)</script>",
        "[link=x]链接[/link]",
    ):
        assert literal in painted.replace("\n", "")
    assert "| 指标 | 数值 |" in painted
    assert "\x1b" not in painted
    # In the export made from the TUI: escaped, so Markdown shows the same characters.
    assert "\\[bold\\]见附件\\[/\\]" in markdown
    assert "<script>" not in markdown and "\x1b" not in markdown
