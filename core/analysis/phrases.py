"""Shared phrases: maximal runs of text common to several reports, ranked by distinctiveness."""

from __future__ import annotations

import hashlib
import math
import operator
import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from reportdiff.core.analysis.phraseruns import (
    HAN_RUN_RE,
    MIN_HAN,
    K,
    doc_of_text,
    gram_index,
    han_count,
    maximal_runs,
    phrase_hits,
    report_doc,
)
from reportdiff.core.comparison import SharedPhrase
from reportdiff.core.model import Report, Span

__all__ = [
    "MIN_HAN",
    "PhraseIndex",
    "PhraseRow",
    "phrase_of_row",
    "phrase_rows",
    "phrases_against",
    "shared_phrases",
    "spans_of_ends",
    "unique_ends",
    "unique_spans",
]

Ends = tuple[int, ...]
"""Spans of one report as flat ends: ``(start, end, start, end, …)``."""
PhraseRow = tuple[str, tuple[Ends, ...], tuple[int, ...], float, int]
"""A shared phrase as plain values: text, per report its spans' :data:`Ends`, the reports
that hold it, distinctiveness, rank (:func:`phrase_of_row` makes the phrase). A worker
sends these back: a :class:`Span` costs about 1 µs to make and as much to pickle, and the
8× pair's phrases hold 100,000."""

