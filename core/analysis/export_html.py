"""Export a comparison as one self-contained HTML page: aligned rows side by side, marked.

The page needs nothing from the network (styles inline, system fonts, no scripts; a
Content-Security-Policy says so to the browser too), prints readably and reflows to one
column on a phone. Every piece of report text is HTML-escaped: it is data, never markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence

from reportdiff.core.analysis.changes import changes_between
from reportdiff.core.analysis.export import report_keys
from reportdiff.core.analysis.export_format import change_label, quantity_label
from reportdiff.core.comparison import AlignedRow, Comparison, NodeRef
from reportdiff.core.i18n import _
from reportdiff.core.model import Report, Span, untitled_label

__all__ = ["to_html"]

DISTINCTIVE = 0.5
"""Shared phrases at or above this distinctiveness are marked; boilerplate is left plain."""

_CSS = """
:root { color-scheme: light; --ins: #0b6b2f; --ins-bg: #dff3e4; --del: #a01d1d;
  --del-bg: #fbe3e3; --mark-bg: #fff3b8; --num: #7a3e00; --muted: #555; --rule: #d6d6d6; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.75 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1a1a1a; background: #fff; }
header, nav, main { max-width: 1400px; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 1rem 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--rule); }
table.reports { border-collapse: collapse; margin: .5rem 0; }
table.reports td, table.reports th { border: 1px solid var(--rule); padding: .2rem .6rem;
  text-align: left; }
