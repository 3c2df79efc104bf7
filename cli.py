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
from reportdiff.core.i18n import LANGUAGES, N_, _, set_language

if TYPE_CHECKING:
    # argparse is imported where a parser is built: `reportdiff A B` needs none.
    import argparse
    from collections.abc import Callable, Sequence

    from reportdiff.core.model import Report

    Handler = Callable[[argparse.Namespace], int]

UNKNOWN = N_("unknown")
"""Shown for metadata the text does not give (region, years, title)."""

ORIGINS = (N_("bundled"), N_("user"), N_("user (replaces bundled)"), N_("damaged"))
"""Where a listed report comes from (core's values), translated with ``_()`` when shown."""


DESCRIPTION = N_("""\
Read and compare long Chinese government reports.

  reportdiff yangpu-2022 yangpu-2023     open two reports side by side
  reportdiff list                        list the reports you can open
  reportdiff show yangpu-2022            print a report's metadata and outline

A report is an id from `reportdiff list` or a path to a file.""")


def _add_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "show",
        help=_("print a report's metadata and outline"),
        description=_(
            "Print a report's metadata and its outline (parts, sections, lead "
            "phrases, highlight lists, appendices) so a person can check the parse."
        ),
    )
    p.add_argument("report", help=_("report id (see `reportdiff list`) or path to a file"))
    p.add_argument(
        "--text",
        action="store_true",
        help=_("print the cleaned text instead (the text every span and offset points into)"),
    )
    p.add_argument(
        "--encoding", help=_("force the encoding of a text file (utf-8, gb18030, big5 …)")
    )
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
        help=_("compare reports and write the result as Markdown, JSON, CSV or HTML"),
        description=_(
            "Compare two or more reports without the TUI: aligned sections, number "
            "changes and shared phrases as Markdown (for reading), JSON (schema "
            "reportdiff.comparison/1), CSV (the numbers table, UTF-8 with BOM for Excel) or "
            "HTML (one self-contained page: the aligned text side by side, changes marked). "
            "Writes to stdout unless -o is given; -o replaces FILE atomically."
        ),
    )
    p.add_argument(
        "reports", nargs="+", metavar="REPORT", help=_("two or more report ids or file paths")
    )
    p.add_argument(
        "--format",
        "-f",
        choices=("md", "json", "csv", "html"),
        default="md",
        help=_("output format (default: md)"),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_(
            "write to FILE instead of stdout: a file is replaced atomically, a link's target "
            "is replaced, a FIFO or device is written in place, a directory gets the default "
            "name"
        ),
    )
    p.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reportdiff.core.analysis.compare import compare
    from reportdiff.core.analysis.export import to_csv, to_json, to_markdown
    from reportdiff.core.gcpause import paused_gc
    from reportdiff.core.output import resolve_output, write_output

    if len(args.reports) < 2:
        raise ReportError(
            _(
                "export needs at least two reports, e.g. "
                "`reportdiff export yangpu-2022 yangpu-2023`"
            ),
            exit_code=2,
        )
    to_stdout = args.output is None or args.output == "-"
    from reportdiff.core.printable import clean_field

    # A default name made of file names holds no escape sequence (it is printed, listed).
    default_name = "-vs-".join(clean_field(Path(r).stem) for r in args.reports)
    default_name += f".{args.format}"
    if not to_stdout:
        resolve_output(args.output, default_name)  # refuse a bad path before the work
    if args.format == "html":
        from reportdiff.core.analysis.export_html import to_html

        render = to_html
    else:
        render = {"md": to_markdown, "json": to_json, "csv": to_csv}[args.format]
    with paused_gc():  # reading, cleaning, comparing and rendering: see core/gcpause.py
        reports = resolve_all(args.reports, meanwhile=_load_tokenizer)
        text = render(compare(reports))
    from reportdiff.core.analysis.export import short_reports

    for warning in short_reports(reports):
        print("reportdiff: " + _("warning: ") + _printable(warning), file=sys.stderr)
    if to_stdout:
        write_stdout(text)
    else:
        write_output(args.output, text.encode("utf-8"), default_name=default_name)
    return 0


