"""What alignment compares: a report's alignable units and how alike two units are.

A unit is a section or a paragraph of one report with its heading (or lead phrase) and its
body words; :func:`pair_score` scores two units of different reports by heading and body
similarity. The matching that turns scores into aligned rows is
:mod:`reportdiff.core.analysis.align`.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportdiff.core.analysis.leadwords import lead_weights, no_word_shared, only_common_shared
from reportdiff.core.analysis.noderoles import NodeRoles
from reportdiff.core.analysis.topicopen import TOPIC_HEADING
from reportdiff.core.comparison import NodeKind, NodeRef
from reportdiff.core.model import Block, Report, Section, Span
from reportdiff.core.text.textkey import HAN_RE, match_key

SECTION_BODY = 0.15
"""Below this body similarity, two sections whose headings differ (< 0.5) score half."""
MIN_BODY = 0.05
"""Below this body similarity, a pair's score is halved whatever its headings say."""
HEADING_WEIGHT = 0.4
"""Share of the heading score in the combined score when both nodes have a heading.
Bodies carry most of the weight: the same topic is headed 抓纾困促重振,区域经济运行回稳向好
in 2022 and 优存量、扩增量，经济发展稳中有进 in 2023."""

# Words too common in every report to say what a section is about (IDF alone is weak
# when a comparison has only two reports of five sections each).
_STOP = frozenset(
    """
    我们 进一步 推进 加快 持续 全面 深入 不断 加强 推动 坚持 实施 开展
    完成 实现 建设 工作 发展 提升 积极 着力 全力 大力 以上 其中 以及
    同比 增长 累计 新增 成功 有效 各类 相关 一批 一系列 全年 今年 上年
    年度 重点 重要 进行 落实 深化 健全 完善 打造 形成 达到
    """.split()
)


@dataclass(frozen=True)
class ReportTokens:
    """jieba words of a whole report with their offsets (computed once, cacheable)."""

    starts: tuple[int, ...]
    """Start offset of each word in :attr:`Report.text`, ascending."""
    words: tuple[str, ...]
    """The content words (Han, two or more characters, not in the stop list)."""


def report_tokens(report: Report) -> ReportTokens:
    """Tokenize a report once; sections and blocks take their words by offset.

    Args:
        report: A parsed report.

    Returns:
        The report's content words with their start offsets.
    """
    from reportdiff.core.analysis.tokens import tokenize

    starts: list[int] = []
    words: list[str] = []
    pos = 0
    text = report.text
    for w in tokenize(text):
        at = text.find(w, pos)
        if at < 0:  # jieba returns pieces of the text; this is only a guard
            continue
        pos = at + len(w)
        if len(w) >= 2 and w not in _STOP and HAN_RE.search(w):
            starts.append(at)
            words.append(w)
    return ReportTokens(tuple(starts), tuple(words))


_UIDS = itertools.count()


@dataclass
class Unit:
    """One alignable node of one report with what it is compared by."""

    report: int
    ref: NodeRef
    role: str | None
    head_key: str
    head_words: str
    body: Counter[str]
    section: Section | None = None
    block: Block | None = None
    shallow: bool = False
    vec: dict[str, float] = field(default_factory=dict)
    uid: int = field(default_factory=lambda: next(_UIDS))
    head_bigrams: set[str] = field(default_factory=set)
    weights: dict[str, float] = field(default_factory=dict)
    total: float = 0.0
    pairs: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Each body word's (``vec``, ``weights``) together: one look-up per word when scoring."""
    roles: NodeRoles | None = None
    """The report's node roles, handed down to the units inside this one."""
    whole: Unit | None = None
    """For a part standing for its opening paragraphs: the part with all its text."""
    head_idf: dict[str, float] = field(default_factory=dict)
    """Each word of the heading or lead phrase with its IDF (:mod:`.leadwords`)."""
    topic: bool = False
    """A paragraph keyed by its opening field name (:mod:`.topicopen`), not a lead phrase."""
    flat: bool = False
    """Its sections are units of their own at its level (a part: shallow, or a part whose
    only sections are untitled passages)."""
    gathered: Unit | None = None
    """For a part whose numbered points and untitled passages are units beside it: the
    part with its points, not its passages (:mod:`.alignpoints`)."""
    points_only: bool = False
    """Its children are its paragraphs and numbered points, not its untitled passages."""


