"""A pass over aligned paragraphs: two paragraphs whose openings name one particular thing.

Older reports have few headings and pair paragraphs by their bodies, yet two paragraphs on
one country, one movement or one field of law may share few body words: 1983's
不结盟运动创始以来，对维护世界和平发挥着日益重要的作用 and 1984's
具有广泛基础的不结盟运动，是维护世界和平的一支重要力量 score 0.25 on their bodies and stay
apart; 1983's 我国同罗马尼亚社会主义共和国、南斯拉夫社会主义联邦共和国之间的亲密团结… and
1984's 中国同罗马尼亚、南斯拉夫的友好合作关系… 0.15. A person pairs them because both *open* on
the same particular thing.

The rule, for every two paragraphs of different reports under one aligned row (siblings):

- their openings (the lead phrase, else the first clause, past an address such as
  各位代表！) share a word that names something particular: of at least
  :data:`NAME_CHARS` characters, printed in at most :data:`FEW` paragraphs of each report,
  no date or count (罗马尼亚, 不结盟运动, 依法治国, 投资规模; not 兄弟 or 扭转, two characters
  printed rarely by chance). The opening only: a word further on is no topic (1986's
  在过去的五年中，我国科技、教育、文化事业重新出现了繁荣兴旺的局面 and 1987's
  以上事实和基本情况充分说明：总的来看，我们的国家生机勃勃，…繁荣兴旺 share it);
- each is the other's only such candidate among its siblings: a name two paragraphs of one
  report open on does not tell which is the counterpart;
- their pair is not barred (:func:`~reportdiff.core.analysis.similarity.pair_score` above
  zero: a review and a task are never counterparts) and their bodies share something
  (at least :data:`~reportdiff.core.analysis.similarity.MIN_BODY`);
- each stands alone in its row, or in a weak pair (under
  :data:`~reportdiff.core.analysis.alignrows.STRONG`: order made it in a gap) with a
  paragraph whose opening shares no such name with it; that partner stays, alone
  (1983's 中国人民对东欧其他各国人民也怀有友好的感情 had 1984's 中国同罗马尼亚、南斯拉夫…
  by order).

The pair becomes one row where the earlier report's paragraph stands, marked moved when a
row pairing both reports stands between the two places or when one of them lies outside its
report's node of the parent row (a paragraph moved there from another section).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reportdiff.core.analysis.alignrows import STRONG, _cached, _Row, _row_scores, _Tree
from reportdiff.core.analysis.similarity import MIN_BODY, ReportTokens, Score, Unit, words_in
from reportdiff.core.model import Report, Span

FEW = 2
"""A word printed in at most this many paragraphs of a report names a particular thing there."""
NAME_CHARS = 3
"""Least characters of a particular word two openings share to name one thing (a word of two
characters, 兄弟 or 扭转, is too often a common word printed rarely; two such, 事业 and 繁荣,
as well)."""

_ADDRESS = re.compile(r"\s*\w{0,2}代表[！!：:，,]\s*")
_CLAUSE_END = re.compile(r"[，,。；！？!?;：:]")
_COUNT = re.compile(r"^[0-9０-９零〇一二三四五六七八九十百千万亿两年月日号分之点几多余]+$")
"""A date, a count or a share in words (一九五七年, 百分之十五, 一千万元 without 元), which
names no thing."""


class _Openings:
    """The particular words each paragraph's opening holds, worked out once per report."""

    def __init__(self, reports: Sequence[Report], tokens: Sequence[ReportTokens]) -> None:
        self._reports = reports
        self._tokens = tokens
        self._counts: dict[int, Counter[str]] = {}
        self._names: dict[int, frozenset[str]] = {}

    def _count(self, report: int) -> Counter[str]:
        got = self._counts.get(report)
        if got is None:
            got = Counter()
            tokens = self._tokens[report]
            for _, _, block in self._reports[report].blocks():
                got.update(set(words_in(tokens, block.span)))
            self._counts[report] = got
        return got

    def names(self, u: Unit) -> frozenset[str]:
        """The words of ``u``'s opening printed in at most :data:`FEW` of its report's
        paragraphs (no date or count)."""
        got = self._names.get(u.uid)
        if got is None:
            counts = self._count(u.report)
            got = self._names[u.uid] = frozenset(
                w
                for w in words_in(self._tokens[u.report], self._opening(u))
                if counts[w] <= FEW and not _COUNT.match(w)
            )
        return got

    def _opening(self, u: Unit) -> Span:
        """A paragraph's lead phrase, else its first clause past an address (各位代表！)."""
        span = u.ref.label_span
        if u.ref.label and span is not None and not u.topic:
            return span
        text = self._reports[u.report].slice(u.ref.span)
        address = _ADDRESS.match(text)
        start = address.end() if address else 0
        end = _CLAUSE_END.search(text, start)
        base = u.ref.span.start
        return Span(base + start, base + (end.start() if end else len(text)))

    def shared(self, a: Unit, b: Unit) -> frozenset[str]:
        """The particular words both openings hold, particular in both reports."""
        both = self.names(a) & self.names(b)
        if not both:
            return both
        other = self._count(b.report), self._count(a.report)
        return frozenset(w for w in both if other[0][w] <= FEW and other[1][w] <= FEW)


