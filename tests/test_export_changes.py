"""In-paragraph changes in the JSON and Markdown exports."""

from __future__ import annotations

import html
import json

import pytest
from markdown_it import MarkdownIt
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export import to_json, to_markdown
from reportdiff.core.comparison import Comparison
from reportdiff.core.model import Report
from revisions import EDITS, revised

HOSTILE = "<script>alert(1)</script>**粗**~~删~~[链](x)|#"
"""Inserted text made of every kind of markup, which must arrive as plain text."""


@pytest.fixture(scope="module")
def drafts() -> tuple[Report, Report, Comparison]:
    from reportdiff.core.storage.samples import load_sample

    base = load_sample("yangpu-2023")
    draft = revised(base, (*EDITS, ("努力以新场景激发消费新", "", HOSTILE)))
    return base, draft, compare([base, draft], use_cache=False)


def _rows(rows: list[dict]) -> list[dict]:
    out = []
    for row in rows:
        out.append(row)
        out.extend(_rows(row["children"]))
    return out


def _rebuild(base: str, other: str, ops: list[dict]) -> str:
    """The other text from the base text and the ops, as a JSON consumer would.

    An insert's base position follows from the ops order: equal text between two ops
    has the same length on both sides.
    """
    out, pos_a, pos_b = [], 0, 0
    for op in ops:
        b0, b1 = op["other"] or [None, None]
        if op["base"] is None:
            a0 = a1 = pos_a + (b0 - pos_b)
        else:
            a0, a1 = op["base"]
        if b0 is None:
            b0 = b1 = pos_b + (a0 - pos_a)
        assert a0 - pos_a == b0 - pos_b
        out.append(base[pos_a:a0] + other[b0:b1])
        pos_a, pos_b = a1, b1
    return "".join(out) + base[pos_a:]


def test_json_changes_rebuild_every_paired_paragraph(drafts) -> None:
    base, draft, cmp = drafts
    doc = json.loads(to_json(cmp))
    rows = _rows(doc["alignment"])
    changed = 0
    for row in rows:
        if row["kind"] != "paragraph":
            assert "changes" not in row
            continue
        assert set(row["changes"]) <= {"yangpu-2023-draft"}
        a, b = row["sections"]["yangpu-2023"], row["sections"]["yangpu-2023-draft"]
        if a is None or b is None:
            assert row["changes"] == {}
            continue
        ops = row["changes"]["yangpu-2023-draft"]
        for op in ops:
            assert op["op"] in ("insert", "delete", "replace")
            assert (op["base"] is None) == (op["op"] == "insert")
            assert (op["other"] is None) == (op["op"] == "delete")
        # spans are absolute offsets into the cleaned texts; rebuild within the paragraph
        shift_a, shift_b = a["span"][0], b["span"][0]
        local = [
            {
                "base": None if op["base"] is None else [x - shift_a for x in op["base"]],
                "other": None if op["other"] is None else [x - shift_b for x in op["other"]],
            }
            for op in ops
        ]
        para_a = base.text[a["span"][0] : a["span"][1]]
        para_b = draft.text[b["span"][0] : b["span"][1]]
        assert _rebuild(para_a, para_b, local) == para_b
        changed += bool(ops)
    assert changed == 1  # the edits all stand in one paragraph


@pytest.mark.usefixtures("zh_interface")  # the Chinese heading 段落内改动
def test_markdown_strikes_deletions_and_bolds_insertions_as_plain_text(drafts) -> None:
    _base, _draft, cmp = drafts
    md = to_markdown(cmp)
    assert "段落内改动" in md
    page = MarkdownIt("commonmark").enable("strikethrough").enable("table").render(md)
    struck = _between(page, "<s>", "</s>")
    bold = _between(page, "<strong>", "</strong>")
    assert {"低空", "5800", "活力"} <= set(struck)
    assert "6100" in bold
    # the hostile insertion is one bold run of literal text, no tag, link or heading made
    assert any(html.unescape(b) == HOSTILE + "动能" for b in bold)
    assert "<script>" not in page and "<a " not in page


def _between(page: str, open_tag: str, close_tag: str) -> list[str]:
    out = []
    for piece in page.split(open_tag)[1:]:
        out.append(piece.split(close_tag, 1)[0])
    return out


def test_markdown_lists_changes_of_a_preamble_paragraph() -> None:
    from reportdiff.core.storage.samples import load_sample

    base = load_sample("yangpu-2023")
    # the opening paragraph, before the first section heading
    draft = revised(base, (("2023年是全面贯彻党的二十大精神", "开局", "起步"),))
    cmp = compare([base, draft], use_cache=False)
    top = [r for r in cmp.alignment if r.kind == "paragraph" and r.changes]
    assert top and any(p.changes for p in top[0].changes)
    md = to_markdown(cmp)
    assert "~~开局~~**起步**" in md


def test_context_around_a_change_never_cuts_a_figure() -> None:
    """The unchanged text kept around a change is cut at CHANGE_CONTEXT characters, but never
    inside a figure: 同比增长15.5|% would read 增长15.5, 180.|25亿元 would read 25亿元."""
    from reportdiff.core.analysis.export_changes import CHANGE_CONTEXT, _head, _tail

    assert CHANGE_CONTEXT == 8
    assert _head("同比增长15.5%，区级财政收入完成") == "同比增长15.5%"
    assert _head("全区生产总值同比增长") == "全区生产总值同比"
    assert _tail("区级财政收入完成180.25亿元") == "180.25亿元"
    assert _tail("收入11180.25亿元") == "11180.25亿元"  # not 180.25亿元
    assert _tail("收入１１１８０．２５亿元") == "１１１８０．２５亿元"
