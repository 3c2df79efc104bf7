"""What a worker sends back is packed small and rebuilt to the very same values."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core import parallel
from reportdiff.core.analysis import compare
from reportdiff.core.storage.resolve import resolve_report


def test_the_phrase_stage_packed_in_a_worker_unpacks_to_the_same(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2004, 2005)]
    here = compare._phrase_piece(reports)
    assert compare._unpack(here) is here  # made here: passed on as it is
    monkeypatch.setattr(parallel, "_in_worker", True)
    packed = compare._phrase_piece(reports)
    phrases, unique = compare._unpack(packed)
    assert isinstance(packed[0], list) and not hasattr(packed[0][0][1][0][0], "start")
    assert (phrases, unique) == here
    assert len(phrases) > 100 and all(unique)
    assert phrases[0].spans[phrases[0].reports[0]][0] == here[0][0].spans[here[0][0].reports[0]][0]