def _names_one(shared: frozenset[str]) -> bool:
    """Whether shared particular words name one thing: one of them of at least
    :data:`NAME_CHARS` characters."""
    return any(len(w) >= NAME_CHARS for w in shared)


def openings_meet(
    trees: list[_Tree],
    reports: Sequence[Report],
    tokens: Sequence[ReportTokens],
    cache: dict[tuple[int, int], Score],
) -> None:
    """Pair sibling paragraphs whose openings name one particular thing (see the module's
    account)."""
    openings = _Openings(reports, tokens)

    def walk(nodes: list[_Tree], parent: _Tree | None) -> None:
        _meet(nodes, parent, openings, cache)
        for t in nodes:
            walk(t.children, t)

    walk(trees, None)


def _free(t: _Tree, u: Unit, openings: _Openings, cache: dict[tuple[int, int], Score]) -> bool:
    """Whether ``u`` may leave row ``t``: alone in it, or in a weak pair of paragraphs whose
    openings share no particular name."""
    units = t.row.units
    if len(units) == 1:
        return True
    if len(units) != 2 or t.children:
        return False
    (mate,) = (x for x in units.values() if x is not u)
    if mate.ref.kind != "paragraph":
        return False
    return _row_scores(t.row, cache).score < STRONG and not _names_one(openings.shared(u, mate))


def _inside(u: Unit, parent: _Tree | None) -> bool:
    """Whether ``u`` lies inside its report's node of row ``parent`` (the top level holds all)."""
    if parent is None:
        return True
    node = parent.row.units.get(u.report)
    return node is not None and node.ref.span.start <= u.ref.span.start < node.ref.span.end


def _meet(
    nodes: list[_Tree],
    parent: _Tree | None,
    openings: _Openings,
    cache: dict[tuple[int, int], Score],
) -> None:
    paras = [(t, u) for t in nodes for u in t.row.units.values() if u.ref.kind == "paragraph"]
    if len(paras) < 2:
        return
    # Only paragraphs whose openings hold a common particular word can be candidates.
    holders: dict[str, list[int]] = {}
    for i, (_, u) in enumerate(paras):
        for w in openings.names(u):
            holders.setdefault(w, []).append(i)
    near = {(i, j) for ks in holders.values() for i in ks for j in ks if i < j}
    candidates: dict[int, list[int]] = {}
    for i, j in sorted(near):
        a, b = paras[i][1], paras[j][1]
        if a.report == b.report or not _names_one(openings.shared(a, b)):
            continue
        candidates.setdefault(i, []).append(j)
        candidates.setdefault(j, []).append(i)
    pairs: list[tuple[int, int]] = []
    for i, js in candidates.items():
        if len(js) != 1 or i > js[0] or len(candidates.get(js[0], ())) != 1:
            continue
        j = js[0]
        (ta, a), (tb, b) = paras[i], paras[j]
        if ta is tb:
            continue  # already counterparts
        sc = _cached(cache, a, b)
        if sc.score <= 0.0 or sc.body < MIN_BODY:
            continue
        if _free(ta, a, openings, cache) and _free(tb, b, openings, cache):
            pairs.append((i, j))
    for i, j in pairs:
        (ta, a), (tb, b) = paras[i], paras[j]
        for t, u in ((ta, a), (tb, b)):
            if len(t.row.units) > 1:
                (mate,) = (x for x in t.row.units.values() if x is not u)
                del t.row.units[u.report]
                t.row.moved = False  # the partner stays where it stood, alone
                t_new = _Tree(_Row({u.report: u}))
                nodes.insert(nodes.index(t) + (u.report > mate.report), t_new)
                if t is ta:
                    ta = t_new
                else:
                    tb = t_new
        keep, drop = (ta, tb) if a.report < b.report else (tb, ta)
        lo, hi = sorted((nodes.index(ta), nodes.index(tb)))
        crossed = any(len(t.row.units) > 1 for t in nodes[lo + 1 : hi])
        keep.row.units.update(drop.row.units)
        # out of order, or one of them brought here from another section (a moved row)
        keep.row.moved = crossed or not (_inside(a, parent) and _inside(b, parent))
        nodes.remove(drop)
