"""Pure parts of the TUI on the real samples: items, badges, wrapped layout, layers, anchors."""

from __future__ import annotations

import doctest
import itertools
import re

import pytest
import reportdiff.tui.highlights as highlights_module
import reportdiff.tui.themes as themes_module
from reportdiff.core.comparison import Comparison
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.highlights import LAYERS, SAME_BADGE, number_badge, pane_highlights
from reportdiff.tui.layout import Badge, item_text, layout, report_items
from reportdiff.tui.navigation import anchors_from_comparison, anchors_from_report, step
from reportdiff.tui.wrap import NO_LINE_START
from rich.cells import cell_len
from tui_support import flatten

WS = re.compile(r"\s+")


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


@pytest.fixture(scope="module")
def comparison(reports: list[Report]) -> Comparison:
    from reportdiff.core.analysis.compare import compare

    return compare(reports)


def test_doctests() -> None:
    assert doctest.testmod(highlights_module).failed == 0
    assert doctest.testmod(themes_module).failed == 0


def test_items_cover_every_block_and_heading_in_order(reports: list[Report]) -> None:
    for report in reports:
        items = report_items(report)
        starts = [it.start for it in items]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in itertools.pairwise(items))
        block_starts = {b.span.start for _p, _i, b in report.blocks()}
        assert block_starts <= set(starts)
        headings = [s for _p, s in report.walk()]
        assert len([it for it in items if it.kind.startswith("heading")]) >= len(headings)
        for s in headings:
            item = next(
                it
                for it in items
                if it.start <= s.heading.start < it.end or it.start == s.heading.start
            )
            assert report.slice(s.heading) in report.text[item.start : item.end]


def test_badge_is_inserted_after_its_number_and_offsets_map(reports: list[Report]) -> None:
    report = reports[1]
    items = report_items(report)
    item = next(it for it in items if it.kind == "paragraph" and it.end - it.start > 40)
    at = item.start + 10
    badge = Badge(at, "⟨←1亿元 +5.0%⟩", "badge")
    t = item_text(report.text, item, [badge])
    assert t.text == report.text[item.start : at] + badge.text + report.text[at : item.end]
    # A mark ending at the badge stops before it; one starting there starts after it.
    assert t.to_display(at, end=True) == at - item.start
    assert t.to_display(at) == at - item.start + len(badge.text)
    assert t.text[t.to_display(at + 3)] == report.text[at + 3]


@pytest.mark.parametrize("width", [20, 37, 76])
def test_layout_wraps_every_item_within_width(reports: list[Report], width: int) -> None:
    for report in reports:
        items = report_items(report)
        lay = layout(report.text, items, [], width)
        assert len(lay.item_top) == len(items)
        for i, it in enumerate(items):
            refs = [r for r in lay.lines if r is not None and r.item == i]
            assert lay.lines[lay.item_top[i]] == refs[0]
            shown = [lay.texts[i].text[r.start : r.end] for r in refs]
            assert all(cell_len(s) <= width for s in shown)
            assert all(not s or s[0] not in NO_LINE_START for s in shown[1:])
            # Only whitespace at line breaks is dropped.
            original = report.text[it.start : it.end]
            assert WS.sub("", "".join(shown)) == WS.sub("", original)
            assert lay.item_at_offset(it.start) == i
            assert lay.line_of_offset(it.start) == lay.item_top[i]


def test_anchors_follow_the_alignment(comparison: Comparison) -> None:
    anchors = anchors_from_comparison(comparison)
    rows = flatten(comparison.alignment)
    assert len(anchors) == len(rows)
    for a, row in zip(anchors, rows):
        assert a.kind == row.kind
        assert a.offsets == tuple(None if n is None else n.span.start for n in row.nodes)
    first_section = step(anchors, None, 1, kind="section")
    assert first_section is not None and rows[first_section].kind == "section"
    assert (
        step(anchors, first_section, -1, kind="section") is None
        or rows[
            step(anchors, first_section, -1, kind="section")  # type: ignore[index]
        ].kind
        == "section"
    )


def test_own_anchors_before_the_comparison(reports: list[Report]) -> None:
    anchors = anchors_from_report(reports[0], 0, 2)
    assert all(a.offsets[1] is None and a.offsets[0] is not None for a in anchors)
    sections = [a for a in anchors if a.kind == "section"]
    assert len(sections) == len(list(reports[0].walk()))


def test_layers_come_from_the_comparison(comparison: Comparison) -> None:
    everything = frozenset(LAYERS)
    for i, report in enumerate(comparison.reports):
        hl = pane_highlights(comparison, i, everything)
        assert all(0 <= m.start < m.end <= len(report.text) for m in hl.marks)
        changed = [p for p in comparison.numbers if p.status == "changed" and p.values[i]]
        with_badge = [p for p in changed if sum(v is not None for v in p.values) > 1]
        same = [
            p
            for p in comparison.numbers
            if p.status == "same" and p.values[i] and sum(v is not None for v in p.values) > 1
        ]
        assert len(hl.badges) == len(with_badge) + len(same)
        assert sum(b.text == SAME_BADGE for b in hl.badges) == len(same)
        for pair in with_badge:
            q = pair.values[i]
            assert q is not None
            badge = next(b for b in hl.badges if b.offset == q.span.end)
            assert badge.text == number_badge(pair, i)
        none = pane_highlights(comparison, i, frozenset())
        assert none.marks == [] and none.badges == []


