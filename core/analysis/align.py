"""Align sections and paragraphs of any number of reports by heading and body similarity."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportdiff.core.analysis.similarity import (
    HEADING_WEIGHT,
    MIN_BODY,
    ZERO_SCORE,
    ReportTokens,
    Score,
    Unit,
    body_similarity,
    body_without,
    child_units,
    lead_score,
    pair_score,
    report_tokens,
    top_units,
    vectorize,
    whole_score,
    word_idf,
)
from reportdiff.core.comparison import AlignedRow
from reportdiff.core.model import Report

__all__ = [
    "ACCEPT",
    "HEADING_WEIGHT",
    "MIN_BODY",
    "MOVED",
    "ReportTokens",
    "align_reports",
    "format_alignment",
    "report_tokens",
]

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


def _match_rows(
    matrix: list[list[float]], bodies: list[list[float]]
) -> tuple[dict[int, int], dict[int, int]]:
    """Match pivot rows to one report's units: in-order anchors and moved pairs.

    Three passes, so that a weak in-order pair cannot take a unit from its true,
    out-of-order counterpart (shanghai-2023's 民生 section is third, pudong-2023's fifth):
    strong pairs (≥ :data:`STRONG`) in document order first; then mutual-best pairs among
    what is left (≥ :data:`MOVED`, with body evidence), kept in order if they fit between
    the anchors and marked moved if not; then weaker in-order pairs (≥ :data:`ACCEPT`)
    inside the gaps between anchors.

    Returns:
        ``(anchors, moved)``: both map a row index to a unit index.
    """
    n_rows = len(matrix)
    n_units = len(matrix[0]) if n_rows else 0
    anchors = dict(_ordered_matches(matrix, STRONG))
    moved: dict[int, int] = {}

    def in_order(r: int, c: int) -> bool:
        return all((r2 < r) == (c2 < c) for r2, c2 in anchors.items())

    taken = set(anchors.values())
    free_rows = [r for r in range(n_rows) if r not in anchors]
    free_units = [c for c in range(n_units) if c not in taken]
    candidates = sorted(
        (
            (matrix[r][c], r, c)
            for r in free_rows
            for c in free_units
            if matrix[r][c] >= MOVED and bodies[r][c] >= MOVED_BODY
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for sc, r, c in candidates:
        if r in anchors or r in moved or c in taken:
            continue
        # Mutual best among all: a pair out of order must be unambiguous, not the best of
        # what is left once each side's true counterpart went elsewhere (2000's 加快科技、
        # 教育发展，加强精神文明建设 is not 2001's 继续实施可持续发展战略 because its
        # counterpart 加强精神文明… was paired in order).
        best_r = max((matrix[rr][c] for rr in range(n_rows)), default=0.0)
        best_c = max((matrix[r][cc] for cc in range(n_units)), default=0.0)
        if sc >= best_r and sc >= best_c:
            if in_order(r, c):
                anchors[r] = c
            else:
                moved[r] = c
            taken.add(c)
    # Fill each gap between consecutive anchors with weaker pairs kept in order.
    bounds = sorted(anchors.items())
    edges = [(-1, -1), *bounds, (n_rows, n_units)]
    for (r0, c0), (r1, c1) in itertools.pairwise(edges):
        gap_rows = [r for r in range(r0 + 1, r1) if r not in moved]
        gap_units = [c for c in range(c0 + 1, c1) if c not in taken]
        if not gap_rows or not gap_units:
            continue
        sub = [[matrix[r][c] for c in gap_units] for r in gap_rows]
        for i, j in _ordered_matches(sub, ACCEPT_GAP):
            anchors[gap_rows[i]] = gap_units[j]
            taken.add(gap_units[j])
    return anchors, moved


def _merge_level(
    unit_lists: Sequence[list[Unit]], cache: dict[tuple[int, int], Score]
) -> list[_Row]:
    """Align the units of one level of every report into rows, report by report.

    Each report is matched against the rows built so far (a growing pivot): first an
    order-preserving matching, then strong mutual-best matches out of order (moved), and
    the remaining units become rows of their own next to their document neighbours.
    """
    rows: list[_Row] = []
    for units in unit_lists:
        if not rows:
            rows = [_Row({u.report: u}) for u in units]
            continue
        if not units:
            continue
        full = [[_row_score(row, u, cache) for u in units] for row in rows]
        matrix = [[s.score for s in line] for line in full]
        bodies = [[s.body for s in line] for line in full]
        anchors, moved = _match_rows(matrix, bodies)
        used_units = set(anchors.values()) | set(moved.values())
        # Rebuild the row list in the pivot's order, slotting each unmatched unit of this
        # report in just before the row of the next unit that was matched in order.
        merged: list[_Row] = []
        next_unit = 0
        for r, row in enumerate(rows):
            if r in anchors:
                c = anchors[r]
                for k in range(next_unit, c):
                    if k not in used_units:
                        merged.append(_Row({units[k].report: units[k]}))
                row.units[units[c].report] = units[c]
                next_unit = c + 1
            elif r in moved:
                row.units[units[moved[r]].report] = units[moved[r]]
                row.moved = True
            merged.append(row)
        for k in range(next_unit, len(units)):
            if k not in used_units:
                merged.append(_Row({units[k].report: units[k]}))
        rows = merged
    return rows


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


def _align_level(
    unit_lists: list[list[Unit]],
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    cache: dict[tuple[int, int], Score],
    idf: dict[str, float],
) -> list[_Tree]:
    vectorize([u for units in unit_lists for u in units], idf)
    trees = [_Tree(r) for r in _merge_level(unit_lists, cache)]
    for tree in trees:
        child_lists: list[list[Unit]] = [[] for _ in reports]
        for i, u in sorted(tree.row.units.items()):
            child_lists[i] = child_units(u, reports, tokens)
        if any(child_lists):
            tree.children = _align_level([c for c in child_lists if c], reports, tokens, cache, idf)
    return trees


BROAD_LEADS = 5
"""Least lead paragraphs for a section to count as broad (several topics, one a paragraph)."""
BROAD_SHARE = 1.0 / 3.0
"""A broad section is another section's counterpart only if at least this share of its
lead paragraphs are, of all that section's siblings, most like that section."""
LEAD_MARGIN = 0.05
"""How much better the chosen lead paragraph must match than the next one."""
UNLIKE_HEADINGS = 0.3
"""Below this heading similarity two sections are counterparts by their bodies alone."""


