"""The ``reportdiff`` command line: a thin layer over :mod:`reportdiff.core`.

``reportdiff A B [C …]`` opens the TUI; the sub-commands (``list``, ``show``, ``export``,
``add``, ``remove``) work without it. Textual is imported only by the command that needs it,
so ``reportdiff --help`` starts fast. Errors the user can fix are one line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import gc
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from reportdiff import __version__
from reportdiff.core.errors import ReportError

if TYPE_CHECKING:
    # argparse is imported where a parser is built: `reportdiff A B` needs none.
    import argparse
    from collections.abc import Callable, Sequence

    Handler = Callable[[argparse.Namespace], int]

UNKNOWN = "unknown"
"""Shown for metadata the text does not give (region, years, title)."""


DESCRIPTION = """\
Read and compare long Chinese government reports.

  reportdiff yangpu-2022 yangpu-2023     open two reports side by side
  reportdiff list                        list the reports you can open
  reportdiff show yangpu-2022            print a report's metadata and outline

A report is an id from `reportdiff list` or a path to a file."""


def _add_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "show",
        help="print a report's metadata and outline",
        description="Print a report's metadata and its outline (parts, sections, lead "
        "phrases, highlight lists, appendices) so a person can check the parse.",
    )
    p.add_argument("report", help="report id (see `reportdiff list`) or path to a file")
    p.add_argument(
        "--text",
        action="store_true",
        help="print the cleaned text instead (the text every span and offset points into)",
    )
    p.add_argument("--encoding", help="force the encoding of a text file (utf-8, gb18030, big5 …)")
    p.set_defaults(handler=_cmd_show)


def _cmd_show(args: argparse.Namespace) -> int:
    from reportdiff.core.storage.resolve import resolve_report
    from reportdiff.core.text.outline import format_outline

    report = resolve_report(args.report, encoding=args.encoding)
    text = report.text if args.text else format_outline(report)
    # Text and metadata are cleaned where they are made; this is the last guard before
    # the terminal, line by line so the outline keeps its shape.
    sys.stdout.write("\n".join(_printable(line) for line in text.split("\n")))
    return 0


def _add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="compare reports and write the result as Markdown, JSON, CSV or HTML",
        description="Compare two or more reports without the TUI: aligned sections, number "
        "changes and shared phrases as Markdown (for reading), JSON (schema "
        "reportdiff.comparison/1), CSV (the numbers table, UTF-8 with BOM for Excel) or HTML "
        "(one self-contained page: the aligned text side by side, changes marked). "
        "Writes to stdout unless -o is given; -o replaces FILE atomically.",
    )
    p.add_argument(
        "reports", nargs="+", metavar="REPORT", help="two or more report ids or file paths"
    )
    p.add_argument(
        "--format",
        "-f",
        choices=("md", "json", "csv", "html"),
        default="md",
        help="output format (default: md)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of stdout: a file is replaced atomically, a link's target "
        "is replaced, a FIFO or device is written in place, a directory gets the default name"
    )
    p.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reportdiff.core.analysis.compare import compare
    from reportdiff.core.analysis.export import to_csv, to_json, to_markdown
    from reportdiff.core.output import resolve_output, write_output
    from reportdiff.core.storage.resolve import resolve_report

    if len(args.reports) < 2:
        raise ReportError(
            "export needs at least two reports, e.g. `reportdiff export yangpu-2022 yangpu-2023`",
            exit_code=2,
        )
    to_stdout = args.output is None or args.output == "-"
    from reportdiff.core.printable import clean_field

    # A default name made of file names holds no escape sequence (it is printed, listed).
    default_name = "-vs-".join(clean_field(Path(r).stem) for r in args.reports)
    default_name += f".{args.format}"
    if not to_stdout:
        resolve_output(args.output, default_name)  # refuse a bad path before the work
    reports = [resolve_report(ref) for ref in args.reports]
    if args.format == "html":
        from reportdiff.core.analysis.export_html import to_html

        render = to_html
    else:
        render = {"md": to_markdown, "json": to_json, "csv": to_csv}[args.format]
    text = render(compare(reports))
    if to_stdout:
        write_stdout(text)
    else:
        write_output(args.output, text.encode("utf-8"), default_name=default_name)
    return 0


def _add_terms(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "terms",
        help="new and faded terms over a series of reports",
        description="Read a series of reports in the order given and list, for each, the "
        "terms no earlier report used (new: coined compounds and quoted formulations "
        "first) and the terms the previous reports all used and it drops (faded), with "
        "each term's rate per 10,000 Han characters in every report. --term T gives only "
        "T's series. Markdown, JSON (schema reportdiff.terms/1) or CSV; stdout unless -o. "
        "PNG or SVG (with -o): a word cloud of the new terms, or with --term a chart of the "
        "terms' rates.",
    )
    p.add_argument(
        "reports", nargs="+", metavar="REPORT", help="report ids or file paths, oldest first"
    )
    p.add_argument(
        "--format", "-f", choices=("md", "json", "csv", "png", "svg"), default="md",
        help="output format (default: md)",
    )
    p.add_argument(
        "--term", "-t", action="append", default=[], metavar="T",
        help="give this term's series instead of the lists (repeatable)",
    )
    p.add_argument(
        "--top", type=int, default=50, metavar="N", help="terms listed per report (default: 50)"
    )
    p.add_argument(
        "--faded-after", type=int, default=3, metavar="K",
        help="a term fades when the previous K reports all used it (default: 3)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(handler=_cmd_terms)


def _cmd_terms(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reportdiff.core.analysis.terms import analyse_terms, term_series
    from reportdiff.core.analysis.terms_export import terms_csv, terms_json, terms_markdown
    from reportdiff.core.output import resolve_output, write_output
    from reportdiff.core.storage.resolve import resolve_report

    if args.top < 1 or args.faded_after < 1:
        raise ReportError("--top and --faded-after need a whole number of at least 1", exit_code=2)
    if not args.term and len(args.reports) < 2:
        raise ReportError(
            "terms needs a series of at least two reports, e.g. "
            "`reportdiff terms yangpu-2022 yangpu-2023` (or --term T for one term's series)",
            exit_code=2,
        )
    to_stdout = args.output is None or args.output == "-"
    stems = [Path(r).stem for r in args.reports]
    default_name = f"terms-{stems[0]}-{stems[-1]}.{args.format}"
    if not to_stdout:
        resolve_output(args.output, default_name)  # refuse a bad path before the work
    reports = [resolve_report(ref) for ref in args.reports]
    if args.term:
        series = term_series(reports, args.term)
    else:
        series = analyse_terms(reports, top=args.top, faded_window=args.faded_after)
    if args.format in ("png", "svg"):
        from reportdiff.cmd_timeline import terms_image

        data = terms_image(series, args.term, args.format, to_stdout=to_stdout)
    else:
        render = {"md": terms_markdown, "json": terms_json, "csv": terms_csv}[args.format]
        data = render(series).encode("utf-8")
    if to_stdout:
        write_stdout(data.decode("utf-8"))
    else:
        write_output(args.output, data, default_name=default_name)
    return 0


def write_stdout(text: str) -> None:
    """Print ``text`` to standard output; a failed or short write is a one-line error."""
    if sys.stdout is None:
        raise ReportError("standard output is closed")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ReportError(f"cannot write to standard output: {reason}") from None


MIN_YEAR, MAX_YEAR = 1949, 2100
"""Years a report may review (the first government work report reviewed 1949–1954)."""


def _year(text: str) -> int:
    """``--year``: a year from MIN_YEAR to MAX_YEAR (argparse prints the error)."""
    import argparse

    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {_printable(text)!s}") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"{year} is not a year from {MIN_YEAR} to {MAX_YEAR}")
    return year


def _printable(value: object) -> str:
    """A field for the terminal: control characters (ANSI escapes …) shown, not obeyed."""
    from reportdiff.core.printable import printable

    return printable(value)


def _add_remove(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "remove",
        help="remove a report from your library",
        description="Delete a report you added from your library. Asks for confirmation "
        "on a terminal; --yes skips the question (needed when not on a terminal). "
        "Bundled reports cannot be removed.",
    )
    p.add_argument("id", metavar="ID", help="id of a report you added (see `reportdiff list`)")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=_cmd_remove)


def _cmd_remove(args: argparse.Namespace) -> int:
    from reportdiff.core.storage.library import describe_entry, remove_report, shadows_bundled

    what = describe_entry(args.id)  # raises for an unknown or bundled id before asking
    if not args.yes:
        if not sys.stdin.isatty():
            raise ReportError(
                f"not removing {args.id!r} without confirmation: no terminal to ask on; "
                "pass --yes"
            )
        sys.stderr.write(f"remove {_printable(what)} from your library? [y/N] ")
        sys.stderr.flush()
        try:
            answer = sys.stdin.readline()
        except (EOFError, OSError):
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            sys.stderr.write("reportdiff: nothing removed\n")
            return 1
    shadowed = shadows_bundled(args.id)
    remove_report(args.id)
    note = f" (the bundled {args.id} is back in `reportdiff list`)" if shadowed else ""
    sys.stdout.write(f"removed {_printable(args.id)}{note}\n")
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

    from reportdiff.core.storage.samples import write_samples

    out = Path(args.out) if args.out else Path(__file__).resolve().parent / "sample_data"
    for path in write_samples(args.seeds_dir, out):
        print(path)
    return 0


def _build_parser() -> argparse.ArgumentParser:
    import argparse

    from reportdiff import cmd_library, cmd_search

    parser = argparse.ArgumentParser(
        prog="reportdiff",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reportdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_open(sub)
    cmd_library.add_parsers(sub)  # list, add
    _add_show(sub)
    _add_export(sub)
    _add_terms(sub)
    _add_remove(sub)
    _add_serve(sub)
    _add_build_samples(sub)
    cmd_search.add_parser(sub)
    from reportdiff import cmd_targets

    cmd_targets.add_parser(sub)
    from reportdiff.cmd_timeline import add_parser as add_timeline
    add_timeline(sub)
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
    from reportdiff.core.storage.resolve import resolve_report

    # Reading a file (a PDF above all) makes garbage: the collector is still on here.
    reports = [resolve_report(ref) for ref in args.reports]
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Without a terminal Textual would write escape codes into a pipe and wait forever.
        raise ReportError(
            "the reader needs a terminal; for a file use `reportdiff export "
            + " ".join(args.reports)
            + " -o comparison.md`",
            exit_code=2,
        )
    # No garbage collection while Textual loads: what it allocates lives as long as the
    # app, and repeated scans of it cost ~10 ms of start-up. The app turns collection back
    # on after its first frame (ReportDiffApp.run); this is for the way there.
    gc.disable()
    try:
        from reportdiff.tui.app import run_app

        return run_app(reports)
    finally:
        gc.enable()


def _add_serve(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="open reports in a web browser (the same reader, served by textual-serve)",
        description="Serve the reader on this machine: each browser tab that opens the "
        "address runs `reportdiff A B` in a terminal drawn in the page. Exports from it "
        "are downloads. Only loopback addresses (127.0.0.1, ::1, localhost) are served: "
        "the reader can open any file the server can read. Stop it with Ctrl+C. "
        "Needs textual-serve (pip install 'reportdiff[serve]').",
    )
    p.add_argument(
        "reports", nargs="+", metavar="REPORT", help="two or more report ids or file paths"
    )
    p.add_argument("--port", type=int, default=8000, help="TCP port (default: 8000)")
    p.add_argument(
        "--host", default="127.0.0.1", help="loopback address to listen on (default: 127.0.0.1)"
    )
    p.set_defaults(handler=_cmd_serve)


def _cmd_serve(args: argparse.Namespace) -> int:
    import ipaddress
    import shlex
    from pathlib import Path

    from reportdiff.core.storage.resolve import resolve_report

    try:
        loopback = args.host == "localhost" or ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ReportError(
            f"--host {args.host}: only loopback addresses are served (127.0.0.1, ::1)",
            exit_code=2,
        )
    if not 0 < args.port < 65536:
        raise ReportError(f"--port {args.port}: not a TCP port (1–65535)", exit_code=2)
    if len(args.reports) < 2:
        raise ReportError("serve needs at least two reports to compare", exit_code=2)
    refs = []
    for ref in args.reports:
        resolve_report(ref)  # an unknown id or unreadable file fails here, in one line
        # The app runs as a child of the server: give it paths that do not depend on a cwd.
        refs.append(str(Path(ref).resolve()) if Path(ref).exists() else ref)
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ReportError(
            "serving needs textual-serve: pip install 'reportdiff[serve]'"
        ) from None
    command = shlex.join([sys.executable, "-m", "reportdiff.tui.served", *refs])
    # The page's title is fixed: a path given on the command line is not for the page.
    server = Server(command, host=args.host, port=args.port, title="reportdiff")
    try:
        server.serve()
    except OSError as exc:  # the port is taken, the address is not this machine's
        raise ReportError(
            f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}"
        ) from None
    return 0




COMMANDS = (
    "open", "list", "show", "export", "terms", "add", "remove", "serve", "build-samples",
    "search",
    "targets",
    "timeline",
)


def _utf8_stdio() -> None:
    """Print UTF-8 where the locale cannot print Chinese at all.

    Under ``LC_ALL=POSIX PYTHONUTF8=0`` standard output is ASCII and every Chinese
    character would be a UnicodeEncodeError; UTF-8 is what a pipe or a modern terminal
    wants. An encoding that can print Chinese (GB18030 …) is kept.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding or not hasattr(stream, "reconfigure"):
            continue
        try:
            "中文，。".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _utf8_stdio()
    args_list = list(sys.argv[1:] if argv is None else argv)
    handler: Handler | None
    if args_list and not args_list[0].startswith("-") and args_list[0] not in COMMANDS:
        if not any(a.startswith("-") for a in args_list):
            # `reportdiff A B`, the reader's start-up path: nothing to parse but report
            # names, so no parser is built (argparse and the sub-commands cost ~5 ms).
            return _run(_cmd_open, SimpleNamespace(reports=args_list))
        args_list.insert(0, "open")
    parser = _build_parser()
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    return _run(handler, args)


def _run(handler: Handler, args: argparse.Namespace | SimpleNamespace) -> int:
    """Call a command's handler; errors the user can fix become one line on stderr."""
    try:
        return handler(args)  # type: ignore[arg-type]
    except ReportError as exc:
        # Messages quote file names and library errors (pypdf's "/\x00SCII85Decode"):
        # whatever they hold, the terminal gets it escaped, on one line.
        print(f"reportdiff: {_printable(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("reportdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
