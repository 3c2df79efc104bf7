"""Passes over matched rows: broad sections, sections that cover a part, lead neighbours.

The level-by-level matching of :mod:`reportdiff.core.analysis.align` pairs units in
document order by their scores; these passes correct pairs that one report's cutting
makes wrong (a topic is a section in one report, a paragraph in the other).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportdiff.core.analysis.alignrows import (
    ACCEPT,
    MOVED_BODY,
    STRONG,
    _cached,
    _Row,
    _row_scores,
    _Tree,
)
from reportdiff.core.analysis.similarity import (
    ZERO_SCORE,
    ReportTokens,
    Score,
    Unit,
    body_similarity,
    body_without,
    lead_score,
    whole_score,
)
from reportdiff.core.analysis.unittree import child_units
from reportdiff.core.model import Report

Realign = Callable[[list[list[Unit]]], list[_Tree]]
"""Aligns lists of units (one per report, in report order) into rows with their children."""


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
            and not c.row.units[o].topic  # a field name makes no section broad
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
    realign: Realign,
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
        pt.children = _joined_children(trees, part, x, reports, tokens, realign)
        pt.row.units[x.report] = x


def _joined_children(
    trees: list[_Tree],
    a: Unit,
    b: Unit,
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    realign: Realign,
) -> list[_Tree]:
    """The children of a new row pairing ``a`` and ``b``, aligned as any row's are; paragraphs that already met a counterpart elsewhere (a lead paragraph given to
    a section by :func:`_split_broad_pairs`) stay where they are."""
    lists: list[list[Unit]] = []
    for u in sorted((a, b), key=lambda u: u.report):
        placed = {p.ref.path for p in _units_of(trees, u.report) if p.ref.kind == "paragraph"}
        lists.append([c for c in child_units(u, reports, tokens) if c.ref.path not in placed])
    return realign([c for c in lists if c])


def _pair_freed(
    trees: list[_Tree],
    top: list[_Tree],
    freed: set[int],
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    cache: dict[tuple[int, int], Score],
    realign: Realign,
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
        _pair_freed(t.children, top, freed, reports, tokens, cache, realign)

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
        keep.children = _joined_children(top, x, y, reports, tokens, realign)
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
            if not (x.ref.label and y.ref.label) or x.topic or y.topic:
                # only lead phrases can tell which neighbour says the topic (a field name,
                # 轻工业生产, is short: it reads as like any neighbour naming the field)
                continue
            cur = _cached(cache, x, y)
            swap = None
            for step in (-1, 1):
                path = (*y.ref.path[:-1], y.ref.path[-1] + step)
                hit = lone.get((j, path, y.ref.preamble))
                if hit is None or not hit[0].row.units[j].ref.label or hit[0].row.units[j].topic:
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