def _split_broad_pairs(
    trees: list[_Tree],
    cache: dict[tuple[int, int], Score],
    covered: set[int],
    idf: dict[str, float],
    freed: set[int],
) -> None:
    """Re-pair a section with a lead paragraph when its counterpart section is broader.

    One report gives a topic a section (1999's 促进农业和农村经济全面发展), the other one
    lead paragraph inside a broader section (2000's 进一步稳定和加强农业的基础地位 inside
    大力推进经济结构的战略性调整, eleven lead paragraphs on industry, infrastructure,
    regions …). Order and weak scores then pair the two sections. Such a pair is split,
    the section meeting the paragraph and the broad section standing alone, only when all
    hold: the broad section has at least :data:`BROAD_LEADS` lead paragraphs and fewer than
    :data:`BROAD_SHARE` of them are more like this section than like any of its siblings
    of the same role (the broad section is mostly about other things); one lead paragraph
    matches this section better than the two sections match each other, by a margin over
    the next paragraph, in the same role (:func:`lead_score`); and that paragraph is more
    like this section than like any of its siblings. A report pair of parts on the same
    themes (2000's 搞好社会保障体系建设 ↔ 2001's 不断改善人民生活，完善社会保障制度, four
    lead paragraphs) is left as it is.

    A pair of sections whose headings say different things (< :data:`UNLIKE_HEADINGS`)
    rests on their bodies; when that likeness comes from one paragraph of the other
    section (without it, the rest is unlike: body < :data:`MOVED_BODY`), the section meets
    that paragraph instead, however few leads the other has (2005's review section
    采取更直接、更有力的政策措施，促进粮食增产和农民增收 is 2006's paragraph
    继续加强“三农”工作, the first of three in 积极推进经济结构调整和增长方式转变), when
    the paragraph has a lead that matches at least as well as the pair (:func:`lead_score`).

    The paragraph of this section that was paired with the lead paragraph (1999's
    调整和优化农业结构) has its counterpart in the row above now: its uid goes into
    ``covered`` so that it is not paired across sections with a stranger.
    """
    out: list[_Tree] = []
    for t in trees:
        _split_broad_pairs(t.children, cache, covered, idf, freed)
        split = _broad_split(t, trees, cache, covered, idf, freed)
        out.extend(split if split else [t])
    trees[:] = out


