"""Export a comparison as Markdown (for people), JSON (a documented interface) or CSV (numbers).

Markdown and CSV are written here; JSON in :mod:`reportdiff.core.analysis.export_json`, and
what all exports write alike (keys, escapes, figures' labels) in
:mod:`reportdiff.core.analysis.export_format`. Every public name is still imported from here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from typing import Any

from reportdiff.core.analysis.export_format import (
    _fmt_number,
    _pct,
    approximate,
    csv_cell,
    indicator_label,
    md_escape,
    quantity_label,
    report_keys,
    scope_label,
)
from reportdiff.core.analysis.export_json import SCHEMA, to_json
from reportdiff.core.comparison import (
    AlignedRow,
    Comparison,
    NodeRef,
    NumberPair,
    Quantity,
    SharedPhrase,
)
from reportdiff.core.i18n import N_, _, ngettext, pgettext
from reportdiff.core.model import OPENING_CHARS, Report, untitled_label
from reportdiff.core.text.textkey import is_han
from reportdiff.core.timeorder import time_order_notes

__all__ = [
    "SCHEMA",
    "approximate",
    "csv_cell",
    "md_escape",
    "quantity_label",
    "report_keys",
    "scope_label",
    "short_reports",
    "time_order_notes",
    "to_csv",
    "to_json",
    "to_markdown",
]

PHRASES_PER_SECTION = 5
"""Most distinctive shared phrases listed under each aligned section in Markdown."""
SECTION_PHRASE_MIN_HAN = 6
"""Shortest phrase listed under a section: shorter common runs (长三角创, 个居民区) are
mostly word fragments that say nothing on their own."""
SECTION_PHRASE_MIN_DISTINCT = 0.3
"""Least distinctiveness of a phrase listed under a section (boilerplate is left out)."""
NUMBER_TABLES = (("changed", N_("Changed numbers")), ("same", N_("Unchanged numbers")))
"""The number tables under a section: a figure repeated unchanged is not a change."""
OTHER_NUMBER_TABLES = (
    ("changed", N_("Other changed numbers")),
    ("same", N_("Other unchanged numbers")),
)
"""The same tables for the figures not placed under any section."""
LEAD_CHARS = 16
"""Characters shown for a block that has no lead phrase."""


# ---------------------------------------------------------------- CSV


def to_csv(cmp: Comparison) -> str:
    """The numbers table as CSV: one row per indicator, one column per report.

    Columns: ``indicator``, ``status``, then each report id (the quantity as printed, with
    its scope in brackets when it is not a plain result: ``8％左右（目标）``),
    then ``delta``, ``unit`` and ``pct``. Starts with a UTF-8 byte-order mark so Excel
    reads the Chinese text as UTF-8.
    """
    keys = report_keys(cmp)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    # Keys come from file names (`=1+2.txt`): neutralised like the value cells.
    # Column headers in the interface language (the JSON export is the fixed interface).
    w.writerow([_("indicator"), _("status"), *map(csv_cell, keys), _("delta"), _("unit"), _("pct")])
    for p in cmp.numbers:
        w.writerow(
            [
                csv_cell(indicator_label(p)),
                p.status,
                # With its scope as in Markdown (7％左右（目标）): a bare target beside
                # the years' results reads as a result in a spreadsheet.
                *(csv_cell(_cell(q)) if q is not None else "" for q in p.values),
                "" if p.delta is None else _fmt_number(p.delta, digits=4).replace(",", ""),
                p.unit if p.delta is not None else "",
                "" if p.pct is None else f"{p.pct:.2f}",
            ]
        )
    return "\ufeff" + buf.getvalue()


# ---------------------------------------------------------------- Markdown


def _walk(rows: Sequence[AlignedRow]) -> Iterator[AlignedRow]:
    for row in rows:
        yield row
        yield from _walk(row.children)


def _matched_paragraphs(row: AlignedRow) -> list[AlignedRow]:
    """The paragraph rows inside ``row`` that meet a paragraph of another report."""
    return [
        c
        for c in _walk(row.children)
        if c.kind == "paragraph" and sum(x is not None for x in c.nodes) >= 2
    ]


def _paragraph_table(
    paras: Sequence[AlignedRow], keys: Sequence[str], reports: Sequence[Report]
) -> list[str]:
    """The "Matched paragraphs" table of ``paras`` (nothing when there are none)."""
    if not paras:
        return []
    out = ["", "**" + _("Matched paragraphs") + "**", ""]
    out.append("| " + " | ".join(md_escape(k) for k in keys) + " | " + _("similarity") + " |")
    out.append("|---" * len(keys) + "|--:|")
    for c in paras:
        mark = _(" (moved)") if c.moved else ""
        out.append(
            "| "
            + " | ".join(_label(x, r) for x, r in zip(c.nodes, reports, strict=True))
            + f" | {c.score:.2f}{mark} |"
        )
    return out


def _node_paths(row: AlignedRow) -> list[tuple[int, ...] | None]:
    return [n.path if n is not None and not n.preamble else None for n in row.nodes]


def _numbers_for(
    row: AlignedRow, numbers: Sequence[NumberPair], taken: set[int]
) -> list[NumberPair]:
    """Number pairs whose quantities stand inside this row's sections (first come, first served)."""
    paths = _node_paths(row)
    out: list[NumberPair] = []
    for k, p in enumerate(numbers):
        if k in taken:
            continue
        for i, q in enumerate(p.values):
            base = paths[i]
            if (
                q is not None
                and q.block is not None
                and base is not None
                and q.block[: len(base)] == base
            ):
                out.append(p)
                taken.add(k)
                break
    return out


