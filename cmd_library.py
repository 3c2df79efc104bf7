"""``reportdiff list`` and ``reportdiff add``: the library's commands (list reads the index)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from reportdiff.cli import MAX_YEAR, MIN_YEAR, UNKNOWN, _printable, _year
from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _, pgettext

if TYPE_CHECKING:
    import argparse

    from reportdiff.core.storage.index import Filters

LEVELS = ("national", "province", "prefecture", "county", "unknown")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``list`` and ``add``."""
    _add_list(sub)
    _add_add(sub)


def add_filter_options(p: argparse.ArgumentParser) -> None:
    """``--region``, ``--level``, ``--year`` (for ``list`` and ``search``)."""
    p.add_argument(
        "--region",
        help=_(
            "only reports of this region and the places under it: part of its Chinese "
            "name (上海, 杨浦区) or its pinyin (shanghai, yangpu)"
        ),
    )
    p.add_argument(
        "--level",
        type=level_name,
        choices=LEVELS,
        help=_("only reports of this level of government (or as show prints it: 省级, 县级 …)"),
    )
    p.add_argument(
        "--year",
        type=year_range,
        metavar="YEAR[-YEAR]",
        help=_("only reports reviewing this year, or these years (2000-2005)"),
    )


_LEVEL_WORDS = {
    "全国": "national",
    "国家": "national",
    "中央": "national",
    "省": "province",
    "自治区": "province",
    "直辖市": "province",
    "市": "prefecture",
    "地": "prefecture",
    "地市": "prefecture",
    "县": "county",
    "区": "county",
    "区县": "county",
}
"""Chinese words a reader types for a level, besides the names show prints (省级)."""


def level_name(text: str) -> str:
    """``--level``: a level's key, or its name as show prints it in either language (国家级,
    省级, 地级, 县级), or a short Chinese word for it (省, 县, 区); anything else is left
    for argparse's choices to refuse."""
    word = text.strip()
    for key in LEVELS:
        if word in (key, _(key)):
            return key
    return _LEVEL_WORDS.get(word.removesuffix("级"), word)


def year_range(text: str) -> tuple[int, int]:
    """``--year 2005`` or ``--year 2000-2005`` (argparse prints the error)."""
    import argparse

    first, sep, last = text.strip().partition("-")
    try:
        low = _year(first)
        high = _year(last) if sep else low
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            _("not a year or a range of years (2005, 2000-2005): {text}").format(
                text=_printable(text)
            )
        ) from None
    if low > high:
        raise argparse.ArgumentTypeError(
            _("{text}: the first year comes after the last").format(text=_printable(text))
        )
    return low, high


def filters_from(args: argparse.Namespace) -> Filters:
    """The index filters the options ask for."""
    from reportdiff.core.printable import clean_field
    from reportdiff.core.storage.index import Filters

    region = clean_field(args.region).strip() if args.region else None
    return Filters(region=region or None, level=args.level, years=args.year)


def say_region_match(filters: Filters) -> None:
    """Tell on stderr what ``--region`` took when it reached past the region's own name.

    ``--region 上海`` lists 上海市 and the districts under it: the line says so, and which
    districts, so a reader knows why 杨浦区 is there. Nothing is said for a plain match.
    """
    from reportdiff.core.storage.index import match_region

    if not filters.region:
        return
    found = match_region(filters.region)
    if not found.under:
        return
    sep = _(", ")
    what = _("--region {query}: {direct}; the places under {parents}: {under}").format(
        query=filters.region,
        direct=sep.join(found.direct) or _("no region of that name"),
        parents=sep.join(found.parents),
        under=sep.join(found.under),
    )
    print(f"reportdiff: {_printable(what)}", file=sys.stderr)


def say_no_match(filters: Filters) -> None:
    """Say on stderr that no report matches the filters (a header row alone reads like an
    empty library), and when ``--region`` names no region of the library, that national
    reports are 全国: ``--region 中国`` or ``国务院`` finds none of them."""
    from reportdiff.core.storage.index import match_region

    what = _("no report matches these filters")
    if filters.region and not match_region(filters.region).regions:
        what += _(
            "; --region {query} names no region of your reports "
            "(the State Council's reports are 全国: --level national lists them)"
        ).format(query=filters.region)
    print(f"reportdiff: {_printable(what)}", file=sys.stderr)


# ---------------------------------------------------------------- list


