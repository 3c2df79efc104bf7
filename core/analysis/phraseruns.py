"""Maximal runs of text common to two or more documents' match keys (seed and extend)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportdiff.core.model import Report
from reportdiff.core.text.textkey import HAN_RE, is_han, match_key

__all__ = [
    "HAN_RUN_RE",
    "MIN_HAN",
    "Doc",
    "K",
    "doc_of_text",
    "gram_index",
    "han_count",
    "maximal_runs",
    "phrase_hits",
    "report_doc",
]

MIN_HAN = 4
"""A shared phrase has at least this many Han characters."""
K = 4
"""Seed length in key characters (the k-gram the runs are grown from)."""
_STRIDE = 16
"""Key characters compared at once while a run grows (then one by one)."""


@dataclass(frozen=True)
class Doc:
    """A text, its match key and where each key character stands in the text."""

    text: str
    key: str
    offsets: list[int]


def report_doc(report: Report) -> Doc:
    """The report's text as a :class:`Doc` (keyed once per text)."""
    return doc_of_text(report.text)


@lru_cache(maxsize=64)
def doc_of_text(text: str) -> Doc:
    """The text as a :class:`Doc`, memoised (a library holds the compared reports too)."""
    key, offsets = match_key(text)
    return Doc(text, key, offsets)


