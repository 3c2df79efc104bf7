"""The user's own library of reports: add, remove, list and load, safely and atomically.

Layout, under ``paths.data_dir() / "reports"``::

    <id>.json            the entry: metadata, text file name, checksum (the commit record)
    <id>.<sha10>.txt     the canonical cleaned text, named by its content
    .lock                taken (fcntl.flock) by every write

An entry exists exactly when its ``<id>.json`` does. A new text file gets a new name, and
the JSON that points to it is written last, in one atomic rename; so an ``add`` killed at
any moment leaves either the old entry or the new one, never a mix. Text files no entry
points to (left by an interrupted add) are swept on the next write.

One entry's format and checks are :mod:`reportdiff.core.storage.entries`'s; adding files is
:mod:`reportdiff.core.storage.adding`'s.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reportdiff.core import paths
from reportdiff.core.atomic import atomic_write_text, locked
from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import Report, ReportMeta
from reportdiff.core.storage.entries import (
    _JOURNAL_PREFIX,
    _JOURNAL_SUFFIX,
    _TEXT_NAME,
    ENTRY_FORMAT,
    ID_PATTERN,
    RECOVERED_DIR,
    DamagedEntry,
    _bundled_ids,
    _meta_to_json,
    _read_entry,
)


def library_dir() -> Path:
    """The directory holding the user's reports (it may not exist yet)."""
    return paths.library_dir()


# ---------------------------------------------------------------- reading


def user_metas() -> list[ReportMeta]:
    """Metadata of every usable report in the user's library, sorted by id.

    Read from the library's index (:mod:`reportdiff.core.storage.index`), which is brought
    up to date from the entry files first. Damaged entries are left out (see
    :func:`damaged_entries`), so one bad file never stops the others from being listed.
    """
    from reportdiff.core.storage.index import user_reports

    return [r.meta for r in user_reports()]


def damaged_entries() -> list[DamagedEntry]:
    """Entries of the user's library that cannot be used, sorted by id."""
    from reportdiff.core.storage.index import damaged

    out: list[DamagedEntry] = []
    for id, path, problem in damaged():
        # The index keeps the reason in the language it was indexed in: read the entry again
        # (damaged ones are few) so the reason comes in today's; a text-file problem (the
        # entry itself reads well) is looked up in the catalog as stored.
        again = _read_entry(path.parent / f"{id}.json") if path.suffix == ".json" else None
        if isinstance(again, DamagedEntry):
            out.append(again)
        else:
            out.append(DamagedEntry(id, path, _(problem)))
    return out


def user_ids() -> set[str]:
    """Ids of every entry in the library, usable or damaged (an entry is its ``<id>.json``)."""
    folder = library_dir()
    if not folder.is_dir():
        return set()
    _settle(folder)
    return {p.stem for p in folder.glob("*.json")}


def user_text_size(id: str) -> int:
    """Length in characters of a library report's cleaned text.

    Raises:
        ReportError: No such report, or its entry is damaged.
    """
    chars: int = _entry(id)[1]["chars"]
    return chars


def id_origin(id: str) -> str | None:
    """Where an id is already taken: ``"user"``, ``"bundled"``, or None if it is free."""
    if id in user_ids():
        return "user"
    if id in _bundled_ids():
        return "bundled"
    return None


def shadows_bundled(id: str) -> bool:
    """Whether ``id`` is both a library report and a bundled one (the library one wins)."""
    return id in user_ids() and id in _bundled_ids()


def load_user_report(id: str) -> Report:
    """Load and parse a report from the user's library.

    Raises:
        ReportError: No such report, or its entry is damaged (the message names the file).
    """
    from reportdiff.core.text.parse import parse_report

    meta, record = _entry(id)
    text_path = library_dir() / record["text_file"]
    try:
        data = text_path.read_bytes()
    except OSError as exc:
        raise ReportError(
            DamagedEntry(id, text_path, f"cannot be read ({exc.strerror or exc})").message()
        ) from None
    if hashlib.sha256(data).hexdigest() != record["sha256"]:
        raise ReportError(DamagedEntry(id, text_path, "does not match its checksum").message())
    return parse_report(data.decode("utf-8"), meta)


def _entry(id: str) -> tuple[ReportMeta, dict[str, Any]]:
    json_path = library_dir() / f"{id}.json"
    if ID_PATTERN.match(id):
        _settle(json_path.parent)
    if not ID_PATTERN.match(id) or not json_path.is_file():
        raise ReportError(
            _("no report {id} in your library (`reportdiff list` shows all ids)").format(
                id=repr(id)
            )
        )
    result = _read_entry(json_path)
    if isinstance(result, DamagedEntry):
        raise ReportError(result.message())
    return result


