"""PDFs whose text layer pypdf garbles: detected, read with PDFium, or refused in one line.

Fonts subset without a usable ToUnicode map make pypdf return glyph numbers as characters
(private-use or rare code points), without an error. Such a font is hard to build in a
test, so pypdf's output is garbled the way those files garble it, and the real fixture is
then read by the real PDFium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core.sources import pdf_layout
from reportdiff.core.sources.pdf_layout import PdfLine

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "yangpu-2023.pdf"


def _private_use(text: str) -> str:
    return "".join(chr(0xE000 + ord(c) % 0x1000) if not c.isspace() else c for c in text)


def _rare_han(text: str) -> str:
    # CID values read as code points: extension-A Han, none of them common.
    return "".join(chr(0x3400 + ord(c) % 0x1900) if not c.isspace() else c for c in text)


@pytest.fixture(params=[_private_use, _rare_han], ids=["private-use", "rare-han"])
def garbling_pypdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pdf_layout.page_lines
    garble = request.param

    def garbled(page: object) -> list[PdfLine]:
        return [PdfLine(garble(line.text)) for line in real(page)]

    monkeypatch.setattr(pdf_layout, "page_lines", garbled)


def test_garbled_text_layer_is_read_with_pdfium(
    capsys: pytest.CaptureFixture[str], garbling_pypdf: None
) -> None:
    code = main(["show", "--text", str(FIXTURE)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "区级财政收入完成154.99亿元" in out
    assert "\ue000" not in out


def test_garbled_everywhere_is_one_line_saying_so(
    capsys: pytest.CaptureFixture[str], garbling_pypdf: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2

    real_range = pypdfium2.PdfTextPage.get_text_range

    def garbled_range(self: object, *args: object, **kwargs: object) -> str:
        return _private_use(real_range(self, *args, **kwargs))

    monkeypatch.setattr(pypdfium2.PdfTextPage, "get_text_range", garbled_range)
    code = main(["add", str(FIXTURE)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "text cannot be read" in err and "garbled" in err


def test_readable_pdfs_do_not_need_pdfium(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback is for garbage only: a good text layer never goes near PDFium."""
    import pypdfium2

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("PDFium was used for a readable PDF")

    monkeypatch.setattr(pypdfium2, "PdfDocument", refuse)
    code = main(["show", "--text", str(FIXTURE)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "区级财政收入完成154.99亿元" in out