_Found = tuple[float, int, int, int, str, tuple[Ends, ...], tuple[int, ...], float]
"""Sort key and payload of a phrase: -weight, -han, first position, seq, key, ends, reports, dist."""


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class PhraseIndex:
    """The library's documents as matching keys with a k-gram → documents bitmask index.

    Used to count in how many library reports a phrase occurs (its document frequency)
    without scanning every library text for every phrase.
    """

    def __init__(
        self, texts: Sequence[str], *, grams: Mapping[str, Collection[str]] | None = None
    ) -> None:
        """Index the given library texts (duplicates by content are counted once).

        ``grams``: the k-grams of some texts' keys, by key, where the caller has them.
        """
        seen: dict[str, str] = {}
        for t in texts:
            seen.setdefault(_digest(t), t)
        self.keys: list[str] = [doc_of_text(t).key for t in seen.values()]
        self.masks: dict[str, int] = defaultdict(int)
        self._docs_of_key: dict[str, int] = defaultdict(int)
        for d, key in enumerate(self.keys):
            bit = 1 << d
            self._docs_of_key[key] |= bit
            known = grams.get(key) if grams else None
            if known is None:
                known = {key[p : p + K] for p in range(len(key) - K + 1)}
            for g in known:
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
        grams = [self.masks.get(phrase[p : p + K], 0) for p in range(n - K + 1)]
        span = window - K + 1
        # A window's mask has no more documents than any of its k-grams': with no run of
        # ``span`` k-grams each in ``need`` documents, no window is common (most phrases).
        wide = bytes(map(need.__le__, map(int.bit_count, grams)))
        if b"\x01" * span not in wide:
            return 0.0
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
        step = max(1, (len(phrase) - K) // 4 or 1)
        for p in range(0, len(phrase) - K + 1, step):
            mask &= self.masks.get(phrase[p : p + K], 0)
            if not mask:
                return 0
        mask &= self.masks.get(phrase[-K:], 0)
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
    return tuple([phrase_of_row(row) for row in phrase_rows(reports, library=library)])


def phrase_of_row(row: PhraseRow) -> SharedPhrase:
    """The :class:`SharedPhrase` a :data:`PhraseRow` stands for."""
    text, ends, present, dist, rank = row
    return SharedPhrase(
        text=text,
        spans=tuple([spans_of_ends(e) if e else () for e in ends]),
        reports=present,
        distinctiveness=dist,
        rank=rank,
    )


def spans_of_ends(ends: Ends) -> tuple[Span, ...]:
    """The spans whose ends are ``(start, end, start, end, …)``."""
    if len(ends) == 2:  # most often: one occurrence
        return (Span(ends[0], ends[1]),)
    return tuple([Span(ends[k], ends[k + 1]) for k in range(0, len(ends), 2)])


def phrases_against(reports: Sequence[Report], texts: Sequence[str]) -> list[PhraseRow]:
    """:func:`phrase_rows` ranked against a library of ``texts`` and the reports' own.

    Each report's k-gram index is made once, for both the runs and the library.
    """
    docs = [report_doc(r) for r in reports]
    indexes = [gram_index(doc.key) for doc in docs]
    library = PhraseIndex(
        [*texts, *(r.text for r in reports)],
        grams={doc.key: own.keys() for doc, own in zip(docs, indexes, strict=True)},
    )
    return phrase_rows(reports, library=library, indexes=indexes)


def phrase_rows(
    reports: Sequence[Report],
    *,
    library: Sequence[Report] | PhraseIndex | None = None,
    indexes: Sequence[dict[str, list[int]]] | None = None,
) -> list[PhraseRow]:
    """:func:`shared_phrases` as :data:`PhraseRow` values, by rank (``indexes``: each
    report's k-gram index, if made)."""
    docs = [report_doc(r) for r in reports]
    if len(docs) < 2:
        return []
    if isinstance(library, PhraseIndex):
        index = library
    else:
        texts = _default_library(reports) if library is None else [r.text for r in library]
        index = PhraseIndex(texts)
    n_lib = len(index)
    found: list[_Found] = []
    runs, grams = maximal_runs(docs, indexes)
    size = len(docs)
    lib_bits = [index.docs_of_key(doc.key) for doc in docs]
    known = 0
    for bits in lib_bits:
        known |= bits
    for phrase in runs:
        # Occurrences: where the phrase's first k-gram stands and the rest follows (the
        # k-gram index is at hand; scanning every text for every phrase is not).
        # Only the reports holding the k-gram are searched (of ten, two or three mostly).
        all_hits: list[list[int]] = [[]] * size
        for d, starts in grams.get(phrase[:K], {}).items():
            all_hits[d] = phrase_hits(docs[d].key, phrase, starts)
        present = [d for d in range(size) if all_hits[d]]
        if len(present) < 2:
            continue  # ends are made only for a phrase that stays
        first_pos = present[0] * 10_000_000 + all_hits[present[0]][0]
        last = len(phrase) - 1
        ends = tuple(
            [
                _ends(doc.offsets, hits, last) if hits else ()
                for doc, hits in zip(docs, all_hits, strict=True)
            ]
        )
        # The compared reports' own library entries hold the phrase where its hits are:
        # a search of a long report for each phrase was most of the time on long reports.
        found_in = 0
        for d in present:
            found_in |= lib_bits[d]
        df = max(index.doc_freq(phrase, known=known, present=found_in), len(present))
        dist = distinctiveness(df, max(n_lib, len(present))) * (1.0 - index.common_share(phrase))
        han = han_count(phrase)
        # log length: a long distinctive phrase beats a short one, without letting a long
        # boilerplate sentence (distinctiveness ≈ 0) climb back over both.
        weight = dist * math.log2(1 + han)
        found.append((-weight, -han, first_pos, len(found), phrase, ends, tuple(present), dist))
    found = _drop_contained(found)
    found.sort()
    out: list[PhraseRow] = []
    for rank, (_, _, _, _, _phrase, f_ends, f_present, dist) in enumerate(found, start=1):
        first = f_present[0]
        start, end = f_ends[first][:2]
        out.append((reports[first].text[start:end], f_ends, f_present, round(dist, 4), rank))
    return out


def _ends(offsets: list[int], hits: list[int], last: int) -> Ends:
    """The text spans' ends of the key occurrences at ``hits`` (``last``: length − 1)."""
    if len(hits) == 1:  # most often
        p = hits[0]
        return (offsets[p], offsets[p + last] + 1)
    return tuple([x for p in hits for x in (offsets[p], offsets[p + last] + 1)])


def _drop_contained(found: list[_Found]) -> list[_Found]:
    """Drop a phrase every occurrence of which lies inside a longer phrase of the same reports.

    区十七届人大 is grown from one pair of seeds and 完成了区十七届人大 from another; listing
    both says the same thing twice. A phrase is dropped when a longer one holds it and
    is found in the same reports as often in each: so only phrases of the same reports
    and counts are compared, and a longer one is indexed only by the k-grams that open
    a shorter one (of 16,000 phrases on the 8× pair, 18 are dropped).
    """
    groups: dict[tuple[tuple[int, ...], tuple[int, ...]], list[int]] = defaultdict(list)
    for i, item in enumerate(found):
        groups[(item[6], tuple([len(e) for e in item[5]]))].append(i)  # ends: 2 per hit
    drop: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        lens = [len(found[i][4]) for i in members]
        shortest, longest = min(lens), max(lens)
        if shortest == longest:
            continue
        # The first k-gram of each phrase of the group that a longer one may hold.
        firsts = {found[i][4][:K] for i, n in zip(members, lens, strict=True) if K <= n < longest}
        containers: dict[str, list[int]] = defaultdict(list)
        for i, n in zip(members, lens, strict=True):
            if n > shortest:
                phrase = found[i][4]
                for p in range(n - K + 1):
                    g = phrase[p : p + K]
                    if g in firsts:
                        containers[g].append(i)
        for i, n in zip(members, lens, strict=True):
            if n == longest or n < K:
                continue
            phrase = found[i][4]
            for j in containers.get(phrase[:K], ()):
                other = found[j][4]
                if len(other) > n and phrase in other:
                    drop.add(i)
                    break
    return [item for i, item in enumerate(found) if i not in drop]


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
    ends = [
        tuple([tuple([x for sp in s for x in (sp.start, sp.end)]) for s in ph.spans])
        for ph in phrases
    ]
    return tuple([spans_of_ends(e) for e in unique_ends(reports, ends, min_han=min_han)])


def unique_ends(
    reports: Sequence[Report], phrase_ends: Sequence[tuple[Ends, ...]], *, min_han: int = 2
) -> tuple[Ends, ...]:
    """:func:`unique_spans` from each phrase's :data:`Ends` per report, as ends."""
    out: list[Ends] = []
    for d, report in enumerate(reports):
        text = report.text
        covered = bytearray(len(text))
        for ends in phrase_ends:
            its = ends[d]
            for k in range(0, len(its), 2):
                covered[its[k] : its[k + 1]] = b"\x01" * (its[k + 1] - its[k])
        for nl in _NEWLINE.finditer(text):
            covered[nl.start()] = 1
        spans: list[int] = []
        # Each run of free characters (not covered, not a line break) is found in C, not
        # by a loop over every character (a third of the function's time on eight samples).
        for m in _FREE_RUN.finditer(covered):
            s, e = m.start(), m.end()
            if sum(map(len, HAN_RUN_RE.findall(text, s, e))) < min_han:
                continue
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            spans += (s, e)
        out.append(tuple(spans))
    return tuple(out)