def _scan() -> tuple[list[tuple[ReportMeta, dict[str, Any]]], list[DamagedEntry]]:
    folder = library_dir()
    good: list[tuple[ReportMeta, dict[str, Any]]] = []
    bad: list[DamagedEntry] = []
    if not folder.is_dir():
        return good, bad
    _settle(folder)
    for json_path in sorted(folder.glob("*.json")):
        result = _read_entry(json_path)
        if isinstance(result, DamagedEntry):
            bad.append(result)
        else:
            good.append(result)
    return good, bad


# ---------------------------------------------------------------- writing


def _store_file(folder: Path, reports: list[Report]) -> None:
    """Store the reports of one file as one transaction; on an exception, put back what was."""
    ids = [r.meta.id for r in reports]
    previous = {i: _read_or_none(folder / f"{i}.json") for i in ids}
    created: list[Path] = []
    written: list[str] = []
    records: dict[str, str] = {}
    try:
        for report in reports:
            records[report.meta.id] = _store_text(folder, report, created=created)
        _commit(folder, records, written=written)
    except BaseException:
        # The file whole or not at all, on Ctrl-C or a full disk too: put back what was there.
        _rollback(folder, previous, written, created)
        raise


@contextlib.contextmanager
def _library_errors(folder: Path) -> Iterator[None]:
    """Turn a file-system failure (read-only disk, full disk, a file where the library
    directory should be) into one line naming the library directory."""
    try:
        yield
    except OSError as exc:
        raise ReportError(
            _("cannot write to your library at {folder}: {strerror}").format(
                folder=folder, strerror=exc.strerror or exc
            )
        ) from None


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _rollback(
    folder: Path, previous: dict[str, bytes | None], written: list[str], created: list[Path]
) -> None:
    """Undo a failed add: restore or delete the entries written, delete new text files."""
    from reportdiff.core.atomic import atomic_write_bytes

    for entry_id in written:
        json_path = folder / f"{entry_id}.json"
        old = previous.get(entry_id)
        with contextlib.suppress(OSError):
            if old is None:
                json_path.unlink()
            else:
                atomic_write_bytes(json_path, old)
    for path in created:
        with contextlib.suppress(OSError):
            path.unlink()


