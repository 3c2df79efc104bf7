"""A line breaker for Chinese report text: wrap by terminal cell width, return offsets.

Rich and Textual break lines only at spaces, so a Han run after a Latin word jumps whole
to the next line and nothing stops ``，`` from starting a line. This module breaks between
Han characters, keeps Latin words and numbers whole when they fit, and follows the basic
Chinese line-breaking rules (禁则): no line starts with closing punctuation and none ends
with an opening bracket. It returns ``(start, end)`` offsets into the input so a view can
map highlights onto the wrapped lines exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import get_character_cell_size

NO_LINE_START = frozenset(
    "，。、；：？！）》」』】〕〉〗｝”’…—～·％‰°"  # full-width closing marks
    ",.;:?!)]}%"  # their half-width forms, common in pasted web text
)
"""Characters that must not start a line: they close or end what came before."""

NO_LINE_END = frozenset("（《「『【〔〈〖｛“‘([{")
"""Characters that must not end a line: they open what comes after."""


_WIDTHS: dict[str, int] = {}


def _width(ch: str) -> int:
    """Cells of one character (cached: wrapping asks for every character of a report)."""
    w = _WIDTHS.get(ch)
    if w is None:
        w = _WIDTHS[ch] = get_character_cell_size(ch)
    return w


def _breakable_before(prev: str, ch: str, prev_wide: bool, wide: bool) -> bool:
    """Whether a line may break between ``prev`` and ``ch`` (neither is a space)."""
    if ch in NO_LINE_START or prev in NO_LINE_END:
        return False
    if prev_wide or wide:
        # A number keeps its unit: breaking 154.99|亿元 makes the figure unreadable.
        return not (wide and prev.isdigit())
    # Two narrow characters: part of one Latin word or number.
    return False


def _atoms(
    text: str, widths: list[int], glued: frozenset[int] = frozenset()
) -> list[tuple[int, int, bool]]:
    """Split a line without newlines into unbreakable atoms ``(start, end, is_space)``.

    ``glued`` holds positions a line must not break before (spaces there stay inside
    the atom): see ``keep`` in :func:`wrap_offsets`.
    """
    atoms: list[tuple[int, int, bool]] = []
    n = len(text)
    i = 0
    while i < n:
        if text[i].isspace() and i not in glued:
            j = i + 1
            while j < n and text[j].isspace() and j not in glued:
                j += 1
            atoms.append((i, j, True))
            i = j
            continue
        j = i + 1
        while j < n and (
            j in glued
            or (
                not text[j].isspace()
                and not _breakable_before(
                    text[j - 1], text[j], widths[j - 1] == 2, widths[j] == 2
                )
            )
        ):
            j += 1
        atoms.append((i, j, False))
        i = j
    return atoms


def _fold(widths: list[int], start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Cut an atom wider than the line into pieces by cells (last resort, like Rich's fold)."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    used = 0
    for i in range(start, end):
        w = widths[i]
        if used + w > width and i > piece_start:
            pieces.append((piece_start, i))
            piece_start, used = i, 0
        used += w
    pieces.append((piece_start, end))
    return pieces


def _wrap_line(
    text: str, offset: int, width: int, glued: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    widths = [_width(ch) for ch in text]
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = 0
    used = 0
    for a_start, a_end, is_space in _atoms(text, widths, glued):
        w = sum(widths[a_start:a_end])
        if is_space:
            if line_start is not None:
                # Spaces are kept inside a line but dropped at a break (see line_end).
                used += w
            continue
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
        pieces = _fold(widths, a_start, a_end, width)
        lines.extend(pieces[:-1])
        line_start, line_end = pieces[-1]
        used = sum(widths[line_start:line_end])
    if line_start is not None:
        lines.append((line_start, line_end))
    if not lines:
        lines.append((0, 0))
    return [(s + offset, e + offset) for s, e in lines]


def wrap_offsets(
    text: str, width: int, *, keep: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Wrap ``text`` into lines of at most ``width`` cells.

    Newlines are hard breaks. Spaces at a break are dropped; an empty input line gives
    one empty line. A single unbreakable run wider than ``width`` is folded by cells.

    Args:
        text: Plain text (never markup).
        width: Line width in terminal cells; values below 2 are treated as 2 so a Han
            character always fits.
        keep: ``(start, end)`` ranges kept whole on one line (spaces included) when they
            fit: a number with its inline badge ``143.5亿元⟨←132.9亿元 +8.0%⟩``, which
            was split at the badge's space (a line started with ``+8.0%⟩``) or went to
            the next line without its number.

    Returns:
        One ``(start, end)`` pair per display line, offsets into ``text``; the line shows
        ``text[start:end]``.

    >>> wrap_lines("经济增长，质效提升。", 6)
    ['经济增', '长，质', '效提', '升。']
    """
    width = max(width, 2)
    # No break before any character of a kept range but its first.
    glued = frozenset(j for start, end in keep for j in range(start + 1, end))
    lines: list[tuple[int, int]] = []
    pos = 0
    for part in text.split("\n"):
        local = frozenset(j - pos for j in glued if pos <= j < pos + len(part))
        lines.extend(_wrap_line(part, pos, width, local))
        pos += len(part) + 1
    return lines


def wrap_lines(text: str, width: int) -> list[str]:
    """The display lines of ``text`` at ``width`` (see :func:`wrap_offsets`)."""
    return [text[s:e] for s, e in wrap_offsets(text, width)]
