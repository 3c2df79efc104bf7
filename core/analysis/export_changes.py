"""In-paragraph changes in the Markdown export: inline, ``git diff --word-diff`` style.

Kept apart from :mod:`reportdiff.core.analysis.export` (which calls :func:`md_changes`
from ``to_markdown``) so the export module stays about the document's layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportdiff.core.analysis.changes import changes_between
from reportdiff.core.analysis.export import _label, md_escape
from reportdiff.core.comparison import AlignedRow, PairChanges
from reportdiff.core.i18n import _
from reportdiff.core.model import Report, Span

__all__ = ["CHANGE_CONTEXT", "md_changes", "md_word_diff"]

CHANGE_CONTEXT = 8
"""Characters of unchanged text shown on each side of a change in Markdown."""

_MD_PUNCT = re.compile(r"[\W_]")


def _md_mark(text: str, delim: str, before: str, after: str) -> str:
    """``text`` (already escaped) between ``delim`` s, spaced so CommonMark sees the marks.

    A ``**`` or ``~~`` opening before punctuation only counts when whitespace or
    punctuation precedes it (``群**，着力**`` stays literal), and likewise at the close:
    a space is added on that side only when needed.
    """
    if not text:
        return ""
    lead = " " if _MD_PUNCT.match(text[0]) and before and not _MD_PUNCT.match(before[-1]) else ""
    tail = " " if _MD_PUNCT.match(text[-1]) and after and not _MD_PUNCT.match(after[0]) else ""
    return f"{lead}{delim}{text}{delim}{tail}"


def _md_inline(text: str) -> str:
    """Escaped text of a change; a change of line breaks or spaces alone shows as ↵."""
    shown = md_escape(text).strip()
    return shown if shown else "↵"


_FIGURE_CHARS = frozenset("0123456789０１２３４５６７８９.．%％‰")


def _head(text: str) -> str:
    """The first :data:`CHANGE_CONTEXT` characters, run on to the end of a figure they
    would cut (增长5|% reads as 增长5)."""
    n = CHANGE_CONTEXT
    while n < len(text) and text[n] in _FIGURE_CHARS and text[n - 1] in _FIGURE_CHARS:
        n += 1
    return text[:n]


def _tail(text: str) -> str:
    """The last :data:`CHANGE_CONTEXT` characters, from the start of a figure they would cut."""
    n = len(text) - CHANGE_CONTEXT
    while n > 0 and text[n] in _FIGURE_CHARS and text[n - 1] in _FIGURE_CHARS:
        n -= 1
    return text[n:]


def md_word_diff(base: Report, other: Report, pair: PairChanges, span: Span) -> str:
    """The changes of one paragraph pair inline, ``git diff --word-diff`` style, with a
    little unchanged text around each change (longer unchanged runs cut with …).

    Report text is escaped; deletions are ``~~struck~~`` and insertions **bold**.

    Args:
        base: The report the changes are measured from.
        other: The report compared with it.
        pair: The changes (``pair.base`` is ``base``'s index).
        span: The base report's paragraph.
    """
    segments: list[tuple[str, str]] = []  # (kind, raw text): eq, del, ins
    pos = span.start
    for c in pair.changes:
        segments.append(("eq", base.text[pos : c.base.start]))
        segments.append(("del", base.slice(c.base)))
        segments.append(("ins", other.slice(c.other)))
        pos = c.base.end
    segments.append(("eq", base.text[pos : span.end]))
    last = len(segments) - 1
    out = ""
    for k, (kind, text) in enumerate(segments):
        if kind == "eq":
            if k == 0 and len(text) > CHANGE_CONTEXT:
                out += "…" + md_escape(_tail(text))
            elif k == last and len(text) > CHANGE_CONTEXT:
                out += md_escape(_head(text)) + "…"
            elif 0 < k < last and len(text) > 2 * CHANGE_CONTEXT:
                out += md_escape(_head(text)) + " … " + md_escape(_tail(text))
            else:
                out += md_escape(text)
        elif text:
            after = next((t for _kind, t in segments[k + 1 :] if t), "")
            delim = "~~" if kind == "del" else "**"
            out += _md_mark(_md_inline(text), delim, out, after)
    return re.sub(r" {2,}", " ", out).strip()


def md_changes(row: AlignedRow, reports: Sequence[Report], keys: Sequence[str]) -> list[str]:
    """One list item per other report whose paragraph differs from the first report's."""
    lines: list[str] = []
    node = row.nodes[0]
    if node is None:
        return lines
    for j in range(1, len(row.nodes)):
        pair = changes_between(row, 0, j)
        if pair is None or not pair.changes:
            continue
        head = "- " + _("{heading} · {report}: ").format(
            heading=_label(node, reports[0]), report=md_escape(keys[j])
        )
        if pair.rewritten:
            lines.append(head + _("rewritten (the two paragraphs differ for the most part)"))
        else:
            lines.append(head + md_word_diff(reports[0], reports[j], pair, node.span))
    return lines
