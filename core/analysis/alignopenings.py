"""A pass over aligned paragraphs: two paragraphs whose openings name one thing.

Older reports have few headings and pair paragraphs by their bodies, yet two paragraphs on
one country, one movement or one field of work may share few body words, or order may give
one of them to a paragraph of another topic: 1983's 不结盟运动创始以来，对维护世界和平发挥着
日益重要的作用 and 1984's 具有广泛基础的不结盟运动，是维护世界和平的一支重要力量 score 0.25
on their bodies and stayed apart; 1984's 中国同罗马尼亚、南斯拉夫的友好合作关系… sat beside
1983's 中国人民对东欧其他各国人民也怀有友好的感情 by order; 1985's
１９８４年我国科学、教育、文化、卫生、体育等各项事业有了新的发展 beside 1984's summary
一年来，我国社会主义物质文明和精神文明的建设健康发展 (bodies 0.33) while 1984's lead
科学教育文化卫生体育事业进一步发展 stood alone. A person pairs paragraphs by what they
*open* on.

The rule, for every two paragraphs of different reports under one aligned row (siblings):

- their openings (the lead phrase, else the first clause, past an address such as
  各位代表！) name one thing (:meth:`_Openings.alike`): they share a word of at least
  :data:`NAME_CHARS` characters printed in at most :data:`FEW` paragraphs of each report,
  no date or count (罗马尼亚, 不结盟运动, 依法治国, 投资规模; not 兄弟 or 扭转, two characters
  printed rarely by chance), or they list the same fields: :data:`MANY` words shared, none
  a common word of either report (科学、教育、文化、卫生、体育). The opening only: a word
  further on is no topic (1986's 在过去的五年中，我国科技、教育、文化事业重新出现了繁荣兴旺的
  局面 and 1987's 以上事实和基本情况充分说明：…繁荣兴旺 share it);
- not both are lead phrases: two leads are scored as headings already;
- each is the other's only such candidate among its siblings: a name two paragraphs of one
  report open on does not tell which is the counterpart;
- their pair is not barred (:func:`~reportdiff.core.analysis.similarity.pair_score` above
  zero: a review and a task are never counterparts) and their bodies are as alike as a
  moved match's (:data:`~reportdiff.core.analysis.alignrows.MOVED_BODY`): the pair takes a
  paragraph from where the order put it, as a moved match does, and a rare word of the
  openings may be a turn of phrase, no topic (1990's 中国政府一贯主张公正合理地政治解决地区
  冲突问题 and 1992's 中国一贯主张进行南北对话 share 一贯主张, bodies 0.06; 2005's
  各级政府加大对科技、教育、文化、卫生、体育事业的支持 and 2007's 积极发展文化、体育事业
  share 体育事业, one field of five, bodies 0.117);
- each stands alone in its row, or beside a paragraph whose opening does not name the same
  thing, even taken to the end of its first sentence (a pair of bodies alone, however
  alike: two summaries share the words of every topic; but 1964's 周总理说，当前的国际形势
  仍然是“东风压倒西风” names 国际形势 past its framing clause and keeps its partner); that
  partner stays where it stood, alone.

The pair becomes one row where the earlier report's paragraph stands, marked moved when a
row of two or more nodes (of any of the compared reports) stands between the two places, or
when one of them lies outside its report's node of the parent row (a paragraph moved there
from another section).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reportdiff.core.analysis.alignevidence import past_address
from reportdiff.core.analysis.alignrows import MOVED_BODY, _cached, _Row, _Tree
from reportdiff.core.analysis.similarity import ReportTokens, Score, Unit, words_in
from reportdiff.core.model import Report, Span

FEW = 2
"""A word printed in at most this many paragraphs of a report names a particular thing there."""
MANY = 4
"""How many words, none of them common, two openings that list the same fields share
(科学、教育、文化、卫生、体育)."""
COMMON_SHARE = 0.2
"""A word printed in more than this share of a report's paragraphs is a common word of it
(as :data:`~reportdiff.core.analysis.alignevidence.COMMON_SHARE`)."""
NAME_CHARS = 3
"""Least characters of a particular word two openings share to name one thing (a word of two
characters, 兄弟 or 扭转, is too often a common word printed rarely; two such, 事业 and 繁荣,
as well)."""

_CLAUSE_END = re.compile(r"[，,。；！？!?;：:]")
_SENTENCE_END = re.compile(r"[。；！？!?;]")
_COUNT = re.compile(
    r"^第?[0-9０-９零〇一二三四五六七八九十百千万亿两年月日号分之点几多余]+[届次期个项]?$"
)
"""A date, a count, a share or an ordinal in words (一九五七年, 百分之十五, 第五届), which names
no thing (1956's 现在我代表…国务院向第一届全国人民代表大会… and 1957's
从第一届全国人民代表大会第三次会议闭幕以来 both name the congress)."""


class _Openings:
    """What each paragraph's opening names (its particular and its uncommon words), from
    in how many paragraphs of its report each word is printed, counted once per report.

    ``whole``: the opening is the whole first sentence, not its first clause: a pair is
    kept on that (1964's 周总理说，当前的国际形势仍然是“东风压倒西风”。 opens on 国际形势
    past its framing clause), a pair made only on the first clause."""

    def __init__(self, reports: Sequence[Report], tokens: Sequence[ReportTokens]) -> None:
        self._reports = reports
        self._tokens = tokens
        self._counts: dict[int, Counter[str]] = {}
        self._sizes: dict[int, int] = {}
        self._words: dict[tuple[int, bool], tuple[frozenset[str], frozenset[str]]] = {}

    def _count(self, report: int) -> Counter[str]:
        got = self._counts.get(report)
        if got is None:
            got = Counter()
            tokens = self._tokens[report]
            for _, _, block in self._reports[report].blocks():
                got.update(set(words_in(tokens, block.span)))
            self._sizes[report] = sum(1 for _ in self._reports[report].blocks())
            self._counts[report] = got
        return got

    def _uncommon(self, report: int, w: str) -> bool:
        """Whether ``w`` is printed in at most :data:`COMMON_SHARE` of the report's paragraphs."""
        counts = self._count(report)
        return counts[w] <= COMMON_SHARE * self._sizes[report]

    def _of(self, u: Unit, whole: bool) -> tuple[frozenset[str], frozenset[str]]:
        """The words of ``u``'s opening printed in at most :data:`FEW` of its report's
        paragraphs, and those that are no common word of it (no date or count either)."""
        got = self._words.get((u.uid, whole))
        if got is None:
            counts = self._count(u.report)
            words = [
                w
                for w in words_in(self._tokens[u.report], self._opening(u, whole))
                if not _COUNT.match(w)
            ]
            got = self._words[u.uid, whole] = (
                frozenset(w for w in words if counts[w] <= FEW),
                frozenset(w for w in words if self._uncommon(u.report, w)),
            )
        return got

    def words(self, u: Unit) -> frozenset[str]:
        """Every word of ``u``'s first clause that may name a thing or a field."""
        names, fields = self._of(u, False)
        return names | fields

    def alike(self, a: Unit, b: Unit, *, whole: bool = False) -> bool:
        """Whether two openings name one thing: a particular word of at least
        :data:`NAME_CHARS` characters, particular in both reports, or :data:`MANY` words
        common in neither (the same fields listed)."""
        (names_a, fields_a), (names_b, fields_b) = self._of(a, whole), self._of(b, whole)
        count_a, count_b = self._count(a.report), self._count(b.report)
        if any(
            len(w) >= NAME_CHARS and count_a[w] <= FEW and count_b[w] <= FEW
            for w in names_a & names_b
        ):
            return True
        both = fields_a & fields_b
        return len(both) >= MANY and (
            sum(1 for w in both if self._uncommon(a.report, w) and self._uncommon(b.report, w))
            >= MANY
        )

    def _opening(self, u: Unit, whole: bool) -> Span:
        """A paragraph's lead phrase, else its first clause (``whole``: sentence) past an
        address (各位代表！)."""
        span = u.ref.label_span
        if u.ref.label and span is not None and not u.topic:
            return span
        text = self._reports[u.report].slice(u.ref.span)
        return past_address(text, u.ref.span.start, _SENTENCE_END if whole else _CLAUSE_END)


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


