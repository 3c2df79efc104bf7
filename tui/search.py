"""Search that folds full/half width and case, or takes a regular expression.

A reader types ``GDP`` and expects ＧＤＰ, typed ``3%`` and expects ３％; typing
``/增长\\d+(\\.\\d+)?%/`` searches by regular expression. Matching runs on a folded copy
of the text (NFKC, then case-folded, one character at a time) with a map back to the
original offsets, so the marks land on the text as displayed — never normalised.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["SearchError", "find_matches", "fold", "is_regex"]


class SearchError(ValueError):
    """The query is not a valid regular expression (the message says why)."""


def _fold_char(c: str) -> str:
    return unicodedata.normalize("NFKC", c).casefold()


@lru_cache(maxsize=16)
def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` folded for matching, and for each folded character its original offset.

    >>> fold("ＧＤＰ增长３％")
    ('gdp增长3%', (0, 1, 2, 3, 4, 5, 6))
    >>> fold("ﬁ")  # one character may fold to two, both pointing at it
    ('fi', (0, 0))
    """
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        # ASCII letters fold by case alone; everything else goes through NFKC.
        f = c.lower() if c.isascii() else _fold_char(c)
        chars.append(f)
        where.extend([i] * len(f))
    return "".join(chars), tuple(where)


def is_regex(query: str) -> bool:
    """A query between slashes (``/…/``) is a regular expression."""
    return len(query) >= 3 and query.startswith("/") and query.endswith("/")


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text``, as ``(start, end)`` offsets into ``text``.

    Plain queries fold width and case (ＧＤＰ finds gdp, ３％ finds 3%); ``/…/`` is a
    regular expression, matched case-insensitively on the width-folded text. Matches do
    not overlap; empty matches are skipped.

    Raises:
        SearchError: A ``/…/`` query that is not a valid regular expression.

    >>> find_matches("增长３％，增长12%", "/增长\\\\d+%/")
    [(0, 4), (5, 10)]
    """
    if not query:
        return []
    folded, where = fold(text)
    if is_regex(query):
        try:
            pattern = re.compile(query[1:-1], re.IGNORECASE)
        except re.error as exc:
            raise SearchError(f"not a regular expression: {exc}") from None
        spans = [(m.start(), m.end()) for m in pattern.finditer(folded) if m.end() > m.start()]
    else:
        needle = fold(query)[0]
        spans = []
        i = folded.find(needle)
        while i >= 0 and needle:
            spans.append((i, i + len(needle)))
            i = folded.find(needle, i + len(needle))
    return [(where[s], where[e - 1] + 1) for s, e in spans]
