"""The user's own library of reports: add, remove, list and load, safely and atomically.

Layout, under ``paths.data_dir() / "reports"``::

    <id>.json            the entry: metadata, text file name, checksum (the commit record)
    <id>.<sha10>.txt     the canonical cleaned text, named by its content
    .lock                taken (fcntl.flock) by every write

An entry exists exactly when its ``<id>.json`` does. A new text file gets a new name, and
the JSON that points to it is written last, in one atomic rename; so an ``add`` killed at
any moment leaves either the old entry or the new one, never a mix. Text files no entry
points to (left by an interrupted add) are swept on the next write.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reportdiff.core import paths
from reportdiff.core.atomic import atomic_write_text, locked
from reportdiff.core.errors import ReportError
from reportdiff.core.model import Report, ReportMeta
from reportdiff.core.printable import clean_field

#: Version of the entry format in ``<id>.json``.
ENTRY_FORMAT = 1
#: What a report id may look like: lowercase ASCII letters, digits and inner hyphens.
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
#: Ids that would be read as a sub-command on the command line.
RESERVED_IDS = frozenset(
    {"open", "list", "show", "add", "remove", "export", "build-samples", "help"}
)
_KINDS = ("work-report", "summary", "plan-report")
_LEVELS = ("national", "province", "prefecture", "county", "unknown")
#: How the library names a text file: ``<id>.<first 10 hex digits of its sha256>.txt``.
_TEXT_NAME = re.compile(r"^([a-z0-9-]+)\.[0-9a-f]{10}\.txt$")


@dataclass(frozen=True)
class DamagedEntry:
    """A library entry that cannot be used, and why (for ``list`` and error messages)."""

    id: str
    """The id from the entry's file name."""
    path: Path
    """The file that is wrong."""
    problem: str
    """One line saying what is wrong with it."""

    def message(self) -> str:
        """The one-line message a user sees."""
        return (
            f"library entry {self.id!r} is damaged: {self.path} {self.problem}; "
            f"remove it with `reportdiff remove {self.id} --yes` and add the report again"
        )


def library_dir() -> Path:
    """The directory holding the user's reports (it may not exist yet)."""
    return paths.library_dir()


# ---------------------------------------------------------------- reading


def user_metas() -> list[ReportMeta]:
    """Metadata of every usable report in the user's library, sorted by id.

    Damaged entries are left out (see :func:`damaged_entries`), so one bad file never
    stops the others from being listed.
    """
    return [entry[0] for entry in _scan()[0]]


def damaged_entries() -> list[DamagedEntry]:
    """Entries of the user's library that cannot be read, sorted by id."""
    return _scan()[1]


def user_ids() -> set[str]:
    """Ids of every entry in the library, usable or damaged."""
    good, bad = _scan()
    return {meta.id for meta, _ in good} | {d.id for d in bad}


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
    if not ID_PATTERN.match(id) or not json_path.is_file():
        raise ReportError(f"no report {id!r} in your library (`reportdiff list` shows all ids)")
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
    for json_path in sorted(folder.glob("*.json")):
        result = _read_entry(json_path)
        if isinstance(result, DamagedEntry):
            bad.append(result)
        else:
            good.append(result)
    return good, bad


def _read_entry(json_path: Path) -> tuple[ReportMeta, dict[str, Any]] | DamagedEntry:
    """Read and check one ``<id>.json``; a problem becomes a :class:`DamagedEntry`."""
    id = json_path.stem

    def damaged(problem: str) -> DamagedEntry:
        return DamagedEntry(id, json_path, problem)

    try:
        record = json.loads(json_path.read_text(encoding="utf-8"))
    except OSError as exc:
        return damaged(f"cannot be read ({exc.strerror or exc})")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return damaged(f"is not valid JSON ({_first_line(exc)})")
    if not isinstance(record, dict) or record.get("format") != ENTRY_FORMAT:
        return damaged(f"is not a reportdiff library entry (format {ENTRY_FORMAT})")
    try:
        meta = _meta_from_json(record["meta"])
        text_file = record["text_file"]
        if not isinstance(text_file, str) or "/" in text_file or "\\" in text_file:
            raise ValueError("bad text_file")
        if not isinstance(record["sha256"], str) or not isinstance(record["chars"], int):
            raise TypeError("bad checksum or size")
    except (KeyError, TypeError, ValueError) as exc:
        return damaged(f"has missing or wrong fields ({_first_line(exc)})")
    if meta.id != id:
        return damaged(f"holds id {meta.id!r}, not {id!r}")
    return meta, record


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _meta_to_json(meta: ReportMeta) -> dict[str, Any]:
    return asdict(meta)


