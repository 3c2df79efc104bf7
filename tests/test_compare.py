"""compare(): all parts together, on the real samples, and its on-disk cache."""

from __future__ import annotations

import pytest
from reportdiff.core.analysis.compare import compare
from reportdiff.core.errors import ReportError
from reportdiff.core.model import Report
from reportdiff.core.paths import cache_dir
from reportdiff.core.storage import cache


@pytest.fixture(scope="module")
def yangpu() -> list[Report]:
    from reportdiff.core.storage.samples import load_sample

    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


def test_compare_fills_every_part(yangpu: list[Report]) -> None:
    cmp = compare(yangpu, use_cache=False)
    assert cmp.reports == tuple(yangpu)
    assert any(r.kind == "section" and None not in r.nodes for r in cmp.alignment)
    assert cmp.phrases and cmp.phrases[0].rank == 1
    assert len(cmp.unique) == 2 and all(cmp.unique)


def test_all_eight_samples_compare() -> None:
    from reportdiff.core.storage.samples import SAMPLE_IDS, load_sample

    reports = [load_sample(i) for i in SAMPLE_IDS]
    cmp = compare(reports)
    assert len(cmp.reports) == 8
    assert all(len(r.nodes) == 8 for r in cmp.alignment)
    assert all(len(p.spans) == 8 for p in cmp.phrases)
    # boilerplate every report says is found, and ranked last among what all eight share
    assert any(len(p.reports) >= 6 for p in cmp.phrases)


def test_needs_two_reports(yangpu: list[Report]) -> None:
    with pytest.raises(ReportError):
        compare(yangpu[:1])


def _entries() -> list:
    return sorted((cache_dir() / "analysis").glob("comparison-*.pkl"))


def test_cache_hit_equals_fresh_result(yangpu: list[Report]) -> None:
    first = compare(yangpu)
    assert len(_entries()) == 1
    again = compare(yangpu)
    assert again == first
    assert again.reports[0] is yangpu[0]  # the caller's objects, not unpickled copies


def test_corrupt_cache_entry_is_rebuilt(yangpu: list[Report]) -> None:
    fresh = compare(yangpu)
    (entry,) = _entries()
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])  # a torn write
    assert compare(yangpu) == fresh
    assert entry.read_bytes() == data or len(entry.read_bytes()) > len(data) // 2
    entry.write_bytes(data[:-10] + b"0123456789")  # bit rot in the payload
    assert cache.load(entry.stem) is None
    assert compare(yangpu) == fresh


def test_new_analyzer_version_ignores_old_entries(
    yangpu: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    compare(yangpu)
    monkeypatch.setattr(cache, "ANALYZER_VERSION", "engine-test-next")
    compare(yangpu)
    assert len(_entries()) == 2


def test_cache_writes_leave_no_temp_files(yangpu: list[Report]) -> None:
    compare(yangpu)
    leftovers = [p for p in (cache_dir() / "analysis").iterdir() if p.suffix == ".tmp"]
    assert leftovers == []
