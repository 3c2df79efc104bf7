"""Numbered points as sub-parts: a ``第一，…。`` line that heads the paragraphs under it.

Many reports print a numbered point as a sentence on its own line and its body in the
paragraphs below it, up to the next point: 1955's 第一，基本建设规模的大小问题。 / 第二，轻重
工业投资的比重问题。, 1978's 第一，全国动员，大办农业。, 2005's 第一，深化政府机构改革。 /
第二，加快转变政府职能。 Such a point is the heading of a sub-part that holds its body; as a
paragraph of one sentence it would be aligned alone, its body scattered.

A section's points are made sub-parts only when they are a set: numbered from 第一 on
without a gap in one style (第一， or 第一、), at least two of them a line of one short
sentence with paragraphs after it, and every one of them headed by a short sentence. A
point printed with its text running on after that sentence (1996's 第二，积极推进产业结构的
调整。要继续加强…) is headed by that sentence, as an inline (二)…。 heading is, and its text
after the sentence opens the sub-part. A lone 第一，… sentence, a list of one-line points without bodies, or a
numbered paragraph whose first sentence is long (第一，要…，…，…。) stays a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportdiff.core.model import Block, Span
from reportdiff.core.text.headings import CN_NUM, SENTENCE_END
from reportdiff.core.text.units import cn_number, item_lead

POINT_RE = re.compile(rf"^第([{CN_NUM}]{{1,3}})([，,、])\s*")
"""第一， 第二、 …: a point numbered in words."""

POINT_LINE_MAX = 70
"""Most characters of a point's heading sentence, marker and 。 included."""

POINT_SET = 2
"""One-sentence point lines a section needs for its points to be sub-parts."""


@dataclass(frozen=True)
class Point:
    """A sub-part a numbered point opens: its marker, heading and blocks."""

    marker: str
    """The number as printed: 第一， or 第二、."""
    start: int
    """Offset of the marker."""
    heading: Span
    """The point's sentence without its marker and closing 。."""
    blocks: tuple[Block, ...]
    """The paragraphs of the point, up to the next point or the end of the section."""


def _style(punct: str) -> str:
    return "、" if punct == "、" else "，"


def _sentence_ends(piece: str) -> int:
    return sum(piece.count(c) for c in SENTENCE_END)


def _point_heading(text: str, block: Block) -> tuple[Span, bool] | None:
    """The heading of a numbered point block and whether the block is that sentence alone.

    None when the block opens no point fit to head a sub-part: a first sentence longer
    than a heading, or one that ends in no sentence end.
    """
    piece = text[block.span.start : block.span.end]
    m = POINT_RE.match(piece)
    if m is None:
        return None
    start = block.span.start + m.end()
    if _sentence_ends(piece) == 1 and piece[-1] in SENTENCE_END:
        if len(piece) >= POINT_LINE_MAX or len(piece) - m.end() < 2:
            return None
        return Span(start, block.span.end - 1), True
    bounds = item_lead(piece)
    if bounds is None or piece[bounds[1] : bounds[1] + 1] not in tuple(SENTENCE_END):
        return None
    return Span(block.span.start + bounds[0], block.span.start + bounds[1]), False


def point_parts(text: str, blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], list[Point]]:
    """The blocks before a section's numbered points and the points as sub-parts.

    ``(blocks, [])`` when the section's points are no set (see the module's docstring).
    """
    found: list[tuple[int, int, str]] = []
    for i, b in enumerate(blocks):
        if b.kind != "paragraph":
            continue
        m = POINT_RE.match(text[b.span.start : b.span.end])
        if m is not None and (n := cn_number(m.group(1))) is not None:
            found.append((i, n, _style(m.group(2))))
    first = next((k for k, (_, n, _) in enumerate(found) if n == 1), None)
    if first is None:
        return blocks, []
    style = found[first][2]
    run = [(i, n) for i, n, s in found[first:] if s == style]
    if [n for _, n in run] != list(range(1, len(run) + 1)) or len(run) < POINT_SET:
        return blocks, []
    starts = [i for i, _ in run]
    bounds = [*starts, len(blocks)]
    points: list[Point] = []
    lines = 0
    for k, i in enumerate(starts):
        head = _point_heading(text, blocks[i])
        if head is None:
            return blocks, []
        heading, alone = head
        body = blocks[i + 1 : bounds[k + 1]]
        if alone:
            lines += 1
        else:
            # The text after the heading sentence opens the sub-part (as after an inline
            # (二)…。 heading): no character of the paragraph is lost.
            end = blocks[i].span.end
            rest = heading.end + 1
            while rest < end and text[rest].isspace():
                rest += 1
            body = (Block("paragraph", Span(rest, end)), *body)
        if not body:
            return blocks, []
        marker = text[blocks[i].span.start : heading.start].strip()
        points.append(Point(marker, blocks[i].span.start, heading, tuple(body)))
    if lines < POINT_SET:
        return blocks, []
    return blocks[: starts[0]], points
