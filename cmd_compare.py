"""``reportdiff export`` and ``reportdiff terms``: comparisons and series written out, no TUI."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from reportdiff.cli import _printable, write_file, write_stdout
from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _

if TYPE_CHECKING:
    import argparse


def add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``export``."""
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
    from reportdiff.core.output import resolve_output
    from reportdiff.core.storage.resolve import resolve_all

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
    # Reading, cleaning, comparing and rendering (see core/gcpause.py); the command ends
    # right after, so what it made is frozen, never walked by the collector.
    with paused_gc(to_exit=True):
        reports = resolve_all(args.reports, meanwhile=_load_tokenizer)
        text = render(compare(reports))
    from reportdiff.core.analysis.export import short_reports, time_order_notes

    for warning in [*short_reports(reports), *time_order_notes(reports)]:
        print("reportdiff: " + _("warning: ") + _printable(warning), file=sys.stderr)
    if to_stdout:
        write_stdout(text)
    else:
        write_file(args.output, text.encode("utf-8"), default_name=default_name)
    return 0


def add_terms(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``terms``."""
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
    from reportdiff.core.output import resolve_output
    from reportdiff.core.storage.resolve import resolve_all

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

    with paused_gc(to_exit=True):  # reading, cleaning and analysing: see core/gcpause.py
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
        write_file(args.output, data, default_name=default_name)
    return 0


def _load_tokenizer() -> None:
    """Load the word cutter (imported here: a warm export never needs it)."""
    from reportdiff.core.analysis.tokens import warm_up

    warm_up()