def _free(t: _Tree, u: Unit, openings: _Openings) -> bool:
    """Whether ``u`` may leave row ``t``: alone in it, or beside one paragraph whose opening,
    taken to the end of its first sentence, names nothing ``u``'s does."""
    units = t.row.units
    if len(units) == 1:
        return True
    if len(units) != 2 or t.children:
        return False
    (mate,) = (x for x in units.values() if x is not u)
    if mate.ref.kind != "paragraph":
        return False
    return not openings.alike(u, mate, whole=True)


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
    """Pair the paragraphs of the sibling rows ``nodes`` (under row ``parent``, None at the
    top) whose openings name one thing (see the module's account)."""
    paras = [(t, u) for t in nodes for u in t.row.units.values() if u.ref.kind == "paragraph"]
    if len(paras) < 2:
        return
    # Only paragraphs whose openings share a word can be candidates.
    holders: dict[str, list[int]] = {}
    for i, (_, u) in enumerate(paras):
        for w in openings.words(u):
            holders.setdefault(w, []).append(i)
    near = {(i, j) for ks in holders.values() for i in ks for j in ks if i < j}
    candidates: dict[int, list[int]] = {}
    for i, j in sorted(near):
        a, b = paras[i][1], paras[j][1]
        if a.report == b.report or not openings.alike(a, b):
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
        if a.ref.label and b.ref.label and not (a.topic or b.topic):
            continue  # two lead phrases: their likeness is scored already
        sc = _cached(cache, a, b)
        if sc.score <= 0.0 or sc.body < MOVED_BODY:
            continue
        if _free(ta, a, openings) and _free(tb, b, openings):
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
