"""Rows under construction while aligning reports, their scores and the matching thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportdiff.core.analysis.similarity import ZERO_SCORE, Score, Unit, pair_score

ACCEPT = 0.18
"""Least combined score for counterparts kept in document order. Low on purpose: the same
paragraph reworded a year later (精细管理水平稳步提升 ↔ 精细化管理多措并举) scores 0.2–0.4,
unrelated paragraphs 0.0–0.15; the order constraint and the maximum-weight matching
keep weak scores from pairing the wrong nodes."""
ACCEPT_GAP = 0.14
"""Least score for a pair in a gap between two anchors: hemmed in by counterparts on both
sides, a pair needs less evidence (2022's 依法行政深入推进 and 2023's 法治政府夯实基础 share
their body — 区人大代表建议、政协委员提案办结率、满意率 — but no heading word)."""
STRONG = 0.3
"""Pairs at least this similar anchor the document order before weaker pairs are tried."""
MOVED = 0.2
"""Least combined score for counterparts out of document order (a moved section/paragraph).
A moved match must also be each side's best candidate: breaking order needs stronger
evidence than keeping it."""
MOVED_BODY = 0.12
"""Least body similarity for a moved match: out-of-order pairs need content evidence."""


@dataclass
class _Row:
    """A row under construction: at most one unit per report."""

    units: dict[int, Unit]
    moved: bool = False


def _row_score(row: _Row, unit: Unit, cache: dict[tuple[int, int], Score]) -> Score:
    scores = [_cached(cache, u, unit) for u in row.units.values()]
    if not scores:
        return ZERO_SCORE
    n = len(scores)
    return Score(
        sum(s.score for s in scores) / n,
        sum(s.heading for s in scores) / n,
        sum(s.body for s in scores) / n,
    )


def _cached(cache: dict[tuple[int, int], Score], a: Unit, b: Unit) -> Score:
    k = (a.uid, b.uid) if a.uid < b.uid else (b.uid, a.uid)
    s = cache.get(k)
    if s is None:
        s = cache[k] = pair_score(a, b)
    return s


def _row_scores(row: _Row, cache: dict[tuple[int, int], Score]) -> Score:
    units = list(row.units.values())
    if len(units) < 2:
        return Score(1.0, 1.0, 1.0)
    scores = [_cached(cache, a, b) for k, a in enumerate(units) for b in units[k + 1 :]]
    n = len(scores)
    return Score(
        round(sum(s.score for s in scores) / n, 4),
        round(sum(s.heading for s in scores) / n, 4),
        round(sum(s.body for s in scores) / n, 4),
    )


@dataclass
class _Tree:
    row: _Row
    children: list[_Tree] = field(default_factory=list)
