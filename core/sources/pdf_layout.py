"""Lay out a PDF's text layer as paragraphs: rejoin hard-wrapped lines, keep real breaks.

A PDF stores each printed line on its own (坚持以习近平新时代中国特色社会主义思 / 想为指导).
Where pypdf tells each line's position, a paragraph starts after a larger gap than the
line spacing or at an indented line (首行缩进); inside a paragraph a full-width line always
wraps onto the next. Without positions, a full-width line that does not end a sentence
wraps; that guess splits a paragraph whose sentence ends exactly at the right margin.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any

from reportdiff.core.sources.blocks import TextBlock, join_blocks

#: Characters that end a line on purpose (a paragraph or list item ends there).
_LINE_ENDERS = frozenset("。！？；：…!?;:")
_CLOSERS = "”’」』）)】》"
# A line that starts a list item or a heading never continues the previous line.
_STARTS_ITEM = re.compile(
    r"(?:[-•●▶◆■□▪*]\s|[▶◆●•■]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]\D)"
)
# A bullet opens a list item wherever it stands; a number (（三）, 1.) may be a sentence's
# own enumeration wrapped to the start of a line.
_STARTS_BULLET = re.compile(r"[-•●▶◆■□▪*]\s|[▶◆●•■]")
#: A line at least this share of the full text width fills the line (it wraps).
FULL_LINE = 0.85
#: A gap this many times the usual line spacing separates paragraphs.
PARAGRAPH_GAP = 1.3
#: A line starting this many font sizes right of the margin is indented (a new paragraph).
INDENT = 1.5
#: A line starting this many font sizes right of the margin is centred (or set right), not
#: indented: a title or a date line, whose wrapped rest is centred too.
CENTRED = 4.0


@dataclass(frozen=True)
class PdfLine:
    """One printed line of a page, with its position when pypdf reports it."""

    text: str
    """The line's text, stripped."""
    x: float | None = None
    """Left edge of the line in PDF user space (None when unknown)."""
    y: float | None = None
    """Baseline of the line in PDF user space; larger is higher on the page."""
    size: float = 0.0
    """Font size in user space units (0 when unknown)."""
    font: float = 0.0
    """The font size the PDF declares (0 when unknown), to tell type apart: PDFium's
    character boxes (``size``) vary with the glyphs, the declared size does not."""


def page_lines(page: Any) -> list[PdfLine]:
    """The lines of a pypdf page, with positions if they agree with the extracted text."""
    runs: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        # The text matrix's translation, mapped to user space by the current matrix.
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        runs.append((text, x, y, (size or 0.0) * scale))

    text = page.extract_text(visitor_text=visit) or ""
    plain = [PdfLine(line.strip()) for line in text.splitlines() if line.strip()]
    placed = _lines_from_runs(runs)
    # Use positions only when they describe the same text (rotated pages, Type 3 fonts and
    # odd producers can make the visitor's runs disagree with extract_text).
    if placed and "".join(p.text for p in placed).replace(" ", "") == "".join(
        p.text for p in plain
    ).replace(" ", ""):
        return placed
    return plain


def pdfium_page_lines(textpage: Any) -> list[PdfLine]:
    """The lines of a PDFium text page, placed by their characters' boxes.

    PDFium keeps a justified line's characters together (pypdf puts a space wherever
    justification widened a gap: 得 到 控 制 ；) and splits ligatures (ﬁ → fi). A line's left
    edge is its first character's, its baseline the median bottom of its characters, its
    size the median character height (close to the font size for Han text).
    """
    text = textpage.get_text_range()
    count = textpage.count_chars()
    lines: list[PdfLine] = []
    placed = len(text) == count
    start = 0
    for piece in re.split(r"(\r\n|\r|\n)", text):
        end = start + len(piece)
        stripped = piece.strip()
        if stripped and not piece.startswith(("\r", "\n")):
            if not placed:
                lines.append(PdfLine(stripped))
            else:
                chars = [i for i in range(start, end) if not text[i].isspace()]
                boxes = [textpage.get_charbox(i) for i in chars]
                lines.append(
                    PdfLine(
                        stripped,
                        min(b[0] for b in boxes),
                        median(b[1] for b in boxes),
                        median(b[3] - b[1] for b in boxes),
                        median(_declared_size(textpage, i) for i in chars),
                    )
                )
        start = end
    return lines


