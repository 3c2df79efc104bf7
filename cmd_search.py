"""``reportdiff search QUERY``: find text in every report of the library, through its index."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _, ngettext

if TYPE_CHECKING:
    import argparse

    from reportdiff.core.storage.search import Hit, SearchResult
    from reportdiff.tui.app import ReportDiffApp

#: The marks around a hit in the text output (brackets a report is unlikely to use).
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
JSON_SCHEMA = "reportdiff.search/1"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``search``."""
    from reportdiff.cmd_library import add_filter_options

    p = sub.add_parser(
        "search",
        help=_("find text in every report of your library and the bundled ones"),
        description=_(
            "Find QUERY, exactly as typed, in every report you can open (your library and "
            "the bundled samples), ordered by the year reviewed: per report the number of "
            "hits and the sentence around the first ones, the hit marked ⟦ ⟧. Two-character "
            "queries (农业) work like longer ones. --open opens the reader at the first hit."
        ),
    )
    p.add_argument("query", metavar="QUERY", help=_("the text to find (e.g. 农业, 新质生产力)"))
    add_filter_options(p)
    p.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help=_("show at most N reports (default: 50; 0: all)"),
    )
    p.add_argument(
        "--hits",
        type=int,
        default=3,
        metavar="K",
        help=_("sentences shown per report (default: 3)"),
    )
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "json"),
        default="text",
        help=_("output format (default: text; json: schema reportdiff.search/1)"),
    )
    p.add_argument("--open", action="store_true", help=_("open the reader at the first hit"))
    p.set_defaults(handler=_cmd_search)


def _cmd_search(args: argparse.Namespace) -> int:
    from reportdiff.cli import write_stdout
    from reportdiff.cmd_library import filters_from, say_region_match
    from reportdiff.core.storage.search import search_library

    query = args.query
    if not query.strip():
        raise ReportError(_("nothing to search for: give a word or phrase"), exit_code=2)
    if args.limit < 0 or args.hits < 0:
        raise ReportError(_("--limit and --hits need a whole number of 0 or more"), exit_code=2)
    filters = filters_from(args)
    say_region_match(filters)
    result = search_library(query, filters, limit=args.limit or None, per_report=args.hits)
    if args.open:
        return _open(result)
    write_stdout(to_json(result) if args.format == "json" else to_text(result))
    return 0 if result.matched else 1


@dataclass
class _Window:
    """A sentence as search shows it: where its text starts in the report (None when its
    offsets cannot be trusted), the text, its … at either end, and the hits in it."""

    start: int | None
    text: str
    lead: bool
    trail: bool
    marks: list[tuple[int, int]] = field(default_factory=list)
    """The hits, as offsets in the report (in ``text`` when ``start`` is None)."""

    @property
    def end(self) -> int:
        return (self.start or 0) + len(self.text)


def _marked_sentences(hits: Sequence[Hit], query: str) -> list[str]:
    """Each hit's sentence with the hit marked ⟦ ⟧; hits of one sentence (their windows
    into the text overlap) share one line, every hit in it marked, instead of the same
    sentence printed once per hit."""
    windows: list[_Window] = []
    for hit in hits:
        s = hit.sentence
        lead, trail = s.startswith("…"), len(s) > 1 and s.endswith("…")
        core = s[int(lead) : len(s) - int(trail)]
        start = hit.start - (hit.at - int(lead))
        if core[hit.start - start : hit.end - start] != query:
            # Offsets that do not read back the query (a … of the report's own): alone.
            mark = (hit.at, hit.at + hit.end - hit.start)
            windows.append(_Window(None, s, False, False, [mark]))
            continue
        last = windows[-1] if windows else None
        if last is not None and last.start is not None and last.start <= start <= last.end:
            overlap = last.end - start
            if core[:overlap] == last.text[start - last.start :]:
                if start + len(core) > last.end:
                    last.text += core[overlap:]
                    last.trail = trail
                last.marks.append((hit.start, hit.end))
                continue
        windows.append(_Window(start, core, lead, trail, [(hit.start, hit.end)]))
    out = []
    for w in windows:
        text, shift = w.text, w.start or 0
        for a, b in sorted(w.marks, reverse=True):
            text = (
                text[: a - shift]
                + MARK_OPEN
                + text[a - shift : b - shift]
                + MARK_CLOSE
                + text[b - shift :]
            )
        out.append(("…" if w.lead else "") + text + ("…" if w.trail else ""))
    return out


def to_text(result: SearchResult) -> str:
    """One header line per report, then its sentences, the hit marked; escapes shown."""
    from reportdiff.core.printable import printable

    lines = []
    for found in result.reports:
        m = found.report.meta
        hits = ngettext("{n} hit", "{n} hits", found.count).format(n=found.count)
        year = str(m.year or _("unknown"))
        lines.append("\t".join(printable(f) for f in (m.id, m.region, year, hits, m.title)))
        for marked in _marked_sentences(found.hits, result.query):
            # The report's own characters (an escape sequence, a tab) are shown, not obeyed.
            lines.append("  " + printable(marked))
    shown = len(result.reports)
    hits_said = ngettext("{n} hit", "{n} hits", result.total_hits).format(n=result.total_hits)
    summary = ngettext(
        "{hits} in {matched} report", "{hits} in {matched} reports", result.matched
    ).format(hits=hits_said, matched=result.matched)
    if shown < result.matched:
        summary += _(" ({shown} shown; --limit 0 shows all)").format(shown=shown)
    lines.append(summary)
    return "\n".join(lines) + "\n"


def to_json(result: SearchResult) -> str:
    """The result as JSON (schema reportdiff.search/1); offsets point into the cleaned text."""
    data = {
        "schema": JSON_SCHEMA,
        "query": result.query,
        "reports_matched": result.matched,
        "hits_total": result.total_hits,
        "reports": [
            {
                "id": f.report.meta.id,
                "region": f.report.meta.region,
                "level": f.report.meta.level,
                "year": f.report.meta.year,
                "delivered": f.report.meta.delivered,
                "title": f.report.meta.title,
                "origin": f.report.origin,
                "count": f.count,
                "hits": [
                    {"start": h.start, "end": h.end, "sentence": h.sentence, "at": h.at}
                    for h in f.hits
                ],
            }
            for f in result.reports
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def reader_at_first_hit(result: SearchResult) -> ReportDiffApp:
    """The reader on the first report found, scrolled to the query's first hit.

    Raises:
        ReportError: Nothing was found.
    """
    from reportdiff.core.storage.resolve import resolve_report
    from reportdiff.tui.app import ReportDiffApp

    if not result.reports:
        raise ReportError(_("not found: {query}").format(query=result.query))
    report = resolve_report(result.reports[0].report.meta.id)
    # One report: nothing to compare, so no analysis; the reader's own search finds and
    # marks the hits, and brings the first one on screen.
    return ReportDiffApp([report], analyse=False, search=result.query)


def _open(result: SearchResult) -> int:
    app = reader_at_first_hit(result)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise ReportError(
            _("the reader needs a terminal; without --open the hits are printed"), exit_code=2
        )
    code = app.run()
    return 0 if code is None else int(code)
