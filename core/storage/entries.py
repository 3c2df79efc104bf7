"""One entry of the user's library: its format, its checks, and what makes an id.

An entry is ``<id>.json`` (metadata, text file name, checksum) beside ``<id>.<sha10>.txt``;
:func:`_read_entry` reads and checks one, and a problem becomes a :class:`DamagedEntry` that
says what is wrong in one line. Reading and writing the library as a whole (the lock, the
atomic commit, the sweep) is :mod:`reportdiff.core.storage.library`'s.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import ReportMeta
from reportdiff.core.printable import clean_field

#: Version of the entry format in ``<id>.json``.
ENTRY_FORMAT = 1
#: What a report id may look like: lowercase ASCII letters, digits and inner hyphens.
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
#: Ids that would be read as a sub-command on the command line.
RESERVED_IDS = frozenset(
    {
        "open", "list", "show", "add", "remove", "export", "terms", "serve", "build-samples",
        "help", "timeline", "targets", "search",
    }
)  # fmt: skip
_KINDS = ("work-report", "summary", "plan-report", "budget-report", "unknown")
_LEVELS = ("national", "province", "prefecture", "county", "unknown")
#: How the library names a text file: ``<id>.<first 10 hex digits of its sha256>.txt``.
_TEXT_NAME = re.compile(r"^([a-z0-9-]+)\.[0-9a-f]{10}\.txt$")
#: Where ``remove`` puts the text files of a damaged entry, for the user to recover.
RECOVERED_DIR = "recovered"
#: The journal of a multi-report commit: ``.pending-<12 hex digits>.journal``.
_JOURNAL_PREFIX = ".pending-"
_JOURNAL_SUFFIX = ".journal"


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
        return _(
            "library entry {id} is damaged: {path} {problem}; its text is kept; "
            "`reportdiff remove {plain_id} --yes` moves it to {recovered}, then add the "
            "report again"
        ).format(
            id=repr(self.id),
            path=self.path,
            problem=self.problem,
            plain_id=self.id,
            recovered=self.path.parent / RECOVERED_DIR,
        )


def _read_entry(json_path: Path) -> tuple[ReportMeta, dict[str, Any]] | DamagedEntry:
    """Read and check one ``<id>.json``; a problem becomes a :class:`DamagedEntry`."""
    id = json_path.stem

    def damaged(problem: str) -> DamagedEntry:
        return DamagedEntry(id, json_path, problem)

    try:
        record = json.loads(json_path.read_text(encoding="utf-8"))
    except OSError as exc:
        return damaged(_("cannot be read ({strerror})").format(strerror=exc.strerror or exc))
    except UnicodeDecodeError:
        return damaged(_("is not valid JSON ({first_line})").format(first_line=_("not UTF-8")))
    except json.JSONDecodeError as exc:
        # json's own wording is English: keep only where it stopped.
        where = _("line {line}, column {column}").format(line=exc.lineno, column=exc.colno)
        return damaged(_("is not valid JSON ({first_line})").format(first_line=where))
    except RecursionError:
        return damaged(_("is not a reportdiff library entry (nested too deeply)"))
    if not isinstance(record, dict) or record.get("format") != ENTRY_FORMAT:
        return damaged(
            _("is not a reportdiff library entry (format {ENTRY_FORMAT})").format(
                ENTRY_FORMAT=ENTRY_FORMAT
            )
        )
    try:
        meta = _meta_from_json(record["meta"])
        text_file = record["text_file"]
        m = _TEXT_NAME.match(text_file) if isinstance(text_file, str) else None
        if m is None or m.group(1) != id:
            raise ValueError(_("text_file is not <id>.<checksum>.txt"))
        if not isinstance(record["sha256"], str) or not isinstance(record["chars"], int):
            raise TypeError(_("sha256 or chars has the wrong type"))
    except KeyError as exc:
        # str(KeyError) is the bare key: say what it means.
        missing = _("field {field} is missing").format(field=exc.args[0] if exc.args else "?")
        return damaged(_("has missing or wrong fields ({first_line})").format(first_line=missing))
    except (TypeError, ValueError) as exc:
        return damaged(
            _("has missing or wrong fields ({first_line})").format(first_line=_first_line(exc))
        )
    if meta.id != id:
        return damaged(_("holds id {id}, not {id2}").format(id=repr(meta.id), id2=repr(id)))
    if not (json_path.parent / text_file).is_file():
        # Damaged, not usable: the sweep then keeps every text of this id for recovery.
        return damaged(
            _("names a text file {text_file} that is missing").format(text_file=text_file)
        )
    return meta, record


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _meta_to_json(meta: ReportMeta) -> dict[str, Any]:
    return asdict(meta)


def _meta_from_json(data: Any) -> ReportMeta:
    if not isinstance(data, dict):
        raise TypeError(_("meta is not an object"))
    for field in ("id", "region", "title", "source"):
        if not isinstance(data[field], str):
            raise TypeError(_("{field} is not a string").format(field=field))
    if data.get("date") is not None and not isinstance(data["date"], str):
        raise TypeError(_("{field} is not a string").format(field="date"))
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
        raise TypeError(_("{field} is not a number").format(field="year"))
    if meta.kind not in _KINDS:
        raise ValueError(_("unknown kind {kind}").format(kind=repr(meta.kind)))
    if meta.level not in _LEVELS:
        raise ValueError(_("unknown level {level}").format(level=repr(meta.level)))
    if meta.delivered is not None and (
        not isinstance(meta.delivered, int) or isinstance(meta.delivered, bool)
    ):
        raise TypeError(_("{field} is not a number").format(field="delivered"))
    return meta


# ---------------------------------------------------------------- ids


def _bundled_ids() -> set[str]:
    from reportdiff.core.storage.samples import bundled_metas

    return {m.id for m in bundled_metas()}


def check_id(id: str) -> str:
    """Return ``id`` if it is a valid report id, else raise a ReportError saying why."""
    if not ID_PATTERN.match(id):
        raise ReportError(
            _("invalid id {id}: use lowercase letters, digits and '-' (e.g. minhang-2023)").format(
                id=repr(id)
            )
        )
    if id in RESERVED_IDS:
        raise ReportError(
            _("invalid id {id}: it is a reportdiff command; choose another").format(id=repr(id))
        )
    return id
