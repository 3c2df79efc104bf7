"""Read a user's document (plain text in any common Chinese encoding, HTML, PDF, DOCX) as text.

:func:`read_document` returns the document's raw text; cleaning and parsing happen later
(:func:`reportdiff.core.text.load.load_text`), the same way for every format. Anything wrong
with the file is a :class:`~reportdiff.core.errors.ReportError` with one line saying what.

Policy on odd characters: text is data. Here, control characters, zero-width characters,
ANSI escape sequences, ``[bold]`` and ``<script>`` in a *text* file are kept exactly as
they are; only line endings are normalised to ``\\n``, a leading BOM is dropped and stray
NUL characters are removed. The cleaner (:func:`reportdiff.core.text.clean.clean_text`) then
drops control and format characters (ESC, zero-width) from the canonical text, so an
escape sequence's printable rest (``[31m``) and all markup stay visible as plain text,
which the TUI shows literally and the exports escape.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import logging
import re
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.sources.blocks import TextBlock, group_by_spacers, join_blocks
from reportdiff.core.sources.html_text import html_to_text

#: Largest text or HTML file read (bytes). A 20 MB "report" is a mistake (a log, a dump,
#: a concatenation); refusing it with a clear message beats a frozen terminal.
MAX_TEXT_BYTES = 10 * 1024 * 1024
#: Largest PDF or DOCX file read (bytes): these carry images, so they may be bigger.
MAX_CONTAINER_BYTES = 100 * 1024 * 1024
#: Most characters of text a document may yield (the same budget as a text file).
MAX_TEXT_CHARS = MAX_TEXT_BYTES
#: Most bytes a DOCX may unpack to, all its parts together. Word keeps a report's text in
#: a few MB of XML; a zip "bomb" (1 MB holding 1 GiB of spaces) is refused from its
#: directory, before anything is unpacked.
MAX_DOCX_UNPACKED = 256 * 1024 * 1024
#: Most XML elements in a DOCX's main document (a 300-page report has about 200,000). Each
#: costs memory once parsed, so they are counted as the XML streams in, before parsing.
MAX_DOCX_ELEMENTS = 2_000_000
#: Most pages of a PDF (a long report has 100). Checked before any page is read.
MAX_PDF_PAGES = 2_000

#: Encodings tried, in order, when none is given (after the BOM and strict UTF-8).
#: cp950 is Microsoft's Big5, a superset of plain Big5 that real files use.
LEGACY_ENCODINGS = ("gb18030", "cp950")
#: Share of non-ASCII characters that must be common Han/punctuation to trust a guess.
MIN_COMMON_SHARE = 0.6
#: How many characters the encoding guess looks at (enough to judge, cheap on big files).
_SCORE_SAMPLE = 200_000

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx",)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Users say gbk or gb2312 (Windows "ANSI" on Chinese systems); gb18030 decodes both and more.
_ENCODING_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "big5": "cp950"}
_HTML_START = re.compile(
    rb"\A(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def read_document(path: str | Path, *, encoding: str | None = None) -> str:
    """Read a text, HTML, PDF or DOCX file and return its text.

    The format comes from the file's content first (``%PDF``, a Word zip, an HTML start
    tag) and its suffix second. Text encodings are detected in the order BOM → strict
    UTF-8 → GB18030 or Big5 (whichever reads as common Chinese), unless ``encoding``
    forces one.

    Args:
        path: The file to read.
        encoding: Force this text encoding (text and HTML files only).

    Returns:
        The document's text with ``\\n`` line endings. A text file is returned as it is.
        HTML (article text only), PDF (text layer, hard-wrapped lines rejoined) and DOCX
        (paragraphs and tables in document order) are laid out like the seeds: blocks
        apart by a blank line, list items and table rows (tab-separated cells) together.

    Raises:
        ReportError: The file is missing, a directory, empty, too large, binary,
            undecodable, a PDF without text layer, or damaged.
    """
    p = Path(path)
    name = _show(p)
    if encoding is not None:
        encoding = _check_encoding(encoding)
    size = _check_file(p, name)
    head = _read_head(p, name)
    suffix = p.suffix.lower()
    if head.startswith(b"%PDF-") or (suffix in PDF_SUFFIXES and not _is_zip(head)):
        _check_size(size, MAX_CONTAINER_BYTES, name)
        text = _read_pdf(p, name)
    elif _is_zip(head) or suffix in DOCX_SUFFIXES:
        _check_size(size, MAX_CONTAINER_BYTES, name)
        text = _read_docx(p, name)
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReportError(
            _(
                "{name} is an old Word (.doc) or Office file, which is not supported; save it as .docx or plain text"
            ).format(name=name)
        )
    else:
        _check_size(size, MAX_TEXT_BYTES, name)
        data = _read_bytes(p, name)
        if suffix in HTML_SUFFIXES or _HTML_START.match(data[:4096].lstrip(codecs.BOM_UTF8)):
            text = html_to_text(_decode(data, name, encoding, html=True))
        else:
            text = _decode(data, name, encoding, html=False)
    text = _normalise(text)
    if len(text) > MAX_TEXT_CHARS:
        raise ReportError(
            _("{name} holds {count:,} characters of text; the limit is {MAX_TEXT_CHARS:,}").format(
                name=name, count=len(text), MAX_TEXT_CHARS=MAX_TEXT_CHARS
            )
        )
    if not text.strip():
        raise ReportError(_("{name} contains no text").format(name=name))
    return text


def _show(p: Path) -> str:
    """The path for a message: as given, but with control characters shown escaped."""
    from reportdiff.core.printable import printable

    return printable(p)


def _check_encoding(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ReportError(
            _("unknown encoding {encoding} (try utf-8, gb18030, big5 or utf-16)").format(
                encoding=repr(encoding)
            )
        ) from None
    return _ENCODING_ALIASES.get(name, name)


def _check_file(p: Path, name: str) -> int:
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ReportError(_("no such file: {name}").format(name=name)) from None
    except NotADirectoryError:
        raise ReportError(
            _("no such file: {name} (a part of the path is not a directory)").format(name=name)
        ) from None
    except OSError as exc:
        raise ReportError(
            _("cannot read {name}: {strerror}").format(name=name, strerror=exc.strerror or exc)
        ) from None
    if p.is_dir():
        raise ReportError(_("{name} is a directory; give a report file").format(name=name))
    if not p.is_file():
        raise ReportError(_("{name} is not a regular file").format(name=name))
    if st.st_size == 0:
        raise ReportError(_("{name} is empty").format(name=name))
    return st.st_size


def _check_size(size: int, limit: int, name: str) -> None:
    if size > limit:
        raise ReportError(
            _("{name} is too large ({value:.1f} MB; the limit is {value2} MB)").format(
                name=name, value=size / 1024 / 1024, value2=limit // 1024 // 1024
            )
        )


def _read_head(p: Path, name: str) -> bytes:
    try:
        with p.open("rb") as fh:
            return fh.read(8)
    except OSError as exc:
        raise ReportError(
            _("cannot read {name}: {strerror}").format(name=name, strerror=exc.strerror or exc)
        ) from None


def _read_bytes(p: Path, name: str) -> bytes:
    try:
        return p.read_bytes()
    except OSError as exc:
        raise ReportError(
            _("cannot read {name}: {strerror}").format(name=name, strerror=exc.strerror or exc)
        ) from None


def _is_zip(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04")


def _normalise(text: str) -> str:
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "")


# ---------------------------------------------------------------- text encodings


def _decode(data: bytes, name: str, encoding: str | None, *, html: bool) -> str:
    """Decode a text or HTML file: forced encoding, BOM, UTF-8, declared charset, guess."""
    if encoding is not None:
        return _decode_forced(data, name, encoding)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _decode_cut(data[len(bom) :], enc)
            except UnicodeDecodeError as exc:
                raise ReportError(
                    _(
                        "{name} starts with a {value} byte-order mark but is not valid {value} (byte {start:,}); is it damaged?"
                    ).format(name=name, value=enc.upper(), start=exc.start)
                ) from None
    if _looks_binary(data):
        order = _utf16_chinese(data)
        if order or _looks_utf16(data):
            hint = order or "utf-16-le (or utf-16-be)"
            raise ReportError(
                _(
                    "{name} looks like UTF-16 without a byte-order mark; pass --encoding {hint}"
                ).format(name=name, hint=hint)
            )
        raise ReportError(
            _("{name} is a binary file, not text (it contains NUL bytes)").format(name=name)
        )
    try:
        # Before a page's declared charset: pages re-saved as UTF-8 keep their old
        # <meta charset=gb2312>, and UTF-8 bytes decode as GB18030 without error (into nonsense).
        return _decode_cut(data, "utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            with contextlib.suppress(UnicodeDecodeError):
                return data.decode(declared)
    best = _guess_legacy(data) or _mostly_utf8(data)
    if best is None:
        raise ReportError(
            _(
                "cannot read {name}: it is not text in UTF-8, UTF-16, GB18030/GBK or Big5 (a binary file?); if you know its encoding, pass --encoding"
            ).format(name=name)
        )
    return best


def _decode_cut(data: bytes, encoding: str) -> str:
    """Decode strictly, but forgive a character cut off at the very end of the file.

    Files cut at a byte limit (a download, a ``head -c``) end inside a multi-byte
    character; that last partial character is dropped rather than the whole file refused.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.end < len(data) or len(data) - exc.start > 3:
            raise
        return data[: exc.start].decode(encoding)


