"""A PDF's text layer: PDFium first (placed lines, sizes), pypdf where PDFium cannot read
the file; page furniture dropped and lines rejoined by :mod:`pdf_layout`.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.sources import limits
from reportdiff.core.sources.encoding import MIN_COMMON_SHARE, SCORE_SAMPLE, common_share


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Keep pypdf's recovery chatter (logging and warnings) off the user's terminal.

    Without this, Python's last-resort logging handler prints pypdf's warnings about
    damaged files to stderr, breaking the one-line error the user should see.
    """
    logger = logging.getLogger("pypdf")
    handler = logging.NullHandler()
    old_propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate


def read_pdf(p: Path, name: str) -> str:
    """The text layer of a PDF, page by page."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError
    from reportdiff.core.sources.pdf_layout import drop_page_furniture, layout, page_lines

    with _quiet_pypdf():
        # pypdf raises many kinds of errors on damaged files (PdfReadError, ValueError,
        # KeyError, struct.error, RecursionError …); every one means "damaged PDF" here.
        try:
            reader = PdfReader(p)
            if reader.is_encrypted:
                try:
                    # An empty user password opens "protected against editing" PDFs.
                    opened = bool(reader.decrypt(""))
                except (DependencyError, FileNotDecryptedError, NotImplementedError):
                    opened = False
                if not opened:
                    raise ReportError(
                        _(
                            "{name} is an encrypted PDF; save an unprotected copy or its text"
                        ).format(name=name)
                    )
            _check_page_count(reader, name)
            # PDFium first: it reads justified lines and ligatures as printed and places
            # every character; pypdf when PDFium cannot open the file or reads it garbled.
            pages = _pdfium_pages(p, name)
            if pages is not None and any(pages):
                text = layout(drop_page_furniture(pages))  # laid out once, judged once
                if not _looks_garbled(text):
                    return text
            pages = _pdf_pages(reader, name, page_lines)
        except ReportError:
            raise
        except DependencyError:
            # pypdf opens an AES-encrypted PDF with the empty password, then needs the
            # `cryptography` package to decrypt each page: encrypted, not damaged.
            raise ReportError(
                _(
                    "{name} is an encrypted PDF (AES) whose text cannot be read here; save an unprotected copy or its text"
                ).format(name=name)
            ) from None
        except Exception as exc:  # noqa: BLE001 - see above
            raise ReportError(
                _("{name} is not a readable PDF (truncated or damaged: {one_line})").format(
                    name=name, one_line=limits.one_line(exc)
                )
            ) from None
    if not pages:
        raise ReportError(
            _("{name} is not a readable PDF (truncated or damaged: no pages)").format(name=name)
        )
    if not any(pages):
        raise ReportError(
            _(
                "{name} has no text layer (scanned?); run OCR on it or give the text as a .txt file"
            ).format(name=name)
        )
    text = layout(drop_page_furniture(pages))
    if _looks_garbled(text):
        # Fonts subset without a usable ToUnicode map: pypdf returns glyph numbers as
        # characters, without an error. PDFium also reads the fonts' own tables.
        text = _read_pdf_pdfium(p, name)
    return text


#: Most private-use, replacement and control characters a readable text layer has (share).
MAX_GARBLED_SHARE = 0.05


def _looks_garbled(text: str) -> bool:
    """Whether a PDF's extracted text is glyph numbers rather than characters.

    Real report text is common Chinese (GB2312 level 1 or Big5's common characters) and
    punctuation; a font without a character map gives private-use characters, U+FFFD,
    control characters, or rare and unassigned code points instead. Text with almost no
    non-ASCII characters (an English PDF) is not judged by its Chinese.
    """
    sample = [c for c in text[:SCORE_SAMPLE] if not c.isspace()]
    if not sample:
        return False
    import unicodedata

    bad = sum(1 for c in sample if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cc", "Cn"))
    if bad > len(sample) * MAX_GARBLED_SHARE:
        return True
    if sum(1 for c in sample if c >= "\x80") < 20:
        return False
    joined = "".join(sample)
    return max(common_share(joined, "gb18030"), common_share(joined, "cp950")) < MIN_COMMON_SHARE


def _read_pdf_pdfium(p: Path, name: str) -> str:
    """The text layer as PDFium reads it; a ReportError if that is unreadable too."""
    from reportdiff.core.sources.pdf_layout import drop_page_furniture, layout

    unreadable = ReportError(
        _(
            "{name}'s text cannot be read: its fonts map glyphs to no characters (the text layer is garbled); run OCR on it or give the text as a .txt file"
        ).format(name=name)
    )
    pages = _pdfium_pages(p, name)
    text = layout(drop_page_furniture(pages)) if pages and any(pages) else ""
    if not text.strip() or _looks_garbled(text):
        raise unreadable
    return text


def _pdfium_pages(p: Path, name: str) -> list[Any] | None:
    """Each page's placed lines as PDFium reads them; None if PDFium cannot read the file.

    Raises:
        ReportError: the text passes :data:`limits.MAX_TEXT_CHARS`.
    """
    from reportdiff.core.sources.pdf_layout import PdfLine, pdfium_page_lines

    try:
        import pypdfium2
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        return None
    pages: list[list[PdfLine]] = []
    chars = 0
    try:
        document = pypdfium2.PdfDocument(str(p))
        try:
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                try:
                    lines = pdfium_page_lines(textpage)
                finally:
                    textpage.close()
                    page.close()
                chars += sum(len(line.text) for line in lines)
                if chars > limits.MAX_TEXT_CHARS:
                    raise limits.too_much_text(name)
                pages.append(lines)
        finally:
            document.close()
    except ReportError:
        raise
    except Exception:  # noqa: BLE001 - PdfiumError and friends: pypdf already opened it
        return None
    return pages


def _check_page_count(reader: Any, name: str) -> None:
    """Refuse a PDF past the page limit, before any page is read."""
    count = len(reader.pages)
    if count > limits.MAX_PDF_PAGES:
        raise ReportError(
            _(
                "{name} has {count:,} pages; the limit is {MAX_PDF_PAGES:,} (a long report has 100)"
            ).format(name=name, count=count, MAX_PDF_PAGES=limits.MAX_PDF_PAGES)
        )


def _pdf_pages(reader: Any, name: str, page_lines: Any) -> list[Any]:
    """Each page's lines (pypdf), refusing a PDF past the page limit (before reading any
    page) or the text limit (as soon as the pages read so far pass it)."""
    _check_page_count(reader, name)
    pages = []
    chars = 0
    for page in reader.pages:
        lines = page_lines(page)
        chars += sum(len(line.text) for line in lines)
        if chars > limits.MAX_TEXT_CHARS:
            raise limits.too_much_text(name)
        pages.append(lines)
    return pages
