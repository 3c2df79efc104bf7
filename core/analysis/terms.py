"""New, rising and fading terms over a series of reports (``reportdiff terms``).

For each report of a series, in the order given: the terms that appear for the first time
in the series (``new``), ranked so that coined compounds and quoted formulations
(“三个代表”, 科学发展观) come before one-off wordings; the terms the previous reports all used
and this one drops (``faded``); and any term's rate per 10,000 Han characters in every
report. Counting is over each report's distinct paragraphs (see
:func:`~reportdiff.core.analysis.termcands.distinct_text`).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportdiff.core.analysis.termcands import (
    ReportCandidates,
    candidates_of,
    distinct_text,
    han_length,
    is_number_or_date,
    is_person_name,
)
from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import N_, _
from reportdiff.core.model import Report

__all__ = [
    "FADED_WINDOW",
    "TERMS_VERSION",
    "TermCount",
    "TermSeries",
    "analyse_terms",
    "term_series",
]

TERMS_VERSION = "terms-9"
"""Bump when candidates or their counts change meaning: cached per-report counts go stale."""
TOP = 50
"""Terms listed per report and kind by default."""
FADED_WINDOW = 3
"""A term fades when each of the previous this-many reports used it and this one does not."""
SHORT_RATIO = 0.5
"""A report shorter than this share of the typical length before it is flagged as short."""
TYPICAL = 5
"""How many earlier reports (not short themselves) give the typical length."""
PER = 10_000
"""Rates are per this many Han characters."""

_NOUN_HEADS = frozenset("n nz vn l j i ng an nt ns nr nrt s b ?".split())
"""Tags of a term's last word that make it a name for a thing (社会, 经济, 观, 战略)."""


@dataclass(frozen=True)
class TermCount:
    """A term listed for a report."""

    term: str
    """The term as written."""
    count: int
    """Its occurrences in the report's distinct paragraphs."""


@dataclass(frozen=True)
class TermSeries:
    """The terms of a series of reports, in the order given."""

    reports: tuple[str, ...]
    """Report ids, one per report, distinct (``#2`` appended to a repeated id)."""
    lengths: dict[str, int]
    """Han characters of each report's distinct paragraphs."""
    new: dict[str, tuple[TermCount, ...]]
    """Per report: terms that no earlier report of the series contains, best first."""
    faded: dict[str, tuple[TermCount, ...]]
    """Per report: terms each of the previous :attr:`faded_window` reports used, absent here."""
    frequency: dict[str, dict[str, float]]
    """Per listed (or asked-for) term: its rate per 10,000 Han characters in every report."""
    faded_window: int = FADED_WINDOW
    """How many previous reports must all use a term for its absence to count as fading."""
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per report: warnings a reader needs (first of the series, much shorter than its
    neighbours so terms look faded)."""
    asked: tuple[str, ...] = ()
    """Terms asked for by name (``--term``), whose series is given whatever the ranking."""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per asked-for term: its count in every report."""


def report_ids(reports: Sequence[Report]) -> tuple[str, ...]:
    """A distinct key per report: its id, with ``#2``, ``#3`` … when an id repeats."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    for r in reports:
        n = seen.get(r.meta.id, 0) + 1
        seen[r.meta.id] = n
        keys.append(r.meta.id if n == 1 else f"{r.meta.id}#{n}")
    return tuple(keys)


_WORDS_SHAPE = {0: 1.0, 1: 0.9, 2: 1.0, 3: 0.85, 4: 0.7}
"""A compound of two words (科学/发展观) is the likeliest coinage; four words, a wording."""


def _fit(term: str, cands: ReportCandidates) -> float:
    """How much ``term``'s form looks like a term rather than a wording (0–1)."""
    quoted = cands.quoted.get(term, 0)
    shape = cands.shapes[term]
    n = han_length(term)
    fit = 1.0 if 4 <= n <= 8 else 0.8 if n in (3, 9, 10) else 0.5
    if quoted:
        fit = max(fit, 0.9)
    fit *= _WORDS_SHAPE.get(shape.words, 0.7)
    if not quoted and shape.last not in _NOUN_HEADS:
        fit *= 0.4
    if shape.acts:
        fit *= 0.5
    if term in cands.closed and not quoted:
        fit *= 0.6
    return fit