def _declared_size(textpage: Any, index: int) -> float:
    """The font size PDFium reports for a character (0 if it cannot say)."""
    try:
        import pypdfium2.raw as pdfium_c

        return float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
    except (ImportError, AttributeError):  # pragma: no cover - an older or odd build
        return 0.0


def _lines_from_runs(runs: list[tuple[str, float, float, float]]) -> list[PdfLine]:
    lines: list[PdfLine] = []
    parts: list[str] = []
    x = y = size = 0.0
    for text, rx, ry, rsize in runs:
        if not text.strip():
            continue
        tolerance = max(size, rsize, 1.0) * 0.5
        if parts and abs(ry - y) <= tolerance:
            parts.append(text)
            x = min(x, rx)
            continue
        if parts:
            lines.append(PdfLine("".join(parts).replace("\n", "").strip(), x, y, size))
        parts, x, y, size = [text], rx, ry, rsize
    if parts:
        lines.append(PdfLine("".join(parts).replace("\n", "").strip(), x, y, size))
    return [line for line in lines if line.text]


#: A line found at the same place, with the same words, on at least this share of the
#: pages is a running header or footer (the title, a date, a URL, "page n of m").
RUNNING_SHARE = 0.5
#: How many lines at the top and at the bottom of a page can be running furniture.
RUNNING_BAND = 3
#: How many leading characters (digits folded) identify a running line.
RUNNING_PREFIX = 12
_DIGITS = re.compile(r"[0-9０-９]+")
_PAGE_NUMBER = re.compile(
    r"(?:[-－—–]\s*[0-9０-９]{1,4}\s*[-－—–]|第\s*[0-9０-９]{1,4}\s*页(?:\s*[/，,]?\s*共\s*[0-9０-９]{1,4}\s*页)?"
    r"|[0-9０-９]{1,4}(?:\s*[/／]\s*[0-9０-９]{1,4})?|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)",
    re.IGNORECASE,
)
"""A page number alone on a line: 3, - 3 -, 第 3 页, 第3页 共20页, 3/20, Page 3 of 20."""