#: Most bad bytes per 1,000 that a UTF-8 file may have and still be read (as U+FFFD).
MAX_BAD_UTF8_PER_MILLE = 1


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (shown as U+FFFD), or None if more is wrong.

    A copy-paste or a disk error can spoil a byte or two of an otherwise good file; such
    a file is worth reading. Anything worse is not UTF-8 at all.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return text if bad <= max(1, len(data) * MAX_BAD_UTF8_PER_MILLE // 1000) else None


def _decode_forced(data: bytes, name: str, encoding: str) -> str:
    if encoding.startswith("utf-8"):
        data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReportError(
            _(
                "{name} cannot be decoded as {encoding} (bad byte at offset {start:,}); try another --encoding, or leave it out to detect the encoding"
            ).format(name=name, encoding=encoding, start=exc.start)
        ) from None


def _looks_binary(data: bytes) -> bool:
    # git's rule: a NUL in the first 8 KB means binary (UTF-16/32 were caught by their BOM).
    return b"\x00" in data[:8192]


def _looks_utf16(data: bytes) -> bool:
    """Whether NULs sit on every other byte, as ASCII-heavy UTF-16 text has them."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > len(sample) // 8 and min(even, odd) == 0


def _utf16_chinese(data: bytes) -> str | None:
    """The UTF-16 byte order (``utf-16-le``/``-be``) that reads ``data`` as common Chinese.

    Chinese in UTF-16 has NUL bytes only beside its ASCII (digits, line breaks), too few
    for :func:`_looks_utf16`; but decoded in the right byte order it is common Han
    characters and punctuation, in the wrong one rare characters and unassigned points.
    """
    sample = data[:8192]
    sample = sample[: len(sample) // 2 * 2]
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        if _common_share(text, "gb18030") >= MIN_COMMON_SHARE:
            return enc
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _ENCODING_ALIASES.get(name, name)


def _guess_legacy(data: bytes) -> str | None:
    """Decode with GB18030 or Big5, whichever reads as common Chinese; None if neither does.

    Both decoders accept most byte strings — GB18030 reads Big5 bytes as rare characters
    and private-use symbols, Big5 reads GBK bytes as a jumble of traditional characters —
    so a strict decode proves little. Real text, though, is made almost entirely of common
    characters: the 3,755 of GB2312 level 1 for simplified text, the 5,401 of Big5's
    常用字 for traditional text. A wrong decoding scores about half that.
    """
    best: tuple[float, str] | None = None
    for enc in LEGACY_ENCODINGS:
        try:
            text = _decode_cut(data, enc)
        except UnicodeDecodeError:
            continue
        score = _common_share(text, enc)
        if score >= MIN_COMMON_SHARE and (best is None or score > best[0]):
            best = (score, text)
    return None if best is None else best[1]


def _common_share(text: str, enc: str) -> float:
    """Share of the non-ASCII characters in (a sample of) ``text`` that are common ones."""
    common = _common_chars(enc)
    total = hits = 0
    for ch in text[:_SCORE_SAMPLE]:
        if ch < "\x80":
            continue
        total += 1
        if ch in common:
            hits += 1
    return 1.0 if total == 0 else hits / total


@functools.cache
def _common_chars(enc: str) -> frozenset[str]:
    """Common Han characters of an encoding's script, plus CJK and full-width punctuation.

    Derived from the codecs themselves (GB2312 level 1 rows 0xB0–0xD7; Big5 0xA440–0xC67E),
    so no table has to ship with the package.
    """
    if enc == "gb18030":
        raw = bytes(b for lead in range(0xB0, 0xD8) for t in range(0xA1, 0xFF) for b in (lead, t))
        han = raw.decode("gb2312", errors="ignore")
    else:
        trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
        raw = bytes(b for lead in range(0xA4, 0xC7) for t in trails for b in (lead, t))
        han = raw.decode("big5", errors="ignore")
    punct = "".join(chr(c) for c in range(0x3000, 0x3020))  # 、。〈〉《》「」『』【】〔〕 …
    punct += "".join(chr(c) for c in range(0xFF01, 0xFF5F))  # ，（）：；？！ full-width ASCII
    punct += "‘’“”…—–·•●○■□▲△◆◇▶►★☆※°±×÷≤≥√％‰№"
    punct += "\u00a0\u00b7\u2022\u2014\u2018\u2019\u201c\u201d\u2026\u2030"
    return frozenset(han + punct)


# ---------------------------------------------------------------- PDF


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


def _read_pdf(p: Path, name: str) -> str:
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
            if pages is None or not any(pages) or _looks_garbled(layout(pages)):
                pages = _pdf_pages(reader, name, page_lines)
            else:
                return layout(drop_page_furniture(pages))
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
                    name=name, one_line=_one_line(exc)
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
    sample = [c for c in text[:_SCORE_SAMPLE] if not c.isspace()]
    if not sample:
        return False
    import unicodedata

    bad = sum(1 for c in sample if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cc", "Cn"))
    if bad > len(sample) * MAX_GARBLED_SHARE:
        return True
    if sum(1 for c in sample if c >= "\x80") < 20:
        return False
    joined = "".join(sample)
    return max(_common_share(joined, "gb18030"), _common_share(joined, "cp950")) < MIN_COMMON_SHARE


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
        ReportError: the text passes :data:`MAX_TEXT_CHARS`.
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
                if chars > MAX_TEXT_CHARS:
                    raise ReportError(
                        _(
                            "{name} holds more than {MAX_TEXT_CHARS:,} characters of text; the limit is {MAX_TEXT_CHARS:,}"
                        ).format(name=name, MAX_TEXT_CHARS=MAX_TEXT_CHARS)
                    )
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
    if count > MAX_PDF_PAGES:
        raise ReportError(
            _(
                "{name} has {count:,} pages; the limit is {MAX_PDF_PAGES:,} (a long report has 100)"
            ).format(name=name, count=count, MAX_PDF_PAGES=MAX_PDF_PAGES)
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
        if chars > MAX_TEXT_CHARS:
            raise ReportError(
                _(
                    "{name} holds more than {MAX_TEXT_CHARS:,} characters of text; the limit is {MAX_TEXT_CHARS:,}"
                ).format(name=name, MAX_TEXT_CHARS=MAX_TEXT_CHARS)
            )
        pages.append(lines)
    return pages


def _one_line(exc: BaseException) -> str:
    from reportdiff.core.printable import printable

    # A library's message may quote the file's bytes (NUL, ESC): shown escaped.
    text = printable(" ".join(str(exc).split())) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"


# ---------------------------------------------------------------- DOCX


def _read_docx(p: Path, name: str) -> str:
    """Paragraphs and tables of a Word document, in document order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(p) as zf:
            if "word/document.xml" not in zf.namelist():
                raise ReportError(
                    _(
                        "{name} is a zip archive but not a Word document (.docx); give a text, HTML, PDF or DOCX file"
                    ).format(name=name)
                )
            _check_docx_bounds(zf, name)
        document = docx.Document(str(p))
        blocks = group_by_spacers(list(_docx_blocks(document)))
    except ReportError:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError):
        raise ReportError(
            _("{name} is not a readable Word document (truncated or damaged)").format(name=name)
        ) from None
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many types on bad XML
        raise ReportError(
            _("{name} is not a readable Word document (damaged: {one_line})").format(
                name=name, one_line=_one_line(exc)
            )
        ) from None
    return join_blocks(blocks)


