"""Lay out a PDF's text layer as paragraphs: rejoin hard-wrapped lines, keep real breaks.

A PDF stores each printed line on its own (坚持以习近平新时代中国特色社会主义思 / 想为指导).
Where pypdf tells each line's position, a paragraph starts after a larger gap than the
line spacing or at an indented line (首行缩进); inside a paragraph a full-width line always
wraps onto the next. Without positions, a full-width line that does not end a sentence
wraps; that guess splits a paragraph whose sentence ends exactly at the right margin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any

from reportdiff.core.sources.blocks import TextBlock, join_blocks

#: Characters that end a line on purpose (a paragraph or list item ends there).
_LINE_ENDERS = frozenset("。！？；：…!?;:")
_CLOSERS = "”’」』）)】》"
# A line that starts a list item or a heading never continues the previous line.
_STARTS_ITEM = re.compile(
    r"(?:[-•●▶◆■□▪*]\s|[▶◆●•■]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]\D)"
)
#: A line at least this share of the full text width fills the line (it wraps).
FULL_LINE = 0.85
#: A gap this many times the usual line spacing separates paragraphs.
PARAGRAPH_GAP = 1.3
#: A line starting this many font sizes right of the margin is indented (a new paragraph).
INDENT = 1.5


@dataclass(frozen=True)
class PdfLine:
    """One printed line of a page, with its position when pypdf reports it."""

    text: str
    """The line's text, stripped."""
    x: float | None = None
    """Left edge of the line in PDF user space (None when unknown)."""
    y: float | None = None
    """Baseline of the line in PDF user space; larger is higher on the page."""
    size: float = 0.0
    """Font size in user space units (0 when unknown)."""


def page_lines(page: Any) -> list[PdfLine]:
    """The lines of a pypdf page, with positions if they agree with the extracted text."""
    runs: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        # The text matrix's translation, mapped to user space by the current matrix.
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        runs.append((text, x, y, (size or 0.0) * scale))

    text = page.extract_text(visitor_text=visit) or ""
    plain = [PdfLine(line.strip()) for line in text.splitlines() if line.strip()]
    placed = _lines_from_runs(runs)
    # Use positions only when they describe the same text (rotated pages, Type 3 fonts and
    # odd producers can make the visitor's runs disagree with extract_text).
    if placed and "".join(p.text for p in placed).replace(" ", "") == "".join(
        p.text for p in plain
    ).replace(" ", ""):
        return placed
    return plain


def _lines_from_runs(runs: list[tuple[str, float, float, float]]) -> list[PdfLine]:
    lines: list[PdfLine] = []
    parts: list[str] = []
    x = y = size = 0.0
    for text, rx, ry, rsize in runs:
        if not text.strip():
            continue
        tolerance = max(size, rsize, 1.0) * 0.5
        if parts and abs(ry - y) <= tolerance:
            parts.append(text)
            x = min(x, rx)
            continue
        if parts:
            lines.append(PdfLine("".join(parts).replace("\n", "").strip(), x, y, size))
        parts, x, y, size = [text], rx, ry, rsize
    if parts:
        lines.append(PdfLine("".join(parts).replace("\n", "").strip(), x, y, size))
    return [line for line in lines if line.text]


def layout(pages: list[list[PdfLine]]) -> str:
    """Join the pages' lines into text: paragraphs a blank line apart, list items together."""
    widths = sorted(_width(line.text) for page in pages for line in page)
    if not widths:
        return ""
    # The 90th percentile, not the maximum: one overlong line (a URL, a table row) must
    # not make every normal line look short.
    full = widths[min(len(widths) - 1, int(len(widths) * 0.9))] * FULL_LINE
    blocks: list[list[str]] = []
    for page in pages:
        page_blocks = _page_blocks(page, full)
        if page_blocks and blocks and _wraps(blocks[-1][-1], page_blocks[0][0], full, False):
            # A paragraph running over the page break.
            blocks[-1][-1] = _join(blocks[-1][-1], page_blocks[0][0])
            blocks[-1].extend(page_blocks[0][1:])
            page_blocks = page_blocks[1:]
        blocks.extend(page_blocks)
    return join_blocks([TextBlock("\n".join(block)) for block in blocks])


def _page_blocks(lines: list[PdfLine], full: float) -> list[list[str]]:
    """Group a page's lines into blocks (each a list of output lines)."""
    starts = _paragraph_starts(lines)
    positioned = starts is not None
    blocks: list[list[str]] = []
    for i, line in enumerate(lines):
        if (
            blocks
            and _wraps(blocks[-1][-1], line.text, full, positioned)
            and not (starts is not None and starts[i])
        ):
            blocks[-1][-1] = _join(blocks[-1][-1], line.text)
        elif blocks and starts is not None and not starts[i] and not _STARTS_ITEM.match(line.text):
            # Same paragraph by position, but the line above ends short: a line break
            # the author made (an outline of short items).
            blocks[-1].append(line.text)
        else:
            blocks.append([line.text])
    return blocks


def _paragraph_starts(lines: list[PdfLine]) -> list[bool] | None:
    """Which lines open a paragraph, judged by spacing and indent; None without positions.

    None also when the page shows no paragraph spacing and no indent at all: then the
    positions say nothing and the text must decide.
    """
    if len(lines) < 2 or any(line.x is None or line.y is None for line in lines):
        return None
    gaps = [
        prev.y - line.y  # type: ignore[operator]
        for prev, line in pairwise(lines)
        if 0 < prev.y - line.y < 3 * max(line.size, 1.0)  # type: ignore[operator]
    ]
    if not gaps:
        return None
    leading = median(gaps)
    left = min(line.x for line in lines)  # type: ignore[type-var]
    starts = [True]
    for prev, line in pairwise(lines):
        gap = prev.y - line.y  # type: ignore[operator]
        indent = line.x - left > INDENT * max(line.size, 1.0)  # type: ignore[operator]
        starts.append(gap <= 0 or gap > PARAGRAPH_GAP * leading or indent)
    return starts if any(starts[1:]) else None


def _wraps(line: str, nxt: str, full: float, positioned: bool) -> bool:
    """Whether ``line`` continues on ``nxt``: it fills the width and ``nxt`` starts no item.

    With positions the two lines are known to be in one paragraph, so a full line always
    wraps; without, a full line that ends a sentence is taken as the paragraph's end.
    """
    if _width(line) < full or _STARTS_ITEM.match(nxt):
        return False
    return positioned or not _ends_sentence(line)


def _join(line: str, nxt: str) -> str:
    # Latin words on both sides of the break were separated by a space; Han text was not.
    sep = " " if line[-1:].isascii() and line[-1:].isalnum() and nxt[:1].isascii() else ""
    return line + sep + nxt


def _ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence: 。 or the like, perhaps inside a closing quote (。”)."""
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _LINE_ENDERS


def _width(line: str) -> int:
    """Display width: Han and full-width characters count 2, others 1."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in line)
