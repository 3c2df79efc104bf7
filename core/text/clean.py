"""Turn a raw report source (web page, PDF extraction, newspaper text) into canonical text.

Canonical text is one block per line group with a blank line between blocks. Headings
stand on their own line with their printed marker; highlight items are ``- `` lines
(optionally under a lead line); paragraphs keep their text exactly. The cleaning is a
sequence of small passes, each undoing one kind of damage, and it is idempotent:
``clean_text(clean_text(x)) == clean_text(x)``.

Line passes come first, for any source: HTML debris is undone (``<U+00A0>``, comments),
page furniture is dropped by its form (:mod:`~reportdiff.core.text.furniture`), a page
that holds the report several times keeps one copy (:mod:`~reportdiff.core.text.dedup`),
and the title, ——date and speaker lines are left alone at the head for the metadata reader.
Block passes then rebuild paragraphs, headings and lists
(:mod:`~reportdiff.core.text.blockpasses`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reportdiff.core.printable import drop_controls
from reportdiff.core.text.blockpasses import (
    DATE_ZONE,
    Block,
    drop_attachment_labels,
    drop_repeated_tail,
    isolate_date_lines,
    join_cut_enumerations,
    mark_highlights,
    split_inline_headings,
    unbullet_paragraphs,
)
from reportdiff.core.text.dedup import keep_one_copy
from reportdiff.core.text.furniture import decode_remnants, drop_furniture
from reportdiff.core.text.headings import (
    BULLET,
    NOTES_TITLE,
    SENTENCE_END,
    ends_sentence,
    is_date_line,
    match_heading,
)
from reportdiff.core.text.inlineleads import split_inline_leads
from reportdiff.core.text.licence import drop_licence_tail
from reportdiff.core.text.relocate import (
    join_truncated_tail,
    relocate_repeated_paragraphs,
)
from reportdiff.core.text.runon import split_run_on
from reportdiff.core.text.spacing import close_spaced_digits, close_spaced_title, dot_decimals
from reportdiff.core.text.unwrap import join_pieces, looks_like_pdf, unwrap_pdf

WEB_HEAD_MARKERS = (
    "电子报阅读机",
    "当前报纸名称",
    "数字报刊平台",
    "上一篇",
    "下一篇",
    "字号:",
    "字号：",
    "版面:",
    "版面：",
)
"""Reader-app chrome that opens a saved e-paper page (seed 002). Everything up to the
last line carrying one of these, within the first lines, is dropped."""

WEB_TAIL_MARKERS = ("微信扫一扫", "本文标题", "链接地址", "版权声明", "微信订阅号", "联系客服")
"""Web-page chrome that ends a saved article (seed 004). Everything from the first line
carrying one of these, within the last lines, is dropped."""

WEB_ZONE = 15
"""How many lines at each end are searched for web chrome."""

PRINT_ARTIFACT_RE = re.compile(r"^[(（](?:上接|下转|接上|转下|紧接)第?\S{1,3}版[)）]$")
"""(上接第4版) and the like: a newspaper's continuation notes."""

DOT_LEADER_RE = re.compile(r"(?:\.{6,}|…{3,}|·{6,}|．{6,})\s*\d*\s*$")
"""A table-of-contents line: a title followed by a dot leader (and maybe a page number)."""


def clean_text(raw: str) -> str:
    """Clean a raw report source into canonical text (see the module docstring).

    Args:
        raw: The text as read from the file (any mix of newlines, web or PDF debris).

    Returns:
        The canonical text, ending with one newline ('' when nothing is left).
    """
    text = _clean_once(raw)
    # Each pass leaves canonical text alone, but on a fragment of a document the PDF
    # test can sit on its threshold (a run of table rows): cleaning the output once
    # more, until it no longer changes, makes idempotence hold there too.
    for _ in range(CLEAN_MAX_ROUNDS):
        again = _clean_once(text)
        if again == text:
            break
        text = again
    return text


