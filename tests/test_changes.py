"""In-paragraph changes: word-snapped character diffs between paired paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportdiff.core.analysis.changes import changes_between, diff_texts, flip
from reportdiff.core.analysis.compare import compare
from reportdiff.core.comparison import AlignedRow, Comparison
from reportdiff.core.model import Report
from revisions import EDITS, edited_ranges, revised
from tui_support import flatten


@pytest.fixture(scope="module")
def drafts() -> tuple[Report, Report, Comparison]:
    from reportdiff.core.storage.samples import load_sample

    base = load_sample("yangpu-2023")
    draft = revised(base)
    return base, draft, compare([base, draft], use_cache=False)


def _apply(a: str, b: str, ops: list) -> str:
    """Rebuild ``b`` from ``a`` and the ops (equal text between them comes from ``a``)."""
    out, pos_a, pos_b = [], 0, 0
    for _op, a0, a1, b0, b1 in ops:
        assert a0 - pos_a == b0 - pos_b, "equal runs must have the same length"
        out.append(a[pos_a:a0])
        out.append(b[b0:b1])
        pos_a, pos_b = a1, b1
    out.append(a[pos_a:])
    return "".join(out)


_TEXT = st.text(alphabet="推进城市更新提升品质建设美丽家园，。3%2.5亿元ab\n ", max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_applying_the_changes_gives_the_other_text(a: str, b: str) -> None:
    ops, rewritten = diff_texts(a, b)
    assert _apply(a, b, ops) == b
    for op, a0, a1, b0, b1 in ops:
        assert 0 <= a0 <= a1 <= len(a) and 0 <= b0 <= b1 <= len(b)
        assert (a1 > a0, b1 > b0) == {
            "replace": (True, True),
            "insert": (False, True),
            "delete": (True, False),
        }[op]
    if rewritten:
        assert ops == [("replace", 0, len(a), 0, len(b))]
    assert (ops == []) == (a == b)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["推进", "城市更新", "提升", "品质", "3.5%", "12亿元", "，"]), max_size=12
    ),
    st.lists(
        st.sampled_from(["推动", "城市更新", "提高", "品质", "3.8%", "15亿元", "，"]), max_size=12
    ),
)
def test_no_change_cuts_a_word(a_words: list[str], b_words: list[str]) -> None:
    """Changes start and end only between the words given (and never inside a number)."""

    def spans(words: list[str]) -> list[tuple[int, int]]:
        out, pos = [], 0
        for w in words:
            out.append((pos, pos + len(w)))
            pos += len(w)
        return out

    a, b = "".join(a_words), "".join(b_words)
    ops, _ = diff_texts(a, b, a_words=spans(a_words), b_words=spans(b_words))
    a_cuts = {0, *(e for _s, e in spans(a_words))}
    b_cuts = {0, *(e for _s, e in spans(b_words))}
    for _op, a0, a1, b0, b1 in ops:
        assert {a0, a1} <= a_cuts and {b0, b1} <= b_cuts


def test_a_changed_figure_is_one_short_replace() -> None:
    a, b = "全年地区生产总值增长3.5%，完成目标任务", "全年地区生产总值增长2.8%，完成目标任务"
    ops, rewritten = diff_texts(a, b)
    assert not rewritten
    assert [(op, a[a0:a1], b[b0:b1]) for op, a0, a1, b0, b1 in ops] == [("replace", "3.5%", "2.8%")]


def test_a_different_paragraph_is_rewritten_not_a_wall_of_marks() -> None:
    a = "经济指标企稳回升。经济运行总体呈现平稳开局、深度回落、快速反弹、持续恢复的态势。"
    b = "城市更新步伐加快。凤南一村、东韩小区项目快速实现签约和腾房搬迁，美丽街区持续推进。"
    ops, rewritten = diff_texts(a, b)
    assert rewritten and len(ops) == 1


def _edited_row(cmp: Comparison, base: Report) -> AlignedRow:
    first = edited_ranges(base)[0].start
    rows = [
        r
        for r in flatten(cmp.alignment)
        if r.kind == "paragraph"
        and r.nodes[0] is not None
        and r.nodes[0].span.start <= first < r.nodes[0].span.end
    ]
    assert len(rows) == 1
    return rows[0]


def test_compare_marks_each_edit_of_a_draft_and_nothing_else(drafts) -> None:
    base, draft, cmp = drafts
    row = _edited_row(cmp, base)
    pair = changes_between(row, 0, 1)
    assert pair is not None and not pair.rewritten
    assert len(pair.changes) == len(EDITS)
    for change, where, (_before, old, new) in zip(
        pair.changes, edited_ranges(base), EDITS, strict=True
    ):
        # at the edit (an insertion may slide over an equal comma: 群|，全 or 群，|全)
        assert abs(change.base.start - where.start) <= 1 and where.stop <= change.base.end
        # snapped to words, but short: the edit and at most a word around it
        assert len(change.base) <= len(old) + 4 and len(change.other) <= len(new) + 4
        if old:
            assert new in draft.slice(change.other)
    # every other paired paragraph is unchanged
    for other in flatten(cmp.alignment):
        if other is not row and other.kind == "paragraph" and None not in other.nodes:
            assert all(p.changes == () for p in other.changes), other.nodes[0]


def test_a_changed_number_is_marked_whole(drafts) -> None:
    base, draft, cmp = drafts
    pair = changes_between(_edited_row(cmp, base), 0, 1)
    assert pair is not None
    assert ("5800", "6100") in [(base.slice(c.base), draft.slice(c.other)) for c in pair.changes]


def test_changes_seen_from_the_other_report_are_flipped(drafts) -> None:
    base, _draft, cmp = drafts
    row = _edited_row(cmp, base)
    forward = changes_between(row, 0, 1)
    backward = changes_between(row, 1, 0)
    assert forward is not None and backward == flip(forward)
    assert {c.op for c in forward.changes} == {"replace", "insert", "delete"}
    ops = [c.op for c in forward.changes]
    assert [c.op for c in backward.changes] == [
        {"insert": "delete", "delete": "insert"}.get(op, op) for op in ops
    ]
    assert flip(backward) == forward


def test_three_reports_have_changes_for_every_pair() -> None:
    from reportdiff.core.storage.samples import load_sample

    base = load_sample("yangpu-2023")
    one = revised(base)
    two = revised(base, EDITS[:2])
    cmp = compare([base, one, two], use_cache=False)
    row = _edited_row(cmp, base)
    assert {(p.base, p.other) for p in row.changes} == {(0, 1), (0, 2), (1, 2)}
    between_drafts = changes_between(row, 1, 2)
    assert between_drafts is not None
    # the second draft lacks the last two edits: exactly those differ between the drafts
    assert len(between_drafts.changes) == len(EDITS) - 2
