"""The nearest of some characters before or after a position in a report's text.

Pairing asks, for every figure of a report, where its sentence begins and ends in the
whole text; ``max(text.rfind(c, 0, pos) for c in chars)`` scans back to the text's start
for each character the text lacks (``!``, ``?`` in most reports): on the 8× pair, half a
megabyte of text for each figure. Each text's positions of a set of characters are found
once, and looked up by bisection.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

__all__ = ["first_of", "last_of"]


@lru_cache(maxsize=32)
def _positions(text: str, chars: str) -> list[int]:
    """Where each of ``chars`` stands in ``text``, in order."""
    return [m.start() for m in re.finditer("[" + re.escape(chars) + "]", text)]


def last_of(text: str, chars: str, pos: int) -> int:
    """``max(text.rfind(c, 0, pos) for c in chars)``: the last of ``chars`` before ``pos``,
    or -1 where there is none."""
    found = _positions(text, chars)
    k = bisect.bisect_left(found, pos)
    return found[k - 1] if k else -1


def first_of(text: str, chars: str, pos: int) -> int:
    """The first of ``chars`` at or after ``pos``, or -1 where there is none."""
    found = _positions(text, chars)
    k = bisect.bisect_left(found, pos)
    return found[k] if k < len(found) else -1
