"""The report model: frozen values for a report's metadata, parts, sections and blocks.

Every node carries offsets (:class:`Span`) into :attr:`Report.text`, the cleaned text
that every view displays, so a view can highlight any node exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

ReportKind = Literal["work-report", "summary", "plan-report", "budget-report", "unknown"]
"""What a report is: a full 政府工作报告, a 摘要 (summary), a plan report (计划执行情况…,
计划安排), a budget report (决算, 预算执行情况…预算草案), or unknown when the text does not
say it is any of them (a licence, an article)."""

KIND_ID_SUFFIX: dict[str, str] = {"plan-report": "-plan", "budget-report": "-budget"}
"""What a report's kind adds to its id (``nanjing-2024-plan``, ``national-1955-budget``): a
plan or budget report is given at the same session as the year's work report."""

RegionLevel = Literal["national", "province", "prefecture", "county", "unknown"]
"""Level of the government that gives a report: the State Council (national); a province,
autonomous region or municipality (省, 自治区, 直辖市: province); a prefecture (地级市, 自治州,
地区, 盟); a district, county, county-level city or banner (区, 县, 县级市, 旗: county)."""

SectionKind = Literal["part", "section", "subsection", "appendix"]
"""Level of a section: a part (一、…), a section ((一)…, ◆…, ▶…), a sub-section (a numbered
point heading the paragraphs under it: 第一，深化政府机构改革。…, core/text/points.py, or a line
announcing a topic: 先说工业战线上的情况。…, core/text/announce.py), or an appendix (名词解释
glossary, 注释 footnotes) that is not part of the report's body."""

BlockKind = Literal["paragraph", "highlights"]
"""A running paragraph, or a list of short highlight/item lines."""


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into a report's text."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character."""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class ReportMeta:
    """What a report is, where it is from, and the id it is known by."""

    id: str
    """Short id anyone can type: ``<region-pinyin>-<year reviewed>[-<kind>]``, e.g. ``yangpu-2023``,
    ``national-2008``."""
    region: str
    """Region in Chinese as the report names it: 杨浦区, 上海市, 浦东新区; 全国 for the State
    Council; '' when the text does not say (shown as unknown)."""
    year: int
    """The year the report reviews (a report given in January 2024 reviews 2023); 0 if unknown."""
    date: str | None
    """Session date in ISO form (``2024-01-16``), from the ``——…在…会议上`` line; None if absent."""
    title: str
    """The report's title as printed, e.g. 政府工作报告 or 《政府工作报告》摘要."""
    kind: ReportKind
    """Work report, summary, plan report, budget report, or unknown."""
    source: str
    """Where the text came from: a seed file name, a user's path, a URL."""
    level: RegionLevel = "unknown"
    """Level of the government giving the report (see :data:`RegionLevel`). Defaults to
    unknown so that metadata stored before the field existed still loads."""
    delivered: int | None = None
    """The year the report was delivered (the session date's year, or a title's 2024年政府工作报告);
    None when the text does not say."""


@dataclass(frozen=True)
class Block:
    """A paragraph or a highlight list inside a section."""

    kind: BlockKind
    """``paragraph`` or ``highlights``."""
    span: Span
    """The whole block in the report text."""
    lead: Span | None = None
    """The lead phrase: the short topic clause that opens a paragraph and ends at the first
    。 (经济指标企稳回升), an item's topic after its marker (一是加快基础设施建设。→ 加快基础设施
    建设; ——, 第一，, 1. likewise), or the un-numbered sub-heading line above an item list
    (产业能级持续提升). None when the block has none. Excludes the closing 。."""
    items: tuple[Span, ...] = ()
    """For ``highlights``: one span per highlight line, without its bullet. Empty otherwise."""


@dataclass(frozen=True)
class Section:
    """A part, section, sub-section or appendix, with its blocks and child sections."""

    kind: SectionKind
    """Level of the section."""
    marker: str
    """The numbering or bullet that opened the heading as printed: 一、 (一) （一） ◆ ▶, or ''."""
    heading: Span
    """The heading text without its marker; empty (at the section's start) for an untitled
    passage that a salutation opens (各位代表！… after a part's last section)."""
    span: Span
    """The whole section from its heading to the end of its last descendant."""
    blocks: tuple[Block, ...] = ()
    """Blocks directly under this section, before any child section."""
    children: tuple[Section, ...] = ()
    """Child sections in document order."""


