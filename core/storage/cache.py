"""On-disk cache of analysis results, keyed by content and analyzer version, written atomically."""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from reportdiff.core.paths import cache_dir

try:
    # hashlib's own BLAKE2 (hashlib.blake2b is this very type), without hashlib itself:
    # importing it loads OpenSSL (~4 ms), and a cached report is read before the
    # reader's first frame.
    from _blake2 import blake2b
except ImportError:  # a Python built without it: hashlib has one from OpenSSL
    from hashlib import blake2b

__all__ = [
    "ANALYZER_VERSION",
    "DEFAULT_LIMIT_MB",
    "LIMIT_ENV",
    "cache_key",
    "cached",
    "evict",
    "limit_bytes",
    "load",
    "source_fingerprint",
    "store",
    "store_behind",
    "wait_writers",
]

T = TypeVar("T")

ANALYZER_VERSION = "engine-2"
"""Bump when tokens, alignment, phrases, numbers or changes change meaning: old entries
become stale (engine-2: paragraph rows carry their in-paragraph changes)."""

_MAGIC = b"reportdiff-cache\n"
_DIGEST = 32  # blake2b-256 of the payload, checked before unpickling


DEFAULT_LIMIT_MB = 512
"""Default size limit of the analysis cache in MiB (thousands of per-report entries)."""
LIMIT_ENV = "REPORTDIFF_CACHE_MB"
"""Environment variable overriding :data:`DEFAULT_LIMIT_MB` (a number of MiB; 0 keeps nothing)."""
_SUFFIX = ".pkl"


def _dir() -> Path:
    return cache_dir() / "analysis"


def limit_bytes() -> int:
    """The cache's size limit in bytes: ``$REPORTDIFF_CACHE_MB`` MiB, else the default.

    A value that is not a number (or negative) falls back to the default: a typo in an
    environment variable must not make every run fail or wipe the cache.
    """
    raw = os.environ.get(LIMIT_ENV, "").strip()
    try:
        mb = float(raw) if raw else float(DEFAULT_LIMIT_MB)
    except ValueError:
        mb = float(DEFAULT_LIMIT_MB)
    if not mb >= 0:  # negative or NaN
        mb = float(DEFAULT_LIMIT_MB)
    return int(mb * 1024 * 1024)


def evict(limit: int | None = None) -> int:
    """Delete the least recently used entries until the cache fits ``limit`` bytes.

    Recency is the file's modification time, which :func:`load` refreshes on every hit
    (touch on read). Safe with other processes: a reader that opened an entry keeps
    reading it after the unlink (POSIX), and one that finds it gone sees a miss and
    recomputes; an entry another process deletes first is skipped.

    Returns:
        The number of entries deleted.
    """
    limit = limit_bytes() if limit is None else limit
    entries: list[tuple[float, int, str]] = []
    total = 0
    try:
        with os.scandir(_dir()) as it:
            for e in it:
                if e.name.endswith(".tmp"):
                    _drop_stale_temp(e)
                    continue
                if not e.name.endswith(_SUFFIX):
                    continue
                try:
                    st = e.stat()
                except OSError:
                    continue
                entries.append((st.st_mtime, st.st_size, e.path))
                total += st.st_size
    except OSError:
        return 0
    if total <= limit:
        return 0
    entries.sort()
    gone = 0
    for _, size, path in entries:
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            gone += 1
        total -= size
    return gone


_STALE_TEMP = 3600.0
"""A temp file this old (seconds) was left by a killed writer: no write takes that long."""


def _drop_stale_temp(entry: os.DirEntry[str]) -> None:
    with contextlib.suppress(OSError):
        if time.time() - entry.stat().st_mtime > _STALE_TEMP:
            os.unlink(entry.path)


def cache_key(kind: str, parts: Iterable[str | bytes]) -> str:
    """A file-name-safe digest of what a result depends on.

    Args:
        kind: What is cached (``tokens``, ``comparison``); part of the file name.
        parts: Everything the result depends on (texts, ids, versions).

    Returns:
        ``<kind>-<hex digest>``.
    """
    h = blake2b(digest_size=20)
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
    path = _dir() / f"{key}{_SUFFIX}"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = _MAGIC + key.encode() + b"\n"
    if not data.startswith(head) or len(data) < len(head) + _DIGEST:
        return None
    digest = data[len(head) : len(head) + _DIGEST]
    payload = data[len(head) + _DIGEST :]
    if blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return None
    try:
        # Our own file in the user's private cache dir, checked against its digest above.
        value: object = pickle.loads(payload)
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
    # Touch on read: the modification time is the entry's last use, for LRU eviction.
    with contextlib.suppress(OSError):
        os.utime(path)
    return value


def store(key: str, value: object) -> None:
    """Cache ``value`` under ``key``; a failure to write (read-only disk) is not an error.

    Written to a temp file and renamed into place, so a reader in another process sees
    the whole old entry, the whole new one or none (no fsync: a torn file after a crash
    fails the digest check and is recomputed). When the cache outgrows its limit
    (:func:`limit_bytes`), the least recently used entries are evicted.
    """
    size = _write(key, value)
    if size:
        _maybe_evict(size)


