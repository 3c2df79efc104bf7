"""The block passes of the cleaning: blocks (groups of lines) made into paragraphs, headings
and lists once the line passes are done (:mod:`~reportdiff.core.text.clean` runs them, in
order, until nothing changes).

The date and speaker lines get blocks of their own, a heading is cut off the paragraph it
opens, an item cut by a blank line is joined again, highlight lists become ``- `` item
blocks, a paragraph printed as a bullet leaves its list, and a re-pasted fragment at the
end of the body goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reportdiff.core.text.headings import (
    BULLET,
    GLOSSARY_RE,
    ends_sentence,
    inline_heading_split,
    is_date_line,
    lead_bounds,
    match_heading,
)
from reportdiff.core.text.itemlists import (
    closing_start,
    detach_trailing_leads,
    is_item_line,
    item_blocks,
)
from reportdiff.core.text.relocate import body_range

Block = list[str]

ATTACHMENT_LABEL = re.compile(r"^附件\s*\d*[:：]?$")
"""附件 alone on a line right before a glossary title: a print label, not content."""

ENUM_TAIL_RE = re.compile(r"、[^、，,。；;]{1,3}$")
"""An enumeration whose last item is cut short (…、8家 / …、精准营): the line goes on."""


DATE_ZONE = 12
"""The session date line is among the first lines of a report."""


def isolate_date_lines(blocks: list[Block]) -> list[Block]:
    """Give the ——date line (rejoined if wrapped) and the speaker line their own blocks.

    ``——2024年1月17日在浦东新区第七届人民代表大会`` + ``第四次会议上``: a date line that does
    not yet name the meeting continues on the next line. 003 prints date and speaker
    lines in one group with no blank line; they are metadata lines, not items.
    """
    positions = [(bi, li) for bi, b in enumerate(blocks) for li in range(len(b))][:DATE_ZONE]
    hit = next(((bi, li) for bi, li in positions if is_date_line(blocks[bi][li])), None)
    if hit is None:
        return blocks
    bi, li = hit
    before, date, after = blocks[bi][:li], blocks[bi][li], list(blocks[bi][li + 1 :])
    following = [list(b) for b in blocks[bi + 1 :]]
    if "会议" not in date and _peek(after, following, _continues_date):
        date += _take(after, following)
    head = [*blocks[:bi], *([before] if before else []), [date]]
    if _peek(after, following, _is_speaker):
        head.append([_take(after, following)])
    return [*head, *([after] if after else []), *following]


def _peek(after: Block, following: list[Block], test: Callable[[str], bool]) -> bool:
    """Whether the line after the date line (same group, or a one-line group) passes ``test``."""
    if after:
        return test(after[0])
    return bool(following) and len(following[0]) == 1 and test(following[0][0])


def _take(after: Block, following: list[Block]) -> str:
    """Remove and return the line :func:`_peek` looked at."""
    return after.pop(0) if after else following.pop(0)[0]


def _continues_date(line: str) -> bool:
    """The wrapped rest of a date line names the meeting: 第四次会议上."""
    return len(line) <= 20 and "会议" in line and match_heading(line) is None


def _is_speaker(line: str) -> bool:
    """A short line without punctuation after the date line: 上海市徐汇区区长 钟晓咏."""
    return len(line) <= 30 and not any(c in line for c in "。，,：:；;") and not match_heading(line)


def split_inline_headings(blocks: list[Block]) -> list[Block]:
    """Give every heading line a block of its own, cutting it off the paragraph it opens.

    ``(一)坚持政治引领,深入锻造忠诚品格。坚定拥护…`` → heading ``(一)坚持政治引领,深入锻造
    忠诚品格。`` and the paragraph ``坚定拥护…``. A heading line inside a group of lines
    (no blank line around it) is split off the group too.
    """
    out: list[Block] = []
    for b in blocks:
        cur: Block = []
        for line in b:
            cut = inline_heading_split(line)
            if cut is None and (len(b) == 1 or match_heading(line) is None):
                cur.append(line)
                continue
            if cur:
                out.append(cur)
                cur = []
            if cut is None:
                out.append([line])
            else:
                out.extend([[line[:cut]], [line[cut:].lstrip()]])
        if cur:
            out.append(cur)
    return out


def join_cut_enumerations(blocks: list[Block]) -> list[Block]:
    """Rejoin an item split across a blank line (…、8家 / 老年人日间照护中心,…).

    When a block's last line ends in an enumeration whose last member is one to three
    characters long, the member is cut: the next block's first line continues it.
    """
    out: list[Block] = []
    for b in blocks:
        if (
            out
            and ENUM_TAIL_RE.search(out[-1][-1])
            and not match_heading(b[0])
            and not b[0].startswith(BULLET)
            and lead_bounds(b[0]) is None
        ):
            prev = out[-1]
            prev[-1] = prev[-1] + b[0]
            prev.extend(b[1:])
        else:
            out.append(list(b))
    return out


def drop_attachment_labels(blocks: list[Block]) -> list[Block]:
    """Drop a lone 附件 label directly before a glossary title (《政府工作报告》名词解释)."""
    out: list[Block] = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1][0] if i + 1 < len(blocks) else ""
        if len(b) == 1 and ATTACHMENT_LABEL.match(b[0]) and GLOSSARY_RE.match(nxt):
            continue
        out.append(b)
    return out


def mark_highlights(blocks: list[Block]) -> list[Block]:
    """Turn highlight lists inside the body into canonical ``- `` item blocks.

    Three shapes are lists: a run of one-line blocks without a sentence end (002's
    one-line highlights, merged into one block), a multi-line block (003's item lines:
    each line an item; a first line followed by a blank is the sub-heading above them and
    becomes the block's lead line), and blocks already in ``- `` form (000, or canonical
    text). In 003 further sub-headings inside a run of items are recognised by
    :func:`~reportdiff.core.text.itemlists.starts_group`, which compares them with the
    section's first sub-heading (its exemplar).
    """
    blocks = detach_trailing_leads(blocks)
    first, end = body_range(blocks)
    out: list[Block] = list(blocks[:first])
    exemplar: str | None = None
    i = first
    while i < end:
        b = blocks[i]
        if match_heading(b[0]):
            exemplar = None
            out.append(b)
            i += 1
        elif any(ln.startswith(BULLET) for ln in b):
            if exemplar is None and not b[0].startswith(BULLET):
                exemplar = b[0]
            out.append(b)
            i += 1
        elif len(b) > 1:
            j = _run_end(blocks, i + 1, end)
            out.extend(_items(_joined(blocks[i:j]), None, exemplar, last=j == end))
            i = j
        elif (
            len(b) == 1
            and is_item_line(b[0])
            and i + 1 < end
            and all(ln.startswith(BULLET) for ln in blocks[i + 1])
        ):
            # A sub-heading a blank line above its bulleted list (a Word or PDF list
            # under a plain paragraph 产业能级持续提升) leads the list, as when it is tight.
            exemplar = exemplar or b[0]
            out.append([b[0], *blocks[i + 1]])
            i += 2
        elif is_item_line(b[0]) and i + 1 < end and _is_item_group(blocks[i + 1]):
            exemplar = exemplar or b[0]
            j = _run_end(blocks, i + 2, end)
            out.extend(_items(_joined(blocks[i + 1 : j]), b[0], exemplar, last=j == end))
            i = j
        elif is_item_line(b[0]):
            j = i
            while j < end and len(blocks[j]) == 1 and is_item_line(blocks[j][0]):
                j += 1
            run = [blocks[k][0] for k in range(i, j)]
            out.append([BULLET + x for x in run] if len(run) >= 2 else run)
            i = j
        else:
            out.append(b)
            i += 1
    out.extend(blocks[end:])
    return out


def _items(lines: list[str], lead: str | None, exemplar: str | None, *, last: bool) -> list[Block]:
    """Item blocks of a run; the run that ends the body gives its closing words a block."""
    cut = closing_start(lines) if last else len(lines)
    blocks = item_blocks(lines[:cut], lead, exemplar)
    if cut < len(lines):
        blocks.append([BULLET + ln for ln in lines[cut:]])
    return blocks


def _is_item_group(block: Block) -> bool:
    """A group of plain item lines (003): several lines, none a ``- `` item or a heading."""
    return (
        len(block) > 1
        and not any(ln.startswith(BULLET) for ln in block)
        and match_heading(block[0]) is None
    )


def _run_end(blocks: list[Block], j: int, end: int) -> int:
    """Where a run of item lines that goes on after ``blocks[j - 1]`` ends.

    A blank line inside a run of items is a print break, not a new list: 003 (四) goes on
    after 空气质量指数优良率达90% with a blank line and 桂江路绿地五期竣工…, still under
    精细治理持续深化 until 基层治理全面夯实. A new list opens with a one-line sub-heading
    block, which stops the run.
    """
    while j < end and _is_item_group(blocks[j]):
        j += 1
    return j


def _joined(blocks: list[Block]) -> list[str]:
    return [ln for b in blocks for ln in b]


def unbullet_paragraphs(blocks: list[Block]) -> list[Block]:
    """Take a full paragraph printed as a bullet out of its list (000: - 城市更新步伐加快。…).

    An item with a lead phrase and two or more sentences is running text, not a highlight.
    """
    out: list[Block] = []
    for b in blocks:
        cur: Block = []
        for line in b:
            body = line[len(BULLET) :] if line.startswith(BULLET) else None
            if body is not None and lead_bounds(body) and sum(body.count(c) for c in "。！？") >= 2:
                if cur:
                    out.append(cur)
                out.append([body])
                cur = []
            else:
                cur.append(line)
        if cur:
            out.append(cur)
    return out


def drop_repeated_tail(blocks: list[Block]) -> list[Block]:
    """Drop a cut-off fragment at the end of the body that re-pastes an earlier passage.

    001 ends with a tab-indented copy of the start of 现代化产业体系加速建设… that stops
    mid-sentence. Repeated until the body's last block is no such fragment.
    """
    while True:
        _, end = body_range(blocks)
        if end < 2 or len(blocks[end - 1]) != 1:
            return blocks
        last = blocks[end - 1][0]
        probe = last[:20]
        if (
            match_heading(last) is not None
            or ends_sentence(last)
            or len(probe) < 20
            or not any(probe in ln for b in blocks[: end - 1] for ln in b)
        ):
            return blocks
        blocks = blocks[: end - 1] + blocks[end:]
