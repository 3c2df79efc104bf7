"""``reportdiff add DIR``: folders walked, files read in a pool, one bad file costs only itself."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core.storage import adding
from reportdiff.core.storage.bulk import expand_paths, prepare_all
from reportdiff.core.storage.library import library_dir, load_user_report, user_metas


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path, corpus_dir: Path) -> Path:
    """Three real State Council pages (GBK web pages) in nested folders, a PDF that is not
    one, a DOCX that is random bytes, a hidden file and a CSV."""
    top = tmp_path / "reports"
    (top / "1990s").mkdir(parents=True)
    (top / "2000s" / "deep").mkdir(parents=True)
    shutil.copy(corpus_dir / "1995.txt", top / "1990s" / "1995.txt")
    shutil.copy(corpus_dir / "1998.txt", top / "1990s" / "1998.TXT")
    shutil.copy(corpus_dir / "2001.txt", top / "2000s" / "deep" / "2001.txt")
    (top / "2000s" / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage\n%%EOF")
    (top / "2000s" / "noise.docx").write_bytes(os.urandom(2048))
    (top / ".hidden.txt").write_text("不是报告", encoding="utf-8")
    (top / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return top


def test_a_folder_is_walked_and_a_bad_file_never_costs_the_rest(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, err = run(capsys, "add", str(folder))
    assert code == 1
    added = [line.split("\t") for line in out.splitlines()]
    assert [(row[0], row[1]) for row in added] == [
        ("added", "national-1994"),
        ("added", "national-1997"),
        ("added", "national-2000"),
    ]
    lines = err.splitlines()
    assert lines[0].startswith("reportdiff: skipped 2 file(s) in the folders")
    failures = lines[1:-1]
    assert len(failures) == 2
    assert "broken.pdf" in failures[0] and "noise.docx" in failures[1]
    assert lines[-1] == "reportdiff: added 3 of 5 files; 2 failed (see above)"
    assert [m.id for m in user_metas()] == ["national-1994", "national-1997", "national-2000"]
    # Each added whole: the text loads and its checksum holds.
    assert "改革" in load_user_report("national-2000").text


def test_re_adding_is_unchanged_and_changed_text_needs_replace(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    for bad in ("2000s/broken.pdf", "2000s/noise.docx"):
        (folder / bad).unlink()
    assert run(capsys, "add", str(folder))[0] == 0
    before = {p.name: p.read_bytes() for p in library_dir().iterdir()}
    code, out, err = run(capsys, "add", str(folder))
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["unchanged"] * 3
    assert err.splitlines()[-1] == "reportdiff: added 0 of 3 files; 3 unchanged"
    assert {p.name: p.read_bytes() for p in library_dir().iterdir()} == before

    # The same report with one more sentence: the id is taken by another text.
    changed = tmp_path / "changed.txt"
    text = (folder / "1990s" / "1995.txt").read_bytes().decode("gb18030")
    changed.write_text(
        text.replace("各位代表：", "各位代表：\n本届政府新增一句话。", 1), encoding="utf-8"
    )
    code, out, err = run(capsys, "add", str(changed))
    assert code == 1 and out == ""
    assert "already has a report 'national-1994'" in err and "--replace" in err
    assert "本届政府新增一句话" not in load_user_report("national-1994").text
    code, out, err = run(capsys, "add", str(changed), "--replace")
    assert code == 0 and out.startswith("added\tnational-1994")
    assert "本届政府新增一句话" in load_user_report("national-1994").text


def test_expand_paths_skips_hidden_and_other_kinds(folder: Path) -> None:
    (folder / ".git").mkdir()
    (folder / ".git" / "x.txt").write_text("x", encoding="utf-8")
    found = expand_paths([folder, folder / "notes.csv"])
    names = [Path(f).name for f in found.files]
    # Sorted by path within the folder; a file named directly is kept whatever its kind.
    assert names == ["1995.txt", "1998.TXT", "broken.pdf", "2001.txt", "noise.docx", "notes.csv"]
    assert found.skipped == 3  # .hidden.txt, notes.csv in the folder, .git/x.txt


def test_a_file_that_kills_its_worker_costs_only_itself(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash in a PDF library takes the worker process down: the others still load."""
    real = adding._prepare

    def crash_on_1998(path: str, **options: object) -> object:
        if path.endswith("1998.TXT"):
            os._exit(3)  # as a segfault would: no exception, no cleanup
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(adding, "_prepare", crash_on_1998)  # inherited by forked workers
    files = [str(p) for p in sorted(folder.rglob("*.[tT][xX][tT]")) if not p.name.startswith(".")]
    outcomes = dict(
        prepare_all(
            files,
            {"id": None, "region": None, "year": None, "encoding": None, "split": False},
            workers=2,
        )
    )
    assert list(outcomes) == files
    crashed = [f for f, r in outcomes.items() if isinstance(r, Exception)]
    assert [Path(f).name for f in crashed] == ["1998.TXT"]
    assert "stopped the worker process" in str(outcomes[crashed[0]])
    assert sorted(r[0].meta.id for r in outcomes.values() if isinstance(r, list)) == [
        "national-1994",
        "national-2000",
    ]


def test_an_empty_folder_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "add", str(tmp_path / "empty"))
    assert code == 1 and out == ""
    assert err == (
        f"reportdiff: {tmp_path / 'empty'} is a directory with no report files "
        "(.txt .html .htm .pdf .docx) in it\n"
    )


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    for bad in ("2000s/broken.pdf", "2000s/noise.docx"):
        (folder / bad).unlink()
    import sys

    piped = sys.stderr
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["add", str(folder)]) == 0
    shown = terminal.getvalue()
    assert "reading" in shown and "3/3" in shown  # the bar, drawn with its count
    assert shown.rstrip().endswith("reportdiff: added 3 of 3 files")
    # Piped (capsys's stderr is not a terminal): the summary alone. (Not monkeypatch.undo:
    # that would also undo the fixture that keeps the user's real library out.)
    monkeypatch.setattr("sys.stderr", piped)
    assert main(["add", str(folder)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "reportdiff: added 0 of 3 files; 3 unchanged"


REPO = Path(__file__).resolve().parent.parent


def test_english_text_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file with no Chinese text (the project's own licence) is not a report to add."""
    english = tmp_path / "eng.txt"
    shutil.copy(REPO / "LICENSE", english)
    code, out, err = run(capsys, "add", str(english))
    assert code != 0
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "does not look like a Chinese report: no Chinese text" in err
    assert "eng.txt" in err
    assert user_metas() == []


def test_english_text_in_a_folder_is_one_failed_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus_dir: Path
) -> None:
    top = tmp_path / "mixed"
    top.mkdir()
    shutil.copy(corpus_dir / "1995.txt", top / "1995.txt")
    shutil.copy(REPO / "LICENSE", top / "eng.txt")
    code, out, err = run(capsys, "add", str(top))
    assert code == 1
    assert [line.split("\t")[:2] for line in out.splitlines()] == [["added", "national-1994"]]
    failures = [line for line in err.splitlines() if "no Chinese text" in line]
    assert len(failures) == 1 and "eng.txt" in failures[0]
    assert [m.id for m in user_metas()] == ["national-1994"]