@dataclass(frozen=True)
class Report:
    """A parsed report: metadata, cleaned text, and the tree of sections over that text."""

    meta: ReportMeta
    """Metadata."""
    text: str
    """The cleaned text. All spans point into it."""
    preamble: tuple[Block, ...] = ()
    """Blocks before the first section (title lines are metadata, not preamble)."""
    sections: tuple[Section, ...] = ()
    """Top-level sections: parts when the report has parts, else sections."""
    appendices: tuple[Section, ...] = ()
    """Glossaries (名词解释) and footnotes (注释): not part of the last section."""

    def slice(self, span: Span) -> str:
        """The text of ``span``."""
        return self.text[span.start : span.end]

    def walk(self) -> Iterator[tuple[tuple[int, ...], Section]]:
        """Every body section depth-first with its path (indices from :attr:`sections`)."""

        def rec(
            secs: tuple[Section, ...], prefix: tuple[int, ...]
        ) -> Iterator[tuple[tuple[int, ...], Section]]:
            for i, s in enumerate(secs):
                path = (*prefix, i)
                yield path, s
                yield from rec(s.children, path)

        yield from rec(self.sections, ())

    def section_at(self, path: tuple[int, ...]) -> Section:
        """The body section at ``path`` (as yielded by :meth:`walk`)."""
        node: Section | None = None
        level = self.sections
        for i in path:
            node = level[i]
            level = node.children
        if node is None:
            raise IndexError(path)
        return node

    def blocks(self) -> Iterator[tuple[tuple[int, ...], int, Block]]:
        """Every body block as ``(section path, block index, block)``; preamble path is ``()``."""
        for i, b in enumerate(self.preamble):
            yield (), i, b
        for path, s in self.walk():
            for i, b in enumerate(s.blocks):
                yield path, i, b

    def heading_text(self, section: Section) -> str:
        """A section's heading text."""
        return self.slice(section.heading)

    def lead_text(self, block: Block) -> str | None:
        """A block's lead phrase, or None."""
        return None if block.lead is None else self.slice(block.lead)


def shown_id(meta: ReportMeta) -> str:
    """A report's id as a column or "only in" label: the id, and the year it reviews when
    the id does not say it. A file opened by its path is known by its name, 1989 for the
    State Council's 1989.txt, which reviews 1988: shown as ``1989 · 全国1988`` so that no one
    reads its column as 1989's figures."""
    if not meta.year or str(meta.year) in meta.id:
        return meta.id
    return f"{meta.id} · {meta.region}{meta.year}"


OPENING_CHARS = 12
"""Characters of its text that name a part without a heading (see :func:`opening_words`)."""


def opening_words(text: str, chars: int = OPENING_CHARS) -> str:
    r"""How a part without a heading is named: its first ``chars`` characters in 「」, then …

    >>> opening_words("各位代表：\n  现在，我代表国务院向大会作政府工作报告")
    '「各位代表：现在，我代表国…」'
    """
    text = re.sub(r"\s+", "", text[: chars * 4]).lstrip("-•●")
    return "「" + text[:chars] + ("…" if len(text) > chars else "") + "」"


def untitled_label(text: str, span: Span, heading: Span | None, chars: int = OPENING_CHARS) -> str:
    r"""How a section without a heading text is named: the numeral it is numbered by, if any
    (1960's parts are a numeral alone on a line), then the opening words of what follows.

    >>> untitled_label("一\n\n一九五六年到一九六七年全国农业发展纲要", Span(0, 24), Span(1, 1))
    '一 「一九五六年到一九六七年全…」'
    """
    at = (
        heading.end if heading is not None and span.start <= heading.end <= span.end else span.start
    )
    marker = text[span.start : at].strip()
    words = opening_words(text[at : span.end], chars)
    return f"{marker} {words}" if marker else words
