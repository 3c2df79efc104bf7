"""The user's TUI settings (theme) in ``config_dir()/config.json``, written atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reportdiff.core.atomic import atomic_write_text
from reportdiff.core.paths import config_dir


def config_path() -> Path:
    """Where the settings live."""
    return config_dir() / "config.json"


def load_config() -> dict[str, Any]:
    """The saved settings; an empty dict when the file is missing or unreadable."""
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` so readers see the old file or the new one, never half of it.

    Creates the parent directory (the config dir may not exist on a first run).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)


def save_setting(key: str, value: Any) -> None:
    """Remember one setting (read-modify-write of the whole small file)."""
    data = load_config()
    data[key] = value
    write_text_atomic(config_path(), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
