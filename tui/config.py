"""The user's settings (``config.json``, which the user edits and the app only reads) and
what the app remembers between runs (``state.json`` in the state directory, e.g. the theme).

The app never writes ``config.json``: a file the user edits is theirs. A broken config is
reported in one line and ignored for that run, and the file is kept as it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from reportdiff.core.atomic import atomic_write_text
from reportdiff.core.i18n import _
from reportdiff.core.paths import config_dir, state_dir


class Config(NamedTuple):
    """The user's settings and, when the file could not be used, why."""

    settings: dict[str, Any]
    problem: str | None


def config_path() -> Path:
    """Where the user's settings live (the app reads this file and never writes it)."""
    return config_dir() / "config.json"


def state_path() -> Path:
    """Where the app remembers things between runs (the theme)."""
    return state_dir() / "state.json"


def load_config() -> Config:
    """The user's settings; empty, with the reason, when the file is unusable.

    A missing file is no problem. Invalid JSON (a trailing comma), a file that is not a JSON
    object, or JSON too deeply nested to read are problems the app reports.
    """
    path = config_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config({}, None)
    except (OSError, UnicodeDecodeError) as exc:
        return Config(
            {},
            _("{path}: cannot read it ({reason}); using the defaults").format(
                path=path, reason=_reason(exc)
            ),
        )
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return Config(
            {},
            _("{path}: {msg} at line {lineno} column {colno}; using the defaults").format(
                path=path, msg=exc.msg, lineno=exc.lineno, colno=exc.colno
            ),
        )
    except (ValueError, RecursionError):
        return Config({}, _("{path}: not valid JSON; using the defaults").format(path=path))
    if not isinstance(data, dict):
        return Config({}, _("{path}: expected a JSON object; using the defaults").format(path=path))
    return Config(data, None)


def load_state() -> dict[str, Any]:
    """What the app remembered; empty when missing or unreadable (it is only a memory)."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def remember(key: str, value: Any) -> None:
    """Remember one value in the state file (read-modify-write, replaced atomically)."""
    data = load_state()
    data[key] = value
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
