"""The nearest sentence end before or after a figure, looked up by bisection, is where a
scan of the whole text finds it."""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.analysis.nearest import first_of, last_of
from reportdiff.core.analysis.programmes import SENTENCE_ENDS
from reportdiff.core.storage.resolve import resolve_report


def test_nearest_characters_are_where_a_scan_finds_them(corpus_dir: Path) -> None:
    text = resolve_report(str(corpus_dir / "2004.txt")).text
    sets = (SENTENCE_ENDS, "。；;!?！？\n", "!?", "《")  # "!?": not in this report
    for chars in sets:
        for pos in [*range(0, len(text) + 2, 37), len(text)]:
            assert last_of(text, chars, pos) == max(text.rfind(c, 0, pos) for c in chars)
            scans = [e for e in (text.find(c, pos) for c in chars) if e >= 0]
            assert first_of(text, chars, pos) == min(scans, default=-1)
    assert last_of(text, "!?", len(text)) == -1 == first_of(text, "!?", 0)
    assert first_of(text, "。", 0) == text.index("。")
