"""A line breaker for Chinese report text: wrap by terminal cell width, return offsets.

Rich and Textual break lines only at spaces, so a Han run after a Latin word jumps whole
to the next line and nothing stops ``，`` from starting a line. This module breaks between
Han characters, keeps Latin words and numbers whole when they fit, and follows the basic
Chinese line-breaking rules (禁则): no line starts with closing punctuation and none ends
with an opening bracket. It returns ``(start, end)`` offsets into the input so a view can
map highlights onto the wrapped lines exactly.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from rich.cells import get_character_cell_size

NO_LINE_START = frozenset(
    "，。、；：？！）》」』】〕〉〗｝”’…—～·％‰°"  # full-width closing marks
    ",.;:?!)]}%"  # their half-width forms, common in pasted web text
)
"""Characters that must not start a line: they close or end what came before."""

NO_LINE_END = frozenset("（《「『【〔〈〖｛“‘([{")
"""Characters that must not end a line: they open what comes after."""


# Each character gets a class letter (a str.translate table filled on first sight), so
# the rules below read two letters instead of calling Python per character:
#   W wide   D wide digit   C wide closing   O wide opening   S wide space
#   n narrow d narrow digit c narrow closing o narrow opening s narrow space
#   z zero-width (combining marks): narrow for the rules   x zero-width space (a tab)
_WIDE_OF = {"W": 2, "D": 2, "C": 2, "O": 2, "S": 2, "z": 0, "x": 0}
_CELLS = str.maketrans({k: str(v) for k, v in _WIDE_OF.items()} | dict.fromkeys("ndcos", "1"))
_SPACE = frozenset("sSx")


class _Classes(dict[int, str]):
    """``ord(ch) → class letter``, computed on first use (for :meth:`str.translate`)."""

    def __missing__(self, code: int) -> str:
        if 0x4E00 <= code <= 0x9FFF:
            # CJK Unified Ideographs, most of any report: wide, never a digit, a space or
            # a closing or opening mark (no need to ask Rich for each one's width).
            self[code] = "W"
            return "W"
        ch = chr(code)
        wide = get_character_cell_size(ch)
        if ch.isspace():
            cls = "S" if wide == 2 else "s" if wide == 1 else "x"
        elif wide == 0:
            cls = "z"
        elif ch in NO_LINE_START:
            cls = "C" if wide == 2 else "c"
        elif ch in NO_LINE_END:
            cls = "O" if wide == 2 else "o"
        elif ch.isdigit():
            cls = "D" if wide == 2 else "d"
        else:
            cls = "W" if wide == 2 else "n"
        self[code] = cls
        return cls


_CLASSES = _Classes()


def _pairs() -> frozenset[str]:
    """Letter pairs ``prev + next`` a line may break between (neither is a space).

    Never before closing punctuation nor after an opening bracket; only where one side
    is wide (two narrow characters are one Latin word or number); never between a digit
    and the wide character after it (a number keeps its unit: not 154.99|亿元).
    """
    letters = "WDCOndcoz"
    wide = set("WDCO")
    out = set()
    for p in letters:
        for q in letters:
            if q in "Cc" or p in "Oo":
                continue
            if (p in wide or q in wide) and not (q in wide and p in "Dd"):
                out.add(p + q)
    return frozenset(out)


_BREAKS = _pairs()


def _wrap_line(
    text: str, offset: int, width: int, glued: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Wrap one line (no newlines): greedy, at the last allowed break that fits.

    ``glued`` holds positions a line must not break before (a space there is kept as
    part of the text): see ``keep`` in :func:`wrap_offsets`.
    """
    n = len(text)
    cls = text.translate(_CLASSES)
    if glued:
        # A kept space is text, not a break: narrow or wide like any other character.
        chars = list(cls)
        for j in glued:
            chars[j] = {"s": "n", "S": "W", "x": "z"}.get(chars[j], chars[j])
        cls = "".join(chars)
    cum = list(accumulate(map(int, cls.translate(_CELLS)), initial=0))

    def may_end(b: int) -> bool:
        """Whether a line may end at ``b`` (after a non-space, before a break)."""
        if b >= n:
            return cls[b - 1] not in _SPACE
        if b in glued:
            return False
        prev, nxt = cls[b - 1], cls[b]
        if prev in _SPACE:
            return False
        return nxt in _SPACE or prev + nxt in _BREAKS

    lines: list[tuple[int, int]] = []
    pos = 0
    while pos < n and cls[pos] in _SPACE:
        pos += 1
    while pos < n:
        # Furthest end whose cells fit; then back to the last place a line may end.
        fit = bisect_right(cum, cum[pos] + width, pos + 1) - 1
        end = fit
        while end > pos and not may_end(end):
            end -= 1
        if end == pos:
            # Nothing breakable fits: fold the run by cells, at least one character.
            end = max(fit, pos + 1)
        lines.append((pos + offset, end + offset))
        pos = end
        while pos < n and cls[pos] in _SPACE:
            pos += 1
    if not lines:
        lines.append((offset, offset))
    return lines


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