def _trim(key: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a run so it neither starts nor ends inside a number or Latin word.

    143.5亿元 and 154.99亿元 share the key run ``区级财政收入完成1``; the trailing ``1`` is
    half of two different numbers, not a shared phrase.
    """
    while start < end and not is_han(key[start]):
        start += 1
    # A run that opens on the unit of a number (143.5亿元、同比增长 / 154.99亿元，同比增长
    # share 亿元同比增长) starts with half a quantity: drop the unit as well.
    while start < end and start > 0 and key[start - 1] in _NUMERALS and key[start] in _UNIT_CHARS:
        start += 1
    while end > start and not is_han(key[end - 1]):
        end -= 1
    # …nor ends inside a figure in words (比一九六四年增长百分之|五, 预计比一九六|四年)
    spelled = _SPELLED_PERCENT_END_RE.search(key, start, end)
    if spelled is not None:
        end = spelled.start()
    return start, end


_UNIT_CHARS = frozenset("亿万千百十元个家项件人名台张套户座条所次倍米公里顷亩吨剂年月日号届")
# a percentage, or two or more numerals, in words at a run's end: half a figure or a year
# (百分之|五, 比一九六|四年 / 一九六|五年); one numeral may end a word (统一)
_SPELLED_PERCENT_END_RE = re.compile(
    "[百千]分之[零〇○一二两三四五六七八九十百点]*$|[零〇○一二两三四五六七八九十百千万亿]{2,}$"
)
# digits (the key is folded) and Chinese numerals: 区十七届人大三次会议 and …一次会议 share
# 次会议确定的…, which opens on half of two different counts
_NUMERALS = frozenset("0123456789〇○零一二两三四五六七八九十")


_SENTENCE_END = frozenset("。！？；!?;\n")
_SENTENCE_END_RE = re.compile("[。！？；!?;\n]")


def _sentences(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split a key run where the original text ends a sentence (。！？； or a line break).

    The key drops punctuation, so a run can run on from one sentence into the next
    (…生态环境日益改善。空气质量… in one report, …改善。空气… in another); a phrase a
    reader recognises stays inside one sentence.
    """
    text_offsets = doc.offsets
    if not _SENTENCE_END_RE.search(doc.text, text_offsets[start], text_offsets[end - 1]):
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    s = start
    for k in range(start + 1, end):
        gap = doc.text[text_offsets[k - 1] + 1 : text_offsets[k]]
        if gap and any(c in _SENTENCE_END for c in gap):
            pieces.append((s, k))
            s = k
    pieces.append((s, end))
    return pieces


HAN_RUN_RE = re.compile(HAN_RE.pattern + "+")


def han_count(s: str) -> int:
    return sum(map(len, HAN_RUN_RE.findall(s)))  # runs, not characters: fewer strings


class _Side:
    """One document's occurrences of a k-gram, grouped by the key characters around them.

    A seed pair (p1, p2) is left-maximal when the characters before differ (or either
    starts its key), and grows past the k-gram only when the characters after agree: so
    how many partners give a run of exactly the k-gram is counted, and only partners with
    the same next character are visited and grown.
    """

    __slots__ = ("both", "by_next", "next_count", "prev_count", "total")

    def __init__(self, key: str, positions: list[int]) -> None:
        n = len(key)
        self.total = len(positions)
        self.prev_count: dict[str | None, int] = defaultdict(int)
        self.next_count: dict[str | None, int] = defaultdict(int)
        self.both: dict[tuple[str | None, str | None], int] = defaultdict(int)
        self.by_next: dict[str, dict[str | None, list[int]]] = {}
        for p in positions:
            prev = key[p - 1] if p > 0 else None
            after = key[p + K] if p + K < n else None
            self.prev_count[prev] += 1
            self.next_count[after] += 1
            self.both[(prev, after)] += 1
            if after is not None:
                self.by_next.setdefault(after, {}).setdefault(prev, []).append(p)


_DIRECT = 8
"""Seed pairs of one k-gram and two documents up to which each pair is tried in turn."""


def _grow(a: str, b: str, p1: int, p2: int, n: int) -> int:
    """Length of the common run of ``a[p1:]`` and ``b[p2:]``, known to be at least ``n``."""
    la = len(a)
    lb = len(b)
    # Long runs (a report quoting a whole passage) in slices first.
    while (
        p1 + n + _STRIDE <= la
        and p2 + n + _STRIDE <= lb
        and a[p1 + n : p1 + n + _STRIDE] == b[p2 + n : p2 + n + _STRIDE]
    ):
        n += _STRIDE
    while p1 + n < la and p2 + n < lb and a[p1 + n] == b[p2 + n]:
        n += 1
    return n


def _seed_lengths(
    a: str, b: str, ps1: list[int], ps2: list[int], side2: _Side | None
) -> Iterator[tuple[int, int]]:
    """(p1, run length) of every left-maximal seed pair of one k-gram in two documents.

    A length may come more than once for the same p1; every distinct one comes at least once.
    """
    if side2 is None:
        for p1 in ps1:
            before = a[p1 - 1] if p1 > 0 else None
            for p2 in ps2:
                if before is not None and p2 > 0 and before == b[p2 - 1]:
                    continue  # not left-maximal: grown from an earlier seed
                yield p1, _grow(a, b, p1, p2, K)
        return
    la = len(a)
    for p1 in ps1:
        before = a[p1 - 1] if p1 > 0 else None
        after = a[p1 + K] if p1 + K < la else None
        if before is None:
            partners = side2.total
            same_next = side2.next_count.get(after, 0) if after is not None else 0
        else:
            partners = side2.total - side2.prev_count.get(before, 0)
            same_next = (
                side2.next_count.get(after, 0) - side2.both.get((before, after), 0)
                if after is not None
                else 0
            )
        if partners > same_next:
            yield p1, K  # a left-maximal partner whose next character differs
        if same_next:
            assert after is not None
            for prev, group in side2.by_next[after].items():
                if before is not None and prev == before:
                    continue  # not left-maximal
                for p2 in group:
                    yield p1, _grow(a, b, p1, p2, K + 1)


def gram_index(key: str) -> dict[str, list[int]]:
    """Where each k-gram of ``key`` starts, the k-grams in order of first occurrence."""
    own: dict[str, list[int]] = defaultdict(list)
    for p in range(len(key) - K + 1):
        own[key[p : p + K]].append(p)
    return own


def maximal_runs(
    docs: Sequence[Doc], indexes: Sequence[dict[str, list[int]]] | None = None
) -> tuple[dict[str, None], dict[str, dict[int, list[int]]]]:
    """Every maximal common run of two documents' keys, for every pair of documents.

    Seed-and-extend over a k-gram index: each pair of positions sharing a k-gram whose
    preceding characters differ (left-maximal) is extended to the right as far as the
    keys agree, so each maximal run is grown once from its start — linear in the number
    of seed pairs, not a quadratic scan of substrings. A k-gram frequent in both
    documents has its pairs counted by the characters around them rather than tried one
    by one (:class:`_Side`). ``indexes``: each document's :func:`gram_index`, if made.
    """
    keys = [doc.key for doc in docs]
    owns = [gram_index(key) for key in keys] if indexes is None else indexes
    shared: dict[str, dict[int, list[int]]] = {}
    if len(owns) == 2:
        # Two documents (most comparisons): the first one's k-grams the second one has, in
        # the same order as below, without a dict made for every k-gram of either.
        one, two = owns
        shared = {gram: {0: at, 1: two[gram]} for gram, at in one.items() if gram in two}
    else:
        for d, own in enumerate(owns):
            for gram, positions in own.items():
                entry = shared.get(gram)
                if entry is None:
                    shared[gram] = {d: positions}
                else:
                    entry[d] = positions
        shared = {gram: by_doc for gram, by_doc in shared.items() if len(by_doc) > 1}
    runs: dict[str, None] = {}
    # A run of one document grown against several others often ends at the same place:
    # its sentences are cut and trimmed once (what they add to ``runs`` is already there).
    grown: set[tuple[int, int, int]] = set()
    for by_doc in shared.values():
        if len(by_doc) == 2:
            # Most k-grams of two documents: once in each, inside a run that an earlier
            # seed grows (not left-maximal), so nothing to do; the loop below would skip it.
            (d1, ps1), (d2, ps2) = by_doc.items()
            if len(ps1) == 1 == len(ps2):
                p1 = ps1[0]
                p2 = ps2[0]
                if p1 > 0 and p2 > 0 and keys[d1][p1 - 1] == keys[d2][p2 - 1]:
                    continue
        groups = list(by_doc.items())
        sides: dict[int, _Side] = {}
        for x, (d1, ps1) in enumerate(groups):
            a = keys[d1]
            doc1 = docs[d1]
            for d2, ps2 in groups[x + 1 :]:
                b = keys[d2]
                side2 = None
                if len(ps1) == 1 and len(ps2) == 1:
                    # Most k-grams: one seed pair, tried as _seed_lengths would, inline.
                    p1 = ps1[0]
                    p2 = ps2[0]
                    if p1 > 0 and p2 > 0 and a[p1 - 1] == b[p2 - 1]:
                        continue  # not left-maximal: grown from an earlier seed
                    seeds: Iterable[tuple[int, int]] = ((p1, _grow(a, b, p1, p2, K)),)
                else:
                    if len(ps1) * len(ps2) > _DIRECT:
                        side2 = sides.get(d2)
                        if side2 is None:
                            side2 = sides[d2] = _Side(b, ps2)
                    seeds = _seed_lengths(a, b, ps1, ps2, side2)
                for p1, n in seeds:
                    if (d1, p1, n) in grown:
                        continue
                    grown.add((d1, p1, n))
                    for s0, e0 in _sentences(doc1, p1, p1 + n):
                        s0, e0 = _trim(a, s0, e0)
                        if e0 - s0 >= MIN_HAN:
                            run = a[s0:e0]
                            if run not in runs and han_count(run) >= MIN_HAN:
                                runs[run] = None
    return runs, shared


def phrase_hits(key: str, phrase: str, starts: Sequence[int]) -> list[int]:
    """Non-overlapping occurrences of ``phrase`` among candidate start positions."""
    out: list[int] = []
    end = -1
    for p in starts:
        if p >= end and key.startswith(phrase, p):
            out.append(p)
            end = p + len(phrase)
    return out