def _resting_paragraph(
    t: _Tree, sec: Unit, other: Unit, pair: Score, idf: dict[str, float]
) -> tuple[float, Unit] | None:
    """The paragraph of ``other`` that a body-only pair of sections rests on, if any.

    An untitled section (各位代表！加强国防和军队建设…) meets the paragraph by body alone."""
    if pair.heading >= UNLIKE_HEADINGS:
        return None
    paras = [
        c.row.units[other.report]
        for c in t.children
        if other.report in c.row.units and c.row.units[other.report].ref.kind == "paragraph"
    ]
    if len(paras) < 2:
        return None
    para = max(paras, key=lambda p: body_similarity(sec.whole or sec, p))
    top = _section_para_score(sec, para).score
    if not para.ref.label or top < ACCEPT or top < pair.score:
        return None
    if body_without(sec, other, para, idf) >= MOVED_BODY:
        return None
    return top, para


def _section_para_score(sec: Unit, para: Unit) -> Score:
    """:func:`lead_score`, or for an untitled section the body similarity alone (same role)."""
    if sec.head_key:
        return lead_score(sec, para)
    if sec.role != para.role or not para.vec:
        return ZERO_SCORE
    body = body_similarity(sec.whole or sec, para)
    return Score(body, 0.0, body)


def _broad_split(
    t: _Tree,
    siblings: list[_Tree],
    cache: dict[tuple[int, int], Score],
    covered: set[int],
    idf: dict[str, float],
    freed: set[int],
) -> list[_Tree] | None:
    units = t.row.units
    if len(units) != 2 or any(u.ref.kind != "section" for u in units.values()):
        return None
    pair_scores = _row_scores(t.row, cache)
    pair = pair_scores.score
    best: tuple[float, int, Unit] | None = None
    for s in sorted(units):
        sec = units[s]
        o = next(r for r in units if r != s)
        leads = [
            c.row.units[o]
            for c in t.children
            if o in c.row.units
            and c.row.units[o].ref.kind == "paragraph"
            and c.row.units[o].ref.label
        ]
        resting = _resting_paragraph(t, sec, units[o], pair_scores, idf)
        if resting is not None and (best is None or resting[0] > best[0]):
            best = (resting[0], s, resting[1])
        if len(leads) < BROAD_LEADS:
            continue
        sibs = [
            x.row.units[s]
            for x in siblings
            if s in x.row.units
            and x.row.units[s].ref.kind == "section"
            and x.row.units[s].role == sec.role
        ]

        def favourite(p: Unit, sibs: list[Unit] = sibs) -> Unit:
            return max(sibs, key=lambda q: lead_score(q, p).score)

        scores = sorted(((lead_score(sec, p).score, k) for k, p in enumerate(leads)), reverse=True)
        top, k = scores[0]
        runner_up = scores[1][0] if len(scores) > 1 else 0.0
        if top < ACCEPT or top < pair or top - runner_up < LEAD_MARGIN:
            continue
        votes = sum(1 for p in leads if favourite(p) is sec)
        if votes >= BROAD_SHARE * len(leads) or favourite(leads[k]) is not sec:
            continue
        if best is None or top > best[0]:
            best = (top, s, leads[k])
    if best is None:
        return None
    _, s, para = best
    o = next(r for r in units if r != s)
    sec = units[s]
    key = (sec.uid, para.uid) if sec.uid < para.uid else (para.uid, sec.uid)
    cache[key] = _section_para_score(sec, para)
    for c in t.children:
        if c.row.units.get(o) is para and s in c.row.units:
            covered.add(c.row.units[s].uid)
    mine = _project(t, s)
    theirs = _project(t, o, drop=para)
    assert mine is not None and theirs is not None
    mine.row.units[o] = para
    freed.add(units[o].uid)
    return [mine, theirs] if s < o else [theirs, mine]