def _check_docx_bounds(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse a DOCX too big to parse, reading its main XML as a stream (constant memory).

    python-docx loads every part and builds a tree of the whole document, so a small file
    that unpacks to gigabytes (or to millions of paragraphs) would take minutes and
    gigabytes before any limit on its text could be checked. Here the zip directory bounds
    the unpacked size (zipfile never reads past a member's declared size), and an expat
    pass counts elements and text characters as the XML is inflated, stopping at a limit.
    """
    import xml.parsers.expat

    unpacked = sum(info.file_size for info in zf.infolist())
    if unpacked > MAX_DOCX_UNPACKED:
        raise ReportError(
            _(
                "{name} unpacks to {value:,.0f} MB; the limit for a Word document is {value2} MB"
            ).format(
                name=name, value=unpacked / 1024 / 1024, value2=MAX_DOCX_UNPACKED // 1024 // 1024
            )
        )
    elements = chars = 0
    in_text = 0

    def start(tag: str, attrs: object) -> None:
        nonlocal elements, in_text
        elements += 1
        if elements > MAX_DOCX_ELEMENTS:
            raise ReportError(
                _(
                    "{name} holds more than {MAX_DOCX_ELEMENTS:,} XML elements; that is not a report (the limit keeps reading it bounded)"
                ).format(name=name, MAX_DOCX_ELEMENTS=MAX_DOCX_ELEMENTS)
            )
        if tag.endswith("}t"):
            in_text += 1

    def end(tag: str) -> None:
        nonlocal in_text
        if tag.endswith("}t"):
            in_text -= 1

    def text(data: str) -> None:
        nonlocal chars
        if in_text:
            chars += len(data)
            if chars > MAX_TEXT_CHARS:
                raise ReportError(
                    _(
                        "{name} holds more than {MAX_TEXT_CHARS:,} characters of text; the limit is {MAX_TEXT_CHARS:,}"
                    ).format(name=name, MAX_TEXT_CHARS=MAX_TEXT_CHARS)
                )

    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    with zf.open("word/document.xml") as fh:
        while chunk := fh.read(1024 * 1024):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)


def _docx_blocks(document: Any) -> Iterator[TextBlock]:
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_blocks(item)
        else:
            style = getattr(item.style, "name", "") or ""
            # Word's bulleted and numbered lists use the "List …" paragraph styles.
            yield TextBlock(
                item.text,
                item=style.startswith("List"),
                heading=style.startswith(("Heading", "Title")),
            )


def _table_blocks(table: Any) -> Iterator[TextBlock]:
    """One tight block per table row, cells separated by a tab (as Word copies a table)."""
    first = True
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # A merged cell appears once per grid column it spans; print it once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(par.text.strip() for par in cell.paragraphs if par.text.strip())
            nested = [b.text for inner in cell.tables for b in _table_blocks(inner)]
            cells.append(" ".join([text, *nested]).strip())
        if any(cells):
            yield TextBlock("\t".join(cells), item=True, new_group=first)
            first = False