def _add_terms(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "terms",
        help=_("new and faded terms over a series of reports"),
        description=_(
            "Read a series of reports in the order given and list, for each, the "
            "terms no earlier report used (new: coined compounds and quoted formulations "
            "first) and the terms the previous reports all used and it drops (faded), with "
            "each term's rate per 10,000 Han characters in every report. --term T gives only "
            "T's series. Markdown, JSON (schema reportdiff.terms/1) or CSV; stdout unless -o. "
            "PNG or SVG (with -o): a word cloud of the new terms, or with --term a chart of the "
            "terms' rates."
        ),
    )
    p.add_argument(
        "reports", nargs="+", metavar="REPORT", help=_("report ids or file paths, oldest first")
    )
    p.add_argument(
        "--format",
        "-f",
        choices=("md", "json", "csv", "png", "svg"),
        default="md",
        help=_("output format (default: md)"),
    )
    p.add_argument(
        "--term",
        "-t",
        action="append",
        default=[],
        metavar="T",
        help=_("give this term's series instead of the lists (repeatable)"),
    )
    p.add_argument(
        "--top",
        type=int,
        default=50,
        metavar="N",
        help=_("terms listed per report (default: 50)"),
    )
    p.add_argument(
        "--faded-after",
        type=int,
        default=3,
        metavar="K",
        help=_("a term fades when the previous K reports all used it (default: 3)"),
    )
    p.add_argument(
        "--names",
        action="store_true",
        help=_("list people's names among new terms too (周恩来同志); left out by default"),
    )
    p.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE instead of stdout"))
    p.set_defaults(handler=_cmd_terms)


def _cmd_terms(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reportdiff.core.analysis.terms import analyse_terms, term_series
    from reportdiff.core.analysis.terms_export import terms_csv, terms_json, terms_markdown
    from reportdiff.core.gcpause import paused_gc
    from reportdiff.core.output import resolve_output, write_output

    if args.top < 1 or args.faded_after < 1:
        raise ReportError(
            _("--top and --faded-after need a whole number of at least 1"), exit_code=2
        )
    if not args.term and len(args.reports) < 2:
        raise ReportError(
            _(
                "terms needs a series of at least two reports, e.g. "
                "`reportdiff terms yangpu-2022 yangpu-2023` (or --term T for one term's series)"
            ),
            exit_code=2,
        )
    to_stdout = args.output is None or args.output == "-"
    stems = [Path(r).stem for r in args.reports]
    default_name = f"terms-{stems[0]}-{stems[-1]}.{args.format}"
    if not to_stdout:
        resolve_output(args.output, default_name)  # refuse a bad path before the work
    from reportdiff.core.analysis.termcands import tokenizer_loaded

    with paused_gc():  # reading, cleaning and analysing: see core/gcpause.py
        # Word cutting and tagging (0.45 s to load) while workers read: the candidates'
        # workers, forked later, then start with them loaded.
        reports = resolve_all(args.reports, meanwhile=None if args.term else tokenizer_loaded)
        if args.term:
            series = term_series(reports, args.term)
        else:
            series = analyse_terms(
                reports, top=args.top, faded_window=args.faded_after, names=args.names
            )
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


def resolve_all(refs: list[str], *, meanwhile: Callable[[], object] | None = None) -> list[Report]:
    """Every report named, read in worker processes where there are several files
    (reading and cleaning a web page costs more than comparing it: core/parallel.py).

    The same reports in the same order, and the same error for the first bad one, as
    reading them one by one. ``meanwhile`` is done while workers read (if any started:
    files not in the cache, so the analysis after will need it).
    """
    from pathlib import Path

    from reportdiff.core.storage.resolve import resolve_report

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


def _load_tokenizer() -> None:
    """Load the word cutter (imported here: a warm export never needs it)."""
    from reportdiff.core.analysis.tokens import warm_up

    warm_up()


def write_stdout(text: str) -> None:
    """Print ``text`` to standard output; a failed or short write is a one-line error."""
    if sys.stdout is None:
        raise ReportError(_("standard output is closed"))
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ReportError(
            _("cannot write to standard output: {reason}").format(reason=reason)
        ) from None


MIN_YEAR, MAX_YEAR = 1949, 2100
"""Years a report may review (the first government work report reviewed 1949–1954)."""


def _year(text: str) -> int:
    """``--year``: a year from MIN_YEAR to MAX_YEAR (argparse prints the error)."""
    import argparse

    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a year: {text}").format(text=_printable(text))
        ) from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(
            _("{year} is not a year from {min} to {max}").format(
                year=year, min=MIN_YEAR, max=MAX_YEAR
            )
        )
    return year


