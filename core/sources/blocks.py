"""How every ingested format lays out its text: blocks apart by a blank line, list items together."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A bullet that opens a list item (- 区级财政收入…, ● 数字经济…). ◆ and ▶ are not here:
# in the seeds they mark headings, which are blocks of their own.
ITEM_START = re.compile(r"^(?:-\s|[•●▪■□○◦·]\s?)")


@dataclass(frozen=True)
class TextBlock:
    """A paragraph, heading, list item or table row of a document, as plain text."""

    text: str
    """The block's text; lines inside it (a ``<br>``) are separated by ``\\n``."""
    item: bool = False
    """True for a list item or table row, which sits tight against its neighbours."""
    new_group: bool = False
    """True for the first item of a new list or table (a blank line separates it)."""
    heading: bool = False
    """True for a block the document marks as a heading (``<h2>``, Word's Heading style)."""


def join_blocks(blocks: list[TextBlock]) -> str:
    """Join blocks the way the cleaner expects plain text to look.

    Paragraphs are separated by a blank line, as in the seeds; consecutive list items
    (or bullet lines, or table rows) by a single newline, so a highlight list stays one
    block. Without the blank lines the cleaner cannot tell a heading from the paragraph
    under it.
    """
    out: list[str] = []
    prev: TextBlock | None = None
    for block in blocks:
        if not block.text.strip():
            continue
        if prev is not None:
            tight = (prev.item and block.item and not block.new_group) or (
                _is_bullet(prev) and _is_bullet(block)
            )
            out.append("\n" if tight else "\n\n")
        out.append(block.text)
        prev = block
    return "".join(out)


def group_by_spacers(blocks: list[TextBlock]) -> list[TextBlock]:
    """Honour a document's own spacing: empty paragraphs separate, the lines between join.

    Many people space a document with empty paragraphs (Enter twice in Word, ``<p>&nbsp;
    </p>`` on a web page) and put one line per paragraph in between: an outline of short
    items under un-numbered sub-headings (seed 003's layout). There the empty paragraphs
    are the block boundaries and the lines between belong together. A document without
    empty paragraphs is returned as it is: each paragraph stays a block of its own, and
    so is one with only a stray empty paragraph or two (Word's trailing one, a slip).
    Headings, list items and table rows are never joined into a group.
    """
    if not _spaced_systematically(blocks):
        return [b for b in blocks if b.text.strip()]
    out: list[TextBlock] = []
    group: list[str] = []
    for block in [*blocks, TextBlock("")]:
        if block.item or block.heading or not block.text.strip():
            if group:
                out.append(TextBlock("\n".join(group)))
                group = []
            if block.text.strip():
                out.append(block)
        else:
            group.append(block.text)
    return out


#: Fewest spacers between text, per non-empty paragraph, that make spacing deliberate.
#: Seed 003's layout has 0.16 (44 spacers, 273 lines); a slip is one or two in a document.
MIN_SPACER_SHARE = 0.05


def _spaced_systematically(blocks: list[TextBlock]) -> bool:
    """Whether empty paragraphs are the document's way of separating blocks."""
    texts = [bool(b.text.strip()) for b in blocks]
    if True not in texts:
        return False
    first, last = texts.index(True), len(texts) - texts[::-1].index(True)
    inner = texts[first:last]
    # A run of empty paragraphs is one spacer; those before or after all text are none.
    spacers = sum(1 for i, full in enumerate(inner) if not full and inner[i - 1])
    return spacers >= 2 and spacers >= MIN_SPACER_SHARE * sum(inner)


def _is_bullet(block: TextBlock) -> bool:
    return bool(ITEM_START.match(block.text))
