"""Exports as a newcomer reads them: unnamed indicators, unchanged figures, unlabelled rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export import to_csv, to_markdown
from reportdiff.core.comparison import Comparison


@pytest.fixture(scope="module")
def yangpu() -> Comparison:
    from reportdiff.core.storage.samples import load_sample

    return compare([load_sample("yangpu-2022"), load_sample("yangpu-2023")])


def _table_rows(md: str) -> list[list[str]]:
    """Every Markdown table row's cells (header and rule rows included)."""
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in md.splitlines()
        if line.startswith("|")
    ]


def test_an_unnamed_indicator_has_a_placeholder_in_markdown_and_csv(yangpu: Comparison) -> None:
    """两年 "48个" (a figure whose sentence names no indicator): never a blank name."""
    unnamed = [p for p in yangpu.numbers if not p.indicator.strip()]
    assert unnamed
    md = to_markdown(yangpu)
    assert not [row for row in _table_rows(md) if row[0] == ""]
    csv_rows = to_csv(yangpu).splitlines()[1:]
    assert not [row for row in csv_rows if row.startswith(",")]
    assert sum(row.startswith("(unnamed),") for row in csv_rows) == len(unnamed)


def _rows_by_heading(md: str) -> dict[str, list[list[str]]]:
    """Table rows (header and rule left out) under the heading or bold title above them."""
    out: dict[str, list[list[str]]] = {}
    heading = ""
    for line in md.splitlines():
        if line.startswith("## ") or (line.startswith("**") and line.endswith("**")):
            heading = line.lstrip("#* 0123456789.").rstrip("*")
        elif line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out.setdefault(heading, []).append(cells)
    return out


def test_unchanged_figures_are_not_listed_as_changed(yangpu: Comparison) -> None:
    """架空线入地和合杆整治 16公里 → 16公里 is not a change: its own table, and an unchanged
    rate (满意率 100% → 100%) has no Δ%, as in the reader."""
    same = [p for p in yangpu.numbers if p.status == "same"]
    changed = [p for p in yangpu.numbers if p.status == "changed"]
    assert same and changed
    tables = _rows_by_heading(to_markdown(yangpu))
    under_changed = [row[0] for h, rows in tables.items() if "Changed numbers" in h for row in rows]
    under_same = {
        row[0]: row for h, rows in tables.items() if "Unchanged numbers" in h for row in rows
    }
    for p in same:
        assert p.indicator not in under_changed
        assert p.indicator in under_same
        row = under_same[p.indicator]
        assert row[-1] == ("" if p.pct is None else "0%"), row
    assert any(p.indicator in under_changed for p in changed)


def test_markdown_titles_of_parts_without_a_heading_give_their_opening_words(
    corpus_dir: Path,
) -> None:
    """1989 ↔ 1990: a part with no heading is titled by its first words, never "(no heading)"."""
    from reportdiff.core.storage.resolve import resolve_report

    reports = [resolve_report(str(corpus_dir / f"{year}.txt")) for year in (1989, 1990)]
    cmp = compare(reports)
    md = to_markdown(cmp)
    assert "(no heading)" not in md
    titles = [line for line in md.splitlines() if line.startswith(("## ", "- "))]
    unlabelled = 0
    for row in cmp.alignment:
        for report, node in zip(reports, row.nodes, strict=True):
            if row.kind == "section" and node is not None and not node.label:
                unlabelled += 1
                opening = re.sub(r"\s+", "", report.slice(node.span))[:4]
                assert any(opening in t.replace(" ", "") for t in titles), opening
    assert unlabelled >= 3


def test_parts_numbered_by_a_numeral_alone_are_named_by_it_then_their_words(
    corpus_dir: Path,
) -> None:
    """1959 ↔ 1960: 1960's parts are 一 / 二 / 三 / 四 alone on their lines, no title. The
    export and the reader's outline name each by its numeral, then its own opening words
    (一 「一九五六年到一九六七年…」), never the numeral run into them (「一一九五六年…」)."""
    from reportdiff.core.storage.resolve import resolve_report
    from reportdiff.tui.navigation import anchors_from_comparison

    reports = [resolve_report(str(corpus_dir / f"{year}.txt")) for year in (1959, 1960)]
    cmp = compare(reports)
    md = to_markdown(cmp)
    later = reports[1]
    for part in later.sections:
        body = re.sub(r"\s+", "", later.text[part.heading.end : part.span.end])
        run_on = "「" + part.marker + body[:3]
        assert run_on not in md, run_on
    labels = {a.labels[1] for a in anchors_from_comparison(cmp) if a.kind == "section"}
    assert "一 「一九五六年到一九六七年全…」" in labels
    assert not any(
        lab and lab.startswith(("「一一", "「二下", "「三人", "「四各")) for lab in labels
    )


def test_markdown_says_so_when_no_figure_pairs(yangpu: Comparison) -> None:
    """1975 (a short report whose figures compare 1974 with 1964) against 1978 (1977's
    figures): the engine pairs none. Without a word the export would look as if numbers had
    not been read; it says how many were read and that none found a counterpart. A pair
    with number tables says nothing of the kind."""
    from engine_support import national

    md = to_markdown(compare([national(1975), national(1978)]))
    said = [line for line in md.splitlines() if line.startswith("No figure was paired")]
    assert len(said) == 1
    count = int(re.search(r"(\d+) figures were read", said[0]).group(1))  # type: ignore[union-attr]
    assert count > 20
    assert not any(
        line.startswith("No figure was paired") for line in to_markdown(yangpu).splitlines()
    )


def test_markdown_shows_the_matched_paragraphs_of_a_section_without_counterpart() -> None:
    """2004's 继续实施科教兴国战略，坚持走可持续发展之路 meets no section of 2005, but its
    paragraphs do meet 2005's (education, science, talent, population, each in another
    2005 section): the export lists them under the section, as the reader shows them,
    instead of naming the section only among those of one report."""
    from engine_support import national

    md = to_markdown(compare([national(2004), national(2005)]))
    lines = md.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("## ") and "科教兴国" in line)
    assert "only; paragraphs of it met elsewhere" in lines[at]
    block = "\n".join(lines[at : at + 12])
    assert "加快科技改革和发展" in block and "**Matched paragraphs**" in block
    assert "- national-2004: 继续实施科教兴国战略，坚持走可持续发展之路" in md  # one report's


def test_a_large_change_reads_as_a_number_in_the_numbers_view_and_the_export() -> None:
    """pudong-2023 against jingan-2023: 地区生产总值 16715.15亿元 ↔ 2846.03亿元, a Δ of
    −13,869.12亿元. The numbers view printed it +4 significant digits in exponent form
    (-1.387e+04亿元); it reads as the Markdown writes it, digits grouped."""
    from reportdiff.core.analysis.export_format import delta_text
    from reportdiff.core.storage.samples import load_sample
    from reportdiff.tui.screens.numbers import NumbersScreen

    cmp = compare([load_sample("pudong-2023"), load_sample("jingan-2023")])
    gdp = next(p for p in cmp.numbers if p.indicator == "地区生产总值" and p.unit == "亿元")
    assert delta_text(gdp) == "-13,869.12亿元"
    cells = [str(c) for c in NumbersScreen._value_cells(gdp)]
    assert "-13,869.12亿元" in cells and not any("e+" in c for c in cells)
    assert "-13,869.12亿元" in to_markdown(cmp)
