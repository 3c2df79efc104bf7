"""Write a :class:`~reportdiff.core.analysis.timeline.Timeline` as Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

from reportdiff.core.analysis.export import csv_cell, md_escape
from reportdiff.core.analysis.timeline import Point, Timeline, TimelineRow
from reportdiff.core.i18n import _

__all__ = ["SCHEMA", "format_value", "timeline_csv", "timeline_json", "timeline_markdown"]

SCHEMA = "reportdiff.timeline/1"
"""The ``schema`` value of :func:`timeline_json`; bumped on any incompatible change."""


def format_value(point: Point) -> str:
    """A value in the timeline's unit, at most 4 decimals, a range as low–high.

    The unit is not appended (the table heading says it)."""
    low = f"{point.value:.4f}".rstrip("0").rstrip(".")
    if point.high is None:
        return low
    return low + "–" + f"{point.high:.4f}".rstrip("0").rstrip(".")


def _status(row: TimelineRow, role: str) -> str:
    """missing (the report says nothing), unclear (it gives two values), or no report."""
    if getattr(row, role) is not None:
        return "ok"
    if any(n.startswith(_(role)) for n in row.notes):
        return "unclear"
    by = row.reviewed_by if role == "result" else row.planned_by
    return "missing" if by is not None else "no report"


def _point_json(p: Point | None) -> dict[str, object] | None:
    if p is None:
        return None
    return {
        "value": p.value,
        "high": p.high,
        "text": p.text,
        "qualifiers": list(p.qualifiers),
        "indicator": p.indicator,
        "report": p.report,
        "span": [p.start, p.end],
        "sentence": p.sentence,
    }


def timeline_json(tl: Timeline) -> str:
    """The timeline as JSON (schema ``reportdiff.timeline/1``).

    Keys: ``schema``; ``indicator`` (the name matched), ``kind`` (level, growth or change),
    ``label``, ``unit`` (of every value); ``years``: one object per year from the first to the
    last with a value, each with ``year``, ``result`` and ``target`` (null, or ``value`` in
    ``unit`` and signed, ``high`` for a range's upper end or null, ``text`` as printed,
    ``qualifiers``, ``indicator`` as worded, ``report`` id, ``span`` [start, end] in that
    report's text, ``sentence``), ``result_status`` and ``target_status`` (ok, missing,
    unclear, no report), ``notes``; ``reports``: [{id, reviewed, delivered}] sorted by year
    reviewed (null when unknown); ``names`` (the wordings found) and ``notes``.
    """
    doc = {
        "schema": SCHEMA,
        "indicator": tl.indicator,
        "kind": tl.kind,
        "label": tl.label,
        "unit": tl.unit,
        "years": [
            {
                "year": r.year,
                "result": _point_json(r.result),
                "target": _point_json(r.target),
                "result_status": _status(r, "result"),
                "target_status": _status(r, "target"),
                "notes": list(r.notes),
            }
            for r in tl.rows
        ],
        "reports": [
            {"id": y.id, "reviewed": y.reviewed, "delivered": y.delivered} for y in tl.reports
        ],
        "names": list(tl.names),
        "notes": list(tl.notes),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


_CSV_HEAD = ("year", "role", "status", "value", "high", "unit", "text", "report", "start", "end",
             "sentence")  # fmt: skip


def timeline_csv(tl: Timeline) -> str:
    """Two rows per year (result, target): ``year, role, status, value, high, unit, text,
    report, start, end, sentence``. UTF-8 with a byte-order mark for Excel; cells a
    spreadsheet would run as a formula start with ``'``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(_CSV_HEAD)
    for row in tl.rows:
        for role in ("result", "target"):
            p: Point | None = getattr(row, role)
            cells: list[object] = [row.year, role, _status(row, role)]
            if p is None:
                cells += ["", "", tl.unit, "", "", "", "", "; ".join(row.notes)]
            else:
                cells += [
                    p.value, "" if p.high is None else p.high, tl.unit, p.text, p.report,
                    p.start, p.end, p.sentence,
                ]  # fmt: skip
            w.writerow([csv_cell(str(c)) for c in cells])
    return "\ufeff" + buf.getvalue()


def _cell(p: Point | None, status: str) -> str:
    if p is None:
        return {"missing": "—", "unclear": _("unclear"), "no report": ""}.get(status, "")
    quals = "".join(q for q in p.qualifiers if q in ("左右", "以上", "以内", "以下", "约", "超"))
    return f"{format_value(p)} ({md_escape(p.text)}{md_escape(quals)}, {md_escape(p.report)})"


def timeline_markdown(tl: Timeline) -> str:
    """A table: year, result, target (value in the unit, as printed, from which report),
    the reports' years and notes. — is a year whose report says nothing; an empty cell a
    year no report of the series speaks of."""
    out = [f"# {md_escape(tl.label)} ({md_escape(tl.unit)})", ""]
    if not tl.rows:
        out += [_("No report of the series gives a one-year result or target for it."), ""]
    else:
        out += [
            "| " + " | ".join((_("year"), _("result"), _("target"), _("notes"))) + " |",
            "|---|---|---|---|",
        ]
        for r in tl.rows:
            notes = "; ".join(md_escape(n) for n in r.notes)
            result = _cell(r.result, _status(r, "result"))
            target = _cell(r.target, _status(r, "target"))
            out.append(f"| {r.year} | {result} | {target} | {notes} |")
        out.append("")
    out.append(
        _(
            "Results come from the report reviewing the year, targets from the report "
            "delivered in it; — the report says nothing, an empty cell no report of the series."
        )
    )
    out.append("")
    if tl.names:
        out.append(_("Worded as: {names}").format(names="、".join(md_escape(n) for n in tl.names)))
        out.append("")
    out += [f"- {md_escape(n)}" for n in tl.notes]
    return "\n".join(out).rstrip() + "\n"
