"""`export -o PATH` never destroys what is at PATH: links, FIFOs, devices, the library."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core import paths

PAIR = ("yangpu-2022", "yangpu-2023")


def export(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = main(["export", *PAIR, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_regular_file_is_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cmp.md"
    out.write_text("old")
    code, _, err = export(capsys, "-o", str(out))
    assert (code, err) == (0, "")
    assert out.read_text(encoding="utf-8").startswith("#")


def test_symlink_target_is_replaced_not_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    code, _, err = export(capsys, "-f", "json", "-o", str(link))
    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").lstrip().startswith("{")


def test_dev_null_stays_a_device(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = export(capsys, "-o", os.devnull)
    assert (code, err) == (0, "")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_fifo_is_written_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read)
    reader.start()
    code, _, err = export(capsys, "-f", "csv", "-o", str(fifo))
    reader.join(timeout=60)
    assert (code, err) == (0, "")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and got[0].startswith(b"\xef\xbb\xbfindicator")


def test_directory_gets_the_default_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = export(capsys, "-o", f"{tmp_path}/")
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["yangpu-2022-vs-yangpu-2023.md"]
    # The name was not the user's: one line says where the file went.
    assert err.splitlines() == [f"reportdiff: wrote {tmp_path / 'yangpu-2022-vs-yangpu-2023.md'}"]
    code, _, err = export(capsys, "-f", "json", "-o", str(tmp_path))
    assert code == 0
    assert (tmp_path / "yangpu-2022-vs-yangpu-2023.json").is_file()
    assert err.splitlines() == [f"reportdiff: wrote {tmp_path / 'yangpu-2022-vs-yangpu-2023.json'}"]


def test_every_output_that_cannot_be_written_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing folder, a refused place, a failed write: one code for "cannot write"
    (the README's 2 for an argument that cannot be used), one line each."""
    targets = [str(tmp_path / "missing" / "x.md"), f"{tmp_path}/missing/"]
    if Path("/dev/full").exists():
        targets.append("/dev/full")  # the write itself fails: no space left
    if Path("/sys").is_dir():
        targets.append("/sys/x.md")  # nobody may create files there, root neither
    for target in targets:
        code, out, err = export(capsys, "-o", target)
        assert code == 2, (target, err)
        assert out == "" and err.startswith("reportdiff: cannot write") and err.count("\n") == 1


def test_missing_directory_with_slash_is_an_error_not_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = export(capsys, "-o", f"{tmp_path}/newdir/")
    assert code == 2
    assert err.startswith("reportdiff: ") and err.count("\n") == 1 and "newdir" in err
    assert list(tmp_path.iterdir()) == []


def test_library_files_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "r.txt"
    src.write_bytes((paths.PACKAGE_ROOT / "sample_data" / "yangpu-2022.txt").read_bytes())
    assert main(["add", str(src), "--id", "mine-2022", "--region", "杨浦区"]) == 0
    capsys.readouterr()
    stored = sorted(p for p in paths.library_dir().rglob("*") if p.is_file())
    assert stored
    before = {p: p.read_bytes() for p in stored}
    for victim in stored:
        code, _, err = export(capsys, "-o", str(victim))
        assert code == 2 and "refusing" in err and err.count("\n") == 1
    assert {p: p.read_bytes() for p in stored} == before
    assert main(["show", "mine-2022"]) == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_stdout_full_disk_is_an_error() -> None:
    """`export > /dev/full`: the write fails, so the exit code says so, in one line."""
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "reportdiff", "export", *PAIR],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert proc.returncode == 2
    assert proc.stderr.startswith("reportdiff: cannot write to standard output")
    assert "Traceback" not in proc.stderr


def test_stdout_closed_is_an_error() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportdiff", "export", *PAIR],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert proc.returncode != 0
    assert proc.stderr.startswith("reportdiff: ")
    assert "Traceback" not in proc.stderr
