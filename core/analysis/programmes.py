"""Programmes named in quotes (“两旧”改造, “城中村”改造, “美丽街区”): a figure of one
programme is not the same figure of another.

Used by :mod:`reportdiff.core.analysis.pairing` when two facts' names are compared.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from reportdiff.core.analysis.nearest import first_of, last_of
from reportdiff.core.comparison import Quantity

__all__ = ["SENTENCE_ENDS", "programme_apart", "quoted_terms", "sentence_start"]

_QUOTED_RE = re.compile(r"[“\"]([^”\"]{1,10})[”\"]")
SENTENCE_ENDS = "。！？!?\n"
"""What ends a sentence for the rules that read a figure's sentence (here and in regions)."""


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins."""
    return last_of(text, SENTENCE_ENDS, pos) + 1


class _Named(Protocol):
    """What :func:`programme_apart` needs of a fact."""

    name: str
    quoted: frozenset[str]

    @property
    def rep(self) -> Quantity: ...


def quoted_terms(text: str, q: Quantity) -> frozenset[str]:
    """The quoted names in the sentence of ``q`` (“城中村”改造…、受益居民1.3万户 → 城中村)."""
    start = sentence_start(text, q.span.start)
    end = first_of(text, SENTENCE_ENDS, q.span.end)
    return frozenset(_QUOTED_RE.findall(text, start, len(text) if end < 0 else end))


def programme_apart(a: _Named, b: _Named) -> bool:
    """Whether one name holds the other and says more with a quoted programme that the
    shorter one's sentence never names: “两旧”改造受益居民3000户 is not the 受益居民1.3万户 of
    a sentence on “城中村”改造 (the shorter name is of whatever its sentence is about)."""
    for short, long in ((a, b), (b, a)):
        if short.name and short.name != long.name:
            extra = _quoted_in(long.rep.indicator) - _quoted_in(short.rep.indicator)
            if extra and not extra & short.quoted:
                return True
    return False


@lru_cache(maxsize=1 << 15)
def _quoted_in(indicator: str) -> frozenset[str]:
    """The quoted names in an indicator (pairing asks again for each name it weighs)."""
    return frozenset(_QUOTED_RE.findall(indicator))