def _phrases_for(row: AlignedRow, phrases: Sequence[SharedPhrase]) -> list[SharedPhrase]:
    """Shared phrases found inside the sections of a row, in at least two of them."""
    out: list[SharedPhrase] = []
    for ph in phrases:
        if ph.distinctiveness < SECTION_PHRASE_MIN_DISTINCT:
            continue
        if sum(1 for c in ph.text if is_han(c)) < SECTION_PHRASE_MIN_HAN:
            continue
        inside = 0
        for i, node in enumerate(row.nodes):
            if node is not None and any(node.span.contains(s) for s in ph.spans[i]):
                inside += 1
        if inside >= 2:
            out.append(ph)
            if len(out) >= PHRASES_PER_SECTION:
                break
    return out


def _number_table(pairs: Sequence[NumberPair], keys: Sequence[str]) -> list[str]:
    lines = [
        "| " + _("indicator") + " | " + " | ".join(md_escape(k) for k in keys) + " | Δ | Δ% |",
        "|---" * (len(keys) + 1) + "|--:|--:|",
    ]
    for p in pairs:
        cells = [md_escape(_cell(q)) if q is not None else "—" for q in p.values]
        delta = "" if p.delta is None else f"{_fmt_number(p.delta, signed=True)}{md_escape(p.unit)}"
        pct = _pct(p.pct) if p.delta is not None else ""
        if p.status == "same":
            # No Δ% where there is none to give (a rate's change is in 百分点), as in the reader.
            delta, pct = _("unchanged"), ("" if p.pct is None else "0%")
        if any(q is not None and approximate(q) for q in p.values) and p.delta is not None:
            # 突破３万亿元 → ４３８００亿元: the Δ of a bound is a bound's, not a measured change
            delta, pct = "≈" + delta, ("≈" + pct if pct else pct)
        elif p.status == "changed" and p.delta is None:
            delta = pgettext(
                "delta", "changed"
            )  # e.g. 优化营商环境5.0版 → 6.0版: news, but not a quantity
        lines.append(
            f"| {md_escape(indicator_label(p))} | "
            + " | ".join(cells)
            + f" | {delta} | {md_escape(pct)} |"
        )
    return lines


def _cell(q: Quantity) -> str:
    scope = scope_label(q)
    # The scope is the report's own word (目标, 实际): full-width brackets in any interface.
    return quantity_label(q) + (f"（{scope}）" if scope else "")


def _delta_note(reports: Sequence[Report]) -> list[str]:
    """A caption for Δ when it is not simply "this year minus last year"."""
    if len(reports) <= 2 and len({r.meta.region for r in reports}) == 1:
        return []
    if len({r.meta.region for r in reports}) > 1:
        note = _(
            "Δ and Δ% are the change from the first report to the last one that has the "
            "figure; the reports are of different regions, so the figures are one indicator's "
            "values in different places, not a change over time."
        )
    else:
        note = _(
            "Δ and Δ% are the change from the first report to the last one that has the figure."
        )
    return [note, ""]


def _label(node: NodeRef | None, report: Report | None = None, chars: int | None = None) -> str:
    """A node's heading or lead phrase; for a block without one, the start of its text
    (``chars`` of it as :func:`opening_words` gives them, else :data:`LEAD_CHARS`)."""
    if node is None:
        return "—"
    if node.label:
        return md_escape(node.label)
    if report is None:
        return _("(no heading)")
    return md_escape(untitled_label(report.text, node.span, node.label_span, chars or LEAD_CHARS))


