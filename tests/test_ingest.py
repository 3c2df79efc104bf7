"""Reading users' files: encodings, HTML, PDF, DOCX, and the text-is-data policy."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from reportdiff.core.errors import ReportError
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.sources.limits import MAX_TEXT_BYTES
from reportdiff.core.sources.pdf_layout import PdfLine, layout

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_NAMES = [
    "000_c0cf95335cf428a1.txt",
    "001_39e74dc3ce1f9f33.txt",
    "002_7593e2e4601e9f0f.txt",
    "003_c7b044fd7b48fcbf.txt",
    "004_22cd1e946852648b.txt",
]


def _encode(text: str, encoding: str) -> bytes:
    """Encode as a real file in that encoding would be (BOM included where tools write one)."""
    boms = {
        "utf-8-sig": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16-le-bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }
    return boms[encoding] if encoding in boms else text.encode(encoding)


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("seed", SEED_NAMES)
@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16-le-bom", "utf-16-be-bom"]
)
def test_every_seed_reads_back_in_every_encoding(
    seeds_dir: Path, tmp_path: Path, seed: str, encoding: str
) -> None:
    text = (seeds_dir / seed).read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(_encode(text, encoding))
    assert read_document(path) == text


@pytest.mark.parametrize("seed", SEED_NAMES)
def test_gbk_windows_ansi_file_is_detected(seeds_dir: Path, tmp_path: Path, seed: str) -> None:
    """What a colleague's Windows Notepad saves as "ANSI": GBK, CRLF line endings."""
    text = (seeds_dir / seed).read_text(encoding="utf-8")
    # Keep only what GBK can encode (a few symbols are GB18030-only).
    text = text.encode("gbk", errors="ignore").decode("gbk")
    path = tmp_path / "report.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    assert read_document(path) == text


@pytest.mark.parametrize("encoding", ["big5", "utf-8", "utf-16-le-bom", "utf-8-sig"])
def test_traditional_text_in_big5_is_detected(tmp_path: Path, encoding: str) -> None:
    """Big5 bytes also decode as GB18030 (into nonsense): the detector must pick Big5."""
    text = (FIXTURES / "yangpu-2023-traditional.txt").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(_encode(text, encoding))
    got = read_document(path)
    assert got == text
    assert "楊浦區" in got and "經濟發展穩中有進" in got


def test_short_gbk_and_big5_lines_are_told_apart(tmp_path: Path) -> None:
    cases = {
        "gbk": "上海市杨浦区人民政府：区级财政收入完成154.99亿元。",
        "big5": "上海市楊浦區人民政府：區級財政收入完成154.99億元。",
    }
    for encoding, text in cases.items():
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert read_document(path) == text


def test_forced_encoding_is_used(tmp_path: Path) -> None:
    text = "楊浦區政府工作報告"
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("big5"))
    assert read_document(path, encoding="big5") == text
    # Forcing the wrong (but byte-compatible) one gives what the user asked for.
    assert read_document(path, encoding="gb18030") != text


def test_gbk_alias_decodes_gb18030_only_characters(tmp_path: Path) -> None:
    text = "杨浦区€报告"  # € is in GB18030 (and cp936) but not in plain GB2312
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_document(path, encoding="gb2312") == text


def test_forced_wrong_encoding_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("杨浦区政府工作报告".encode("gbk"))
    with pytest.raises(ReportError, match=r"cannot be decoded as utf-8 .*--encoding"):
        read_document(path, encoding="utf-8")


