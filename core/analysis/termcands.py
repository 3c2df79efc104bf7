"""Candidate terms of one report: recurring jieba words and phrases, and quoted formulations.

A candidate is a word or a run of up to :data:`MAX_WORDS` adjacent words inside one clause
that a reader could call a term: it neither starts nor ends on a function word, and holds
no number, date or person's name. It counts when it recurs (twice or more in the report)
or when the report puts it in quotation marks (“三个代表”, 《…》) at least once.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from reportdiff.core.model import Report
from reportdiff.core.text.textkey import is_han

__all__ = [
    "MAX_WORDS",
    "ReportCandidates",
    "Shape",
    "candidates_of",
    "compute_candidates",
    "distinct_text",
    "han_length",
    "is_dated_or_counted",
    "is_number_or_date",
    "is_person_name",
]

MAX_WORDS = 4
"""Longest phrase, in jieba words (社会主义/和谐/社会 is three)."""
MAX_CHARS = 12
"""Longest candidate in characters: longer runs are clauses, not terms."""
MIN_CHARS = 2


class Shape(NamedTuple):
    """How a candidate was cut into jieba words."""

    words: int
    """Number of words (科学/发展观: 2); 0 for a quotation jieba did not cut as a phrase."""
    lead: int
    """Characters of the first word when it is a verb, a verbal noun or an adjective of
    two or more characters (建设/和谐社会, 落实/科学发展观) in a phrase, else 0: the report
    may be acting on a term rather than naming one."""
    acts: bool
    """It opens on a verb of two or more characters (构建/社会主义和谐社会, 实施/…): the report
    acting on a term rather than the term (可/持续/发展 opens on a one-character verb)."""
    last: str
    """jieba's tag of the last word (``n`` for 社会 …)."""


@dataclass(frozen=True)
class ReportCandidates:
    """What one report offers as terms; cached per report text."""

    length: int
    """Han characters in the report's distinct paragraphs (the denominator of every rate)."""
    counts: dict[str, int]
    """Candidate → occurrences as a word or phrase in the distinct paragraphs."""
    quoted: dict[str, int]
    """Candidate → times it stands alone inside “…” (a formulation the report marks)."""
    titles: dict[str, int]
    """Candidate → times it stands alone inside 《…》 (a document's or a law's title)."""
    shapes: dict[str, Shape]
    """Candidate → how it was cut (words, tags of its first and last word)."""
    paragraphs: dict[str, int]
    """Candidate → number of distinct paragraphs it occurs in."""
    closed: frozenset[str]
    """Candidates every use of which runs on into the same word (价格总水平基本 → 稳定)."""


def distinct_text(report: Report) -> str:
    """The report's paragraphs, each distinct one once, joined by line breaks.

    A saved web page can hold a report five to twelve times over; counting each distinct
    paragraph once makes counts and rates the same whether or not the cleaner already
    kept a single copy. A real report never repeats a paragraph word for word.
    """
    seen: dict[str, None] = {}
    for line in report.text.split("\n"):
        line = line.strip()
        if line:
            seen.setdefault(line, None)
    return "\n".join(seen)


def han_length(text: str) -> int:
    """Number of Han characters in ``text``."""
    return sum(1 for c in text if is_han(c))


# Numerals of every script, and what follows a numeral in a quantity or a date.
_NUMERAL = frozenset(
    "0123456789０１２３４５６７８９零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟第几数.．%％"
)
_UNIT = frozenset(
    "年月日号时分秒届大次期个项倍元角吨斤亩米户人名家座条所件台套批类种位季度周岁多余成"
)


def is_number_or_date(term: str) -> bool:
    """Whether ``term`` is a number, a quantity, an ordinal or a date, not a formulation.

    Numerals with at most units and date words around them: 2001年, 十五, “九五”, 第十,
    十六大, 三个. 三个代表 and 一国两制 are formulations (代表, 国制 are no units).

    >>> [is_number_or_date(t) for t in ("２００９年", "九五", "十六大", "三个代表", "三农")]
    [True, True, True, False, False]
    """
    if any(c.isdigit() for c in term):
        return True
    rest = [c for c in term if c not in _NUMERAL]
    if len(rest) == len(term):
        return False
    return all(c in _UNIT for c in rest)


# A counted numeral (十年, 八届, 七中全会, 三个) or a date word (今年, 去年同期, 年底前, 今明两年)
# inside a phrase makes it a date or a quantity, whatever else it holds. A formulation that
# counts (“三个代表”, “两个确保”) is quoted where the report introduces it.
_COUNTED = re.compile(
    r"[零〇一二三四五六七八九十百千万两几数][年届中次个项条大月日号期点倍成批名位周岁天]"
    r"|(?:今|去|明|本|当|上|下|前|每|近|同|历|翌|次|逐)年|年(?:底|初|内|末|中|度|来|均|前|后|代)"
    r"|(?:今|明|昨|当|次|每)[日天]|(?:上|下|本|每|当)月|月(?:份|底|初)|今明|同期|世纪"
)


