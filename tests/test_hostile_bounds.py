"""Hostile sizes are refused as the data streams in: bounded time and memory, one line.

Each case used to run for minutes (or gigabytes) before a limit was checked: a small DOCX
unpacking to 1 GiB or to millions of paragraphs, HTML nested 20,000 deep, a PDF of 10,000
pages. The budget asserted here is generous for a busy 2-core machine; before the fixes
these took 80 s to 15 min.
"""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
from reportdiff.cli import main
from reportdiff.core.sources import ingest, limits

#: Seconds a refusal may take (each case took minutes before).
BUDGET = 10.0

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(path: Path, body_chunks: object, extra: dict[str, bytes] | None = None) -> Path:
    """A minimal DOCX whose document.xml body is streamed from ``body_chunks`` (bytes)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'.encode())
            for chunk in body_chunks:  # type: ignore[attr-defined]
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def run_bounded(
    capsys: pytest.CaptureFixture[str], *argv: str, memory: bool = False
) -> tuple[int, str, str, float, int]:
    """Run the CLI; also its time and (if ``memory``: tracemalloc slows Python) peak memory."""
    if memory:
        tracemalloc.start()
    start = time.perf_counter()
    try:
        code = main(list(argv))
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] if memory else 0
    finally:
        if memory:
            tracemalloc.stop()
    out, err = capsys.readouterr()
    return code, out, err, elapsed, peak


def assert_refused(code: int, out: str, err: str, *needles: str) -> None:
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("reportdiff: "), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err


def test_docx_of_spaces_is_refused_from_its_text_not_after_parsing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """30 MB of spaces in one run: the text limit stops the stream at 10 MB of it."""
    run_ = b'<w:p><w:r><w:t xml:space="preserve">' + b" " * (1024 * 1024)
    body = [run_, *([b" " * (1024 * 1024)] * 29), b"</w:t></w:r></w:p>"]
    path = _docx(tmp_path / "spaces.docx", body)
    assert path.stat().st_size < 200_000
    code, out, err, elapsed, peak = run_bounded(capsys, "show", str(path), memory=True)
    assert_refused(code, out, err, "characters of text", "10,485,760")
    assert elapsed < BUDGET
    assert peak < 64 * 1024 * 1024  # before: the whole tree (2.1 GB for 1 GiB)


def test_docx_of_millions_of_paragraphs_is_refused_while_streaming(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Empty paragraphs carry no text: the element count stops them (limit lowered to stay fast)."""
    monkeypatch.setattr(limits, "MAX_DOCX_ELEMENTS", 50_000)
    path = _docx(tmp_path / "paras.docx", [b"<w:p/>" * 100_000])
    code, out, err, elapsed, _ = run_bounded(capsys, "add", str(path))
    assert_refused(code, out, err, "more than 50,000 XML elements")
    assert elapsed < BUDGET


def test_docx_unpacking_past_the_limit_is_refused_from_its_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_DOCX_UNPACKED", 4 * 1024 * 1024)
    text = "<w:p><w:r><w:t>政府工作报告</w:t></w:r></w:p>".encode()
    path = _docx(tmp_path / "bomb.docx", [text], extra={"word/media/a.bin": bytes(8 << 20)})
    code, out, err, elapsed, _ = run_bounded(capsys, "show", str(path))
    assert_refused(code, out, err, "unpacks to 8 MB", "limit for a Word document is 4 MB")
    assert elapsed < BUDGET


def test_docx_within_the_limits_still_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    para = "<w:p><w:r><w:t>区级财政收入完成154.99亿元，同比增长8%。</w:t></w:r></w:p>".encode()
    path = _docx(tmp_path / "ok.docx", [para * 3])
    code, out, err = main(["show", "--text", str(path)]), *capsys.readouterr()
    assert code == 0, err
    assert out.count("区级财政收入完成154.99亿元") == 3


@pytest.mark.parametrize("tag", ["span", "font", "b"])
def test_deeply_nested_html_reads_in_linear_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tag: str
) -> None:
    n = 20_000
    path = tmp_path / "nested.html"
    path.write_text(
        "<html><body><p>" + f"<{tag}>财政收入增长" * n + f"</{tag}>" * n + "</p></body></html>",
        encoding="utf-8",
    )
    code, out, err, elapsed, _ = run_bounded(capsys, "show", "--text", str(path))
    assert code == 0, err
    assert out.count("财政收入增长") == n
    assert elapsed < BUDGET  # 80 s before (quadratic)


@pytest.mark.parametrize("tag", ["div", "td", "li", "blockquote"])
def test_deeply_nested_html_blocks_are_read_in_linear_time(tmp_path: Path, tag: str) -> None:
    """20,000 nested blocks are 20,000 paragraphs: reading them is timed (the cleaner's
    time on that many paragraphs is its own matter)."""
    n = 20_000
    path = tmp_path / "nested.html"
    path.write_text(
        "<html><body>" + f"<{tag}>财政收入增长" * n + f"</{tag}>" * n + "</body></html>",
        encoding="utf-8",
    )
    start = time.perf_counter()
    text = ingest.read_document(path)
    assert time.perf_counter() - start < BUDGET
    assert text.count("财政收入增长") == n


def test_pdf_of_ten_thousand_pages_is_refused_before_reading_a_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfWriter
    from reportdiff.core.sources import pdf_layout

    writer = PdfWriter()
    for _ in range(10_000):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "long.pdf"
    with path.open("wb") as fh:
        writer.write(fh)

    def must_not_read(page: object) -> list[object]:
        raise AssertionError("a page was read before the page count was checked")

    monkeypatch.setattr(pdf_layout, "page_lines", must_not_read)
    code, out, err, elapsed, _ = run_bounded(capsys, "show", str(path))
    assert_refused(code, out, err, "has 10,000 pages", "the limit is 2,000")
    assert elapsed < BUDGET


def test_pdf_text_limit_is_checked_page_by_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportdiff.core.sources import pdf_layout

    fixture = Path(__file__).resolve().parent / "fixtures" / "yangpu-2023.pdf"
    read: list[int] = []
    real = pdf_layout.page_lines

    def counting(page: Any) -> Any:
        read.append(1)
        return real(page)

    monkeypatch.setattr(pdf_layout, "page_lines", counting)
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1_500)
    code, out, err = main(["show", str(fixture)]), *capsys.readouterr()
    assert_refused(code, out, err, "more than 1,500 characters of text")
    assert len(read) < 4  # stopped at the page that passed the limit
