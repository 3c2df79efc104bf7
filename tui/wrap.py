"""A line breaker for Chinese report text: wrap by terminal cell width, return offsets.

Rich and Textual break lines only at spaces, so a Han run after a Latin word jumps whole
to the next line and nothing stops ``，`` from starting a line. This module breaks between
Han characters, keeps Latin words and numbers whole when they fit, and follows the basic
Chinese line-breaking rules (禁则): no line starts with closing punctuation and none ends
with an opening bracket. It returns ``(start, end)`` offsets into the input so a view can
map highlights onto the wrapped lines exactly.
"""

from __future__ import annotations

from rich.cells import cell_len

NO_LINE_START = frozenset(
    "，。、；：？！）》」』】〕〉〗｝”’…—～·％‰°"  # full-width closing marks
    ",.;:?!)]}%"  # their half-width forms, common in pasted web text
)
"""Characters that must not start a line: they close or end what came before."""

NO_LINE_END = frozenset("（《「『【〔〈〖｛“‘([{")
"""Characters that must not end a line: they open what comes after."""


def _is_wide(ch: str) -> bool:
    return cell_len(ch) == 2


def _breakable_before(prev: str, ch: str) -> bool:
    """Whether a line may break between ``prev`` and ``ch`` (neither is a space)."""
    if ch in NO_LINE_START or prev in NO_LINE_END:
        return False
    if _is_wide(prev) or _is_wide(ch):
        # A number keeps its unit: breaking 154.99|亿元 makes the figure unreadable.
        return not (prev.isdigit() and _is_wide(ch))
    # Two narrow characters: part of one Latin word or number.
    return False


def _atoms(text: str) -> list[tuple[int, int, bool]]:
    """Split a line without newlines into unbreakable atoms ``(start, end, is_space)``."""
    atoms: list[tuple[int, int, bool]] = []
    start = 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            atoms.append((i, j, True))
            i = start = j
            continue
        j = i + 1
        while j < n and not text[j].isspace() and not _breakable_before(text[j - 1], text[j]):
            j += 1
        # A closing mark after a space (``abc ，``) still may not start a line: glue it back.
        atoms.append((start, j, False))
        i = start = j
    return atoms


def _fold(text: str, start: int, end: int, width: int, used: int) -> list[tuple[int, int]]:
    """Cut an atom wider than the line into pieces by cells (last resort, like Rich's fold)."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for i in range(start, end):
        w = cell_len(text[i])
        if used + w > width and i > piece_start:
            pieces.append((piece_start, i))
            piece_start, used = i, 0
        used += w
    pieces.append((piece_start, end))
    return pieces


def _wrap_line(text: str, offset: int, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = 0
    used = 0
    for a_start, a_end, is_space in _atoms(text):
        if is_space:
            if line_start is not None:
                # Spaces are kept inside a line but dropped at a break (see line_end).
                used += cell_len(text[a_start:a_end])
            continue
        w = cell_len(text[a_start:a_end])
        if line_start is not None and used + w <= width:
            line_end = a_end
            used += w
            continue
        if line_start is not None:
            lines.append((line_start, line_end))
            line_start = None
            used = 0
        if w <= width:
            line_start, line_end, used = a_start, a_end, w
            continue
        pieces = _fold(text, a_start, a_end, width, 0)
        lines.extend(pieces[:-1])
        line_start, line_end = pieces[-1]
        used = cell_len(text[line_start:line_end])
    if line_start is not None:
        lines.append((line_start, line_end))
    if not lines:
        lines.append((0, 0))
    return [(s + offset, e + offset) for s, e in lines]


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Wrap ``text`` into lines of at most ``width`` cells.

    Newlines are hard breaks. Spaces at a break are dropped; an empty input line gives
    one empty line. A single unbreakable run wider than ``width`` is folded by cells.

    Args:
        text: Plain text (never markup).
        width: Line width in terminal cells; values below 2 are treated as 2 so a Han
            character always fits.

    Returns:
        One ``(start, end)`` pair per display line, offsets into ``text``; the line shows
        ``text[start:end]``.

    >>> wrap_lines("经济增长，质效提升。", 6)
    ['经济增', '长，质', '效提', '升。']
    """
    width = max(width, 2)
    lines: list[tuple[int, int]] = []
    pos = 0
    for part in text.split("\n"):
        lines.extend(_wrap_line(part, pos, width))
        pos += len(part) + 1
    return lines


def wrap_lines(text: str, width: int) -> list[str]:
    """The display lines of ``text`` at ``width`` (see :func:`wrap_offsets`)."""
    return [text[s:e] for s, e in wrap_offsets(text, width)]
