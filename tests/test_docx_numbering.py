"""A Word document whose parts and sections are numbered by Word's lists reads as its .txt.

Offices often number 一、 and （一） with a multilevel list (on the heading styles, or on the
paragraphs themselves): the number is then drawn by Word and is not in the paragraph's
text. Read without it, 一、2003年工作回顾 was "2003年工作回顾" and the parts lost the marks
that rank them. Real reports are written out with their headings' numbers taken off and
given to a Word list instead (numbering.xml written as Word writes it); the reading must
give the .txt's sections and text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS
from rendered import report_lines
from reportdiff.core.sources.docx_numbering import chinese_counting, format_number
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.load import load_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Part and section marks a Word list draws: level 0 一、, level 1 （一）.
MARK = re.compile(r"^(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[)）])")


def numbered_docx(text: str, path: Path, *, source: str, on_styles: bool) -> Path:
    """``text`` as Word holds it with a two-level list drawing 一、 and （一）: on the
    Heading 1/2 styles (``on_styles``) or on each heading paragraph."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">'
            '<w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    if on_styles:
        for name, level in (("Heading 1", 0), ("Heading 2", 1)):
            p_pr = document.styles[name].element.get_or_add_pPr()
            p_pr.append(
                parse_xml(
                    f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
                )
            )
    num_id = 90
    for role, line in report_lines(text, source=source):
        m = MARK.match(line)
        if role in ("heading1", "heading2") and m:
            level = 0 if m.group(1) else 1
            paragraph = document.add_paragraph(line[m.end() :], style=f"Heading {level + 1}")
            if not on_styles or num_id != 90:
                p_pr = paragraph._p.get_or_add_pPr()
                p_pr.append(
                    parse_xml(
                        f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
                    )
                )
        else:
            style = {"title": "Title", "heading1": "Heading 1", "heading2": "Heading 2"}
            paragraph = document.add_paragraph(line, style=style.get(role, "Normal"))
            if on_styles and role in ("heading1", "heading2"):
                # A heading without a number in the report: its list numbering turned off.
                paragraph._p.get_or_add_pPr().append(
                    parse_xml(f'<w:numPr xmlns:w="{W}"><w:numId w:val="0"/></w:numPr>')
                )
            if on_styles and role == "heading1":
                # The sections under it count from （一） again: Word's "restart at 1" is a
                # new list instance with a start override.
                num_id += 1
                numbering.append(
                    parse_xml(
                        f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
                        '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                    )
                )
    document.save(str(path))
    return path


def headings(text: str, source: str) -> list[str]:
    report = load_text(text, source=source)
    return [section.marker + report.slice(section.heading) for _, section in report.walk()]


@pytest.mark.parametrize("on_styles", [True, False], ids=["styles", "paragraphs"])
@pytest.mark.parametrize("name", ["2004.txt", "1996.txt"])
def test_list_numbers_are_read(
    name: str, on_styles: bool, tmp_path: Path, corpus_dir: Path
) -> None:
    saved = clean_text(read_document(CORPUS / name))
    drawn = [
        ln
        for role, ln in report_lines(saved, source=name)
        if role.startswith("heading") and MARK.match(ln)
    ]
    assert len(drawn) >= 8  # the test takes real numbers away
    path = numbered_docx(saved, tmp_path / "r.docx", source=name, on_styles=on_styles)
    read = clean_text(read_document(path))
    assert headings(read, "r.docx") == headings(saved, name)
    assert load_text(read, source="r.docx").text == load_text(saved, source=name).text


def test_a_district_summary_numbered_by_word(tmp_path: Path, seeds_dir: Path) -> None:
    # Xuhui's 2023 summary: (一) sections under 一、 parts, half-width brackets in the .txt.
    saved = clean_text(read_document(SEEDS / "003_c7b044fd7b48fcbf.txt"))
    path = numbered_docx(saved, tmp_path / "x.docx", source="x.txt", on_styles=True)
    read = load_text(clean_text(read_document(path)), source="x.docx")
    want = load_text(saved, source="x.txt")
    assert [s.marker for _, s in read.walk()] == [
        s.marker.replace("(", "（").replace(")", "）") for _, s in want.walk()
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "want"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCountingThousand", "十二"),
        (20, "chineseCounting", "二十"),
        (35, "chineseCounting", "三十五"),
        (105, "chineseCounting", "一百零五"),
        (120, "chineseCounting", "一百二十"),
        (12, "decimalFullWidth", "１２"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "ideographTraditional", "乙"),
        (2023, "ideographDigital", "二〇二三"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (7, "decimal", "7"),
    ],
)
def test_word_number_formats(n: int, fmt: str, want: str) -> None:
    assert format_number(n, fmt) == want


def test_chinese_counting_matches_the_reading_of_every_part_number() -> None:
    from reportdiff.core.text.units import cn_number

    for n in range(1, 100):
        assert cn_number(chinese_counting(n)) == n
