"""A report's parts are worked out once per report object, and are what working them out
again gives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.text import parts


def test_a_reports_parts_are_reused_and_the_same(corpus_dir: Path) -> None:
    report = resolve_report(str(corpus_dir / "2004.txt"))
    first = parts.report_parts(report)
    assert parts.report_parts(report) is first
    assert first == parts._report_parts(report)
    assert any(b.part == "review" for b in first.blocks.values())
    # An equal report that is another object (another meta) is worked out for itself.
    other = replace(report, meta=replace(report.meta, year=1990))
    assert parts.report_parts(other) is not first
    assert parts.report_parts(other) == parts._report_parts(other)
