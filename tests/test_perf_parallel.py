"""Work spread over processes: the same results in the same order, and no worker left behind."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reportdiff.core import parallel, poolsys
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export import to_json
from reportdiff.core.storage.resolve import resolve_report

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="workers are forked on Linux only"
)


def _children() -> set[int]:
    """This process's child processes, from /proc (none is left when a pool is done)."""
    out: set[int] = set()
    for tid in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{tid}/children") as fh:
            out.update(int(p) for p in fh.read().split())
    return out


@pytest.fixture
def pools_started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many workers each pool started (a test that wants a pool checks it had one).

    pool_map forks for any work left after its first item here (small test pieces would
    never be worth it otherwise).
    """
    monkeypatch.setattr(parallel, "_FORK_WORTH", 0.0)
    sizes: list[int] = []
    start = parallel.Tasks._start

    def spy(self: parallel.Tasks[object], size: int) -> None:
        sizes.append(size)
        start(self, size)

    monkeypatch.setattr(parallel.Tasks, "_start", spy)
    before = _children()
    yield sizes
    assert _children() == before, "a worker process was left behind"


def test_a_comparison_is_the_same_with_one_process_and_two(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, pools_started: list[int]
) -> None:
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2003, 2004, 2005)]
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    alone = compare(reports, use_cache=False)
    assert pools_started == []
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    shared = compare(reports, use_cache=False)
    # The side stages, then the word changes if the phrases were done by then: a worker each.
    assert pools_started in ([1], [1, 1])
    assert shared == alone
    assert to_json(shared) == to_json(alone)
    assert len(alone.phrases) > 100 and len(alone.numbers) > 100


def test_reports_are_read_in_order_by_several_workers(
    corpus_dir: Path, pools_started: list[int]
) -> None:
    refs = [str(corpus_dir / f"{y}.txt") for y in range(1996, 2002)]
    one = parallel.pool_map(resolve_report, refs, workers=1)
    three = parallel.pool_map(resolve_report, refs, workers=3)
    assert pools_started == [2]
    assert [r.meta.id for r in three] == ["1996", "1997", "1998", "1999", "2000", "2001"]
    assert three == one
    # No more items than processes: forked at once, whatever the pace.
    assert parallel.pool_map(resolve_report, refs[:2], workers=2) == one[:2]
    assert pools_started == [2, 1]


def _fail_on_odd(x: int) -> int:
    if x % 2:
        raise ValueError(f"odd {x}")
    return x * 10


def test_small_work_is_done_here(monkeypatch: pytest.MonkeyPatch, pools_started: list[int]) -> None:
    monkeypatch.setattr(parallel, "_FORK_WORTH", 10.0)
    assert parallel.pool_map(_fail_on_odd, [0, 2, 4], workers=2) == [0, 20, 40]
    assert pools_started == []


def test_the_first_failure_in_order_is_raised(pools_started: list[int]) -> None:
    with pytest.raises(ValueError, match="odd 3"):
        parallel.pool_map(_fail_on_odd, [0, 2, 3, 4, 5], workers=2)
    assert parallel.pool_map(_fail_on_odd, [0, 2, 4, 6, 8], workers=2) == [0, 20, 40, 60, 80]
    assert pools_started == [1, 1]


def _die_in_worker(x: int) -> int:
    if parallel._in_worker:
        os._exit(3)  # as if the worker were killed (out of memory)
    return x + 1


def test_a_piece_whose_worker_died_is_done_here(pools_started: list[int]) -> None:
    assert parallel.pool_map(_die_in_worker, range(6), workers=2) == [1, 2, 3, 4, 5, 6]
    assert pools_started == [1]


def test_leaving_early_ends_a_busy_worker(pools_started: list[int]) -> None:
    read, write = os.pipe()
    try:

        def stuck() -> int:
            os.read(read, 1)  # nothing is ever written: blocks until the worker is ended
            return 0

        with pytest.raises(RuntimeError), parallel.tasks([stuck], workers=2) as running:
            assert running.pooled
            raise RuntimeError("the caller gives up")
    finally:
        os.close(read)
        os.close(write)
    assert pools_started == [1]


def test_no_pool_where_another_thread_runs(pools_started: list[int]) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not parallel.can_fork()
        assert parallel.pool_map(_fail_on_odd, [0, 2, 4], workers=2) == [0, 20, 40]
    finally:
        stop.set()
        other.join()
    # Not asserted: that forking is allowed again at once. A joined thread's kernel task can
    # outlive join() for a moment (and earlier tests may leave threads); can_fork then says
    # no, and the work runs here, which is the safe answer.
    assert pools_started == []


@pytest.mark.parametrize(("raw", "cores"), [("1", 1), ("3", 3), ("0", None), ("many", None)])
def test_the_worker_setting(monkeypatch: pytest.MonkeyPatch, raw: str, cores: int | None) -> None:
    monkeypatch.setenv(parallel.WORKERS_ENV, raw)
    expected = cores or len(os.sched_getaffinity(0))
    assert parallel.worker_count() == expected


_ORPHAN = """
import os, sys
from reportdiff.core import parallel, poolsys
read, write = os.pipe()
def stuck():
    os.read(read, 1)
