"""Align sections and paragraphs of any number of reports by heading and body similarity."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from reportdiff.core.analysis.alignchance import unmet_sections
from reportdiff.core.analysis.aligncross import uncross
from reportdiff.core.analysis.alignevidence import TopicEvidence
from reportdiff.core.analysis.alignleads import (
    lone_sections_meet_leads,
    sole_reviews_meet,
    stray_leads_meet,
)
from reportdiff.core.analysis.alignopenings import openings_meet
from reportdiff.core.analysis.alignpoints import sections_meet_points
from reportdiff.core.analysis.alignrefine import (
    _meet_parts,
    _pair_freed,
    _prefer_leads,
    _split_broad_pairs,
)
from reportdiff.core.analysis.alignrivals import body_rivals, part_rivals
from reportdiff.core.analysis.alignrows import (
    _SLACK,
    ACCEPT,
    ACCEPT_GAP,
    MOVED,
    MOVED_BODY,
    STRONG,
    _body_pairs,
    _cached,
    _ordered_matches,
    _Row,
    _row_score,
    _row_scores,
    _Tree,
)
from reportdiff.core.analysis.similarity import (
    HEADING_WEIGHT,
    MIN_BODY,
    SECTION_BODY,
    ReportTokens,
    Score,
    Unit,
    body_similarity,
    pair_score,
    report_tokens,
    vectorize,
    word_idf,
)
from reportdiff.core.analysis.unittree import child_units, top_units
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
    "named_score",
    "report_tokens",
]


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
        # Two sections hemmed in by counterparts still need the full threshold: a section
        # has many paragraphs to show its counterpart by, and two that share only a
        # report's common words (1981's 一、依靠政策和科学，加快农业的发展 and 1982's
        # 第六个五年计划的基本任务, 0.17) are not counterparts because they stand between
        # two pairs. Paragraphs may pair on less (:data:`ACCEPT_GAP`).
        matrix = [
            [
                0.0 if s.score < ACCEPT and _both_sections(row, u) else s.score
                for s, u in zip(line, units, strict=True)
            ]
            for line, row in zip(full, rows, strict=True)
        ]
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


def _both_sections(row: _Row, unit: Unit) -> bool:
    """Whether a unit and every unit of a row are sections."""
    return unit.ref.kind == "section" and all(u.ref.kind == "section" for u in row.units.values())


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
    pairs, may = _body_pairs([t[2] for t in lonely])
    for a, b in pairs:
        ra = lonely[a][2]
        rb = lonely[b][2]
        if lonely[a][1] is lonely[b][1] or ra.units.keys() & rb.units.keys():
            continue
        # Cheap tests first: a moved pair needs body evidence, headings cost rapidfuzz.
        # Units whose bound is under MOVED_BODY surely score under it; and the pair's mean
        # body (below) is at most the mean of its units' body similarities. Those worked
        # out here are not worked out again for the scores.
        known: dict[tuple[int, int], float] = {}
        if not _body_evidence(ra, rb, may, known) or not _bodies_may_reach(ra, rb, cache, known):
            continue
        scores = [
            named_score(x, y, plain) if x.topic or y.topic else plain
            for x in ra.units.values()
            for y in rb.units.values()
            for plain in (_cached(cache, x, y, known.get((x.uid, y.uid))),)
        ]
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


def named_score(a: Unit, b: Unit, plain: Score | None = None) -> Score:
    """:func:`~reportdiff.core.analysis.similarity.pair_score` of two paragraphs met across
    sections, where a paragraph's opening field name (:mod:`.topicopen`) is evidence too:
    never against a pair nor alone, the score with it counts when better than without and
    the bodies share at least :data:`SECTION_BODY` (财税体制改革 and 进一步深化流通体制改革
    share 体制改革 and hardly a word of their bodies). Within a pair of sections order and
    bodies place the paragraph. ``plain``: their ``pair_score`` where the caller has it
    (cached)."""
    if plain is None:
        plain = pair_score(a, b)
    if not (a.topic or b.topic):
        return plain
    keyed = pair_score(a, b, True)
    return keyed if keyed.score > plain.score and keyed.body >= SECTION_BODY else plain


def _body_evidence(
    ra: _Row, rb: _Row, may: set[tuple[int, int]], known: dict[tuple[int, int], float]
) -> bool:
    """Whether a unit of ``ra`` and one of ``rb`` reach :data:`MOVED_BODY` in body
    similarity (only the unit pairs in ``may`` can); each similarity worked out on the
    way is kept in ``known`` under the two ``uid``s in that order."""
    for x in ra.units.values():
        for y in rb.units.values():
            if ((x.uid, y.uid) if x.uid < y.uid else (y.uid, x.uid)) in may:
                body = known[x.uid, y.uid] = body_similarity(x, y)
                if body >= MOVED_BODY:
                    return True
    return False


def _bodies_may_reach(
    ra: _Row, rb: _Row, cache: dict[tuple[int, int], Score], known: dict[tuple[int, int], float]
) -> bool:
    """Whether the mean body score of the unit pairs of two rows may reach
    :data:`MOVED_BODY`, from an upper bound of each: its score's body where it is scored
    already, else its body similarity (a score's body is that, capped at 1, or 0), kept
    in ``known``; 1 for a pair whose score compares the units' wholes."""
    total = 0.0
    n = 0
    for x in ra.units.values():
        for y in rb.units.values():
            n += 1
            score = cache.get((x.uid, y.uid) if x.uid < y.uid else (y.uid, x.uid))
            if score is not None:
                total += score.body
            elif x.shallow != y.shallow:
                total += 1.0
            else:
                body = known.get((x.uid, y.uid))
                if body is None:
                    body = known[x.uid, y.uid] = body_similarity(x, y)
                total += body
    return total / n >= MOVED_BODY - _SLACK


def _freeze(
    trees: list[_Tree], n: int, cache: dict[tuple[int, int], Score], evidence: TopicEvidence
) -> tuple[AlignedRow, ...]:
    out: list[AlignedRow] = []
    for t in trees:
        units = t.row.units
        kind = next(iter(units.values())).ref.kind
        s = _row_scores(t.row, cache)
        strays = evidence.strays(units, lambda x, y: _cached(cache, x, y))
        if not strays and kind == "section" and unmet_sections(units, t.children, s):
            strays = tuple(sorted(units))  # shown apart (:mod:`.alignchance`)
        kept = None
        if strays and len(units) - len(strays) >= 2:
            k = _row_scores(_Row({i: u for i, u in units.items() if i not in strays}), cache)
            kept = (k.score, k.heading, k.body)
        out.append(
            AlignedRow(
                kind=kind,
                nodes=tuple(units[i].ref if i in units else None for i in range(n)),
                score=s.score,
                heading_score=s.heading,
                body_score=s.body,
                moved=t.row.moved,
                children=_freeze(t.children, n, cache, evidence),
                strays=strays,
                kept_scores=kept,
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
    without a counterpart are then matched across sections (moved paragraphs), and two
    sibling paragraphs whose openings name one particular thing meet
    (:mod:`.alignopenings`).

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

    def realign(lists: list[list[Unit]]) -> list[_Tree]:
        return _align_level(lists, reports, tokens, cache, idf)

    _meet_parts(trees, reports, tokens, cache, realign)
    sections_meet_points(trees, reports, tokens, cache, realign)
    _pair_freed(trees, trees, freed, reports, tokens, cache, realign)
    part_rivals(trees, cache)
    body_rivals(trees, cache)
    if len(reports) == 2:
        uncross(trees, cache)
    lone_sections_meet_leads(trees, cache)
    sole_reviews_meet(trees, reports, tokens, cache, realign)
    _cross_moves(trees, len(reports), cache, frozenset(covered))
    stray_leads_meet(trees, cache)
    _prefer_leads(trees, cache)
    openings_meet(trees, reports, tokens, cache)
    return _freeze(trees, len(reports), cache, TopicEvidence(reports, tokens, idf))


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