.legend { color: var(--muted); font-size: .9rem; }
nav.toc ol { padding-left: 1.4rem; margin: .3rem 0; }
nav.toc a { color: #174ea6; }
nav.toc .only { color: var(--muted); font-style: italic; }
.row { display: grid; grid-template-columns: repeat(var(--cols), minmax(0, 1fr));
  gap: 0 1.2rem; padding: .5rem 0; border-bottom: 1px solid #eee; break-inside: avoid; }
.row.heading .cell { font-weight: bold; }
.cell { white-space: pre-wrap; overflow-wrap: anywhere; }
.cell.absent { color: var(--muted); font-style: italic; }
.cell .who { display: none; }
.meta { grid-column: 1 / -1; color: var(--muted); font-size: .8rem; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline;
  text-decoration-thickness: 2px; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
mark.shared { background: var(--mark-bg); color: inherit; }
.num { color: var(--num); font-weight: bold; }
.badge { color: var(--num); font-size: .8em; font-style: italic; }
.caret { color: var(--ins); font-weight: bold; }
@media (max-width: 700px) {
  .row { grid-template-columns: minmax(0, 1fr); }
  .cell { padding: .3rem 0; border-top: 1px dashed #eee; }
  .cell .who { display: block; font-size: .75rem; color: var(--muted); font-style: normal; }
  body { font-size: 17px; }
}
@media print {
  body { font-size: 10.5pt; line-height: 1.6; }
  header, nav, main { max-width: none; padding: 0; }
  nav.toc { break-after: page; }
  nav.toc a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  ins { background: none; color: #000; text-decoration: underline; }
  del { background: none; color: #000; text-decoration: line-through; }
  mark.shared { background: none; border-bottom: 1px dotted #000; }
}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
"""Nothing may be loaded or run: the page is complete as written."""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _walk(rows: Sequence[AlignedRow]) -> Iterator[tuple[int, AlignedRow]]:
    for row in rows:
        yield 0, row
        for depth, child in _walk(row.children):
            yield depth + 1, child


def _label(node: NodeRef | None, report: Report) -> str:
    """A section's heading; without one, its numeral and opening words (as in Markdown)."""
    if node is None:
        return "—"
    return node.label or untitled_label(report.text, node.span, node.label_span)


class _Marks:
    """Per report: which spans get which tag, built once from the comparison."""

    def __init__(self, cmp: Comparison) -> None:
        n = len(cmp.reports)
        self.shared: list[list[Span]] = [[] for _ in range(n)]
        self.numbers: list[list[tuple[Span, str]]] = [[] for _ in range(n)]
        for ph in cmp.phrases:
            if ph.distinctiveness >= DISTINCTIVE:
                for i in ph.reports:
                    self.shared[i].extend(ph.spans[i])
        for pair in cmp.numbers:
            if pair.status != "changed":
                continue
            for i, q in enumerate(pair.values):
                if q is None:
                    continue
                others = [
                    ("←" if j < i else "→") + quantity_label(v)
                    for j, v in enumerate(pair.values)
                    if j != i and v is not None
                ]
                # As the reader's badge: 个百分点 for a rate, ≈ beside a bound.
                change = change_label(pair)
                badge = "⟨" + " ".join([*others, change] if change else others) + "⟩"
                self.numbers[i].append((q.span, badge if others else ""))


def _render(
    text: str,
    start: int,
    layers: dict[str, list[Span]],
    badges: dict[int, str],
    carets: frozenset[int] = frozenset(),
) -> str:
    """``text`` (report offsets from ``start``) as escaped HTML with each layer's tags.

    Every run of characters with the same set of layers gets its own tags, so elements
    never overlap; a badge follows the number it belongs to; a caret stands where
    another report inserted text (an insertion has nothing in this text to mark).
    """
    n = len(text)
    flags: list[int] = [0] * n
    bits = {name: 1 << k for k, name in enumerate(layers)}
    for name, spans in layers.items():
        bit = bits[name]
        for s in spans:
            for p in range(max(s.start - start, 0), min(s.end - start, n)):
                flags[p] |= bit
    tags = {
        "del": ("<del>", "</del>"),
        "ins": ("<ins>", "</ins>"),
        "shared": ('<mark class="shared">', "</mark>"),
        "num": ('<span class="num">', "</span>"),
    }
    caret = '<span class="caret" title="' + _e(_("text added here")) + '">‸</span>'
    stops = badges.keys() | carets  # a run ends where a badge or a caret goes
    out: list[str] = []
    p = 0
    while p < n:
        if start + p in carets:
            out.append(caret)
        q = p + 1
        while q < n and flags[q] == flags[p] and (start + q) not in stops:
            q += 1
        opened = [name for name in layers if flags[p] & bits[name]]
        out.extend(tags[name][0] for name in opened)
        out.append(_e(text[p:q]))
        out.extend(tags[name][1] for name in reversed(opened))
        if (start + q) in badges:
            out.append(f'<span class="badge">{_e(badges[start + q])}</span>')
        p = q
    if start + n in carets:
        out.append(caret)
    return "".join(out)


def _cells(
    row: AlignedRow, reports: Sequence[Report], keys: Sequence[str], marks: _Marks
) -> tuple[list[str], str]:
    """One HTML cell per report for a row, and a note (scores, rewritten …)."""
    cells: list[str] = []
    notes: list[str] = []
    base = next((i for i, node in enumerate(row.nodes) if node is not None), 0)
    pairs = {j: changes_between(row, base, j) for j in range(len(row.nodes)) if j != base}
    for j, pair in pairs.items():
        if pair is not None and pair.rewritten:
            notes.append(
                _e(_("{report} rewritten (mostly different from {base})")).format(
                    report=_e(keys[j]), base=_e(keys[base])
                )
            )
    for i, (node, report) in enumerate(zip(row.nodes, reports, strict=True)):
        who = f'<span class="who">{_e(keys[i])}</span>'
        if node is None:
            absent = _e(_(" ({report} has no counterpart)")).format(report=_e(keys[i]))
            cells.append(f'<div class="cell absent">{who}{absent}</div>')
            continue
        span = node.span
        if row.kind == "section":
            text = node.label or report.slice(span)[:40]
            cells.append(f'<div class="cell">{who}{_e(text)}</div>')
            continue
        deleted: list[Span] = []
        inserted: list[Span] = []
        carets: set[int] = set()
        for j, pair in pairs.items():
            if pair is None or pair.rewritten:
                continue
            if i == base:
                deleted.extend(c.base for c in pair.changes if c.base)
                carets.update(c.base.start for c in pair.changes if c.op == "insert")
            elif i == j:
                inserted.extend(c.other for c in pair.changes if c.other)
        # Where words are marked, the unmarked text is what the paragraphs share: phrase
        # marks on top would paint nearly everything (they stay for rewritten pairs).
        worded = any(p is not None and not p.rewritten for p in pairs.values())
        inside = (
            []
            if worded
            else [s for s in marks.shared[i] if s.end > span.start and s.start < span.end]
        )
        numbers = [(s, b) for s, b in marks.numbers[i] if span.contains(s)]
        layers = {
            "del": deleted,
            "ins": inserted,
            "shared": inside,
            "num": [s for s, _b in numbers],
        }
        badges = {s.end: b for s, b in numbers if b}
        body = _render(report.slice(span), span.start, layers, badges, frozenset(carets))
        cells.append(f'<div class="cell">{who}{body}</div>')
    present = [keys[i] for i, node in enumerate(row.nodes) if node is not None]
    if len(present) < 2:
        scores = _e(_("only in {report}")).format(report=_e(present[0])) if present else ""
    else:
        scores = _e(_("similarity {score}")).format(score=f"{row.score:.2f}") + (
            _e(_(", moved")) if row.moved else ""
        )
    return cells, " · ".join([scores, *notes])


def to_html(cmp: Comparison) -> str:
    """The comparison as one self-contained HTML page.

    The aligned rows side by side (one column per report, one under the other on a
    narrow screen): section headings, paragraphs with words added (``<ins>``) and
    dropped (``<del>``) against the first report that has the paragraph, distinctive
    shared phrases (``<mark>``), changed numbers with the other reports' values; the
    aligned sections as a table of contents. No scripts, no external resources.
    """
    keys = report_keys(cmp)
    reports = cmp.reports
    marks = _Marks(cmp)
    title = _("Comparison: {title}").format(title=" ↔ ".join(keys))
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        f'<body style="--cols: {len(reports)}">',
        "<header>",
        f"<h1>{_e(title)}</h1>",
        '<table class="reports"><tr>'
        + "".join(
            f"<th>{_e(h)}</th>"
            for h in (_("report"), _("title"), _("region"), _("year"), _("session date"))
        )
        + "</tr>",
    ]
    for key, r in zip(keys, reports, strict=True):
        out.append(
            f"<tr><td>{_e(key)}</td><td>{_e(r.meta.title)}</td><td>{_e(r.meta.region)}</td>"
            f"<td>{r.meta.year}</td><td>{_e(r.meta.date or '')}</td></tr>"
        )
    out.append("</table>")
    legend = _(
        "Marks: {added} / {dropped} (changes inside paragraphs, against each row's first "
        "report); {shared}; {number}{badge}."
    )
    out.append(
        '<p class="legend">'
        + _e(legend).format(
            added="<ins>" + _e(_("added")) + "</ins>",
            dropped="<del>" + _e(_("dropped")) + "</del>",
            shared='<mark class="shared">' + _e(_("shared phrasing")) + "</mark>",
            number='<span class="num">' + _e(_("changed numbers")) + "</span>",
            badge='<span class="badge">' + _e(_("⟨←the other report's value Δ%⟩")) + "</span>",
        )
        + "</p>"
    )
    out.append("</header>")
    # The table of contents: every aligned section (nested), linking to its row.
    contents = _e(_("Contents"))
    out.append(f'<nav class="toc" aria-label="{contents}"><h2>{contents}</h2>')
    anchors: dict[int, str] = {}
    depth_open = 0
    for k, (depth, row) in enumerate(_walk(cmp.alignment)):
        anchors[id(row)] = f"row-{k}"
        if row.kind != "section":
            continue
        while depth_open <= depth:
            out.append("<ol>")
            depth_open += 1
        while depth_open > depth + 1:
            out.append("</ol>")
            depth_open -= 1
        label = " ↔ ".join(
            _e(_label(n, r)) for n, r in zip(row.nodes, reports, strict=True) if n is not None
        )
        present = [keys[i] for i, n in enumerate(row.nodes) if n is not None]
        if len(present) < len(keys):
            # A section some reports lack says so here, not only after the link is followed.
            label += ' <span class="only">' + _e(
                _("({reports} only)").format(reports=_(", ").join(present))
            )
            label += "</span>"
        out.append(f'<li><a href="#row-{k}">{label}</a></li>')
    out.extend("</ol>" for _ in range(depth_open))
    out.append("</nav>")
    out.append("<main>")
    for depth, row in _walk(cmp.alignment):
        anchor = anchors[id(row)]
        if row.kind == "section" and depth == 0:
            label = " ↔ ".join(
                _e(_label(n, r)) for n, r in zip(row.nodes, reports, strict=True) if n is not None
            )
            out.append(f'<h2 id="{anchor}">{label}</h2>')
            anchor = ""
        cells, note = _cells(row, reports, keys, marks)
        kind = "row heading" if row.kind == "section" else "row"
        ident = f' id="{anchor}"' if anchor else ""
        out.append(f'<div class="{kind}"{ident}>' + "".join(cells))
        out.append(f'<div class="meta">{note}</div></div>')
    out.append("</main>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"
