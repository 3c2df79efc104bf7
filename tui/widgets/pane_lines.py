"""Styled ranges and segments of a report pane's display lines (no Textual here).

An item's styled ranges (its kind, lead phrase, marks, badges) are worked out once in
its display offsets (:func:`item_ranges`); each of its lines takes its slice of them
(:func:`line_ranges`). Worked out per line, every mark of a long paragraph was mapped
to display offsets again for each of its lines.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from reportdiff.tui.layout import Item, ItemText, Mark
from rich.segment import Segment
from rich.style import Style

Range = tuple[int, int, str]
"""``(start, end, style name)``: display offsets in an item, or in a line."""


def item_ranges(
    item: Item, itext: ItemText, lead: tuple[int, int] | None, marks: list[Mark]
) -> list[Range]:
    """Styled ranges of one item in display offsets, in drawing order (later over earlier).

    Its kind (headings), its lead phrase (report offsets ``lead``), its marks (clipped to
    the item), its badges.
    """
    out: list[Range] = []
    if item.kind.startswith("heading"):
        out.append((0, len(itext.text), item.kind))
    if lead is not None:
        out.append((itext.to_display(lead[0]), itext.to_display(lead[1], end=True), "lead"))
    for m in marks:
        lo = itext.to_display(max(m.start, item.start))
        hi = itext.to_display(min(m.end, item.end), end=True)
        out.append((lo, hi, m.style))
    out.extend(itext.badge_spans)
    return out


def line_ranges(ranges: list[Range], start: int, end: int) -> list[Range]:
    """The part of an item's ``ranges`` on the line ``[start, end)``, in line offsets."""
    out: list[Range] = []
    for lo, hi, name in ranges:
        lo, hi = max(lo, start), min(hi, end)
        if lo < hi:
            out.append((lo - start, hi - start, name))
    return out


def line_segments(
    text: str, ranges: list[Range], base: Style, style: Callable[[str], Style]
) -> list[Segment]:
    """``text`` cut where ranges start and end, each piece in ``base`` plus its ranges'
    styles (in order). Built directly, not through rich Text: this runs for every line
    drawn, and the first frame is the text."""
    if not ranges:
        return [Segment(text, base)]
    cuts = sorted({0, len(text), *(r[0] for r in ranges), *(r[1] for r in ranges)})
    segments: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        piece = base
        for lo, hi, name in ranges:
            if lo <= a and b <= hi:
                piece = piece + style(name)
        segments.append(Segment(text[a:b], piece))
    return segments