def words_in(tokens: ReportTokens, span: Span) -> list[str]:
    """The words of ``tokens`` that start inside ``span``, in order."""
    lo = bisect_left(tokens.starts, span.start)
    hi = bisect_left(tokens.starts, span.end)
    return list(tokens.words[lo:hi])


def _make_unit(
    i: int,
    report: Report,
    tokens: ReportTokens,
    *,
    kind: NodeKind,
    path: tuple[int, ...],
    label_span: Span | None,
    span: Span,
    body_spans: Sequence[Span],
    role: str | None,
    preamble: bool = False,
    section: Section | None = None,
    block: Block | None = None,
    shallow: bool = False,
) -> Unit:
    label = report.slice(label_span) if label_span is not None else ""
    key, _ = match_key(label)
    head_words = " ".join(words_in(tokens, label_span)) if label_span is not None else ""
    body: Counter[str] = Counter()
    for s in body_spans:
        body.update(words_in(tokens, s))
    ref = NodeRef(
        kind=kind, path=path, label=label, span=span, label_span=label_span, preamble=preamble
    )
    unit = Unit(i, ref, role, key, head_words, body, section, block, shallow)
    unit.head_bigrams = _bigrams(key)
    return unit


def word_idf(reports: Sequence[Report], tokens: Sequence[ReportTokens]) -> dict[str, float]:
    """Smoothed inverse document frequency of words, with every block of every report a document.

    Computed once for the whole comparison so sections, paragraphs and paragraphs compared
    across sections are all weighed alike (an IDF over the handful of paragraphs of two
    sections is too noisy: 区级财政收入 would count as common).
    """
    df: Counter[str] = Counter()
    n = 0
    for i, report in enumerate(reports):
        for _, _, block in report.blocks():
            df.update(set(words_in(tokens[i], block.span)))
            n += 1
        for _, sec in report.walk():
            df.update(set(words_in(tokens[i], sec.heading)))
            n += 1
    return {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}


