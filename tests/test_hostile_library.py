"""The library under kill -9 and damage: each file whole or not at all, no text ever lost."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core import atomic, paths
from reportdiff.core.storage import library

COMPILATION = "004_22cd1e946852648b.txt"  # four reports: 上海市, 浦东, 黄浦, 静安
SEED = "002_7593e2e4601e9f0f.txt"
SPLIT_IDS = ["huangpu-2023", "jingan-2023", "pudong-2023", "shanghai-2023"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """`reportdiff list` as id → origin (the user's rows only)."""
    code, out, err = run(capsys, "list")
    assert code == 0 and "Traceback" not in err
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    return {r[0]: r[-1] for r in rows if r[-1] != "bundled"}


def _split_then_die(home: str, path: str, when: str, at: int) -> None:
    """Child: add a compilation, dying like ``kill -9`` before or after the at-th commit write."""
    os.environ["REPORTDIFF_HOME"] = home
    real = atomic.atomic_write_text
    calls = 0

    def write(target: object, text: str, **kwargs: object) -> None:
        nonlocal calls
        calls += 1
        if when == "before" and calls == at:
            os._exit(9)  # no finally blocks, no rollback: like SIGKILL or a power cut
        real(target, text)  # type: ignore[arg-type]
        if when == "after" and calls == at:
            os._exit(9)

    vars(library)["atomic_write_text"] = write
    library.add_report(path, split=True, replace=True)


@pytest.mark.parametrize(
    ("when", "at", "expected"),
    [
        ("before", 1, []),  # the journal (commit record) never written: nothing
        ("after", 1, SPLIT_IDS),  # committed, no entry written yet: rolled forward
        ("after", 3, SPLIT_IDS),  # two of four entries written: rolled forward
    ],
)
def test_a_compilation_killed_mid_add_is_all_or_nothing(
    capsys: pytest.CaptureFixture[str],
    seeds_dir: Path,
    when: str,
    at: int,
    expected: list[str],
) -> None:
    ctx = multiprocessing.get_context("spawn")
    proc = ctx.Process(
        target=_split_then_die,
        args=(os.environ["REPORTDIFF_HOME"], str(seeds_dir / COMPILATION), when, at),
    )
    proc.start()
    proc.join(120)
    assert proc.exitcode == 9
    # A reader (no lock needed by the user) sees the whole file or none of it.
    assert sorted(listed(capsys)) == expected
    assert library.damaged_entries() == []
    assert not list(paths.library_dir().glob(".pending-*"))
    for report_id in expected:
        code, _out, err = run(capsys, "show", report_id)
        assert code == 0, err
    # And the library still takes writes; leftovers of the killed add are swept.
    code, _, err = run(capsys, "add", str(seeds_dir / SEED), "--id", "after")
    assert code == 0, err
    texts = {p.name.split(".")[0] for p in paths.library_dir().glob("*.txt")}
    assert texts == {*expected, "after"}


def _damage_text_file(entry: Path) -> None:
    record = json.loads(entry.read_text(encoding="utf-8"))
    record["text_file"] = "mine.0000000000.txt"  # a flipped digest: a name that looks right
    entry.write_text(json.dumps(record), encoding="utf-8")


def _damage_nested(entry: Path) -> None:
    entry.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")


def _damage_truncated(entry: Path) -> None:
    entry.write_text('{"format": 1, "meta": {"id": "mine", ', encoding="utf-8")


@pytest.mark.parametrize(
    "damage", [_damage_text_file, _damage_nested, _damage_truncated], ids=lambda f: f.__name__
)
def test_a_damaged_entry_is_listed_and_its_text_never_swept(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, damage: object
) -> None:
    assert run(capsys, "add", str(seeds_dir / SEED), "--id", "mine")[0] == 0
    folder = paths.library_dir()
    (text,) = folder.glob("mine.*.txt")
    original = text.read_bytes()
    damage(folder / "mine.json")  # type: ignore[operator]

    assert listed(capsys) == {"mine": "damaged"}
    _, _, err = run(capsys, "list")
    assert "Traceback" not in err
    assert err.startswith("reportdiff: library entry 'mine' is damaged") and "text is kept" in err
    code, _out, err = run(capsys, "show", "mine")
    assert code == 1 and len(err.splitlines()) == 1 and "is damaged" in err
    # Another add sweeps leftovers; the damaged entry's text is not one of them.
    assert run(capsys, "add", str(seeds_dir / "003_c7b044fd7b48fcbf.txt"), "--id", "other")[0] == 0
    assert text.read_bytes() == original
    # remove clears the entry and puts its text aside, never deletes it.
    code, _, err = run(capsys, "remove", "mine", "--yes")
    assert code == 0, err
    assert listed(capsys) == {"other": "user"}
    assert (folder / library.RECOVERED_DIR / text.name).read_bytes() == original


def _probe_lock(directory: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Child: try the library lock the portable way (filelock picks msvcrt on Windows)."""
    from filelock import FileLock, Timeout

    try:
        FileLock(Path(directory) / ".lock").acquire(timeout=0)
    except Timeout:
        queue.put("busy")
    else:
        queue.put("free")


def test_the_library_lock_is_a_real_lock_on_every_platform(seeds_dir: Path) -> None:
    """The old lock was fcntl only, a no-op on Windows; filelock's works on both."""
    from reportdiff.core.atomic import locked

    folder = paths.library_dir()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    with locked(folder):
        proc = ctx.Process(target=_probe_lock, args=(str(folder), queue))
        proc.start()
        proc.join(120)
        assert queue.get(timeout=60) == "busy"
    proc = ctx.Process(target=_probe_lock, args=(str(folder), queue))
    proc.start()
    proc.join(120)
    assert queue.get(timeout=60) == "free"


def test_a_write_that_fails_for_one_file_does_not_stop_the_next(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk error while one file is written rolls that file back; the next is still added."""
    real = atomic.atomic_write_text
    calls: list[str] = []

    def first_entry_fails(path: object, text: str, **kwargs: object) -> None:
        calls.append(Path(str(path)).name)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        real(path, text)  # type: ignore[arg-type]

    monkeypatch.setattr(library, "atomic_write_text", first_entry_fails)
    code, out, err = run(
        capsys,
        "add",
        str(seeds_dir / SEED),
        str(seeds_dir / "003_c7b044fd7b48fcbf.txt"),
        "--replace",
    )
    assert code == 1
    assert [line.split("\t")[1] for line in out.splitlines()] == ["xuhui-2022"]
    lines = err.splitlines()
    assert lines[0].startswith("reportdiff: cannot write to your library at")
    assert "No space left on device" in lines[0]
    assert lines[1] == "reportdiff: added 1 of 2 files; 1 failed (see above)"
    assert listed(capsys) == {"xuhui-2022": "user (replaces bundled)"}
    assert {p.name.split(".")[0] for p in paths.library_dir().glob("*.txt")} == {"xuhui-2022"}
