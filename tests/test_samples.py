"""The committed sample_data/ is exactly what the project's own code builds from the seeds."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest
from reportdiff.core.errors import ReportError
from reportdiff.core.storage.samples import (
    SAMPLE_IDS,
    build_samples,
    bundled_metas,
    load_sample,
    sample_text,
    write_samples,
)

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"


def test_committed_samples_are_what_build_samples_produces(seeds_dir: Path) -> None:
    built = build_samples(seeds_dir)
    assert list(built) == list(SAMPLE_IDS)
    for sid, (_meta, text) in built.items():
        assert (SAMPLE_DIR / f"{sid}.txt").read_text(encoding="utf-8") == text, sid
    index = json.loads((SAMPLE_DIR / "index.json").read_text(encoding="utf-8"))
    assert index == [asdict(m) for m, _ in built.values()]


def test_write_samples_writes_every_file(seeds_dir: Path, tmp_path: Path) -> None:
    paths = write_samples(seeds_dir, tmp_path)
    expected = sorted([*(f"{s}.txt" for s in SAMPLE_IDS), "index.json"])
    assert sorted(p.name for p in paths) == expected
    for p in paths:
        assert p.read_bytes() == (SAMPLE_DIR / p.name).read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))


def test_compilation_sources_name_the_seed() -> None:
    sources = {m.id: m.source for m in bundled_metas()}
    compiled = ("shanghai-2023", "pudong-2023", "huangpu-2023", "jingan-2023")
    assert {sources[i] for i in compiled} == {"004_22cd1e946852648b.txt"}
    assert sources["yangpu-2023"] == "000_c0cf95335cf428a1.txt"


def test_load_sample_parses_every_sample() -> None:
    for sid in SAMPLE_IDS:
        report = load_sample(sid)
        assert report.meta.id == sid
        assert report.sections


def test_load_sample_unknown_id_is_a_report_error() -> None:
    with pytest.raises(ReportError, match="no bundled sample"):
        load_sample("yangpu-1999")


def test_build_samples_without_seeds_is_a_report_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError):
        build_samples(tmp_path)


def test_a_samples_text_read_unparsed_is_its_parsed_reports_text() -> None:
    """The phrase library reads the samples' texts without parsing them: the same texts."""
    for sid in SAMPLE_IDS:
        text = sample_text(sid)
        assert text.strip()
        assert text == load_sample(sid).text
    with pytest.raises(ReportError):
        sample_text("no-such-sample")
