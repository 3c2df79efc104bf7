"""Shared phrases: maximal runs of text common to several reports, ranked by distinctiveness."""

from __future__ import annotations

import hashlib
import math
import operator
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportdiff.core.comparison import SharedPhrase
from reportdiff.core.model import Report, Span
from reportdiff.core.text.textkey import HAN_RE, is_han, match_key

__all__ = ["MIN_HAN", "PhraseIndex", "shared_phrases", "unique_spans"]

MIN_HAN = 4
"""A shared phrase has at least this many Han characters."""
_K = 4
"""Seed length in key characters (the k-gram the runs are grown from)."""
_STRIDE = 16
"""Key characters compared at once while a run grows (then one by one)."""


@dataclass(frozen=True)
class _Doc:
    text: str
    key: str
    offsets: list[int]


def _doc(report: Report) -> _Doc:
    return _doc_of_text(report.text)


@lru_cache(maxsize=64)
def _doc_of_text(text: str) -> _Doc:
    # The library usually holds the compared reports too: key each text once.
    key, offsets = match_key(text)
    return _Doc(text, key, offsets)


_Found = tuple[float, int, int, int, str, tuple[tuple[Span, ...], ...], tuple[int, ...], float]
"""Sort key and payload of a phrase: -weight, -han, first position, seq, key, spans, reports, dist."""


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


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


def _sentences(doc: _Doc, start: int, end: int) -> list[tuple[int, int]]:
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


_HAN_RUN_RE = re.compile(HAN_RE.pattern + "+")


def _han_count(s: str) -> int:
    return sum(map(len, _HAN_RUN_RE.findall(s)))  # runs, not characters: fewer strings


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
            after = key[p + _K] if p + _K < n else None
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
                yield p1, _grow(a, b, p1, p2, _K)
        return
    la = len(a)
    for p1 in ps1:
        before = a[p1 - 1] if p1 > 0 else None
        after = a[p1 + _K] if p1 + _K < la else None
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
            yield p1, _K  # a left-maximal partner whose next character differs
        if same_next:
            assert after is not None
            for prev, group in side2.by_next[after].items():
                if before is not None and prev == before:
                    continue  # not left-maximal
                for p2 in group:
                    yield p1, _grow(a, b, p1, p2, _K + 1)


def _maximal_runs(
    docs: Sequence[_Doc],
) -> tuple[dict[str, None], dict[str, dict[int, list[int]]]]:
    """Every maximal common run of two documents' keys, for every pair of documents.

    Seed-and-extend over a k-gram index: each pair of positions sharing a k-gram whose
    preceding characters differ (left-maximal) is extended to the right as far as the
    keys agree, so each maximal run is grown once from its start — linear in the number
    of seed pairs, not a quadratic scan of substrings. A k-gram frequent in both
    documents has its pairs counted by the characters around them rather than tried one
    by one (:class:`_Side`).
    """
    keys = [doc.key for doc in docs]
    shared: dict[str, dict[int, list[int]]] = {}
    for d, key in enumerate(keys):
        own: dict[str, list[int]] = defaultdict(list)
        for p in range(len(key) - _K + 1):
            own[key[p : p + _K]].append(p)
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
                    seeds: Iterable[tuple[int, int]] = ((p1, _grow(a, b, p1, p2, _K)),)
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
                            if run not in runs and _han_count(run) >= MIN_HAN:
                                runs[run] = None
    return runs, shared


def _hits(key: str, phrase: str, starts: Sequence[int]) -> list[int]:
    """Non-overlapping occurrences of ``phrase`` among candidate start positions."""
    out: list[int] = []
    end = -1
    for p in starts:
        if p >= end and key.startswith(phrase, p):
            out.append(p)
            end = p + len(phrase)
    return out


