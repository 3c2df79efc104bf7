"""Number pairing spread over processes per pair of reports: the same pairs, in the same order."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportdiff.core import parallel
from reportdiff.core.analysis import pairing
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export import to_json
from reportdiff.core.storage.resolve import resolve_report

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="workers are forked on Linux only"
)


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The number of pieces of every pool that started workers."""
    sizes: list[int] = []
    start = parallel.Tasks._start

    def spy(self: parallel.Tasks[object], size: int) -> None:
        sizes.append(len(self._jobs))
        start(self, size)

    monkeypatch.setattr(parallel.Tasks, "_start", spy)
    yield sizes


def test_pairs_of_reports_in_workers_pair_the_same_numbers(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2002, 2003, 2004, 2005)]
    monkeypatch.setattr(pairing, "_POOL_WORK", 0)  # four national reports are below it
    # The pairs' pool gets its worker whether or not the side stages' is still busy (the
    # process budget is tested in test_perf_parallel): here the pairs must go to workers.
    monkeypatch.setattr(parallel.Tasks, "_busy", lambda self: 0)
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    alone = compare(reports, use_cache=False)
    assert pools == []
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    shared = compare(reports, use_cache=False)
    # The side stages (phrases, then each report's numbers), the word changes beside the
    # number pairs (if the phrases were done by then), and the six pairs of reports.
    assert pools in ([1 + len(reports), 6], [1 + len(reports), 1, 6])
    assert shared.numbers == alone.numbers
    assert to_json(shared) == to_json(alone)
    assert sum(p.status != "only" for p in alone.numbers) > 20


def test_a_single_pair_of_reports_is_paired_here(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2004, 2005)]
    monkeypatch.setattr(pairing, "_POOL_WORK", 0)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    compare(reports, use_cache=False)
    assert 6 not in pools and pools[0] == 1 + len(reports)  # no pool of one pair of reports
