"""The reader's way to its first frame reads only what it shows (issue 13).

``reportdiff A B`` opens the reports before Textual loads; the user library (its SQLite
index) is read on that path only when a name may be in it. Speed itself lives in
bench/bench_startup.py; these tests pin what is imported, and that ids stay the same.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportdiff.core.storage.library import add_report, library_dir
from reportdiff.core.storage.resolve import known_ids, path_id, resolve_report

SEED_002 = "002_7593e2e4601e9f0f.txt"  # yangpu-2022

DEFERRED = (
    "sqlite3",
    "_hashlib",
    "reportdiff.core.storage.index",
    "reportdiff.core.storage.library",
)
"""Modules the first screen does not need while no opened name is in the library."""


def _open_without_terminal(*refs: str) -> list[str]:
    """Run ``reportdiff REFS`` with no terminal (it reads the reports, then refuses):
    the exit code and which of DEFERRED it imported."""
    code = (
        "import sys\n"
        "from reportdiff.cli import main\n"
        f"code = main({list(refs)!r})\n"
        f"print(code, *[m for m in {DEFERRED!r} if m in sys.modules])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.stderr.startswith("reportdiff: the reader needs a terminal"), proc.stderr
    return proc.stdout.split()


def test_opening_two_files_reads_no_library(corpus_dir: Path) -> None:
    files = [str(corpus_dir / "2004.txt"), str(corpus_dir / "2005.txt")]
    assert _open_without_terminal(*files) == ["2"]  # twice: a cold cache, then a warm one
    assert _open_without_terminal(*files) == ["2"]


def test_opening_two_bundled_reports_reads_no_library() -> None:
    assert _open_without_terminal("yangpu-2022", "yangpu-2023") == ["2"]


def test_a_file_named_like_a_library_report_is_still_told_apart(
    seeds_dir: Path, corpus_dir: Path, tmp_path: Path
) -> None:
    """The library is read when a name may be in it: ids stay what ``known_ids`` gives."""
    add_report(seeds_dir / SEED_002, id="mine-2022")
    (library_dir() / "broken-2022.json").write_text("{not json", encoding="utf-8")
    text = (corpus_dir / "2004.txt").read_bytes()
    for stem in ("mine-2022", "broken-2022", "yangpu-2023", "free-2004"):
        path = tmp_path / f"{stem}.txt"
        path.write_bytes(text)
        expected = f"{stem}-file" if stem in known_ids() else stem
        assert path_id(path) == expected
        assert resolve_report(str(path)).meta.id == expected
    assert path_id(tmp_path / "mine-2022.txt") == "mine-2022-file"
    assert path_id(tmp_path / "broken-2022.txt") == "broken-2022"  # damaged: not an id
    assert path_id(tmp_path / "yangpu-2023.txt") == "yangpu-2023-file"
    assert path_id(tmp_path / "free-2004.txt") == "free-2004"


@pytest.mark.parametrize("stem", ["mine-2022", "yangpu-2022"])
def test_a_name_in_the_library_still_reads_it_on_the_way(
    stem: str, seeds_dir: Path, corpus_dir: Path, tmp_path: Path
) -> None:
    """The shortcut only rules names out: a library id is checked against the library."""
    add_report(seeds_dir / SEED_002, id="mine-2022")
    path = tmp_path / f"{stem}.txt"
    path.write_bytes((corpus_dir / "2004.txt").read_bytes())
    out = _open_without_terminal(str(path), "yangpu-2023")
    if stem == "mine-2022":
        assert out[0] == "2" and "reportdiff.core.storage.library" in out
    else:  # bundled: known without the library
        assert out == ["2"]


def test_the_reader_screen_loads_no_table_widget() -> None:
    """The numbers view, help and targets use a DataTable; the reader's first screen does
    not, and its border notes need only the id-shortening helper (tui/idtails.py). Importing
    the table widget with them cost some 34 ms on the way to the first frame."""
    code = (
        "import sys\n"
        "import reportdiff.tui.app, reportdiff.tui.screens.reader\n"
        "print('textual.widgets._data_table' in sys.modules,"
        " 'reportdiff.tui.widgets.fitted_table' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert proc.stdout.split() == ["False", "False"], proc.stdout