SHORT_SHARE = 0.5
"""A report under this share of the longest one compared may be a truncated copy."""


_HAN_RUN_RE = re.compile("[\u4e00-\u9fff]+")
"""A run of Han characters (CJK unified ideographs): counted by runs, not one by one."""


def short_reports(reports: Sequence[Report]) -> list[str]:
    """A warning for each report much shorter than the longest one compared.

    A saved web page may hold only the first page of a report (the State Council's
    2006–2009 pages): what it lacks then shows as "only in" the other report, which an
    analyst would read as dropped. Lengths in Han characters; a summary (摘要) is short by
    design and not flagged. Said as a possibility, never guessed at.
    """
    lengths = [sum(map(len, _HAN_RUN_RE.findall(r.text))) for r in reports]
    longest = max(lengths, default=0)
    keys = [r.meta.id or r.meta.source for r in reports]
    return [
        _(
            "{id} is much shorter than {other} ({length:,} Han characters against {longest:,}): "
            "it may be a truncated copy, and what it lacks shows as only in the other report"
        ).format(id=keys[i], other=keys[lengths.index(longest)], length=n, longest=longest)
        for i, n in enumerate(lengths)
        if longest and n < SHORT_SHARE * longest and not _is_summary(reports[i])
    ]


def _is_summary(report: Report) -> bool:
    """A summary (摘要) is short by design, not cut short."""
    return report.meta.kind == "summary" or "摘要" in (report.meta.title or "")


