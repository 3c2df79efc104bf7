"""Atomic writes and the cross-process library lock."""

from __future__ import annotations

import multiprocessing
import os
import stat
import sys
from pathlib import Path

import pytest
from reportdiff.core import atomic
from reportdiff.core.atomic import atomic_write_bytes, atomic_write_text, locked


def test_write_creates_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "entry.json"
    atomic_write_text(path, "第一版\n")
    assert path.read_text(encoding="utf-8") == "第一版\n"
    atomic_write_text(path, "第二版\n", encoding="gb18030")
    assert path.read_bytes() == "第二版\n".encode("gb18030")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry.json"]


def test_new_file_is_readable_by_others_and_old_mode_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    atomic_write_bytes(path, b"x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not mkstemp's 0600
    path.chmod(0o600)
    atomic_write_bytes(path, b"y")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_failed_write_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException, where: str
) -> None:
    path = tmp_path / "entry.json"
    path.write_text("旧内容", encoding="utf-8")

    def boom(*args: object) -> None:
        raise error

    monkeypatch.setattr(atomic.os, where, boom)
    with pytest.raises(type(error)):
        atomic_write_text(path, "新内容")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "旧内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry.json"]


def _try_lock(directory: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    import fcntl

    with open(Path(directory) / atomic.LOCK_NAME, "a+b") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            queue.put("busy")
        else:
            queue.put("free")


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl locks are POSIX")
def test_lock_excludes_another_process(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    with locked(tmp_path / "lib"):
        proc = ctx.Process(target=_try_lock, args=(str(tmp_path / "lib"), queue))
        proc.start()
        proc.join(60)
        assert queue.get(timeout=60) == "busy"
    proc = ctx.Process(target=_try_lock, args=(str(tmp_path / "lib"), queue))
    proc.start()
    proc.join(60)
    assert queue.get(timeout=60) == "free"


def test_lock_is_released_on_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), locked(tmp_path):
        raise RuntimeError("inside")
    with locked(tmp_path):  # would block forever if the first lock were still held
        pass
    assert (tmp_path / atomic.LOCK_NAME).exists()
    assert os.listdir(tmp_path) == [atomic.LOCK_NAME]
