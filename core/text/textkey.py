"""A matching key for Chinese text: folded forms, no punctuation, offsets back to the original."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["HAN_RE", "is_han", "match_key"]


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a CJK unified ideograph (the characters a phrase length counts)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F


HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002fa1f]")
"""One character :func:`is_han` accepts, for a regex search over a word or a span."""


_MEMO: dict[str, str] = {}
"""Key form of every character seen so far (a report uses a few thousand distinct ones)."""


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    """The key form of one character: '' for punctuation, spaces and symbols.

    NFKC per character folds full-width forms (Ａ→A, ２→2, ，→,) so 2022's half-width
    ``(`` and 2023's full-width ``（`` compare equal; punctuation is then dropped entirely
    because the two years punctuate the same sentence differently (``,`` vs ``、``).
    """
    if is_han(ch):
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    out = []
    for c in folded:
        cat = unicodedata.category(c)
        # L* letters, N* digits (Ⅲ, ②); everything else (P*, S*, Z*, C*) is not content.
        if cat[0] in "LN":
            out.append(c.lower())
    return "".join(out)


def match_key(text: str) -> tuple[str, list[int]]:
    """Build the matching key of ``text`` and the map from key to original offsets.

    The key keeps Han characters, letters and digits (full-width forms folded to
    half-width, Latin lower-cased) and drops punctuation and whitespace. The displayed
    text is never changed: ``offsets[i]`` is the offset in ``text`` of the character that
    produced ``key[i]`` (a character folding to several key characters maps them all to
    itself).

    Args:
        text: Any text.

    Returns:
        ``(key, offsets)`` with ``len(key) == len(offsets)``.

    >>> match_key("抓纾困,促重振（２０２２）")
    ('抓纾困促重振2022', [0, 1, 2, 4, 5, 6, 8, 9, 10, 11])
    """
    memo = _MEMO
    key: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        f = memo.get(ch)
        if f is None:
            f = memo[ch] = ch if is_han(ch) else _fold(ch)
        if not f:
            continue
        if len(f) == 1:
            key.append(f)
            offsets.append(i)
        else:
            key.extend(f)
            offsets.extend([i] * len(f))
    return "".join(key), offsets
