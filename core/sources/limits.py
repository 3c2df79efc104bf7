"""How much of a document is read: the bounds every reader of a format keeps.

The readers look these up on this module when they run (``limits.MAX_TEXT_CHARS``), so a
test can lower a limit in one place.
"""

from __future__ import annotations

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _

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


def too_much_text(name: str) -> ReportError:
    """The error for a document whose pages or paragraphs, read so far, pass
    :data:`MAX_TEXT_CHARS` (raised as soon as they do, not after reading the rest)."""
    return ReportError(
        _(
            "{name} holds more than {MAX_TEXT_CHARS:,} characters of text; the limit is {MAX_TEXT_CHARS:,}"
        ).format(name=name, MAX_TEXT_CHARS=MAX_TEXT_CHARS)
    )


def one_line(exc: BaseException) -> str:
    """A library's error message on one short line, for a "damaged file" message."""
    from reportdiff.core.printable import printable

    # A library's message may quote the file's bytes (NUL, ESC): shown escaped.
    text = printable(" ".join(str(exc).split())) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"
