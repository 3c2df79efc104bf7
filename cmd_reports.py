"""``reportdiff show``, ``reportdiff remove`` and the maintainer's ``build-samples``: one
report's outline, one report out of the library, the bundled reports rebuilt."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from reportdiff.cli import _printable
from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _

if TYPE_CHECKING:
    import argparse


def add_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``show``."""
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


def add_remove(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``remove``."""
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


def add_build_samples(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``build-samples``."""
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
