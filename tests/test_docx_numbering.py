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
from typing import Any

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


def numbered_docx(
    text: str, path: Path, *, source: str, on_styles: bool, linked: bool = False
) -> Path:
    """``text`` as Word holds it with a two-level list drawing 一、 and （一）: on the
    Heading 1/2 styles (``on_styles``) or on each heading paragraph. ``linked``: the styles
    name only the list and its levels name the styles (``w:pStyle``), as Word writes its
    heading numbering."""
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
            + ('<w:pStyle w:val="Heading1"/>' if linked else "")
            + '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            + ('<w:pStyle w:val="Heading2"/>' if linked else "")
            + '<w:lvlText w:val="（%2）"/></w:lvl>'
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
                    f'<w:numPr xmlns:w="{W}">'
                    + ("" if linked else f'<w:ilvl w:val="{level}"/>')
                    + '<w:numId w:val="90"/></w:numPr>'
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


@pytest.mark.parametrize(
    ("on_styles", "linked"),
    [(True, False), (True, True), (False, False)],
    ids=["styles", "linked", "paragraphs"],
)
@pytest.mark.parametrize("name", ["2004.txt", "1996.txt"])
def test_list_numbers_are_read(
    name: str, on_styles: bool, linked: bool, tmp_path: Path, corpus_dir: Path
) -> None:
    saved = clean_text(read_document(CORPUS / name))
    drawn = [
        ln
        for role, ln in report_lines(saved, source=name)
        if role.startswith("heading") and MARK.match(ln)
    ]
    assert len(drawn) >= 8  # the test takes real numbers away
    path = numbered_docx(
        saved, tmp_path / "r.docx", source=name, on_styles=on_styles, linked=linked
    )
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


def lvl(
    ilvl: int, fmt: str, text: str, *, style: str = "", restart: int | None = None, legal: str = ""
) -> str:
    """A ``w:lvl`` of an abstract list: ``style`` links a paragraph style to the level;
    ``legal``: an ``isLgl`` element with that val (``"on"``: none)."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "")
        + ("<w:isLgl/>" if legal == "on" else f'<w:isLgl w:val="{legal}"/>' if legal else "")
        + (f'<w:pStyle w:val="{style}"/>' if style else "")
        + f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
    )


#: Word's multilevel heading list as a Chinese report numbers it: 一、 （一） 1.
HEADING_LEVELS = (
    lvl(0, "chineseCounting", "%1、", style="Heading1")
    + lvl(1, "chineseCounting", "（%2）", style="Heading2")
    + lvl(2, "decimal", "%3.", style="Heading3")
)


def list_docx(
    path: Path,
    levels: str,
    paragraphs: list[tuple[str, str, str]],
    *,
    nums: str = "",
    styles: dict[str, str] | None = None,
) -> list[str]:
    """The lines read from a DOCX holding one abstract list (``levels``) with list instance
    91 (and ``nums``); ``paragraphs`` are (style, numbering, text), numbering ``"91/1"``
    (numId/ilvl), ``"91"`` (no ilvl) or ``""``; ``styles`` gives a style's own numPr the
    same way."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="91">{levels}</w:abstractNum>'),
    )
    for num in ('<w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>', nums):
        if num:
            numbering.append(parse_xml(num.replace("<w:num ", f'<w:num xmlns:w="{W}" ', 1)))

    def num_pr(spec: str) -> Any:
        num_id, _, ilvl = spec.partition("/")
        own = f'<w:ilvl w:val="{ilvl}"/>' if ilvl else ""
        return parse_xml(f'<w:numPr xmlns:w="{W}">{own}<w:numId w:val="{num_id}"/></w:numPr>')

    for name, spec in (styles or {}).items():
        document.styles[name].element.get_or_add_pPr().append(num_pr(spec))
    for style, spec, text in paragraphs:
        paragraph = document.add_paragraph(text, style=style)
        if spec:
            paragraph._p.get_or_add_pPr().append(num_pr(spec))
    document.save(str(path))
    return [ln for ln in read_document(path).split("\n") if ln.strip()]


