"""A large value is written to the cache by a forked process: the same entry, once waited for."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from reportdiff.core import parallel
from reportdiff.core.analysis import compare as compare_module
from reportdiff.core.analysis.compare import compare
from reportdiff.core.storage import cache
from reportdiff.core.storage.resolve import resolve_report

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="writers are forked on Linux only"
)


@linux_only
def test_a_value_stored_behind_is_there_once_its_writer_is_waited_for() -> None:
    cache.wait_writers()  # any an earlier test left
    key = cache.cache_key("test", ["behind"])
    value = {"spans": list(range(50_000))}
    cache.store_behind(key, value)
    [writer] = cache._writers  # a forked writer, not this process
    cache.wait_writers()
    assert cache._writers == []
    assert cache.load(key) == value
    with pytest.raises(ChildProcessError):  # waited for: no longer a child
        os.waitpid(writer, os.WNOHANG)


def test_where_no_fork_is_safe_the_value_is_stored_here(monkeypatch: pytest.MonkeyPatch) -> None:
    cache.wait_writers()
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    key = cache.cache_key("test", ["here"])
    cache.store_behind(key, (1, 2, 3))
    assert cache._writers == []
    assert cache.load(key) == (1, 2, 3)


@linux_only
def test_a_large_comparison_written_behind_is_read_back_the_same(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2003, 2004, 2005)]
    assert sum(len(r.text) for r in reports) >= compare_module._BEHIND_CHARS
    cache.wait_writers()
    first = compare(reports)
    assert len(cache._writers) == 1
    cache.wait_writers()

    def recompute(*_: object, **__: object) -> None:
        raise AssertionError("the comparison was not in the cache")

    monkeypatch.setattr(compare_module, "_compute", recompute)
    assert compare(reports) == first


@linux_only
def test_entries_written_behind_count_towards_the_cache_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A writer's bytes are counted by the caller: forty entries of 40 KiB written behind
    (each under a sixteenth of a 1 MiB limit, so no writer's own count would reach the
    next check) keep the cache within the limit and that sixteenth."""
    if not parallel.can_fork():
        pytest.skip("another thread runs: no writer is forked")
    cache.wait_writers()
    limit = 1024 * 1024
    monkeypatch.setenv(cache.LIMIT_ENV, "1")
    cache.store(cache.cache_key("test", ["first"]), b"")  # the process's first check
    for n in range(40):
        cache.store_behind(cache.cache_key("test", ["behind", str(n)]), os.urandom(40_000))
        assert cache._writers  # written by a forked process
        cache.wait_writers()
    folder = cache._dir()
    total = sum(p.stat().st_size for p in folder.glob("*.pkl"))
    assert total <= limit + limit // 16
