"""A sentence printed on a heading's line after a space opens the part; the heading is the title."""

from __future__ import annotations

import re

from conftest import CORPUS, require
from reportdiff.core.storage.resolve import resolve_report


def test_a_sentence_run_on_after_a_heading_is_its_parts_first_paragraph() -> None:
    """1987's 三、深入改革经济体制和扩大对外开放 国民经济的长期稳定发展，既要靠…。 is a
    heading and the part's opening sentence, printed on one line after a space."""
    corpus = require(CORPUS, "State Council corpus")
    report = resolve_report(str(corpus / "1987.txt"))
    headings = [report.heading_text(s) for s in report.sections]
    assert "深入改革经济体制和扩大对外开放" in headings
    part = report.sections[headings.index("深入改革经济体制和扩大对外开放")]
    first = report.text[part.blocks[0].span.start : part.blocks[0].span.end]
    assert first.startswith("国民经济的长期稳定发展，既要靠坚持正确的建设方针")
    assert part.blocks[0].span.start >= part.heading.end


def test_no_heading_of_a_whole_report_runs_on_into_a_sentence() -> None:
    corpus = require(CORPUS, "State Council corpus")
    for year in range(1978, 2006):
        path = corpus / f"{year}.txt"
        if path.is_file():
            r = resolve_report(str(path))
            for _, sec in r.walk():
                assert not re.search(r"\s\S*，", r.heading_text(sec)), (year, r.heading_text(sec))
