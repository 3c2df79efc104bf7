"""Hostile and broken input on the command line: one line on stderr, non-zero exit, no traceback."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from reportdiff.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str, *needles: str) -> None:
    """What a user must see for bad input: one ``reportdiff:`` line, exit != 0, no traceback."""
    assert code != 0
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("reportdiff: ")
    for needle in needles:
        assert needle in lines[0]


def _huge(p: Path) -> None:
    line = "区级财政收入完成154.99亿元，同比增长8%。\n".encode()
    p.write_bytes(line * (20 * 1024 * 1024 // len(line) + 1))


def _truncated_pdf(p: Path) -> None:
    p.write_bytes((FIXTURES / "yangpu-2023.pdf").read_bytes()[:6000])


def _undecodable(p: Path) -> None:
    p.write_bytes(random.Random(7).randbytes(30_000).replace(b"\x00", b"\x01"))


BAD_FILES: dict[str, tuple[str, Callable[[Path], object], tuple[str, ...]]] = {
    "missing": ("report.txt", lambda p: None, ("no such file",)),
    "directory": ("reports", lambda p: p.mkdir(), ("is a directory",)),
    "empty": ("report.txt", lambda p: p.write_bytes(b""), ("is empty",)),
    "binary": (
        "photo.txt",
        lambda p: p.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8),
        ("binary file",),
    ),
    "undecodable": ("report.txt", _undecodable, ("not text in UTF-8", "--encoding")),
    "20 MB": ("huge.txt", _huge, ("too large", "limit is 10 MB")),
    "truncated pdf": ("report.pdf", _truncated_pdf, ("not a readable PDF",)),
    "scanned pdf": (
        "scan.pdf",
        lambda p: p.write_bytes((FIXTURES / "scanned.pdf").read_bytes()),
        ("no text layer (scanned?)",),
    ),
    "not a docx": (
        "report.docx",
        lambda p: p.write_bytes(b"PK\x03\x04" + bytes(100)),
        ("not a readable Word document",),
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_add_bad_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str) -> None:
    name, make, needles = BAD_FILES[case]
    path = tmp_path / name
    make(path)
    code, out, err = run(capsys, "add", str(path))
    assert_one_line_error(code, out, err, *needles, str(path))


def test_add_forced_wrong_encoding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("一、工作回顾\n区级财政收入完成154.99亿元。\n".encode("gbk"))
    code, out, err = run(capsys, "add", str(path), "--encoding", "utf-8")
    assert_one_line_error(code, out, err, "cannot be decoded as utf-8")


def test_add_unknown_encoding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("报告", encoding="utf-8")
    code, out, err = run(capsys, "add", str(path), "--encoding", "nope-8")
    assert_one_line_error(code, out, err, "unknown encoding 'nope-8'")


def test_add_bad_id(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, err = run(
        capsys, "add", str(seeds_dir / "002_7593e2e4601e9f0f.txt"), "--id", "Yangpu 2022!"
    )
    assert_one_line_error(code, out, err, "invalid id 'Yangpu 2022!'", "lowercase")


def test_add_id_that_is_a_command(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, err = run(capsys, "add", str(seeds_dir / "002_7593e2e4601e9f0f.txt"), "--id", "list")
    assert_one_line_error(code, out, err, "invalid id 'list'", "command")


def test_add_one_id_for_many_files(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, err = run(
        capsys,
        "add",
        str(seeds_dir / "002_7593e2e4601e9f0f.txt"),
        str(seeds_dir / "003_c7b044fd7b48fcbf.txt"),
        "--id",
        "mine",
    )
    assert_one_line_error(code, out, err, "--id names one report")


def test_file_name_with_escape_sequences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "evil\x1b[2J\nname.txt"
    code, out, err = run(capsys, "add", str(path))
    assert_one_line_error(code, out, err, "no such file")
    assert "\x1b" not in err


def test_remove_unknown_and_bundled_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "remove", "nowhere-2020", "--yes")
    assert_one_line_error(code, out, err, "no report 'nowhere-2020' in your library")
    code, out, err = run(capsys, "remove", "yangpu-2022", "--yes")
    assert_one_line_error(code, out, err, "bundled report", "cannot be removed")


def test_text_without_headings_opens_as_one_section(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from reportdiff.core.storage.resolve import resolve_report

    path = tmp_path / "notes.txt"
    path.write_text(
        "今年以来，我们坚持稳中求进。\n\n全年财政收入增长5%。\n\n明年继续努力。\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "show", str(path))
    assert code == 0, err
    for para in ("今年以来", "全年财政收入增长5%", "明年继续努力"):
        assert para in out
    report = resolve_report(str(path))
    assert len(report.sections) + bool(report.preamble) == 1
    texts = [report.slice(b.span) for _, _, b in report.blocks()]
    assert "全年财政收入增长5%。" in texts


def test_markup_and_escapes_in_a_report_stay_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Added and shown, attack strings come back as the characters they are, never obeyed."""
    path = tmp_path / "hostile.txt"
    path.write_text(
        "▶ [bold]见附件[/]与<script>alert(1)</script>\n\n"
        "\x1b[31m红色\x1b[0m | 指标 | 数值 | 零\u200b宽。\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "add", str(path), "--id", "hostile-2023", "--year", "2023")
    assert code == 0, err
    assert "\x1b" not in out
    code, out, err = run(capsys, "show", "hostile-2023")
    assert code == 0, err
    assert "[bold]见附件[/]与<script>alert(1)</script>" in out
    assert "\x1b" not in out
    from reportdiff.core.storage.resolve import resolve_report

    text = resolve_report("hostile-2023").text
    assert "[bold]见附件[/]与<script>alert(1)</script>" in text
    assert "| 指标 | 数值 |" in text


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="POSIX named pipes")
def test_named_pipe_is_refused_without_blocking(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os

    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    code, out, err = run(capsys, "add", str(path))
    assert_one_line_error(code, out, err, "is not a regular file")


def test_library_that_cannot_be_written(
    capsys: pytest.CaptureFixture[str],
    seeds_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the library directory should be", encoding="utf-8")
    monkeypatch.setenv("REPORTDIFF_HOME", str(blocker))
    code, out, err = run(capsys, "add", str(seeds_dir / "002_7593e2e4601e9f0f.txt"), "--id", "mine")
    assert_one_line_error(code, out, err, "cannot write to your library at", str(blocker))