def test_outline_labels_show_score_or_only_in(comparison: Comparison) -> None:
    from reportdiff.tui.widgets.outline import anchor_label

    ids = tuple(r.meta.id for r in comparison.reports)
    anchors = anchors_from_comparison(comparison)
    sections = [a for a in anchors if a.kind == "section"]
    lone = [a for a in sections if sum(o is not None for o in a.offsets) == 1]
    both = [a for a in sections if all(o is not None for o in a.offsets)]
    assert lone and both, "the yangpu samples have matched and unmatched sections"
    for a in lone:
        label = anchor_label(a, ids).plain
        owner = ids[next(i for i, o in enumerate(a.offsets) if o is not None)]
        assert label.lstrip().startswith("∅") and f"only in {owner}" in label
    for a in both:
        label = anchor_label(a, ids).plain
        assert f"{a.score or 0:.2f}" in label
        assert all(lab in label for lab in a.labels if lab)
        # Squeezed, every report's heading still shows (its first clause).
        narrow = anchor_label(a, ids, room=30).plain
        assert all(lab[:3] in narrow for lab in a.labels if lab)


def test_control_characters_never_reach_the_terminal() -> None:
    from reportdiff.tui.layout import Item

    text = "见\x1b[31m红\x07色\t表\n下一行"
    t = item_text(text, Item(0, len(text), "paragraph"), [])
    assert len(t.text) == len(text)
    assert "\x1b" not in t.text and "\x07" not in t.text and "\t" not in t.text
    assert t.text == "见\ufffd[31m红\ufffd色 表\n下一行"


def test_anchor_lookup_answers_as_the_scan_does(comparison: Comparison) -> None:
    """The reader's bisecting lookup gives ``anchor_index_at``'s answer at every offset
    (the aligned anchors, where moved paragraphs put offsets out of order, and a report's
    own anchors before the comparison)."""
    from reportdiff.tui.navigation import anchor_index_at
    from reportdiff.tui.screens.reader_nav import AnchorLookup

    lists = [anchors_from_comparison(comparison)]
    lists += [anchors_from_report(r, i, 2) for i, r in enumerate(comparison.reports)]
    for anchors in lists:
        lookup = AnchorLookup(anchors)
        for pane, report in enumerate(comparison.reports):
            offsets = {o for a in anchors if (o := a.offsets[pane]) is not None}
            probes = sorted({0, len(report.text), *offsets, *(o - 1 for o in offsets)})
            probes += list(range(0, len(report.text), 97))
            for offset in probes:
                assert lookup.at(pane, offset) == anchor_index_at(anchors, pane, offset)


def test_item_ranges_clip_to_each_line_as_drawn(
    reports: list[Report], comparison: Comparison
) -> None:
    """An item's styled ranges worked out once and clipped per line are the ranges each
    line had when every mark was mapped for each line (badges shift display offsets)."""
    from reportdiff.tui.widgets.pane_lines import item_ranges, line_ranges

    for pane, report in enumerate(reports):
        hl = pane_highlights(comparison, pane, frozenset(LAYERS))
        items = report_items(report)
        badges = sorted(hl.badges, key=lambda b: b.offset)
        lay = layout(report.text, items, badges, 30)
        assert any(t.inserts for t in lay.texts)
        for ref in lay.lines:
            if ref is None:
                continue
            item, itext = lay.items[ref.item], lay.texts[ref.item]
            marks = [m for m in hl.marks if m.end > item.start and m.start < item.end]
            want = []

            def add(lo: int, hi: int, name: str, ref=ref, want=want) -> None:  # type: ignore[no-untyped-def]
                lo, hi = max(lo, ref.start), min(hi, ref.end)
                if lo < hi:
                    want.append((lo - ref.start, hi - ref.start, name))

            # as the pane drew each line before: every range mapped again for the line
            if item.kind.startswith("heading"):
                add(ref.start, ref.end, item.kind)
            for m in marks:
                lo = itext.to_display(max(m.start, item.start))
                add(lo, itext.to_display(min(m.end, item.end), end=True), m.style)
            for bs, be, name in itext.badge_spans:
                add(bs, be, name)
            got = line_ranges(item_ranges(item, itext, None, marks), ref.start, ref.end)
            assert got == want


def test_a_first_screen_layout_is_the_top_of_the_whole(reports: list[Report]) -> None:
    """``upto`` wraps only the first items, exactly as the whole layout wraps them."""
    for report in reports:
        items = report_items(report)
        whole = layout(report.text, items, [], 40)
        top = layout(report.text, items, [], 40, upto=35)
        assert whole.complete and not top.complete
        assert 35 <= len(top.lines) < len(whole.lines)
        assert top.lines == whole.lines[: len(top.lines)]
        assert top.item_top == whole.item_top[: len(top.item_top)]
        assert [t.text for t in top.texts] == [t.text for t in whole.texts[: len(top.texts)]]
        assert layout(report.text, items, [], 40, upto=10**6).complete
