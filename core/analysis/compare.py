"""Compare reports: alignment, number pairs, shared phrases and unique text, cached on disk."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from reportdiff.core.analysis.alignsplit import part_untopical
from reportdiff.core.analysis.changes import add_changes
from reportdiff.core.analysis.phrases import (
    Ends,
    PhraseRow,
    phrase_of_row,
    phrases_against,
    spans_of_ends,
    unique_ends,
)
from reportdiff.core.comparison import Comparison, Quantity, SharedPhrase
from reportdiff.core.errors import ReportError
from reportdiff.core.gcpause import paused_gc
from reportdiff.core.i18n import _
from reportdiff.core.model import Report, Span
from reportdiff.core.storage import cache

if TYPE_CHECKING:
    from reportdiff.core.analysis.similarity import ReportTokens

__all__ = ["compare"]


def _digest(report: Report) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(report.text.encode("utf-8"))
    # The meta and the parse are part of the result (ids, spans), not only the text.
    h.update(repr((report.meta, report.preamble, report.sections, report.appendices)).encode())
    return h.hexdigest()


def report_tokens(report: Report) -> ReportTokens:
    """:func:`reportdiff.core.analysis.align.report_tokens` of ``report``.

    The aligner is imported where this process needs it, after the workers are forked
    (:func:`_compute`): no worker uses it, and its 15–20 ms of imports before the fork
    were time no other process could share. (The number pairing is imported before the
    fork: most of its rules are the number extractor's too, which the workers use.)
    """
    from reportdiff.core.analysis.align import report_tokens as tokens_of

    return tokens_of(report)


def _tokens(report: Report, use_cache: bool) -> ReportTokens:
    """The report's words, computed once per text, dictionary and analyzer and then reused
    by every pair, N-way comparison and series that includes the report."""
    if not use_cache:
        return report_tokens(report)
    from reportdiff.core.analysis.similarity import ReportTokens
    from reportdiff.core.analysis.tokens import dictionary_fingerprint

    key = cache.cache_key(
        "tokens", [report.text, dictionary_fingerprint(), cache.code_fingerprint()]
    )
    return cache.cached(
        key, lambda: report_tokens(report), check=lambda v: isinstance(v, ReportTokens)
    )


def _extract(report: Report) -> tuple[Quantity, ...]:
    from reportdiff.core.analysis.numbers import extract_quantities

    return extract_quantities(report)


def _quantities(report: Report, use_cache: bool) -> tuple[Quantity, ...]:
    """The report's numbers, cached per report like its tokens (they depend on its text
    and parse only, never on the reports it is compared with)."""
    if not use_cache:
        return _extract(report)
    key = cache.cache_key("numbers", [_digest(report), cache.code_fingerprint()])
    return cache.cached(
        key,
        lambda: _extract(report),
        check=lambda v: isinstance(v, tuple) and all(isinstance(q, Quantity) for q in v),
    )


@lru_cache(maxsize=1)
def _sample_texts() -> tuple[str, ...]:
    """Texts of the bundled samples, the default library phrases are ranked against (read,
    not parsed: only the text counts)."""
    from reportdiff.core.storage.samples import SAMPLE_IDS, sample_text

    return tuple(sample_text(i) for i in SAMPLE_IDS)


def _library_fingerprint() -> str:
    """What the default phrase library depends on, without parsing it: the sample files."""
    from reportdiff.core.paths import PACKAGE_ROOT

    h = hashlib.blake2b(digest_size=20)
    try:
        folder = PACKAGE_ROOT / "sample_data"
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file():
                h.update(entry.name.encode())
                h.update(entry.read_bytes())
    except (OSError, FileNotFoundError, NotADirectoryError):
        pass
    return h.hexdigest()


_POOL_CHARS = 5_000
"""Total report text (characters) from which a comparison's side stages go to a worker
process: below it, forking and sending results back cost more than they save (two
district reports of 8,000 characters: 76 → 55 ms with two processes)."""


_PhraseStage = tuple[tuple[SharedPhrase, ...], tuple[tuple[Span, ...], ...]]

_Packed = tuple[list[PhraseRow], tuple[Ends, ...]]
""":data:`_PhraseStage` as plain values: each phrase a :data:`PhraseRow`, each report's
unique text as the flat ends of its spans."""


_BEHIND_CHARS = 50_000
"""Total report text (characters) from which a computed comparison is written to the
cache by a forked process (:func:`cache.store_behind`): ten national reports (176,000)
pickle in about 0.2 s, the eight samples (92,000) in 0.03 s; a fork costs a few
milliseconds."""


def _phrase_stage(reports: Sequence[Report]) -> _Packed:
    """Shared phrases and unique text as plain values: they depend on the texts alone."""
    rows = phrases_against(reports, _sample_texts())
    return rows, unique_ends(reports, [row[1] for row in rows])


def _phrase_piece(reports: Sequence[Report]) -> _PhraseStage | _Packed:
    """The phrase stage as a side piece: plain values when done in a worker, to be sent back.

    A worker's result is pickled, and a :class:`Span` pickles at about 1 µs (its class
    and a dict of two fields); the 8× pair's phrases hold 100,000 of them: the worker
    never makes them, and sends flat tuples of ints, which pickle in half the time (the
    spans are made once, where they are used).
    """
    from reportdiff.core.parallel import in_worker

    packed = _phrase_stage(reports)
    return packed if in_worker() else _unpack(packed)


def _unpack(value: _PhraseStage | _Packed) -> _PhraseStage:
    """The phrase stage's value with its phrases and spans made."""
    first, unique = value
    if isinstance(first, tuple):  # made here: made already
        return cast(_PhraseStage, value)
    phrases = tuple([phrase_of_row(row) for row in first])
    return phrases, tuple([spans_of_ends(cast(Ends, e)) for e in unique])


