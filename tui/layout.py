"""What a report pane displays: items (headings, blocks), inline badges, wrapped lines.

Pure functions over a :class:`~reportdiff.core.model.Report`: no Textual here, so the
layout can be tested on its own. Highlights are :class:`Mark` ranges in *report* offsets;
badges (e.g. a changed number's counterpart value) are inserted into the display text,
and every item keeps a map from report offsets to display offsets so marks land exactly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from reportdiff.core.model import Report, Section
from reportdiff.tui.wrap import wrap_offsets

ItemKind = Literal["heading1", "heading2", "heading3", "paragraph", "highlights"]


class Item(NamedTuple):
    """A run of report text shown as a unit: a section heading or a block."""

    start: int
    """Offset of the first character shown."""
    end: int
    """Offset one past the last character shown."""
    kind: ItemKind
    """How it is styled: a heading by depth, or a block."""


class Mark(NamedTuple):
    """A highlight over report offsets ``[start, end)`` with a style name (a layer)."""

    start: int
    end: int
    style: str


class Badge(NamedTuple):
    """Text inserted after report offset :attr:`offset`, e.g. ``⟨←143.5亿元 +8.0%⟩``."""

    offset: int
    text: str
    style: str
    attach: int | None = None
    """Report offset where what it annotates starts (the number): wrapping keeps that
    and the badge on one line. None: only the badge itself is kept whole."""


_HEADING_KINDS: tuple[ItemKind, ...] = ("heading1", "heading2", "heading3")

_CONTROL = {c: "\ufffd" for c in [*range(0x20), *range(0x7F, 0xA0)] if c != 0x0A}
_CONTROL[0x09] = " "
"""Control characters shown as � (a tab as a space), one for one so offsets hold: report
text is written to the terminal, and an ESC in it must never reach the terminal as one."""


def _heading_item(report: Report, section: Section, depth: int) -> Item:
    start = section.heading.start
    # Show the marker (一、 ◆ （一）) when it is printed right before the heading text.
    before = report.text[section.span.start : section.heading.start]
    if section.span.start < start and len(before) <= 8 and "\n" not in before:
        start = section.span.start
    return Item(start, section.heading.end, _HEADING_KINDS[min(depth, 2)])


def report_items(report: Report) -> list[Item]:
    """Everything a pane shows, in reading order: preamble, headings, blocks, appendices."""
    items: list[Item] = [Item(b.span.start, b.span.end, b.kind) for b in report.preamble]

    def add(sections: tuple[Section, ...], depth: int) -> None:
        for s in sections:
            items.append(_heading_item(report, s, depth))
            items.extend(Item(b.span.start, b.span.end, b.kind) for b in s.blocks)
            add(s.children, depth + 1)

    add(report.sections, 0)
    add(report.appendices, 0)
    return _cover_gaps(report.text, items)


def _cover_gaps(text: str, items: list[Item]) -> list[Item]:
    """Show every character: title lines before the first item become a title item, and
    text the parse leaves between items (a 。 after a heading) joins the item before it,
    so search never finds text the panes do not show."""
    out: list[Item] = []
    pos = 0
    for it in sorted(items, key=lambda i: i.start):
        gap = text[pos : it.start]
        if gap.strip():
            lo = pos + len(gap) - len(gap.lstrip())
            hi = it.start - (len(gap) - len(gap.rstrip()))
            if out:
                prev = out[-1]
                out[-1] = Item(prev.start, hi, prev.kind)
            else:
                out.append(Item(lo, hi, "heading1"))
        out.append(it)
        pos = max(pos, it.end)
    tail = text[pos:]
    if tail.strip() and out:
        prev = out[-1]
        out[-1] = Item(prev.start, len(text) - (len(tail) - len(tail.rstrip())), prev.kind)
    return out


@dataclass
class ItemText:
    """An item's display text (report text with badges inserted) and its offset map."""

    text: str
    """What is shown."""
    src_start: int
    """Report offset of the item's first character."""
    inserts: list[tuple[int, int]] = field(default_factory=list)
    """``(report offset, inserted length)`` in order: shifts display offsets after it."""
    badge_spans: list[tuple[int, int, str]] = field(default_factory=list)
    """``(display start, display end, style)`` of each badge."""
    keep_spans: list[tuple[int, int]] = field(default_factory=list)
    """``(display start, display end)`` never broken: each badge with its number."""

    def to_display(self, offset: int, *, end: bool = False) -> int:
        """Display offset of a report offset inside (or at the end of) this item.

        A badge sits right after the number it annotates, so a mark *ending* at the
        badge's offset stops before the badge (``end=True``) while one *starting* there
        starts after it.
        """
        shift = 0
        for at, length in self.inserts:
            if at < offset or (at == offset and not end):
                shift += length
        return offset - self.src_start + shift

    def to_report(self, display: int) -> int:
        """Report offset shown at a display offset (a badge maps to the number before it)."""
        pos = self.src_start
        shown = 0
        for at, length in self.inserts:
            if display < shown + (at - pos):
                break
            shown += at - pos
            pos = at
            if display < shown + length:
                return at
            shown += length
        return pos + (display - shown)


