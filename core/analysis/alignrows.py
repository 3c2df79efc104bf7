"""Rows under construction while aligning reports, their scores, the matching thresholds, and
the pruned search for pairs of lonely paragraphs that may be moved counterparts."""

from __future__ import annotations

import bisect
import math
import operator
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


def _ordered_matches(m: list[list[float]], threshold: float) -> list[tuple[int, int]]:
    """Maximum-weight order-preserving matching over a score matrix (scores < threshold barred).

    A weighted longest-common-subsequence DP: keeps document order where it holds.
    """
    rows = len(m)
    cols = len(m[0]) if rows else 0
    dp = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(1, rows + 1):
        mr = m[r - 1]
        prev, cur = dp[r - 1], dp[r]
        for c in range(1, cols + 1):
            best = max(prev[c], cur[c - 1])
            s = mr[c - 1]
            if s >= threshold and prev[c - 1] + s > best:
                best = prev[c - 1] + s
            cur[c] = best
    pairs: list[tuple[int, int]] = []
    r, c = rows, cols
    while r > 0 and c > 0:
        s = m[r - 1][c - 1]
        if s >= threshold and abs(dp[r][c] - (dp[r - 1][c - 1] + s)) < 1e-12:
            pairs.append((r - 1, c - 1))
            r, c = r - 1, c - 1
        elif dp[r - 1][c] >= dp[r][c - 1]:
            r -= 1
        else:
            c -= 1
    pairs.reverse()
    return pairs


@dataclass
class _Row:
    """A row under construction: at most one unit per report."""

    units: dict[int, Unit]
    moved: bool = False


def _row_score(row: _Row, unit: Unit, cache: dict[tuple[int, int], Score]) -> Score:
    scores = [_cached(cache, u, unit) for u in row.units.values()]
    if len(scores) == 1:
        return scores[0]  # the mean of one score: its own values (a pair's every row)
    if not scores:
        return ZERO_SCORE
    n = len(scores)
    return Score(
        sum(s.score for s in scores) / n,
        sum(s.heading for s in scores) / n,
        sum(s.body for s in scores) / n,
    )


def _cached(
    cache: dict[tuple[int, int], Score], a: Unit, b: Unit, body: float | None = None
) -> Score:
    """``pair_score(a, b)``, once per pair (``body``: ``body_similarity(a, b)``, if known)."""
    k = (a.uid, b.uid) if a.uid < b.uid else (b.uid, a.uid)
    s = cache.get(k)
    if s is None:
        s = cache[k] = pair_score(a, b, body_ab=body)
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


def _body_pairs(rows: list[_Row]) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """Pairs ``(a, b)``, ``a < b``, of rows from different reports that may hold two units
    with body similarity of at least :data:`MOVED_BODY`, and the pairs of those units
    (``uid``s, smaller first) that may reach it; every other pair surely does not.

    The pairs are those of :func:`_body_bounds` whose bound reaches :data:`MOVED_BODY`,
    sorted as the plain double loop visits them: the result is the same.
    """
    row_pairs: set[tuple[int, int]] = set()
    units: set[tuple[int, int]] = set()
    for ra, rb, x, y, _ in _body_bounds(rows, MOVED_BODY - _SLACK):
        row_pairs.add((ra, rb))
        units.add((x.uid, y.uid) if x.uid < y.uid else (y.uid, x.uid))
    return sorted(row_pairs), units


