"""The PDF layout rules, one by one, on real report text set as printed pages.

A State Council report's paragraphs are wrapped at a fixed width (22 Han characters, as a
narrow page prints them), placed line by line the way a PDF's text layer places them (first
lines indented, 15 units of leading), cut into pages with a running header and a page
number, and laid out again (:func:`~reportdiff.core.sources.pdf_layout.drop_page_furniture`,
then :func:`~reportdiff.core.sources.pdf_layout.layout`). Unlike
tests/test_rendered_sources.py these need no browser; they state each rule on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.sources.pdf_layout import PdfLine, drop_page_furniture, layout
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.load import split_front_matter

LINE = 22
"""Han characters on a printed line."""
PAGE = 26
"""Lines of text on a page."""
LEFT, INDENT, TOP, LEADING, SIZE = 40.0, 61.0, 430.0, 15.0, 10.5


def paragraphs(corpus_dir: Path, year: int) -> list[str]:
    """The body paragraphs of a corpus report (headings included), one per line."""
    text = clean_text(read_document(corpus_dir / f"{year}.txt"))
    _, body = split_front_matter(text, source=f"{year}.txt")
    return [line for line in body.splitlines() if line.strip()]


def printed(paras: list[str], *, header: str | None = "政府工作报告", numbers: bool = True,
            indent: bool = True, size: int = PAGE) -> list[list[PdfLine]]:  # fmt: skip
    """``paras`` wrapped, placed and paged as a PDF's text layer gives them."""
    lines: list[tuple[str, bool]] = []
    for para in paras:
        lines.extend((para[i : i + LINE], i == 0) for i in range(0, len(para), LINE))
    pages = []
    for n, start in enumerate(range(0, len(lines), size), 1):
        page = [
            PdfLine(text, INDENT if first and indent else LEFT, TOP - k * LEADING, SIZE)
            for k, (text, first) in enumerate(lines[start : start + size])
        ]
        # Printed last, as browsers and office suites draw them after the body.
        if header:
            page.append(PdfLine(f"{header} 2026/3/5 10:{n % 60:02d}", 24.0, 460.0, 8.0))
        if numbers:
            page.append(PdfLine(f"- {n} -", 160.0, 17.0, 8.0))
        pages.append(page)
    return pages


def laid_out(pages: list[list[PdfLine]]) -> list[str]:
    text = layout(drop_page_furniture(pages))
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("year", [1979, 1993, 2004])
def test_printed_pages_read_back_paragraph_for_paragraph(corpus_dir: Path, year: int) -> None:
    """Header, page numbers, wraps mid-word and mid-number, paragraphs over page breaks."""
    paras = paragraphs(corpus_dir, year)
    assert laid_out(printed(paras)) == paras


def test_a_line_at_the_same_place_on_most_pages_is_furniture(corpus_dir: Path) -> None:
    pages = drop_page_furniture(printed(paragraphs(corpus_dir, 2004), numbers=False))
    assert not any(line.text.startswith("政府工作报告 2026") for page in pages for line in page)
    # The body lines at the top of each page differ from page to page: all kept.
    assert all(page[0].y == TOP for page in pages)


def test_a_running_line_on_a_few_pages_only_stays(corpus_dir: Path) -> None:
    """A line that repeats at one place on fewer than half the pages is no running line."""
    pages = printed(paragraphs(corpus_dir, 2004), header=None, numbers=False)
    marked = [[*page, PdfLine("本节完", 24.0, 460.0, 8.0)] if i < 3 else page
              for i, page in enumerate(pages)]  # fmt: skip
    assert len(pages) > 6
    kept = drop_page_furniture(marked)
    assert sum(line.text == "本节完" for page in kept for line in page) == 3


def test_a_page_number_alone_at_a_page_edge_goes(corpus_dir: Path) -> None:
    """Even on a two-page document, where nothing can repeat on "most" pages."""
    paras = paragraphs(corpus_dir, 1993)[:6]
    pages = printed(paras, header=None)[:2]
    text = layout(drop_page_furniture(pages))
    assert "- 1 -" not in text and "- 2 -" not in text


