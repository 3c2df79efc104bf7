"""The ``reportdiff targets A B`` sub-command: A's targets beside B's results for that year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportdiff.core.i18n import _

if TYPE_CHECKING:
    import argparse

__all__ = ["add_parser"]


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``targets`` to the sub-command parsers."""
    p = sub.add_parser(
        "targets",
        help=_("a year's targets beside what the next report says was achieved"),
        description=_(
            "Read the quantified targets PLAN sets for its coming year (growth 8%左右, new "
            "jobs 900万人, unemployment 4.6%以内 …) and, for each, the result REVIEW (the "
            "report a year later) gives for that year, with a status: met, missed, unclear "
            "or not reported. REVIEW must review the year PLAN sets targets for. Markdown, "
            "JSON (schema reportdiff.targets/1) or CSV; stdout unless -o."
        ),
    )
    p.add_argument("plan", metavar="PLAN", help=_("the report setting the targets (id or path)"))
    p.add_argument(
        "review", metavar="REVIEW", help=_("the next year's report, reviewing them (id or path)")
    )
    p.add_argument(
        "--format", "-f", choices=("md", "json", "csv"), default="md",
        help=_("output format (default: md)"),
    )  # fmt: skip
    p.add_argument(
        "-o", "--output", metavar="FILE",
        help=_("write to FILE instead of stdout (replaced atomically)"),
    )  # fmt: skip
    p.set_defaults(handler=_cmd_targets)


def _cmd_targets(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from reportdiff.cli import write_file, write_stdout
    from reportdiff.core.analysis.targets import targets_against_results
    from reportdiff.core.analysis.targets_export import (
        targets_csv,
        targets_json,
        targets_markdown,
    )
    from reportdiff.core.output import resolve_output
    from reportdiff.core.printable import clean_field, printable
    from reportdiff.core.storage.resolve import resolve_report

    to_stdout = args.output is None or args.output == "-"
    stems = [clean_field(Path(r).stem) for r in (args.plan, args.review)]
    default_name = f"targets-{stems[0]}-{stems[1]}.{args.format}"
    if not to_stdout:
        resolve_output(args.output, default_name)  # refuse a bad path before the work
    plan, review = resolve_report(args.plan), resolve_report(args.review)
    result = targets_against_results(plan, review)
    for warning in result.warnings:
        print(_("reportdiff: warning: {w}").format(w=printable(warning)), file=sys.stderr)
    render = {"md": targets_markdown, "json": targets_json, "csv": targets_csv}[args.format]
    text = render(result)
    if to_stdout:
        write_stdout(text)
    else:
        write_file(args.output, text.encode("utf-8"), default_name=default_name)
    return 0