def _body_bounds(rows: list[_Row], least: float = 0.0) -> list[tuple[int, int, Unit, Unit, float]]:
    """``(a, b, x, y, bound)``: rows ``a < b`` of different reports, their units ``x`` and
    ``y`` that share a word outside the common part of one of them, and an upper bound of
    ``body_similarity(x, y)``; any other two units of such rows surely score under
    :data:`MOVED_BODY`.

    Scoring every pair of lonely paragraphs is quadratic (2.46 million body comparisons
    for thirty reports). Body similarity is the mean of a cosine and a containment that
    only shared words feed (prefix filtering): each unit's most common words (over all
    lonely paragraphs) form its *common part* for as long as that part's vector norm stays
    ≤ :data:`_NORM` and its share of the unit's weight ≤ :data:`_SHARE`. Two units sharing
    only common-part words have cosine ≤ ``_NORM²`` and containment ≤ ``_SHARE``, together
    under ``2 × MOVED_BODY``; so a pair that can pass shares a word outside the common
    part of one of its units, and only such pairs are listed.

    Their bound adds up, over the postings of the words outside a common part, each shared
    word's exact share of the cosine and of the containment; the words in both common
    parts add at most the product of the two parts' norms (Cauchy–Schwarz) to the cosine
    and the lighter part's weight to the containment's numerator. Most listed pairs (96%
    on ten reports) score under :data:`MOVED_BODY`, and most of those are known to from
    their bound, without being scored. Only pairs whose bound is at least ``least`` are
    listed (of 126,000 bounded on ten reports, 17,000 reach :data:`MOVED_BODY`).
    """
    owner: list[int] = []
    units: list[Unit] = []
    for r, row in enumerate(rows):
        for u in row.units.values():
            if u.vec and u.total > 0:
                owner.append(r)
                units.append(u)
    postings: dict[str, list[int]] = {}
    for k, u in enumerate(units):
        for w in u.vec:
            postings.setdefault(w, []).append(k)
    masks = [sum(1 << i for i in rows[r].units) for r in owner]
    row_end = {r: k for k, r in enumerate(owner)}
    norm_limit = _NORM * _NORM
    # word -> the units whose common part holds the word (common) and those where it lies
    # outside (rare), in unit order: (unit, its row's reports, the word's vector value and
    # weight in it); and each unit's words of either kind
    common: dict[str, list[_Holder]] = {}
    rare: dict[str, list[_Holder]] = {}
    commons: list[list[str]] = []
    rares: list[list[str]] = []
    part_sq: list[float] = []
    part_weight: list[float] = []
    for k, u in enumerate(units):
        # Most common first; ties by the word, so the split does not depend on dict order.
        words = sorted(u.vec, key=lambda w: (-len(postings[w]), w))
        sq = 0.0
        share = 0.0
        kept_sq = 0.0
        kept_weight = 0.0
        cut = len(words)
        for i, w in enumerate(words):
            v = u.vec[w]
            sq += v * v
            share += u.weights[w] / u.total
            if sq > norm_limit or share > _SHARE:
                cut = i
                break
            kept_sq = sq
            kept_weight += u.weights[w]
        part_sq.append(kept_sq)
        part_weight.append(kept_weight)
        commons.append(words[:cut])
        rares.append(words[cut:])
        mask = masks[k]
        for i, w in enumerate(words):
            (rare if i >= cut else common).setdefault(w, []).append((k, mask, *u.pairs[w]))
    first = operator.itemgetter(0)
    out: list[tuple[int, int, Unit, Unit, float]] = []
    n = len(units)
    totals = [u.total for u in units]
    cos = [0.0] * n  # x's shared-word sums with each later unit (vector values are > 0)
    mins = [0.0] * n
    for k, x in enumerate(units):
        # Each shared word of x and a later unit once: a word outside x's common part
        # with every later holder, a word of x's common part with the later holders
        # outside whose common part it lies.
        lists = [(w, rare[w]) for w in rares[k]]
        lists += [(w, common[w]) for w in rares[k] if w in common]
        lists += [(w, rare[w]) for w in commons[k] if w in rare]
        mk = masks[k]
        last = row_end[owner[k]]  # x's row's units are together: start after them
        seen: list[int] = []
        for w, holders in lists:
            vk, xk = x.pairs[w]
            for j, mj, vj, xj in holders[bisect.bisect_right(holders, last, key=first) :]:
                if mk & mj:
                    continue  # a row sharing a report
                c = cos[j]
                if not c:
                    seen.append(j)
                cos[j] = c + vk * vj
                mins[j] += xk if xk < xj else xj  # noqa: FURB136 (min() is slower here)
        sq_k, weight_k, total_k, ra = part_sq[k], part_weight[k], x.total, owner[k]
        for j in seen:
            # the smaller weight and total without min() calls (121,000 pairs on ten reports)
            weight_j, total_j = part_weight[j], totals[j]
            weight = mins[j] + (weight_k if weight_k < weight_j else weight_j)  # noqa: FURB136
            smaller = total_k if total_k < total_j else total_j  # noqa: FURB136
            bound = (cos[j] + math.sqrt(sq_k * part_sq[j]) + weight / smaller) / 2.0
            cos[j] = mins[j] = 0.0
            if bound < least:
                continue
            rb = owner[j]
            y = units[j]
            out.append((ra, rb, x, y, bound) if ra < rb else (rb, ra, y, x, bound))
    return out


_Holder = tuple[int, int, float, float]
"""A unit holding a word in :func:`_body_bounds`: the unit, its row's reports (a bit each),
and the word's vector value and weight in it."""
_NORM = 0.4
_SHARE = 2.0 * MOVED_BODY - _NORM * _NORM - 1e-9
"""Bounds of a unit's common part in :func:`_body_bounds`: ``_NORM² + _SHARE`` stays under
``2 × MOVED_BODY`` (0.16 + 0.08 < 0.24)."""
_SLACK = 1e-9
"""A bound is summed in another order than :func:`body_similarity`'s sums: a pair is
dropped only when its bound is under :data:`MOVED_BODY` by more than any rounding."""