def test_unknown_encoding_name(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("报告", encoding="utf-8")
    with pytest.raises(ReportError, match="unknown encoding 'klingon'"):
        read_document(path, encoding="klingon")


# ---------------------------------------------------------------- text is data


def test_hostile_characters_are_kept_as_data(tmp_path: Path) -> None:
    text = (
        "见[bold]附件[/]与[red]x[/red]\n"
        "\x1b[31m红色\x1b[0m 转义\n"
        "<script>alert(1)</script>\n"
        "| 指标 | 数值 |\n"
        "零\u200b宽\u200d字\ufeff符\u2028分\x07隔\x0b\x0c\n"
    )
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(path) == text


def test_line_endings_are_normalised_and_stray_nul_removed(tmp_path: Path) -> None:
    body = "一、总体\r\n内容。\r第二行\n" + "正文。" * 3000 + "\x00尾"
    path = tmp_path / "r.txt"
    path.write_bytes(body.encode("utf-8"))
    got = read_document(path)
    assert got.startswith("一、总体\n内容。\n第二行\n")
    assert got.endswith("正文。尾") and "\x00" not in got and "\r" not in got


def test_text_starting_with_markup_words_is_not_taken_for_html(tmp_path: Path) -> None:
    text = "<p>不是网页</p> 只是文字\n<script>也是文字</script>\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(path) == text


# ---------------------------------------------------------------- HTML


def test_html_entities_blocks_and_tables(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h2>一、工作回顾</h2>"
        "<p>财政收入&nbsp;143.5亿元&#65292;增长&lt;5%&gt;&amp;稳定。</p>"
        "<p>第一行<br>第二行</p><ul><li>甲</li><li>乙</li></ul>"
        "<table><tr><th>指标</th><th>2022</th></tr><tr><td>公用充电桩</td><td>1200个</td></tr>"
        "</table><pre>保留  空格\n  和换行</pre></article></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_text(page, encoding="utf-8")
    assert read_document(path) == (
        "一、工作回顾\n\n"
        "财政收入\xa0143.5亿元，增长<5%>&稳定。\n\n"
        "第一行\n第二行\n\n"
        "甲\n乙\n\n"
        "指标\t2022\n公用充电桩\t1200个\n\n"
        "保留  空格\n和换行"
    )


def test_html_sniffed_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_text("\n<!doctype html><html><body><p>政府工作报告</p></body></html>", "utf-8")
    assert read_document(path) == "政府工作报告"


def test_html_page_with_no_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body><nav>首页</nav></body></html>")
    with pytest.raises(ReportError, match="contains no text"):
        read_document(path)


def test_deeply_nested_html_does_not_recurse(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + "<p>深处的正文。</p>" + "</div>" * 5000)
    assert read_document(path) == "深处的正文。"


# ---------------------------------------------------------------- PDF


def test_pdf_text_layer_is_the_seed_text(seeds_dir: Path) -> None:
    """The fixture typesets seed 000: hard-wrapped lines come back as whole paragraphs,
    and the spacing between paragraphs as blank lines, exactly where the seed has them."""
    got = read_document(FIXTURES / "yangpu-2023.pdf")
    seed = (seeds_dir / "000_c0cf95335cf428a1.txt").read_text(encoding="utf-8")
    blocks = [
        "\n".join(line.strip() for line in b.strip().splitlines()) for b in seed.split("\n\n")
    ]
    assert got == "\n\n".join(b for b in blocks if b)


def test_scanned_pdf_says_no_text_layer() -> None:
    with pytest.raises(ReportError, match=r"has no text layer \(scanned\?\)"):
        read_document(FIXTURES / "scanned.pdf")


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_pdf_is_one_line_error(tmp_path: Path, keep: float) -> None:
    data = (FIXTURES / "yangpu-2023.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ReportError) as exc:
        read_document(path)
    assert "\n" not in str(exc.value)
    assert "cut.pdf" in str(exc.value)


def test_garbage_after_pdf_header(tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    with pytest.raises(ReportError, match="not a readable PDF"):
        read_document(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(FIXTURES / "yangpu-2023.pdf").pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ReportError, match="encrypted PDF"):
        read_document(path)


# ---------------------------------------------------------------- DOCX


def make_docx(path: Path, lines: list[str], table: list[list[str]] | None = None) -> None:
    """Write a Word document: one paragraph per line, then a table, then a closing line."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.add_paragraph("（完）")
    document.save(str(path))


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    make_docx(
        path,
        ["政府工作报告", "一、2023年工作回顾", "区级财政收入完成154.99亿元。"],
        [["指标", "数值"], ["公共充电桩", "1500个"]],
    )
    assert read_document(path) == (
        "政府工作报告\n\n一、2023年工作回顾\n\n区级财政收入完成154.99亿元。\n\n"
        "指标\t数值\n公共充电桩\t1500个\n\n（完）"
    )


def test_docx_merged_cells_print_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    t = document.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "表1 产业发展进展情况"
    for c, v in enumerate(["指标", "2022", "2023"]):
        t.cell(1, c).text = v
    path = tmp_path / "t.docx"
    document.save(str(path))
    assert read_document(path) == "表1 产业发展进展情况\n指标\t2022\t2023"


def test_truncated_docx(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    make_docx(good, ["政府工作报告"] * 50)
    path = tmp_path / "cut.docx"
    path.write_bytes(good.read_bytes()[:1500])
    with pytest.raises(ReportError, match="not a readable Word document"):
        read_document(path)


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(ReportError, match="zip archive but not a Word document"):
        read_document(path)


# ---------------------------------------------------------------- bad files


def test_limit_is_stated_for_a_20_mb_text(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = "区级财政收入完成154.99亿元，同比增长8%。\n".encode()
    path.write_bytes(line * (20 * 1024 * 1024 // len(line) + 1))
    with pytest.raises(ReportError) as exc:
        read_document(path)
    msg = str(exc.value)
    assert "too large" in msg and "20.0 MB" in msg and f"{MAX_TEXT_BYTES // 2**20} MB" in msg


def test_text_just_under_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = "区级财政收入完成154.99亿元。\n".encode("gb18030")
    path.write_bytes(line * ((MAX_TEXT_BYTES - 1) // len(line)))
    text = read_document(path)
    assert text.startswith("区级财政收入") and text.count("\n") == (MAX_TEXT_BYTES - 1) // len(line)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b" \n\t\r\n\xe3\x80\x80\n"), "contains no text"),
        (
            lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)),
            "binary file",
        ),
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)), "old Word"),
        (lambda p: p.write_bytes(bytes(range(0x80, 0x100)) * 64), "not text in UTF-8"),
        (lambda p: p.write_bytes(b"\xef\xbb\xbf\xff\xfe\xfd"), "byte-order mark"),
    ],
    ids=["missing", "directory", "empty", "blank", "binary", "doc", "undecodable", "bad-bom"],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "report.txt"
    make(path)  # type: ignore[operator]
    with pytest.raises(ReportError, match=message) as exc:
        read_document(path)
    assert "\n" not in str(exc.value) and str(path) in str(exc.value)


def test_random_bytes_are_not_taken_for_chinese(tmp_path: Path) -> None:
    import random

    data = random.Random(5).randbytes(20_000).replace(b"\x00", b"")
    path = tmp_path / "noise.bin"
    path.write_bytes(data)
    with pytest.raises(ReportError, match="not text"):
        read_document(path)


def test_control_characters_in_a_file_name_stay_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad\nname\x1b[31m.txt"
    with pytest.raises(ReportError) as exc:
        read_document(path)
    assert "\n" not in str(exc.value) and "\x1b" not in str(exc.value)


def test_utf8_page_with_a_stale_gb2312_declaration(tmp_path: Path) -> None:
    """A page re-saved as UTF-8 that still says gb2312: strict UTF-8 wins over the meta tag."""
    page = '<html><head><meta charset="gb2312"></head><body><p>杨浦区政府工作报告</p></body></html>'
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path) == "杨浦区政府工作报告"


def test_big5_page_declared_as_big5(tmp_path: Path) -> None:
    page = '<html><head><meta charset="big5"></head><body><p>楊浦區政府工作報告</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("big5"))
    assert read_document(path) == "楊浦區政府工作報告"


def test_page_title_names_the_report_when_no_headline_does(tmp_path: Path) -> None:
    page = (
        "<html><head><title>2024年上海市政府工作报告_上海市人民政府</title></head><body>"
        '<div class="nav"><a>首页</a></div><div id="zoom"><p>各位代表：</p>'
        "<p>现在，我代表市人民政府，向大会报告政府工作，请予审议。</p></div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path) == (
        "2024年上海市政府工作报告\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告政府工作，请予审议。"
    )


def test_utf16_without_bom_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(
        "Report 2023: 区级财政收入完成154.99亿元, up 8% on 2022.\n".encode("utf-16-le")
    )
    with pytest.raises(ReportError, match="UTF-16 without a byte-order mark; pass --encoding"):
        read_document(path)
    assert read_document(path, encoding="utf-16-le").startswith("Report 2023: 区级")


def _lines(*rows: tuple[str, float, float] | str) -> list[PdfLine]:
    return [PdfLine(r) if isinstance(r, str) else PdfLine(r[0], r[1], r[2], 10.0) for r in rows]


FULL = "全面贯彻党的二十大精神，坚持稳中求进工作总基调，推动高质量发展。"  # a full line


def test_pdf_layout_by_indent_and_spacing() -> None:
    """Positions decide: an indent or a wider gap opens a paragraph; a full line wraps
    even when it ends with 。; short lines in one paragraph keep their breaks."""
    page = _lines(
        ("一、工作回顾", 60, 700),
        (FULL[:-1], 80, 680),  # indented first line, as 首行缩进 prints
        (FULL, 60, 665),
        ("区级财政收入完成154.99亿元。", 60, 650),
        ("产业能级持续提升", 60, 630),  # gap 20 > 1.3 × 15: new paragraph
        ("新增企业5800户", 60, 615),
        ("- 首店100家", 60, 600),
    )
    assert layout([page]) == (
        "一、工作回顾\n\n" + FULL[:-1] + FULL + "区级财政收入完成154.99亿元。\n\n"
        "产业能级持续提升\n新增企业5800户\n\n- 首店100家"
    )


def test_pdf_layout_without_positions_uses_sentence_ends() -> None:
    page = _lines(
        "一、工作回顾", FULL[:-1] + "，", FULL, "区级财政收入完成154.99亿元。", "- 首店100家"
    )
    # A full line that ends with 。 is taken as a paragraph end: the text cannot tell.
    assert layout([page]) == (
        "一、工作回顾\n\n"
        + FULL[:-1]
        + "，"
        + FULL
        + "\n\n区级财政收入完成154.99亿元。\n\n- 首店100家"
    )


def test_pdf_paragraph_over_a_page_break_is_joined() -> None:
    first = _lines(
        ("一、工作回顾", 60, 700), (FULL[:-1] + "，", 60, 685), (FULL[:-1] + "，", 60, 670)
    )
    second = _lines(("推动高质量发展。", 60, 780), ("二、主要任务", 60, 750))
    assert layout([first, second]) == (
        "一、工作回顾\n\n" + (FULL[:-1] + "，") * 2 + "推动高质量发展。\n\n二、主要任务"
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16-le-bom", "gb18030"])
def test_file_cut_inside_its_last_character(seeds_dir: Path, tmp_path: Path, encoding: str) -> None:
    """A download cut at a byte limit ends mid-character: the partial character is dropped."""
    text = (seeds_dir / "004_22cd1e946852648b.txt").read_text(encoding="utf-8")
    data = _encode(text, encoding)
    codec = {"utf-8-sig": "utf-8-sig", "utf-16-le-bom": "utf-16"}.get(encoding, encoding)
    cut = len(data) // 2
    while _decodes(data[:cut], codec):  # find a cut inside a character
        cut -= 1
    data = data[:cut]
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    got = read_document(path)
    assert text.startswith(got) and len(got) > len(text) // 3


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def test_utf8_with_one_damaged_byte_is_read_with_a_replacement_mark(
    seeds_dir: Path, tmp_path: Path
) -> None:
    text = (seeds_dir / "000_c0cf95335cf428a1.txt").read_text(encoding="utf-8")
    data = bytearray(text.encode("utf-8"))
    at = text.encode("utf-8").index("杨浦".encode()) + 1
    data[at] = 0xFF
    path = tmp_path / "r.txt"
    path.write_bytes(bytes(data))
    got = read_document(path)
    assert got.count("\ufffd") >= 1 and len(got) >= len(text) - 2
    assert got.replace("\ufffd", "").startswith(text[: text.index("杨浦")])


def test_docx_with_a_stray_empty_paragraph_keeps_every_paragraph_a_block(tmp_path: Path) -> None:
    """Word leaves an empty paragraph at the end, people slip one in: that is not spacing."""
    import docx

    document = docx.Document()
    for line in [
        "政府工作报告",
        "",
        "一、工作回顾",
        "区级财政收入完成154.99亿元。",
        "二、主要任务",
        "",
    ]:
        document.add_paragraph(line)
    path = tmp_path / "r.docx"
    document.save(str(path))
    assert read_document(path) == (
        "政府工作报告\n\n一、工作回顾\n\n区级财政收入完成154.99亿元。\n\n二、主要任务"
    )
