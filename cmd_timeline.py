"""``reportdiff timeline``: an indicator's results and targets, year by year, over reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _

if TYPE_CHECKING:
    import argparse

    from reportdiff.core.analysis.terms import TermSeries

FORMATS = ("md", "json", "csv", "svg", "png")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``timeline`` sub-command to ``sub``."""
    p = sub.add_parser(
        "timeline",
        help=_("an indicator's results and targets per year over a series of reports"),
        description=_(
            "Read a series of reports (any order: they are sorted by the year they review) and "
            "give, per year, an indicator's result (from the report reviewing the year, a "
            "one-year figure) and target (from the report delivered in the year), in one unit, "
            "each with the text as printed and the report it comes from. The name is fuzzy; "
            "国内生产总值 is the level, 国内生产总值增长 its growth rate, 国内生产总值增加 its "
            "change in amount. Markdown with a text plot, JSON (schema reportdiff.timeline/1), "
            "CSV, or a chart as SVG or PNG; stdout unless -o (images need -o)."
        ),
    )
    p.add_argument("reports", nargs="+", metavar="REPORT", help=_("report ids or file paths"))
    p.add_argument(
        "--indicator", "-i", required=True, metavar="NAME",
        help=_("the indicator's name, e.g. 国内生产总值增长 or 粮食产量"),
    )  # fmt: skip
    p.add_argument(
        "--format", "-f", choices=FORMATS, default="md", help=_("output format (default: md)")
    )
    p.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE instead of stdout"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Build the timeline and write it in the format asked for."""
    from pathlib import Path

    from reportdiff.cli import write_file, write_stdout
    from reportdiff.core.output import resolve_output
    from reportdiff.core.printable import clean_field
    from reportdiff.core.storage.resolve import resolve_report

    to_stdout = args.output is None or args.output == "-"
    if to_stdout and args.format in ("svg", "png"):
        raise ReportError(
            _("a {fmt} chart needs a file: add -o FILE").format(fmt=args.format), exit_code=2
        )
    stem = clean_field(Path(args.reports[0]).stem) + "-" + clean_field(Path(args.reports[-1]).stem)
    default_name = f"timeline-{stem}.{args.format}"
    if not to_stdout:
        resolve_output(args.output, default_name)  # refuse a bad path before the work
    if args.format in ("svg", "png"):
        from reportdiff.charts import han_font

        han_font()  # no font: say so before the work
    reports = [resolve_report(ref) for ref in args.reports]
    data = render(reports, args.indicator, args.format)
    if to_stdout:
        write_stdout(data.decode("utf-8"))
    else:
        write_file(args.output, data, default_name=default_name)
    return 0


def render(reports: list, indicator: str, fmt: str) -> bytes:  # type: ignore[type-arg]
    """The timeline of ``indicator`` over ``reports`` as the bytes of a ``fmt`` file."""
    from reportdiff.core.analysis.timeline import build_timeline
    from reportdiff.core.analysis.timeline_export import (
        timeline_csv,
        timeline_json,
        timeline_markdown,
    )

    tl = build_timeline(reports, indicator)
    if fmt in ("svg", "png"):
        from reportdiff.charts import chart_image, timeline_chart

        return chart_image(timeline_chart(tl), fmt)
    if fmt == "md":
        text = timeline_markdown(tl)
        if tl.rows:
            from reportdiff.charts import text_plot, timeline_chart

            text += "\n```text\n" + text_plot(timeline_chart(tl)) + "```\n"
        return text.encode("utf-8")
    return {"json": timeline_json, "csv": timeline_csv}[fmt](tl).encode("utf-8")


def terms_image(series: TermSeries, terms: list[str], fmt: str, *, to_stdout: bool) -> bytes:
    """``reportdiff terms --format png|svg``: a word cloud of the new terms, or with --term a
    chart of the terms' rates per 10,000 characters."""
    from reportdiff.charts import chart_image, new_terms_weights, term_chart, word_cloud

    if to_stdout:
        raise ReportError(_("a {fmt} image needs a file: add -o FILE").format(fmt=fmt), exit_code=2)
    if terms:
        return chart_image(term_chart(series, terms), fmt)
    return word_cloud(new_terms_weights(series), fmt)
