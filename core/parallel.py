"""Run independent pieces of one analysis on every core, with the same results in the same order.

A comparison or a series is many pieces that do not depend on each other (reading each
report, each report's numbers, the shared phrases). :class:`Tasks` runs such pieces in
worker processes forked from this one while the caller goes on with its own work, and
hands each result back by its index; :func:`pool_map` is the plain map over a list.

Workers are forked, so they start in milliseconds with everything already imported and
loaded (the tokenizer's dictionary), and the pieces are plain closures (nothing but the
results is pickled). Forking is safe only in a process with a single thread (a lock held
by another thread at the fork stays held in the child forever), so the pool is used only
where the process has one thread — the CLI, and the TUI's analysis child — and only on
Linux (where fork is the platform's own start method). Anywhere else, in a worker, with
one core, with ``REPORTDIFF_WORKERS=1`` or for a small job, every piece runs in this
process when its result is asked for: the same code, the same values.

A piece that fails in a worker (an exception, or the worker dying) is run again here,
so the caller sees exactly the exception a run without workers raises. Workers are
always ended before :class:`Tasks` is left (a ``with`` block), on success or failure.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.poolsys import RESULTS_PREFIX, die_with, results_base, sweep

__all__ = [
    "WORKERS_ENV",
    "Tasks",
    "can_fork",
    "in_worker",
    "pool_map",
    "tasks",
    "worker_count",
]

T = TypeVar("T")
U = TypeVar("U")

WORKERS_ENV = "REPORTDIFF_WORKERS"
"""Environment variable: how many processes an analysis may use (1 = this one only)."""

_in_worker = False
"""True in a forked worker: its own pieces run in it (no pools of pools)."""

_FREE, _TAKEN, _HERE = 0, 1, 2
"""States of a piece in the shared claim table: no one has it, a worker has, this process has."""

_LOCK_TIMEOUT = 30.0
"""Seconds to wait for the claim table's lock, held only for a few microseconds at a
time: a worker killed while holding it (the out-of-memory killer) would hang the caller."""

_live: list[Tasks[Any]] = []
"""Pools of this process whose workers have not all ended: a pool started inside another
(the number pairs while the phrase worker runs) counts their busy workers against its
budget, so nested pools never run more processes than :func:`worker_count` at once."""


def worker_count() -> int:
    """How many processes may work at once: ``$REPORTDIFF_WORKERS``, else the usable cores.

    A value that is not a whole number of at least 1 is ignored.
    """
    raw = os.environ.get(WORKERS_ENV, "").strip()
    if raw.isdigit() and int(raw) >= 1:
        return int(raw)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _threads() -> int:
    """Threads of this process as the kernel counts them (native ones too), else Python's."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        import threading

        return threading.active_count()


def in_worker() -> bool:
    """Whether this process is a forked worker (what it returns will be pickled)."""
    return _in_worker


def can_fork() -> bool:
    """Whether this process may fork workers now: Linux, not a worker, a single thread."""
    return sys.platform.startswith("linux") and not _in_worker and _threads() == 1