def _printable(value: object) -> str:
    """A field for the terminal: control characters (ANSI escapes …) shown, not obeyed."""
    from reportdiff.core.printable import printable

    return printable(value)


def _add_remove(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "remove",
        help=_("remove a report from your library"),
        description=_(
            "Delete a report you added from your library. Asks for confirmation "
            "on a terminal; --yes skips the question (needed when not on a terminal). "
            "Bundled reports cannot be removed."
        ),
    )
    p.add_argument("id", metavar="ID", help=_("id of a report you added (see `reportdiff list`)"))
    p.add_argument("-y", "--yes", action="store_true", help=_("do not ask for confirmation"))
    p.set_defaults(handler=_cmd_remove)


def _cmd_remove(args: argparse.Namespace) -> int:
    from reportdiff.core.storage.library import describe_entry, remove_report, shadows_bundled

    what = describe_entry(args.id)  # raises for an unknown or bundled id before asking
    if not args.yes:
        if not sys.stdin.isatty():
            raise ReportError(
                _(
                    "not removing {id} without confirmation: no terminal to ask on; pass --yes"
                ).format(id=repr(args.id))
            )
        sys.stderr.write(_("remove {what} from your library? [y/N] ").format(what=_printable(what)))
        sys.stderr.flush()
        try:
            answer = sys.stdin.readline()
        except (EOFError, OSError):
            answer = ""
        if answer.strip().lower() not in ("y", "yes", "是"):
            sys.stderr.write("reportdiff: " + _("nothing removed") + "\n")
            return 1
    shadowed = shadows_bundled(args.id)
    remove_report(args.id)
    id_ = _printable(args.id)
    if shadowed:
        line = _("removed {id} (the bundled {id} is back in `reportdiff list`)").format(id=id_)
    else:
        line = _("removed {id}").format(id=id_)
    sys.stdout.write(line + "\n")
    return 0


