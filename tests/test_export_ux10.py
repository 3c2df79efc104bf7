"""Exports as a journalist reads them (session ux10): the State Council's 2004 and 2005
reports, national-2003 and national-2004 in a library."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest


@pytest.fixture
def exported(corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """``export national-2003 national-2004`` in a format, read back as a user would."""
    from reportdiff.cli import main

    assert main(["add", str(corpus_dir / "2004.txt"), str(corpus_dir / "2005.txt")]) == 0

    def run(fmt: str) -> str:
        out = tmp_path / f"cmp.{fmt}"
        assert main(["export", "national-2003", "national-2004", "-f", fmt, "-o", str(out)]) == 0
        return out.read_text(encoding="utf-8-sig")

    capsys.readouterr()
    return run


def test_csv_says_a_target_is_a_target(exported) -> None:  # type: ignore[no-untyped-def]
    """The CSV gave 2004's growth target 7％左右 and 2005's 8％左右 bare, beside the years'
    results (９．１％, 9．5％): in a spreadsheet a target read as the year's growth. Its cells
    carry the scope the Markdown table and the reader show: 7％左右（目标）."""
    rows = list(csv.reader(io.StringIO(exported("csv"))))
    header, body = rows[0], rows[1:]
    a, b = header.index("national-2003"), header.index("national-2004")
    targets = [r for r in body if r[a].startswith("７％左右")]
    assert targets, "2004's growth target is not in the CSV"
    assert all(r[a].endswith("（目标）") for r in targets), targets
    assert any(r[b] == "8％左右（目标）" for r in targets), targets
    # a result stays as printed, with no bracket
    growth = [r for r in body if r[a] == "９．１％"]
    assert growth and growth[0][b] == "9．5％", growth


def test_markdown_opening_paragraphs_are_told_apart_and_scored_as_paragraphs(exported) -> None:  # type: ignore[no-untyped-def]
    """Both reports open with 各位代表： and a paragraph before the first section. The
    Markdown headed both rows "Opening paragraphs" and scored the first "heading 0.00"
    beside two identical titles 「各位代表：」: a paragraph has no heading to score. Each
    opening paragraph is named by its words and given the one similarity it has."""
    md = exported("md")
    parts = [p for p in md.split("\n## ")[1:] if p[:1].isdigit()]  # the aligned rows
    headings = [p.split("\n", 1)[0].split(". ", 1)[1] for p in parts]
    assert len(headings) == len(set(headings)), headings
    opening = [p for p in parts if "「各位代表：」" in p.split("\n", 1)[0]]
    assert len(opening) == 1, headings
    assert "Similarity: 1.00" in opening[0]
    assert "heading 0.00" not in opening[0]


def test_html_contents_say_which_sections_one_report_has(exported) -> None:  # type: ignore[no-untyped-def]
    """The HTML's contents listed 采取果断措施，集中力量抗击非典 (2003's SARS section) like
    any aligned section: only after following the link did a reader learn the 2005 report
    has nothing for it. A section some report lacks says in the contents which has it."""
    import html
    import re

    page = exported("html")
    nav = page.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    items = [html.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", nav)]
    sars = [i for i in items if i.startswith("采取果断措施，集中力量抗击非典")]
    assert sars and "(national-2003 only)" in sars[0], sars
    both = [i for i in items if i.startswith("一年来工作回顾 ↔ 过去一年工作回顾")]
    assert both and "only)" not in both[0], both


def test_markdown_scores_no_heading_where_a_part_has_none(exported) -> None:  # type: ignore[no-untyped-def]
    """Parts without a heading (「各位代表！加强国防和军队…」, named by their words) were
    scored "heading 0.00": there was no heading to compare. Their similarity is the text's
    alone; parts with headings on both sides keep all three scores."""
    md = exported("md")
    parts = [p for p in md.split("\n## ")[1:] if p[:1].isdigit()]
    for part in parts:
        title = part.split("\n", 1)[0].split(". ", 1)[1]
        if title.endswith("only; paragraphs of it met elsewhere)"):
            # one report's section whose paragraphs met others: no pair of its own to score
            assert "Similarity" not in part.split("**Matched paragraphs**")[0], part[:300]
            continue
        untitled = any(t.strip().startswith("「") for t in title.split(" ↔ "))
        if untitled:
            assert "heading 0.00" not in part and "· heading" not in part, part[:300]
        else:
            assert "· heading" in part, part[:300]
