"""The ``reportdiff`` command line: a thin layer over :mod:`reportdiff.core`.

``reportdiff A B [C …]`` opens the TUI; the sub-commands (``list``, ``show``, ``export``,
``add``, ``remove``) work without it. Textual is imported only by the command that needs it,
so ``reportdiff --help`` starts fast. Errors the user can fix are one line on stderr and a
non-zero exit, never a traceback.

This module parses and prints; the commands live in ``cmd_*.py`` beside it (the reader in
cmd_reader, export and terms in cmd_compare, show/remove in cmd_reports, list/add in
cmd_library, search, targets and timeline in their own).
"""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from reportdiff import __version__
from reportdiff.core.errors import CANNOT_WRITE, ReportError
from reportdiff.core.i18n import LANGUAGES, N_, _, set_language

if TYPE_CHECKING:
    # argparse is imported where a parser is built: `reportdiff A B` needs none.
    import argparse
    from collections.abc import Callable, Sequence

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


def write_stdout(text: str) -> None:
    """Print ``text`` to standard output; a failed or short write is a one-line error."""
    if sys.stdout is None:
        raise ReportError(_("standard output is closed"), exit_code=CANNOT_WRITE)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ReportError(
            _("cannot write to standard output: {reason}").format(reason=reason),
            exit_code=CANNOT_WRITE,
        ) from None


def write_file(target: str, data: bytes, *, default_name: str) -> None:
    """Write ``-o target`` (core/output.py's contract); say where when it names a folder.

    Given a folder, the file gets ``default_name`` inside it: one line on stderr names the
    file written, since the user did not.
    """
    import os
    from pathlib import Path

    from reportdiff.core.output import write_output

    into_folder = target.endswith(("/", os.sep)) or Path(target).is_dir()
    path = write_output(target, data, default_name=default_name)
    if into_folder:
        print("reportdiff: " + _("wrote {path}").format(path=_printable(path)), file=sys.stderr)


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


def _build_parser() -> argparse.ArgumentParser:
    import argparse

    from reportdiff import cmd_compare, cmd_library, cmd_reader, cmd_reports, cmd_search
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
    cmd_reader.add_open(sub)
    cmd_library.add_parsers(sub)  # list, add
    cmd_reports.add_show(sub)
    cmd_compare.add_export(sub)
    cmd_compare.add_terms(sub)
    cmd_reports.add_remove(sub)
    cmd_reader.add_serve(sub)
    cmd_reports.add_build_samples(sub)
    cmd_search.add_parser(sub)
    from reportdiff import cmd_targets

    cmd_targets.add_parser(sub)
    from reportdiff.cmd_timeline import add_parser as add_timeline

    add_timeline(sub)
    localize_metavars(parser)  # -o 文件 in Chinese
    return parser


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
            from reportdiff.cmd_reader import cmd_open

            return _run(cmd_open, SimpleNamespace(reports=args_list))
        args_list.insert(0, "open")
    # Before any engine module compiles its patterns: the same compiled patterns, built
    # with less work (core/fastre.py). Not on the reader's path above: its process
    # compiles Textual's patterns, not the engine's (its analysis process installs it).
    from reportdiff.core.fastre import speed_up

    speed_up()
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