def _score(term: str, cands: ReportCandidates) -> float:
    """How much ``term`` looks like a formulation of its report (it is new there)."""
    count = cands.counts[term]
    quoted = cands.quoted.get(term, 0)
    paragraphs = cands.paragraphs.get(term, 1)
    # Evidence: uses in distinct paragraphs (a term recurs across the report, a wording
    # repeats inside one passage); a quotation is the report marking a formulation. A new
    # term has no earlier use, so a log-likelihood or tf-idf contrast with the earlier
    # reports grows with this count alone: the shape of the term makes the difference.
    evidence = min(count, paragraphs) + 2.0 * quoted
    return math.log1p(evidence) * _fit(term, cands)


class _SeriesIndex:
    """Which reports of the series hold a string, without scanning every report for it.

    Each report's character pairs go into one map from pair to a bit mask of reports; a
    report can hold a term only if it holds every pair of it, and only those reports are
    searched. Counting ~2,000 listed terms in all 41 reports of the State Council series
    took 3 s by scanning every report; with the index, under 1 s.
    """

    def __init__(self, texts: Sequence[str], cands: Sequence[ReportCandidates]) -> None:
        self.texts = texts
        pairs: dict[str, int] = {}
        for j, text in enumerate(texts):
            bit = 1 << j
            for pair in {text[k : k + 2] for k in range(len(text) - 1)}:
                pairs[pair] = pairs.get(pair, 0) | bit
        self._pairs = pairs
        self.cands = cands
        self._counts: dict[str, list[int]] = {}

    def _mask(self, term: str) -> int:
        mask = (1 << len(self.texts)) - 1
        for k in range(len(term) - 1):
            mask &= self._pairs.get(term[k : k + 2], 0)
            if not mask:
                break
        return mask

    def before(self, term: str, i: int) -> bool:
        """Whether a report before the ``i``-th holds ``term``."""
        if any(term in self.cands[j].counts for j in range(i)):
            return True
        mask = self._mask(term) & ((1 << i) - 1)
        j = 0
        while mask:
            if mask & 1 and term in self.texts[j]:
                return True
            mask >>= 1
            j += 1
        return False

    def counts(self, term: str) -> list[int]:
        """Occurrences of ``term`` in each report."""
        found = self._counts.get(term)
        if found is None:
            mask = self._mask(term)
            found = [
                self.texts[j].count(term) if mask >> j & 1 else 0 for j in range(len(self.texts))
            ]
            self._counts[term] = found
        return found


def _new_terms(
    i: int, cands: ReportCandidates, index: _SeriesIndex, top: int, names: bool
) -> list[TermCount]:
    """The report's best ``top`` terms that no earlier report contains (a person's name,
    such as 周恩来同志, only when ``names``: a name is news, not a new term)."""
    text = index.texts[i]
    earlier = index.cands[:i]
    fresh = [t for t in cands.counts if not any(t in c.counts for c in earlier)]
    if not names:
        # Only one- and two-word candidates (and quotations) can be a name: tokenize those.
        fresh = [t for t in fresh if cands.shapes[t].words > 2 or not is_person_name(t)]
    scores = {t: _score(t, cands) for t in fresh}
    supers: dict[str, list[str]] = {}
    for t in fresh:
        for start in range(len(t)):
            for end in range(start + 2, len(t) + 1):
                if end - start < len(t):
                    supers.setdefault(t[start:end], []).append(t)
    counts: dict[str, int] = {}
    verified: dict[str, bool] = {}

    def count(t: str) -> int:
        if t not in counts:
            counts[t] = text.count(t)
        return counts[t]

    def is_new(t: str) -> bool:
        if t not in verified:
            verified[t] = not index.before(t, i)
        return verified[t]

    listed: list[TermCount] = []
    done: set[str] = set()
    for t in sorted(fresh, key=lambda t: (-scores[t], -len(t), t)):
        if len(listed) >= top:
            break
        if t in done or not is_new(t):
            continue
        lead = cands.shapes[t].lead
        rest = t[lead:]
        if lead and (index.before(rest, i) or any(tc.term == rest for tc in listed)):
            continue  # 落实/科学发展观 when 科学发展观 is known: the report acting on a term
        # A fragment of a longer new term (科学发展 of 科学发展观) has no life of its own
        # when nearly all its uses are inside that term: the longer term takes its place.
        host = next(
            (
                s
                for s in sorted(supers.get(t, ()), key=lambda s: (-count(s), len(s)))
                if count(s) >= 2
                and count(t) - count(s) < 2
                and not cands.shapes[s].acts
                and is_new(s)
            ),
            None,
        )
        done.add(t)
        pick = host or t
        if host is not None:
            if host in done:
                continue
            done.add(host)
        listed.append(TermCount(pick, count(pick)))
    return listed


