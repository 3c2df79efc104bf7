"""The pruned search for moved paragraphs finds every pair the full search finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.analysis import align
from reportdiff.core.analysis.similarity import body_similarity, report_tokens
from reportdiff.core.storage.resolve import resolve_report


def _all_pairs(rows: list) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    return [(a, b) for a in range(len(rows)) for b in range(a + 1, len(rows))]


@pytest.mark.parametrize("years", [("2003", "2004", "2005"), ("1985", "1986")])
def test_pruned_moves_equal_the_full_search(
    years: tuple[str, ...], corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in years]
    toks = [report_tokens(r) for r in reports]
    seen: list[tuple[list, list[tuple[int, int]]]] = []  # type: ignore[type-arg]
    real = align._body_pairs

    def spy(rows: list) -> list[tuple[int, int]]:  # type: ignore[type-arg]
        pairs = real(rows)
        # The rows as they are now: moved pairs are merged into them afterwards.
        seen.append(([dict(r.units) for r in rows], pairs))
        return pairs

    monkeypatch.setattr(align, "_body_pairs", spy)
    pruned = align.align_reports(reports, tokens=toks)
    ((rows, pairs),) = seen
    listed = set(pairs)
    assert len(listed) < len(_all_pairs(rows))  # it does prune
    # Every pair of rows from different reports with body evidence is listed.
    for a, b in _all_pairs(rows):
        if rows[a].keys() & rows[b].keys():
            continue
        if any(
            body_similarity(x, y) >= align.MOVED_BODY
            for x in rows[a].values()
            for y in rows[b].values()
        ):
            assert (a, b) in listed
    monkeypatch.setattr(align, "_body_pairs", _all_pairs)
    assert align.align_reports(reports, tokens=toks) == pruned