def is_dated_or_counted(term: str) -> bool:
    """Whether a phrase holds a counted numeral or a date word (stricter than quoted text).

    >>> [is_dated_or_counted(t) for t in ("四中全会精神", "去年同期", "三峡工程", "五保户")]
    [True, True, False, False]
    """
    return is_number_or_date(term) or _COUNTED.search(term) is not None


# Words a term never starts or ends with (jieba tags): particles, conjunctions, prepositions,
# pronouns, adverbs, numerals, time words, locality words (but see _edge_ok), modal and
# onomatopoeic words.
_NO_EDGE_TAGS = frozenset(
    "uj ul uv uz ug ud u c p r rr rz d df dg m mq q t tg f y e o x zg".split()
)
# Nor does it end on an adjective (平稳/较快). Verbs may open and close a term (可/持续/发展,
# 西部/大/开发) but cost it rank: see Shape.acts and the ranking in terms.py.
_NO_END_TAGS = _NO_EDGE_TAGS | frozenset("vd a ad ag".split())
# Nor does a phrase hold one inside (生态建设/和/环境保护, 经济/的/发展, 进一步/扩大): a
# conjunction, particle, preposition, pronoun or adverb joins wordings, not a term's parts.
_NO_INNER_TAGS = frozenset("uj ul uv uz ug ud u c p r rr rz d df dg y e o".split())
# No word of a term is a number, a date or a person's name (jieba: m, t, nr …).
_BANNED_TAGS = frozenset("m mq x eng".split())
# Time words are dates when they name a time (今年, 目前, 近年来); 现代 in 现代企业制度 is a
# time word to jieba too, and a modifier.
_DATE_CHARS = frozenset("年月日今昨明去前后季期世纪时旬")
_NAME_TAGS = frozenset("nr nrt nrfg".split())
_FUNCTION_CHARS = frozenset("的和与及或是在了着过把被对从向于为以而并等")

_QUOTED = re.compile(r"“([^“”\n]{2,16})”|《([^《》\n]{2,30})》|「([^「」\n]{2,16})」")

_lock = threading.Lock()
_tags: dict[str, str] | None = None


def _tag_table() -> dict[str, str]:
    """jieba's part-of-speech tag of every dictionary word (loaded once, ~0.9 s)."""
    global _tags
    if _tags is not None:
        return _tags
    with _lock:
        if _tags is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # jieba imports pkg_resources
                import jieba.posseg

            _tags = dict(jieba.posseg.dt.word_tag_tab)
    return _tags


def _word_ok(word: str, tag: str) -> bool:
    """Whether ``word`` may stand anywhere in a term."""
    if tag in _BANNED_TAGS or not all(is_han(c) for c in word):
        return False
    if tag in ("t", "tg") and any(c in _DATE_CHARS for c in word):
        return False
    if tag in _NAME_TAGS and len(word) <= 3:
        return False  # 江泽民, 李鹏; but 邓小平理论 (tagged nr too) is a formulation
    return not is_dated_or_counted(word)


def _edge_ok(word: str, tag: str, banned: frozenset[str]) -> bool:
    """Whether ``word`` may open or close a term."""
    if len(word) == 1 and word in _FUNCTION_CHARS:
        return False
    # 上/下/内/中 are positions; 西部 (西部大开发) and 东北 (东北地区) are regions. A time
    # word that names no time (现代 of 现代企业制度) may open a term too.
    if tag in ("t", "tg") and not any(c in _DATE_CHARS for c in word):
        return True
    return tag not in banned or (tag == "f" and len(word) >= 2)


def _clauses(
    words: list[str], tags: list[str], memo: dict[tuple[str, str], bool]
) -> Iterable[list[int]]:
    """Runs of word indices that may form terms (split at punctuation and banned words)."""
    run: list[int] = []
    for i, (w, t) in enumerate(zip(words, tags, strict=True)):
        ok = memo.get((w, t))
        if ok is None:
            ok = memo[(w, t)] = _word_ok(w, t)
        if ok:
            run.append(i)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _grams(
    words: list[str], tags: list[str], memo: dict[tuple[str, str], bool]
) -> Iterable[tuple[str, Shape, int]]:
    """Every acceptable word n-gram of a paragraph, its shape and the index after it."""
    for run in _clauses(words, tags, memo):
        n = len(run)
        for a in range(n):
            i = run[a]
            if not _edge_ok(words[i], tags[i], _NO_EDGE_TAGS):
                continue
            text = ""
            for b in range(a, min(n, a + MAX_WORDS)):
                j = run[b]
                if b > a + 1 and tags[run[b - 1]] in _NO_INNER_TAGS:
                    break  # every longer run holds that word inside too
                text += words[j]
                if len(text) > MAX_CHARS:
                    break
                if len(text) < MIN_CHARS or not _edge_ok(words[j], tags[j], _NO_END_TAGS):
                    continue
                if len(words[j]) == 1 and not (tags[j][0] == "n" or tags[j] in ("j", "vn")):
                    continue  # 全面协调/可 (持续), 部门/做: a phrase cut inside a word
                if b > a and _COUNTED.search(text):
                    continue  # a single word was checked by _word_ok
                long_lead = b > a and len(words[i]) >= 2
                acts = long_lead and tags[i].startswith("v") and tags[i] != "vn"
                lead = len(words[i]) if long_lead and tags[i][0] in "va" else 0
                yield text, Shape(b - a + 1, lead, acts, tags[j]), j + 1