COVERS = 3
"""Least sections of a part, each matched at least :data:`STRONG`, for a section of the other
report to cover that whole part."""


def _meet_parts(
    trees: list[_Tree],
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    cache: dict[tuple[int, int], Score],
    idf: dict[str, float],
) -> None:
    """Pair a section with a part of the other report whose topics it covers.

    One report gives economic reform one section or part without sections (1995's
    三、以国有企业为重点深化经济体制改革: enterprises, social insurance, finance, tax,
    planning), the other a part cut into sections (2005's 四、大力推进经济体制改革和对外开放:
    rural reform, 深化国有企业改革, private business, finance, tax and investment, markets).
    The part's sections are aligned one level with the other report's sections, so the
    broad section meets the one of them whose heading it shares most (深化国有企业改革),
    and the part, standing for its opening, nothing. A section that matches at least
    :data:`COVERS` sections of one part at :data:`STRONG` or more is about that part: when
    the part has no counterpart, the section meets it (taken whole, :func:`whole_score` at
    least :data:`ACCEPT`) instead of the one section it was paired with, which stands alone.
    """
    parts = [
        t
        for t in trees
        if len(t.row.units) == 1
        and (p := next(iter(t.row.units.values()))).shallow
        and p.whole is not None
    ]
    for pt in parts:
        ((j, part),) = pt.row.units.items()
        prefix = part.ref.path
        inside = [
            (t, t.row.units[j])
            for t in trees
            if j in t.row.units
            and t.row.units[j].ref.kind == "section"
            and t.row.units[j].ref.path[:-1] == prefix
        ]
        if len(inside) < COVERS:
            continue
        best: tuple[float, _Tree, Unit] | None = None
        for t in trees:
            if t is pt or j in t.row.units and t.row.units[j].ref.path[:-1] != prefix:
                continue
            for i, x in t.row.units.items():
                if i == j or x.ref.kind != "section" or len(t.row.units) > 2:
                    continue
                covered = sum(1 for _, sec in inside if _cached(cache, x, sec).score >= STRONG)
                if covered < COVERS:
                    continue
                sc = whole_score(x, part).score
                if sc >= ACCEPT and (best is None or sc > best[0]):
                    best = (sc, t, x)
        if best is None:
            continue
        _, t, x = best
        k = trees.index(t)
        lo, hi = sorted((k, trees.index(pt)))
        # out of the report's order if another of its sections stands between the two places
        pt.row.moved = any(x.report in r.row.units for r in trees[lo + 1 : hi])
        rest = _project(t, j) if j in t.row.units else None
        trees[k : k + 1] = [rest] if rest is not None else []
        key = (x.uid, part.uid) if x.uid < part.uid else (part.uid, x.uid)
        cache[key] = whole_score(x, part)
        pt.children = _joined_children(trees, part, x, reports, tokens, cache, idf)
        pt.row.units[x.report] = x