class PhraseIndex:
    """The library's documents as matching keys with a k-gram → documents bitmask index.

    Used to count in how many library reports a phrase occurs (its document frequency)
    without scanning every library text for every phrase.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        """Index the given library texts (duplicates by content are counted once)."""
        seen: dict[str, str] = {}
        for t in texts:
            seen.setdefault(_digest(t), t)
        self.keys: list[str] = [_doc_of_text(t).key for t in seen.values()]
        self.masks: dict[str, int] = defaultdict(int)
        self._docs_of_key: dict[str, int] = defaultdict(int)
        for d, key in enumerate(self.keys):
            bit = 1 << d
            self._docs_of_key[key] |= bit
            for g in {key[p : p + _K] for p in range(len(key) - _K + 1)}:
                self.masks[g] |= bit

    def __len__(self) -> int:
        return len(self.keys)

    def common_share(self, phrase: str, *, window: int = 8) -> float:
        """Share of ``phrase`` lying in windows that half the library (or more) also says.

        A maximal run can wrap boilerplate in a few words of its own: 坚持以习近平新时代中国
        特色社会主义思想为指导,深入学习 is in two reports as a whole, but all of it except
        坚持 … 深入学习 is in every report. Windows of ``window`` key characters are
        approximated by AND-ing the masks of their k-grams (an upper bound, no text scan).
        """
        n = len(phrase)
        if n < window or len(self.keys) < 3:
            return 0.0
        need = max(3, (len(self.keys) + 1) // 2)
        grams = [self.masks.get(phrase[p : p + _K], 0) for p in range(n - _K + 1)]
        span = window - _K + 1
        # Each window's mask, the AND of its k-grams' masks, for all windows at once.
        masks = grams[: n - window + 1]
        for k in range(1, span):
            masks = list(map(operator.and_, masks, grams[k : k + len(masks)]))
        common = bytearray(n)
        for p, mask in enumerate(masks):
            if mask.bit_count() >= need:
                common[p : p + window] = b"\x01" * window
        return sum(common) / n

    def docs_of_key(self, key: str) -> int:
        """Bitmask of the library documents whose key is ``key`` (0 when none is)."""
        return self._docs_of_key.get(key, 0)

    def doc_freq(self, phrase: str, *, known: int = 0, present: int = 0) -> int:
        """In how many library documents the key ``phrase`` occurs.

        Args:
            phrase: A match key.
            known: Bitmask of documents whose answer the caller already has (the compared
                reports, where the phrase's occurrences were found): not searched again.
            present: Bitmask of those among ``known`` that hold the phrase.
        """
        mask = -1
        step = max(1, (len(phrase) - _K) // 4 or 1)
        for p in range(0, len(phrase) - _K + 1, step):
            mask &= self.masks.get(phrase[p : p + _K], 0)
            if not mask:
                return 0
        mask &= self.masks.get(phrase[-_K:], 0)
        count = present.bit_count()
        mask &= ~known
        d = 0
        while mask:
            if mask & 1 and phrase in self.keys[d]:
                count += 1
            mask >>= 1
            d += 1
        return count


def _default_library(reports: Sequence[Report]) -> list[str]:
    from reportdiff.core.storage.samples import SAMPLE_IDS, sample_text

    return [sample_text(i) for i in SAMPLE_IDS] + [r.text for r in reports]


def distinctiveness(doc_freq: int, library_size: int) -> float:
    """1 for a phrase in no more library reports than the two it must be in, 0 for one in all.

    >>> distinctiveness(2, 8), distinctiveness(8, 8), distinctiveness(5, 8)
    (1.0, 0.0, 0.5)
    """
    if library_size <= 2:
        return 1.0
    return max(0.0, min(1.0, 1.0 - (doc_freq - 2) / (library_size - 2)))


def shared_phrases(
    reports: Sequence[Report],
    *,
    library: Sequence[Report] | PhraseIndex | None = None,
) -> tuple[SharedPhrase, ...]:
    """Maximal runs of text common to two or more reports, most distinctive first.

    Runs are found on the match key (full-/half-width forms folded, punctuation dropped),
    have at least :data:`MIN_HAN` Han characters, and are reported as spans of each
    original text. Rank favours phrases few library reports say (以习近平新时代中国特色社会主义
    思想为指导 is in nearly all and ranks low) and then longer phrases.

    Args:
        reports: The reports compared, in comparison order.
        library: Reports (or a prebuilt :class:`PhraseIndex`) to measure how common a
            phrase is; defaults to the bundled samples plus ``reports``.

    Returns:
        Phrases by rank (rank 1 first).
    """
    docs = [_doc(r) for r in reports]
    if len(docs) < 2:
        return ()
    if isinstance(library, PhraseIndex):
        index = library
    else:
        texts = _default_library(reports) if library is None else [r.text for r in library]
        index = PhraseIndex(texts)
    n_lib = len(index)
    found: list[_Found] = []
    runs, grams = _maximal_runs(docs)
    size = len(docs)
    lib_bits = [index.docs_of_key(doc.key) for doc in docs]
    known = 0
    for bits in lib_bits:
        known |= bits
    for phrase in runs:
        # Occurrences: where the phrase's first k-gram stands and the rest follows (the
        # k-gram index is at hand; scanning every text for every phrase is not).
        starts = grams.get(phrase[:_K], {})
        all_hits = [_hits(docs[d].key, phrase, starts.get(d, ())) for d in range(size)]
        present = [d for d in range(size) if all_hits[d]]
        if len(present) < 2:
            continue  # spans are made only for a phrase that stays
        first_pos = present[0] * 10_000_000 + all_hits[present[0]][0]
        last = len(phrase) - 1
        spans = [
            tuple(Span(doc.offsets[p], doc.offsets[p + last] + 1) for p in hits)
            for doc, hits in zip(docs, all_hits, strict=True)
        ]
        # The compared reports' own library entries hold the phrase where its hits are:
        # a search of a long report for each phrase was most of the time on long reports.
        found_in = 0
        for d in present:
            found_in |= lib_bits[d]
        df = max(index.doc_freq(phrase, known=known, present=found_in), len(present))
        dist = distinctiveness(df, max(n_lib, len(present))) * (1.0 - index.common_share(phrase))
        han = _han_count(phrase)
        # log length: a long distinctive phrase beats a short one, without letting a long
        # boilerplate sentence (distinctiveness ≈ 0) climb back over both.
        weight = dist * math.log2(1 + han)
        found.append(
            (-weight, -han, first_pos, len(found), phrase, tuple(spans), tuple(present), dist)
        )
    found = _drop_contained(found)
    found.sort()
    out: list[SharedPhrase] = []
    for rank, (_, _, _, _, _phrase, f_spans, f_present, dist) in enumerate(found, start=1):
        first = f_present[0]
        span = f_spans[first][0]
        out.append(
            SharedPhrase(
                text=reports[first].text[span.start : span.end],
                spans=f_spans,
                reports=f_present,
                distinctiveness=round(dist, 4),
                rank=rank,
            )
        )
    return tuple(out)


def _drop_contained(found: list[_Found]) -> list[_Found]:
    """Drop a phrase every occurrence of which lies inside a longer phrase of the same reports.

    区十七届人大 is grown from one pair of seeds and 完成了区十七届人大 from another; listing
    both says the same thing twice.
    """
    order = sorted(range(len(found)), key=lambda i: -len(found[i][4]))
    # index every k-gram of the longer phrases, so a contained phrase finds its container
    containers: dict[str, list[int]] = defaultdict(list)
    for i in order:
        phrase = found[i][4]
        for g in {phrase[p : p + _K] for p in range(len(phrase) - _K + 1)}:
            containers[g].append(i)
    keep: list[_Found] = []
    for i, item in enumerate(found):
        phrase, present, spans = item[4], item[6], item[5]
        counts = [len(s) for s in spans]
        redundant = False
        for j in containers.get(phrase[:_K], ()):
            other = found[j]
            if len(other[4]) <= len(phrase):
                break  # longest first: no container after this one (nor ``i`` itself)
            if other[6] != present:
                continue
            if phrase in other[4] and [len(s) for s in other[5]] == counts:
                redundant = True
                break
        if not redundant:
            keep.append(item)
    return keep


_NEWLINE = re.compile("\n")
_FREE_RUN = re.compile(b"\x00+")


def unique_spans(
    reports: Sequence[Report], phrases: Sequence[SharedPhrase], *, min_han: int = 2
) -> tuple[tuple[Span, ...], ...]:
    """Per report, the text outside every shared phrase (what that report alone says).

    Args:
        reports: The reports compared.
        phrases: Their shared phrases (:func:`shared_phrases`).
        min_han: Runs with fewer Han characters (stray punctuation, lone numbers) are dropped.

    Returns:
        For each report, spans of its text in document order.
    """
    out: list[tuple[Span, ...]] = []
    for d, report in enumerate(reports):
        text = report.text
        covered = bytearray(len(text))
        for ph in phrases:
            for sp in ph.spans[d]:
                covered[sp.start : sp.end] = b"\x01" * (sp.end - sp.start)
        for nl in _NEWLINE.finditer(text):
            covered[nl.start()] = 1
        spans: list[Span] = []
        # Each run of free characters (not covered, not a line break) is found in C, not
        # by a loop over every character (a third of the function's time on eight samples).
        for m in _FREE_RUN.finditer(covered):
            s, e = m.start(), m.end()
            if sum(map(len, _HAN_RUN_RE.findall(text, s, e))) < min_han:
                continue
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            spans.append(Span(s, e))
        out.append(tuple(spans))
    return tuple(out)
