"""Write a :class:`~reportdiff.core.analysis.targets.TargetsResult` as Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

# The comparison export's escaping, shared so that report text is inert the same way.
from reportdiff.core.analysis.export import csv_cell, md_escape
from reportdiff.core.analysis.target_rules import indicator_label, indicator_name
from reportdiff.core.analysis.targets import (
    PERCENT_TOLERANCE,
    RELATIVE_TOLERANCE,
    TargetRow,
    TargetsResult,
)
from reportdiff.core.i18n import _
from reportdiff.core.model import Span

__all__ = ["SCHEMA", "targets_csv", "targets_json", "targets_markdown"]

SCHEMA = "reportdiff.targets/1"
"""The ``schema`` value of :func:`targets_json`; bumped on any incompatible change."""


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def targets_json(result: TargetsResult) -> str:
    """The rows as JSON (schema ``reportdiff.targets/1``).

    Keys: ``schema``, ``plan`` and ``review`` (report ids), ``rows``: per target
    ``indicator`` (a kind such as gdp, or the target's words), ``words`` (the target's own
    indicator words), ``target`` ({``text`` as printed, ``span`` [start, end] into the plan's
    text, ``sentence``}), ``result`` (the same into the review's text, or null when not
    reported), ``status`` (met, missed, unclear, not reported) and ``reason``; besides
    them ``plan_year`` and ``warnings``.
    """
    doc = {
        "schema": SCHEMA,
        "plan": result.plan.meta.id,
        "review": result.review.meta.id,
        "plan_year": result.plan_year,
        "warnings": list(result.warnings),
        "rows": [_row(r) for r in result.rows],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _row(row: TargetRow) -> dict[str, object]:
    found = None
    if row.result_span is not None:
        found = {
            "text": row.result_text,
            "span": _span(row.result_span),
            "sentence": row.result_sentence,
        }
    return {
        "indicator": row.indicator,
        "words": row.words,
        "target": {
            "text": row.target_text,
            "span": _span(row.target_span),
            "sentence": row.target_sentence,
        },
        "result": found,
        "status": row.status,
        "reason": row.reason,
    }


def targets_csv(result: TargetsResult) -> str:
    """One row per target: ``indicator, words, target, target_start, target_end, result,
    result_start, result_end, status, reason, target_sentence, result_sentence``.

    UTF-8 with a byte-order mark for Excel; a cell a spreadsheet would run as a formula
    starts with ``'``.
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([
        "indicator", "words", "target", "target_start", "target_end", "result", "result_start",
        "result_end", "status", "reason", "target_sentence", "result_sentence",
    ])  # fmt: skip
    for row in result.rows:
        t = row.target_span
        r = row.result_span
        w.writerow([
            csv_cell(row.indicator), csv_cell(row.words), csv_cell(row.target_text), t.start if t else "",
            t.end if t else "", csv_cell(row.result_text), r.start if r else "",
            r.end if r else "", row.status, row.reason, csv_cell(row.target_sentence),
            csv_cell(row.result_sentence),
        ])  # fmt: skip
    return "\ufeff" + buf.getvalue()


def targets_markdown(result: TargetsResult) -> str:
    """The rows for reading: a table of indicator, target, result and status."""
    plan, review = md_escape(result.plan.meta.id), md_escape(result.review.meta.id)
    lines = [_("# Targets of {plan} against results in {review}").format(plan=plan, review=review)]
    lines.append("")
    for warning in result.warnings:
        lines += [_("> Warning: {w}").format(w=md_escape(warning)), ""]
    year = result.plan_year if result.plan_year is not None else _("unknown")
    lines.append(
        _(
            "Targets set for {year}. 以上 is a floor, 以内/以下/控制在 a ceiling, 左右 a band "
            "of {pp} percentage point for a rate and {rel:.0%} for a level; outside it, and "
            "for a bare figure, the indicator's direction decides (growth and jobs to reach, "
            "prices, unemployment and deficits to stay under)."
        ).format(year=year, pp=PERCENT_TOLERANCE, rel=RELATIVE_TOLERANCE)
    )
    lines.append("")
    if not result.rows:
        lines += [_("No quantified target found in the plan."), ""]
        return "\n".join(lines).rstrip("\n") + "\n"
    header = [_("indicator"), _("target"), _("result"), _("status"), _("why")]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|---|---|---|---|---|")
    for row in result.rows:
        label = indicator_label(row.indicator, row.words)
        cells = [
            md_escape(label),
            md_escape(row.target_text),
            md_escape(row.result_text) if row.result_span is not None else "—",
            _(row.status),
            md_escape(_(row.reason)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for row in result.rows:
        name = md_escape(indicator_name(row.indicator))
        lines.append(f"- **{name}** {md_escape(row.target_sentence)}")
        if row.result_span is not None:
            lines.append(f"  → {md_escape(row.result_sentence)}")
    return "\n".join(lines).rstrip("\n") + "\n"