def _joined_children(
    trees: list[_Tree],
    a: Unit,
    b: Unit,
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    cache: dict[tuple[int, int], Score],
    idf: dict[str, float],
) -> list[_Tree]:
    """The children of a new row pairing ``a`` and ``b``, aligned as :func:`_align_level`
    does; paragraphs that already met a counterpart elsewhere (a lead paragraph given to
    a section by :func:`_split_broad_pairs`) stay where they are."""
    lists: list[list[Unit]] = []
    for u in sorted((a, b), key=lambda u: u.report):
        placed = {p.ref.path for p in _units_of(trees, u.report) if p.ref.kind == "paragraph"}
        lists.append([c for c in child_units(u, reports, tokens) if c.ref.path not in placed])
    return _align_level([c for c in lists if c], reports, tokens, cache, idf)


def _pair_freed(
    trees: list[_Tree],
    top: list[_Tree],
    freed: set[int],
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    cache: dict[tuple[int, int], Score],
    idf: dict[str, float],
) -> None:
    """Pair a section that :func:`_split_broad_pairs` left alone with a lone section.

    The order-keeping matching gave the section a counterpart that turned out to be about
    one of its paragraphs (2005's untitled 各位代表！加强国防和军队建设 took 1995's
    为改革和发展创造良好的社会环境, democracy, law, order and defence, for its defence
    paragraph); the section's true counterpart (2005's 加强民主法制建设，切实维护社会稳定)
    was then left alone. A freed section meets a section of the other report standing
    alone in the same list when each is the other's best among such lone sections, with a
    score of at least :data:`STRONG`; the row is marked moved if the two places are not in
    both reports' order.
    """
    for t in trees:
        _pair_freed(t.children, top, freed, reports, tokens, cache, idf)

    def lone(t: _Tree) -> Unit | None:
        if len(t.row.units) != 1:
            return None
        (u,) = t.row.units.values()
        return u if u.ref.kind == "section" else None

    for xt in list(trees):
        x = lone(xt)
        if x is None or x.uid not in freed or xt not in trees:
            continue
        others = [(yt, y) for yt in trees if (y := lone(yt)) is not None and y.report != x.report]
        if not others:
            continue
        yt, y = max(others, key=lambda p: _cached(cache, x, p[1]).score)
        sc = _cached(cache, x, y).score
        rivals = [u for t in trees if (u := lone(t)) is not None and u.report == x.report]
        if sc < STRONG or any(_cached(cache, u, y).score > sc for u in rivals):
            continue
        a, b = sorted((trees.index(xt), trees.index(yt)))
        between = trees[a + 1 : b]
        # The row stays where moving the other unit to it keeps that unit's report in order.
        if not any(y.report in r.row.units for r in between):
            keep, drop, moved = xt, yt, False
        else:
            keep, drop = yt, xt
            moved = any(x.report in r.row.units for r in between)
        trees.remove(drop)
        keep.children = _joined_children(top, x, y, reports, tokens, cache, idf)
        keep.row.units[x.report] = x
        keep.row.units[y.report] = y
        keep.row.moved = moved
        freed.discard(x.uid)


def _units_of(trees: list[_Tree], r: int) -> list[Unit]:
    """Every unit of report ``r`` in rows that pair it with another report's unit."""
    out: list[Unit] = []
    for t in trees:
        if r in t.row.units and len(t.row.units) > 1:
            out.append(t.row.units[r])
        out.extend(_units_of(t.children, r))
    return out


def _project(t: _Tree, r: int, drop: Unit | None = None) -> _Tree | None:
    """The part of a tree that holds report ``r``'s units (without ``drop``), unpaired."""
    u = t.row.units.get(r)
    if u is None or u is drop:
        return None
    kids = [p for c in t.children if (p := _project(c, r, drop)) is not None]
    return _Tree(_Row({r: u}), kids)


