"""Clauses and sentences of a report's folded key: where a figure's clause starts.

Shared by the figure finders (:mod:`reportdiff.core.analysis.figures`), the indicator reader
(:mod:`reportdiff.core.analysis.indicators`) and :mod:`reportdiff.core.analysis.numbers`.
"""

from __future__ import annotations

import re

DELIMS = frozenset(",、;。:!?\n—|")
SENTENCE_ENDS = frozenset("。!?;\n")
BULLETS = " \t-•·●▶◆*>■□○"


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def find_period_sentence_start(key: str, pos: int, start: int) -> int:
    """Start of the sentence (。!? only): 2002年 before a semicolon frames what follows."""
    i = pos - 1
    while i >= start and key[i] not in "。!?\n":
        i -= 1
    return i + 1


def find_scope_start(key: str, pos: int, start: int) -> int:
    """Where the words that set a figure's period start: its sentence (。!? only), or the
    one before when it opens on 其中 (of which), which speaks of what that one said:
    工农业总产值在一九五七年达到了…。其中，…农业总产值达到了… (1957's)."""
    first = find_period_sentence_start(key, pos, start)
    if key.startswith("其中", first) and first - 1 > start:
        return find_period_sentence_start(key, first - 1, start)
    if first - 1 > start and not _OWN_YEAR_RE.search(key, first, pos):
        # １９７９年农业总产值比１９７８年增长８．６％。粮食产量３３，２１２万吨: a sentence naming
        # no year goes on with the year of the one before, when that opens on the year's change
        before = find_period_sentence_start(key, first - 1, start)
        if _OPENS_ON_YEAR_RE.match(key, before):
            return before
    return first


_OPENS_ON_YEAR_RE = re.compile(
    r"\s*(?:19|20)\d\d年(?!同|与|和|比|以来|来|至|到|底|末|初|-)[\u4e00-\u9fff]{2,12}?"
    r"(?:比|较)(?:上年|去年|上一年|(?:19|20)\d\d年)"
)
"""A sentence opening on a dated change of the year's: １９７９年国民收入比上年增长７％."""
_OWN_YEAR_RE = re.compile(r"年(?<!比上年)(?<!较上年)(?<!比上一年)(?<!比去年)")
"""A year or span of a sentence's own: any 年 but the base of a change (比上年增加…)."""


_SCOPE_NOTE_RE = re.compile(r"不?(?:包括|含)")
"""A parenthesis opening on what a name includes or leaves out (（包括…）, （不含…）)."""


_SCOPE_NOTE_SPAN_RE = re.compile(r"\(不?(?:包括|含)[^()]*\)")


def mask_notes(seg: str) -> str:
    """``seg`` with each note on what a name includes blanked out (NUL, one per character),
    so that the 的 and verbs inside 基本建设（包括经济、文教、行政方面的基本建设） do not cut
    the name; its length is kept, so positions still hold."""
    return _SCOPE_NOTE_SPAN_RE.sub(lambda m: "\0" * len(m.group()), seg)


def find_clause_start(key: str, pos: int, start: int) -> int:
    """Start of the clause that ends at ``pos``; skips digit-free parentheses like (AQI).

    A note saying what a name includes is skipped however long: in 基本建设投资额（包括经济、
    文教、行政方面的基本建设）共为８６．３亿元 the clause opens before 基本建设投资额, as a
    parenthesis is a note on the words before it and its 、 end no clause outside it.
    """
    i = pos - 1
    while i >= start:
        c = key[i]
        if c in DELIMS:
            return i + 1
        if c == "(":
            return i + 1
        if c == ")":
            opening = key.rfind("(", start, i)
            inner = key[opening + 1 : i] if opening >= 0 else ""
            long = len(inner) > 12 and not _SCOPE_NOTE_RE.match(inner)
            if opening < 0 or long or any(ch.isdigit() for ch in inner):
                return i + 1
            i = opening - 1
            continue
        i -= 1
    return start


def follows_list_comma(key: str, pos: int) -> bool:
    """Whether a figure directly follows 、 (拆除违法建筑1251处、9.3万平方米)."""
    i = pos - 1
    while i >= 0 and key[i] == " ":
        i -= 1
    return i >= 0 and key[i] == "、"


def find_sentence_start(key: str, pos: int, start: int) -> int:
    i = pos - 1
    while i >= start and key[i] not in SENTENCE_ENDS:
        i -= 1
    return i + 1