CLEAN_MAX_ROUNDS = 3


def _clean_once(raw: str) -> str:
    """One run of every pass over ``raw``."""
    lines = dot_decimals(close_spaced_digits(_normalise(decode_remnants(raw)))).split("\n")
    lines = [ln for ln in lines if not _is_print_artifact(ln)]
    lines = strip_web_chrome(lines)
    pdf = looks_like_pdf(lines)
    lines = drop_furniture(lines, page_footers=not pdf)
    lines = keep_one_copy(lines)
    lines = drop_licence_tail(strip_web_chrome(lines), WEB_ZONE)
    lines = split_title_date_lines(lines)
    notes: list[str] = []
    if pdf:
        blocks, notes = unwrap_pdf(lines)
    else:
        blocks = to_blocks(lines)
    blocks = _run_block_passes(blocks)
    if notes:
        blocks = [*blocks, [NOTES_TITLE], *([n] for n in notes)]
    text = "\n\n".join("\n".join(b) for b in blocks if b)
    return text + "\n" if text else ""


BLOCK_PASSES_MAX_ROUNDS = 4
"""Passes expose work for each other (taking a paragraph out of a bullet list can leave an
inline heading alone in its block), so they run until nothing changes."""


def _run_block_passes(blocks: list[Block]) -> list[Block]:
    """Run the block passes in order, repeated until the blocks stop changing."""
    passes = (
        split_run_on,
        isolate_date_lines,
        split_inline_headings,
        split_inline_leads,
        unbullet_paragraphs,
        join_cut_enumerations,
        drop_attachment_labels,
        mark_highlights,
        join_truncated_tail,
        relocate_repeated_paragraphs,
        drop_repeated_tail,
    )
    for _ in range(BLOCK_PASSES_MAX_ROUNDS):
        before = blocks
        for step in passes:
            blocks = step(blocks)
        if blocks == before:
            break
    return blocks