def _meta_from_json(data: Any) -> ReportMeta:
    if not isinstance(data, dict):
        raise TypeError("meta is not an object")
    for field in ("id", "region", "title", "source"):
        if not isinstance(data[field], str):
            raise TypeError(f"{field} is not a string")
    if data.get("date") is not None and not isinstance(data["date"], str):
        raise TypeError("date is not a string")
    # A hand-edited entry is outside data: fields are cleaned like report text, so an
    # escape sequence in a title is never printed by `list`, `show`, the TUI or an export.
    date = data.get("date")
    meta = ReportMeta(
        id=data["id"],
        region=clean_field(data["region"]),
        year=data["year"],
        date=None if date is None else clean_field(date),
        title=clean_field(data["title"]),
        kind=data["kind"],
        source=clean_field(data["source"]),
        # Entries stored before level and delivered existed load with both unknown.
        level=data.get("level", "unknown"),
        delivered=data.get("delivered"),
    )
    if not isinstance(meta.year, int) or isinstance(meta.year, bool):
        raise TypeError("year is not a number")
    if meta.kind not in _KINDS:
        raise ValueError(f"unknown kind {meta.kind!r}")
    if meta.level not in _LEVELS:
        raise ValueError(f"unknown level {meta.level!r}")
    if meta.delivered is not None and (
        not isinstance(meta.delivered, int) or isinstance(meta.delivered, bool)
    ):
        raise TypeError("delivered is not a number")
    return meta


# ---------------------------------------------------------------- ids


def _bundled_ids() -> set[str]:
    from reportdiff.core.storage.samples import bundled_metas

    return {m.id for m in bundled_metas()}


def check_id(id: str) -> str:
    """Return ``id`` if it is a valid report id, else raise a ReportError saying why."""
    if not ID_PATTERN.match(id):
        raise ReportError(
            f"invalid id {id!r}: use lowercase letters, digits and '-' (e.g. minhang-2023)"
        )
    if id in RESERVED_IDS:
        raise ReportError(f"invalid id {id!r}: it is a reportdiff command; choose another")
    return id


def default_id(meta: ReportMeta, *, source: str) -> str:
    """The id a report gets when none is given: ``<region pinyin>-<year>[-plan]``.

    Any Chinese region romanises (杨浦区 → yangpu, 全国 → national). When the text names
    no region, the file's name stands in for it (``徐汇区报告.txt`` → ``xu-hui-qu-bao-gao``),
    and the year is left out when unknown: adding many files never fails because one
    report's id could not be made.
    """
    from reportdiff.core.text.regions import region_pinyin

    pinyin = region_pinyin(meta.region) if meta.region else None
    suffix = "-plan" if meta.kind == "plan-report" else ""
    stem = pinyin or _stem_id(source)
    year = f"-{meta.year}" if meta.year and not (stem.endswith(str(meta.year))) else ""
    tail = f"{year}{suffix}"
    candidate = f"{stem[: 63 - len(tail)].rstrip('-')}{tail}"
    if not ID_PATTERN.match(candidate) or candidate in RESERVED_IDS:
        candidate = f"report-{candidate}".strip("-")[:63].rstrip("-")
    return check_id(candidate)


