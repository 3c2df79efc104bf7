"""Shared phrases' contained-phrase rule, as indexed, equals the rule stated plainly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from reportdiff.core.analysis import phrases
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.samples import SAMPLE_IDS, load_sample


def _plainly_contained(found: list[phrases._Found]) -> list[phrases._Found]:
    """The rule as said: a phrase goes when a longer phrase holds it and is found in the
    same reports as often in each (every two such phrases compared)."""

    def alike(item: phrases._Found) -> object:  # the same reports, as often in each
        return item[6], tuple(len(e) for e in item[5])

    groups: dict[object, list[phrases._Found]] = {}
    for item in found:
        groups.setdefault(alike(item), []).append(item)
    keep = []
    for item in found:
        others = groups[alike(item)]
        if not any(len(o[4]) > len(item[4]) and item[4] in o[4] for o in others):
            keep.append(item)
    return keep


def _eight_samples(corpus_dir: Path) -> list[Report]:
    return [load_sample(rid) for rid in SAMPLE_IDS]


def _twice(corpus_dir: Path) -> list[Report]:
    """Two national reports, each written out twice (a long report that repeats itself)."""
    out = []
    for y in (2004, 2005):
        r = resolve_report(str(corpus_dir / f"{y}.txt"))
        out.append(Report(meta=r.meta, text=r.text + "\n" + r.text))
    return out


@pytest.mark.parametrize("make", [_eight_samples, _twice])
def test_contained_phrases_dropped_as_the_plain_rule_says(
    corpus_dir: Path,
    make: Callable[[Path], list[Report]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reports = make(corpus_dir)
    seen: list[list[phrases._Found]] = []
    indexed = phrases._drop_contained

    def spy(found: list[phrases._Found]) -> list[phrases._Found]:
        seen.append(list(found))
        return indexed(found)

    monkeypatch.setattr(phrases, "_drop_contained", spy)
    phrases.phrase_rows(reports, library=[])
    (found,) = seen
    kept = indexed(found)
    assert kept == _plainly_contained(found)
    assert 0 < len(kept) < len(found)  # some phrase is held by another: the rule is tested
