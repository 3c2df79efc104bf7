"""Paragraphs of a text printed without line breaks (one long line per report or section).

Some sites and copy-pastes give a whole report as one line: ``…请予审议。一、过去五年政府
工作的回顾 第九届…。——经济持续较快增长。…各位代表：…``. Its paragraphs are cut back
apart where a report's units begin — never inside a sentence:

- before a heading numeral that follows a sentence end (。一、 / 。（二） / 。第三，);
- before and after the salutation 各位代表： (or ！);
- before a —— item (or the ——date line) that follows a sentence end or the title;
- at a run of two spaces or more (the copy kept the paragraph indent), and after a
  heading set off by one space from its paragraph.
"""

from __future__ import annotations

import re

from reportdiff.core.text.headings import BULLET, CN_NUM, MAX_HEADING_CHARS

Block = list[str]

RUN_ON_MIN = 2000
"""A line this long is paragraphs run together: no paragraph of a work report in the
national series (1954-2009) or the seeds is longer than about 1,000 characters."""

_END = r"(?<=[。！？!?：:”])"
"""A cut follows a sentence end (a closing quote included) or an intro's colon."""

CUT_RE = re.compile(
    rf"{_END}\s*(?=[{CN_NUM}]{{1,3}}、|[（(][{CN_NUM}]{{1,3}}[)）]|第[{CN_NUM}]{{1,3}}[，,、]|——)"
    r"|\s*(?=(?:各位代表|代表们|同志们)\s*[！!：:])"
    r"|(?<=各位代表[！!：:])\s*"
    r"|[\s\u3000]{2,}"
    r"|(?<=\S)\s*(?=——\s*\d{4}\s*年)"
)
"""Where a run-on line is cut (the zero-width or whitespace match is dropped)."""

HEADING_GAP_RE = re.compile(
    rf"^((?:[{CN_NUM}]{{1,3}}、|[（(][{CN_NUM}]{{1,3}}[)）])[^。！？；;：:\s]{{2,{MAX_HEADING_CHARS - 4}}})[\s\u3000]+(?=\S)"
)
"""A heading the copy set off from its paragraph by spaces: 一、过去五年政府工作的回顾　第九届…"""


def split_run_on(blocks: list[Block]) -> list[Block]:
    """Cut every run-on line (longer than :data:`RUN_ON_MIN`) into its paragraphs."""
    out: list[Block] = []
    for b in blocks:
        if len(b) != 1 or len(b[0]) < RUN_ON_MIN or b[0].startswith(BULLET):
            out.append(b)
            continue
        for piece in _pieces(b[0]):
            m = HEADING_GAP_RE.match(piece)
            if m:
                out.append([m.group(1)])
                piece = piece[m.end() :]
            out.append([piece])
    return out


def _pieces(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in CUT_RE.finditer(line):
        if m.start() > start:
            pieces.append(line[start : m.start()].strip())
        start = max(start, m.end())
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]