def _stem_id(source: str) -> str:
    """An id stem from a file name: ASCII kept, Chinese romanised, the rest to '-'."""
    from pypinyin import lazy_pinyin

    name = Path(source).stem
    spelled = "-".join(lazy_pinyin(name, errors=lambda s: s.lower()))
    return re.sub(r"[^a-z0-9]+", "-", spelled.lower()).strip("-") or "report"


# ---------------------------------------------------------------- writing


def add_report(
    path: str | Path,
    *,
    id: str | None = None,
    region: str | None = None,
    year: int | None = None,
    encoding: str | None = None,
    replace: bool = False,
    split: bool = False,
    dry_run: bool = False,
) -> list[ReportMeta]:
    """Copy a report file (or every report in a compilation) into the user's library.

    The file is read (:func:`reportdiff.core.sources.ingest.read_document`), cleaned and parsed
    like the bundled samples; its metadata is inferred from the text and can be
    overridden. The canonical cleaned text and the metadata are stored atomically under
    the library lock: all reports of the file are added, or none.

    Args:
        path: A text, HTML, PDF or DOCX file.
        id: The id to store it under (default ``<region pinyin>-<year>``). Not with
            ``split`` when the file holds several reports.
        region: Region in Chinese, overriding the inferred one (e.g. 闵行区).
        year: The year the report reviews, overriding the inferred one.
        encoding: Force the text encoding of a text or HTML file.
        replace: Overwrite a library report with the same id, or shadow a bundled one.
        split: Treat the file as a compilation and add every report found in it.
        dry_run: Work out what would be added, but write nothing.

    Returns:
        The metadata of each report added (or that would be added), in file order.

    Raises:
        ReportError: The file cannot be read, an id is invalid or taken (without
            ``replace``), or the region cannot be romanised (without ``id``).
    """
    return add_reports(
        [path],
        id=id,
        region=region,
        year=year,
        encoding=encoding,
        replace=replace,
        split=split,
        dry_run=dry_run,
    )


def add_reports(
    paths: Sequence[str | Path],
    *,
    id: str | None = None,
    region: str | None = None,
    year: int | None = None,
    encoding: str | None = None,
    replace: bool = False,
    split: bool = False,
    dry_run: bool = False,
) -> list[ReportMeta]:
    """Add several files at once, all or nothing (options as in :func:`add_report`).

    Every file is read and parsed before anything is written, so a bad third file
    leaves the first two out of the library too.

    Raises:
        ReportError: As :func:`add_report`; also when two files would get the same id.
    """
    if id is not None:
        check_id(id)
    reports: list[Report] = []
    for path in paths:
        reports.extend(
            _prepare(path, id=id, region=region, year=year, encoding=encoding, split=split)
        )
    if id is not None and len(reports) > 1:
        raise ReportError(
            f"--id names one report, but {len(reports)} were given; add them one at a time"
        )
    ids = [r.meta.id for r in reports]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        sources = sorted({r.meta.source for r in reports if r.meta.id == dupes[0]})
        raise ReportError(
            f"{' and '.join(sources)} would all get the id {dupes[0]!r}; "
            "add them one at a time with --id"
        )
    if dry_run:
        # No collision check: a dry run shows what the files hold; the caller marks taken
        # ids with :func:`id_origin`.
        return [r.meta for r in reports]
    folder = library_dir()
    with _library_errors(folder), locked(folder):
        # Checked under the lock: another process may have added the id a moment ago.
        _check_free(ids, replace=replace)
        previous = {i: _read_or_none(folder / f"{i}.json") for i in ids}
        written: list[str] = []
        created: list[Path] = []
        try:
            for report in reports:
                _store(folder, report, created=created)
                written.append(report.meta.id)
        except BaseException:
            # All or nothing, even for a compilation or on Ctrl-C: put back what was there.
            _rollback(folder, previous, written, created)
            raise
        _sweep(folder)
    return [r.meta for r in reports]


