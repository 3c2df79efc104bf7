"""The pruned search for moved paragraphs finds every pair the full search finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.analysis import align, alignrows
from reportdiff.core.analysis.similarity import Unit, body_similarity, pair_score, report_tokens
from reportdiff.core.storage.resolve import resolve_report


def _all_pairs(rows: list) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    return [(a, b) for a in range(len(rows)) for b in range(a + 1, len(rows))]


def _no_pruning(rows: list) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:  # type: ignore[type-arg]
    """Every pair of rows, and every pair of their units: the plain double loop."""
    uids = sorted(u.uid for r in rows for u in r.units.values())
    return _all_pairs(rows), {(a, b) for i, a in enumerate(uids) for b in uids[i + 1 :]}


def _lonely_rows(years: tuple[str, ...], corpus_dir: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The reports, their tokens, the aligned result, and the rows of lonely paragraphs
    that ``_cross_moves`` searched, with what the pruned search listed."""
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in years]
    toks = [report_tokens(r) for r in reports]
    seen: list[tuple[list, tuple]] = []  # type: ignore[type-arg]
    real = align._body_pairs

    def spy(rows: list) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:  # type: ignore[type-arg]
        got = real(rows)
        # The rows as they are now: moved pairs are merged into them afterwards.
        seen.append(([align._Row(dict(r.units)) for r in rows], got))
        return got

    monkeypatch.setattr(align, "_body_pairs", spy)
    pruned = align.align_reports(reports, tokens=toks)
    monkeypatch.setattr(align, "_body_pairs", real)
    ((rows, got),) = seen
    return reports, toks, pruned, rows, got


@pytest.mark.parametrize("years", [("2003", "2004", "2005"), ("1985", "1986")])
def test_pruned_moves_equal_the_full_search(
    years: tuple[str, ...], corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, toks, pruned, rows, (pairs, may) = _lonely_rows(years, corpus_dir, monkeypatch)
    listed = set(pairs)
    assert len(listed) < len(_all_pairs(rows))  # it does prune
    # Every pair of rows from different reports with body evidence is listed, and so is
    # each pair of their units that has it.
    evidence = 0
    for a, b in _all_pairs(rows):
        if rows[a].units.keys() & rows[b].units.keys():
            continue
        for x in rows[a].units.values():
            for y in rows[b].units.values():
                if body_similarity(x, y) >= align.MOVED_BODY:
                    evidence += 1
                    assert (a, b) in listed
                    assert (min(x.uid, y.uid), max(x.uid, y.uid)) in may
    assert evidence > 0
    monkeypatch.setattr(align, "_body_pairs", _no_pruning)
    assert align.align_reports(reports, tokens=toks) == pruned


@pytest.mark.parametrize("years", [("2002", "2003", "2004", "2005"), ("1986", "1987", "1988")])
def test_body_bound_is_an_upper_bound(
    years: tuple[str, ...], corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over every pair of corpus paragraphs that the search for moved paragraphs bounds
    (four reports: some 10^4 pairs), the bound is at least the body similarity, and it
    does spare most of them from being scored."""
    *_, rows, _ = _lonely_rows(years, corpus_dir, monkeypatch)
    bounds = alignrows._body_bounds(rows)
    assert len(bounds) > 1_000
    under = 0
    for a, b, x, y, bound in bounds:
        assert a < b and x in rows[a].units.values() and y in rows[b].units.values()
        exact = body_similarity(x, y)
        assert exact <= bound + 1e-12, (x.ref.label, y.ref.label, exact, bound)
        under += bound < align.MOVED_BODY
    assert under > len(bounds) / 2


def test_mean_body_bound_drops_no_moved_pair(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pair of rows left unscored because its units' body similarities cannot average
    :data:`MOVED_BODY` scores under it when scored, and the alignment is the same as
    with every such pair scored."""
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in range(2002, 2006)]
    toks = [report_tokens(r) for r in reports]
    real = align._bodies_may_reach
    dropped: list[tuple[list[Unit], list[Unit]]] = []

    def spy(ra, rb, cache, known):  # type: ignore[no-untyped-def]
        ok = real(ra, rb, cache, known)
        if not ok:  # the units as they are now (moved pairs are merged into rows later)
            dropped.append((list(ra.units.values()), list(rb.units.values())))
        return ok

    monkeypatch.setattr(align, "_bodies_may_reach", spy)
    pruned = align.align_reports(reports, tokens=toks)
    assert len(dropped) > 100  # it does spare scores
    for xs, ys in dropped:
        bodies = [pair_score(x, y).body for x in xs for y in ys]
        assert sum(bodies) / len(bodies) < alignrows.MOVED_BODY
    monkeypatch.setattr(align, "_bodies_may_reach", lambda *_: True)
    assert align.align_reports(reports, tokens=toks) == pruned
