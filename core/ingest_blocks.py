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


def _is_bullet(block: TextBlock) -> bool:
    return bool(ITEM_START.match(block.text))
