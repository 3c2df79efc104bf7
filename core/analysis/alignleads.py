"""Lone sections of one report meet the lead paragraphs of a lone part of the other.

One report gives each task a section (1989's 当前治理整顿的重点仍然是压缩社会需求, 认真整顿
经济秩序…, 在治理整顿中认真调整经济结构 …), the other puts all its tasks in one part as lead
paragraphs (1990's 一九九○年的国内工作: 集中力量办好农业, 继续控制社会总需求 …); a plan report
reviews the year in （一）…（六） sections where the work report reviews it in —— lead
paragraphs. Aligned level by level, the sections find no section to meet and the part no
part, so both stand alone while each section's counterpart is a paragraph inside the part.

When a part has no counterpart and at least :data:`MIN_LEADS` lead paragraphs without one,
and sections of another report stand alone beside it, the sections and the leads are
matched in document order (a weighted longest common subsequence on :func:`lead_score`,
which is zero across roles: a review section never meets a task lead), each pair needing
:data:`LEAD_ACCEPT` and to be both sides' best among these candidates. A paired lead leaves
the part and joins the section's row; the rest of the part stays where it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportdiff.core.analysis.alignrefine import (
    BROAD_LEADS,
    UNLIKE_HEADINGS,
    Realign,
    _joined_children,
)
from reportdiff.core.analysis.alignrows import STRONG, _cached, _ordered_matches, _Row, _Tree
from reportdiff.core.analysis.similarity import (
    SECTION_BODY,
    ZERO_SCORE,
    ReportTokens,
    Score,
    Unit,
    lead_score,
    whole_score,
)
from reportdiff.core.model import Report

__all__ = ["lone_sections_meet_leads", "sole_reviews_meet", "stray_leads_meet"]

MIN_LEADS = 3
"""Least unpaired lead paragraphs a part must hold for its leads to stand for sections."""
LEAD_ACCEPT = STRONG + 0.05
"""Least :func:`lead_score` for a section and a lead paragraph to meet this way: they stand
in different places of their reports, so the evidence must be more than an anchor's (on the
dev gold the right pairs scored 0.39–0.49, the wrong ones 0.31–0.32: 2023's review headline
核心功能持续增强 against another district's section 改革创新,发展动能有效增强)."""


TWIN_HEADING = 0.6
"""Least heading likeness for a heading and a lead phrase to say the same thing."""
TWIN_SHARE = 0.5
"""Least share of the shorter phrase's character bigrams that the other must hold for a
heading and a lead phrase to say the same thing (2007's 继续加强民主法制建设 and 2008's
稳步推进社会主义民主法制建设: 5 of 9)."""


def _lone(t: _Tree) -> Unit | None:
    if len(t.row.units) != 1:
        return None
    (u,) = t.row.units.values()
    return u


def _lone_leads(part: _Tree, r: int) -> list[tuple[_Tree, Unit]]:
    """The part's child rows holding only a lead paragraph of report ``r``."""
    out = []
    for c in part.children:
        u = _lone(c)
        if u is not None and u.report == r and u.ref.kind == "paragraph" and u.ref.label:
            out.append((c, u))
    return out


def lone_sections_meet_leads(trees: list[_Tree], cache: dict[tuple[int, int], Score]) -> None:
    """Pair lone sections with the lone lead paragraphs of a lone part of another report
    (see the module's account). Rows are changed in place."""
    lone = [(t, u) for t in trees if (u := _lone(t)) is not None and u.ref.kind == "section"]
    for pt, part in lone:
        if _lone(pt) is not part:
            continue  # met a lead of another part as a section already: no longer alone
        leads = _lone_leads(pt, part.report)
        if len(leads) < MIN_LEADS:
            continue
        sections = [
            (t, u)
            for t, u in lone
            if u.report != part.report
            and _lone(t) is u
            and not _holds(t, part.report)
            # a container broader than the part is no section of it (1990's whole task part
            # 一九九○年的国内工作 is not one of the leads of 1989's 压缩社会需求 section)
            and len(_lone_leads(t, u.report)) <= len(leads)
        ]
        if not sections:
            continue
        m = [[lead_score(s, p).score for _, p in leads] for _, s in sections]
        best_row = [max(line) for line in m]
        best_col = [max(m[i][j] for i in range(len(sections))) for j in range(len(leads))]
        for i, j in _ordered_matches(m, LEAD_ACCEPT):
            if m[i][j] < best_row[i] or m[i][j] < best_col[j]:
                continue  # not both sides' best: the order alone chose it
            st, sec = sections[i]
            ct, para = leads[j]
            pt.children.remove(ct)
            st.row.units[para.report] = para
            key = (sec.uid, para.uid) if sec.uid < para.uid else (para.uid, sec.uid)
            cache[key] = lead_score(sec, para)
            lo, hi = sorted((trees.index(st), trees.index(pt)))
            # out of the paragraph's report's order if another of its rows stands between
            st.row.moved = any(para.report in t.row.units for t in trees[lo + 1 : hi])


