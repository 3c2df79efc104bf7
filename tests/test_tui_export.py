"""Export from the reader (``e``): the dialog, the remembered folder, refusals, the browser."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.screens.export_dialog import ExportDialog
from textual.widgets import Input, Static
from tui_support import aio, analysed

SIZE = (120, 40)
NAME = "yangpu-2022-vs-yangpu-2023.md"


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


async def _type_path(pilot: Any, path: str) -> None:
    """Replace the dialog's answer with ``path`` and press Enter."""
    box = pilot.app.screen.query_one("#export-path", Input)
    box.value = path
    await pilot.press("enter")


@aio
async def test_the_folder_used_last_is_offered_next_time(
    reports: list[Report], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    monkeypatch.chdir(tmp_path)
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await pilot.press("e")
        box = app.screen.query_one("#export-path", Input)
        assert box.value == str(tmp_path / NAME)  # nothing remembered yet: the cwd
        await _type_path(pilot, str(elsewhere) + "/")  # a folder gets the default name
        assert (elsewhere / NAME).read_text(encoding="utf-8").startswith("#")
    app = ReportDiffApp(reports)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await pilot.press("e")
        assert app.screen.query_one("#export-path", Input).value == str(elsewhere / NAME)
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportDialog)
    assert sorted(p.name for p in elsewhere.iterdir()) == [NAME]


@aio
async def test_a_refused_path_is_one_line_in_the_dialog(
    reports: list[Report], tmp_path: Path
) -> None:
    from reportdiff.core import paths

    app = ReportDiffApp(reports, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await pilot.press("e")
        await _type_path(pilot, str(tmp_path / "missing" / "x.md"))
        assert isinstance(app.screen, ExportDialog), "the dialog stays for a correction"
        problem = str(app.screen.query_one("#export-problem", Static).render())
        assert "does not exist" in problem and "\n" not in problem.strip()
        paths.data_dir().mkdir(parents=True, exist_ok=True)
        await _type_path(pilot, str(paths.data_dir() / "x.md"))
        problem = str(app.screen.query_one("#export-problem", Static).render())
        assert "reportdiff's own files" in problem
        await pilot.press("escape")
    assert list(tmp_path.iterdir()) == []
    assert not (paths.data_dir() / "x.md").exists()


class _ServedApp(ReportDiffApp):
    """The app as textual-serve runs it: ``is_web`` is what decides the delivery."""

    delivered: list[tuple[str, dict[str, Any]]]

    @property
    def is_web(self) -> bool:  # type: ignore[override]
        return True

    def deliver_text(self, path_or_file: Any, **kwargs: Any) -> str | None:  # type: ignore[override]
        assert isinstance(path_or_file, io.StringIO)
        self.delivered.append((path_or_file.getvalue(), kwargs))
        return "key"


@aio
async def test_served_in_a_browser_the_export_is_delivered_not_written(
    reports: list[Report], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportdiff.core.analysis.export import to_markdown

    monkeypatch.chdir(tmp_path)
    app = _ServedApp(reports)
    app.delivered = []
    async with app.run_test(size=SIZE) as pilot:
        cmp = await analysed(pilot)
        await pilot.press("e")
        # Only a name is asked: where it lands is the browser's business.
        assert app.screen.query_one("#export-path", Input).value == NAME
        await _type_path(pilot, "../../etc/passwd")
    [(text, options)] = app.delivered
    assert text == to_markdown(cmp)
    assert options["save_filename"] == "passwd"  # a name, never a path on the server
    assert list(tmp_path.iterdir()) == []  # nothing written on the server's side


@aio
async def test_screenshot_goes_to_an_existing_folder(reports: list[Report], tmp_path: Path) -> None:
    """The palette's screenshot is saved where exports go, not in a Downloads folder that
    may not exist (Textual's default, which failed)."""
    app = ReportDiffApp(reports, analyse=False, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.action_screenshot()
        for _ in range(200):  # the write runs in a thread: wait for it, bounded
            await pilot.pause(0.05)
            if list(tmp_path.glob("*.svg")):
                break
        svgs = list(tmp_path.glob("*.svg"))
        assert len(svgs) == 1 and svgs[0].read_text(encoding="utf-8").startswith("<svg")