def _cross_moves(
    trees: list[_Tree],
    n_reports: int,
    cache: dict[tuple[int, int], Score],
    covered: frozenset[int] = frozenset(),
) -> None:
    """Pair paragraphs left alone in their section with a counterpart in another section.

    Topics move between sections from one year to the next: 2022 reports innovation as
    the paragraph 创新动能加快培育 of its economy section, 2023 gives it a section of its
    own (抓重点、破难点，创新动能加速释放). A reader still wants the two side by side, so
    such pairs become one row (``moved``) under the earlier report's section.
    """
    lonely: list[tuple[_Tree, list[_Tree], _Row]] = []

    def collect(nodes: list[_Tree]) -> None:
        for t in nodes:
            kinds = {u.ref.kind for u in t.row.units.values()}
            if (
                kinds == {"paragraph"}
                and len(t.row.units) < n_reports
                and not any(u.uid in covered for u in t.row.units.values())
            ):
                lonely.append((t, nodes, t.row))
            collect(t.children)

    collect(trees)
    if len(lonely) < 2:
        return
    candidates: list[tuple[float, int, int]] = []
    for a, b in _body_pairs([t[2] for t in lonely]):
        ra = lonely[a][2]
        rb = lonely[b][2]
        if lonely[a][1] is lonely[b][1] or ra.units.keys() & rb.units.keys():
            continue
        # Cheap test first: a moved pair needs body evidence, headings cost rapidfuzz.
        if all(
            body_similarity(x, y) < MOVED_BODY for x in ra.units.values() for y in rb.units.values()
        ):
            continue
        scores = [_cached(cache, x, y) for x in ra.units.values() for y in rb.units.values()]
        s = sum(sc.score for sc in scores) / len(scores)
        body = sum(sc.body for sc in scores) / len(scores)
        if s >= MOVED and body >= MOVED_BODY:
            candidates.append((s, a, b))
    # Mutual best over all lonely paragraphs, not just the ones still free: a moved pair
    # must be unambiguous, not the best of what is left (a paragraph whose true
    # counterpart was paired in order would otherwise grab the next-best stranger).
    best: dict[int, float] = {}
    for sc, a, b in candidates:
        best[a] = max(best.get(a, 0.0), sc)
        best[b] = max(best.get(b, 0.0), sc)
    candidates = [c for c in candidates if c[0] >= best[c[1]] and c[0] >= best[c[2]]]
    candidates.sort(key=lambda t: (-t[0], t[1], t[2]))
    gone: set[int] = set()
    for _, a, b in candidates:
        if a in gone or b in gone:
            continue
        ta, sib_a, ra = lonely[a]
        tb, sib_b, rb = lonely[b]
        if ra.units.keys() & rb.units.keys():
            continue
        # The merged row stays where the earlier report's paragraph stands.
        keep, drop, drop_sibs = (
            (ta, tb, sib_b) if min(ra.units) <= min(rb.units) else (tb, ta, sib_a)
        )
        keep.row.units.update(drop.row.units)
        keep.row.moved = True
        drop_sibs.remove(drop)
        for x in range(len(lonely)):
            if lonely[x][0] is drop:
                gone.add(x)