def _holds(t: _Tree, r: int) -> bool:
    """Whether a row or any row inside it already holds a unit of report ``r``."""
    return r in t.row.units or any(_holds(c, r) for c in t.children)


def sole_reviews_meet(
    trees: list[_Tree],
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    cache: dict[tuple[int, int], Score],
    realign: Realign,
) -> None:
    """Two reports' only review parts meet, however unlike their words.

    A work report reviews the year in one part (1990's 一、一九八九年的回顾, politics and ——
    leads), a plan report in another (1991's 一、１９９０年计划的执行情况, cut into sections): they
    share few words and one of them is cut into sections, so no score pairs them, yet each is
    the other's review. Two reports (not N-way) each holding exactly one top-level part whose
    role is review, both still without a counterpart, meet; their paragraphs are aligned as
    any row's are.
    """
    if len(reports) != 2:
        return
    reviews: list[list[tuple[_Tree, Unit]]] = [[], []]
    for t in trees:
        for u in t.row.units.values():
            if u.ref.kind == "section" and len(u.ref.path) == 1 and u.role == "review":
                reviews[u.report].append((t, u))
    if any(len(r) != 1 for r in reviews):
        return
    (ta, a), (tb, b) = reviews[0][0], reviews[1][0]
    if ta is tb or _lone(ta) is not a or _lone(tb) is not b:
        return
    keep, drop = (ta, tb) if trees.index(ta) <= trees.index(tb) else (tb, ta)
    lo, hi = trees.index(keep), trees.index(drop)
    moved_unit = _lone(drop)
    assert moved_unit is not None
    keep.row.moved = any(moved_unit.report in t.row.units for t in trees[lo + 1 : hi])
    trees.remove(drop)
    key = (a.uid, b.uid) if a.uid < b.uid else (b.uid, a.uid)
    cache[key] = whole_score(a, b)
    keep.children = _joined_children(trees, a, b, reports, tokens, realign)
    keep.row.units[moved_unit.report] = moved_unit


