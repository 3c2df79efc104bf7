"""Export a comparison as Markdown (for people), JSON (a documented interface) or CSV (numbers)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from reportdiff.core.analysis.changes import changes_between
from reportdiff.core.comparison import (
    AlignedRow,
    Comparison,
    NodeRef,
    NumberPair,
    Quantity,
    SharedPhrase,
)
from reportdiff.core.i18n import _, pgettext
from reportdiff.core.model import Report, Span
from reportdiff.core.text.textkey import is_han

__all__ = ["SCHEMA", "csv_cell", "md_escape", "report_keys", "to_csv", "to_json", "to_markdown"]

SCHEMA = "reportdiff.comparison/1"
"""The ``schema`` value of :func:`to_json` output; bumped on any incompatible change."""

PHRASES_PER_SECTION = 5
"""Most distinctive shared phrases listed under each aligned section in Markdown."""
SECTION_PHRASE_MIN_HAN = 6
"""Shortest phrase listed under a section: shorter common runs (长三角创, 个居民区) are
mostly word fragments that say nothing on their own."""
SECTION_PHRASE_MIN_DISTINCT = 0.3
"""Least distinctiveness of a phrase listed under a section (boilerplate is left out)."""
LEAD_CHARS = 16
"""Characters shown for a block that has no lead phrase."""

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can
# start markup inside running text or a table cell (| ends a GFM cell, < opens HTML, &
# starts an entity). Report text never starts a line in our output (it always follows
# "| ", "- " or "「"), so line-start markers (- + 1.) need no escape, and ( ) only matter
# after a ] that is already escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


def md_escape(text: str) -> str:
    r"""Make report text inert in Markdown: escape markup characters, fold line breaks.

    >>> md_escape("见[附件](x) | *重点* #1 <b>")
    '见\\[附件\\](x) \\| \\*重点\\* \\#1 \\<b\\>'
    """
    text = re.sub(r"\s*[\r\n]+\s*", " ", text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def report_keys(cmp: Comparison) -> list[str]:
    """A distinct key per report: its id, with ``#2``, ``#3`` … when an id repeats."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    for r in cmp.reports:
        n = seen.get(r.meta.id, 0) + 1
        seen[r.meta.id] = n
        keys.append(r.meta.id if n == 1 else f"{r.meta.id}#{n}")
    return keys


def _fmt_number(x: float | None, *, signed: bool = False, digits: int = 2) -> str:
    if x is None:
        return ""
    s = f"{x:+,.{digits}f}" if signed else f"{x:,.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def _pct(x: float | None) -> str:
    # Always one decimal (+8.0%, as the TUI's badges show it): "+8%" reads as a round figure.
    return "" if x is None else f"{x:+,.1f}%"


def _round(x: float | None, digits: int) -> float | None:
    """JSON numbers without float noise (154.99 - 143.5 = 11.490000000000009)."""
    return None if x is None else round(x, digits)


# ---------------------------------------------------------------- JSON


def _node_json(node: NodeRef | None) -> dict[str, object] | None:
    if node is None:
        return None
    return {
        "kind": node.kind,
        "heading": node.label,
        "path": list(node.path),
        "preamble": node.preamble,
        "span": [node.span.start, node.span.end],
    }


def _span_json(span: Span) -> list[int] | None:
    """``[start, end]``, or None for the empty side of an insert or delete."""
    return [span.start, span.end] if span.end > span.start else None


def _changes_json(row: AlignedRow, keys: Sequence[str]) -> dict[str, list[dict[str, object]]]:
    """A paragraph row's changes against the first report, keyed by the other report."""
    out: dict[str, list[dict[str, object]]] = {}
    if row.nodes[0] is None:
        return out
    for j in range(1, len(row.nodes)):
        pair = changes_between(row, 0, j)
        if pair is None:
            continue
        out[keys[j]] = [
            {"op": c.op, "base": _span_json(c.base), "other": _span_json(c.other)}
            for c in pair.changes
        ]
    return out