def _prefer_leads(trees: list[_Tree], cache: dict[tuple[int, int], Score]) -> None:
    """Give a paired paragraph's place to its neighbour when the neighbour says the topic.

    One report may spread a topic over two consecutive paragraphs that the other holds in
    one: 1992's 做好思想文化工作，推进社会主义精神文明建设 and then 文化建设是精神文明建设
    的重要方面 against 1993's 切实加强社会主义精神文明建设, which speaks of both. The
    body words are shared out between the two, so they score about alike and the body
    cannot tell which is the counterpart; the lead phrase, the report's own summary, can.
    A pair of paragraphs with lead phrases whose paragraph has a neighbour (the paragraph
    just before or after it in the same section) with a lead and without a counterpart, scoring within :data:`LEAD_MARGIN` of the pair and
    with a lead phrase more like the other's by at least :data:`LEAD_MARGIN`, is given to
    that neighbour; the paragraph it replaces stands alone.
    """
    lone: dict[tuple[int, tuple[int, ...], bool], tuple[_Tree, list[_Tree]]] = {}
    pairs: list[tuple[_Tree, list[_Tree]]] = []

    def collect(nodes: list[_Tree]) -> None:
        for t in nodes:
            units = t.row.units
            if all(u.ref.kind == "paragraph" for u in units.values()):
                if len(units) == 1:
                    (u,) = units.values()
                    lone[(u.report, u.ref.path, u.ref.preamble)] = (t, nodes)
                elif len(units) == 2:
                    pairs.append((t, nodes))
            collect(t.children)

    collect(trees)
    for t, sibs in pairs:
        for j in sorted(t.row.units):
            y = t.row.units[j]
            x = next(u for r, u in t.row.units.items() if r != j)
            if not (x.ref.label and y.ref.label):
                continue  # only lead phrases can tell which neighbour says the topic
            cur = _cached(cache, x, y)
            swap = None
            for step in (-1, 1):
                path = (*y.ref.path[:-1], y.ref.path[-1] + step)
                hit = lone.get((j, path, y.ref.preamble))
                if hit is None or not hit[0].row.units[j].ref.label:
                    continue
                sc = _cached(cache, x, hit[0].row.units[j])
                if (
                    sc.score >= ACCEPT
                    and sc.score >= cur.score - LEAD_MARGIN
                    and sc.heading >= cur.heading + LEAD_MARGIN
                    and (t.row.moved or _may_trade_places(t, hit[0], sibs, hit[1], x.report))
                ):
                    swap = hit
                    break
            if swap is None:
                continue
            zt, zsibs = swap
            z = zt.row.units[j]
            t.row.units[j] = z
            zt.row.units[j] = y
            del lone[(j, z.ref.path, z.ref.preamble)]
            lone[(j, y.ref.path, y.ref.preamble)] = (zt, zsibs)
            if not t.row.moved:
                a, b = sibs.index(t), sibs.index(zt)
                sibs[a], sibs[b] = zt, t
            break


def _may_trade_places(t: _Tree, z: _Tree, sibs: list[_Tree], zsibs: list[_Tree], i: int) -> bool:
    """Whether rows ``t`` and ``z`` of one list can trade places without report ``i``'s
    units between them falling out of document order."""
    if sibs is not zsibs:
        return False
    a, b = sorted((sibs.index(t), sibs.index(z)))
    return not any(i in r.row.units for r in sibs[a + 1 : b])