def stray_leads_meet(trees: list[_Tree], cache: dict[tuple[int, int], Score]) -> None:
    """Pair a lone section with a lead paragraph of another report, wherever it stands.

    A part and its counterpart may fail to meet (1991's １９９１年计划的主要目标和任务 against
    1992's 抓紧有利时机，加快经济发展), or a part may meet the wrong row, so
    :func:`lone_sections_meet_leads`, which wants a lone part, does not see its leads; yet a
    person pairs 1991's section 继续加强农业，保持农业生产稳步发展 with 1992's lead
    继续下大力气抓农业，争取农村经济更快发展 whatever their parents did. A top-level section
    alone in its row (another report's units inside it only by moves across sections) meets
    a lead paragraph at any depth, alone in its row or moved next to a paragraph of this
    very section, when all hold:

    - :func:`lead_score` is at least :data:`LEAD_ACCEPT` and the heading and the lead phrase
      say the same thing (likeness at least :data:`UNLIKE_HEADINGS`; body words alone are
      a report's common matter);
    - the lead's top-level row does not pair titled sections in order (:func:`_settled`),
      or the lead stands alone in it: it found no counterpart in that pair (xuhui-2022's
      持续提升城区软实力 inside 建设人民城市… ↔ 以民为本… is huangpu-2023's section
      繁荣文化,推动城区软实力跃升);
    - each is the other's best of all: of every lead paragraph of the lead's report, paired
      or not, and of every top-level section of the section's report;
    - the section is not broad: fewer than :data:`BROAD_LEADS` lead paragraphs and
      numbered points (1999's 大力推进经济结构的战略性调整 spans industry, farming, towns …;
      1955's 关于工业和运输业的基本建设问题 six points 第一，…问题。); one lead of another
      report is a topic of it, not its counterpart), unless the lead phrase restates its
      heading (:func:`_restates`: 2007's last review section 继续加强民主法制建设 also holds
      the review's closing leads, 经济结构矛盾突出 …, and is 2008's five-year lead
      稳步推进社会主义民主法制建设);
    - the lead is more like the section than like any lead paragraph of the section: else
      that paragraph is its finer counterpart (1988's 切实加强环境保护，也是我国的一项基本国策
      is 1989's lead 加强环境保护也是我国的一项基本国策 inside 计划生育和加强环境保护 …).
    - no other lead paragraph of the lead's own section reaches :data:`LEAD_ACCEPT` against
      the section: a section like several leads of one section covers several of its topics
      and is a counterpart of that section, not of one topic (2004's 继续实施科教兴国战略，
      坚持走可持续发展之路 is like 2005's leads 继续做好人口发展战略研究工作 and
      加快科技改革和发展, both in 大力发展科技、教育、文化、卫生、体育事业).

    The lead leaves its place and joins the section's row, marked moved when another row
    of the lead's report stands between the two places; a paragraph of the section it was
    moved next to goes back among the section's rows, alone.
    """
    tops = [(t, u) for t in trees for u in t.row.units.values() if u.ref.kind == "section"]
    leads: list[tuple[_Tree, list[_Tree], _Tree, Unit]] = []

    def walk(nodes: list[_Tree], top: _Tree | None) -> None:
        for t in nodes:
            for u in t.row.units.values():
                if top is not None and u.ref.kind == "paragraph" and u.ref.label:
                    leads.append((t, nodes, top, u))
            walk(t.children, top or t)

    walk(trees, None)
    if not tops or not leads:
        return

    def score(s: Unit, p: Unit) -> Score:
        return lead_score(s, p) if p.report != s.report else ZERO_SCORE

    # Only a lone, narrow section can take a lead: its whole row of scores is needed (its
    # best lead); a lead's best section is looked up only for the few leads that pass.
    best_col: dict[int, float] = {}
    found: list[tuple[float, int, int]] = []
    for i, (st, sec) in enumerate(tops):
        inside = _descendants(st)
        if _lone(st) is not sec or any(len(c.row.units) > 1 and not c.row.moved for c in inside):
            continue
        # its lead paragraphs, wherever moves across sections took them
        own = [
            u
            for *_, u in leads
            if u.report == sec.report and u.ref.path[: len(sec.ref.path)] == sec.ref.path
        ]
        # and its numbered points' sub-parts (第一，…。 core/text/points.py): topics of it
        # as its lead paragraphs are
        own += [
            u
            for c in inside
            for u in c.row.units.values()
            if u.report == sec.report and u.section is not None and u.section.kind == "subsection"
        ]
        # a broad section meets only a lead that restates its heading: scored only when one
        # may (the cheap part of :func:`_restates` first)
        broad = len(own) >= BROAD_LEADS
        if broad and not any(_may_restate(sec, p) for *_, p in leads if p.report != sec.report):
            continue
        line = [score(sec, p) for *_, p in leads]
        best_row = max(sc.score for sc in line)
        for j, (ct, _, top, para) in enumerate(leads):
            sc = line[j]
            if not (
                sc.score >= best_row
                and (not broad or _restates(sec, para, sc))
                and sc.score >= LEAD_ACCEPT
                and sc.heading >= UNLIKE_HEADINGS
                and (_lone(ct) is para or not _settled(top))
                and _free(ct, para, sec)
                and not _sibling_alike(para, leads, line)
            ):
                continue
            if j not in best_col:
                best_col[j] = max(score(u, para).score for _, u in tops)
            if sc.score >= best_col[j] and all(
                _cached(cache, para, o).score < sc.score for o in own
            ):
                found.append((sc.score, i, j))
    found.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_s: set[int] = set()
    used_l: set[int] = set()
    for _, i, j in found:
        if i in used_s or j in used_l:
            continue
        used_s.add(i)
        used_l.add(j)
        st, sec = tops[i]
        ct, sibs, top, para = leads[j]
        sibs.remove(ct)
        if len(ct.row.units) > 1:
            (mate,) = (u for u in ct.row.units.values() if u is not para)
            _put_back(st, _Tree(_Row({mate.report: mate})))
        st.row.units[para.report] = para
        key = (sec.uid, para.uid) if sec.uid < para.uid else (para.uid, sec.uid)
        cache[key] = score(sec, para)
        lo, hi = sorted((trees.index(st), trees.index(top)))
        st.row.moved = any(para.report in t.row.units for t in trees[lo + 1 : hi])


