"""Line patterns shared by the cleaner and the parser: headings, date lines, leads, bullets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

HeadingLevel = Literal["part", "section", "appendix"]

CN_NUM = "一二三四五六七八九十"

PART_RE = re.compile(rf"^([{CN_NUM}]{{1,3}}、)\s*(?=\S)")
"""一、2023年工作回顾 — a part, numbered with a Chinese numeral and 、."""

SECTION_RE = re.compile(rf"^([（(][{CN_NUM}]{{1,3}}[)）])\s*(?=\S)")
"""(一)… or （一）… — a section (half- or full-width parentheses)."""

ORDINAL_RE = re.compile(rf"^(第[{CN_NUM}]{{1,3}}[，,、])\s*(?=\S)")
"""第一，进一步稳定和加强农业 — a section numbered in words (1998). Only a line with no
sentence end at all: 第一，要…。 is a paragraph that counts its points."""

SYMBOL_RE = re.compile(r"^([◆▶►■◇])\s*(?=\S)")
"""◆… ▶… — newspaper-style section headings."""

NUMERAL_PART_RE = re.compile(rf"^[{CN_NUM}]{{1,3}}$")
"""一 alone on its line — a part numbered and given no title (1960's four parts)."""

UNMARKED_PART_RE = re.compile(r"^(?:\S{1,8}年)?(?:工作回顾|主要任务|工作安排|工作任务)$")
"""二〇二三年工作回顾 / 二〇二三年主要任务: parts printed without a number (seed 003)."""

ITEM_MARKER_RE = re.compile(rf"(?<![{CN_NUM}])([{CN_NUM}]{{1,3}})([是要])(?=[^，,。；;：:])")
"""一是… 二是… (or 一要… 二要…): the numbered items a paragraph enumerates. The numeral must
not continue another (十一是) and the marker must be followed by its words (一是，is not one)."""

GLOSSARY_RE = re.compile(r"^\S{0,12}名词解释$")
"""《政府工作报告》名词解释 — a glossary appendix."""

NOTES_TITLE = "注释"
"""Heading of the appendix the cleaner builds from a PDF's footnote bodies."""

DATE_LINE_RE = re.compile(r"^[—－-]{1,2}\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
"""——2024年1月16日在…会议上 (also with spaces: ——2024 年 1 月 16 日)."""

LEAD_RE = re.compile(rf"^\s*(?![{CN_NUM}][是要]|\d)([^。！？!?，,；;：:\n]{{2,24}}?)\s*[。！？]")
"""A lead phrase: a short clause without commas that ends at the first 。. An inline
enumeration (一是…。二要…。) is not a lead: it continues the paragraph it is in; nor is a
sentence opening with a number (2023年是…开局之年。 is a statement, not a topic)."""

SALUTATION_RE = re.compile(r"^\s*(?:各位代表|代表们|同志们|各位委员)\s*[！!：:，,]")
"""各位代表！ — the speaker addressing the assembly: it opens a passage, it is no topic."""

BULLET = "- "
"""Canonical bullet of a highlight item line."""

SENTENCE_END = "。！？!?"
MAX_HEADING_CHARS = 60
"""Longer lines that start with a numeral are paragraphs, not headings."""


@dataclass(frozen=True)
class HeadingMatch:
    """A heading line recognised: its level and the marker as printed."""

    level: HeadingLevel
    marker: str
    """一、 (一) （一） ◆ ▶ or '' for unmarked parts and appendices."""
    text_start: int
    """Offset of the heading text (after the marker and spaces) in the line."""


def match_heading(line: str) -> HeadingMatch | None:
    """Recognise a heading line (already stripped); None for any other line.

    A marked heading may end with 。 (split off an inline heading such as
    ``(一)坚持政治引领,深入锻造忠诚品格。``) but must not carry a sentence after it.
    """
    if not line or len(line) > MAX_HEADING_CHARS:
        return None
    body = line.rstrip("。")
    if any(ch in body for ch in SENTENCE_END):
        return None
    for regex, level in ((PART_RE, "part"), (SECTION_RE, "section"), (SYMBOL_RE, "section")):
        m = regex.match(line)
        if m:
            return HeadingMatch(level, m.group(1), m.end())  # type: ignore[arg-type]
    if NUMERAL_PART_RE.match(line):
        return HeadingMatch("part", line, len(line))
    m = ORDINAL_RE.match(line)
    if m and not line.endswith("。"):
        return HeadingMatch("section", m.group(1), m.end())
    if UNMARKED_PART_RE.match(line):
        return HeadingMatch("part", "", 0)
    if GLOSSARY_RE.match(line) or line == NOTES_TITLE:
        return HeadingMatch("appendix", "", 0)
    return None


def inline_heading_split(line: str) -> int | None:
    """Where a paragraph that opens with a section marker should be cut after its heading.

    ``(二)进一步促进经济平稳健康发展,提升发展质量和效益。坚持…`` → the offset just
    after the first 。; None when the line is not such a paragraph.
    """
    if not (PART_RE.match(line) or SECTION_RE.match(line)):
        return None
    cut = line.find("。")
    if cut < 0 or cut + 1 >= len(line) or cut + 1 > MAX_HEADING_CHARS:
        return None
    return cut + 1


def lead_bounds(paragraph: str) -> tuple[int, int] | None:
    """Start and end of the lead phrase opening ``paragraph`` (without its 。), or None.

    A lead is only a lead when sentences follow that spell it out: ``今年重点做好以下工作。``
    alone is a paragraph, not a topic clause. Nor is a short sentence that points back to
    what came before (这是关系改革和发展全局的重要任务。, 2005): it continues, it heads
    nothing.
    """
    m = LEAD_RE.match(paragraph)
    if not m or SALUTATION_RE.match(paragraph) or m.group(1).startswith(POINTS_BACK):
        return None
    rest = paragraph[m.end() :].strip()
    if not rest:
        return None
    return m.start(1), m.end(1)


# A lead of two short clauses (积极推进企业改革，转换和完善经营机制。): a national report's
# sub-topics are often printed so. Neither clause holds a figure, and the first is no
# time or connective word opening an ordinary sentence (去年，… / 同时，…).
_TWO_CLAUSE_LEAD_RE = re.compile(
    rf"^\s*(?![{CN_NUM}][是要])([^。！？!?，,；;：:\n\d０-９]{{4,14}}，[^。！？!?，,；;：:\n\d０-９]{{4,16}})\s*。"
)
_SENTENCE_OPENERS = re.compile(
    r"^(?:今年|去年|明年|当前|目前|同时|因此|为此|总之|另外|此外|首先|其次|最后|但是|然而|"
    r"[一二三四五六七八九十两]+年来|近年来|多年来|过去|我们|各级|各地|各位|在)"
)


_FIGURE_IN_WORDS_RE = re.compile(
    r"百分之[〇零一二两三四五六七八九十点]+|"
    r"[〇零一二两三四五六七八九十点]*[十百千万亿][〇零一二两三四五六七八九十百千万亿点]*[多余]?"
    r"(?:元|美元|公里|千米|米|吨|公斤|斤|人|亩|千瓦|台|辆|个百分点)"
)
"""A figure printed in words (百分之九, 五千亿元, 一千五百公里): the regex of a two-clause
lead keeps out digits only."""


def topic_lead_bounds(paragraph: str) -> tuple[int, int] | None:
    """The lead phrase opening ``paragraph`` as a sub-topic: :func:`lead_bounds`, or a lead of
    two short clauses (继续下大力气抓农业，争取农村经济更快发展。) followed by its paragraph.

    Only the parse uses it for a block's lead (the cleaning keeps :func:`lead_bounds`).
    """
    bounds = lead_bounds(paragraph)
    if bounds is not None:
        return bounds
    m = _TWO_CLAUSE_LEAD_RE.match(paragraph)
    if not m or SALUTATION_RE.match(paragraph):
        return None
    phrase = m.group(1)
    if (
        phrase.startswith(POINTS_BACK)
        or _SENTENCE_OPENERS.match(phrase)
        or _FIGURE_IN_WORDS_RE.search(phrase)
    ):
        return None
    if not paragraph[m.end() :].strip():
        return None
    return m.start(1), m.end(1)


_STATUS_CLAUSE_RE = re.compile(
    r"^(?!(?:今年|去年|明年|当前|目前|同时|因此|为此|总之|过去|我们|各级|各地|在|这|此|上述|以上|"
    r"[一二三四五六七八九十〇○零]{4}年))"
    r"([^，,。！？；：:\d０-９]{4,24}?"
    r"(?:有了(?:新的|很大的?|显著的?|较大的?|长足的?)?|进一步|迅速|持续地?|全面|明显|开始|显著|"
    r"日益|不断|逐步|大大|普遍)"
    r"[^，,。！？；：:\d０-９]{0,6}?"
    r"(?:加强|发展|进展|高涨|扭转|改善|提高|增长|扩大|好转|巩固|加快|增加|上升|深入|健全|完善|"
    r"活跃|改变|纠正))[，,。]"
)
"""A clause stating how a field stands: its topic, an adverb of change and a verb of change
(农业生产持续地全面高涨, 国防建设和国防力量有了新的加强, 财政收入连年下降的趋势开始扭转).
A review prints its fields so, each opening the paragraph that gives its figures."""


def status_clause_bounds(paragraph: str) -> tuple[int, int] | None:
    """Start and end of the status clause (see :data:`_STATUS_CLAUSE_RE`) opening
    ``paragraph``, or None."""
    m = _STATUS_CLAUSE_RE.match(paragraph)
    return (m.start(1), m.end(1)) if m else None


POINTS_BACK = ("这", "此", "上述", "以上")
"""Openings that refer to what came before: such a sentence continues, it heads nothing."""


def is_date_line(line: str) -> bool:
    """Whether ``line`` is a ``——2024年1月16日在…`` session date line."""
    return DATE_LINE_RE.match(line.strip()) is not None


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (。！？ possibly followed by a closing quote)."""
    t = text.rstrip().rstrip("”’\"')）")
    return bool(t) and t[-1] in SENTENCE_END
