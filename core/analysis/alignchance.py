"""Two sections alike in heading only by chance, whose paragraphs never meet, are no pair.

A section heading's likeness to another is evidence of one topic only when the two headings
share something that names a topic. Every report of a kind uses a few words in many of its
headings and paragraphs (国家, 经济, 社会, 政府: the compared reports' common words of
:mod:`.leadwords`); two headings that share only such words, or only stop words and stray
characters, are alike by chance: 1956's 一、１９５５年国家决算 and 1957's 四、关于国家基本制度
share 国家 and score 0.32 in heading, though one is a budget's accounts and the other the
state's system, and their bodies (0.17) share the common words of any two reports of the time.

A person who sees such headings asks what the sections say. Two sections of one topic have
paragraphs of one topic, and the aligner pairs some of them inside the sections' row; when two
sections of :data:`MANY` paragraphs or more each share not one paragraph pair (in order or
moved inside the row), and their bodies are not much alike (under
:data:`~reportdiff.core.analysis.alignevidence.ALIKE_BODIES`), nothing shows them one topic:
their row is shown apart (``AlignedRow.strays``: both nodes; :mod:`.alignsplit` parts it once
the numbers are paired, unless a number pair joins the two sections). The 1956 and 1957
sections above have 32 and 21 paragraphs and no pair among them. Sections of fewer
paragraphs are left as they are: a district report's section of two or three lead paragraphs
may say its counterpart's topic in other words (shanghai-2023's and jingan-2023's economy
sections share 经济 and no paragraph pair).

Two headings that print one phrase of :data:`PHRASE` characters or more (人民生活 in 1981's
统筹安排生产建设和人民生活 and 1982's 关于人民生活的改善…) share a topic even when each of its
words is common, and are not alike by chance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportdiff.core.analysis.alignevidence import ALIKE_BODIES
from reportdiff.core.analysis.alignrows import _Tree
from reportdiff.core.analysis.leadwords import COMMON_IDF
from reportdiff.core.analysis.similarity import Score, Unit
from reportdiff.core.text.textkey import is_han

__all__ = ["MANY", "PHRASE", "chance_headings", "unmet_sections"]

PHRASE = 4
"""Han characters in a row both headings print from which they share a phrase (two words)."""
MANY = 4
"""Paragraphs each of two sections holds from which their paragraphs are expected to meet."""


def _han(text: str) -> bool:
    return all(map(is_han, text))


def _bigrams(key: str) -> set[str]:
    """Two Han characters in a row in a match key (a year's digits name no topic)."""
    return {key[i : i + 2] for i in range(len(key) - 1) if _han(key[i : i + 2])}


def _chance(piece: str, a: Unit, b: Unit) -> bool:
    """Whether two characters both headings print name no topic: in one heading they are a
    common word of their own (国家, IDF under
    :data:`~reportdiff.core.analysis.leadwords.COMMON_IDF`), or they stand inside no word of
    either heading (a stop word such as 发展, or characters across two words)."""
    inside = False
    for u in (a, b):
        idf = u.head_idf.get(piece)
        if idf is not None and idf < COMMON_IDF:
            return True
        inside = inside or any(piece in w for w in u.head_idf)
    return not inside


def _shared_phrase(a: str, b: str) -> bool:
    """Whether the match keys ``a`` and ``b`` hold a common run of :data:`PHRASE` Han
    characters."""
    if len(a) > len(b):
        a, b = b, a
    return any(
        _han(a[i : i + PHRASE]) and a[i : i + PHRASE] in b for i in range(len(a) - PHRASE + 1)
    )


def chance_headings(a: Unit, b: Unit) -> bool:
    """Whether two titled sections' headings are alike only by chance: every two characters
    both print name no topic (:func:`_chance`: 国家 of 国家决算 and of 关于国家基本制度, a
    common word in the latter), and they share no phrase of :data:`PHRASE` characters."""
    if a.ref.kind != "section" or b.ref.kind != "section" or not (a.head_key and b.head_key):
        return False
    if _shared_phrase(a.head_key, b.head_key):
        return False
    return all(_chance(p, a, b) for p in _bigrams(a.head_key) & _bigrams(b.head_key))


def _inside(unit: Unit, whole: Unit) -> bool:
    return whole.ref.span.start <= unit.ref.span.start and unit.ref.span.end <= whole.ref.span.end


def unmet_sections(units: Mapping[int, Unit], children: Sequence[_Tree], score: Score) -> bool:
    """Whether a row of two sections (``units``, their mean ``score``) is no pair: headings
    alike by chance, bodies under ``ALIKE_BODIES``, :data:`MANY` paragraphs or more in each,
    and no row among ``children`` pairing a paragraph of one with a paragraph of the other
    (see the module's account)."""
    if len(units) != 2 or score.body >= ALIKE_BODIES:
        return False
    a, b = units.values()
    if not chance_headings(a, b):
        return False
    counts = dict.fromkeys(units, 0)
    for child in children:
        mine = [i for i, u in child.row.units.items() if i in units and _inside(u, units[i])]
        if len(mine) == 2:
            return False
        for i in mine:
            counts[i] += 1
    return min(counts.values()) >= MANY
