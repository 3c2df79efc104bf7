"""Atomic file writes (temp file + fsync + rename) and a cross-process lock for the library."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Name of the lock file kept in a locked directory.
LOCK_NAME = ".lock"


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same directory (a rename is only atomic within
    one file system), are flushed to disk, and the temporary file is renamed over ``path``.
    On any error, including KeyboardInterrupt, the temporary file is removed and the old
    file is left untouched.

    Args:
        path: Destination file. Its directory must exist.
        data: The complete new content.
    """
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600: keep the old file's mode, else the usual 0644. (Reading the
        # umask means setting it, which races with other threads, so it is not used.)
        os.chmod(tmp_name, _mode_of(target))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(target.parent)


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_write_bytes`).

    Newlines are written as ``\\n`` on every platform so files are byte-identical everywhere.

    Args:
        path: Destination file. Its directory must exist.
        text: The complete new content.
        encoding: Text encoding of the file.
    """
    atomic_write_bytes(path, text.encode(encoding))


@contextlib.contextmanager
def locked(directory: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive cross-process lock on ``directory`` for the ``with`` block.

    The lock is a ``.lock`` file inside the directory (created if missing) locked with
    :mod:`filelock`: ``flock`` on POSIX, ``msvcrt.locking`` on Windows (where the old
    ``fcntl``-only lock did nothing). Two ``reportdiff`` processes writing the library take
    turns, and the operating system releases the lock if the process dies, so a crash
    never leaves the library locked.

    Args:
        directory: The directory to lock; created if missing.
    """
    from filelock import FileLock

    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    # thread_local=False: the library lock belongs to the process, whichever thread holds it.
    with FileLock(folder / LOCK_NAME, thread_local=False):
        yield


def _mode_of(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _fsync_dir(directory: Path) -> None:
    """Flush the directory entry so the rename survives a power cut (POSIX only)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(fd)