def _body_pairs(rows: list[_Row]) -> list[tuple[int, int]]:
    """Pairs ``(a, b)``, ``a < b``, of rows from different reports that may hold two units
    with body similarity of at least :data:`MOVED_BODY`; every other pair surely has none.

    Scoring every pair of lonely paragraphs is quadratic (2.46 million body comparisons
    for thirty reports). Body similarity is the mean of a cosine and a containment that
    only shared words feed (prefix filtering): each unit's most common words (over all
    lonely paragraphs) form its *common part* for as long as that part's vector norm stays
    ≤ :data:`_NORM` and its share of the unit's weight ≤ :data:`_SHARE`. Two units sharing
    only common-part words have cosine ≤ ``_NORM²`` and containment ≤ ``_SHARE``, together
    under ``2 × MOVED_BODY``; so a pair that can pass shares a word outside the common
    part of one of its units, and only such pairs are listed, sorted as the plain double
    loop visits them: the result is the same.
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
    reports = [frozenset(row.units) for row in rows]
    norm_limit = _NORM * _NORM
    pairs: set[tuple[int, int]] = set()
    for k, u in enumerate(units):
        # Most common first; ties by the word, so the split does not depend on dict order.
        words = sorted(u.vec, key=lambda w: (-len(postings[w]), w))
        sq = 0.0
        share = 0.0
        cut = len(words)
        for i, w in enumerate(words):
            v = u.vec[w]
            sq += v * v
            share += u.weights[w] / u.total
            if sq > norm_limit or share > _SHARE:
                cut = i
                break
        ra = owner[k]
        mine = reports[ra]
        for w in words[cut:]:
            for j in postings[w]:
                rb = owner[j]
                if ra != rb and not mine & reports[rb]:
                    pairs.add((ra, rb) if ra < rb else (rb, ra))
    return sorted(pairs)


_NORM = 0.4
_SHARE = 2.0 * MOVED_BODY - _NORM * _NORM - 1e-9
"""Bounds of a unit's common part in :func:`_body_pairs`: ``_NORM² + _SHARE`` stays under
``2 × MOVED_BODY`` (0.16 + 0.08 < 0.24)."""


def _freeze(
    trees: list[_Tree], n: int, cache: dict[tuple[int, int], Score]
) -> tuple[AlignedRow, ...]:
    out: list[AlignedRow] = []
    for t in trees:
        units = t.row.units
        kind = next(iter(units.values())).ref.kind
        s = _row_scores(t.row, cache)
        out.append(
            AlignedRow(
                kind=kind,
                nodes=tuple(units[i].ref if i in units else None for i in range(n)),
                score=s.score,
                heading_score=s.heading,
                body_score=s.body,
                moved=t.row.moved,
                children=_freeze(t.children, n, cache),
            )
        )
    return tuple(out)


def align_reports(
    reports: Sequence[Report], *, tokens: Sequence[ReportTokens] | None = None
) -> tuple[AlignedRow, ...]:
    """Align the sections and paragraphs of any number of reports.

    Sections are scored on heading similarity (character bigrams of the match key and
    rapidfuzz ``token_set_ratio`` on jieba words) and body similarity (TF-IDF cosine and
    containment over jieba words), both reported on each row. Order is kept where it
    holds (a weighted LCS); strong matches out of order become rows with ``moved=True``;
    a node with no counterpart gets a row of its own at its document position.
    Inside every row, blocks and sub-sections are aligned the same way; paragraphs left
    without a counterpart are then matched across sections (moved paragraphs).

    Args:
        reports: The reports, in comparison order (the first one sets the reading order).
        tokens: Pre-computed :func:`report_tokens` per report (e.g. from the cache).

    Returns:
        Top-level rows in reading order; each row has one node (or None) per report.
    """
    if tokens is None:
        tokens = [report_tokens(r) for r in reports]
    cache: dict[tuple[int, int], Score] = {}
    unit_lists = [top_units(i, r, tokens[i]) for i, r in enumerate(reports)]
    idf = word_idf(reports, tokens)
    trees = _align_level(unit_lists, reports, tokens, cache, idf)
    covered: set[int] = set()
    freed: set[int] = set()
    _split_broad_pairs(trees, cache, covered, idf, freed)
    _meet_parts(trees, reports, tokens, cache, idf)
    _pair_freed(trees, trees, freed, reports, tokens, cache, idf)
    _cross_moves(trees, len(reports), cache, frozenset(covered))
    _prefer_leads(trees, cache)
    return _freeze(trees, len(reports), cache)


def format_alignment(rows: Sequence[AlignedRow], *, depth: int = 1) -> str:
    """A plain-text view of an alignment, one row per line, for people checking it.

    Each line shows the row kind, the combined, heading and body scores, ``moved`` when
    set, and every report's heading or lead phrase (``—`` where it has no counterpart,
    ``·`` for a block without a lead phrase). Children are indented, down to ``depth``.
    """
    lines: list[str] = []

    def rec(level_rows: Sequence[AlignedRow], level: int) -> None:
        for row in level_rows:
            labels = [("—" if n is None else (n.label or "·")) for n in row.nodes]
            flag = " moved" if row.moved else ""
            lines.append(
                f"{'  ' * level}[{row.kind[0]}] {row.score:.2f} "
                f"(h {row.heading_score:.2f} b {row.body_score:.2f}){flag}: " + " | ".join(labels)
            )
            if level < depth:
                rec(row.children, level + 1)

    rec(rows, 0)
    return "\n".join(lines)
