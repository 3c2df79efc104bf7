"""Adding files to the library: read, name, check and write each file whole or not at all.

The entry format is :mod:`reportdiff.core.storage.entries`'s, the lock and the atomic commit
:mod:`reportdiff.core.storage.library`'s;
this module decides what goes in: reading (through a process pool for many files, see
:mod:`reportdiff.core.storage.bulk`), default ids (:mod:`reportdiff.core.storage.ids`), taken
ids, and re-adding the same text.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from dataclasses import replace as dc_replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _, ngettext
from reportdiff.core.model import Report, ReportMeta
from reportdiff.core.printable import clean_field
from reportdiff.core.storage.entries import (
    DamagedEntry,
    _bundled_ids,
    _read_entry,
    check_id,
)
from reportdiff.core.storage.ids import HEAD_CHARS, default_id
from reportdiff.core.storage.library import (
    _library_errors,
    _store_file,
    _sweep,
    _write_lock,
    library_dir,
    user_ids,
)

if TYPE_CHECKING:
    import sqlite3


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


@dataclass(frozen=True)
class AddFailure:
    """A file ``add`` could not add, and why."""

    source: str
    """The file as the user named it."""
    message: str
    """The one-line reason."""


@dataclass(frozen=True)
class AddOutcome:
    """What a multi-file add did: the reports added (or that would be) and the files that failed."""

    added: list[ReportMeta]
    """Metadata of each report added, in file order."""
    failed: list[AddFailure]
    """Each file that was not added, in file order."""
    unchanged: list[ReportMeta] = dc_field(default_factory=list)
    """Reports already in the library with the same text and metadata (nothing written),
    each with the id it is stored under."""
    elsewhere: dict[tuple[str, str], str] = dc_field(default_factory=dict)
    """Of ``unchanged``, those stored under another id than this add gave them:
    (source, id stored under) → the id this add gave."""


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
    """Add several files (options as in :func:`add_report`); each file whole or not at all.

    Like :func:`add_files`, but raises if any file failed (after adding the others).

    Raises:
        ReportError: The first failure's message (with a count when several failed).
    """
    outcome = add_files(
        paths,
        id=id,
        region=region,
        year=year,
        encoding=encoding,
        replace=replace,
        split=split,
        dry_run=dry_run,
    )
    if outcome.failed:
        first = outcome.failed[0].message
        more = len(outcome.failed) - 1
        rest = ngettext(" (and {n} more file failed)", " (and {n} more files failed)", more)
        raise ReportError(first + (rest.format(n=more) if more else ""))
    return outcome.added


def add_files(
    paths: Sequence[str | Path],
    *,
    id: str | None = None,
    region: str | None = None,
    year: int | None = None,
    encoding: str | None = None,
    replace: bool = False,
    split: bool = False,
    dry_run: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> AddOutcome:
    """Add several files, each one whole or not at all (options as in :func:`add_report`).

    A file that cannot be read, or whose id is taken (without ``replace``) or was already
    given to an earlier file of the same call, is reported in ``failed`` and never stops
    the others. A report whose text and metadata are already in the library is
    ``unchanged`` and not written again: under its id, or (without ``id``) under any id,
    found by its text's checksum in the index. Each file is one transaction: all reports of a
    compilation become visible together, even if the process is killed (``kill -9``,
    power cut) while writing them (see :func:`_commit`). Ctrl-C rolls back the file being
    written and stops.

    The files are read, cleaned and parsed in a pool of processes (every core); the
    library is written by this process alone, under the library lock.

    Args:
        on_progress: Called with (files read, files in all) as each file is read.

    Raises:
        ReportError: ``id`` is invalid, or the library cannot be written at all.
    """
    from reportdiff.core.storage.bulk import prepare_all

    if id is not None:
        check_id(id)
    if id is not None and len(paths) > 1:
        raise ReportError(_("--id names one report; add the files one at a time"))
    options = {"id": id, "region": region, "year": year, "encoding": encoding, "split": split}
    results = prepare_all(paths, options, on_progress=on_progress)
    failed: list[AddFailure] = []
    added: list[ReportMeta] = []
    unchanged: list[ReportMeta] = []
    elsewhere: dict[tuple[str, str], str] = {}
    taken: dict[str, str] = {}

    def checked() -> Iterator[tuple[str, list[Report]]]:
        """The files read, each checked against the ids the earlier ones got."""
        for source, result in results:
            if isinstance(result, ReportError):
                failed.append(AddFailure(source, str(result)))
                continue
            ids = [r.meta.id for r in result]
            clash = next((i for i in ids if i in taken or ids.count(i) > 1), None)
            if clash is not None:
                other = taken.get(clash, source)
                failed.append(
                    AddFailure(
                        source,
                        (
                            f"{_printable_source(source)} would get the id {clash!r} like "
                            f"{_printable_source(other)}; add it on its own with --id"
                        ),
                    )
                )
                continue
            taken.update((i, source) for i in ids)
            yield source, result

    folder = library_dir()
    if dry_run:
        # No collision check: a dry run shows what the files hold; the caller marks taken
        # ids with :func:`id_origin`. What the library already holds is shown unchanged,
        # as the real run would say (read only: no lock, nothing written).
        existing = user_ids()
        with contextlib.ExitStack() as stack:
            stored = _StoredTexts(stack) if id is None else None
            for _source, reports in checked():
                for report in reports:
                    kept = _stored_as(folder, report, existing, stored, bundled=not replace)
                    if kept is None:
                        added.append(report.meta)
                        continue
                    unchanged.append(dc_replace(report.meta, id=kept))
                    if kept != report.meta.id:
                        elsewhere[(report.meta.source, kept)] = report.meta.id
        return AddOutcome(added, _in_order(failed, paths), unchanged, elsewhere)
    files = checked()
    first = next(files, None)  # nothing to write: leave the library (and its lock) alone
    if first is None:
        return AddOutcome(added, _in_order(failed, paths), unchanged, elsewhere)
    with _library_errors(folder), _write_lock(folder), contextlib.ExitStack() as stack:
        existing = user_ids()
        bundled = _bundled_ids()
        # Without --id, the same text and metadata stored under any id is this report: the
        # id it would get now may not be the one it got (an --id then, or an id from before
        # a shared county name got its city in front).
        stored = _StoredTexts(stack) if id is None else None
        for source, reports in itertools.chain([first], files):
            to_write = []
            for report in reports:
                kept = _stored_as(folder, report, existing, stored, bundled=not replace)
                if kept is None:
                    to_write.append(report)
                    continue
                unchanged.append(dc_replace(report.meta, id=kept))
                if kept != report.meta.id:
                    elsewhere[(report.meta.source, kept)] = report.meta.id
            if not to_write:
                continue
            # Checked under the lock: another process may have added the id a moment ago.
            try:
                _check_free([r.meta.id for r in to_write], existing, bundled, replace=replace)
            except ReportError as exc:
                failed.append(AddFailure(source, str(exc)))
                continue
            try:
                _store_file(folder, to_write)
            except OSError as exc:  # rolled back; the next file may still fit
                reason = exc.strerror or str(exc)
                message = _("cannot write to your library at {folder}: {strerror}").format(
                    folder=folder, strerror=reason
                )
                failed.append(AddFailure(source, message))
                continue
            existing.update(r.meta.id for r in to_write)
            added.extend(r.meta for r in to_write)
            if stored is not None:
                stored.wrote(to_write)
        _sweep(folder)
        _update_index()
    return AddOutcome(added, _in_order(failed, paths), unchanged, elsewhere)


def _in_order(failed: list[AddFailure], paths: Sequence[str | Path]) -> list[AddFailure]:
    order = {str(p): i for i, p in enumerate(paths)}
    return sorted(failed, key=lambda f: order.get(f.source, 0))


def _stored_as(
    folder: Path,
    report: Report,
    existing: set[str],
    stored: _StoredTexts | None,
    *,
    bundled: bool = True,
) -> str | None:
    """The id the library holds this report under (same text, same metadata), or None.

    Its own id first, or the bundled sample of that id when ``bundled`` (without --replace,
    which asks for a copy of one's own); then, given ``stored``, any id holding the same text.
    """
    digest = _digest(report.text)
    if report.meta.id in existing and _holds(folder, report.meta.id, digest, report.meta):
        return report.meta.id
    if bundled and report.meta.id not in existing and _is_bundled(report):
        return report.meta.id
    if stored is None or not existing:  # an empty library holds nothing
        return None
    others = (i for i in stored.ids_of(digest) if i != report.meta.id)
    return next((i for i in others if _holds(folder, i, digest, report.meta)), None)


def _is_bundled(report: Report) -> bool:
    """Whether ``report`` is the bundled sample of its id, the very text and metadata (the
    seed it is built from, added as a file): there already, nothing to add or shadow."""
    from reportdiff.core.storage.samples import bundled_metas, sample_text

    meta = next((m for m in bundled_metas() if m.id == report.meta.id), None)
    if meta is None or dc_replace(meta, source="") != dc_replace(report.meta, source=""):
        return False
    return sample_text(meta.id) == report.text


def _holds(folder: Path, id: str, digest: str, meta: ReportMeta) -> bool:
    """Whether entry ``id`` holds the text of this digest with this metadata (id and source
    aside: the source is where it was read from, not what it says, so a copy elsewhere is
    the same report)."""
    result = _read_entry(folder / f"{id}.json")
    if isinstance(result, DamagedEntry):
        return False
    stored, record = result
    return record["sha256"] == digest and dc_replace(stored, id="", source="") == dc_replace(
        meta, id="", source=""
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _StoredTexts:
    """The user's reports by the SHA-256 of their text: the index's (opened when first
    asked, under the library lock, so up to date) and those this add wrote since."""

    def __init__(self, stack: contextlib.ExitStack) -> None:
        self.stack = stack
        self.conn: sqlite3.Connection | None = None
        self.written: dict[str, list[str]] = {}

    def ids_of(self, digest: str) -> list[str]:
        """The ids that may hold this text (each still to be read: the index is a copy)."""
        import sqlite3

        from reportdiff.core.storage.index import open_index, user_ids_of_text

        found = list(self.written.get(digest, []))
        try:
            if self.conn is None:
                self.conn = self.stack.enter_context(open_index())
            found += user_ids_of_text(self.conn, digest)
        except sqlite3.Error:
            pass  # no index: the report is looked up under its own id only, as before
        return found

    def wrote(self, reports: list[Report]) -> None:
        for report in reports:
            self.written.setdefault(_digest(report.text), []).append(report.meta.id)


def _update_index() -> None:
    """Bring the index up to date now, while the new entries are fresh (under the lock).

    The index is a copy of the files: if it cannot be written, the next reader rebuilds it.
    """
    import sqlite3

    from reportdiff.core.storage.index import open_index

    with contextlib.suppress(sqlite3.Error, OSError), open_index():
        pass


def _printable_source(source: str) -> str:
    from reportdiff.core.printable import printable

    return printable(source)


MIN_HAN_SHARE = 0.1
"""A report's letters are Chinese characters at least this often (reports: about 0.9; a
bilingual one about a quarter); English or other text is not a report this tool reads."""

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def looks_chinese(text: str) -> bool:
    """Whether Chinese characters make up at least :data:`MIN_HAN_SHARE` of ``text``'s letters."""
    letters = sum(1 for ch in text if ch.isalpha())
    return letters > 0 and len(_HAN.findall(text)) >= MIN_HAN_SHARE * letters


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
    if not looks_chinese(raw):
        raise ReportError(
            _("{source} does not look like a Chinese report: no Chinese text").format(source=source)
        )
    parts = [part for part in split_compilation(raw) if part.strip()]
    if split:
        if not parts:
            raise ReportError(_("found no report in {source}").format(source=source))
    elif len(parts) > 1:
        # Stored whole, a compilation reads as one report with every part repeated.
        raise ReportError(
            _(
                "{source} holds {count} reports (a compilation); add it with --split "
                "(--split --dry-run lists them first)"
            ).format(source=source, count=len(parts))
        )
    else:
        parts = [raw]
    if id is not None and len(parts) > 1:
        raise ReportError(
            _(
                "--id names one report, but {source} holds {count}; "
                "add them without --id, or one at a time"
            ).format(source=source, count=len(parts))
        )
    return [_load(part, source=source, id=id, region=region, year=year) for part in parts]