def drop_page_furniture(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """Take the printed headers, footers and page numbers off every page.

    Two rules, the same for any PDF: a line among the top or bottom lines of a page that
    repeats, place and beginning, on most pages (digits aside: the page number changes) is a
    running header or footer — a browser's date, title and file URL, an office's running
    title; and a page number alone on a line at the top or bottom of a page goes. Body text
    never repeats at one place page after page, and never is a bare number at a page's edge.
    """
    bands = [_band(page) for page in pages]
    seen: dict[tuple[int | None, str], set[int]] = {}
    for number, (page, band) in enumerate(zip(pages, bands, strict=True)):
        for i in band:
            seen.setdefault(_running_key(page[i]), set()).add(number)
    needed = max(2, -(-len(pages) * RUNNING_SHARE // 1))
    running = {key for key, on in seen.items() if len(on) >= needed}
    out = []
    for page, band in zip(pages, bands, strict=True):
        drop = {
            i
            for i in band
            if _running_key(page[i]) in running
            or _PAGE_NUMBER.fullmatch(page[i].text.replace(" ", "")) is not None
        }
        out.append([line for i, line in enumerate(page) if i not in drop])
    return out


def _band(page: list[PdfLine]) -> set[int]:
    """The indices of a page's top and bottom lines (by position, else by order)."""
    order = list(range(len(page)))
    if page and all(line.y is not None for line in page):
        order.sort(key=lambda i: -page[i].y)  # type: ignore[operator]
    return {*order[:RUNNING_BAND], *order[-RUNNING_BAND:]}


def _running_key(line: PdfLine) -> tuple[int | None, str]:
    """Where a line stands on its page (None without positions) and how it begins."""
    place = None if line.y is None else round(line.y)
    # Its beginning only: a running line too long for the page is cut to fit, and where
    # the page number grows (9/15 → 10/15) a browser cuts the file URL shorter.
    return place, _DIGITS.sub("#", line.text.replace(" ", ""))[:RUNNING_PREFIX]


def layout(pages: list[list[PdfLine]]) -> str:
    """Join the pages' lines into text: paragraphs a blank line apart, list items together.

    Only line breaks change; a reader takes the running headers, footers and page numbers
    off first (:func:`drop_page_furniture`).
    """
    widths = sorted(_width(line.text) for page in pages for line in page)
    if not widths:
        return ""
    # The 90th percentile, not the maximum: one overlong line (a URL, a table row) must
    # not make every normal line look short.
    full = widths[min(len(widths) - 1, int(len(widths) * 0.9))] * FULL_LINE
    # A document that marks its paragraphs by indent or spacing marks them on every page:
    # a page without a mark is the middle of one long paragraph, not a page of guesses.
    left = _margin(pages)
    leadings = _leadings(pages)
    marked = any(
        _paragraph_starts(page, left=left, leadings=leadings) is not None for page in pages
    )
    # Across a page break only an indent shows: spacing before a paragraph is lost there.
    indents = marked and _marks_by_indent(pages, full, left)
    blocks: list[list[str]] = []
    last = ""
    last_line: PdfLine | None = None
    for page in pages:
        page_blocks = _page_blocks(page, full, marked, left, leadings)
        if (
            page_blocks
            and blocks
            and _wraps(last, page[0].text, full, indents and page[0].x is not None)
            and not _indented(page, 0, left)
            and not (last_line is not None and _new_size(last_line, page[0]))
            # A page break hides the spacing before a heading: an item or heading opens it,
            # unless it goes on with the numbered items running in the paragraph above.
            and (
                not _STARTS_ITEM.match(page[0].text)
                or _continues_inline_items(blocks[-1][-1], page[0].text)
            )
        ):
            # A paragraph running over the page break.
            blocks[-1][-1] = _join(blocks[-1][-1], page_blocks[0][0])
            blocks[-1].extend(page_blocks[0][1:])
            page_blocks = page_blocks[1:]
        blocks.extend(page_blocks)
        # Whether a paragraph runs on is decided by the last *printed* line, not by the
        # paragraph so far (a heading's short second line 农业增产 ends it).
        last = page[-1].text if page else last
        last_line = page[-1] if page else last_line
    return join_blocks([TextBlock("\n".join(block)) for block in blocks])


#: Least share of a document's lines that start at an x for it to be the left margin (a
#: stray line further left, a table or a hanging mark, is no margin).
MARGIN_SHARE = 0.02


def _margin(pages: list[list[PdfLine]]) -> float | None:
    """The document's left margin: the leftmost x where a fair share of its lines start.

    Judged over the whole document, not page by page: on a page of short items, each
    indented like a paragraph, no line reaches the margin, yet every one is indented.
    """
    xs = [round(line.x) for page in pages for line in page if line.x is not None]
    if not xs:
        return None
    counts = Counter(xs)
    need = max(2, len(xs) * MARGIN_SHARE)
    margins = [x for x, n in counts.items() if n >= need]
    return float(min(margins)) if margins else None


def _marks_by_indent(pages: list[list[PdfLine]], full: float, left: float | None) -> bool:
    """Whether the document opens its paragraphs with an indent (首行缩进): most lines
    after a short line (a paragraph's last) are indented, on the same page."""
    after_short = indented = 0
    for page in pages:
        for i in range(1, len(page)):
            if _width(page[i - 1].text) < full:
                after_short += 1
                indented += _indented(page, i, left)
    return after_short > 0 and indented >= after_short / 2


def _page_blocks(
    lines: list[PdfLine],
    full: float,
    marked: bool,
    left: float | None,
    leadings: dict[int, float] | None = None,
) -> list[list[str]]:
    """Group a page's lines into blocks (each a list of output lines); ``marked``: the
    document marks paragraphs by position, so a page without a mark is one paragraph."""
    starts = _paragraph_starts(lines, marked, left, leadings)
    positioned = starts is not None
    blocks: list[list[str]] = []
    for i, line in enumerate(lines):
        # Judged on the line printed above (not the paragraph joined so far): a short line
        # ends its paragraph however long the paragraph is.
        above = lines[i - 1].text if i else ""
        if (
            blocks
            and _wraps(above, line.text, full, positioned)
            and not (starts is not None and starts[i] and not _centred_wrap(lines, i, full, left))
        ):
            blocks[-1][-1] = _join(blocks[-1][-1], line.text)
        elif (
            blocks
            and starts is not None
            and not starts[i]
            and not _STARTS_ITEM.match(line.text)
            and not _STARTS_ITEM.match(above)
        ):
            # Same paragraph by position, but the line above ends short: a line break
            # the author made (an outline of short items). Not under a numbered line
            # ((四)关心群众生活…, a heading set close above its paragraph).
            blocks[-1].append(line.text)
        else:
            blocks.append([line.text])
    return blocks


def _paragraph_starts(
    lines: list[PdfLine],
    marked: bool = False,
    left: float | None = None,
    leadings: dict[int, float] | None = None,
) -> list[bool] | None:
    """Which lines open a paragraph, judged by spacing and indent; None without positions.

    None also when the page shows no paragraph spacing and no indent at all and the
    document is not ``marked`` (by position elsewhere): then the text must decide.
    The line spacing is the page's, or the document's for the type size (``leadings``) where
    that is tighter: a page of many one-line paragraphs has the paragraph gap as its most
    common gap.
    """
    if len(lines) < 2 or any(line.x is None or line.y is None for line in lines):
        return None
    gaps = [
        prev.y - line.y  # type: ignore[operator]
        for prev, line in pairwise(lines)
        if 0 < prev.y - line.y < 3 * max(line.size, 1.0)  # type: ignore[operator]
    ]
    if not gaps:
        return None
    page_leading = median(gaps)
    starts = [True]
    for i, (prev, line) in enumerate(pairwise(lines), 1):
        gap = prev.y - line.y  # type: ignore[operator]
        indent = _indented(lines, i, left)
        # Either line's type can set the spacing (a small pager line under the text).
        sizes = (round(prev.size), round(line.size))
        leading = min([page_leading, *((leadings or {}).get(size, page_leading) for size in sizes)])
        starts.append(gap <= 0 or gap > PARAGRAPH_GAP * leading or indent or _new_size(prev, line))
    return starts if marked or any(starts[1:]) else None


def _leadings(pages: list[list[PdfLine]]) -> dict[int, float]:
    """The document's line spacing for each type size: the median gap between two lines
    of that size on one page (most lines of a report are wrapped lines of a paragraph)."""
    gaps: dict[int, list[float]] = {}
    for page in pages:
        for prev, line in pairwise(page):
            if prev.y is None or line.y is None or round(prev.size) != round(line.size):
                continue
            gap = prev.y - line.y
            if 0 < gap < 3 * max(line.size, 1.0):
                gaps.setdefault(round(line.size), []).append(gap)
    return {size: median(found) for size, found in gaps.items()}


#: Font sizes further apart than this share are different type (a heading over its text).
SIZE_CHANGE = 0.1


def _new_size(prev: PdfLine, line: PdfLine) -> bool:
    """Whether ``line`` is set in another size than ``prev``: a wrapped paragraph keeps its
    type, a heading set larger (一、改革开放和现代化建设取得伟大成就的五年) does not run on."""
    a, b = prev.font or prev.size, line.font or line.size
    if a <= 0 or b <= 0:
        return False
    return abs(a - b) > SIZE_CHANGE * max(a, b)


def _centred_wrap(lines: list[PdfLine], i: int, full: float, left: float | None) -> bool:
    """Whether line ``i`` is the rest of a centred line that wrapped: far right of the
    margin (centred, more than an indent), under a line that fills the width without
    ending a sentence (——2004年3月5日在第十届全国人民代表大会第二次会 / 议上)."""
    return (
        i > 0
        and _offset(lines, i, left) > CENTRED * max(lines[i].size, 1.0)
        and _width(lines[i - 1].text) >= full
        and not _ends_sentence(lines[i - 1].text)
    )


def _offset(lines: list[PdfLine], i: int, left: float | None) -> float:
    """How far right of the left margin (the document's, else the page's) line ``i``
    starts; 0 without positions."""
    if any(line.x is None for line in lines):
        return 0.0
    if left is None:
        left = min(line.x for line in lines)  # type: ignore[type-var]
    return max(0.0, lines[i].x - left)  # type: ignore[operator]


def _indented(lines: list[PdfLine], i: int, left: float | None) -> bool:
    """Whether line ``i`` starts right of the page's left margin (an indent or centred),
    so that it cannot continue the line before it; False without positions."""
    return _offset(lines, i, left) > INDENT * max(lines[i].size, 1.0)


def _wraps(line: str, nxt: str, full: float, positioned: bool) -> bool:
    """Whether ``line`` continues on ``nxt``: it fills the width, and ``nxt`` starts no item.

    With positions the two lines are known to be in one paragraph (no indent, no gap), so
    a full line always wraps, even onto a line that opens with a number (a paragraph's
    （三）要经过努力… wrapped to the margin), but not onto a bullet; without, a full line that ends a sentence is
    taken as the paragraph's end.
    """
    if _width(line) < full or _STARTS_BULLET.match(nxt):
        return False
    return positioned or not (_STARTS_ITEM.match(nxt) or _ends_sentence(line))


_DIGIT_ITEM = re.compile(r"([（(])([0-9０-９]{1,2})([)）])")


def _continues_inline_items(paragraph: str, line: str) -> bool:
    """Whether ``line`` opens with item (n) where ``paragraph`` runs items (n-1) inside its
    text (…措施：（１）…（２）…（３）… wrapped so that （４） opens the next page)."""
    m = _DIGIT_ITEM.match(line)
    if m is None:
        return False
    n = int(unicodedata.normalize("NFKC", m.group(2)))
    for prev in _DIGIT_ITEM.finditer(paragraph):
        if prev.start() > 0 and int(unicodedata.normalize("NFKC", prev.group(2))) == n - 1:
            return prev.group(1) == m.group(1) and prev.group(3) == m.group(3)
    return False


def _join(line: str, nxt: str) -> str:
    # Latin words on both sides of the break were separated by a space; Han text was not,
    # nor a number that a CJK line broke between its digits (3 / 69家, 202 / 5万元).
    a, b = line[-1:], nxt[:1]
    latin = a.isascii() and b.isascii() and a.isalnum() and b.isalnum()
    sep = " " if latin and not (a.isdigit() and b.isdigit()) else ""
    return line + sep + nxt


def _ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence: 。 or the like, perhaps inside a closing quote (。”)."""
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _LINE_ENDERS


def _width(line: str) -> int:
    """Display width: Han and full-width characters count 2, others 1.

    East Asian "ambiguous" characters (“ ” ‘ ’ — … ·) are wide too: a Chinese font prints
    them a full character wide (“三条保障线”，２０ fills a line as the Han text does).
    """
    return sum(
        2 if ord(ch) >= 0x2E80 or unicodedata.east_asian_width(ch) == "A" else 1 for ch in line
    )
