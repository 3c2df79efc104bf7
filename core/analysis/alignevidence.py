"""What two paragraphs on unlike lead phrases must share to be shown side by side.

Two paragraphs whose lead phrases share nothing (heading likeness under :data:`UNLIKE`) rest
on their bodies alone, and bodies of one report's kind share many words (发展, 经济, 建设,
改革): 1983's 我们在全国范围内实现和发展了安定团结的政治局面 and 1984's 一年来，我国积极开展外交活动
score 0.21 on such words and are no counterparts. A person pairs two paragraphs when they
are about one topic, and says so by a phrase of that topic, not of the reports' common
stock. So such a pair, unless its bodies are much alike (:data:`ALIKE_BODIES`), needs one of:

- :data:`SHARED_FEW` pieces (three Han characters in a row) both bodies hold and each report
  prints in at most :data:`FEW` paragraphs (中苏关系, 下岗职工: a topic of its own there);
- a word of one opening (the lead phrase, or the first clause after an address such as
  各位代表！) found in the other's that is no common word of the compared reports (in at most
  a fifth of their paragraphs and headings: 国有企业改革是今年… ↔ 国有企业改革是当前…,
  能源、交通是… ↔ …以能源、交通为中心);
- a paragraph that opens on its field's name (劳动就业，… / 科学技术，…) whose name the other
  paragraph holds.

An untitled passage (a section without a heading, opened by 各位代表！) is paired on its
body alone too, and a long passage's body shares the common words of any part, so a row
with one is held to the same test, on the passage's first paragraph past its address: a
person names such a passage by the topic it opens on (2001's 各位代表！进入新世纪，我们将继续
按照“一国两制”方针… is about Hong Kong and Macao, not 2002's part 进一步做好外交工作). As a
whole part holds many pieces of few paragraphs, only pieces that make a phrase in that
paragraph count there (香港特别行政区; not 全面实现 and 和繁荣 apart).

The aligner marks the units of a row that share a topic with no other unit of it
(``AlignedRow.strays``: both of a pair; in a row of three reports, possibly one); the
comparison shows them apart unless a number pair joins them (:mod:`.alignsplit`). A missing pair is
better than a wrong one.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from reportdiff.core.analysis.similarity import ReportTokens, Score, Unit, words_in
from reportdiff.core.model import Report, Span

UNLIKE = 0.05
"""Heading likeness under which two paragraphs are paired by their bodies alone."""
ALIKE_BODIES = 0.4
"""Body likeness from which two bodies are about one topic whatever their words."""
FEW = 2
"""A piece printed in at most this many paragraphs of a report is particular to a topic there."""
SHARED_FEW = 3
"""How many such pieces two bodies must share to be about one topic (a phrase of five
characters, or two of four)."""
COMMON_SHARE = 0.2
"""A word in more than this share of the compared reports' paragraphs and headings is common."""
COMMON_IDF = 1.0 + math.log(1.0 / COMMON_SHARE)
"""The IDF (:func:`~reportdiff.core.analysis.similarity.word_idf`) of such a word's share."""

_CLAUSE_END = re.compile(r"[。；：！？!?;:]")
_ADDRESS = re.compile(r"\s*\w{0,2}代表[！!：:，,]\s*")


def past_address(text: str, base: int, ends: re.Pattern[str] = _CLAUSE_END) -> Span:
    """The first clause of ``text`` (up to the first match of ``ends``) after an address
    (各位代表！), which names no topic: a span of the report ``text`` starts at ``base`` in."""
    address = _ADDRESS.match(text)
    start = address.end() if address else 0
    end = ends.search(text, start)
    return Span(base + start, base + (end.start() if end else len(text)))


_NUMERALS = "零〇一二三四五六七八九十百千万亿两年月日号"
_NUMERAL = re.compile(rf"^[0-9０-９{_NUMERALS}]+$")
"""A date or a count in words (一九五七年), which names no topic."""
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")


