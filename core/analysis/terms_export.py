"""Write a :class:`~reportdiff.core.analysis.terms.TermSeries` as Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import re

# The comparison export's escaping, shared so that report text is inert the same way.
from reportdiff.core.analysis.export import csv_cell, md_escape
from reportdiff.core.analysis.terms import FIRST_NOTE, PER, SHORT_NOTE, TermCount, TermSeries
from reportdiff.core.i18n import _

__all__ = ["SCHEMA", "terms_csv", "terms_json", "terms_markdown"]

SCHEMA = "reportdiff.terms/1"
"""The ``schema`` value of :func:`terms_json`; bumped on any incompatible change."""


def terms_json(series: TermSeries) -> str:
    """The series as JSON (schema ``reportdiff.terms/1``).

    Keys: ``schema``; ``reports`` (ids in the order given); ``new`` and ``faded``
    ({id: [{term, count}, …]}, best first); ``frequency`` ({term: {id: rate per 10,000
    Han characters}}) for every listed or asked-for term; besides them ``faded_window``,
    ``lengths`` ({id: Han characters}) and ``notes`` ({id: [warning, …]}).
    """
    doc = {
        "schema": SCHEMA,
        "reports": list(series.reports),
        "new": {k: [_item(t) for t in series.new.get(k, ())] for k in series.reports},
        "faded": {k: [_item(t) for t in series.faded.get(k, ())] for k in series.reports},
        "frequency": series.frequency,
        "faded_window": series.faded_window,
        "per": PER,
        "lengths": series.lengths,
        "notes": {k: list(v) for k, v in series.notes.items() if v},
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _item(tc: TermCount) -> dict[str, object]:
    return {"term": tc.term, "count": tc.count}


def terms_csv(series: TermSeries) -> str:
    """One row per listed term and report: ``kind, report, rank, term, count, rate``.

    ``kind`` is ``new``, ``faded`` or ``series`` (an asked-for term's rate in each report);
    ``rate`` is per 10,000 Han characters of that report (for ``faded``: of the report
    before, where the term was last used). UTF-8 with a byte-order mark for Excel.
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    # Column headers in the interface language; the values (new, faded, series) are codes.
    w.writerow([_("kind"), _("report"), _("rank"), _("term"), _("count"), _("rate")])
    keys = series.reports
    for kind, group in (("new", series.new), ("faded", series.faded)):
        for i, key in enumerate(keys):
            at = keys[i - 1] if kind == "faded" and i else key
            for rank, tc in enumerate(group.get(key, ()), 1):
                rate = series.frequency.get(tc.term, {}).get(at, 0.0)
                w.writerow([kind, csv_cell(key), rank, csv_cell(tc.term), tc.count, rate])
    for term in series.asked:
        for key in keys:
            rate = series.frequency[term][key]
            count = series.counts.get(term, {}).get(key, 0)
            w.writerow(["series", csv_cell(key), "", csv_cell(term), count, rate])
    return "\ufeff" + buf.getvalue()


def terms_markdown(series: TermSeries) -> str:
    """The series for reading: asked-for terms' rates, or per report its new and faded terms."""
    keys = series.reports
    lines = ["# " + _("Terms over {count} reports").format(count=len(keys)), ""]
    lines.append(
        _(
            "Reports in the order given: {reports}. Rates are per {per} Han characters of a "
            "report's distinct paragraphs."
        ).format(
            reports=_(", ").join(
                _("{report} ({count} Han characters)").format(
                    report=md_escape(k), count=f"{series.lengths[k]:,}"
                )
                for k in keys
            ),
            per=f"{PER:,}",
        )
    )
    lines.append("")
    if series.asked:
        lines += _series_table(series)
        for key in keys:
            lines += [
                f"- {md_escape(key)}: {md_escape(_note_text(n))}"
                for n in series.notes.get(key, ())
                if n != FIRST_NOTE
            ]
        return "\n".join(lines).rstrip("\n") + "\n"
    lines.append(
        _(
            "A term is new when no earlier report of the series contains it (best first: "
            "quoted formulations and coined compounds before one-off wordings); it fades when "
            "each of the previous {window} reports used it and this one does not."
        ).format(window=series.faded_window)
    )
    lines.append("")
    for i, key in enumerate(keys):
        lines += [f"## {md_escape(key)}", ""]
        notes = series.notes.get(key, ())
        lines += [
            "> " + _("Note: {note}").format(note=md_escape(_note_text(note))) for note in notes
        ]
        if notes:
            lines.append("")
        new = series.new.get(key, ())
        faded = series.faded.get(key, ())
        if new:
            lines.append(
                _("New: {terms}").format(
                    terms="、".join(f"{md_escape(t.term)} ({t.count})" for t in new)
                )
            )
            lines.append("")
        if faded:
            lines.append(
                _("Faded (count in {report}): {terms}").format(
                    report=md_escape(keys[i - 1]),
                    terms="、".join(f"{md_escape(t.term)} ({t.count})" for t in faded),
                )
            )
            lines.append("")
        if not (new or faded or notes):
            lines += [_("Nothing new or faded."), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


_SHORT_NOTE = re.compile(
    re.escape(SHORT_NOTE)
    .replace(re.escape("{length}"), "(?P<length>[0-9,]+)")
    .replace(re.escape("{median}"), "(?P<median>[0-9,]+)")
)


def _note_text(note: str) -> str:
    """A note of the series (English, as the JSON keeps it) in the interface language."""
    short = _SHORT_NOTE.fullmatch(note)
    if short:
        return _(SHORT_NOTE).format(**short.groupdict())
    return _(note)


def _series_table(series: TermSeries) -> list[str]:
    keys = series.reports
    out = ["| " + _("term") + " | " + " | ".join(md_escape(k) for k in keys) + " |"]
    out.append("|---|" + "---:|" * len(keys))
    for term in series.asked:
        rates = series.frequency[term]
        counts = series.counts.get(term, {})
        cells = [f"{rates[k]:g} ({counts.get(k, 0)})" for k in keys]
        out.append(f"| {md_escape(term)} | " + " | ".join(cells) + " |")
    out += ["", _("Each cell: rate per 10,000 Han characters (count)."), ""]
    return out
