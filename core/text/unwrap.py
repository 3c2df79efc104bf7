"""Undo PDF text extraction: hard wraps, page breaks, footnotes and bullet tables (seed 001).

PDF extraction prints each printed line as its own line with blank lines between them,
a page's first line with a leading space, footnote reference numbers alone on a line and
the footnote bodies pasted where the page ended. These passes rebuild paragraphs from
that, move the footnote bodies out, and turn ``表 N`` tables into highlight blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportdiff.core.text.headings import (
    BULLET,
    DATE_LINE_RE,
    LEAD_RE,
    PART_RE,
    SECTION_RE,
    ends_sentence,
    match_heading,
)

Block = list[str]

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""Footnote markers become superscripts so number extraction never reads them."""

PAGE_NUMBER_RE = re.compile(r"^\s*[-－—]\s*\d{1,3}\s*[-－—]\s*$")
MARKER_RE = re.compile(r"^\s*(\d{1,2})\s*$")
NOTE_BODY_RE = re.compile(r"^(\d{1,2})\s+(\S.*)$")
CAPTION_RE = re.compile(r"^表\s*\d+\s+\S")
TABLE_BULLETS = "●•▪■◆"
CONNECTIVES = ("同时", "此外", "另外", "总之", "为此", "因此", "其中", "综上", "据此", "总体上")
"""Sentence openers followed by a comma (同时，…): running text again, not a table cell."""
CONNECTIVE_RE = re.compile(r"^(?:" + "|".join(CONNECTIVES) + r")[，,]")
LABEL_MAX = 6


def looks_like_pdf(lines: list[str]) -> bool:
    """Whether ``lines`` look like PDF extraction: most lines are full-width wrapped pieces.

    A hard-wrapped piece fills the printed line (near the common full width) and ends
    mid-sentence. Cleaned text has paragraphs of every length on one line each, so few
    of its lines sit at one width without ending a sentence; it is never taken for a
    PDF again, which keeps cleaning idempotent.
    """
    texts = [ln.strip() for ln in lines if ln.strip()]
    if len(texts) < 20:
        return False
    widths = sorted(_width(t) for t in texts)
    full = widths[int(len(widths) * 0.8)]
    if not 15 <= full <= 50:
        return False
    pieces = sum(
        1
        for t in texts
        if 0.85 * full <= _width(t) <= 1.1 * full
        and not ends_sentence(t)
        and match_heading(t) is None
        and not t.startswith(BULLET)
    )
    return pieces / len(texts) > 0.4


_NARROW_RE = re.compile("[\x00-\u2e7f]")


def _width(text: str) -> float:
    """Printed width: CJK and full-width characters count 1, ASCII 0.5."""
    t = text.strip()
    narrow = len(_NARROW_RE.findall(t))
    # The sum of halves and ones character by character, counted in C: exact either way.
    return float(len(t) - narrow) + 0.5 * narrow


