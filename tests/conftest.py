"""Shared fixtures: keep the user's real dirs out, find the seeds, load samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("REPORTDIFF_SHARED", REPO.parent / "shared"))
"""The project's shared material beside the checkout (``../shared``), as CI lays it out."""
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "national"


def require(folder: Path, what: str) -> Path:
    """``folder``, which real-material tests read: required in CI, skipped (saying so) elsewhere."""
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{what} not found at {folder}")
        pytest.skip(f"{what} not found at {folder}")
    return folder


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point REPORTDIFF_HOME and the XDG dirs at a fresh temp dir for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REPORTDIFF_HOME", str(home / "reportdiff"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    return home


@pytest.fixture(autouse=True)
def _english_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    """English messages whatever the runner's locale (LANGUAGE wins, as in gettext).

    Child processes inherit it; a test of the Chinese interface sets its own environment
    or uses the ``zh_interface`` fixture.
    """
    from reportdiff.core.i18n import set_language

    monkeypatch.setenv("LANGUAGE", "en")
    set_language(None)


@pytest.fixture
def zh_interface() -> None:
    """The simplified Chinese interface for this test (exports' headings, messages)."""
    from reportdiff.core.i18n import set_language

    set_language("zh")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The real seed documents (``../shared/seeds``). Required in CI, skipped elsewhere."""
    return require(SEEDS, "seed documents")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The State Council reports (``../shared/corpus/national``). Required in CI."""
    return require(CORPUS, "State Council corpus")