def _row_json(row: AlignedRow, keys: Sequence[str]) -> dict[str, object]:
    doc: dict[str, object] = {
        "kind": row.kind,
        "score": row.score,
        "heading_score": row.heading_score,
        "body_score": row.body_score,
        "moved": row.moved,
        "sections": {k: _node_json(n) for k, n in zip(keys, row.nodes, strict=True)},
    }
    if row.kind == "paragraph":
        doc["changes"] = _changes_json(row, keys)
    doc["children"] = [_row_json(c, keys) for c in row.children]
    return doc


def _quantity_json(q: Quantity | None) -> dict[str, object] | None:
    if q is None:
        return None
    return {
        "text": q.text,
        "value": q.value,
        "unit": q.unit,
        "qualifiers": list(q.qualifiers),
        "indicator": q.indicator,
        "is_target": q.is_target,
        "span": [q.span.start, q.span.end],
        "signed": q.sign * q.value,
        "low": q.low,
        "high": q.high,
        "change": q.is_change,
        "period": q.period,
        "period_label": q.period_label,
        "year": q.year,
        "role": q.role,
        "stock": q.stock,
        "subject": q.subject,
        "end": q.end,
    }


# Qualifiers a reader must see beside a figure: 约 before it, 左右 after it (8%左右).
_SHOWN_BEFORE = (
    "约", "超", "近", "逾", "超过", "突破", "不低于", "不高于", "不少于", "不超过", "控制在",
)  # fmt: skip
_APPROXIMATE = frozenset(_SHOWN_BEFORE) | {"左右", "以上", "以内", "以下"}


def approximate(q: Quantity) -> bool:
    """A bound or a round figure (突破３万亿元, 26000多项, 8%左右): a change from or to it
    is only approximate."""
    return bool(_APPROXIMATE.intersection(q.qualifiers)) or "多" in q.text


_SHOWN_AFTER = ("左右", "以上", "以内", "以下")


def quantity_label(q: Quantity) -> str:
    """A figure as a reader should see it in a table: with 约/超/近 and 左右/以上/以内.

    >>> from reportdiff.core.model import Span
    >>> quantity_label(Quantity("8%", Span(0, 2), 8.0, "%", ("增长", "左右"), "GDP", None, True))
    '8%左右'
    """
    before = "".join(w for w in _SHOWN_BEFORE if w in q.qualifiers)
    after = "".join(w for w in _SHOWN_AFTER if w in q.qualifiers and not q.text.endswith(w))
    return before + q.text + after


_PERIOD_NAMES = {"years": "多年", "average": "年均", "cumulative": "累计", "part": "部分月份"}
_ROLE_NAMES = {"target": "目标", "plan": "计划", "forecast": "预计"}


def scope_label(q: Quantity) -> str:
    """The scope words worth a reader's eye: 目标, 年均, 累计, 2004年 … ('' for a plain result).

    >>> from reportdiff.core.model import Span
    >>> scope_label(Quantity("8%", Span(0, 2), 8.0, "%", (), "GDP", None, True, role="target"))
    '目标'
    """
    words = []
    if q.period in _PERIOD_NAMES:
        words.append(q.period_label or _PERIOD_NAMES[q.period])
    if q.role in _ROLE_NAMES:
        words.append(_ROLE_NAMES[q.role])
    if q.end == "from":
        words.append("起点")
    return "·".join(words)


