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


def only_common_shared(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Whether two lead phrases share words and every shared word is a common one."""
    shared = a.keys() & b.keys()
    return bool(shared) and all(min(a[w], b[w]) < COMMON_IDF for w in shared)