def vectorize(units: Sequence[Unit], idf: dict[str, float]) -> None:
    """TF-IDF vectors (log tf), L2-normalised, plus raw weights for containment."""
    wholes = [w for x in units for w in (x.whole, x.gathered) if w is not None]
    for u in [*units, *wholes]:
        vec = {w: (1.0 + math.log(c)) * idf.get(w, 1.0) for w, c in u.body.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        u.vec = {w: v / norm for w, v in vec.items()}
        u.weights = vec
        u.total = sum(vec.values())
        u.pairs = {w: (v, vec[w]) for w, v in u.vec.items()}
        u.head_idf = lead_weights(u.head_words, idf)


@dataclass(frozen=True)
class Score:
    score: float
    heading: float
    body: float


ZERO_SCORE = Score(0.0, 0.0, 0.0)


def body_similarity(a: Unit, b: Unit) -> float:
    """Mean of TF-IDF cosine and weighted containment of two units' body words."""
    # Only shared words contribute to either measure; intersect the keys in C first.
    ap, bp = a.pairs, b.pairs
    shared_words = a.vec.keys() & b.vec.keys()
    if not shared_words:
        return 0.0  # what the sums below give for no shared word
    cosine = 0.0
    shared = 0.0
    for w in shared_words:
        va, x = ap[w]
        vb, y = bp[w]
        cosine += va * vb
        shared += x if x < y else y  # noqa: FURB136 (min(y, x) without the call: same value)
    # Containment of the smaller body in the larger: a section that also holds paragraphs
    # printed out of place (or a topic the other year split in two) still contains its
    # counterpart's words, while its cosine is diluted.
    smaller = min(a.total, b.total)
    containment = shared / smaller if smaller > 0 else 0.0
    return (cosine + containment) / 2.0


def body_without(unit: Unit, other: Unit, part: Unit, idf: dict[str, float]) -> float:
    """Body similarity of ``unit`` with ``other`` once ``part`` (a paragraph of ``other``)
    is taken out of ``other``'s words: whether their likeness rests on that one paragraph."""
    whole = other.whole or other
    rest = Unit(other.report, other.ref, other.role, "", "", whole.body - part.body)
    vectorize([rest], idf)
    return body_similarity(unit.whole or unit, rest)


def pair_score(
    a: Unit, b: Unit, keys: bool | None = None, *, body_ab: float | None = None
) -> Score:
    """Heading and body similarity of two units of different reports: with their headings
    or lead phrases (``keys`` True) or without (False); by default with them except a
    paragraph's opening field name (:mod:`.topicopen`, see
    :func:`~reportdiff.core.analysis.align.named_score`).

    ``body_ab``: ``body_similarity(a, b)`` where the caller has it already (the same value).
    """
    if keys is None and (a.topic or b.topic):
        keys = False
    if a.ref.kind != b.ref.kind:
        return ZERO_SCORE
    # A paragraph of the preamble may meet one inside a section: a report that prints its
    # review before its first heading (2002 reviews 2001 under no heading, 2003 reviews
    # five years under 一、过去五年政府工作的回顾) still has counterparts of those paragraphs.
    if a.shallow != b.shallow and not (_part_opening(a) and _part_opening(b)):
        return ZERO_SCORE
    if a.shallow != b.shallow:
        # A whole part (1995's 二、以国有企业为重点深化经济体制改革, no sections) against a
        # part standing for its opening (2005's 三、大力推进经济体制改革和对外开放 with its
        # sections): compare the whole of both.
        body = body_similarity(a.whole or a, b.whole or b)
    else:
        body = body_similarity(a, b) if body_ab is None else body_ab
    if keys is not False and a.head_key and b.head_key:
        heading = _heading_similarity(a, b)
        score = HEADING_WEIGHT * heading + (1.0 - HEADING_WEIGHT) * body
        if not a.vec or not b.vec:
            score = heading
    else:
        heading = 0.0
        score = body
    if (
        a.ref.kind == "paragraph"
        and a.vec
        and b.vec
        and body < SECTION_BODY
        and (
            heading < 0.3
            or (
                heading < 0.5
                and (
                    only_common_shared(a.head_idf, b.head_idf, a.ref.label, b.ref.label)
                    or no_word_shared(a.head_idf, b.head_idf)
                )
            )
        )
    ):
        # Two paragraphs whose lead phrases say different things (继续扩大对外开放 ↔
        # 改善和加强宏观经济管理), or are weakly alike through the reports' common words
        # alone (稳定, 关系; 社会治理 ↔ 社会治理 says the same at 0.7), and whose bodies
        # share little are not counterparts because they stand at the same place between
        # two pairs.
        score *= 0.5
    if a.ref.kind == "section" and a.vec and b.vec and body < SECTION_BODY and heading < 0.5:
        # Two sections about different things (抗击非典 ↔ 促进粮食增产) share a few of a
        # report's common words; hemmed in by counterparts, such a pair still needs
        # content evidence or a heading that says the same.
        score *= 0.5
    if a.vec and b.vec and body < MIN_BODY:
        # Headings alone do not make counterparts: 因时因势优化调整防疫措施 and
        # 科创布局调整优化 share 调整优化 and nothing else.
        score *= 0.5
    if a.role and b.role and a.role != b.role:
        if "review" in (a.role, b.role) and {a.role, b.role} & {"plan", "task"}:
            # What was done and what is to be done are never counterparts, however alike
            # their words ("优化营商环境"): a wrong pair is worse than none.
            return ZERO_SCORE
        # Targets against tasks, or the government's own conduct against either: weak.
        score *= 0.35
    return Score(min(1.0, score), min(1.0, heading), min(1.0, body))


def lead_score(section: Unit, para: Unit, *, across: bool = False) -> Score:
    """How alike a section and a lead paragraph of the other report are (heading ↔ lead
    phrase, the section's whole body ↔ the paragraph's body).

    One report may give a topic a section (1999's 促进农业和农村经济全面发展) where the other
    gives it one paragraph with a lead inside a broader section (2000's
    进一步稳定和加强农业的基础地位 in 大力推进经济结构的战略性调整). Zero for a paragraph
    without a lead phrase or when the two stand in different roles (review vs tasks …);
    ``across``: roles may differ unless one of them reviews (inside a row whose two sides
    are counterparts, the government's own conduct and tasks are one matter).
    """
    if section.ref.kind != "section" or para.ref.kind != "paragraph" or not para.ref.label:
        return ZERO_SCORE
    if not (section.head_key and para.head_key) or not para.vec:
        return ZERO_SCORE
    if section.role is None or para.role is None:
        return ZERO_SCORE
    if section.role != para.role and not (across and "review" not in (section.role, para.role)):
        return ZERO_SCORE
    heading = _heading_similarity(section, para)
    if para.topic and heading < TOPIC_HEADING:
        return ZERO_SCORE  # a field name the heading does not echo: another field
    body = body_similarity(section.whole or section, para)
    if para.topic and body < SECTION_BODY:
        return ZERO_SCORE  # a field name is no evidence alone, as in pair_score
    score = HEADING_WEIGHT * heading + (1.0 - HEADING_WEIGHT) * body
    return Score(min(1.0, score), min(1.0, heading), min(1.0, body))


def whole_score(a: Unit, b: Unit) -> Score:
    """Heading and body similarity of two sections taken whole (a part with all its
    sections), whatever their levels: for a section that covers a whole part of the other
    report. Zero when one reviews and the other sets tasks."""
    if a.ref.kind != "section" or b.ref.kind != "section":
        return ZERO_SCORE
    if a.role and b.role and "review" in (a.role, b.role) and a.role != b.role:
        return ZERO_SCORE
    body = body_similarity(a.whole or a, b.whole or b)
    heading = _heading_similarity(a, b) if a.head_key and b.head_key else 0.0
    score = HEADING_WEIGHT * heading + (1.0 - HEADING_WEIGHT) * body
    return Score(min(1.0, score), min(1.0, heading), min(1.0, body))


def _part_opening(unit: Unit) -> bool:
    """Whether a unit stands for a top-level part's own paragraphs: a part with sections
    (shallow) or a top-level section with none (2005's 二、2005年工作总体部署 is the
    counterpart of 2004's 二、2004年主要任务's opening paragraphs)."""
    sec = unit.section
    return unit.shallow or (
        sec is not None and len(unit.ref.path) == 1 and not _has_titled_sections(sec)
    )


def _has_sections(sec: Section) -> bool:
    """Whether a section holds sections, not only the sub-parts its numbered points head
    (第一，深化政府机构改革。…: a part of points is one topic, compared whole)."""
    return any(c.kind != "subsection" for c in sec.children)


def _has_titled_sections(sec: Section) -> bool:
    """Whether a section holds sections with a heading (not only untitled passages or
    the sub-parts of its numbered points)."""
    return any(c.heading.end > c.heading.start and c.kind != "subsection" for c in sec.children)


def _bigrams(key: str) -> set[str]:
    return {key[i : i + 2] for i in range(len(key) - 1)} or {key}


def _heading_similarity(a: Unit, b: Unit) -> float:
    """How alike two headings (or lead phrases) are, in ``[0, 1]``.

    Half rapidfuzz ``token_set_ratio`` over jieba words, half the square root of the Dice
    overlap of character bigrams of the match keys. Bigrams catch the one topic word a
    reworded heading keeps (区域经济运行回稳向好 / 经济发展稳中有进 share only 经济,
    精细管理水平稳步提升 / 精细化管理多措并举 share 精细, 管理) where jieba cuts them into
    different words (经济运行 vs 经济); the square root lifts one shared topic word out of
    the noise while unrelated headings stay at 0. Plain ``fuzz.ratio`` is not used: it
    rewards the shared opening verb of every 2022 heading (抓…).
    """
    from rapidfuzz import fuzz

    x, y = a.head_bigrams, b.head_bigrams
    dice = 2.0 * len(x & y) / (len(x) + len(y))
    words = (
        fuzz.token_set_ratio(a.head_words, b.head_words) / 100.0
        if a.head_words and b.head_words
        else 0.0
    )
    return 0.5 * words + 0.5 * math.sqrt(dice)