def _write(key: str, value: object) -> int:
    """Write the entry (:func:`store` without eviction); returns its bytes, 0 if not written."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    head = _MAGIC + key.encode() + b"\n"
    data = head + blake2b(payload, digest_size=_DIGEST).digest() + payload
    try:
        folder = _dir()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, folder / f"{key}{_SUFFIX}")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return 0  # the cache is an optimisation; the result is still returned
    return len(data)


_written = 0
"""Bytes this process stored since it last checked the cache's size."""
_checked = 0.0


def _maybe_evict(size: int) -> None:
    """Check the limit on the first store of a process and after every ~1/16 of the limit
    written since, so a run storing thousands of entries does not list the folder each time."""
    global _written, _checked
    _written += size
    limit = limit_bytes()
    if _checked and _written < max(limit // 16, 1):
        return
    _written = 0
    _checked = time.monotonic()
    evict(limit)


def _stage_files(*stages: str) -> list[Path]:
    """The value types and every module of ``core/<stage>/`` for each stage, in order."""
    core = Path(__file__).resolve().parent.parent  # core/, from core/storage/
    files = [core / "comparison.py", core / "model.py"]
    for stage in stages:
        files.extend(sorted((core / stage).glob("*.py")))
    return files


@functools.lru_cache(maxsize=8)
def source_fingerprint(*stages: str) -> str:
    """A digest of the source of ``core/<stage>/*.py`` (plus the value types), so a cached
    result of an edited stage is never reused, even if nobody bumped the version."""
    h = blake2b(digest_size=20)
    for path in _stage_files(*stages):
        h.update(path.name.encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"unreadable")
    return h.hexdigest()


def cached(
    key: str, compute: Callable[[], T], *, check: Callable[[object], bool], behind: bool = False
) -> T:
    """Return the cached value for ``key`` if it passes ``check``, else compute and store it.

    Args:
        key: From :func:`cache_key`.
        compute: Builds the value on a miss.
        check: Whether a loaded value has the expected type/shape (a stale layout fails).
        behind: Store a computed value with :func:`store_behind` (a large value).
    """
    hit = load(key)
    if hit is not None and check(hit):
        return hit  # type: ignore[return-value]
    value = compute()
    (store_behind if behind else store)(key, value)
    return value


_writers: list[int] = []
"""Processes forked by :func:`store_behind` not yet waited for."""
_writing: dict[int, str] = {}
"""The key each of :data:`_writers` writes: its entry's bytes count towards eviction here."""


def store_behind(key: str, value: object) -> None:
    """:func:`store`, done by a process forked for it while this one goes on.

    Pickling a large value costs (0.15–0.25 s for a comparison of ten national reports,
    most of it the shared phrases' spans) while the caller has other work to do with it
    (render it, show it). The writer is a fork of this process, so the value is not sent
    anywhere; it writes the entry as :func:`store` does (atomically: a reader sees the
    whole entry or none) and ends. Writers are waited for when this process exits
    (:func:`wait_writers`); the bytes a writer wrote count towards the cache's limit here
    once it is reaped (a writer's own count would end with it). Where forking is not safe (another thread, a worker, not
    Linux: :func:`reportdiff.core.parallel.can_fork`) or fails, this is :func:`store`.
    """
    from reportdiff.core.parallel import can_fork

    if not can_fork():
        store(key, value)
        return
    _reap(block=False)
    try:
        pid = os.fork()
    except OSError:
        store(key, value)
        return
    if pid == 0:  # the writer: never returns
        code = 0
        try:
            # Off the caller's standard streams: a parent reading them to their end (the
            # TUI reads its analysis process's output) must not wait for this writer too.
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            _write(key, value)  # evicting is left to this process (_reap)
        except BaseException:  # noqa: BLE001 - a writer ends here whatever happens
            code = 1
        finally:
            os._exit(code)
    if not _writers:
        import atexit

        atexit.unregister(wait_writers)
        atexit.register(wait_writers)
    _writers.append(pid)
    _writing[pid] = key


def wait_writers() -> None:
    """Wait until every entry :func:`store_behind` started is written (or its writer failed)."""
    _reap(block=True)


def _reap(*, block: bool) -> None:
    for pid in list(_writers):
        try:
            done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
        except ChildProcessError:  # already waited for (by a handler of SIGCHLD)
            done = pid
        if done:
            _writers.remove(pid)
            _count_written(_writing.pop(pid, ""))


def _count_written(key: str) -> None:
    """Count a reaped writer's entry towards eviction, as :func:`store` counts its own."""
    try:
        size = (_dir() / f"{key}{_SUFFIX}").stat().st_size
    except OSError:
        return  # not written (a read-only cache, a failed writer)
    _maybe_evict(size)


def engine_files() -> list[Path]:
    """The engine's source files whose edits must invalidate cached comparisons.

    Every module of the text and analysis stages plus the value types: listing module names
    by hand went stale when core/ was split into stage folders (every name was "absent", so
    an edited analyzer reused old results).
    """
    return _stage_files("text", "analysis")


def code_fingerprint() -> str:
    """A digest of the engine's source (:func:`engine_files`), so an edited analyzer never
    reuses old results.

    :data:`~reportdiff.core.storage.cache.ANALYZER_VERSION` says the same for releases; this also
    covers a developer who changes a threshold and forgets to bump it.
    """
    return source_fingerprint("text", "analysis")
