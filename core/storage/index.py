"""The library's index: one SQLite file of metadata, cleaned text and a full-text index.

``paths.data_dir() / "index.sqlite3"`` holds a row per report (the user's and the bundled
samples), its cleaned text, and an FTS5 ``trigram`` index of that text, so ``list`` and
``search`` read one file instead of every entry. The library files stay the source of
truth: the index is brought up to date from them whenever it is opened (each entry's
``<id>.json`` is compared by inode, size and modification time, so an entry written by an
older reportdiff or by hand is picked up), and an index that is missing, unreadable, or of
another schema version is rebuilt from them. Losing the index never loses a report.

FTS5's trigram tokenizer only answers queries of three characters or more; a one- or
two-character query (农业, 改革) scans the stored text with ``instr()`` instead (timed in
bench/bench_library.py on 1,000 reports; see README; the queries are
:func:`reportdiff.core.storage.search.find_texts`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportdiff.core import paths
from reportdiff.core.i18n import _
from reportdiff.core.model import ReportMeta
from reportdiff.core.storage.regionfilter import RegionMatch, match_regions

INDEX_NAME = "index.sqlite3"
#: Bumped whenever the tables change: an index of any other version is rebuilt.
SCHEMA_VERSION = 2
#: Shortest query the trigram index can answer; shorter ones scan the text.
FTS_MIN_CHARS = 3

_SCHEMA = """
CREATE TABLE reports (
    rowid INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,          -- 'user' or 'bundled'
    id TEXT NOT NULL,
    region TEXT NOT NULL,
    level TEXT NOT NULL,
    year INTEGER NOT NULL,
    delivered INTEGER,
    date TEXT,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    chars INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (origin, id)
);
CREATE INDEX reports_year ON reports (year);
-- Adding a file looks up whether its text is stored already, under whatever id.
CREATE INDEX reports_sha256 ON reports (sha256);
CREATE VIRTUAL TABLE reports_fts USING fts5 (
    text, content='reports', content_rowid='rowid', tokenize='trigram case_sensitive 1',
    detail=none
);
-- One row per <id>.json in the library: what it looked like when indexed.
CREATE TABLE entries (
    id TEXT PRIMARY KEY,
    signature TEXT NOT NULL,
    text_file TEXT,
    problem TEXT,                  -- NULL, or why the entry is damaged
    problem_path TEXT              -- the file that is wrong
);
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_COLUMNS = "id, region, level, year, delivered, date, title, kind, source, sha256, chars, origin"


@dataclass(frozen=True)
class IndexedReport:
    """One report as the index knows it (no parse: metadata, size, where it comes from)."""

    meta: ReportMeta
    """Its metadata, as stored in the library entry or the samples' index."""
    sha256: str
    """SHA-256 of its cleaned text (UTF-8)."""
    chars: int
    """Length of the cleaned text in characters."""
    origin: str
    """``user`` or ``bundled``."""


def index_path() -> Path:
    """Where the index lives: in the user data directory, beside the library."""
    return paths.data_dir() / INDEX_NAME


# ---------------------------------------------------------------- opening


@contextlib.contextmanager
def open_index() -> Iterator[sqlite3.Connection]:
    """An up-to-date index, rebuilt first if missing, corrupt or of another version.

    Where the data directory cannot be written, or there is no library yet, the index is
    built in memory for this run: slower, never wrong.
    """
    conn = _open_synced()
    try:
        yield conn
    finally:
        conn.close()


def _open_synced() -> sqlite3.Connection:
    path = index_path()
    if not paths.library_dir().is_dir():
        # No library yet: reading (list, search, the picker) creates no files; the
        # bundled samples alone are indexed in memory until the first add.
        return _in_memory()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return _in_memory()
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(str(path))
        if _version(conn) != SCHEMA_VERSION:
            conn.close()
            conn = _rebuild(path)
        sync(conn)
        return conn
    except sqlite3.OperationalError as exc:
        if conn is not None:
            conn.close()
        if "locked" in str(exc) or "unable to open" in str(exc) or "readonly" in str(exc):
            return _in_memory()  # busy past the timeout, or a read-only directory
        return _rebuilt(path)
    except sqlite3.DatabaseError:
        # A truncated file or garbage: the index is only a copy, build it again.
        if conn is not None:
            conn.close()
        return _rebuilt(path)
    except OSError:
        # The old index cannot be removed (permissions): build this run's in memory.
        if conn is not None:
            conn.close()
        return _in_memory()


def _rebuilt(path: Path) -> sqlite3.Connection:
    conn: sqlite3.Connection | None = None
    try:
        conn = _rebuild(path)
        sync(conn)
        return conn
    except (OSError, sqlite3.Error):
        if conn is not None:
            conn.close()
        return _in_memory()


def _connect(target: str) -> sqlite3.Connection:
    conn = sqlite3.connect(target, timeout=30, isolation_level=None)
    if target != ":memory:":
        # Readers (list, search) never wait for a writer, nor block one.
        conn.execute("PRAGMA journal_mode=WAL")
    return conn