class Tasks(Generic[T]):
    """Independent pieces, started at once; :meth:`result` gives each one's value.

    Made by :func:`tasks`. Workers take the pieces in the order given; this process takes
    any piece no worker has begun when it asks for its value, so it is never idle while
    there is work, and a piece that failed in a worker (or whose worker died) is run
    again here. Without workers every piece is computed here when asked for.
    """

    def __init__(self, jobs: Sequence[Callable[[], T]]) -> None:
        """Use :func:`tasks` instead."""
        self._jobs = jobs
        self._done: dict[int, tuple[bool, Any]] = {}
        self._claims: Any = None  # multiprocessing RawArray of _FREE/_TAKEN/_HERE
        self._lock: Any = None
        self._pipes: dict[int, int] = {}  # worker pid -> read end of its report pipe
        self._folder = ""
        self._budget = 0  # processes it may use, this one included (0: no pool wanted)
        self._want = 0  # workers it would have started, had the budget allowed
        self._forked = 0  # workers started so far
        self._failed: list[int] = []  # pieces that failed in a worker, to run here
        self._here_now = 0  # pieces being run here at this moment (a pool may start inside)

    @property
    def pooled(self) -> bool:
        """Whether worker processes were started."""
        return self._claims is not None

    def _start(self, size: int) -> None:
        import multiprocessing
        import shutil
        import tempfile

        ctx = multiprocessing.get_context("fork")
        if self._claims is None:
            try:
                self._lock = ctx.Lock()
                base = results_base()
                sweep(base)
                self._folder = tempfile.mkdtemp(prefix=f"{RESULTS_PREFIX}{os.getpid()}-", dir=base)
            except OSError:
                self._want = 0  # no semaphores or temp space: every piece is done here
                return
            try:
                claims = ctx.RawArray("b", len(self._jobs))
            except OSError:  # no shared memory (a full /dev/shm): every piece is done here
                shutil.rmtree(self._folder, ignore_errors=True)
                self._want = 0
                return
            for i in self._done:  # done here before the workers came (_top_up)
                claims[i] = _HERE
            self._claims = claims
            _live.append(self)
        parent = os.getpid()
        for _worker in range(size):
            try:
                read, write = os.pipe()
            except OSError:
                self._want = self._forked  # not tried again
                break  # out of file descriptors: fewer workers (perhaps none)
            try:
                pid = os.fork()
            except OSError:
                os.close(read)
                os.close(write)
                self._want = self._forked  # not tried again
                break  # out of processes or memory: fewer workers (perhaps none)
            if pid == 0:  # the worker: never returns
                os.close(read)
                die_with(parent)
                self._work(write)
            os.close(write)
            self._pipes[pid] = read
            self._forked += 1

    def _top_up(self) -> None:
        """Start the workers the budget did not allow when the pool started, once it does
        (a worker of the pool this one runs inside has ended): this process would
        otherwise do alone what is left."""
        short = self._want - self._forked
        if short <= 0 or not can_fork():
            return
        busy = sum(t._busy() for t in _live if t is not self)
        left = len(self._jobs) - len(self._done)  # counted, not looked for: called per piece
        size = min(short, self._budget - 1 - len(self._pipes) - busy, left - 1)
        if size >= 1:
            self._start(size)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """The claim table's lock; an error rather than a hang if it is never released."""
        if not self._lock.acquire(timeout=_LOCK_TIMEOUT):
            raise ReportError(
                _(
                    "a worker process ended while holding the work-sharing lock; "
                    "run again, or set REPORTDIFF_WORKERS=1 to use no worker processes"
                )
            )
        try:
            yield
        finally:
            self._lock.release()

    def _busy(self) -> int:
        """Workers of this pool that may still be working (ended ones are read first).

        Asked by a pool started inside a piece this process runs, of this pool or another:
        it reads reports only (:meth:`_collect` runs no piece), and counts without a scan.
        """
        if not self._pipes:
            return 0
        self._collect(0.0)
        left = len(self._jobs) - len(self._done) - len(self._failed) - self._here_now
        return max(0, min(len(self._pipes), left))

    def _claim(self, index: int | None, start: int = 0) -> int | None:
        """Take piece ``index`` (this process) or the first free one from ``start`` on (a
        worker: none before the last it took is free, as no piece is ever freed again);
        None if gone."""
        with self._locked():
            claims = self._claims
            if index is not None:
                if claims[index] != _FREE:
                    return None
                claims[index] = _HERE
                return index
            for i in range(start, len(claims)):
                if claims[i] == _FREE:
                    claims[i] = _TAKEN
                    return i
        return None

    def _work(self, report: int) -> None:
        """A worker's life: take free pieces in order, leave each value in a file, say so."""
        global _in_worker
        _in_worker = True
        code = 0
        try:
            import pickle

            start = 0
            while (i := self._claim(None, start)) is not None:
                start = i + 1
                try:
                    data = pickle.dumps((True, self._jobs[i]()), protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:  # noqa: BLE001 - this process reruns it and raises it there
                    data = pickle.dumps((False, None))
                path = os.path.join(self._folder, str(i))
                with open(path + ".tmp", "wb") as fh:
                    fh.write(data)
                os.rename(path + ".tmp", path)
                os.write(report, i.to_bytes(4, "little"))
        except BaseException:  # noqa: BLE001 - a worker ends here whatever happens
            code = 1
        finally:
            os._exit(code)

    def _wait_for(self, index: int) -> None:
        """Read the workers' reports until piece ``index`` is done; while there are pieces
        that failed in a worker, run them here (that one first) instead of waiting."""
        while index not in self._done:
            if self._failed:
                again = index if index in self._failed else self._failed[-1]
                self._failed.remove(again)
                self._here(again)
            elif self._pipes:
                self._collect(None)
            else:
                self._here(index)  # its worker died with it: run it here

    def done(self, index: int) -> bool:
        """Whether piece ``index``'s value is at hand, without waiting (what workers have
        reported so far is read)."""
        if index not in self._done and self._pipes:
            self._collect(0.0)
        return index in self._done

    def _collect(self, timeout: float | None) -> None:
        """Take in the results the workers report (waiting up to ``timeout``; None: for one).

        Runs no piece: a piece that failed in its worker waits in ``_failed``. Run here,
        a piece may start a pool, which asks this one how busy it is (:meth:`_busy`), which
        collects: from inside this loop, that read and closed pipes this loop was still
        to read (a closed, perhaps reused, descriptor).
        """
        import pickle
        import select

        ready, _, _ = select.select(list(self._pipes.values()), [], [], timeout)
        for fd in ready:
            data = os.read(fd, 4 * 1024)
            if not data:  # the worker has ended
                pid = next(p for p, f in self._pipes.items() if f == fd)
                os.close(fd)
                del self._pipes[pid]
                with contextlib.suppress(ChildProcessError):  # reaped by someone else
                    os.waitpid(pid, 0)
                continue
            for k in range(0, len(data), 4):
                i = int.from_bytes(data[k : k + 4], "little")
                path = os.path.join(self._folder, str(i))
                try:
                    with open(path, "rb") as fh:
                        ok, value = pickle.loads(fh.read())
                    os.unlink(path)
                except Exception:  # noqa: BLE001 - a lost or spoilt result: done here instead
                    ok, value = False, None
                if ok:
                    self._done[i] = (True, value)
                else:
                    self._failed.append(i)

    def _here(self, index: int) -> None:
        self._here_now += 1
        try:
            self._done[index] = (True, self._jobs[index]())
        except Exception as exc:  # noqa: BLE001 - raised when its value is asked for
            self._done[index] = (False, exc)
        finally:
            self._here_now -= 1

    def result(self, index: int) -> T:
        """The value of piece ``index`` (waiting for its worker, or computing it here)."""
        if index not in self._done:
            if self._claims is None or self._claim(index) is not None:
                self._here(index)
            else:
                self._wait_for(index)
        ok, value = self._done[index]
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def results(self) -> list[T]:
        """Every value in the order the pieces were given; raises the first one's failure.

        Pieces no worker has taken yet are done here, from the end of the list, while the
        workers go on from its start.
        """
        if self._claims is not None or self._want > self._forked:
            for i in range(len(self._jobs) - 1, -1, -1):
                if i in self._done:
                    continue
                if self._want > self._forked:
                    self._top_up()
                if self._claims is None or self._claim(i) is not None:
                    self._here(i)
        return [self.result(i) for i in range(len(self._jobs))]

    def _close(self) -> None:
        """End every worker: they have nothing left to take, or are told to stop now."""
        import shutil
        import signal

        if self._claims is None:
            return
        with contextlib.suppress(ValueError):
            _live.remove(self)
        # Nothing more is taken; a lock never released (a worker killed holding it) is
        # not waited for: what it guards no longer matters once every worker is ended.
        held = self._lock.acquire(timeout=_LOCK_TIMEOUT)
        try:
            for i in range(len(self._claims)):
                if self._claims[i] == _FREE:
                    self._claims[i] = _HERE
        finally:
            if held:
                self._lock.release()
        for pid, fd in list(self._pipes.items()):
            if not held or not all(i in self._done for i in range(len(self._jobs))):
                # Left early (an exception here): the value of what it runs is not wanted.
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):  # reaped by someone else
                os.waitpid(pid, 0)
            os.close(fd)
        self._pipes.clear()
        shutil.rmtree(self._folder, ignore_errors=True)