def _store_text(folder: Path, report: Report, *, created: list[Path]) -> str:
    """Write one report's text under a new content-named file; return its entry's JSON.

    A text file this call creates is appended to ``created`` before it is written, so a
    rollback can remove it whatever happens.
    """
    data = report.text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    text_name = f"{report.meta.id}.{digest[:10]}.txt"
    text_path = folder / text_name
    if not text_path.is_file():
        from reportdiff.core.atomic import atomic_write_bytes

        created.append(text_path)
        atomic_write_bytes(text_path, data)
    record = {
        "format": ENTRY_FORMAT,
        "meta": _meta_to_json(report.meta),
        "text_file": text_name,
        "sha256": digest,
        "chars": len(report.text),
        "added": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def _commit(folder: Path, records: dict[str, str], *, written: list[str]) -> None:
    """Write the entries of one file (id → JSON text) so they appear all together.

    One entry is one atomic rename. Several (a compilation) are first written to a journal,
    ``.pending-<random>.journal``, in one atomic rename: that is the commit point. The
    entries are then written one by one and the journal deleted. A process killed in
    between leaves the journal, and the next process to touch the library finishes it
    (:func:`_finish_pending`), so readers see all of the file's reports or none.
    """
    if len(records) == 1:
        ((entry_id, text),) = records.items()
        atomic_write_text(folder / f"{entry_id}.json", text)
        written.append(entry_id)
        return
    import secrets

    journal = folder / f"{_JOURNAL_PREFIX}{secrets.token_hex(6)}{_JOURNAL_SUFFIX}"
    atomic_write_text(journal, json.dumps(records, ensure_ascii=False))
    try:
        for entry_id, text in records.items():
            written.append(entry_id)  # before: a rename may land and still raise after
            atomic_write_text(folder / f"{entry_id}.json", text)
    finally:
        # Gone on success, and before a rollback: an abandoned journal is rolled forward.
        with contextlib.suppress(OSError):
            journal.unlink()


def _pending_journals(folder: Path) -> list[Path]:
    try:
        return sorted(folder.glob(f"{_JOURNAL_PREFIX}*{_JOURNAL_SUFFIX}"))
    except OSError:
        return []


def _finish_pending(folder: Path) -> None:
    """Roll forward the journals of writers that were killed (called with the lock held)."""
    for journal in _pending_journals(folder):
        try:
            records = json.loads(journal.read_text(encoding="utf-8"))
            if not isinstance(records, dict):
                raise TypeError("not an object")
            for entry_id, text in records.items():
                if not (isinstance(text, str) and ID_PATTERN.match(entry_id)):
                    raise ValueError("bad record")
            for entry_id, text in records.items():
                atomic_write_text(folder / f"{entry_id}.json", text)
        except (OSError, TypeError, ValueError, RecursionError):
            pass  # a journal is written atomically: an unreadable one was never committed
        with contextlib.suppress(OSError):
            journal.unlink()


_lock_depth = 0
"""How many :func:`_write_lock` blocks this process is inside (the lock is not reentrant)."""


@contextlib.contextmanager
def _write_lock(folder: Path) -> Iterator[None]:
    """The library lock, with any commit a killed writer left half done finished first."""
    global _lock_depth
    if _lock_depth:
        yield
        return
    with locked(folder):
        _lock_depth += 1
        try:
            _finish_pending(folder)
            yield
        finally:
            _lock_depth -= 1


def _settle(folder: Path) -> None:
    """Before reading: finish a killed writer's commit, if one was left (rare, cheap check)."""
    if _lock_depth or not _pending_journals(folder):
        return
    with contextlib.suppress(OSError), _write_lock(folder):
        pass


def _sweep(folder: Path) -> None:
    """Delete text files no entry points to (replaced texts, leftovers of interrupted adds).

    Called with the lock held. A damaged entry's text files are kept (its id prefix is
    protected), so a user can still recover the text by hand.
    """
    good, bad = _scan()
    wanted = {record["text_file"] for _, record in good}
    protected = {d.id for d in bad}
    for text_path in folder.glob("*.txt"):
        m = _TEXT_NAME.match(text_path.name)
        if m is None:
            continue  # not ours: a file the user put here is never deleted
        if text_path.name not in wanted and m.group(1) not in protected:
            with contextlib.suppress(OSError):
                text_path.unlink()
    for tmp in folder.glob(".*.tmp"):
        # Temp files of atomic writes that a killed process could not clean up.
        with contextlib.suppress(OSError):
            tmp.unlink()


def describe_entry(id: str) -> str:
    """A one-line description of a library entry, for a confirmation question.

    Raises:
        ReportError: No such report in the library (a bundled id says it cannot be removed).
    """
    _check_removable(id)
    result = _read_entry(library_dir() / f"{id}.json")
    if isinstance(result, DamagedEntry):
        return _("{id} (damaged entry)").format(id=id)
    meta = result[0]
    return f"{id} ({meta.region} {meta.year}, {meta.title})"


def _check_removable(id: str) -> None:
    if ID_PATTERN.match(id) and (library_dir() / f"{id}.json").is_file():
        return
    if ID_PATTERN.match(id) and id in _bundled_ids():
        raise ReportError(
            _(
                "{id} is a bundled report, not one you added; bundled reports cannot be removed"
            ).format(id=repr(id))
        )
    raise ReportError(
        _("no report {id} in your library (`reportdiff list` shows all ids)").format(id=repr(id))
    )


def remove_report(id: str) -> ReportMeta | None:
    """Delete a report from the user's library (damaged entries too).

    Returns:
        The removed report's metadata, or None if its entry was damaged.

    Raises:
        ReportError: No such report in the library (a bundled id says it cannot be removed).
    """
    _check_removable(id)
    folder = library_dir()
    json_path = folder / f"{id}.json"
    with _library_errors(folder), _write_lock(folder):
        result = _read_entry(json_path)
        meta = None if isinstance(result, DamagedEntry) else result[0]
        # The JSON goes first: once it is gone the entry is gone, whatever happens next.
        with contextlib.suppress(FileNotFoundError):
            json_path.unlink()
        for text_path in folder.glob(f"{id}.*.txt"):
            m = _TEXT_NAME.match(text_path.name)
            if m is None or m.group(1) != id:
                continue
            if meta is None:
                # A damaged entry's text may be the only copy: kept aside, never deleted.
                aside = folder / RECOVERED_DIR
                aside.mkdir(exist_ok=True)
                text_path.replace(aside / text_path.name)
            else:
                with contextlib.suppress(OSError):
                    text_path.unlink()
    return meta


#: Names that live in :mod:`reportdiff.core.storage.adding` and are still imported from here.
_ADDING = frozenset(
    {"add_report", "add_reports", "add_files", "AddFailure", "AddOutcome", "default_id"}
)
#: Names that live in :mod:`reportdiff.core.storage.entries` and are still imported from here.
_ENTRIES = frozenset({"RESERVED_IDS", "check_id"})


def __getattr__(name: str) -> Any:
    # Adding moved to its own module (library.py was past 800 lines), then the entry format
    # to entries.py (past 500); the old names stay.
    if name in _ADDING:
        from reportdiff.core.storage import adding

        return getattr(adding, name)
    if name in _ENTRIES:
        from reportdiff.core.storage import entries

        return getattr(entries, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