def to_json(cmp: Comparison) -> str:
    """The comparison as JSON (schema ``reportdiff.comparison/1``, see docs-json-schema.md).

    Args:
        cmp: A comparison from :func:`reportdiff.core.analysis.compare.compare`.

    Returns:
        UTF-8 JSON text (Chinese is not \\u-escaped), ending in a newline: each top-level
        member and each element of a top-level list on a line of its own, compact inside.
    """
    keys = report_keys(cmp)
    doc = {
        "schema": SCHEMA,
        "reports": [
            {
                "id": key,
                "title": r.meta.title,
                "region": r.meta.region,
                "level": r.meta.level,
                "year": r.meta.year,
                "delivered": r.meta.delivered,
                "date": r.meta.date,
                "kind": r.meta.kind,
                "source": r.meta.source,
            }
            for key, r in zip(keys, cmp.reports, strict=True)
        ],
        "alignment": [_row_json(row, keys) for row in cmp.alignment],
        "numbers": [
            {
                "indicator": p.indicator,
                "status": p.status,
                "unit": p.unit,
                "values": {k: _quantity_json(q) for k, q in zip(keys, p.values, strict=True)},
                "delta": _round(p.delta, 6),
                "pct": _round(p.pct, 2),
            }
            for p in cmp.numbers
        ],
        "phrases": [
            {
                "text": ph.text,
                "reports": [keys[i] for i in ph.reports],
                "rank": ph.rank,
                "distinctiveness": ph.distinctiveness,
                "spans": {keys[i]: [[s.start, s.end] for s in ph.spans[i]] for i in ph.reports},
            }
            for ph in cmp.phrases
        ],
        "unique": {
            k: [[s.start, s.end] for s in spans] for k, spans in zip(keys, cmp.unique, strict=True)
        },
    }
    return _dump_lines(doc)


def _compact_encoder() -> Callable[[object], str]:
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``, made once.

    ``json.dumps`` builds an encoder for every call, and an export calls it for every
    phrase and number (13,000 times for ten national reports: half of its time). The C
    encoder :mod:`json` itself would build is made once here; without it (a Python built
    without the accelerator) ``json.dumps`` is used.
    """
    from json import encoder

    make = getattr(encoder, "c_make_encoder", None)
    if make is None:
        return lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # The arguments JSONEncoder.iterencode passes for these options, but no cycle check
    # (an export is a tree, and a check's table would outlive a failed call).
    default = json.JSONEncoder().default  # the TypeError json.dumps raises
    c_encode = make(None, default, encoder.encode_basestring, None, ":", ",", False, False, True)

    def dump(value: object) -> str:
        if isinstance(value, str):
            return encoder.encode_basestring(value)
        return "".join(c_encode(value, 0))

    return dump


def _dump_lines(doc: Mapping[str, object]) -> str:
    """JSON with a line per top-level member and per element of a top-level list.

    ``indent=2`` makes :mod:`json` fall back to its pure-Python encoder (3.7 of 5.7 s of a
    ten-report export, and a 37 MB file for thirty reports); each piece here goes through
    the C encoder compactly, yet a person can still read and diff the file row by row.
    """

    dump = _compact_encoder()

    members: list[str] = []
    for name, value in doc.items():
        if isinstance(value, list) and value:
            inner = ",\n".join(dump(v) for v in value)
            members.append(f"{dump(name)}:[\n{inner}\n]")
        else:
            members.append(f"{dump(name)}:{dump(value)}")
    return "{\n" + ",\n".join(members) + "\n}\n"


# ---------------------------------------------------------------- CSV


def to_csv(cmp: Comparison) -> str:
    """The numbers table as CSV: one row per indicator, one column per report.

    Columns: ``indicator``, ``status``, then each report id (the quantity as printed),
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
                csv_cell(p.indicator),
                p.status,
                *(csv_cell(quantity_label(q)) if q is not None else "" for q in p.values),
                "" if p.delta is None else _fmt_number(p.delta, digits=4).replace(",", ""),
                p.unit if p.delta is not None else "",
                "" if p.pct is None else f"{p.pct:.2f}",
            ]
        )
    return "\ufeff" + buf.getvalue()


