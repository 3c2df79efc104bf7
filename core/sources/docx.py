"""A Word document's paragraphs and tables, in document order, read within bounds (a zip
"bomb" or millions of elements are refused before python-docx builds its tree)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.sources import limits
from reportdiff.core.sources.blocks import TextBlock, group_by_spacers, join_blocks
from reportdiff.core.sources.docx_numbering import numbering_of


def read_docx(p: Path, name: str) -> str:
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
                name=name, one_line=limits.one_line(exc)
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
    if unpacked > limits.MAX_DOCX_UNPACKED:
        raise ReportError(
            _(
                "{name} unpacks to {value:,.0f} MB; the limit for a Word document is {value2} MB"
            ).format(
                name=name,
                value=unpacked / 1024 / 1024,
                value2=limits.MAX_DOCX_UNPACKED // 1024 // 1024,
            )
        )
    elements = chars = 0
    in_text = 0

    def start(tag: str, attrs: object) -> None:
        nonlocal elements, in_text
        elements += 1
        if elements > limits.MAX_DOCX_ELEMENTS:
            raise ReportError(
                _(
                    "{name} holds more than {MAX_DOCX_ELEMENTS:,} XML elements; that is not a report (the limit keeps reading it bounded)"
                ).format(name=name, MAX_DOCX_ELEMENTS=limits.MAX_DOCX_ELEMENTS)
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
            if chars > limits.MAX_TEXT_CHARS:
                raise limits.too_much_text(name)

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

    numbering = numbering_of(document)
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_blocks(item)
        else:
            style = getattr(item.style, "name", "") or ""
            text = item.text
            # An auto-numbered paragraph's number is not in its text (一、 drawn by Word).
            label = numbering.label(item)  # counted even when empty, as Word does
            # Word's bulleted and numbered lists use the "List …" paragraph styles.
            yield TextBlock(
                label + text if label and text.strip() else text,
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
