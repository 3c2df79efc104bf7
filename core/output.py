"""Writing an export where the user asked, without ever destroying what is there.

One contract for every ``-o PATH`` (and the reader's export):

- a regular file (or a new name) is replaced atomically: a temporary file in the same
  directory, then a rename, so a failed write leaves the old file whole;
- a symbolic link is followed: its target is replaced, never the link itself;
- a FIFO, a character device (``/dev/null``, a terminal) or a socket is written in place,
  as a shell redirection would: renaming a file over ``/dev/null`` would turn the device
  into a regular file;
- a directory, or a path ending in ``/``, gets the default file name inside it;
- a path inside reportdiff's own library, cache or config directory is refused: an export
  written there would destroy a stored report;
- a write that fails or falls short raises :class:`~reportdiff.core.errors.ReportError`
  with one line saying why; every refusal and failure exits
  :data:`~reportdiff.core.errors.CANNOT_WRITE`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reportdiff.core import paths
from reportdiff.core.atomic import atomic_write_bytes
from reportdiff.core.errors import CANNOT_WRITE, ReportError
from reportdiff.core.i18n import _

__all__ = ["resolve_output", "write_output"]


def _protected_dirs() -> list[Path]:
    """reportdiff's own directories, which no export may write into."""
    return [d.resolve() for d in (paths.data_dir(), paths.cache_dir(), paths.config_dir())]


def resolve_output(target: str | os.PathLike[str], default_name: str) -> Path:
    """Where an export to ``target`` really goes, or a :class:`ReportError` saying why not.

    Args:
        target: What the user gave (``-o`` value); a directory or a path ending in ``/``
            means ``default_name`` inside it.
        default_name: The file name to use inside a directory.

    Returns:
        The path to write: a symbolic link resolved to its target.
    """
    raw = os.fspath(target)
    if not raw:
        raise ReportError(_("-o needs a file name"), exit_code=CANNOT_WRITE)
    path = Path(raw)
    if raw.endswith(("/", os.sep)) or path.is_dir():
        if not path.is_dir():
            raise ReportError(
                _("cannot write into {raw}: no such directory").format(raw=raw),
                exit_code=CANNOT_WRITE,
            )
        path = path / default_name
    # Follow links (and .. and relative parts): the link's target is what gets replaced.
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise ReportError(
            _("{path} is a directory; give a file name for -o").format(path=path),
            exit_code=CANNOT_WRITE,
        )
    if not real.parent.is_dir():
        raise ReportError(
            _("cannot write {path}: directory {parent} does not exist").format(
                path=path, parent=real.parent
            ),
            exit_code=CANNOT_WRITE,
        )
    for home in _protected_dirs():
        if real == home or home in real.parents:
            raise ReportError(
                _("refusing to write {path}: it is inside reportdiff's own files ({home})").format(
                    path=path, home=home
                ),
                exit_code=CANNOT_WRITE,
            )
    return real


def write_output(target: str | os.PathLike[str], data: bytes, *, default_name: str) -> Path:
    """Write ``data`` to ``target`` under the module's contract; return the path written.

    Raises:
        ReportError: the path is refused, or the write failed or fell short.
    """
    path = resolve_output(target, default_name)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = 0
    except OSError as exc:
        raise ReportError(
            _("cannot write {path}: {strerror}").format(path=path, strerror=exc.strerror or exc),
            exit_code=CANNOT_WRITE,
        ) from None
    try:
        if mode and not stat.S_ISREG(mode):
            _write_in_place(path, data)
        else:
            atomic_write_bytes(path, data)
    except OSError as exc:
        raise ReportError(
            _("cannot write {path}: {strerror}").format(path=path, strerror=exc.strerror or exc),
            exit_code=CANNOT_WRITE,
        ) from None
    return path


def _write_in_place(path: Path, data: bytes) -> None:
    """Write to a FIFO or a device without replacing it; a short write is an error."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            if n <= 0:  # pragma: no cover - os.write raises rather than return 0
                raise OSError(errno.EIO, "short write")
            view = view[n:]
    finally:
        os.close(fd)
