"""Per-report analysis cache: shared by every comparison a report is in, LRU-bounded, robust."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

import pytest
from reportdiff.core.analysis import compare as compare_mod
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export import to_json
from reportdiff.core.model import Report
from reportdiff.core.paths import cache_dir
from reportdiff.core.storage import cache


@pytest.fixture(scope="module")
def samples() -> list[Report]:
    from reportdiff.core.storage.samples import load_sample

    return [load_sample(i) for i in ("yangpu-2022", "yangpu-2023", "pudong-2023")]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts of per-report analysis runs (tokens, numbers), by report id."""
    counts: Counter[str] = Counter()
    real_tokens, real_extract = compare_mod.report_tokens, compare_mod._extract

    def tokens(report: Report):  # type: ignore[no-untyped-def]
        counts[f"tokens:{report.meta.id}"] += 1
        return real_tokens(report)

    def extract(report: Report):  # type: ignore[no-untyped-def]
        counts[f"numbers:{report.meta.id}"] += 1
        return real_extract(report)

    monkeypatch.setattr(compare_mod, "report_tokens", tokens)
    monkeypatch.setattr(compare_mod, "_extract", extract)
    # Counted in this process: a worker's runs (core/parallel.py) would go uncounted.
    monkeypatch.setenv("REPORTDIFF_WORKERS", "1")
    return counts


def _entries(kind: str) -> list[Path]:
    return sorted((cache_dir() / "analysis").glob(f"{kind}-*.pkl"))


def test_a_report_is_analysed_once_across_pairs_and_n_way(
    samples: list[Report], calls: Counter[str]
) -> None:
    a, b, c = samples
    compare([a, b])
    assert calls == Counter(
        {
            "tokens:yangpu-2022": 1,
            "tokens:yangpu-2023": 1,
            "numbers:yangpu-2022": 1,
            "numbers:yangpu-2023": 1,
        }
    )
    compare([a, c])  # a new pair: only the new report is analysed
    assert calls["tokens:yangpu-2022"] == 1 and calls["numbers:yangpu-2022"] == 1
    assert calls["tokens:pudong-2023"] == 1 and calls["numbers:pudong-2023"] == 1
    compare([c, b, a])  # an N-way comparison of reports already seen: nothing again
    assert set(calls.values()) == {1}
    assert len(_entries("tokens")) == 3 and len(_entries("numbers")) == 3


def test_results_are_the_same_with_and_without_cache(samples: list[Report]) -> None:
    plain = compare(samples, use_cache=False)
    first = compare(samples)  # fills the per-report and comparison entries
    for entry in _entries("comparison"):
        entry.unlink()  # the comparison is rebuilt from the cached per-report analysis
    rebuilt = compare(samples)
    assert to_json(plain) == to_json(first) == to_json(rebuilt)
    assert plain.alignment == rebuilt.alignment and plain.numbers == rebuilt.numbers


def test_corrupt_or_foreign_entries_are_recomputed(
    samples: list[Report], calls: Counter[str]
) -> None:
    a, b, _ = samples
    fresh = to_json(compare([a, b]))
    for entry in _entries("comparison"):
        entry.unlink()
    tokens = _entries("tokens")
    numbers = _entries("numbers")
    data = tokens[0].read_bytes()
    tokens[0].write_bytes(data[: len(data) // 3])  # torn
    # Foreign: a well-formed entry (right key, right digest) holding the wrong kind of value.
    cache.store(numbers[0].stem, "not a tuple of quantities")
    assert cache.load(numbers[0].stem) == "not a tuple of quantities"
    assert to_json(compare([a, b])) == fresh
    assert sum(v for k, v in calls.items() if k.startswith("tokens")) == 3
    assert sum(v for k, v in calls.items() if k.startswith("numbers")) == 3
    # and the rebuilt entries are good again
    assert isinstance(cache.load(numbers[0].stem), tuple)


def _age(key: str, seconds_ago: float) -> None:
    path = cache_dir() / "analysis" / f"{key}.pkl"
    t = time.time() - seconds_ago
    os.utime(path, (t, t))


def test_lru_eviction_keeps_what_was_read_last() -> None:
    blob = "x" * 10_000
    keys = [cache.cache_key("test", [str(i)]) for i in range(4)]
    for k in keys[:3]:
        cache.store(k, blob)
    size = (cache_dir() / "analysis" / f"{keys[0]}.pkl").stat().st_size
    for k, ago in zip(keys[:3], (300, 200, 100), strict=True):
        _age(k, ago)
    assert cache.load(keys[0]) == blob  # a hit is a use: keys[0] is now the newest
    assert cache.evict(limit=2 * size) == 1
    assert cache.load(keys[1]) is None  # the least recently used went first
    assert cache.load(keys[0]) == blob and cache.load(keys[2]) == blob


def test_store_keeps_the_cache_under_the_configured_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    blob = "y" * 50_000
    monkeypatch.setenv(cache.LIMIT_ENV, str(120_000 / (1024 * 1024)))  # ~2 entries
    assert cache.limit_bytes() == 120_000
    monkeypatch.setattr(cache, "_checked", 0.0)  # as in a new process
    for i in range(6):
        cache.store(cache.cache_key("test", [str(i)]), blob)
        monkeypatch.setattr(cache, "_checked", 0.0)
    total = sum(p.stat().st_size for p in _entries("test"))
    assert total <= 120_000
    assert cache.load(cache.cache_key("test", ["5"])) == blob  # the newest stays


@pytest.mark.parametrize("raw", ["", "lots", "-5", "nan"])
def test_a_bad_limit_setting_falls_back_to_the_default(
    raw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.LIMIT_ENV, raw)
    assert cache.limit_bytes() == cache.DEFAULT_LIMIT_MB * 1024 * 1024


def test_a_loaded_file_is_cleaned_once(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportdiff.core.storage.resolve import resolve_report
    from reportdiff.core.text import load

    cleaned: list[str] = []
    real = load.clean_text

    def counting(raw: str) -> str:
        cleaned.append(raw[:10])
        return real(raw)

    monkeypatch.setattr(load, "clean_text", counting)
    path = str(corpus_dir / "2004.txt")
    first = resolve_report(path)
    again = resolve_report(path)
    assert len(cleaned) == 1
    assert again.text == first.text and again.sections == first.sections
    assert again.meta == first.meta


def test_a_killed_writers_temp_file_is_swept_but_a_fresh_one_is_kept() -> None:
    cache.store(cache.cache_key("test", ["x"]), "x")
    folder = cache_dir() / "analysis"
    old, fresh = folder / ".dead.123.tmp", folder / ".busy.456.tmp"
    old.write_bytes(b"half")
    fresh.write_bytes(b"half")
    t = time.time() - 2 * 3600
    os.utime(old, (t, t))
    cache.evict()
    assert not old.exists() and fresh.exists()
