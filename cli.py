"""The ``reportdiff`` command line: a thin layer over :mod:`reportdiff.core`.

``reportdiff A B [C …]`` opens the TUI; the sub-commands (``list``, ``show``, ``export``,
``add``, ``remove``) work without it. Textual is imported only by the command that needs it,
so ``reportdiff --help`` starts fast. Errors the user can fix are one line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from reportdiff import __version__
from reportdiff.core.errors import ReportError

Handler = Callable[[argparse.Namespace], int]

DESCRIPTION = """\
Read and compare long Chinese government reports.

  reportdiff yangpu-2022 yangpu-2023     open two reports side by side
  reportdiff list                        list the reports you can open
  reportdiff show yangpu-2022            print a report's metadata and outline

A report is an id from `reportdiff list` or a path to a file."""


def _add_list(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "list",
        help="list bundled and library reports",
        description="List the reports you can open: id, region, year, title, size. "
        "A table on a terminal, tab-separated values when piped.",
    )
    p.set_defaults(handler=_cmd_list)


def _cmd_list(args: argparse.Namespace) -> int:
    from reportdiff.core.resolve import list_entries

    entries = list_entries()
    header = ("id", "region", "year", "title", "size", "origin")
    rows = [
        (e.id, e.region, str(e.year), e.title, str(e.size), e.origin) for e in entries
    ]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        # Text cells, not str: a str cell is parsed as markup and report titles are data.
        table = Table(*header, title="reports")
        for row in rows:
            table.add_row(*(Text(c) for c in row))
        Console().print(table)
    else:
        out = sys.stdout
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(c.replace("\t", " ") for c in row) + "\n")
    return 0


def _add_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "show",
        help="print a report's metadata and outline",
        description="Print a report's metadata and its outline (parts, sections, lead "
        "phrases, highlight lists, appendices) so a person can check the parse.",
    )
    p.add_argument("report", help="report id (see `reportdiff list`) or path to a file")
    p.set_defaults(handler=_cmd_show)


def _cmd_show(args: argparse.Namespace) -> int:
    from reportdiff.core.outline import format_outline
    from reportdiff.core.resolve import resolve_report

    report = resolve_report(args.report)
    sys.stdout.write(format_outline(report))
    return 0


def _add_build_samples(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    # Maintainer command: no help= so it stays out of the command list users see.
    p = sub.add_parser(
        "build-samples",
        description="Rebuild sample_data/ (the bundled reports and index.json) from the "
        "seed documents with the project's own cleaner, splitter and metadata inference.",
    )
    p.add_argument("seeds_dir", metavar="SEEDS_DIR", help="directory holding the seed *.txt files")
    p.add_argument(
        "--out", metavar="DIR", default=None,
        help="where to write (default: the package's sample_data/ directory)",
    )
    p.set_defaults(handler=_cmd_build_samples)


def _cmd_build_samples(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reportdiff.core.samples import write_samples

    out = Path(args.out) if args.out else Path(__file__).resolve().parent / "sample_data"
    for path in write_samples(args.seeds_dir, out):
        print(path)
    return 0


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportdiff",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reportdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_open(sub)
    _add_list(sub)
    _add_show(sub)
    _add_build_samples(sub)
    return parser


def _add_open(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "open",
        help="open reports side by side in the TUI (the default command)",
        description="Open two or more reports side by side. `reportdiff A B` is short "
        "for `reportdiff open A B`.",
    )
    p.add_argument("reports", nargs="+", help="report ids or file paths")
    p.set_defaults(handler=_cmd_open)


def _cmd_open(args: argparse.Namespace) -> int:
    from reportdiff.core.resolve import resolve_report

    reports = [resolve_report(ref) for ref in args.reports]
    from reportdiff.tui.app import run_app

    return run_app(reports)


COMMANDS = ("open", "list", "show", "build-samples")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and not args_list[0].startswith("-") and args_list[0] not in COMMANDS:
        args_list.insert(0, "open")
    parser = _build_parser()
    args = parser.parse_args(args_list)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        return handler(args)
    except ReportError as exc:
        print(f"reportdiff: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("reportdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