@contextmanager
def tasks(
    jobs: Sequence[Callable[[], T]], *, workers: int | None = None, pool: bool = True
) -> Iterator[Tasks[T]]:
    """Start ``jobs`` in forked workers (this process is one of ``workers``) and yield them.

    Busy workers of pools this one is started inside count against ``workers``; the
    workers so left out are started by :meth:`Tasks.results` once those have ended.

    Args:
        jobs: Independent pieces, each a function of no arguments; its value must pickle.
            Workers take them in this order (the longest first keeps them busy; the
            caller takes back any piece not begun when it asks for its value).
        workers: Processes to use in all, this one included (default :func:`worker_count`).
        pool: False runs every piece here (a job too small to pay for forking).

    Yields:
        The pieces; every worker has ended when the ``with`` block is left.
    """
    n = worker_count() if workers is None else max(1, workers)
    # This process works too (its own stage, or pieces taken back): one worker fewer; and
    # so do the busy workers of pools this one is started inside.
    running = Tasks(jobs)
    try:
        if pool and n > 1 and can_fork():
            running._budget = n
            running._want = min(n - 1, len(jobs))
            size = min(running._want, n - 1 - sum(t._busy() for t in _live))
            if size >= 1:
                running._start(size)
        yield running
    finally:
        running._close()


