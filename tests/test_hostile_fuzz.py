"""Fuzzing every way a file reaches reportdiff, through the real command line.

Documents are *built* by the test — DOCX with python-docx, HTML from random nesting, PDF
written object by object — with hostile text inside, then mutated; file names and library
entries are fuzzed too. Whatever the input: exit 0 with nothing a terminal would obey in
the output, or exit 1 with one ``reportdiff:`` line; never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportdiff.cli import main
from reportdiff.core import paths

EXAMPLES = max(1, int(os.environ.get("REPORTDIFF_EXAMPLES", "150")) // 3)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FIXTURE_PDF = Path(__file__).resolve().parent / "fixtures" / "yangpu-2023.pdf"

PIECES = [
    "政府工作报告",
    "一、过去一年工作回顾\n",
    "（一）经济运行稳中有进。",
    "区级财政收入完成154.99亿元，同比增长8%。",
    "[bold]见附件[/]",
    "<script>alert(1)</script>",
    "\x1b]52;c;aGFjaw==\x07",
    "\x1b[2J",
    "\x9b31m",
    "\u202e",
    "\u2028",
    "| 指标 | 数值 |",
    "=1+2",
    "@SUM(A1)",
    "\t",
    "\n\n",
]
hostile = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=10)), max_size=30).map(
    "".join
)
#: What a terminal obeys (C0 but tab and newline, DEL, C1) or what breaks a line/TSV row.
#: (CSV lines end in CR LF, so a CR is fine before LF.)
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code == 0:
        assert _UNSAFE.search(out) is None, repr(_UNSAFE.search(out))
    else:
        assert code in (1, 2), (code, err)
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("reportdiff: "), err
    for line in err.splitlines():
        assert _UNSAFE.search(line) is None, repr(line)
    return code, out, err


def _xml_safe(text: str) -> str:
    """What XML 1.0 (and so python-docx) accepts."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", text)


# ---------------------------------------------------------------- DOCX


@FUZZ
@given(
    st.lists(
        st.tuples(hostile, st.sampled_from(["Normal", "Heading 1", "List Bullet", "Title"])),
        max_size=8,
    ),
    st.lists(st.lists(hostile, min_size=1, max_size=3), max_size=3),
)
def test_docx_built_with_hostile_text(
    capsys: pytest.CaptureFixture[str],
    paragraphs: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[str]],
) -> None:
    import docx

    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(_xml_safe(text), style=style)
    if rows:
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = _xml_safe(cell)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.docx"
        document.save(str(path))
        cli(capsys, "show", str(path))
        cli(capsys, "show", "--text", str(path))


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["replace", "append", "truncate"]))
def test_docx_with_damaged_document_xml(
    capsys: pytest.CaptureFixture[str], junk: bytes, how: str
) -> None:
    import zipfile

    import docx

    document = docx.Document()
    document.add_paragraph("区级财政收入完成154.99亿元，同比增长8%。")
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good.docx"
        document.save(str(good))
        bad = Path(tmp) / "bad.docx"
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "word/document.xml":
                    data = {
                        "replace": junk,
                        "append": data + junk,
                        "truncate": data[: len(junk) % max(1, len(data))],
                    }[how]
                dst.writestr(info, data)
        cli(capsys, "show", str(bad))


# ---------------------------------------------------------------- HTML

_TAGS = [
    "p",
    "div",
    "span",
    "font",
    "td",
    "tr",
    "table",
    "li",
    "ul",
    "h2",
    "br",
    "a",
    "pre",
    "article",
    "nav",
    "script",
    "style",
    "b",
]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    def node(depth: int) -> str:
        if depth > 6 or draw(st.booleans()):
            return draw(hostile).replace("<", "&lt;") if draw(st.booleans()) else draw(hostile)
        tag = draw(st.sampled_from(_TAGS))
        attrs = draw(st.sampled_from(["", ' class="content"', ' style="display:none"', " hidden"]))
        inner = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        close = draw(st.sampled_from([f"</{tag}>", "", "</p>"]))
        return f"<{tag}{attrs}>{inner}{close}"

    charset = draw(st.sampled_from(["", '<meta charset="gb2312">', '<meta charset="bogus">']))
    return (
        f"<html><head>{charset}<title>{draw(hostile)}</title></head><body>{node(0)}</body></html>"
    )


