"""Whether two lead phrases share a topic or only the reports' common words.

Two paragraphs whose bodies share little are counterparts on their lead phrases only when
those name the same topic. A word the two reports use in about one block of eight or more
(改革, 稳定, 关系, 经济, 国家, 问题) names no topic: 1989's 控制信贷规模、增加储蓄和稳定金融
and 1990's 必须始终坚持国民经济持续、稳定、协调发展的方针 share only 稳定, 1989's
我国同阿拉伯国家的友好合作关系有了新的发展 and 1990's 裁军问题直接关系着世界和平 only 关系.
"""

from __future__ import annotations

from collections.abc import Mapping

COMMON_IDF = 3.0
"""Words whose inverse document frequency (``log((n+1)/(df+1)) + 1``) is below this are in
more than about one block or heading of e² ≈ 7.4 of the compared reports: common words."""


def lead_weights(head_words: str, idf: Mapping[str, float]) -> dict[str, float]:
    """Each word of a lead phrase (jieba words, space-joined) with its IDF (unknown: 1.0,
    as :func:`~reportdiff.core.analysis.similarity.vectorize` weighs an unseen word)."""
    return {w: idf.get(w, 1.0) for w in head_words.split()}


HEADLINE_MAX = 12
"""A lead phrase of at most this many characters is a headline, topic then status
(改革力度持续加大, 基层治理全面夯实, 产业能级持续提升)."""

STATUS_CHARS = 4
"""A headline's status is its last four characters (持续加大, 全面夯实, 优化升级)."""


def only_common_shared(
    a: Mapping[str, float], b: Mapping[str, float], a_lead: str = "", b_lead: str = ""
) -> bool:
    """Whether two lead phrases share words and every shared word is a common one.

    Two headlines (``a_lead``/``b_lead`` of at most :data:`HEADLINE_MAX` characters) that
    share a word of their topics share their topic, however often the reports use the word
    (重点领域改革不断深入 ↔ 改革力度持续加大); a word shared only in their statuses
    (营商环境优化升级 ↔ 城市空间布局持续优化) says nothing.
    """
    shared = a.keys() & b.keys()
    if not shared or not all(min(a[w], b[w]) < COMMON_IDF for w in shared):
        return False
    if a_lead and b_lead and max(len(a_lead), len(b_lead)) <= HEADLINE_MAX:
        return not any(_in_topic(w, a_lead) and _in_topic(w, b_lead) for w in shared)
    return True


def _in_topic(word: str, headline: str) -> bool:
    """Whether ``word`` starts before the headline's status (its last STATUS_CHARS)."""
    at = headline.find(word)
    return 0 <= at < len(headline) - STATUS_CHARS


def no_word_shared(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Whether two lead phrases share no two characters of a word (stop words left out):
    经济运行 and 经济指标 share 经济, 发展新动能稳步壮大 and 外资外贸稳定发展 share nothing
    (发展 is a stop word, 稳步 and 稳定 only one character). Their heading likeness is
    then stop words and stray characters."""
    return not (_word_bigrams(a) & _word_bigrams(b))


def _word_bigrams(words: Mapping[str, float]) -> set[str]:
    return {w[i : i + 2] for w in words for i in range(len(w) - 1)}