def analyse_terms(
    reports: Sequence[Report],
    *,
    top: int = TOP,
    faded_window: int = FADED_WINDOW,
    extra_terms: Sequence[str] = (),
    names: bool = False,
) -> TermSeries:
    """New and faded terms of each report of a series, and their rates in every report.

    Args:
        reports: The series, in the order to read it (usually by year).
        top: Terms listed per report and kind.
        faded_window: Previous reports that must all use a term for it to fade.
        extra_terms: Terms whose series to give besides the listed ones (``--term``).
        names: List people's names among new terms too (``--names``): 周恩来同志.
    """
    if not reports:
        raise ReportError(_("terms needs at least one report"))
    from reportdiff.core.analysis.tokens import dictionary_fingerprint
    from reportdiff.core.storage import cache

    # A warm series reads its whole result back: ranking 40 reports' candidates against
    # each other cost more than the floor on every run. Keyed by everything it depends on.
    ids = report_ids(reports)
    parts = [TERMS_VERSION, dictionary_fingerprint(), cache.code_fingerprint()]
    parts += [str(top), str(faded_window), str(names), str(len(extra_terms)), *extra_terms]
    for key, r in zip(ids, reports, strict=True):
        parts += [key, r.text]
    return cache.cached(
        cache.cache_key("termseries", parts),
        lambda: _analyse(reports, ids, top, faded_window, extra_terms, names),
        check=lambda v: isinstance(v, TermSeries) and v.reports == ids,
    )


def _analyse(
    reports: Sequence[Report],
    ids: tuple[str, ...],
    top: int,
    faded_window: int,
    extra_terms: Sequence[str],
    names: bool = False,
) -> TermSeries:
    from reportdiff.core.parallel import pool_map

    texts: list[str] = []
    cands: list[ReportCandidates] = []
    # Each report's candidates depend on its text alone: worked out on every core.
    for text, c in pool_map(_candidates, reports):
        texts.append(text)
        cands.append(c)
    lengths = [c.length for c in cands]
    new: dict[str, tuple[TermCount, ...]] = {}
    faded: dict[str, tuple[TermCount, ...]] = {}
    index = _SeriesIndex(texts, cands)
    for i, key in enumerate(ids):
        new[key] = tuple(_new_terms(i, cands[i], index, top, names)) if i else ()
        faded[key] = tuple(_faded_terms(i, texts, cands, faded_window, top))
    listed: dict[str, None] = {}
    for group in (new, faded):
        for terms in group.values():
            for tc in terms:
                listed.setdefault(tc.term, None)
    return _series(ids, lengths, new, faded, faded_window, listed, extra_terms, index.counts)


def _candidates(report: Report) -> tuple[str, ReportCandidates]:
    return candidates_of(report, version=TERMS_VERSION)


def term_series(reports: Sequence[Report], terms: Sequence[str]) -> TermSeries:
    """Only the series of ``terms`` (their count and rate in every report); no ranking.

    Needs no word segmentation, so it is quick even on a long series.
    """
    if not reports:
        raise ReportError(_("terms needs at least one report"))
    ids = report_ids(reports)
    texts = [distinct_text(r) for r in reports]
    lengths = [han_length(t) for t in texts]
    return _series(
        ids, lengths, {}, {}, FADED_WINDOW, {}, terms, lambda t: [x.count(t) for x in texts]
    )


def _series(
    ids: tuple[str, ...],
    lengths: list[int],
    new: dict[str, tuple[TermCount, ...]],
    faded: dict[str, tuple[TermCount, ...]],
    window: int,
    listed: dict[str, None],
    asked: Sequence[str],
    count_of: Callable[[str], list[int]],
) -> TermSeries:
    asked = tuple(dict.fromkeys(t for t in asked))
    for t in asked:
        if not t.strip():
            raise ReportError(_("--term needs a non-empty term"))
        listed.setdefault(t, None)
    all_counts = {t: count_of(t) for t in listed}
    frequency = {
        t: {k: _rate(c[i], lengths[i]) for i, k in enumerate(ids)} for t, c in all_counts.items()
    }
    counts = {t: dict(zip(ids, all_counts[t], strict=True)) for t in asked}
    notes = {k: tuple(n) for k, n in zip(ids, _notes(lengths), strict=True)}
    return TermSeries(
        ids,
        dict(zip(ids, lengths, strict=True)),
        new,
        faded,
        frequency,
        window,
        notes,
        asked,
        counts,
    )


