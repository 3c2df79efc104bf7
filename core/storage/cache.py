"""On-disk cache of analysis results, keyed by content and analyzer version, written atomically."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from reportdiff.core.atomic import atomic_write_bytes
from reportdiff.core.paths import cache_dir

__all__ = ["ANALYZER_VERSION", "cache_key", "cached", "load", "store"]

T = TypeVar("T")

ANALYZER_VERSION = "engine-2"
"""Bump when tokens, alignment, phrases, numbers or changes change meaning: old entries
become stale (engine-2: paragraph rows carry their in-paragraph changes)."""

_MAGIC = b"reportdiff-cache\n"
_DIGEST = 32  # blake2b-256 of the payload, checked before unpickling


def _dir() -> Path:
    return cache_dir() / "analysis"


def cache_key(kind: str, parts: Iterable[str | bytes]) -> str:
    """A file-name-safe digest of what a result depends on.

    Args:
        kind: What is cached (``tokens``, ``comparison``); part of the file name.
        parts: Everything the result depends on (texts, ids, versions).

    Returns:
        ``<kind>-<hex digest>``.
    """
    h = hashlib.blake2b(digest_size=20)
    h.update(ANALYZER_VERSION.encode())
    for p in parts:
        b = p.encode("utf-8") if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return f"{kind}-{h.hexdigest()}"


def load(key: str) -> object | None:
    """The cached value for ``key``, or None when absent, corrupt or stale.

    The file holds a magic line, the key, a digest of the payload and the pickled payload;
    anything that does not check out (truncated write, another version, bit rot) is
    treated as a miss so the caller rebuilds it — never shown to the user.
    """
    path = _dir() / f"{key}.pkl"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = _MAGIC + key.encode() + b"\n"
    if not data.startswith(head) or len(data) < len(head) + _DIGEST:
        return None
    digest = data[len(head) : len(head) + _DIGEST]
    payload = data[len(head) + _DIGEST :]
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return None
    try:
        # Our own file in the user's private cache dir, checked against its digest above.
        value: object = pickle.loads(payload)
        return value
    except (
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        ValueError,
        TypeError,
        IndexError,
        KeyError,
    ):  # a class moved or renamed, a stale layout
        return None


def store(key: str, value: object) -> None:
    """Cache ``value`` under ``key``; a failure to write (read-only disk) is not an error."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    head = _MAGIC + key.encode() + b"\n"
    data = head + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload
    try:
        folder = _dir()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(folder / f"{key}.pkl", data)
    except OSError:
        pass  # the cache is an optimisation; the result is still returned


def cached(key: str, compute: Callable[[], T], *, check: Callable[[object], bool]) -> T:
    """Return the cached value for ``key`` if it passes ``check``, else compute and store it.

    Args:
        key: From :func:`cache_key`.
        compute: Builds the value on a miss.
        check: Whether a loaded value has the expected type/shape (a stale layout fails).
    """
    hit = load(key)
    if hit is not None and check(hit):
        return hit  # type: ignore[return-value]
    value = compute()
    store(key, value)
    return value
