"""Shared fixtures: keep the user's real dirs out, find the seeds, load samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point REPORTDIFF_HOME and the XDG dirs at a fresh temp dir for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REPORTDIFF_HOME", str(home / "reportdiff"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    return home


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The real seed documents (``../shared/seeds``). Required in CI, skipped elsewhere."""
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"seed documents not found at {SEEDS}")
        pytest.skip(f"seed documents not found at {SEEDS}")
    return SEEDS


CORPUS = REPO.parent / "shared" / "corpus" / "national"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The State Council reports (``../shared/corpus/national``). Required in CI."""
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"corpus not found at {CORPUS}")
        pytest.skip(f"corpus not found at {CORPUS}")
    return CORPUS