def _rate(count: int, length: int) -> float:
    return round(count * PER / length, 3) if length else 0.0


def _faded_terms(
    i: int, texts: list[str], cands: list[ReportCandidates], window: int, top: int
) -> list[TermCount]:
    """Terms each of the previous ``window`` reports used and report ``i`` does not."""
    if i < window or window < 1:
        return []
    prev = range(i - window, i)
    common = set(cands[i - 1].counts)
    for j in prev:
        common &= set(cands[j].counts)
    scored: list[tuple[float, str]] = []
    common = {t for t in common if t not in texts[i] and not is_number_or_date(t)}
    for t in common:
        rate = sum(cands[j].counts[t] * PER / max(cands[j].length, 1) for j in prev)
        # Rank by how much the term was used, damped like the rate (a word used 38 times
        # is not 19 times more of a term than one used twice), times its form.
        scored.append((math.log1p(rate) * _fit(t, cands[i - 1]), t))
    scored.sort(key=lambda x: (-x[0], -len(x[1]), x[1]))
    before = texts[i - 1]
    out: list[TermCount] = []
    done: list[str] = []
    for _score, t in scored:
        # The longest fading form that carries nearly all the uses: 社会主义市场经济 rather
        # than 市场经济 and 社会主义市场 beside it.
        uses = before.count(t)
        longer = [s for s in common if t in s and s != t and uses - before.count(s) < 2]
        pick = max(longer, key=lambda s: (before.count(s), -len(s)), default=t)
        if any(pick in d or d in pick or _joined(pick, d, before) for d in done):
            continue  # 科学发展观 fading takes 科学发展 with it; 市场经济 takes 社会主义市场
        done.append(pick)
        out.append(TermCount(pick, before.count(pick)))
        if len(out) >= top:
            break
    return out


def _joined(a: str, b: str, text: str) -> bool:
    """Whether ``a`` and ``b`` overlap (社会主义市场 + 市场经济) in nearly all uses of ``a``."""
    uses = text.count(a)
    for x, y in ((a, b), (b, a)):
        for k in range(2, min(len(x), len(y))):
            if x.endswith(y[:k]) and uses - text.count(x + y[k:]) < 2:
                return True
    return False


FIRST_NOTE = N_("first report of the series: nothing earlier to call a term new against")
SHORT_NOTE = N_(
    "much shorter than the reports before it ({length} Han characters against a median of "
    "{median}): it may be truncated, and terms it lacks look faded"
)
"""The notes, in English in the JSON (an interface); the Markdown shows them translated."""


def _notes(lengths: list[int]) -> list[list[str]]:
    """Per report: first of the series; much shorter than the reports before it.

    A report is compared with the median length of the (up to) :data:`TYPICAL` reports
    before it that were not short themselves, so that a run of truncated reports at the
    end of a series (2006–2009 of the State Council pages) is flagged as a whole.
    """
    notes: list[list[str]] = [[] for _ in lengths]
    if len(lengths) > 1:
        notes[0].append(FIRST_NOTE)
    for i, short in enumerate(short_in_series(lengths)):
        if short is not None:
            notes[i].append(SHORT_NOTE.format(length=f"{lengths[i]:,}", median=f"{short:,.0f}"))
    return notes


def short_in_series(lengths: Sequence[int]) -> list[float | None]:
    """Per report of a series (in order), the median length it falls short of — under
    :data:`SHORT_RATIO` of the (up to) :data:`TYPICAL` whole reports before it (after it,
    for the first) — or None: such a report may be truncated."""
    out: list[float | None] = []
    whole: list[int] = []
    for i, length in enumerate(lengths):
        sample = whole[-TYPICAL:] or list(lengths[i + 1 : i + 1 + TYPICAL])
        median = statistics.median(sample) if sample else 0
        if median and length < SHORT_RATIO * median:
            out.append(float(median))
        else:
            out.append(None)
            whole.append(length)
    return out