def _pieces(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """Every three Han characters in a row in ``text`` (from ``start`` to ``end``), numerals
    too (:func:`_few` leaves out those of numerals alone, so that what is met with its
    pieces has none)."""
    runs = _HAN_RUN.findall(text, start, len(text) if end is None else end)
    return {run[i : i + 3] for run in runs for i in range(len(run) - 2)}


def piece_counts(report: Report) -> Counter[str]:
    """In how many of ``report``'s paragraphs each piece (:func:`_pieces`) is printed."""
    counts: Counter[str] = Counter()
    text = report.text
    for _, _, block in report.blocks():
        counts.update(_pieces(text, block.span.start, block.span.end))
    return counts


ONE_BY_ONE = 1000
"""How many pieces of a report are looked for one by one (a search through its paragraphs
each, stopping at the first past :data:`FEW`) before all its paragraphs' pieces are counted
at once (:func:`piece_counts`, about as long as 250 searches of rare pieces): the topic test
asks 69 pieces of each report of a pair eight times national length, 170 to 550 of each of
ten national reports, which one by one cost less or the same; past this many, a report
needing more is counted whole."""


class _Paragraphs:
    """Whether a piece is printed in one to :data:`FEW` of a report's paragraphs: searched
    for in their text one piece at a time, then counted all at once past :data:`ONE_BY_ONE`
    pieces."""

    def __init__(self, report: Report) -> None:
        self._report = report
        texts = [report.slice(block.span) for _, _, block in report.blocks()]
        # One text, paragraphs apart by a line end (no piece holds one).
        self._text = "\n".join(texts)
        self._starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        self._known: dict[str, bool] = {}
        self._counts: Counter[str] | None = None

    def few(self, piece: str) -> bool:
        """Whether ``piece`` is printed in one to :data:`FEW` paragraphs."""
        if self._counts is not None:
            return 0 < self._counts[piece] <= FEW
        got = self._known.get(piece)
        if got is None:
            if len(self._known) >= ONE_BY_ONE:
                self._counts = piece_counts(self._report)
                return self.few(piece)
            got = self._known[piece] = self._search(piece)
        return got

    def _search(self, piece: str) -> bool:
        # From paragraph to paragraph, stopping at the first past FEW: a common piece is
        # soon known, a rare one takes one pass through the text.
        text, starts = self._text, self._starts
        seen = 0
        at = text.find(piece)
        while at >= 0:
            seen += 1
            if seen > FEW:
                return False
            k = bisect.bisect_right(starts, at)  # the next paragraph's index
            if k >= len(starts):
                break
            at = text.find(piece, starts[k])
        return seen > 0


def _few(pieces: set[str], *reports: _Paragraphs) -> frozenset[str]:
    """Those of ``pieces`` printed in one to :data:`FEW` paragraphs of each report, but for
    runs of numerals (dates: 一九五七, 二〇〇五)."""
    return frozenset(p for p in pieces if p.strip(_NUMERALS) and all(r.few(p) for r in reports))


def _in_phrases(text: str, pieces: frozenset[str]) -> frozenset[str]:
    """Those of ``pieces`` that overlap another of them in ``text`` (a phrase of four or more
    characters: 香港特别行政区, 共处五项原则)."""
    at = [text[i : i + 3] in pieces for i in range(len(text) - 2)]
    return frozenset(
        text[i : i + 3]
        for i, hit in enumerate(at)
        if hit and ((i > 0 and at[i - 1]) or (i + 1 < len(at) and at[i + 1]))
    )


def _untitled(u: Unit) -> bool:
    """Whether ``u`` is a section without a heading (an untitled passage 各位代表！… opens)."""
    return u.ref.kind == "section" and not u.ref.label


def _opening(report: Report, u: Unit) -> Span:
    """What tells ``u``'s topic: a paragraph whole; an untitled passage's first paragraph
    past its address (各位代表！ alone on a line), for such a passage is named by the topic
    it opens on (2001's 各位代表！进入新世纪，我们将继续按照“一国两制”方针…, whose later
    paragraphs turn to Taiwan and to foreign policy, is about Hong Kong and Macao)."""
    if not _untitled(u) or u.section is None:
        return u.ref.span
    for block in u.section.blocks:
        if not _ADDRESS.fullmatch(report.slice(block.span)):
            return block.span
    return u.ref.span


class TopicEvidence:
    """What the paragraphs of the compared reports say of their topic, worked out for the
    few pairs that need it (on unlike lead phrases and bodies), once per report or unit."""

    def __init__(
        self, reports: Sequence[Report], tokens: Sequence[ReportTokens], idf: dict[str, float]
    ) -> None:
        self._reports = reports
        self._tokens = tokens
        self._idf = idf
        self._piece_counts: dict[int, _Paragraphs] = {}
        self._units: dict[int, tuple[set[str], str, frozenset[str]]] = {}

    def _paragraphs(self, report: int) -> _Paragraphs:
        """In how many paragraphs of ``report`` a piece is printed."""
        got = self._piece_counts.get(report)
        if got is None:
            got = self._piece_counts[report] = _Paragraphs(self._reports[report])
        return got

    def _of(self, u: Unit) -> tuple[set[str], str, frozenset[str]]:
        """A paragraph's pieces (of few paragraphs or not: :meth:`share_topic` asks that only
        of the pieces two units share), its opening, and the opening's words that are not
        common."""
        got = self._units.get(u.uid)
        if got is not None:
            return got
        report = self._reports[u.report]
        text = report.slice(_opening(report, u))
        span = u.ref.label_span
        if span is None or span.start == span.end:
            span = past_address(text, _opening(report, u).start)
        words = frozenset(
            w
            for w in words_in(self._tokens[u.report], span)
            if self._idf.get(w, COMMON_IDF) >= COMMON_IDF and not _NUMERAL.match(w)
        )
        got = self._units[u.uid] = (_pieces(text), report.slice(span), words)
        return got

    def share_topic(self, a: Unit, b: Unit, score: Score) -> bool:
        """Whether two units may be paired on ``score``: always, unless both are paragraphs,
        or one is an untitled passage, on unlike lead phrases with unlike bodies that share
        no topic (see the module's account)."""
        kinds = {a.ref.kind, b.ref.kind}
        if kinds != {"paragraph"} and not (_untitled(a) or _untitled(b)):
            return True
        if score.heading >= UNLIKE or score.body >= ALIKE_BODIES:
            return True
        pieces_a, open_a, words_a = self._of(a)
        pieces_b, open_b, words_b = self._of(b)
        if any(w in open_b for w in words_a) or any(w in open_a for w in words_b):
            return True
        if any(
            x.topic and x.head_words and all(w in y.body for w in x.head_words.split())
            for x, y in ((a, b), (b, a))
        ):
            return True
        # Pieces of few paragraphs both hold, tested last, as it needs every paragraph of
        # both reports counted: first the pieces both hold (a whole part holds thousands),
        # then in how many paragraphs of each report those are printed.
        both = pieces_a & pieces_b
        if len(both) < SHARED_FEW:
            return False
        shared = _few(both, self._paragraphs(a.report), self._paragraphs(b.report))
        if kinds != {"paragraph"}:
            # A whole section holds many pieces of few paragraphs: only those that make
            # phrases in the passage's opening count (1986's 七五 passage and 1987's
            # 安定团结 part share 全面实现 and four lone pieces such as 和繁荣: chance).
            passage = a if _untitled(a) else b
            shared = _in_phrases(
                self._reports[passage.report].slice(
                    _opening(self._reports[passage.report], passage)
                ),
                shared,
            )
        return len(shared) >= SHARED_FEW

    def strays(
        self, units: Mapping[int, Unit], score: Callable[[Unit, Unit], Score]
    ) -> tuple[int, ...]:
        """The reports whose unit in a row shares a topic (:meth:`share_topic`) with no other
        unit of it: both units of a pair that share none; in a row of three reports, the one
        the other two share their topic without (2001's passage on Hong Kong and Macao beside
        2000's and 2002's foreign-affairs parts)."""
        linked: set[int] = set()
        for (i, a), (j, b) in itertools.combinations(sorted(units.items()), 2):
            if not (i in linked and j in linked) and self.share_topic(a, b, score(a, b)):
                linked.update((i, j))
        return tuple(i for i in sorted(units) if i not in linked) if len(units) > 1 else ()