def _add_build_samples(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    # Maintainer command: no help= so it stays out of the command list users see.
    p = sub.add_parser(
        "build-samples",
        description=_(
            "Rebuild sample_data/ (the bundled reports and index.json) from the "
            "seed documents with the project's own cleaner, splitter and metadata inference."
        ),
    )
    p.add_argument(
        "seeds_dir", metavar="SEEDS_DIR", help=_("directory holding the seed *.txt files")
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        default=None,
        help=_("where to write (default: the package's sample_data/ directory)"),
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
    from reportdiff.core.argparse_messages import localize_metavars
    from reportdiff.core.i18n import install_argparse

    install_argparse()  # "usage:", "options", argparse's errors in the interface language
    parser = argparse.ArgumentParser(
        prog="reportdiff",
        description=_(DESCRIPTION),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"reportdiff {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        metavar="{zh,en}",
        help=_(
            'interface language: zh (简体中文) or en; default: config.json\'s "language", '
            "then LANGUAGE, LC_ALL, LC_MESSAGES, LANG"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))
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
    localize_metavars(parser)  # -o 文件 in Chinese
    return parser


def _add_open(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "open",
        help=_("open reports side by side in the TUI (the default command)"),
        description=_(
            "Open two or more reports side by side. `reportdiff A B` is short "
            "for `reportdiff open A B`."
        ),
    )
    p.add_argument("reports", nargs="+", help=_("report ids or file paths"))
    p.set_defaults(handler=_cmd_open)


def _cmd_open(args: argparse.Namespace) -> int:
    from reportdiff.core.storage.resolve import resolve_report

    # Reading a file (a PDF above all) makes garbage: the collector is still on here.
    reports = [resolve_report(ref) for ref in args.reports]
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Without a terminal Textual would write escape codes into a pipe and wait forever.
        raise ReportError(
            _("the reader needs a terminal; for a file use `{command}`").format(
                command="reportdiff export " + " ".join(args.reports) + " -o comparison.md"
            ),
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
        help=_("open reports in a web browser (the same reader, served by textual-serve)"),
        description=_(
            "Serve the reader on this machine: each browser tab that opens the "
            "address runs `reportdiff A B` in a terminal drawn in the page. Exports from it "
            "are downloads. Only loopback addresses (127.0.0.1, ::1, localhost) are served: "
            "the reader can open any file the server can read. Stop it with Ctrl+C. "
            "Needs textual-serve (pip install 'reportdiff[serve]')."
        ),
    )
    p.add_argument(
        "reports", nargs="+", metavar="REPORT", help=_("two or more report ids or file paths")
    )
    p.add_argument("--port", type=int, default=8000, help=_("TCP port (default: 8000)"))
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help=_("loopback address to listen on (default: 127.0.0.1)"),
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
            _("--host {host}: only loopback addresses are served (127.0.0.1, ::1)").format(
                host=args.host
            ),
            exit_code=2,
        )
    if not 0 < args.port < 65536:
        raise ReportError(
            _("--port {port}: not a TCP port (1–65535)").format(port=args.port), exit_code=2
        )
    if len(args.reports) < 2:
        raise ReportError(_("serve needs at least two reports to compare"), exit_code=2)
    refs = []
    for ref in args.reports:
        resolve_report(ref)  # an unknown id or unreadable file fails here, in one line
        # The app runs as a child of the server: give it paths that do not depend on a cwd.
        refs.append(str(Path(ref).resolve()) if Path(ref).exists() else ref)
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ReportError(
            _("serving needs textual-serve: pip install 'reportdiff[serve]'")
        ) from None
    from reportdiff.core.i18n import current_language

    # The reader in each browser speaks the language this command was given or chose.
    lang = ["--lang", current_language()]
    command = shlex.join([sys.executable, "-m", "reportdiff.tui.served", *lang, *refs])
    # The page's title is fixed: a path given on the command line is not for the page.
    server = Server(command, host=args.host, port=args.port, title="reportdiff")
    try:
        server.serve()
    except OSError as exc:  # the port is taken, the address is not this machine's
        raise ReportError(
            _("cannot serve on {host}:{port}: {reason}").format(
                host=args.host, port=args.port, reason=exc.strerror or exc
            )
        ) from None
    return 0


COMMANDS = (
    "open",
    "list",
    "show",
    "export",
    "terms",
    "add",
    "remove",
    "serve",
    "build-samples",
    "search",
    "targets",
    "timeline",
)
"""Commands, the same in every language."""


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
    try:
        # Before any parser or message is made: help text is built in the chosen language.
        args_list, lang = _take_lang(args_list)
    except ReportError as exc:
        print(f"reportdiff: {_printable(exc)}", file=sys.stderr)
        return exc.exit_code
    set_language(lang)
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


def _take_lang(args: list[str]) -> tuple[list[str], str | None]:
    """Remove ``--lang X`` / ``--lang=X`` from the arguments (anywhere before ``--``).

    Read before argparse so its help and errors come out in that language, and taken out
    so ``reportdiff --lang zh A B`` keeps the reader's parser-free start-up path.
    """
    rest: list[str] = []
    lang: str | None = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--lang" or arg.startswith("--lang="):
            if arg == "--lang":
                if i + 1 >= len(args):
                    raise ReportError(_("--lang needs a language: zh or en"), exit_code=2)
                value = args[i + 1]
                i += 2
            else:
                value = arg.split("=", 1)[1]
                i += 1
            if value not in LANGUAGES:
                raise ReportError(
                    _("--lang {value}: not an interface language (zh or en)").format(
                        value=_printable(value)
                    ),
                    exit_code=2,
                )
            lang = value
            continue
        rest.append(arg)
        i += 1
    return rest, lang


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
        print("reportdiff: " + _("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