def _add_list(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "list",
        help=_("list bundled and library reports"),
        description=_(
            "List the reports you can open: id, region, year reviewed, year delivered, "
            "title, size (unknown where the text does not say). A table on a terminal, "
            "tab-separated values when piped. Reads the library's index, so a thousand "
            "reports list at once; --region, --level and --year narrow the list."
        ),
    )
    add_filter_options(p)
    p.set_defaults(handler=_cmd_list)


def _cmd_list(args: argparse.Namespace) -> int:
    from reportdiff.core.storage.library import damaged_entries
    from reportdiff.core.storage.resolve import list_entries

    filters = filters_from(args)
    filtered = bool(filters.region or filters.level or filters.years)
    say_region_match(filters)
    entries = list_entries(filters)
    if filtered and not entries:
        say_no_match(filters)
    # A damaged entry's region and years are unknown: it matches no filter.
    damaged = [] if filtered else damaged_entries()
    for entry in damaged:
        # Explained on stderr (one line each), and listed as a row marked "damaged".
        print(f"reportdiff: {_printable(entry.message())}", file=sys.stderr)
    header = (_("id"), _("region"), _("year"), _("delivered"), _("title"), _("size"), _("origin"))
    unknown = _(UNKNOWN)
    rows = [
        (
            e.id,
            e.region or unknown,
            str(e.year or unknown),
            str(e.delivered or unknown),
            e.title or unknown,
            str(e.size),
            _(e.origin),
        )
        for e in entries
    ]
    rows += [
        (
            d.id,
            unknown,
            unknown,
            unknown,
            _("(damaged entry: see the message above)"),
            "0",
            _("damaged"),
        )
        for d in damaged
    ]
    if sys.stdout.isatty():
        from rich.cells import cell_len
        from rich.console import Console
        from rich.table import Column, Table
        from rich.text import Text

        # Text cells, not str: a str cell is parsed as markup and report titles are data.
        # The id is what one types next: never shortened to "yangpu-2023-p…" (the title is).
        width = max((cell_len(_printable(r[0])) for r in rows), default=0)
        id_column = Column(header[0], no_wrap=True, min_width=width)
        table = Table(id_column, *header[1:], title=_("reports"))
        for row in rows:
            table.add_row(*(Text(_printable(c)) for c in row))
        Console().print(table)
    else:
        out = sys.stdout
        out.write("\t".join(header) + "\n")
        for row in rows:
            # Escaped, so a tab or newline in a hand-edited entry cannot shift a column.
            out.write("\t".join(_printable(c) for c in row) + "\n")
    return 0


# ---------------------------------------------------------------- add