def to_markdown(cmp: Comparison) -> str:
    """The comparison as a Markdown document a reader can paste into a draft.

    The reports compared; then each aligned section with every report's heading, the
    scores, its matched paragraphs, its number changes (indicator | each report | Δ | Δ%)
    and its most distinctive shared phrases; then the sections found in one report only
    and the numbers not placed in any section. All report text is escaped.
    """
    from reportdiff.core.analysis.export_changes import md_changes

    keys = report_keys(cmp)
    reports = cmp.reports
    out: list[str] = []
    title = " ↔ ".join(md_escape(k) for k in keys)
    out.append("# " + _("Comparison: {title}").format(title=title))
    out.append("")
    columns = (
        _("report"),
        _("title"),
        _("region"),
        _("year reviewed"),
        _("year delivered"),
        _("session date"),
    )
    out.append("| " + " | ".join(columns) + " |")
    out.append("|---|---|---|--:|--:|---|")
    unknown = _("unknown")
    for key, r in zip(keys, reports, strict=True):
        m = r.meta
        out.append(
            f"| {md_escape(key)} | {md_escape(m.title or unknown)} | "
            f"{md_escape(m.region or unknown)} "
            f"| {m.year or unknown} | {m.delivered or unknown} | {md_escape(m.date or '')} |"
        )
    out.append("")
    for warning in [*short_reports(reports), *time_order_notes(reports)]:
        out.append("> " + md_escape(warning))
        out.append("")
    out.append(
        _(
            "Scores are similarities from 0 to 1: the overall score combines the heading's and "
            'the text\'s similarity (TF-IDF over jieba words); "moved" means the part stands '
            "in a different order in the other report."
        )
    )
    # Each number pair goes under the first matched row holding one of its figures; the
    # rest (figures in sections one report alone has, or outside sections) come last.
    taken: set[int] = set()
    matched = [r for r in cmp.alignment if sum(n is not None for n in r.nodes) >= 2]
    placed = {id(r): _numbers_for(r, cmp.numbers, taken) for r in matched}
    only: list[tuple[str, str]] = []
    n = 0
    for row in cmp.alignment:
        present = [i for i, node in enumerate(row.nodes) if node is not None]
        if len(present) < 2:
            if row.kind == "section":
                i = present[0]
                only.append((keys[i], _label(row.nodes[i], reports[i], OPENING_CHARS)))
                inner = _matched_paragraphs(row)
                if inner:
                    # no counterpart section, yet its paragraphs meet the other report's
                    # (2004's 继续实施科教兴国战略…: education, science, talent each met)
                    n += 1
                    out.append("")
                    out.append(
                        f"## {n}. "
                        + _label(row.nodes[i], reports[i], OPENING_CHARS)
                        + " "
                        + _("({report} only; paragraphs of it met elsewhere)").format(
                            report=md_escape(keys[i])
                        )
                    )
                    out.extend(_paragraph_table(inner, keys, reports))
            continue
        n += 1
        out.append("")
        titles = [_label(row.nodes[i], reports[i], OPENING_CHARS) for i in present]
        if row.kind == "section":
            out.append(f"## {n}. " + " ↔ ".join(titles))
        else:
            # A paragraph before the first section: named by its words as a section without
            # a heading is, so two of them are told apart ("Opening paragraphs" twice).
            out.append(f"## {n}. " + _("Opening paragraph") + " " + " ↔ ".join(titles))
        out.append("")
        out.append("| " + _("report") + " | " + _("title") + " |")
        out.append("|---|---|")
        for key, node, report in zip(keys, row.nodes, reports, strict=True):
            out.append(f"| {md_escape(key)} | {_label(node, report)} |")
        out.append("")
        if row.kind == "section" and all(n.label for n in row.nodes if n is not None):
            line = _("Similarity: overall {score} · heading {heading} · text {body}").format(
                score=f"{row.score:.2f}",
                heading=f"{row.heading_score:.2f}",
                body=f"{row.body_score:.2f}",
            )
        else:
            # A paragraph, or a part named by its words, has no heading to score: "heading
            # 0.00" beside two identical openings misled.
            line = _("Similarity: {score}").format(score=f"{row.score:.2f}")
        out.append(line + (_(", moved") if row.moved else ""))
        paras = _matched_paragraphs(row)
        out.extend(_paragraph_table(paras, keys, reports))
        # A preamble paragraph is a row of its own: its changes are listed too.
        with_changes = [row, *paras] if row.kind == "paragraph" else paras
        edits = [line for c in with_changes for line in md_changes(c, reports, keys)]
        if edits:
            out.append("")
            out.append(
                _("**Changes inside paragraphs** (against {base}: ~~dropped~~ **added**)").format(
                    base=md_escape(keys[0])
                )
            )
            out.append("")
            out.extend(edits)
        for status, title in NUMBER_TABLES:
            pairs = [p for p in placed[id(row)] if p.status == status]
            if pairs:
                out.append("")
                out.append("**" + _(title) + "**")
                out.append("")
                out.extend(_delta_note(reports))
                out.extend(_number_table(pairs, keys))
        phrases = _phrases_for(row, cmp.phrases)
        if phrases:
            out.append("")
            out.append(_("**Shared phrasing** (by distinctiveness, then length)"))
            out.append("")
            for ph in phrases:
                who = _(", ").join(md_escape(keys[i]) for i in ph.reports)
                out.append(f"- 「{md_escape(ph.text)}」 — {who}")
    if only:
        out.append("")
        out.append("## " + _("Sections only in one report"))
        out.append("")
        for key, label in only:
            out.append("- " + _("{report}: {heading}").format(report=md_escape(key), heading=label))
    if not any(p.status in ("changed", "same") for p in cmp.numbers):
        # No table at all would read as "numbers were not looked at": say what was found.
        out.append("")
        out.append("## " + _("Numbers"))
        out.append("")
        out.append(
            ngettext(
                "No figure was paired across these reports: {count} figure was read, none "
                "with a counterpart the engine was sure of.",
                "No figure was paired across these reports: {count} figures were read, none "
                "with a counterpart the engine was sure of.",
                len(cmp.numbers),
            ).format(count=len(cmp.numbers))
        )
    for status, title in OTHER_NUMBER_TABLES:
        rest = [p for k, p in enumerate(cmp.numbers) if k not in taken and p.status == status]
        if rest:
            out.append("")
            out.append("## " + _(title))
            out.append("")
            out.extend(_delta_note(reports))
            out.extend(_number_table(rest, keys))
    top = [ph for ph in cmp.phrases[:10] if ph.distinctiveness > 0]
    if top:
        out.append("")
        out.append("## " + _("Most distinctive shared phrasing (by distinctiveness, then length)"))
        out.append("")
        for ph in top:
            who = _(", ").join(md_escape(keys[i]) for i in ph.reports)
            out.append(
                f"{ph.rank}. 「{md_escape(ph.text)}」 — {who}"
                + _(" (distinctiveness {value})").format(value=f"{ph.distinctiveness:.2f}")
            )
    out.append("")
    return "\n".join(out)


def __getattr__(name: str) -> Any:
    # The JSON encoder moved to export_json.py (export.py was past 600 lines).
    if name == "_compact_encoder":
        from reportdiff.core.analysis import export_json

        return export_json._compact_encoder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