with parallel.tasks([stuck], workers=2) as running:
    assert running.pooled
    print(" ".join(open(f"/proc/self/task/{os.getpid()}/children").read().split()), flush=True)
    os.read(read, 1)
"""


def test_workers_end_with_a_killed_parent() -> None:
    import select
    import signal
    import subprocess

    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        (worker,) = (int(p) for p in parent.stdout.readline().split())
        watch = os.pidfd_open(worker)
        try:
            parent.send_signal(signal.SIGKILL)  # as the TUI ends its analysis process
            parent.wait()
            ended, _, _ = select.select([watch], [], [], 30)  # readable once it has ended
            assert ended, "the worker outlived its parent"
            # The killed caller's results folder is swept by the next pool.
            base = Path(poolsys.results_base())
            assert list(base.glob(f"{poolsys.RESULTS_PREFIX}{parent.pid}-*"))
            poolsys.sweep(str(base))
            assert not list(base.glob(f"{poolsys.RESULTS_PREFIX}{parent.pid}-*"))
        finally:
            os.close(watch)
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker, signal.SIGKILL)  # a failed check leaves nothing running
    finally:
        parent.kill()
        parent.wait()


@pytest.mark.parametrize(("pace", "called"), [(0.0, 1), (10.0, 0)])
def test_meanwhile_runs_only_beside_real_work(
    monkeypatch: pytest.MonkeyPatch, pools_started: list[int], pace: float, called: int
) -> None:
    monkeypatch.setattr(parallel, "_COLD_PACE", pace)
    calls: list[None] = []
    got = parallel.pool_map(
        _fail_on_odd, [0, 2, 4, 6], workers=2, meanwhile=lambda: calls.append(None)
    )
    assert got == [0, 20, 40, 60]
    assert pools_started == [1]
    assert len(calls) == called


def test_no_fork_to_be_had_means_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    before = _children()
    with parallel.tasks([lambda: 1, lambda: 2], workers=2) as running:
        assert running.results() == [1, 2]
    assert _children() == before


def test_done_says_whether_a_value_is_at_hand_without_waiting(pools_started: list[int]) -> None:
    with parallel.tasks([lambda: 6 * 7, lambda: 1], workers=2) as running:
        assert pools_started == [1]
        running._collect(None)  # the worker's first report: piece 0, the first it takes
        assert running.done(0) and running._done[0] == (True, 42)  # not computed here
        assert running.result(0) == 42
    with parallel.tasks([lambda: 6 * 7], workers=1) as alone:
        assert not alone.done(0)  # no worker: done here only when its value is asked for
        assert alone.result(0) == 42 and alone.done(0)


def test_a_pool_inside_another_counts_its_busy_workers(pools_started: list[int]) -> None:
    """Nested pools share one budget: with three processes allowed and both workers of
    the outer pool busy, a pool started inside it starts none (before, it started two:
    five processes for three)."""
    read, write = os.pipe()
    try:

        def waiting() -> bytes:
            return os.read(read, 1)

        with parallel.tasks([waiting, waiting], workers=3) as outer:
            assert pools_started == [2]
            with parallel.tasks([lambda: 1, lambda: 2], workers=3) as inner:
                assert not inner.pooled
                assert inner.results() == [1, 2]
            assert pools_started == [2]
            os.write(write, b"ab")
            assert sorted(outer.results()) == [b"a", b"b"]
        with parallel.tasks([lambda: 1, lambda: 2], workers=3) as after:
            assert after.pooled  # the outer pool's workers have ended: the budget is back
            assert after.results() == [1, 2]
    finally:
        os.close(read)
        os.close(write)


def test_a_lock_never_released_is_an_error_not_a_hang(
    monkeypatch: pytest.MonkeyPatch, pools_started: list[int]
) -> None:
    """A process that dies holding the claim table's lock (a worker killed by the
    out-of-memory killer inside its claim) makes the caller fail with a message, and
    every worker is still ended."""
    from reportdiff.core.errors import ReportError

    monkeypatch.setattr(parallel, "_LOCK_TIMEOUT", 0.2)
    read, write = os.pipe()
    try:

        def waiting() -> bytes:
            return os.read(read, 1)  # nothing is written: ended only by being killed

        with (
            pytest.raises(ReportError, match="work-sharing lock"),
            parallel.tasks([waiting, lambda: 2], workers=2) as running,
        ):
            assert running.pooled
            pid = os.fork()
            if pid == 0:  # takes the lock and dies with it
                running._lock.acquire()
                os._exit(0)
            os.waitpid(pid, 0)
            running.result(1)
    finally:
        os.close(read)
        os.close(write)


def test_a_pool_left_without_workers_starts_them_once_the_budget_allows(
    pools_started: list[int],
) -> None:
    """The worker an inner pool could not have at its start (the outer pool's one was
    busy) is started when that one has ended, before this process does the rest alone."""
    read, write = os.pipe()
    try:

        def waiting() -> bytes:
            return os.read(read, 1)

        with parallel.tasks([waiting], workers=2) as outer:
            assert pools_started == [1]
            with parallel.tasks([lambda k=k: k * k for k in range(6)], workers=2) as inner:
                assert not inner.pooled
                os.write(write, b"x")
                assert outer.result(0) == b"x"  # done by its worker, which then ends
                assert inner.results() == [0, 1, 4, 9, 16, 25]
                assert inner.pooled
            assert pools_started == [1, 1]
    finally:
        os.close(read)
        os.close(write)


def _again_here_in_a_pool(k: int) -> Callable[[], int]:
    """A piece that fails in a worker; run again here, it starts a pool of its own (as a
    comparison run here starts its number pairs' pool)."""

    def run() -> int:
        if parallel.in_worker():
            raise ValueError(k)
        with parallel.tasks([lambda: k, lambda: k + 1], workers=3) as inner:
            return sum(inner.results())

    return run


def test_a_piece_run_again_here_may_start_a_pool(pools_started: list[int]) -> None:
    """Both workers have reported a failed piece and ended, unread. The first piece run
    again here starts a pool, which asks the outer one how busy it is: that must not read
    (and close) the pipes the outer pool's own reading was still to come to (before: a
    closed file descriptor, EBADF)."""
    with parallel.tasks([_again_here_in_a_pool(0), _again_here_in_a_pool(10)], workers=3) as outer:
        assert pools_started == [2]
        for pid in list(outer._pipes):  # ended, left unreaped: their pipes hold everything
            os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
        assert outer.results() == [1, 21]
    assert not outer._pipes


def test_many_pieces_some_failing_in_workers_each_once_in_order(
    pools_started: list[int],
) -> None:
    """Small pieces, every fifth failing in its worker and run again here, starting a pool
    there: every value comes back once, in order, and no piece runs here twice."""
    here: list[int] = []

    def piece(k: int) -> Callable[[], int]:
        def run() -> int:
            if k % 5 == 0:
                if parallel.in_worker():
                    raise ValueError(k)
                with parallel.tasks([lambda: k, lambda: 1], workers=4) as inner:
                    inner.results()
            if not parallel.in_worker():
                here.append(k)
            return 2 * k

        return run

    for _round in range(6):
        here.clear()
        with parallel.tasks([piece(k) for k in range(150)], workers=4) as running:
            assert running.results() == [2 * k for k in range(150)]
        assert len(here) == len(set(here))
        assert {k for k in range(150) if k % 5 == 0} <= set(here)
