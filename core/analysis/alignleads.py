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

from reportdiff.core.analysis.alignrefine import Realign, _joined_children
from reportdiff.core.analysis.alignrows import STRONG, _ordered_matches, _Tree
from reportdiff.core.analysis.similarity import (
    ReportTokens,
    Score,
    Unit,
    lead_score,
    whole_score,
)
from reportdiff.core.model import Report

__all__ = ["lone_sections_meet_leads", "sole_reviews_meet"]

MIN_LEADS = 3
"""Least unpaired lead paragraphs a part must hold for its leads to stand for sections."""
LEAD_ACCEPT = STRONG + 0.05
"""Least :func:`lead_score` for a section and a lead paragraph to meet this way: they stand
in different places of their reports, so the evidence must be more than an anchor's (on the
dev gold the right pairs scored 0.39–0.49, the wrong ones 0.31–0.32: 2023's review headline
核心功能持续增强 against another district's section 改革创新,发展动能有效增强)."""


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