_FORK_WORTH = 0.2
"""CPU seconds of work left (estimated from the pieces done so far) from which
:func:`pool_map` starts workers: forking and sending results back cost a few
milliseconds a piece, which a warm run (every report read from the cache) would not
win back."""


_COLD_PACE = 0.02
"""CPU seconds a piece from which :func:`pool_map` takes the work for real (a report
cleaned, not read back from the cache: about 0.13 s against 1 ms) and runs its
``meanwhile``."""


def pool_map(
    fn: Callable[[U], T],
    items: Iterable[U],
    *,
    workers: int | None = None,
    pool: bool = True,
    meanwhile: Callable[[], object] | None = None,
) -> list[T]:
    """``[fn(x) for x in items]``, the items spread over worker processes once it pays.

    With no more items than processes, each goes to a process at once. Otherwise the
    first items are done here, one by one; as soon as the work left, at the pace so
    far, is worth it (:data:`_FORK_WORTH`), the rest go to workers forked then, which so
    start with whatever the first pieces loaded (the tokenizer's dictionary, the
    cleaner's modules) instead of loading it again each. The first exception in item
    order is raised, as the plain loop raises it (the items after it may have been done).

    ``meanwhile`` is run here once workers have started on pieces that each cost real
    work (:data:`_COLD_PACE`), before this process joins in: work the next stage needs
    anyway (loading the tokenizer), done while the workers read, which a warm run (every
    piece from the cache) never pays for.
    """
    import time

    listed = list(items)
    out: list[T] = []
    n = worker_count() if workers is None else max(1, workers)
    eager = 1 < len(listed) <= n
    # No more items than processes (two files compared): all of them at once, or the
    # second would wait for the first; a warm run pays a fork and its results' pickling.
    # Otherwise the pace is taken from the second item on (the first pays for imports).
    began = 0.0
    cold = False
    while not eager and len(out) < len(listed):
        left = len(listed) - len(out)
        if len(out) >= 2 and pool and left > 1:
            pace = (time.process_time() - began) / (len(out) - 1)
            if pace * left >= _FORK_WORTH:
                cold = pace >= _COLD_PACE
                break
        if len(out) == 1:
            began = time.process_time()
        out.append(fn(listed[len(out)]))
    rest = listed[len(out) :]
    jobs: list[Callable[[], T]] = [_bind(fn, x) for x in rest]
    with tasks(jobs, workers=workers, pool=pool and len(rest) > 1) as running:
        if meanwhile is not None and running.pooled and cold:
            meanwhile()
        return out + running.results()


def _bind(fn: Callable[[U], T], x: U) -> Callable[[], T]:
    return lambda: fn(x)
