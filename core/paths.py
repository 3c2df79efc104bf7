"""Where reportdiff keeps the user's library, config, state and cache (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "reportdiff"

PACKAGE_ROOT = Path(__file__).parent.parent
"""The installed ``reportdiff`` package; its data (``sample_data/``, ``themes/``) is here.

A plain path rather than :mod:`importlib.resources`: the package is installed as files
(never zipped), and importing that machinery (with zipfile) cost ~2 ms of every start."""


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def _home() -> Path | None:
    home = os.environ.get("REPORTDIFF_HOME")
    return Path(home) if home else None


def data_dir() -> Path:
    """The user's library directory (``REPORTDIFF_HOME/data`` if that variable is set)."""
    home = _home()
    return home / "data" if home else Path(_dirs().user_data_dir)


def library_dir() -> Path:
    """The user's library of added reports (``<id>.json`` entries); it may not exist yet."""
    return data_dir() / "reports"


def config_dir() -> Path:
    """The user's config directory (``REPORTDIFF_HOME/config`` if that variable is set)."""
    home = _home()
    return home / "config" if home else Path(_dirs().user_config_dir)


def state_dir() -> Path:
    """What the app remembers between runs, e.g. the last theme (``REPORTDIFF_HOME/state``).

    Kept apart from the config directory: the app never rewrites a file the user edits.
    """
    home = _home()
    return home / "state" if home else Path(_dirs().user_state_dir)


def cache_dir() -> Path:
    """The user's cache directory (``REPORTDIFF_HOME/cache`` if that variable is set).

    Never the shared temp dir: jieba's default ``/tmp/jieba.cache`` is a multi-user hazard.
    """
    home = _home()
    return home / "cache" if home else Path(_dirs().user_cache_dir)
