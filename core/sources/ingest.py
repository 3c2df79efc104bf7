"""Read a user's document (plain text in any common Chinese encoding, HTML, PDF, DOCX) as text.

:func:`read_document` returns the document's raw text; cleaning and parsing happen later
(:func:`reportdiff.core.text.load.load_text`), the same way for every format. Anything wrong
with the file is a :class:`~reportdiff.core.errors.ReportError` with one line saying what.

The formats' readers are beside it: :mod:`encoding` (text files), :mod:`html_text`,
:mod:`pdf` and :mod:`pdf_layout`, :mod:`docx`; their bounds are in :mod:`limits`.

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
import re
from pathlib import Path

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.sources import limits
from reportdiff.core.sources.docx import read_docx
from reportdiff.core.sources.encoding import check_encoding, decode
from reportdiff.core.sources.html_text import html_to_text
from reportdiff.core.sources.limits import MAX_CONTAINER_BYTES, MAX_TEXT_BYTES
from reportdiff.core.sources.pdf import read_pdf

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx",)

_HTML_START = re.compile(
    rb"\A(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)


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
        encoding = check_encoding(encoding)
    size = _check_file(p, name)
    head = _read_head(p, name)
    suffix = p.suffix.lower()
    if head.startswith(b"%PDF-") or (suffix in PDF_SUFFIXES and not _is_zip(head)):
        _check_size(size, MAX_CONTAINER_BYTES, name)
        text = read_pdf(p, name)
    elif _is_zip(head) or suffix in DOCX_SUFFIXES:
        _check_size(size, MAX_CONTAINER_BYTES, name)
        text = read_docx(p, name)
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
            text = html_to_text(decode(data, name, encoding, html=True))
        else:
            text = decode(data, name, encoding, html=False)
    text = _normalise(text)
    if len(text) > limits.MAX_TEXT_CHARS:
        raise ReportError(
            _("{name} holds {count:,} characters of text; the limit is {MAX_TEXT_CHARS:,}").format(
                name=name, count=len(text), MAX_TEXT_CHARS=limits.MAX_TEXT_CHARS
            )
        )
    if not text.strip():
        raise ReportError(_("{name} contains no text").format(name=name))
    return text


def _show(p: Path) -> str:
    """The path for a message: as given, but with control characters shown escaped."""
    from reportdiff.core.printable import printable

    return printable(p)


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
