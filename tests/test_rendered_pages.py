"""A saved portal page printed whole to PDF reads as the saved page itself does.

A user who keeps a report as a PDF often printed the portal's page from the browser: the
PDF then holds everything the page shows — its breadcrumb, site line, pager (上一页 1 2 3 4
下一页) and the report several times over (the page's paged and print views). Three corpus
pages of different eras are shown as a browser shows them (each saved line a paragraph,
spaced apart; the saved page's ``<U+00A0>`` marks as no-break spaces and its HTML comments
hidden) and printed by Debian's chromium; the PDF's reading must be the saved page's,
character for character. What went wrong before, as rules for every document:

- copies of the report break a line in different places (the ——date line and the speaker
  on one line in one copy, on two in the next): the copy's opening was left behind;
- a PDF loses spaces: 2009年03月16日来源：新华社 and a title one space from the site's name
  were taken for text;
- on a page of many one-line paragraphs the paragraph gap is the page's most common gap:
  the line spacing is the document's, not the page's;
- a paragraph running items （１）…（３） inline, wrapped so that （４） opens a page, was cut
  there (an item at a page's top was always taken to open a paragraph).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import CORPUS
from rendered import browser_or_skip, render_pdfs
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.sources.pdf_layout import _continues_inline_items
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.dedup import keep_one_copy
from reportdiff.core.text.furniture import site_chunk_start
from reportdiff.core.text.load import load_text

YEARS = ["1954", "1979", "1983", "2006", "2009"]

PAGE_CSS = 'body { font-family: "WenQuanYi Micro Hei", serif; font-size: 12pt; margin: 2cm; }'


def page_html(raw: str) -> str:
    """The saved page as a browser shows it: one paragraph per non-blank line."""
    text = re.sub(r"<!--.*?-->", "", raw.replace("<U+00A0>", "\u00a0"), flags=re.DOTALL)
    paragraphs = [
        f"<p>{html.escape(line.rstrip())}</p>" for line in text.splitlines() if line.strip()
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<style>{PAGE_CSS}</style></head>\n<body>\n" + "\n".join(paragraphs) + "\n</body></html>\n"
    )


@pytest.fixture(scope="module")
def printed(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    browser_or_skip()
    folder = tmp_path_factory.mktemp("printed")
    jobs, out = [], {}
    for year in YEARS:
        page = folder / f"{year}.html"
        page.write_text(page_html(read_document(CORPUS / f"{year}.txt")), encoding="utf-8")
        out[year] = folder / f"{year}.pdf"
        jobs.append((page, out[year], False))
    render_pdfs(jobs)
    return out


@pytest.mark.parametrize("year", YEARS)
def test_the_printed_page_reads_as_the_saved_page(year: str, printed: dict[str, Path]) -> None:
    saved = load_text(clean_text(read_document(CORPUS / f"{year}.txt")), source=f"{year}.txt")
    pdf = load_text(clean_text(read_document(printed[year])), source=f"{year}.pdf")
    assert pdf.meta.title == saved.meta.title
    assert pdf.meta.date == saved.meta.date
    assert pdf.text.splitlines() == saved.text.splitlines()


def test_a_copy_whose_opening_lines_break_elsewhere_is_still_a_copy(corpus_dir: Path) -> None:
    lines = read_document(CORPUS / "2006.txt").splitlines()
    date_line = next(i for i, ln in enumerate(lines) if ln.startswith("政 府 工 作 报 告 ——"))
    speaker = lines[date_line + 1]
    assert "温家宝" in speaker
    # The first copy prints the date line and the speaker on one line, as a PDF may.
    joined = [*lines[:date_line], lines[date_line] + speaker, *lines[date_line + 2 :]]
    kept = "\n".join(keep_one_copy(joined))
    body_end = kept.rindex("。")
    assert "温家宝" not in kept[body_end:]
    assert kept.count("现在，我代表国务院") == 1


@pytest.mark.parametrize(
    ("line", "start"),
    [
        (
            "2009年国务院政府工作报告 中央政府门户网站\u3000www.gov.cn\u3000\u3000 2009年03月16日来源：新华社",
            15,
        ),
        ("中央政府门户网站\u3000www.gov.cn\u3000\u3000 2009年03月16日来源：新华社", 0),
        ("2009年03月16日来源：新华社", 0),
        ("中央政府门户网站\u3000www.gov.cn\u3000\u3000 2006年02月23日 14时43分来源：人民网", 0),
        # A sentence of the report that names a source is no site line.
        ("数据来源：国家统计局。", None),
        ("我们的网站 建设取得进展", None),
    ],
)
def test_a_site_line_that_lost_its_spaces(line: str, start: int | None) -> None:
    assert site_chunk_start(line) == start


def test_an_item_goes_on_with_the_items_running_in_the_paragraph_above() -> None:
    paragraph = (
        "今后准备采取以下措施：（１）集中调配科技力量。（２）抽调一部分科技力量。（３）改进制度。"
    )
    assert _continues_inline_items(paragraph, "（４）对全国科技人员，建立分级管理制度。")
    # Not the next number, another bracket style, or a list that opens the paragraph.
    assert not _continues_inline_items(paragraph, "（５）对全国科技人员，建立分级管理制度。")
    assert not _continues_inline_items(paragraph, "(4)对全国科技人员，建立分级管理制度。")
    assert not _continues_inline_items("（１）集中调配科技力量。", "（２）抽调一部分科技力量。")
    assert not _continues_inline_items(paragraph, "（四）加快发展社会事业")