def test_a_page_without_an_indent_is_one_paragraph(corpus_dir: Path) -> None:
    """1993 prints paragraphs longer than a page: a page of one paragraph has no indent,
    and its full lines that happen to end a sentence (。 at the margin) do not end it."""
    paras = paragraphs(corpus_dir, 1993)
    longest = max(len(p) for p in paras)
    assert longest > LINE * PAGE
    assert laid_out(printed(paras)) == paras


def test_without_indents_the_text_decides(corpus_dir: Path) -> None:
    """No indent and no spacing anywhere: a full line that does not end a sentence wraps."""
    paras = paragraphs(corpus_dir, 2004)
    got = laid_out(printed(paras, indent=False))
    body = "".join(got)
    assert body == "".join(paras)
    assert "- 3 -" not in body and "政府工作报告 2026" not in body


def test_a_centred_line_wrapped_joins_its_rest() -> None:
    """——2004年3月5日在第十届全国人民代表大会第二次会 / 议上: centred, so the rest is too."""
    page = [
        PdfLine("2004年政府工作报告", 121.0, 386.0, SIZE),
        PdfLine("——2004年3月5日在第十届全国人民代表大会第二次会", LEFT + 2, 368.0, SIZE),
        PdfLine("议上", 159.0, 352.0, SIZE),
        PdfLine("国务院总理温家宝", 128.0, 335.0, SIZE),
        PdfLine("各位代表：", INDENT, 317.0, SIZE),
        PdfLine("本届政府履行职责已经一年。现在，我代表国务", INDENT, 299.0, SIZE),
        PdfLine("院，向大会作政府工作报告，请予审议，并请全国政协", LEFT, 283.0, SIZE),
        PdfLine("各位委员提出意见。", LEFT, 267.0, SIZE),
    ]
    assert laid_out([page]) == [
        "2004年政府工作报告",
        "——2004年3月5日在第十届全国人民代表大会第二次会议上",
        "国务院总理温家宝",
        "各位代表：",
        "本届政府履行职责已经一年。现在，我代表国务院，向大会作政府工作报告，请予审议，并请全国政协各位委员提出意见。",
    ]


def test_a_page_of_indented_items_keeps_them_apart(seeds_dir: Path) -> None:
    """003 printed one item a paragraph: a page of short items has no line at the margin,
    yet each is indented against the document's margin (set by the items that wrap)."""
    text = clean_text(read_document(seeds_dir / "003_c7b044fd7b48fcbf.txt"))
    _, body = split_front_matter(text, source="003.txt")
    paras = [line for line in body.splitlines() if line.strip()]
    pages = printed(paras, size=8)
    assert any(all(line.x == INDENT for line in page[:-2]) for page in pages)
    assert laid_out(pages) == paras


def test_a_heading_set_larger_does_not_run_on(corpus_dir: Path) -> None:
    """A heading that fills the line, set close above its paragraph in a larger size."""
    paras = paragraphs(corpus_dir, 1993)
    heading = next(p for p in paras if p.startswith("一、"))
    assert len(heading) * 2 >= LINE * 2 * 0.85
    body = paras[paras.index(heading) + 1]
    lines = [PdfLine(heading, LEFT, TOP, 12.0)]
    lines += [
        PdfLine(body[i : i + LINE], LEFT, TOP - 17.0 - k * LEADING, SIZE)
        for k, i in enumerate(range(0, len(body), LINE))
    ]
    assert laid_out([lines]) == [heading, body]


def test_a_short_last_page_loses_its_header_and_footer_too(corpus_dir: Path) -> None:
    """On a last page of one line, the header and footer are among its top and its bottom
    lines at once; they go as on every other page."""
    paras = paragraphs(corpus_dir, 2004)
    lines = sum(-(-len(p) // LINE) for p in paras)
    cut = next(
        k
        for k in range(len(paras), 0, -1)
        if sum(-(-len(p) // LINE) for p in paras[:k]) % PAGE == 1
    )
    assert lines > PAGE
    pages = printed(paras[:cut], numbers=False)
    pages = [[*page, PdfLine("file:///home/user/报告.html", 24.0, 17.0, 8.0)] for page in pages]
    assert len(pages[-1]) == 3
    assert laid_out(pages) == paras[:cut]