def _version(conn: sqlite3.Connection) -> int | None:
    """The schema version, or None for a file that is not (yet) a reportdiff index."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"reports", "reports_fts", "entries", "state"} <= tables:
        return None
    return int(version)


def _create(conn: sqlite3.Connection) -> None:
    conn.executescript(_SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")


def _rebuild(path: Path) -> sqlite3.Connection:
    """Replace the index file by an empty one of this version (filled by :func:`sync`)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
    conn = _connect(str(path))
    _create(conn)
    return conn


def _in_memory() -> sqlite3.Connection:
    conn = _connect(":memory:")
    _create(conn)
    sync(conn)
    return conn


# ---------------------------------------------------------------- keeping it in step


def _signature(entry: os.DirEntry[str]) -> str:
    st = entry.stat()
    # Inode too: every library write is a rename, a new inode, even within one clock tick.
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def sync(conn: sqlite3.Connection) -> None:
    """Bring the index in step with the library files and the bundled samples.

    Cheap when nothing changed (one directory listing, one query); only entries whose
    ``<id>.json`` changed, appeared or went are read.
    """
    from reportdiff.core.storage import library

    folder = paths.library_dir()
    current: dict[str, str] = {}
    names: set[str] = set()
    if folder.is_dir():
        library._settle(folder)
        with os.scandir(folder) as it:
            for entry in it:
                names.add(entry.name)
                if entry.name.endswith(".json") and entry.is_file():
                    with contextlib.suppress(FileNotFoundError):
                        current[entry.name[:-5]] = _signature(entry)
    known = {
        row[0]: (row[1], row[2], row[3])
        for row in conn.execute("SELECT id, signature, text_file, problem FROM entries")
    }
    changed = [
        id
        for id, sig in current.items()
        if id not in known
        or known[id][0] != sig
        or (known[id][2] is None and known[id][1] not in names)
    ]
    gone = [id for id in known if id not in current]
    bundled_sig = _bundled_signature()
    bundled_stale = _state(conn, "bundled") != bundled_sig
    if not (changed or gone or bundled_stale):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for id in gone:
            _delete(conn, "user", id)
            conn.execute("DELETE FROM entries WHERE id = ?", (id,))
        for id in changed:
            _index_entry(conn, folder, id, current[id])
        if bundled_stale:
            _index_bundled(conn)
            conn.execute("INSERT OR REPLACE INTO state VALUES ('bundled', ?)", (bundled_sig,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _state(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _bundled_signature() -> str:
    from reportdiff import __version__
    from reportdiff.core.storage.samples import INDEX, PACKAGE_DIR

    st = (paths.PACKAGE_ROOT / PACKAGE_DIR / INDEX).stat()
    return f"{__version__}:{st.st_size}:{st.st_mtime_ns}"


def _index_entry(conn: sqlite3.Connection, folder: Path, id: str, signature: str) -> None:
    """Read one ``<id>.json`` and its text file into the index (damaged: recorded as such)."""
    from reportdiff.core.storage import entries

    _delete(conn, "user", id)
    result = entries._read_entry(folder / f"{id}.json")
    problem: str | None = None
    problem_path: Path | None = None
    text_file: str | None = None
    if isinstance(result, entries.DamagedEntry):
        problem, problem_path = result.problem, result.path
    else:
        meta, record = result
        text_file = record["text_file"]
        problem_path = folder / record["text_file"]
        try:
            data = problem_path.read_bytes()
            if hashlib.sha256(data).hexdigest() != record["sha256"]:
                problem = _("does not match its checksum")
        except OSError as exc:
            problem = _("cannot be read ({reason})").format(reason=exc.strerror or exc)
        if problem is None:
            _insert(conn, meta, data.decode("utf-8", "replace"), "user", record["sha256"])
    conn.execute(
        "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)",
        (id, signature, text_file, problem, None if problem is None else str(problem_path)),
    )


def _index_bundled(conn: sqlite3.Connection) -> None:
    from reportdiff.core.storage.samples import PACKAGE_DIR, bundled_metas

    for rowid, text in conn.execute(
        "SELECT rowid, text FROM reports WHERE origin = 'bundled'"
    ).fetchall():
        _fts_delete(conn, rowid, text)
    conn.execute("DELETE FROM reports WHERE origin = 'bundled'")
    for meta in bundled_metas():
        text = (paths.PACKAGE_ROOT / PACKAGE_DIR / f"{meta.id}.txt").read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        _insert(conn, meta, text, "bundled", digest)


def _insert(conn: sqlite3.Connection, meta: ReportMeta, text: str, origin: str, sha: str) -> None:
    cur = conn.execute(
        "INSERT INTO reports (origin, id, region, level, year, delivered, date, title, kind, "
        "source, sha256, chars, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            origin,
            meta.id,
            meta.region,
            meta.level,
            meta.year,
            meta.delivered,
            meta.date,
            meta.title,
            meta.kind,
            meta.source,
            sha,
            len(text),
            text,
        ),
    )
    conn.execute("INSERT INTO reports_fts (rowid, text) VALUES (?, ?)", (cur.lastrowid, text))


def _delete(conn: sqlite3.Connection, origin: str, id: str) -> None:
    row = conn.execute(
        "SELECT rowid, text FROM reports WHERE origin = ? AND id = ?", (origin, id)
    ).fetchone()
    if row is not None:
        _fts_delete(conn, row[0], row[1])
        conn.execute("DELETE FROM reports WHERE rowid = ?", (row[0],))


def _fts_delete(conn: sqlite3.Connection, rowid: int, text: str) -> None:
    # An external-content FTS table forgets a row only when told the text it indexed.
    conn.execute(
        "INSERT INTO reports_fts (reports_fts, rowid, text) VALUES ('delete', ?, ?)",
        (rowid, text),
    )


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class Filters:
    """Which reports ``list`` and ``search`` look at (None: any)."""

    region: str | None = None
    """Part of the region's Chinese name (上海, 杨浦区) or its id's pinyin (yangpu); the
    places under a division it names match too (see :func:`match_region`)."""
    level: str | None = None
    """national, province, prefecture, county or unknown."""
    years: tuple[int, int] | None = None
    """Years reviewed, both ends included."""


def _matched_regions(conn: sqlite3.Connection, query: str) -> RegionMatch:
    regions = [str(r) for (r,) in conn.execute("SELECT DISTINCT region FROM reports")]
    return match_regions(query, regions)


def match_region(query: str) -> RegionMatch:
    """The regions of the library that ``--region query`` matches, and through which parent.

    ``Filters(region=...)`` selects these (and reports whose id is the query's pinyin), so
    a command can say what the filter took: 上海 → 上海市, and 杨浦区, 徐汇区… under it.
    """
    with open_index() as conn:
        return _matched_regions(conn, query)


def _where(conn: sqlite3.Connection, filters: Filters) -> tuple[str, list[object]]:
    # A user report shadows the bundled one of the same id, whether or not it matches.
    clauses = ["(origin = 'user' OR id NOT IN (SELECT id FROM reports WHERE origin = 'user'))"]
    params: list[object] = []
    if filters.region:
        regions = _matched_regions(conn, filters.region).regions
        marks = ", ".join("?" * len(regions))
        clauses.append(f"(region IN ({marks}) OR id = ? OR id LIKE ? ESCAPE '\\')")
        like = filters.region.lower().replace("\\", "\\\\").replace("%", "\\%")
        like = like.replace("_", "\\_")
        params += [*regions, filters.region.lower(), f"{like}-%"]
    if filters.level:
        clauses.append("level = ?")
        params.append(filters.level)
    if filters.years:
        clauses.append("year BETWEEN ? AND ?")
        params += list(filters.years)
    return " AND ".join(clauses), params


def _row(row: tuple[object, ...]) -> IndexedReport:
    id, region, level, year, delivered, date, title, kind, source, sha, chars, origin = row
    meta = ReportMeta(
        id=str(id),
        region=str(region),
        year=int(year),  # type: ignore[call-overload]
        date=None if date is None else str(date),
        title=str(title),
        kind=kind,  # type: ignore[arg-type]
        source=str(source),
        level=level,  # type: ignore[arg-type]
        delivered=None if delivered is None else int(delivered),  # type: ignore[call-overload]
    )
    return IndexedReport(meta, str(sha), int(chars), str(origin))  # type: ignore[call-overload]


def list_reports(filters: Filters | None = None) -> list[IndexedReport]:
    """Every usable report (user reports shadowing bundled ones), sorted by id."""
    with open_index() as conn:
        where, params = _where(conn, filters or Filters())
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM reports WHERE {where} ORDER BY id, origin", params
        ).fetchall()
    return [_row(r) for r in rows]


def user_reports() -> list[IndexedReport]:
    """The usable reports of the user's library only, sorted by id."""
    if not paths.library_dir().is_dir():
        # No library: no user report. Building the in-memory index of the bundled samples
        # to find none cost every report opened from a file (40 for a series) a rebuild.
        return []
    with open_index() as conn:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM reports WHERE origin = 'user' ORDER BY id"
        ).fetchall()
    return [_row(r) for r in rows]


def damaged() -> list[tuple[str, Path, str]]:
    """The library entries that cannot be used: (id, the file that is wrong, why), by id."""
    with open_index() as conn:
        rows = conn.execute(
            "SELECT id, problem_path, problem FROM entries WHERE problem IS NOT NULL ORDER BY id"
        ).fetchall()
    return [(str(i), Path(p), str(why)) for i, p, why in rows]


def user_ids_of_text(conn: sqlite3.Connection, sha256: str) -> list[str]:
    """The ids of the user's reports whose cleaned text has this SHA-256, sorted."""
    rows = conn.execute(
        "SELECT id FROM reports WHERE origin = 'user' AND sha256 = ? ORDER BY id", (sha256,)
    )
    return [str(id) for (id,) in rows]