def csv_cell(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


# ---------------------------------------------------------------- Markdown


def _walk(rows: Sequence[AlignedRow]) -> Iterator[AlignedRow]:
    for row in rows:
        yield row
        yield from _walk(row.children)


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
            delta, pct = _("unchanged"), "0%"
        if any(q is not None and approximate(q) for q in p.values) and p.delta is not None:
            # 突破３万亿元 → ４３８００亿元: the Δ of a bound is a bound's, not a measured change
            delta, pct = "≈" + delta, ("≈" + pct if pct else pct)
        elif p.status == "changed" and p.delta is None:
            delta = pgettext(
                "delta", "changed"
            )  # e.g. 优化营商环境5.0版 → 6.0版: news, but not a quantity
        lines.append(
            f"| {md_escape(p.indicator)} | "
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


def _label(node: NodeRef | None, report: Report | None = None) -> str:
    """A node's heading or lead phrase; for a block without one, the start of its text."""
    if node is None:
        return "—"
    if node.label:
        return md_escape(node.label)
    if report is None:
        return _("(no heading)")
    text = re.sub(r"\s+", " ", report.slice(node.span)).strip().lstrip("-•● ")
    return "「" + md_escape(text[:LEAD_CHARS]) + ("…" if len(text) > LEAD_CHARS else "") + "」"


SHORT_SHARE = 0.5
"""A report under this share of the longest one compared may be a truncated copy."""


def short_reports(reports: Sequence[Report]) -> list[str]:
    """A warning for each report much shorter than the longest one compared.

    A saved web page may hold only the first page of a report (the State Council's
    2006–2009 pages): what it lacks then shows as "only in" the other report, which an
    analyst would read as dropped. Lengths in Han characters; a summary (摘要) is short by
    design and not flagged. Said as a possibility, never guessed at.
    """
    lengths = [sum(1 for c in r.text if "\u4e00" <= c <= "\u9fff") for r in reports]
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
    for warning in short_reports(reports):
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
                only.append((keys[i], _label(row.nodes[i])))
            continue
        n += 1
        out.append("")
        if row.kind == "section":
            out.append(f"## {n}. " + " ↔ ".join(_label(row.nodes[i]) for i in present))
        else:
            out.append(f"## {n}. " + _("Opening paragraphs"))
        out.append("")
        out.append("| " + _("report") + " | " + _("title") + " |")
        out.append("|---|---|")
        for key, node, report in zip(keys, row.nodes, reports, strict=True):
            out.append(f"| {md_escape(key)} | {_label(node, report)} |")
        out.append("")
        line = _("Similarity: overall {score} · heading {heading} · text {body}").format(
            score=f"{row.score:.2f}",
            heading=f"{row.heading_score:.2f}",
            body=f"{row.body_score:.2f}",
        )
        out.append(line + (_(", moved") if row.moved else ""))
        paras = [
            c
            for c in _walk(row.children)
            if c.kind == "paragraph" and sum(x is not None for x in c.nodes) >= 2
        ]
        if paras:
            out.append("")
            out.append("**" + _("Matched paragraphs") + "**")
            out.append("")
            out.append(
                "| " + " | ".join(md_escape(k) for k in keys) + " | " + _("similarity") + " |"
            )
            out.append("|---" * len(keys) + "|--:|")
            for c in paras:
                mark = _(" (moved)") if c.moved else ""
                out.append(
                    "| "
                    + " | ".join(_label(x, r) for x, r in zip(c.nodes, reports, strict=True))
                    + f" | {c.score:.2f}{mark} |"
                )
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
        pairs = [p for p in placed[id(row)] if p.status != "only"]
        if pairs:
            out.append("")
            out.append("**" + _("Changed numbers") + "**")
            out.append("")
            out.extend(_delta_note(reports))
            out.extend(_number_table(pairs, keys))
        phrases = _phrases_for(row, cmp.phrases)
        if phrases:
            out.append("")
            out.append(_("**Shared phrasing** (most distinctive first)"))
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
    rest = [p for k, p in enumerate(cmp.numbers) if k not in taken and p.status != "only"]
    if rest:
        out.append("")
        out.append("## " + _("Other changed numbers"))
        out.append("")
        out.extend(_delta_note(reports))
        out.extend(_number_table(rest, keys))
    top = [ph for ph in cmp.phrases[:10] if ph.distinctiveness > 0]
    if top:
        out.append("")
        out.append("## " + _("Most distinctive shared phrasing"))
        out.append("")
        for ph in top:
            who = _(", ").join(md_escape(keys[i]) for i in ph.reports)
            out.append(
                f"{ph.rank}. 「{md_escape(ph.text)}」 — {who}"
                + _(" (distinctiveness {value})").format(value=f"{ph.distinctiveness:.2f}")
            )
    out.append("")
    return "\n".join(out)