def _load(raw: str, *, source: str, id: str | None, region: str | None, year: int | None) -> Report:
    """Clean, infer metadata and parse one report; settle its id."""
    from reportdiff.core.text.load import load_text_and_front

    overrides: dict[str, Any] = {}
    if region is not None:
        # Stored cleaned: `--region $'闵行区\n'` must not break `list`'s lines or reach a
        # terminal as an escape sequence.
        overrides["region"] = clean_field(region) or None
    if year is not None:
        overrides["year"] = year
    if id is not None:
        overrides["id"] = id
    report, front = load_text_and_front(raw, source=source, **overrides)
    head = front + report.text[:HEAD_CHARS]
    final_id = id if id is not None else default_id(report.meta, source=source, head=head)
    # Messages name the file as the user typed it; the stored source is absolute, so it
    # still says where the report came from when read from another directory.
    absolute = clean_field(str(Path(source).absolute()))
    return dc_replace(report, meta=dc_replace(report.meta, id=final_id, source=absolute))


def _check_free(ids: list[str], user: set[str], bundled: set[str], *, replace: bool) -> None:
    if replace:
        return
    for new_id in ids:
        if new_id in user:
            raise ReportError(
                _(
                    "your library already has a report {new_id}; use --replace to overwrite "
                    "it with this one (its text or metadata differ), or --id to give this one "
                    "another id"
                ).format(new_id=repr(new_id))
            )
        if new_id in bundled:
            raise ReportError(
                _(
                    "{new_id} is a bundled report; use --replace to shadow it with yours, "
                    "or --id to give this one another id"
                ).format(new_id=repr(new_id))
            )
