"""Changes inside matched paragraphs: inserted, deleted and replaced text, snapped to words.

A character diff (rapidfuzz's ``Indel.opcodes``, an LCS) marks 增长3%→增长2% as one changed
character and can cut a word in half (推进 → 推动 shows as 进→动). Readers of a document
compare expect whole words, so every operation is widened outward to jieba word and
number boundaries (3% → 2% is one short replace, 推进 → 推动 one word), operations
separated by one or two equal characters become one replace (a wall of one-character
marks reads worse than one span), and a pair of paragraphs that share too little is
called *rewritten*: one replace of the whole instead of marks everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reportdiff.core.comparison import AlignedRow, ChangeOp, PairChanges, TextChange
from reportdiff.core.model import Report, Span

if TYPE_CHECKING:
    from reportdiff.core.analysis.similarity import ReportTokens

__all__ = [
    "MERGE_GAP",
    "REWRITE_COMMON",
    "LocalChange",
    "add_changes",
    "changes_between",
    "diff_texts",
    "flip",
]

MERGE_GAP = 2
"""Operations separated by at most this many equal characters (not punctuation) merge into one replace
(加快推进 → 全力推动: 加快→全力 and 进→动 are one change, not two around a lone 推)."""
REWRITE_COMMON = 0.5
"""A pair is *rewritten* when less than this share of the shorter text is left unmarked."""

# Numbers and Latin words are tokens the way jieba words are: 3.5% → 3.8% is one replace
# of the whole figure, not of the digit 5.
_NUMBER_OR_LATIN = re.compile(
    r"[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?[%％‰]?|[A-Za-zＡ-Ｚａ-ｚ]+"
)

LocalChange = tuple[ChangeOp, int, int, int, int]
"""``(op, a_start, a_end, b_start, b_end)`` in offsets local to the two texts."""


def _cut_points(text: str, words: Sequence[tuple[int, int]]) -> list[bool]:
    """``ok[p]``: a change may start or end at offset ``p`` (not inside a word or number)."""
    ok = [True] * (len(text) + 1)
    spans = [*words, *((m.start(), m.end()) for m in _NUMBER_OR_LATIN.finditer(text))]
    for start, end in spans:
        for p in range(max(start + 1, 0), min(end, len(text) + 1)):
            ok[p] = False
    return ok


def _mergeable(a: str, end: int, start: int) -> bool:
    """Whether the equal text ``a[end:start]`` between two changes is short enough to
    swallow: at most :data:`MERGE_GAP` characters, none of them punctuation or space
    (增长3%，超额 keeps the number change apart from the clause after the comma)."""
    gap = a[end:start]
    return len(gap) <= MERGE_GAP and not any(
        c.isspace() or unicodedata.category(c).startswith("P") for c in gap
    )


def _left(ok: list[bool], p: int) -> int:
    while not ok[p]:
        p -= 1
    return p


def _right(ok: list[bool], p: int) -> int:
    while not ok[p]:
        p += 1
    return p


def _op(a0: int, a1: int, b0: int, b1: int) -> LocalChange:
    kind: ChangeOp = "replace" if a1 > a0 and b1 > b0 else ("insert" if b1 > b0 else "delete")
    return (kind, a0, a1, b0, b1)


def diff_texts(
    a: str,
    b: str,
    *,
    a_words: Sequence[tuple[int, int]] = (),
    b_words: Sequence[tuple[int, int]] = (),
) -> tuple[list[LocalChange], bool]:
    """The changes that turn ``a`` into ``b``, widened to whole words.

    Between two consecutive changes (and before the first, after the last) the texts
    are equal, so applying the changes in order to ``a`` gives ``b``.

    Args:
        a: The base text.
        b: The other text.
        a_words: ``(start, end)`` of the words of ``a`` (jieba); numbers and Latin words
            are found here.
        b_words: The same for ``b``.

    Returns:
        The changes in text order, and whether the texts were *rewritten* (then the
        list is one replace of the whole).

    >>> diff_texts("增长3%，完成任务", "增长2%，完成任务")
    ([('replace', 2, 4, 2, 4)], False)
    """
    if a == b:
        return [], False
    return _diff(a, b, _cut_points(a, a_words), _cut_points(b, b_words))


def _diff(a: str, b: str, a_ok: list[bool], b_ok: list[bool]) -> tuple[list[LocalChange], bool]:
    """:func:`diff_texts` with each text's cut points (:func:`_cut_points`) given."""
    if a == b:
        return [], False
    from rapidfuzz.distance import Indel

    # Pass 1: merge near neighbours and widen each change's start to a word start.
    # The text before a change back to the previous one is equal on both sides, so a
    # start moves left by the same amount in both texts.
    left: list[list[int]] = []
    for o in Indel.opcodes(a, b):
        if o.tag == "equal":
            continue
        a0, a1, b0, b1 = o.src_start, o.src_end, o.dest_start, o.dest_end
        while True:
            prev = left[-1] if left else None
            if prev is not None and _mergeable(a, prev[1], a0):
                left.pop()
                a0, b0 = prev[0], prev[2]
                continue
            k = max(a0 - _left(a_ok, a0), b0 - _left(b_ok, b0))
            if k == 0:
                break
            if prev is not None and a0 - k <= prev[1]:
                left.pop()
                a0, b0 = prev[0], prev[2]
                continue
            a0, b0 = a0 - k, b0 - k
        left.append([a0, a1, b0, b1])
    # Pass 2: widen each end to a word end, merging into the next change when it is reached.
    out: list[LocalChange] = []
    i = 0
    while i < len(left):
        a0, a1, b0, b1 = left[i]
        while True:
            nxt = left[i + 1] if i + 1 < len(left) else None
            if nxt is not None and _mergeable(a, a1, nxt[0]):
                a1, b1 = nxt[1], nxt[3]
                i += 1
                continue
            k = max(_right(a_ok, a1) - a1, _right(b_ok, b1) - b1)
            if k == 0:
                break
            if nxt is not None and a1 + k >= nxt[0]:
                a1, b1 = nxt[1], nxt[3]
                i += 1
                continue
            a1, b1 = a1 + k, b1 + k
        out.append(_op(a0, a1, b0, b1))
        i += 1
    shorter = min(len(a), len(b))
    common = len(a) - sum(c[2] - c[1] for c in out)
    # One replace is no wall of marks (增长3.5% → 增长3.8% stays a number change).
    if shorter and common < REWRITE_COMMON * shorter and (len(out) > 1 or common == 0):
        return [_op(0, len(a), 0, len(b))], True
    return out, False