def _add_add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    p = sub.add_parser(
        "add",
        help=_("add report files or folders of them to your library"),
        description=_(
            "Copy reports into your library so `reportdiff ID` opens them. A folder is\n"
            "searched recursively for .txt, .html, .htm, .pdf and .docx files (hidden files\n"
            "and other kinds are skipped and counted); the files are read on every core.\n"
            "Each file is added whole or not at all (all the reports of a compilation\n"
            "together), even if the command is killed; a file that cannot be added never\n"
            "stops the others. Adding a report that is already there with the same text is\n"
            'a no-op ("unchanged"). With several files the command ends with a summary,\n'
            "and exits 1 if any file failed.\n\n"
            "Reads plain text (UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16 with BOM and Big5\n"
            "are detected; --encoding forces one), HTML pages (the article text only), PDF\n"
            "(its text layer; scans have none) and DOCX. Region, year reviewed, session date\n"
            "and title are inferred from the text; the id defaults to <region pinyin>-<year>,\n"
            "e.g. minhang-2023. An id that holds another text (bundled or yours) is refused\n"
            "unless --replace."
        ),
        epilog=_(
            "examples:\n"
            "  reportdiff add minhang-2023.pdf\n"
            "  reportdiff add ~/reports/            (every report file under the folder)\n"
            "  reportdiff add report.txt --region 闵行区 --year 2023\n"
            "  reportdiff add compilation.txt --split --dry-run"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE|DIR", help=_("report file(s), or folders of them")
    )
    p.add_argument("--id", help=_("store under this id (one report only)"))
    p.add_argument("--region", help=_("region in Chinese, overriding the inferred one (闵行区)"))
    p.add_argument(
        "--year",
        type=_year,
        help=_("the year the report reviews (2023 for a 2024 report; {low}–{high})").format(
            low=MIN_YEAR, high=MAX_YEAR
        ),
    )
    p.add_argument("--encoding", help=_("force the text encoding (utf-8, gb18030, big5, utf-16)"))
    p.add_argument(
        "--replace",
        action="store_true",
        help=_("overwrite a report with the same id (or shadow a bundled one)"),
    )
    p.add_argument(
        "--split", action="store_true", help=_("the file is a compilation: add every report in it")
    )
    p.add_argument(
        "--dry-run", action="store_true", help=_("show what would be added, write nothing")
    )
    p.set_defaults(handler=_cmd_add)


def _cmd_add(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reportdiff.core.storage.bulk import REPORT_SUFFIXES, expand_paths
    from reportdiff.core.storage.library import add_files, id_origin
    from reportdiff.core.text.outline import kind_label

    found = expand_paths(args.files)
    folders = any(Path(f).is_dir() for f in args.files)
    if found.skipped:
        print(
            "reportdiff: "
            + _("skipped {n} file(s) in the folders: hidden, or not {kinds}").format(
                n=found.skipped, kinds=" ".join(REPORT_SUFFIXES)
            ),
            file=sys.stderr,
        )
    if not found.files:  # every argument was a folder (a file is always kept)
        kinds = " ".join(REPORT_SUFFIXES)
        where = ", ".join(_printable(f) for f in args.files)
        message = (
            _("{where} is a directory with no report files ({kinds}) in it")
            if len(args.files) == 1
            else _("{where} are directories with no report files ({kinds}) in them")
        )
        raise ReportError(message.format(where=where, kinds=kinds))
    if args.id is not None and len(found.files) > 1:
        raise ReportError(_("--id names one report; add the files one at a time"))
    with _progress(len(found.files)) as on_progress:
        outcome = add_files(
            found.files,
            id=args.id,
            region=args.region,
            year=args.year,
            encoding=args.encoding,
            replace=args.replace,
            split=args.split,
            dry_run=args.dry_run,
            on_progress=on_progress,
        )
    for meta in outcome.added:
        fields = [
            pgettext("library", "would add") if args.dry_run else pgettext("library", "added"),
            meta.id,
            meta.region or _(UNKNOWN),
            meta.year or _(UNKNOWN),
            meta.date or "-",
            kind_label(meta.kind),
            meta.title,
        ]
        origin = id_origin(meta.id) if args.dry_run else None
        if origin is not None and args.replace:
            fields.append(_("replaces the {origin} report of that id").format(origin=_(origin)))
        elif origin is not None:
            fields.append(
                _("id taken by a {origin} report: needs --replace or --id").format(origin=_(origin))
            )
        sys.stdout.write("\t".join(_printable(f) for f in fields) + "\n")
    for meta in outcome.unchanged:
        fields = [
            pgettext("library", "unchanged"),
            meta.id,
            meta.region or _(UNKNOWN),
            meta.year or _(UNKNOWN),
            meta.date or "-",
            kind_label(meta.kind),
            meta.title,
        ]
        would_be = outcome.elsewhere.get((meta.source, meta.id))
        if id_origin(meta.id) == "bundled":
            fields.append(_("bundled with reportdiff: nothing to add"))
        elif would_be is not None:
            fields.append(
                _("already in your library as {id} (it would be {would_be} now)").format(
                    id=meta.id, would_be=would_be
                )
            )
        sys.stdout.write("\t".join(_printable(f) for f in fields) + "\n")
    sys.stdout.flush()
    for failure in outcome.failed:
        print(f"reportdiff: {_printable(failure.message)}", file=sys.stderr)
    total = len(found.files)
    if total > 1 or folders:
        sources_added = {m.source for m in outcome.added}
        same = len({m.source for m in outcome.unchanged} - sources_added)
        done = total - len(outcome.failed) - same
        verb = pgettext("library", "would add") if args.dry_run else pgettext("library", "added")
        summary = _("{verb} {done} of {total} files").format(verb=verb, done=done, total=total)
        if same:
            summary += _("; {n} unchanged").format(n=same)
        if outcome.failed:
            summary += _("; {n} failed (see above)").format(n=len(outcome.failed))
        print(f"reportdiff: {summary}", file=sys.stderr)
    return 1 if outcome.failed else 0


class _progress:
    """A progress bar on stderr while files are read, only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: object = None

    def __enter__(self) -> object:
        if self.total < 2 or not sys.stderr.isatty():
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        progress = Progress(
            "{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        task = progress.add_task(_("reading"), total=self.total)
        progress.start()
        self.bar = progress

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()  # type: ignore[attr-defined]