def _prepare(
    path: str | Path,
    *,
    id: str | None,
    region: str | None,
    year: int | None,
    encoding: str | None,
    split: bool,
) -> list[Report]:
    """Read, split (if asked), clean, parse and name the reports of one file."""
    from reportdiff.core.sources.ingest import read_document
    from reportdiff.core.text.split import split_compilation

    source = str(path)
    raw = read_document(path, encoding=encoding)
    parts = [part for part in split_compilation(raw) if part.strip()]
    if split:
        if not parts:
            raise ReportError(f"found no report in {source}")
    elif len(parts) > 1:
        # Stored whole, a compilation reads as one report with every part repeated.
        raise ReportError(
            f"{source} holds {len(parts)} reports (a compilation); add it with --split "
            "(--split --dry-run lists them first)"
        )
    else:
        parts = [raw]
    if id is not None and len(parts) > 1:
        raise ReportError(
            f"--id names one report, but {source} holds {len(parts)}; "
            "add them without --id, or one at a time"
        )
    return [_load(part, source=source, id=id, region=region, year=year) for part in parts]


@contextlib.contextmanager
def _library_errors(folder: Path) -> Iterator[None]:
    """Turn a file-system failure (read-only disk, full disk, a file where the library
    directory should be) into one line naming the library directory."""
    try:
        yield
    except OSError as exc:
        raise ReportError(
            f"cannot write to your library at {folder}: {exc.strerror or exc}"
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


def _load(raw: str, *, source: str, id: str | None, region: str | None, year: int | None) -> Report:
    """Clean, infer metadata and parse one report; settle its id."""
    from dataclasses import replace as dc_replace

    from reportdiff.core.text.load import load_text

    overrides: dict[str, Any] = {}
    if region is not None:
        # Stored cleaned: `--region $'闵行区\n'` must not break `list`'s lines or reach a
        # terminal as an escape sequence.
        overrides["region"] = clean_field(region) or None
    if year is not None:
        overrides["year"] = year
    if id is not None:
        overrides["id"] = id
    report = load_text(raw, source=source, **overrides)
    final_id = id if id is not None else default_id(report.meta, source=source)
    # Messages name the file as the user typed it; the stored source is absolute, so it
    # still says where the report came from when read from another directory.
    absolute = clean_field(str(Path(source).absolute()))
    return dc_replace(report, meta=dc_replace(report.meta, id=final_id, source=absolute))


def _check_free(ids: list[str], *, replace: bool) -> None:
    if replace:
        return
    user = user_ids()
    bundled = _bundled_ids()
    for new_id in ids:
        if new_id in user:
            raise ReportError(
                f"your library already has a report {new_id!r}; use --replace to overwrite "
                "it, or --id to give this one another id"
            )
        if new_id in bundled:
            raise ReportError(
                f"{new_id!r} is a bundled report; use --replace to shadow it with yours, "
                "or --id to give this one another id"
            )


def _store(folder: Path, report: Report, *, created: list[Path]) -> None:
    """Write one entry: the text under a new content-named file, then the JSON record.

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
    atomic_write_text(
        folder / f"{report.meta.id}.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    )


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
        return f"{id} (damaged entry)"
    meta = result[0]
    return f"{id} ({meta.region} {meta.year}, {meta.title})"


def _check_removable(id: str) -> None:
    if ID_PATTERN.match(id) and (library_dir() / f"{id}.json").is_file():
        return
    if ID_PATTERN.match(id) and id in _bundled_ids():
        raise ReportError(
            f"{id!r} is a bundled report, not one you added; bundled reports cannot be removed"
        )
    raise ReportError(f"no report {id!r} in your library (`reportdiff list` shows all ids)")


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
    with _library_errors(folder), locked(folder):
        result = _read_entry(json_path)
        meta = None if isinstance(result, DamagedEntry) else result[0]
        # The JSON goes first: once it is gone the entry is gone, whatever happens next.
        with contextlib.suppress(FileNotFoundError):
            json_path.unlink()
        for text_path in folder.glob(f"{id}.*.txt"):
            m = _TEXT_NAME.match(text_path.name)
            if m is not None and m.group(1) == id:
                with contextlib.suppress(OSError):
                    text_path.unlink()
    return meta