def join_pieces(a: str, b: str) -> str:
    """Join two pieces of one line or sentence; a space only between two Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return f"{a} {b}"
    return a + b


@dataclass
class _Footnotes:
    """Footnote bookkeeping while scanning: markers seen, bodies collected."""

    next_marker: int = 1
    seen: set[int] = field(default_factory=set)
    bodies: dict[int, str] = field(default_factory=dict)


def extract_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """Turn marker lines into superscripts and take footnote bodies out of the text.

    Footnotes are numbered 1, 2, 3… in reading order, so a number alone on a line is a
    marker only when it is the next expected one (the ``15`` of a table row is not), and
    ``N text`` starts a body only when marker N was seen and its body was not. A body runs
    until the next page begins (a line starting with a space, or a page number).

    Returns the remaining lines and the notes as ``¹ text`` paragraphs in number order.
    """
    notes = _Footnotes()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = MARKER_RE.match(line)
        if m and int(m.group(1)) == notes.next_marker:
            notes.seen.add(notes.next_marker)
            out.append("\x00" + m.group(1).translate(SUPERSCRIPT))
            notes.next_marker += 1
            i += 1
            continue
        b = NOTE_BODY_RE.match(line)
        if b and int(b.group(1)) in notes.seen and int(b.group(1)) not in notes.bodies:
            i = _collect_body(lines, i, notes)
            continue
        out.append(line)
        i += 1
    texts = [f"{n}".translate(SUPERSCRIPT) + " " + notes.bodies[n] for n in sorted(notes.bodies)]
    return out, texts


def _collect_body(lines: list[str], i: int, notes: _Footnotes) -> int:
    """Collect the footnote body starting at ``lines[i]``; return the index after it."""
    m = NOTE_BODY_RE.match(lines[i])
    assert m is not None
    number, text = int(m.group(1)), m.group(2).strip()
    i += 1
    while i < len(lines):
        line = lines[i]
        if line.startswith((" ", "\u3000")) or PAGE_NUMBER_RE.match(line):
            break
        nxt = NOTE_BODY_RE.match(line)
        if nxt and int(nxt.group(1)) in notes.seen and int(nxt.group(1)) not in notes.bodies:
            break
        if line.strip():
            text = join_pieces(text, line.strip())
        i += 1
    notes.bodies[number] = text
    return i


def _starts_block(text: str) -> bool:
    """Whether a stripped line opens a new block: heading, lead phrase, caption, date line."""
    return bool(
        match_heading(text)
        or PART_RE.match(text)
        or SECTION_RE.match(text)
        or LEAD_RE.match(text)
        or CAPTION_RE.match(text)
        or DATE_LINE_RE.match(text)
    )


def physical_lines(lines: list[str]) -> list[str]:
    """Glue each run of non-blank lines (one printed line, maybe split) into one string.

    A marker line (``\\x00¹``) continues the line it interrupts; inside a run, a line
    that opens a heading, a lead phrase or a date line starts a new printed line (a page's
    first line comes right after the previous page's last one, without a blank line).
    """
    out: list[str] = []
    open_run = False
    for line in lines:
        if not line.strip():
            open_run = False
            continue
        if line.startswith("\x00"):
            if out:
                out[-1] += line[1:]
            else:
                out.append(line[1:])
            open_run = True
            continue
        text = line.strip()
        if open_run and out and not _starts_block(text):
            out[-1] = join_pieces(out[-1], text)
        else:
            out.append(text)
        open_run = True
    return out


def _table_ends(text: str) -> bool:
    """Whether a (stripped) line after a table caption is running text again."""
    if CAPTION_RE.match(text):
        return False
    return bool(
        match_heading(text)
        or PART_RE.match(text)
        or SECTION_RE.match(text)
        or LEAD_RE.match(text)
        or CONNECTIVE_RE.match(text)
    )


LABEL_BULLET_RE = re.compile(r"^(\S{1,6})\s*([" + TABLE_BULLETS + r"])\s*(\S.*)$")
"""环同济 ● 协调推进… — a row label and its first bullet printed on one line."""

SPACED_LABEL_RE = re.compile(r"^[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3}$")
"""就 业, 卫 生, 项 目: a two-character category cell printed letter-spaced."""

PLAIN_LABEL_RE = re.compile(rf"^[\u4e00-\u9fff]{{1,{LABEL_MAX}}}$")
"""政策供给, 路, 经济数字化: a short category cell, Chinese characters only."""

SUBLABEL_MAX = 8
"""● 大气环境治理 (表 8): a bulleted cell this short, over plain item lines, is a sub-category."""


@dataclass
class _TableRows:
    """A table's cells as they are read: category labels and items, in order."""

    lines: list[tuple[bool, str]] = field(default_factory=list)
    """``(is_label, text)`` per output line."""

    def item(self, text: str) -> None:
        self.lines.append((False, text))

    def label(self, text: str, *, wrapped: bool = True) -> None:
        # A label cell wrapped over two printed lines (社会 / 治理, 文化 / 旅游) is one label;
        # a sub-category under its category (环保行动 / ● 大气环境治理) is not (wrapped=False).
        if wrapped and self.lines and self.lines[-1][0] and PLAIN_LABEL_RE.match(self.lines[-1][1]):
            self.lines[-1] = (True, self.lines[-1][1] + text)
        else:
            self.lines.append((True, text))

    @property
    def labels(self) -> list[str]:
        return [t for is_label, t in self.lines if is_label]

    @property
    def last_item(self) -> str | None:
        return self.lines[-1][1] if self.lines and not self.lines[-1][0] else None

    def extend_item(self, text: str, sep: str = "") -> None:
        last = self.lines[-1][1]
        self.lines[-1] = (False, last + sep + text if sep else join_pieces(last, text))


def _is_label(text: str, prev_full: bool, labels: list[str]) -> bool:
    """A category cell: letter-spaced, or short and plain after a line that ended.

    A short plain line right after a full-width line is usually the end of a wrapped cell
    (单位 after …年度考核评估先进), unless it is letter-spaced (卫 生 after a full line in
    表 6 opens the health rows) or parallel to a label the table already has (治理数字化
    after 经济数字化 and 生活数字化 in 表 2: same length, same ending).
    """
    if SPACED_LABEL_RE.match(text):
        return True
    if PLAIN_LABEL_RE.match(text) is None:
        return False
    return not prev_full or any(
        len(x) == len(text) and len(text) >= 3 and x[-2:] == text[-2:] for x in labels
    )


def _is_sublabel(text: str, nxt: str | None) -> bool:
    """``● 大气环境治理`` over plain lines: a bulleted sub-category, not an item (表 8)."""
    body = text.lstrip(TABLE_BULLETS).strip()
    return (
        text[0] in TABLE_BULLETS
        and re.match(r"^[\u4e00-\u9fff]+$", body) is not None
        and len(body) <= SUBLABEL_MAX
        and nxt is not None
        and nxt[0] not in TABLE_BULLETS
        and not _is_label(nxt, False, [])
    )


def table_block(rows: list[str]) -> Block:
    """One highlight block from a table's printed lines: caption, labels, one item per cell.

    A bullet (``●``, or a leading space where the PDF lost the bullet glyph), the next row
    number, or any line after a line that did not fill the table's width opens an item;
    a line after a full-width line continues the item above (a wrapped cell). Header rows
    (see :func:`_header_rows`, and their repeats on later pages) and repeated captions are
    table chrome and dropped. Category cells (政策供给, 路 / 水 / 电, 就 业) are the table's
    structure, not facts: they stay in the block as plain lines above their items, not as
    ``- `` items.
    """
    caption = rows[0].strip()
    nonblank = [r for r in rows[1:] if r.strip()]
    header = _header_rows([r.strip() for r in nonblank])
    wrap = max((_width(r) for r in nonblank), default=0.0) * 0.8
    out = _TableRows()
    last_row = 0
    prev_full = False
    k = 0
    while k < len(nonblank):
        raw = nonblank[k]
        text = raw.strip()
        if header and [r.strip() for r in nonblank[k : k + len(header)]] == header:
            k += len(header)
            prev_full = False
            continue
        k += 1
        if CAPTION_RE.match(text):
            prev_full = False
            continue
        nxt = nonblank[k].strip() if k < len(nonblank) else None
        lab = LABEL_BULLET_RE.match(text)
        row = re.match(r"^(\d{1,2})(?:\s|$)", text)
        last = out.last_item
        if lab:
            out.label(lab.group(1))
            out.item(lab.group(3))
        elif _is_sublabel(text, nxt):
            out.label(text.lstrip(TABLE_BULLETS).strip(), wrapped=False)
        elif text[0] in TABLE_BULLETS or raw[:1] in (" ", "\u3000"):
            out.item(text.lstrip(TABLE_BULLETS).strip())
        elif row and int(row.group(1)) == last_row + 1:
            last_row += 1
            out.item(text)
        elif last is not None and last.isdigit():
            # The cells of a row whose number stood alone (15 / 黄浦江…).
            out.extend_item(text, " ")
        elif _is_label(text, prev_full, out.labels):
            out.label(text)
        elif last is not None and (prev_full or _closes_open_bracket(last, text)):
            out.extend_item(text)
        elif last is not None and last_row and last.startswith(f"{last_row} ") and " " in text:
            # The last cells of a numbered row, wrapped below it: 竣工 已完工 (表 4, row 15).
            out.extend_item(text, " ")
        else:
            out.item(text)
        prev_full = _width(text) >= wrap
    return [caption, *(t if is_label else BULLET + t for is_label, t in out.lines if t)]


def _closes_open_bracket(item: str, text: str) -> bool:
    """Whether ``text`` closes a bracket left open by ``item`` (…（国际时尚中 / 心段）)."""
    return item.count("（") + item.count("(") > item.count("）") + item.count(")") and (
        "）" in text or ")" in text
    )


def _header_rows(rows: list[str]) -> list[str]:
    """The table's header rows: the longest opening run of rows printed again further on
    (a table continued on the next page repeats its header), else the first row alone."""
    for k in range(len(rows) // 2, 1, -1):
        head = rows[:k]
        if any(rows[i : i + k] == head for i in range(k, len(rows) - k + 1)):
            return head
    return rows[:1]


def split_tables(lines: list[str]) -> list[str | Block]:
    """Replace each ``表 N`` table's lines by one highlight block; other lines pass through."""
    out: list[str | Block] = []
    i = 0
    while i < len(lines):
        if CAPTION_RE.match(lines[i].strip()):
            rows = [lines[i]]
            i += 1
            while i < len(lines) and not (lines[i].strip() and _table_ends(lines[i].strip())):
                rows.append(lines[i])
                i += 1
            out.append(table_block(rows))
        else:
            out.append(lines[i])
            i += 1
    return out


def _is_heading_line(text: str) -> bool:
    """A heading, or a numbered line with no sentence in it (a heading too long to match)."""
    numbered = PART_RE.match(text) or SECTION_RE.match(text)
    return bool(match_heading(text) or (numbered and "。" not in text))


def _full_width(items: list[str | Block]) -> float:
    """The width of a full printed line: most lines of a PDF page are full."""
    widths = sorted(_width(x) for x in items if isinstance(x, str))
    return widths[int(len(widths) * 0.8)] if widths else 30.0


def join_paragraphs(items: list[str | Block]) -> list[Block]:
    """Join printed lines into paragraphs.

    A paragraph ends after a line that ends a sentence (。！？ or ：) when that line is
    shorter than a full printed line or the next line opens a heading or a lead phrase.
    Before the first heading (title, date and speaker lines) a short line ends its block
    too. A heading that fills a full line is wrapped and takes a short next line
    (（一）…产业体系加快 / 建设).
    """
    full = _full_width(items)
    blocks: list[Block] = []
    cur = ""
    in_header = True
    k = 0
    while k < len(items):
        it = items[k]
        k += 1
        nxt = items[k] if k < len(items) else None
        # A table, heading or date line ends the paragraph in progress.
        boundary = isinstance(it, list) or _is_heading_line(it) or DATE_LINE_RE.match(it)
        if boundary and cur:
            blocks.append([cur])
            cur = ""
        if isinstance(it, list):
            blocks.append(it)
            continue
        if _is_heading_line(it):
            if _width(it) >= full * 0.8 and isinstance(nxt, str) and _heading_rest(nxt):
                it = join_pieces(it, nxt)
                k += 1
            blocks.append([it])
            in_header = False
            continue
        cur = join_pieces(cur, it) if cur else it
        short = _width(it) <= full - 3
        ends = ends_sentence(it) or it.endswith(("：", ":"))
        nxt_opens = isinstance(nxt, str) and _starts_block(nxt)
        if nxt is None or (ends and (short or nxt_opens)) or (in_header and short):
            blocks.append([cur])
            cur = ""
    if cur:
        blocks.append([cur])
    return blocks


def _heading_rest(text: str) -> bool:
    """The short rest of a heading wrapped at the end of a full line (建设)."""
    return not _starts_block(text) and _width(text) <= LABEL_MAX


ORDINAL_RE = re.compile(r"(?:^|[。；;：:，,])([一二三四五六七八九十])[是要]")
"""一是… 二是…: an enumeration inside a paragraph."""
ORDINALS = "一二三四五六七八九十"


def _ordinals(text: str) -> list[int]:
    return [ORDINALS.index(m.group(1)) + 1 for m in ORDINAL_RE.finditer(text)]


def join_split_enumerations(blocks: list[Block]) -> list[Block]:
    """Rejoin a paragraph cut inside its 一是…二是… enumeration.

    A page can end right after a sentence, and the next page's first sentence can look
    like a lead phrase (001: …社区长者食堂 3 家。/ 持续开展儿童友好示范区建设。…二是…).
    When a paragraph reached ordinal k and the next one goes on with k+1 without
    starting again from 一, it is the same paragraph.
    """
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and len(prev) == 1 and len(b) == 1 and not match_heading(b[0]):
            before, after = _ordinals(prev[0]), _ordinals(b[0])
            if before and after and 1 not in after and after[0] == before[-1] + 1:
                prev[0] = join_pieces(prev[0], b[0])
                continue
        out.append(list(b))
    return out


def unwrap_pdf(lines: list[str]) -> tuple[list[Block], list[str]]:
    """Rebuild blocks from PDF-extracted lines; return the blocks and the footnote texts."""
    body, notes = extract_footnotes(lines)
    body = [ln for ln in body if not PAGE_NUMBER_RE.match(ln)]
    items: list[str | Block] = []
    run: list[str] = []
    for seg in split_tables(body):
        if isinstance(seg, list):
            items.extend(physical_lines(run))
            run = []
            items.append(seg)
        else:
            run.append(seg)
    items.extend(physical_lines(run))
    return join_split_enumerations(join_paragraphs(items)), notes