def test_heading_styles_take_their_level_from_the_list(tmp_path: Path) -> None:
    # Word's heading numbering: each heading style names only the list (numId, no ilvl);
    # the list's levels name the styles (w:pStyle), 标题 2 on level 1, 标题 3 on level 2.
    got = list_docx(
        tmp_path / "h.docx",
        HEADING_LEVELS,
        [
            ("Heading 1", "", "工作回顾"),
            ("Heading 2", "", "经济运行"),
            ("Heading 3", "", "稳增长"),
            ("Heading 3", "", "稳就业"),
            ("Heading 2", "", "改革开放"),
            ("Heading 1", "", "今年工作"),
            ("Heading 2", "", "扩大内需"),
        ],
        styles={"Heading 1": "91", "Heading 2": "91", "Heading 3": "91"},
    )
    assert got == [
        "一、工作回顾", "（一）经济运行", "1.稳增长", "2.稳就业",
        "（二）改革开放", "二、今年工作", "（一）扩大内需",
    ]  # fmt: skip


def test_a_style_level_of_its_own_comes_before_the_link(tmp_path: Path) -> None:
    # Word keeps a style's own ilvl (MS-OI29500 on 17.3.1.19); a paragraph's own wins over both.
    got = list_docx(
        tmp_path / "s.docx",
        HEADING_LEVELS,
        [
            ("Heading 1", "", "工作回顾"),
            ("Heading 2", "", "经济运行"),
            ("Heading 2", "91/2", "稳增长"),
        ],
        styles={"Heading 1": "91", "Heading 2": "91/1"},
    )
    assert got == ["一、工作回顾", "（一）经济运行", "1.稳增长"]


def test_a_start_override_holds_whenever_its_level_restarts(tmp_path: Path) -> None:
    # List 92 numbers its sections from （三）: at its first use and again under each part
    # (ECMA-376 17.9.27: the override is the level's start whenever the level restarts).
    got = list_docx(
        tmp_path / "o.docx",
        HEADING_LEVELS,
        [
            ("Normal", "92/0", "工作回顾"),
            ("Normal", "92/1", "经济运行"),
            ("Normal", "92/1", "改革开放"),
            ("Normal", "92/0", "今年工作"),
            ("Normal", "92/1", "扩大内需"),
        ],
        nums='<w:num w:numId="92"><w:abstractNumId w:val="91"/><w:lvlOverride w:ilvl="1">'
        '<w:startOverride w:val="3"/></w:lvlOverride></w:num>',
    )
    assert got == [
        "一、工作回顾",
        "（三）经济运行",
        "（四）改革开放",
        "二、今年工作",
        "（三）扩大内需",
    ]