def _compute(reports: Sequence[Report], use_cache: bool) -> Comparison:
    from reportdiff.core.analysis.pairing import pair_numbers  # its rules: numbers' too
    from reportdiff.core.parallel import tasks

    # What does not need the alignment (shared phrases, each report's numbers) is started
    # in worker processes while this one tokenizes and aligns; the results are the same
    # values, only computed elsewhere (core/parallel.py). The phrases, the longest piece,
    # go first; numbers no worker has begun when they are needed are worked out here.
    side: list[Callable[[], object]] = [lambda: _phrase_piece(reports)]
    side += [_bind_quantities(r, use_cache) for r in reports]
    big = sum(len(r.text) for r in reports) >= _POOL_CHARS
    with tasks(side, pool=big) as running:
        # Imported here, after the fork: only this process aligns (see report_tokens).
        from reportdiff.core.analysis.align import align_reports

        tokens = [_tokens(r, use_cache) for r in reports]
        aligned = align_reports(reports, tokens=tokens)
        # Word-level changes inside paired paragraphs (here so no view ever diffs text
        # itself) need the rows alone, as the number pairs need the rows' nodes alone
        # (add_changes fills in each row's changes, and keeps its nodes and children):
        # the changes are worked out in a worker while this process pairs the numbers,
        # if the phrase worker is done (else both cores are busy already: a third process
        # would only slow the phrases, the longer part of two long reports).
        # Each report's numbers first, from the last: the worker takes them from the first
        # (once the phrases are done), so each is worked out once, by whoever is free.
        quantities = [
            cast(tuple[Quantity, ...], running.result(1 + i)) for i in reversed(range(len(reports)))
        ][::-1]
        changes = [lambda: add_changes(aligned, reports, tokens)]
        with tasks(changes, pool=big and running.done(0)) as changing:
            numbers = tuple(pair_numbers(reports, aligned, quantities))
            # Rows on bodies that share no topic part once the numbers are paired, so that
            # parting them moves no number pair (:mod:`.alignsplit`).
            alignment = part_untopical(changing.result(0), numbers)
        phrases, unique = _unpack(cast(_PhraseStage | _Packed, running.result(0)))
    return Comparison(
        reports=tuple(reports),
        alignment=alignment,
        numbers=numbers,
        phrases=phrases,
        unique=unique,
    )


def _bind_quantities(report: Report, use_cache: bool) -> Callable[[], object]:
    return lambda: _quantities(report, use_cache)


def compare(reports: Sequence[Report], *, use_cache: bool = True) -> Comparison:
    """Compare two or more reports.

    Aligns sections and paragraphs (:func:`~reportdiff.core.analysis.align.align_reports`), pairs
    numbers (:mod:`reportdiff.core.analysis.numbers`), finds shared phrases ranked against the
    bundled library and the text each report alone has. With ``use_cache`` the whole
    result is kept under the user cache dir, keyed by the reports' content and parse, the
    library and the analyzer version; a corrupt or stale entry is rebuilt.

    Args:
        reports: Two or more reports, in comparison order.
        use_cache: Read and write the on-disk cache.

    Returns:
        The comparison.

    Raises:
        ReportError: Fewer than two reports.
    """
    reports = tuple(reports)
    if len(reports) < 2:
        raise ReportError(_("compare needs at least two reports"))
    with paused_gc():
        return _compare(reports, use_cache)


def _compare(reports: tuple[Report, ...], use_cache: bool) -> Comparison:
    if not use_cache:
        return _compute(reports, use_cache=False)
    key = cache.cache_key(
        "comparison",
        [*(_digest(r) for r in reports), _library_fingerprint(), cache.code_fingerprint()],
    )

    def fits(value: object) -> bool:
        return (
            isinstance(value, Comparison)
            and len(value.reports) == len(reports)
            and all(a.text == b.text for a, b in zip(value.reports, reports, strict=True))
        )

    # A large comparison is written to the cache by a forked process while this one
    # renders or shows it (storage/cache.py: store_behind).
    big = sum(len(r.text) for r in reports) >= _BEHIND_CHARS
    result = cache.cached(key, lambda: _compute(reports, use_cache=True), check=fits, behind=big)
    # Hand back the caller's own Report objects (equal content) rather than unpickled copies.
    return replace(result, reports=reports)