def flip(pair: PairChanges) -> PairChanges:
    """The same changes seen from the other report (inserts become deletes)."""
    swap: dict[ChangeOp, ChangeOp] = {"insert": "delete", "delete": "insert", "replace": "replace"}
    return PairChanges(
        base=pair.other,
        other=pair.base,
        changes=tuple(TextChange(swap[c.op], c.other, c.base) for c in pair.changes),
        rewritten=pair.rewritten,
    )


def changes_between(row: AlignedRow, base: int, other: int) -> PairChanges | None:
    """The changes of ``other``'s paragraph against ``base``'s in a row, if both have one."""
    for pair in row.changes:
        if pair.base == base and pair.other == other:
            return pair
        if pair.base == other and pair.other == base:
            return flip(pair)
    return None


def _words(tokens: ReportTokens | None, span: Span) -> list[tuple[int, int]]:
    """The jieba words inside ``span``, in offsets local to it."""
    if tokens is None:
        return []
    lo = bisect_left(tokens.starts, span.start)
    hi = bisect_left(tokens.starts, span.end)
    return [
        (s - span.start, min(s + len(w), span.end) - span.start)
        for s, w in zip(tokens.starts[lo:hi], tokens.words[lo:hi], strict=True)
    ]


_Node = tuple[int, Span, str, list[bool]]
"""A paragraph of a row: its report, span, text and cut points."""


def _node(
    reports: Sequence[Report], tokens: Sequence[ReportTokens | None], i: int, span: Span
) -> _Node:
    text = reports[i].slice(span)
    return (i, span, text, _cut_points(text, _words(tokens[i], span)))


def _pair(x: _Node, y: _Node) -> PairChanges:
    i, a, a_text, a_ok = x
    j, b, b_text, b_ok = y
    ops, rewritten = _diff(a_text, b_text, a_ok, b_ok)
    return PairChanges(
        base=i,
        other=j,
        changes=tuple(
            TextChange(op, Span(a.start + a0, a.start + a1), Span(b.start + b0, b.start + b1))
            for op, a0, a1, b0, b1 in ops
        ),
        rewritten=rewritten,
    )


def add_changes(
    rows: Sequence[AlignedRow],
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens | None],
) -> tuple[AlignedRow, ...]:
    """The rows with :attr:`AlignedRow.changes` filled in for every paragraph row.

    Every pair of reports present in a paragraph row (``i < j``) gets its changes, so a
    reader can take any report as the base.

    Args:
        rows: Aligned rows (any depth).
        reports: The reports, in comparison order.
        tokens: Their jieba words (:func:`~reportdiff.core.analysis.similarity.report_tokens`),
            None where unknown (then only numbers and Latin words are kept whole).
    """
    out: list[AlignedRow] = []
    for row in rows:
        children = add_changes(row.children, reports, tokens)
        pairs: list[PairChanges] = []
        if row.kind == "paragraph":
            # Each paragraph's words and cut points once, not once per other report.
            present = [
                _node(reports, tokens, i, n.span) for i, n in enumerate(row.nodes) if n is not None
            ]
            for x, a in enumerate(present):
                for b in present[x + 1 :]:
                    pairs.append(_pair(a, b))
        out.append(replace(row, children=children, changes=tuple(pairs)))
    return tuple(out)
