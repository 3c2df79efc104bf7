"""Every span of every sample slices to the kind of text it claims, and cleaning is idempotent."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from reportdiff.core.errors import ReportError
from reportdiff.core.model import Report, ReportMeta, Section
from reportdiff.core.storage.samples import SAMPLE_IDS, load_sample
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.headings import BULLET
from reportdiff.core.text.load import load_text
from reportdiff.core.text.parse import parse_report
from reportdiff.core.text.split import split_compilation
from reportdiff.core.text.units import item_marker_end


def _all_sections(report: Report) -> list[Section]:
    return [s for _, s in report.walk()] + list(report.appendices)


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_spans_slice_to_what_they_claim(sid: str) -> None:
    report = load_sample(sid)
    text = report.text
    for section in _all_sections(report):
        heading = report.slice(section.heading)
        assert heading == heading.strip(), (sid, heading)
        # Only an untitled unit (a closing passage opened by 各位代表) has no heading.
        assert heading or (section.marker == "" and section.heading.start == section.span.start)
        assert not heading.endswith("。")
        assert section.span.contains(section.heading)
        # Between the section start and its heading text stands exactly the marker.
        assert text[section.span.start : section.heading.start].strip() == section.marker
        assert heading[:1] not in tuple("◆▶（(、")
        for child in section.children:
            assert section.span.contains(child.span)
        for block in section.blocks:
            assert section.span.contains(block.span)
            body = report.slice(block.span)
            assert body == body.strip() and "\n\n" not in body
            if block.lead is not None:
                lead = report.slice(block.lead)
                assert block.span.contains(block.lead) and lead
                assert not lead.endswith(("。", "."))
                # A lead opens its block, after an item's marker (一是, ——, 第一，, 1.) if any.
                marker = text[block.span.start : block.lead.start]
                end = item_marker_end(body)
                assert marker == "" or (end is not None and not marker[end:].strip("要，,：: ")), (
                    marker
                )
                assert "\n" not in lead
            if block.kind == "highlights":
                assert block.items
                for item in block.items:
                    line_start = text.rfind("\n", 0, item.start) + 1
                    assert text[line_start : item.start] == BULLET
                    assert "\n" not in report.slice(item)
            else:
                assert not block.items


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_sample_text_is_a_fixed_point_of_clean_text(sid: str) -> None:
    text = load_sample(sid).text
    assert clean_text(text) == text


def test_clean_text_is_idempotent_on_every_seed(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        for chunk in [raw, *split_compilation(raw)]:
            once = clean_text(chunk)
            assert clean_text(once) == once, path.name


def test_blocks_never_straddle_sections() -> None:
    for sid in SAMPLE_IDS:
        report = load_sample(sid)
        spans = sorted(b.span for _, _, b in report.blocks())
        for a, b in itertools.pairwise(spans):
            assert a.end <= b.start, sid


META = ReportMeta("x", "", 0, None, "", "work-report", "test")


def test_empty_text_is_a_report_error() -> None:
    with pytest.raises(ReportError):
        parse_report("  \n\n ", META)
    with pytest.raises(ReportError):
        load_text("\n\n", source="empty.txt")


def test_text_without_headings_is_one_section() -> None:
    report = parse_report("随便一段话。还有一句。\n\n第二段。\n", META)
    assert len(report.sections) == 1
    assert len(report.sections[0].blocks) == 2
    assert report.preamble == ()