def item_text(report_text: str, item: Item, badges: list[Badge]) -> ItemText:
    """Build an item's display text with the badges whose offset lies inside it."""
    pieces: list[str] = []
    out = ItemText("", item.start)
    pos = item.start
    length = 0
    for b in badges:
        if not item.start < b.offset <= item.end:
            continue
        chunk = report_text[pos : b.offset]
        attach = b.offset if b.attach is None else max(pos, min(b.attach, b.offset))
        keep_start = length + (attach - pos)
        pieces.append(chunk)
        length += len(chunk)
        pieces.append(b.text)
        out.inserts.append((b.offset, len(b.text)))
        out.badge_spans.append((length, length + len(b.text), b.style))
        out.keep_spans.append((keep_start, length + len(b.text)))
        length += len(b.text)
        pos = b.offset
    pieces.append(report_text[pos : item.end])
    out.text = "".join(pieces).translate(_CONTROL)
    return out


class LineRef(NamedTuple):
    """One display line: a slice ``[start, end)`` of item :attr:`item`'s display text."""

    item: int
    start: int
    end: int


@dataclass
class PaneLayout:
    """Items wrapped at a width: the lines, each item's first line, the display texts."""

    items: list[Item]
    texts: list[ItemText]
    width: int
    lines: list[LineRef | None]
    """Display lines; None for the blank line between items."""
    item_top: list[int]
    """Index of each item's first line."""
    item_starts: list[int] = field(default_factory=list)
    """Each item's start offset, ascending (built once: every mark and badge looks up its
    item here, and rebuilding it per lookup made highlighting quadratic in report length)."""
    complete: bool = True
    """False: only the first items are laid out (:attr:`texts`, :attr:`lines` and
    :attr:`item_top` stop early), enough to draw the top of the report (see ``upto``
    in :func:`layout`)."""

    def __post_init__(self) -> None:
        if not self.item_starts:
            self.item_starts = [it.start for it in self.items]

    def item_at_offset(self, offset: int) -> int:
        """Index of the item containing (or last starting before) a report offset."""
        return max(0, bisect_right(self.item_starts, offset) - 1)

    def item_at_line(self, y: int) -> int:
        """Index of the item shown on line ``y`` (the next item for a blank line)."""
        i = bisect_right(self.item_top, y) - 1
        if i < 0:
            return 0
        ref = self.lines[y] if 0 <= y < len(self.lines) else None
        if ref is None and i + 1 < len(self.items):
            return i + 1
        return i

    def line_of_offset(self, offset: int) -> int:
        """The display line showing a report offset."""
        i = self.item_at_offset(offset)
        d = self.texts[i].to_display(offset)
        y = self.item_top[i]
        while y + 1 < len(self.lines):
            ref = self.lines[y + 1]
            if ref is None or ref.item != i or ref.start > d:
                break
            y += 1
        return y


def layout(
    report_text: str,
    items: list[Item],
    badges: list[Badge],
    width: int,
    *,
    memo: dict[tuple[int, Item, int, tuple[Badge, ...]], tuple[ItemText, list[LineRef]]]
    | None = None,
    upto: int | None = None,
) -> PaneLayout:
    """Wrap every item at ``width`` cells with the Chinese line breaker.

    Args:
        report_text: The report's text (all item offsets point into it).
        items: From :func:`report_items`.
        badges: Inline insertions, sorted by offset.
        width: Text width in cells.
        memo: Each item's display text and lines by (index, item, width, its badges),
            kept by the caller between layouts: a layer toggle changes the badges of
            some items, and only those are built and wrapped again.
        upto: Stop once this many lines are laid out (an incomplete layout, for the first
            screen of text; the rest is wrapped after it is shown).
    """
    # Each item sees only its own badges (found by bisection: scanning every badge for
    # every item was quadratic in the report's length).
    offsets = [b.offset for b in badges]
    texts: list[ItemText] = []
    lines: list[LineRef | None] = []
    tops: list[int] = []
    for i, it in enumerate(items):
        lo = bisect_right(offsets, it.start)
        hi = bisect_right(offsets, it.end, lo)
        own = tuple(badges[lo:hi])
        key = (i, it, width, own)
        done = memo.get(key) if memo is not None else None
        if done is None:
            t = item_text(report_text, it, list(own))
            wrapped = wrap_offsets(t.text, width, keep=t.keep_spans)
            done = (t, [LineRef(i, s, e) for s, e in wrapped])
            if memo is not None:
                memo[key] = done
        texts.append(done[0])
        if i:
            lines.append(None)
        tops.append(len(lines))
        lines.extend(done[1])
        if upto is not None and len(lines) >= upto and i + 1 < len(items):
            return PaneLayout(items, texts, width, lines, tops, complete=False)
    return PaneLayout(items, texts, width, lines, tops)


class MarkIndex:
    """Marks sorted by start, to find those overlapping a span by bisection."""

    __slots__ = ("marks", "order", "reach", "starts")

    def __init__(self, marks: list[Mark]) -> None:
        self.marks = marks
        starts = [m.start for m in marks]
        self.order = sorted(range(len(starts)), key=starts.__getitem__)
        self.starts = [starts[k] for k in self.order]
        self.reach = max((m.end - m.start for m in marks), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, Mark]]:
        """Marks overlapping ``[start, end)`` with their positions, in their list order."""
        # A mark overlapping the span starts before its end and at most the longest
        # mark's length before its start.
        lo = bisect_left(self.starts, start - self.reach)
        hi = bisect_left(self.starts, end, lo)
        marks = self.marks
        picked = sorted(
            k for k in self.order[lo:hi] if marks[k].end > start and marks[k].start < end
        )
        return [(k, marks[k]) for k in picked]
