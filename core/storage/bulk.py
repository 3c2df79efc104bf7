"""Adding many files at once: finding reports in folders and reading them on every core.

Reading a file (PDF text layers above all), cleaning it and inferring its metadata is the
slow part of ``add``; it runs in a process pool, one file per task. Only the library write
stays in the calling process, under the library lock (see library.add_files).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import Report

#: The kinds of file ``add DIR`` picks up in a folder (a file named by itself is always tried).
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as each file is read."""


@dataclass(frozen=True)
class FoundFiles:
    """What ``add`` was given, folders walked."""

    files: list[str]
    """Every file to add, in the order given (a folder's files sorted by path)."""
    skipped: int
    """Files inside the folders left out: hidden, or not a report format."""


def expand_paths(args: Sequence[str | Path]) -> FoundFiles:
    """Replace each folder in ``args`` by the report files under it, recursively.

    Hidden files and folders (names starting with ``.``) and files of other kinds are
    skipped and counted; a file named directly is kept whatever its kind (``add`` says
    what is wrong with it), and so is a path that does not exist.
    """
    files: list[str] = []
    skipped = 0
    for arg in args:
        path = Path(arg)
        if not path.is_dir():
            files.append(str(arg))
            continue
        found: list[str] = []
        for root, dirs, names in os.walk(path):
            hidden = [d for d in dirs if d.startswith(".")]
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            skipped += sum(_count_files(Path(root) / d) for d in hidden)
            for name in names:
                full = Path(root) / name
                if name.startswith(".") or full.suffix.lower() not in REPORT_SUFFIXES:
                    skipped += 1
                elif full.is_file():
                    found.append(str(full))
                else:
                    skipped += 1
        files.extend(sorted(found))
    return FoundFiles(files, skipped)


def _count_files(folder: Path) -> int:
    return sum(len(names) for _, _, names in os.walk(folder))


Prepared = tuple[str, "list[Report] | ReportError"]
"""One file's outcome: its name and its reports, or why it cannot be added."""


def prepare_all(
    paths: Sequence[str | Path],
    options: dict[str, Any],
    *,
    on_progress: Progress | None = None,
    workers: int | None = None,
) -> Iterator[Prepared]:
    """Read, clean and parse every file (``options`` as adding._prepare takes them).

    Yields each file's outcome in the order given. With more than one file and more than
    one core, the files are read in a pool of processes; one file that cannot be read,
    or even one that crashes its worker, never costs the others.
    """
    total = len(paths)
    cores = workers or os.cpu_count() or 1
    if total <= 1 or cores <= 1:
        for done, path in enumerate(paths, 1):
            outcome = prepare_one(str(path), options)
            if on_progress:
                on_progress(done, total)
            yield outcome
        return
    yield from _pooled([str(p) for p in paths], options, min(cores, total), on_progress)


def _pooled(
    paths: list[str], options: dict[str, Any], workers: int, on_progress: Progress | None
) -> Iterator[Prepared]:
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    pending = deque(paths)  # taken from the front as each file is done: O(1), not O(n)
    while pending:
        pool = ProcessPoolExecutor(max_workers=workers)
        futures: list[Future[Prepared]] = [pool.submit(prepare_one, p, options) for p in pending]
        try:
            for path, future in zip(list(pending), futures):
                broken = False
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    # A worker died (out of memory, a crash in a PDF library). Go on in a
                    # fresh pool of one worker: there the file in front is the one it was
                    # reading, and it alone is blamed.
                    broken = True
                    if workers > 1:
                        workers = 1
                        break
                    reason = _(
                        "{path}: reading it stopped the worker process (a crash or out of memory)"
                    ).format(path=path)
                    outcome = (path, ReportError(reason))
                pending.popleft()
                done += 1
                if on_progress:
                    on_progress(done, len(paths))
                yield outcome
                if broken:
                    break
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def prepare_one(path: str, options: dict[str, Any]) -> Prepared:
    """Read one file into reports (runs in a worker process); a failure is returned."""
    from reportdiff.core.storage.adding import _prepare

    try:
        return path, _prepare(path, **options)
    except ReportError as exc:
        return path, exc
    except RecursionError:
        return path, ReportError(_("{path}: too deeply nested to read").format(path=path))
    except MemoryError:
        return path, ReportError(_("{path}: too large to read in memory").format(path=path))