def _normalise(raw: str) -> str:
    """Unify newlines, drop BOM/zero-width characters and control characters but tab."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return drop_controls(text, keep="\n\t").replace("\t", " ")


TITLE_DATE_RE = re.compile(r"^(\S.{0,60}?报\s?告\S{0,6}?)\s*(?=[—－]{1,2}\s*\d{4}\s*年)")
"""2008年政府工作报告——2008年3月5日在…会议上: a title with its date line run on."""


def split_title_date_lines(lines: list[str]) -> list[str]:
    """Give a run-on title and its ——date line a line each, near the top of the text.

    Title, date and speaker lines are read as metadata from the first lines, each alone.
    A letter-spaced title (政 府 工 作 报 告) is closed up.
    """
    out: list[str] = []
    seen = 0
    for line in lines:
        t = line.strip()
        if t and seen < DATE_ZONE:
            seen += 1
            m = TITLE_DATE_RE.match(t)
            if m and not is_date_line(t):
                title, date = t[: m.end(1)], t[m.end() :]
                out.extend([close_spaced_title(title), "", date])
                continue
            line = close_spaced_title(line)
        out.append(line)
    return out


def strip_web_chrome(lines: list[str]) -> list[str]:
    """Drop reader-app chrome at the start and web-page chrome at the end.

    The zones count non-blank lines, and the cut repeats until the zone is clean, so
    the result does not depend on how blank lines were laid out (idempotence).
    """
    while True:
        head = _nonblank_indices(lines)[:WEB_ZONE]
        hits = [i for i in head if _is_chrome(lines[i], WEB_HEAD_MARKERS)]
        if not hits:
            break
        # A portal prints the headline above its 字号 bar: the report's title stays.
        titles = [ln for ln in lines[: hits[-1]] if _is_title_line(ln)]
        lines = titles + lines[hits[-1] + 1 :]
    while True:
        tail = _nonblank_indices(lines)[-WEB_ZONE:]
        hits = [i for i in tail if _is_chrome(lines[i], WEB_TAIL_MARKERS)]
        if not hits:
            return lines
        lines = lines[: hits[0]]


CHROME_LINE_MAX = 100
"""Chrome lines are short; a paragraph that happens to say 上一篇 is not chrome."""


def _is_chrome(line: str, markers: tuple[str, ...]) -> bool:
    return len(line.strip()) <= CHROME_LINE_MAX and any(m in line for m in markers)


def _is_title_line(line: str) -> bool:
    """A short line naming a 报告, without a sentence end or web chrome: a headline."""
    t = line.strip()
    return (
        "报告" in t
        and len(t) <= TITLE_LINE_MAX
        and not ends_sentence(t)
        and not _is_chrome(t, WEB_HEAD_MARKERS)
    )


TITLE_LINE_MAX = 60


def _nonblank_indices(lines: list[str]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.strip()]


def _is_print_artifact(line: str) -> bool:
    """Whether a line is print debris: (上接第4版) or a table-of-contents dot-leader line."""
    t = line.strip()
    return bool(
        PRINT_ARTIFACT_RE.match(t)
        or (any(run in t for run in _LEADER_RUNS) and DOT_LEADER_RE.search(t))
    )


_LEADER_RUNS = ("." * 6, "…" * 3, "·" * 6, "．" * 6)
"""The least dot leader :data:`DOT_LEADER_RE` needs: a line without one is no contents line,
found without the regex (which tries every position of a line: 0.034 s on ten web pages)."""


def to_blocks(lines: list[str]) -> list[Block]:
    """Group stripped lines into blocks separated by blank lines, and sort out each group.

    A group can be three things. Web text often prints one paragraph per line with no
    blank line between (004): most lines end a sentence, so each line is a block. A
    hard-wrapped paragraph (a plain-text file wrapped at a fixed width) has sentence
    ends inside its lines: its lines are joined. Short item lines without sentence ends
    (003) and ``- `` lists stay together as one group.
    """
    groups: list[Block] = []
    cur: Block = []
    for line in lines:
        t = line.strip()
        if t:
            cur.append(t)
        elif cur:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    blocks: list[Block] = []
    for g in groups:
        if len(g) == 1 or any(ln.startswith(BULLET) for ln in g):
            blocks.append(g)
        elif not _has_wrapped_piece(g) and _share(g, _ends_block) >= 0.5:
            blocks.extend([ln] for ln in g)
        elif _share(g, lambda ln: any(c in ln for c in SENTENCE_END)) >= 1 / 3:
            blocks.extend(_join_wrapped(g))
        else:
            blocks.append(g)
    return blocks


def _ends_block(line: str) -> bool:
    return ends_sentence(line) or line.endswith(("：", ":"))


def _has_wrapped_piece(lines: list[str]) -> bool:
    """Whether a line of the group is a wrapped piece: among its longest, yet mid-sentence.

    In one-paragraph-per-line text the lines that do not end a sentence are headings,
    titles and date lines, all far shorter than the paragraphs.
    """
    longest = max(len(ln) for ln in lines)
    return any(
        len(ln) >= 0.8 * longest
        and not _ends_block(ln)
        and not match_heading(ln)
        and not is_date_line(ln)
        for ln in lines
    )


def _share(lines: list[str], test: Callable[[str], bool]) -> float:
    return sum(1 for ln in lines if test(ln)) / len(lines)


def _join_wrapped(lines: list[str]) -> list[Block]:
    """Join a hard-wrapped paragraph's lines, keeping any heading line on its own."""
    out: list[Block] = []
    cur = ""
    for line in lines:
        if match_heading(line) or is_date_line(line):
            if cur:
                out.append([cur])
                cur = ""
            out.append([line])
        else:
            cur = join_pieces(cur, line) if cur else line
    if cur:
        out.append([cur])
    return out