@FUZZ
@given(html_pages(), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_html_built_with_hostile_nesting(
    capsys: pytest.CaptureFixture[str], page: str, encoding: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_bytes(page.encode(encoding, "ignore"))
        cli(capsys, "show", str(path))


# ---------------------------------------------------------------- PDF


def _pdf(pages: Sequence[Sequence[bytes]]) -> bytes:
    """A PDF with one Helvetica text line per string, written object by object."""
    objects: list[bytes] = []
    kids = []
    font_id = 3
    next_id = 4
    page_objs: list[tuple[int, bytes]] = []
    for lines in pages:
        ops = [b"BT /F1 12 Tf 72 760 Td 14 TL"]
        for line in lines:
            escaped = line.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"(" + escaped + b") Tj T*")
        ops.append(b"ET")
        content = zlib.compress(b"\n".join(ops))
        stream_id, page_id = next_id, next_id + 1
        next_id += 2
        page_objs.append(
            (
                stream_id,
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
                + content
                + b"\nendstream",
            )
        )
        page_objs.append(
            (
                page_id,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (stream_id, font_id),
            )
        )
        kids.append(b"%d 0 R" % page_id)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ] + [body for _, body in sorted(page_objs)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


pdf_line = st.one_of(
    st.binary(max_size=40),
    hostile.map(lambda t: t.encode("cp1252", "ignore")),
    st.sampled_from([b"Government Work Report", b"1. Review", b"- 3 -", b"\x1b[2J", b"\x07"]),
)


@FUZZ
@given(st.lists(st.lists(pdf_line, max_size=6), min_size=1, max_size=3))
def test_pdf_built_with_hostile_text(
    capsys: pytest.CaptureFixture[str], pages: Sequence[Sequence[bytes]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.pdf"
        path.write_bytes(_pdf(pages))
        cli(capsys, "show", str(path))


@FUZZ
@given(st.data())
def test_real_pdf_damaged_anywhere(capsys: pytest.CaptureFixture[str], data: st.DataObject) -> None:
    original = FIXTURE_PDF.read_bytes()
    blob = bytearray(original)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(blob) - 1))
        blob[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(original) // 2, len(original)))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.pdf"
        path.write_bytes(bytes(blob[:cut]))
        cli(capsys, "show", str(path))


# ---------------------------------------------------------------- names and entries

_NAME_CHARS = st.characters(codec="utf-8", blacklist_characters="/\x00")


@settings(FUZZ, max_examples=max(1, EXAMPLES // 5))  # each compares reports: ~1 s
@given(
    st.text(_NAME_CHARS, min_size=1, max_size=40),
    st.one_of(st.none(), hostile),
)
def test_hostile_file_names_and_regions(
    capsys: pytest.CaptureFixture[str], stem: str, region: str | None
) -> None:
    text = "政府工作报告\n\n区级财政收入完成154.99亿元，同比增长8%。\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{stem}.txt"
        try:
            path.write_text(text, encoding="utf-8")
        except (OSError, ValueError):
            return  # a name this file system refuses (too long in bytes, . or ..)
        cli(capsys, "show", str(path))
        cli(capsys, "export", str(path), "yangpu-2022", "-f", "csv")
        args = ["add", str(path), "--id", "fuzzed", "--replace"]
        if region is not None:
            args += ["--region", region]
        code, _, _ = cli(capsys, *args)
        if code == 0:
            _, out, _ = cli(capsys, "list")
            assert {len(line.split("\t")) for line in out.splitlines()} == {7}
            cli(capsys, "show", "fuzzed")
            cli(capsys, "export", "fuzzed", "yangpu-2022")


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), hostile),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(hostile, inner, max_size=4)
    ),
    max_leaves=12,
)


@FUZZ
@given(st.sampled_from(["meta", "format", "text_file", "sha256", "chars", None]), json_values)
def test_library_entries_damaged_any_way(
    capsys: pytest.CaptureFixture[str], field: str | None, value: object
) -> None:
    folder = paths.library_dir()
    shutil.rmtree(folder, ignore_errors=True)
    sample = Path(__file__).resolve().parent.parent / "sample_data" / "yangpu-2023.txt"
    assert main(["add", str(sample), "--id", "victim"]) == 0
    capsys.readouterr()
    entry = folder / "victim.json"
    record = json.loads(entry.read_text(encoding="utf-8"))
    if field is None:
        record = value
    elif field == "meta" and isinstance(value, dict):
        record["meta"].update(value)
    else:
        record[field] = value
    entry.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    cli(capsys, "list")
    cli(capsys, "show", "victim")
    cli(capsys, "remove", "victim", "--yes")
    assert not entry.exists()
