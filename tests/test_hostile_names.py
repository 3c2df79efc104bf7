"""Escape sequences in file names, options and library entries never reach a terminal or export.

An OSC 52 sequence (``ESC ] 52 ; c ; <base64> BEL``) makes many terminals set the clipboard;
a file name or ``--region`` carrying one used to be printed raw by ``list``, ``show``, the
TUI and the Markdown export. All of these are driven through the real command line.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core import paths

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "yangpu-2023.txt"
OSC52 = "\x1b]52;c;aGFja2Vk\x07"
#: Bytes a terminal obeys: ESC, BEL, CSI (C1), and the line breaks a TSV row must not hold.
UNSAFE = ("\x1b", "\x07", "\x9b", "\u2028", "\u202e")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(*texts: str) -> None:
    for text in texts:
        for ch in UNSAFE:
            assert ch not in text, (ch, text[:200])


@pytest.fixture
def evil_file(tmp_path: Path) -> Path:
    path = tmp_path / f"report{OSC52}\u202e.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_file_name_with_osc52_opened_shown_and_exported(
    capsys: pytest.CaptureFixture[str], evil_file: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "show", str(evil_file))
    assert code == 0, err
    assert_inert(out, err)
    assert "]52;c;aGFja2Vk" in out  # the printable rest stays visible
    for fmt in ("md", "json", "csv", "html"):
        code, out, err = run(capsys, "export", str(evil_file), "yangpu-2022", "-f", fmt)
        assert code == 0, err
        assert_inert(out, err)
    code, out, err = run(capsys, "export", str(evil_file), "yangpu-2022", "-o", str(tmp_path))
    assert code == 0, err
    written = list(tmp_path.glob("*.md"))
    assert len(written) == 1
    assert_inert(written[0].name, written[0].read_text(encoding="utf-8"))


def test_file_name_with_osc52_added_and_listed(
    capsys: pytest.CaptureFixture[str], evil_file: Path
) -> None:
    code, out, err = run(capsys, "add", str(evil_file), "--id", "evil-2023")
    assert code == 0, err
    assert_inert(out, err)
    for argv in (("list",), ("show", "evil-2023"), ("export", "evil-2023", "yangpu-2022")):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert_inert(out, err)


def test_region_with_newline_and_escape_keeps_list_tsv_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    region = f"闵行区\n{OSC52}\tx\u2028y"
    code, out, err = run(capsys, "add", str(path), "--region", region, "--id", "mine-2023")
    assert code == 0, err
    assert_inert(out, err)
    code, out, err = run(capsys, "list")
    assert code == 0, err
    assert_inert(out, err)
    rows = [line.split("\t") for line in out.splitlines()]
    assert {len(r) for r in rows} == {7}
    mine = [r for r in rows if r[0] == "mine-2023"]
    assert mine and mine[0][1].startswith("闵行区 ]52;c;aGFja2Vk")
    code, out, err = run(capsys, "export", "mine-2023", "yangpu-2022")
    assert code == 0, err
    assert_inert(out)


def test_hand_edited_entry_with_escapes_is_printed_inert(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(capsys, "add", str(path), "--id", "mine-2023")[0] == 0
    entry = paths.library_dir() / "mine-2023.json"
    record = json.loads(entry.read_text(encoding="utf-8"))
    record["meta"]["title"] = f"标题{OSC52}\n第二行"
    record["meta"]["region"] = "\x9b31m杨浦区"
    entry.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    for argv in (
        ("list",),
        ("show", "mine-2023"),
        ("export", "mine-2023", "yangpu-2022"),
        ("export", "mine-2023", "yangpu-2022", "-f", "html"),
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert_inert(out, err)


@pytest.mark.parametrize("name", ["=1+2", "@SUM(A1)", "+cmd", "-2+3"])
def test_csv_cells_from_file_names_are_neutralised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "export", str(path), "yangpu-2022", "-f", "csv")
    assert code == 0, err
    header = next(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert f"'{name}" in header
    for cell in header:
        assert cell[:1] not in ("=", "+", "-", "@")


def test_file_name_with_osc52_in_the_tui(evil_file: Path, tmp_path: Path) -> None:
    """Opened in the reader: the border, titles and the export it writes hold no escape."""
    import asyncio

    from reportdiff.core.storage.resolve import resolve_report
    from reportdiff.tui.app import ReportDiffApp

    reports = [resolve_report(str(evil_file)), resolve_report("yangpu-2022")]
    assert_inert(reports[0].meta.id, reports[0].meta.source, reports[0].meta.title)

    async def scenario() -> str:
        app = ReportDiffApp(reports, export_dir=tmp_path)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            painted = app.export_screenshot()  # SVG: every character the screen shows
            await pilot.press("e")  # the export dialog, prefilled with export_dir/<ids>.md
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        return painted

    painted = asyncio.run(scenario())
    assert "]52;c;aGFja2Vk" in painted  # the file's name is shown, its escape is not
    assert_inert(painted)
    assert "&#27;" not in painted and "&#x1b;" not in painted.lower()
    exported = list(tmp_path.glob("*.md"))
    assert len(exported) == 1
    assert_inert(exported[0].name, exported[0].read_text(encoding="utf-8"))