def _quoted(text: str) -> tuple[Counter[str], Counter[str]]:
    """What the text puts in quotation marks, and the titles it puts in 《》."""
    quoted: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        if (
            len(inner) >= MIN_CHARS
            and all(is_han(c) for c in inner)
            and not is_number_or_date(inner)
        ):
            (titles if m.group(2) is not None else quoted)[inner] += 1
    return quoted, titles


def compute_candidates(text: str) -> ReportCandidates:
    """Tokenize ``text`` (distinct paragraphs) and count its candidates."""
    from reportdiff.core.analysis.tokens import tokenize

    tags = _tag_table()
    counts: Counter[str] = Counter()
    paragraphs: Counter[str] = Counter()
    shapes: dict[str, Shape] = {}
    memo: dict[tuple[str, str], bool] = {}
    follow: dict[str, str] = {}
    for para in text.split("\n"):
        words = tokenize(para)
        wtags = [tags.get(w, "?") for w in words]
        here: set[str] = set()
        for gram, shape, after in _grams(words, wtags, memo):
            counts[gram] += 1
            shapes.setdefault(gram, shape)
            here.add(gram)
            # The content word after this use, or "" once a use ends at punctuation, a
            # function word or a different word: a phrase always followed by the same word
            # (价格总水平基本 → 稳定) is a piece of a longer one.
            nxt = words[after] if after < len(words) else ""
            if nxt and (wtags[after] in _NO_EDGE_TAGS or not memo.get((nxt, wtags[after]))):
                nxt = ""
            seen = follow.setdefault(gram, nxt)
            if seen and seen != nxt:
                follow[gram] = ""
        paragraphs.update(here)
    quoted, titles = _quoted(text)
    keep = {g: c for g, c in counts.items() if c >= 2}
    for q in [*quoted, *titles]:
        keep[q] = max(keep.get(q, 0), text.count(q))
        shapes.setdefault(q, Shape(0, 0, False, "?"))
        paragraphs.setdefault(q, sum(1 for p in text.split("\n") if q in p))
    return ReportCandidates(
        length=han_length(text),
        counts=keep,
        quoted=dict(quoted),
        titles=dict(titles),
        shapes={g: shapes[g] for g in keep},
        paragraphs={g: paragraphs[g] for g in keep},
        closed=frozenset(g for g in keep if follow.get(g)),
    )


TITLES = frozenset(
    "同志 总理 副总理 主席 副主席 委员长 总书记 总统 副总统 首相 亲王 国王 女王 先生 女士".split()
)
"""Forms of address that follow a person's name (周恩来同志, 西哈努克亲王)."""
_NAME_HEAD_TAGS = frozenset("nr nrfg nrt t ?".split())
"""Tags the name before a title may carry: jieba's name tags, an unknown word (小平 of
小平同志) and ``t``, which its dictionary gives 周恩来."""


def is_person_name(term: str) -> bool:
    """Whether ``term`` is a person's name, alone or with a form of address.

    A name alone is a word jieba's dictionary tags as a full or transliterated name
    (习近平 nrfg, 西哈努克 nrt); a name with a title is a word of two or three characters
    (or a transliterated one) before one of :data:`TITLES`: 周恩来同志, 小平同志,
    西哈努克亲王, but not 有关同志 (有关 is a verb). jieba's plain ``nr`` alone is left
    out: its dictionary gives it to 文明, 胡子 and 老同志 too. A name inside a formulation
    (邓小平理论, 邓小平文选) is no name: the formulation is the term.
    """
    from reportdiff.core.analysis.tokens import tokenize

    words = tokenize(term)
    tags = _tag_table()
    if len(words) == 1:
        return tags.get(words[0]) in ("nrfg", "nrt") and han_length(term) == len(term)
    if len(words) != 2 or words[1] not in TITLES:
        return False
    head, tag = words[0], tags.get(words[0], "?")
    if not all(is_han(c) for c in head) or tag not in _NAME_HEAD_TAGS:
        return False
    return tag == "nrt" or 2 <= len(head) <= 3


def candidates_of(report: Report, *, version: str) -> tuple[str, ReportCandidates]:
    """The report's distinct text and candidates, from the cache when it has them.

    Args:
        report: A loaded report.
        version: The analyzer version the cache entry must carry.
    """
    from reportdiff.core.storage import cache

    text = distinct_text(report)
    from reportdiff.core.analysis.tokens import dictionary_fingerprint

    # The user's dictionary changes the words: part of the key.
    key = cache.cache_key("terms", [version, dictionary_fingerprint(), text])
    value = cache.cached(
        key, lambda: compute_candidates(text), check=lambda v: isinstance(v, ReportCandidates)
    )
    return text, value


def tokenizer_loaded() -> Any:
    """Load the tag table (and jieba) ahead of use, e.g. before timing."""
    return _tag_table()