def test_a_second_list_instance_restarts_then_the_count_runs_on(tmp_path: Path) -> None:
    # An annex restarting at 一、 is a new instance with a start override; the count is the
    # abstract list's, so the first instance used again goes on from where the annex got.
    got = list_docx(
        tmp_path / "r.docx",
        HEADING_LEVELS,
        [
            ("Normal", "91/0", "工作回顾"),
            ("Normal", "91/0", "今年工作"),
            ("Normal", "92/0", "名词解释"),
            ("Normal", "92/1", "国内生产总值"),
            ("Normal", "91/0", "附表"),
            ("Normal", "91/1", "主要指标"),
        ],
        nums='<w:num w:numId="92"><w:abstractNumId w:val="91"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    )
    assert got == [
        "一、工作回顾",
        "二、今年工作",
        "一、名词解释",
        "（一）国内生产总值",
        "二、附表",
        "（一）主要指标",
    ]


def test_a_level_override_redraws_the_level_for_its_instance(tmp_path: Path) -> None:
    # lvlOverride/lvl replaces the abstract level for that instance only (17.9.9).
    got = list_docx(
        tmp_path / "l.docx",
        HEADING_LEVELS,
        [
            ("Normal", "91/0", "工作回顾"),
            ("Normal", "92/0", "今年工作"),
            ("Normal", "91/0", "附表"),
        ],
        nums='<w:num w:numId="92"><w:abstractNumId w:val="91"/><w:lvlOverride w:ilvl="0">'
        + lvl(0, "chineseCounting", "第%1部分")
        + "</w:lvlOverride></w:num>",
    )
    assert got == ["一、工作回顾", "第二部分今年工作", "三、附表"]


def test_lvl_restart_says_which_levels_restart_a_lower_one(tmp_path: Path) -> None:
    # Level 2 restarts only after level 0 (lvlRestart 1), level 3 never (lvlRestart 0);
    # without lvlRestart a level restarts after any level above it (MS-OI29500 on 17.9.11).
    levels = (
        lvl(0, "chineseCounting", "%1、")
        + lvl(1, "chineseCounting", "（%2）")
        + lvl(2, "decimal", "%3.", restart=1)
        + lvl(3, "decimalEnclosedCircle", "%4", restart=0)
    )
    got = list_docx(
        tmp_path / "r.docx",
        levels,
        [
            ("Normal", "91/0", "甲"),
            ("Normal", "91/1", "乙"),
            ("Normal", "91/2", "丙"),
            ("Normal", "91/3", "丁"),
            ("Normal", "91/1", "戊"),
            ("Normal", "91/2", "己"),
            ("Normal", "91/3", "庚"),
            ("Normal", "91/0", "辛"),
            ("Normal", "91/2", "壬"),
            ("Normal", "91/3", "癸"),
        ],
    )
    assert got == [
        "一、甲", "（一）乙", "1.丙", "①丁", "（二）戊", "2.己", "②庚", "二、辛", "1.壬", "③癸",
    ]  # fmt: skip


@pytest.mark.parametrize(("legal", "want"), [("on", "1.1"), ("", "一.1"), ("0", "一.1")])
def test_legal_numbering_shows_the_levels_above_in_decimal(
    legal: str, want: str, tmp_path: Path
) -> None:
    # isLgl (17.9.4): 一、 parts, sections 1.1 (not 一.1) on a level that says so.
    levels = lvl(0, "chineseCounting", "%1、") + lvl(1, "decimal", "%1.%2", legal=legal)
    got = list_docx(
        tmp_path / "g.docx", levels, [("Normal", "91/0", "工作回顾"), ("Normal", "91/1", "经济")]
    )
    assert got == ["一、工作回顾", f"{want}经济"]


def test_a_list_defined_by_a_list_style_draws_that_style_s_levels(tmp_path: Path) -> None:
    # Word's list styles: list 94's abstract holds no levels, only numStyleLink to the list
    # style 报告编号, whose numId (91) names the abstract list with the levels (17.9.21).
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    path = tmp_path / "ls.docx"
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="91"><w:styleLink w:val="ReportList"/>'
            + HEADING_LEVELS
            + "</w:abstractNum>"
        ),
    )
    numbering.insert(
        1,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="93">'
            '<w:numStyleLink w:val="ReportList"/></w:abstractNum>'
        ),
    )
    for num_id, abstract_id in (("91", "91"), ("94", "93")):
        numbering.append(
            parse_xml(
                f'<w:num xmlns:w="{W}" w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
            )
        )
    style = document.styles.add_style("ReportList", WD_STYLE_TYPE.LIST)
    assert style.style_id == "ReportList"
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W}"><w:numId w:val="91"/></w:numPr>')
    )
    for ilvl, text in ((0, "工作回顾"), (1, "经济运行"), (1, "改革开放"), (0, "今年工作")):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="94"/></w:numPr>'
            )
        )
    document.save(str(path))
    got = [ln for ln in read_document(path).split("\n") if ln.strip()]
    assert got == ["一、工作回顾", "（一）经济运行", "（二）改革开放", "二、今年工作"]
