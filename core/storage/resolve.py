"""Turn what a user typed (a report id or a file path) into a Report, with helpful errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import Report, ReportMeta

if TYPE_CHECKING:
    from collections.abc import Callable

    from reportdiff.core.storage.index import Filters
    from reportdiff.core.storage.listing import ListEntry

#: File name endings that make an argument a path even when the file is missing.
PATH_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".pdf", ".docx")


def _bundled() -> list[ReportMeta]:
    from reportdiff.core.storage.samples import bundled_metas

    return bundled_metas()


def _user() -> list[ReportMeta]:
    from reportdiff.core.storage.library import user_metas

    return user_metas()


def _user_ids() -> set[str]:
    """User ids, damaged entries included, so that opening one names the broken file."""
    from reportdiff.core.storage.library import user_ids

    return user_ids()


def known_ids() -> list[str]:
    """Every id that :func:`resolve_report` accepts, user ids first, without duplicates."""
    seen: dict[str, None] = {}
    for meta in [*_user(), *_bundled()]:
        seen.setdefault(meta.id, None)
    return list(seen)


def list_entries(filters: Filters | None = None) -> list[ListEntry]:
    """Bundled and user reports together, sorted by id; a user report shadows a bundled one.

    Read from the library's index (brought up to date from the files first), so listing
    a thousand reports reads one file; ``filters`` narrow it by region, level and years.
    """
    from reportdiff.core.storage.index import list_reports
    from reportdiff.core.storage.listing import ListEntry

    bundled = {m.id for m in _bundled()}
    entries = []
    for r in list_reports(filters):
        origin = r.origin
        if origin == "user" and r.meta.id in bundled:
            origin = "user (replaces bundled)"
        m = r.meta
        entries.append(ListEntry(m.id, m.region, m.year, m.title, r.chars, origin, m.delivered))
    return entries


def _may_be_user_id(ref: str) -> bool:
    """Whether the user library may hold ``ref``: its ``<id>.json`` entry file exists.

    A stat instead of importing and scanning the library: opening bundled reports is the
    common case, and the startup time of ``reportdiff A B`` is a feature. It only rules
    ids out (a usable entry is always ``<id>.json``); the library itself still decides.
    """
    from reportdiff.core import paths

    try:
        return (paths.library_dir() / f"{ref}.json").is_file()
    except (OSError, ValueError):  # a name the OS refuses (too long, NUL): let the library say
        return True


def path_id(path: Path) -> str:
    """The id of a report opened from a file: its file name, never a known report's id.

    The text's own region and year would give ``yangpu-2022`` for a user's copy of that
    report, and two columns named ``yangpu-2022`` in an export cannot be told apart.
    """
    from reportdiff.core.printable import clean_field

    # Cleaned like report text: an escape sequence in a file name is never printed.
    stem = re.sub(r"\s+", "-", clean_field(path.stem)) or "report"
    return f"{stem}-file" if _is_known_id(stem) else stem


def _is_known_id(name: str) -> bool:
    """Whether ``name in known_ids()``, without scanning the library when it cannot be there.

    Opening a file is on the reader's start-up path: the library (its index, SQLite) is
    read only when ``<name>.json`` exists, as :func:`resolve_report` does for ids.
    """
    if name in {m.id for m in _bundled()}:
        return True
    return _may_be_user_id(name) and name in {m.id for m in _user()}


def _looks_like_path(ref: str) -> bool:
    if "/" in ref or "\\" in ref or ref.lower().endswith(PATH_SUFFIXES):
        return True
    try:
        return Path(ref).exists()
    except (OSError, ValueError):  # a name too long for the OS (ENAMETOOLONG), a NUL
        return False


def resolve_report(ref: str, *, encoding: str | None = None) -> Report:
    """Load the report named by ``ref``: a path to a file, or an id (user library first).

    Raises:
        ReportError: the file cannot be read, or the id is unknown (exit code 2, with the
            closest known ids).
    """
    if not ref.strip():
        raise ReportError(_("empty report id; `reportdiff list` shows the ids"), exit_code=2)
    if _looks_like_path(ref):
        return _load_file(Path(ref), ref, encoding)
    if _may_be_user_id(ref) and ref in _user_ids():
        from reportdiff.core.storage.library import load_user_report

        return load_user_report(ref)
    if ref in {m.id for m in _bundled()}:
        from reportdiff.core.storage.samples import load_sample

        return load_sample(ref)
    raise ReportError(_unknown_id_message(ref), exit_code=2)


def resolve_all(refs: list[str], *, meanwhile: Callable[[], object] | None = None) -> list[Report]:
    """Every report named, read in worker processes where there are several files
    (reading and cleaning a web page costs more than comparing it: core/parallel.py).

    The same reports in the same order, and the same error for the first bad one, as
    reading them one by one. ``meanwhile`` is done while workers read (if any started:
    files not in the cache, so the analysis after will need it).
    """

    def is_file(ref: str) -> bool:
        try:
            return Path(ref).is_file()
        except (OSError, ValueError):  # a name too long, a NUL: resolve_report says what
            return False

    # Bundled and library reports load in milliseconds: only files are worth a worker.
    if sum(1 for ref in refs if is_file(ref)) < 2:
        return [resolve_report(ref) for ref in refs]
    from reportdiff.core.parallel import pool_map

    return pool_map(resolve_report, refs, meanwhile=meanwhile)


_RAW_KEY_LIMIT = 16 * 1024 * 1024
"""Files up to this size are looked up in the cache by their bytes, before decoding."""


def _load_file(path: Path, ref: str, encoding: str | None) -> Report:
    """Read, clean and parse a report file, through the analysis cache.

    Decoding a legacy-encoded web page, cleaning it and parsing it cost more than
    cutting it into words; the loaded report is kept per file content (and the code of
    the stages that read it), so the next run, or a series that includes the same
    file, skips all three. Larger files (PDF, DOCX) are keyed by their decoded text.
    """
    from reportdiff.core.printable import clean_field
    from reportdiff.core.storage import cache

    source, rid = clean_field(str(ref)), path_id(path)
    code = cache.source_fingerprint("sources", "text")

    def check(v: object) -> bool:
        return isinstance(v, Report) and v.meta.id == rid

    data: bytes | None = None
    try:
        if path.is_file() and path.stat().st_size <= _RAW_KEY_LIMIT:
            data = path.read_bytes()
    except (OSError, ValueError):
        data = None  # read_document says what is wrong with it
    raw_key = None
    if data is not None:
        raw_key = cache.cache_key("file", [data, encoding or "", source, rid, code])
        hit = cache.load(raw_key)
        if hit is not None and check(hit):
            return hit  # type: ignore[return-value]

    from reportdiff.core.sources.ingest import read_document

    raw = read_document(path, encoding=encoding)

    def load() -> Report:
        # Imported on a miss only: the cleaning stage is a large import.
        from reportdiff.core.text.load import load_text

        return load_text(raw, source=source, id=rid)

    if raw_key is not None:
        report = load()
        cache.store(raw_key, report)
        return report
    return cache.cached(cache.cache_key("report", [raw, source, rid, code]), load, check=check)


def _normalise_ref(ref: str) -> str:
    """Fold what people type for an id into id form: 杨浦-2022 / Yangpu2022 → yangpu-2022."""
    from reportdiff.core.text.regions import region_pinyin

    text = ref.strip().lower().replace("_", "-").replace(" ", "-")
    # Han region names to pinyin: try the longest Han run with and without 区/市/新区.
    for han in sorted(re.findall(r"[\u4e00-\u9fff]+", text), key=len, reverse=True):
        for cand in (han, han + "区", han + "市", han + "新区"):
            py = region_pinyin(cand)
            if py:
                text = text.replace(han, py + "-")
                break
    text = re.sub(r"([a-z])(\d)", r"\1-\2", text)
    text = re.sub(r"-+", "-", text).strip("-")
    return text


def closest_ids(ref: str, *, limit: int = 3) -> list[str]:
    """The known ids closest to ``ref`` (fuzzy; Han region names are romanised first)."""
    from rapidfuzz import fuzz, process

    ids = known_ids()
    if not ids:
        return []
    query = _normalise_ref(ref)
    exact = [i for i in ids if i == query]
    if exact:
        return exact
    hits = process.extract(query, ids, scorer=fuzz.ratio, limit=limit, score_cutoff=40)
    return [hit[0] for hit in hits]


_ID_YEAR_RE = re.compile(r"^(?P<region>[a-z][a-z-]*?)-(?P<year>\d{4})(?P<kind>-[a-z]+)?$")


def delivered_in(ref: str) -> ReportMeta | None:
    """The report of ``ref``'s region and kind delivered in the year ``ref`` names, when that
    is not the year it reviews: national-1994 → national-1993, the report given in 1994."""
    m = _ID_YEAR_RE.match(_normalise_ref(ref))
    if m is None:
        return None
    year = int(m["year"])
    for meta in [*_user(), *_bundled()]:
        if (
            meta.delivered == year
            and meta.year is not None
            and meta.year != year
            and meta.id == f"{m['region']}-{meta.year}{m['kind'] or ''}"
        ):
            return meta
    return None


def _unknown_id_message(ref: str) -> str:
    close = closest_ids(ref)
    then = delivered_in(ref)
    if then is not None:
        close = [then.id, *(i for i in close if i != then.id)][:3]
        return _(
            "unknown report id {ref}; did you mean {ids}? ({id} is the report delivered in "
            "{delivered}: an id names the year a report reviews; `reportdiff list` shows all ids)"
        ).format(ref=repr(ref), ids=", ".join(close), id=then.id, delivered=then.delivered)
    if close:
        return _(
            "unknown report id {ref}; did you mean {ids}? (`reportdiff list` shows all ids)"
        ).format(ref=repr(ref), ids=", ".join(close))
    return _("unknown report id {ref} (`reportdiff list` shows all ids)").format(ref=repr(ref))
