"""Figures that belong to the nouns before them in order, though 分别 is not said."""

from __future__ import annotations

from collections.abc import Sequence

from reportdiff.core.analysis.figures import Raw
from reportdiff.core.analysis.indicators import series_of, strip_indicator
from reportdiff.core.analysis.units import RATE_UNITS
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Span

__all__ = ["levels_before", "unsaid_respectively"]


def unsaid_respectively(
    key: str,
    raws: list[Raw],
    k: int,
    clause_start: int,
    sentence_start: int,
    found: Sequence[Quantity],
) -> list[tuple[Raw, Span]] | None:
    """The rates of a clause that names no noun, matched in order to the levels just given.

    城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%: 8.4% is the
    first level's growth and 8% the second's, as if 分别 were said (a report often leaves
    it out). In every report: two or more rates joined by 和/、 (``raws[k]`` the first) in a
    clause whose words before them name nothing, matched to the last as many levels of the
    same sentence (``found``: the figures read so far), of as many different nouns. A
    sentence with more levels than rates gives them to its last levels (A…，B…，C…，增长x和y:
    B and C); one with fewer, or with two levels of one noun, gets None: the nearest noun
    then names them, as before.
    """
    figures = series_of(key, raws, k)
    if len(figures) < 2 or any(r.base not in RATE_UNITS for r in figures):
        return None
    lo, hi, _ = strip_indicator(key, clause_start, raws[k].start, after_figure=False)
    if hi - lo >= 2:
        return None  # 农村居民人均纯收入增长8%和…: the clause names its own noun
    levels = levels_before(key, found, sentence_start, len(figures))
    return None if levels is None else list(zip(figures, levels, strict=True))


def levels_before(
    key: str, found: Sequence[Quantity], sentence_start: int, n: int
) -> list[Span] | None:
    """The names of the last ``n`` levels (not rates) the sentence has given so far, in
    order, when there are ``n`` of them naming ``n`` different nouns; else None."""
    if n < 1:
        return None
    levels = [
        q.indicator_span
        for q in found
        if q.span.start >= sentence_start
        and q.indicator_span is not None
        and q.unit not in RATE_UNITS
    ][-n:]
    names = {key[sp.start : sp.end] for sp in levels}
    return levels if len(levels) == n == len(names) else None