def _sibling_alike(
    para: Unit,
    leads: Sequence[tuple[_Tree, list[_Tree], _Tree, Unit]],
    line: Sequence[Score],
) -> bool:
    """Whether another lead paragraph of ``para``'s own section (same parent) scores at least
    :data:`LEAD_ACCEPT` against the section whose scores against ``leads`` are ``line``."""
    parent = para.ref.path[:-1]
    return any(
        p is not para
        and p.report == para.report
        and p.ref.path[:-1] == parent
        and sc.score >= LEAD_ACCEPT
        for (*_, p), sc in zip(leads, line, strict=True)
    )


def _restates(sec: Unit, para: Unit, sc: Score) -> bool:
    """Whether a lead phrase says what a section's heading says: likeness (``sc``, their
    :func:`lead_score`) at least :data:`TWIN_HEADING`, at least :data:`TWIN_SHARE` of the
    shorter one's character bigrams in the other (word-set likeness alone rewards a short
    phrase whose few words a long heading holds somewhere: 重点区域建设全力推进 against
    创新发展再出发奋力推进，区域发展新动能不断增强), the bodies sharing at least
    :data:`SECTION_BODY`, and a lead phrase, not a field name (:mod:`.topicopen`)."""
    return sc.heading >= TWIN_HEADING and sc.body >= SECTION_BODY and _may_restate(sec, para)


def _may_restate(sec: Unit, para: Unit) -> bool:
    """The part of :func:`_restates` that needs no score: a lead phrase sharing at least
    :data:`TWIN_SHARE` of the shorter phrase's character bigrams with the heading."""
    if para.topic or not para.ref.label:
        return False
    x, y = sec.head_bigrams, para.head_bigrams
    return len(x & y) >= TWIN_SHARE * min(len(x), len(y))


def _settled(top: _Tree) -> bool:
    """Whether a top-level row pairs titled sections in order: its leads are topics of a
    pair that stands, not strays (yangpu-2022's 创新动能加快培育 is a paragraph of the
    economy section that meets yangpu-2023's; it meets a paragraph of 2023's innovation
    section, not the section). An untitled section (各位代表！…) settles nothing."""
    units = top.row.units.values()
    return len(units) > 1 and not top.row.moved and all(u.ref.label for u in units)


def _free(row: _Tree, para: Unit, sec: Unit) -> bool:
    """Whether a lead paragraph's row leaves it free to meet section ``sec``: alone, or
    moved next to a paragraph of that very section."""
    if _lone(row) is para:
        return True
    if not row.row.moved or len(row.row.units) != 2:
        return False
    (mate,) = (u for u in row.row.units.values() if u is not para)
    return mate.report == sec.report and mate.ref.path[: len(sec.ref.path)] == sec.ref.path


def _descendants(t: _Tree) -> list[_Tree]:
    out: list[_Tree] = []
    for c in t.children:
        out.append(c)
        out.extend(_descendants(c))
    return out


def _put_back(section: _Tree, row: _Tree) -> None:
    """Put a lone paragraph's row back among its section's rows, in document order."""
    (u,) = row.row.units.values()
    home = section.children
    for c in _descendants(section):
        x = c.row.units.get(u.report)
        if (
            x is not None
            and x.ref.kind != "paragraph"
            and u.ref.path[: len(x.ref.path)] == x.ref.path
        ):
            home = c.children
    at = len(home)
    for k, c in enumerate(home):
        x = c.row.units.get(u.report)
        if x is not None and x.ref.path > u.ref.path:
            at = k
            break
    home.insert(at, row)
