"""Parse canonical report text into a :class:`Report` tree of parts, sections and blocks."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import Block, Report, ReportMeta, Section, SectionKind, Span
from reportdiff.core.text.announce import announced_parts
from reportdiff.core.text.headings import (
    BULLET,
    SENTENCE_END,
    HeadingMatch,
    is_date_line,
    match_heading,
    status_clause_bounds,
    topic_lead_bounds,
)
from reportdiff.core.text.points import point_parts
from reportdiff.core.text.units import item_lead, item_marker_end, item_starts
from reportdiff.core.text.unmarked import UNTITLED, BodyLine, infer_headings

HEADER_MAX_BLOCKS = 6
"""Title, date and speaker lines are within the first blocks."""
HEADER_LINE_MAX = 40


@dataclass(frozen=True)
class RawBlock:
    """A run of non-blank lines: the span of each line, whitespace trimmed."""

    lines: tuple[Span, ...]

    @property
    def span(self) -> Span:
        return Span(self.lines[0].start, self.lines[-1].end)


def split_blocks(text: str) -> list[RawBlock]:
    """The text's blocks (runs of non-blank lines), with trimmed line spans."""
    blocks: list[RawBlock] = []
    cur: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            cur.append(Span(start, start + len(stripped)))
        elif cur:
            blocks.append(RawBlock(tuple(cur)))
            cur = []
        pos += len(line) + 1
    if cur:
        blocks.append(RawBlock(tuple(cur)))
    return blocks


def _heading(text: str, b: RawBlock) -> HeadingMatch | None:
    if len(b.lines) != 1:
        return None
    return match_heading(text[b.span.start : b.span.end])


def _is_header_line(line: str) -> bool:
    return (
        len(line) <= HEADER_LINE_MAX
        and not any(c in line for c in SENTENCE_END)
        and not line.endswith(("：", ":"))
        and not line.startswith(BULLET)
        and match_heading(line) is None
    )


def header_count(text: str, blocks: list[RawBlock]) -> int:
    """How many opening blocks are title/date/speaker lines (metadata, not preamble).

    With a ——date line near the top: everything up to it and a speaker line after it.
    Without one: the short, sentence-less single lines that open the text.
    """
    first_heading = next((i for i, b in enumerate(blocks) if _heading(text, b)), len(blocks))
    limit = min(HEADER_MAX_BLOCKS, first_heading)
    for i in range(limit):
        if is_date_line(text[blocks[i].span.start : blocks[i].span.end]):
            n = i + 1
            if n < first_heading and len(blocks[n].lines) == 1:
                nxt = text[blocks[n].span.start : blocks[n].span.end]
                if _is_header_line(nxt) and len(nxt) <= 30 and "，" not in nxt and "," not in nxt:
                    n += 1
            return n
    n = 0
    while n < limit and len(blocks[n].lines) == 1:
        if not _is_header_line(text[blocks[n].span.start : blocks[n].span.end]):
            break
        n += 1
    return n if n < len(blocks) else 0


def make_block(text: str, b: RawBlock) -> Block:
    """A paragraph, or a highlight list (``- `` lines, maybe under a lead line)."""
    lines = b.lines
    if any(text.startswith(BULLET, s.start) for s in lines):
        # A bare "- " line is stripped to "-": its item is empty, not a negative span.
        items = tuple(
            Span(min(s.start + len(BULLET), s.end), s.end)
            for s in lines
            if text.startswith(BULLET, s.start)
        )
        first = lines[0]
        lead = None
        if not text.startswith(BULLET, first.start):
            end = first.end
            while end > first.start and text[end - 1] in "。.：:":
                end -= 1
            lead = Span(first.start, end)
        return Block("highlights", b.span, lead, items)
    first = lines[0]
    return Block("paragraph", b.span, _lead(text, first))


def _lead(text: str, span: Span) -> Span | None:
    """The lead of the paragraph or item at ``span``: an item's topic, or a lead phrase."""
    piece = text[span.start : span.end]
    marked = item_marker_end(piece) is not None
    bounds = item_lead(piece) if marked else None
    if bounds is None and not marked:
        bounds = topic_lead_bounds(piece)
    return Span(span.start + bounds[0], span.start + bounds[1]) if bounds else None


def make_blocks(text: str, b: RawBlock) -> list[Block]:
    """The blocks of a raw block: one, or one per 一是 item of a one-line paragraph."""
    block = make_block(text, b)
    if block.kind != "paragraph" or len(b.lines) != 1:
        return [block]
    line = b.lines[0]
    starts = [line.start + k for k in item_starts(text[line.start : line.end]) if k > 0]
    if not starts:
        return [block]
    bounds = [line.start, *starts, line.end]
    spans = [Span(a, z) for a, z in itertools.pairwise(bounds)]
    return [Block("paragraph", sp, _lead(text, sp)) for sp in spans]


@dataclass
class _Node:
    """A section while it is being built."""

    kind: SectionKind
    marker: str
    heading: Span
    start: int
    end: int
    blocks: list[Block] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    settled: bool = False
    """Its blocks' leads were decided with its parent's (a numbered point's sub-part)."""

    def add(self, block: Block) -> None:
        self.blocks.append(block)
        self.end = max(self.end, block.span.end)

    def freeze(self, text: str) -> Section:
        own = sum(1 for b in self.blocks if b.kind == "paragraph" and b.lead)
        blocks = tuple(self.blocks)
        if not self.settled:
            blocks = _two_clause_leads_in_sets(text, _status_leads_in_sets(text, blocks))
        if self.kind in ("part", "section", "subsection"):
            blocks = self._points_as_parts(text, blocks)
            blocks = self._announced_as_parts(text, blocks)
        kids = drop_lone_leads(tuple(c.freeze(text) for c in self.children), own)
        end = max([self.end, *(k.span.end for k in kids)])
        return Section(self.kind, self.marker, self.heading, Span(self.start, end), blocks, kids)

    def _points_as_parts(self, text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        """The blocks before the numbered points that head the paragraphs under them, the
        points made sub-parts (points.py). Leads are decided before, over all the blocks:
        the points group paragraphs, they do not change which sentence leads."""
        kept, points = point_parts(text, blocks)
        if not points:
            return blocks
        subs = []
        for p in points:
            node = _Node("subsection", p.marker, p.heading, p.start, p.heading.end, settled=True)
            for block in p.blocks:
                node.add(block)
            subs.append(node)
        self.children = [*subs, *self.children]
        return kept

    def _announced_as_parts(self, text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        """The blocks before the lines that announce a topic (先说工业战线上的情况。), each
        line made a sub-part holding the paragraphs after it (announce.py). Like numbered
        points, they group paragraphs and leave the leads decided over the section."""
        kept, topics = announced_parts(text, blocks)
        if not topics:
            return blocks
        subs = []
        for t in topics:
            end = t.heading.end + 1 if t.heading.end > t.heading.start else t.start
            node = _Node("subsection", "", t.heading, t.start, end, settled=True)
            for block in t.blocks:
                node.add(block)
            subs.append(node)
        self.children = [*subs, *self.children]
        return kept


def _lead_count(section: Section) -> int:
    return sum(1 for b in section.blocks if b.kind == "paragraph" and b.lead)


def drop_lone_leads(siblings: tuple[Section, ...], parent_leads: int = 0) -> tuple[Section, ...]:
    """Sibling sections, with a lead that stands alone taken back into its paragraph.

    Lead phrases are the sub-headings of a report, so they come in sets: several in a
    section (经济增长量质提升 / 企业服务持续优化 / 开放合作活力涌现), or one in each of
    sibling sections. A section whose single lead-shaped opening is the only one among
    its siblings has no sub-headings: the short first sentence is an ordinary one.
    shanghai-2023's third part has five one-paragraph sections; only (二) opens with a
    short sentence, 完成政府机构改革任务。, and the sentences after it (强化数据精准高效
    赋能…) are about data and approvals, not about the reform it names.

    The paragraphs of the sections' parent before them (``parent_leads`` of its leads) are
    of the set too: 1992's 二、 goes on after its leads (继续下大力气抓农业… / 积极发展科技和
    教育事业…) with 各位代表！ passages, and the one lead there, 计划生育和环境保护是我国的两项
    基本国策, is one more of the part's topics.
    """
    counts = [_lead_count(s) for s in siblings]
    if len(siblings) < 2 or sum(counts) != 1 or parent_leads:
        return siblings
    out = list(siblings)
    k = counts.index(1)
    blocks = tuple(
        replace(b, lead=None) if b.kind == "paragraph" and b.lead else b for b in out[k].blocks
    )
    out[k] = replace(out[k], blocks=blocks)
    return tuple(out)


def _heading_span(text: str, b: RawBlock, h: HeadingMatch) -> Span:
    start = b.span.start + h.text_start
    end = b.span.end
    while end > start and (text[end - 1] in "。." or text[end - 1].isspace()):
        end -= 1
    return Span(start, end)


def parse_report(text: str, meta: ReportMeta) -> Report:
    """Parse canonical text into a :class:`Report`.

    Parts (一、…) hold sections ((一)…); ◆/▶ sections stand at the top when there are
    no parts. Glossaries and notes become appendices. Any text parses: one without
    headings is a single section.

    Raises:
        ReportError: the text is empty.
    """
    if not text.strip():
        raise ReportError(_("{source}: the text is empty").format(source=meta.source or "report"))
    blocks = split_blocks(text)
    n_header = header_count(text, blocks)
    preamble: list[Block] = []
    top: list[_Node] = []
    appendices: list[_Node] = []
    part: _Node | None = None
    current: _Node | None = None
    body = blocks[n_header:]
    heads = infer_headings(
        [
            BodyLine(text[b.span.start : b.span.end], len(b.lines) == 1, _heading(text, b))
            for b in body
        ]
    )
    for b, h in zip(body, heads, strict=True):
        if h == UNTITLED:
            # An untitled passage (各位代表！…) opens at this block: see unmarked.py.
            at = Span(b.span.start, b.span.start)
            node = _Node("section", "", at, at.start, at.start)
            if part is None:
                top.append(node)
            else:
                part.children.append(node)
            current = node
        if not isinstance(h, HeadingMatch):
            for block in make_blocks(text, b):
                if current is not None:
                    current.add(block)
                else:
                    preamble.append(block)
            continue
        heading = _heading_span(text, b, h)
        run_on = _run_on_start(text, heading)
        if run_on is not None:
            heading = Span(heading.start, _rstrip_at(text, heading.start, run_on))
        node = _Node("section", h.marker, heading, b.span.start, b.span.end)
        if h.level == "appendix":
            node.kind = "appendix"
            appendices.append(node)
            part = None
        elif h.level == "part":
            node.kind = "part"
            top.append(node)
            part = node
        elif part is not None:
            part.children.append(node)
        else:
            top.append(node)
        current = node
        if run_on is not None:
            rest = Span(run_on, b.span.end)
            node.add(Block("paragraph", rest, _lead(text, rest)))
    if not top and not appendices:
        top, preamble = _single_section(text, blocks, n_header, preamble), []
    return Report(
        meta,
        text,
        _two_clause_leads_in_sets(text, tuple(preamble)),
        drop_lone_leads(tuple(n.freeze(text) for n in top)),
        tuple(n.freeze(text) for n in appendices),
    )


def _two_clause_leads_in_sets(text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Blocks with a lead of two clauses (加强民族团结，促进各民族共同繁荣。) left as a lead
    only when the same section has another lead: a national part prints its sub-topics so,
    one after the other, while a section of one such sentence (强化政治引领，坚定拥护。
    深化理论学习。) opens with an ordinary sentence."""
    leads = [b for b in blocks if b.kind == "paragraph" and b.lead]
    if len(leads) >= 2:
        return blocks
    return tuple(
        replace(b, lead=None)
        if b.kind == "paragraph" and b.lead and "，" in text[b.lead.start : b.lead.end]
        else b
        for b in blocks
    )


STATUS_SET = 2
"""Status clauses (and status-shaped leads) a section needs for its status clauses to lead."""


def _status_leads_in_sets(text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Blocks with the status clause opening a paragraph made its lead, when they come in sets.

    A review gives a paragraph to each field and opens it with the field's state:
    1982's review of the plan's first two years runs 农业生产持续地全面高涨，农村欣欣向荣，…
    / 工业消费品生产迅速发展，… / 财政收入连年下降的趋势开始扭转，…; 1984's review of the year
    has 科学教育文化卫生体育事业进一步发展 and 政权和法制建设进一步加强，… as leads, and 我国
    人民军队的革命化、现代化、正规化建设有了新的进展，… in their run. One such clause alone
    in its section (随着…运动的不断深入，…) opens an ordinary sentence.
    """
    found = {
        i: bounds
        for i, b in enumerate(blocks)
        if b.kind == "paragraph"
        and b.lead is None
        and (bounds := status_clause_bounds(text[b.span.start : b.span.end])) is not None
    }
    shaped = sum(
        1
        for b in blocks
        if b.kind == "paragraph"
        and b.lead is not None
        and status_clause_bounds(text[b.lead.start : b.lead.end] + "。") is not None
    )
    if not found or len(found) + shaped < STATUS_SET:
        return blocks
    out = list(blocks)
    for i, (a, z) in found.items():
        start = blocks[i].span.start
        out[i] = replace(blocks[i], lead=Span(start + a, start + z))
    return tuple(out)


_RUN_ON_MIN = 4
"""Least characters of a heading before a sentence printed on its line."""


def _run_on_start(text: str, heading: Span) -> int | None:
    """Where a sentence printed on a heading's line after a space begins, or None.

    ``三、深入改革经济体制和扩大对外开放 国民经济的长期稳定发展，既要靠…。`` (1987) is the
    heading 深入改革经济体制和扩大对外开放 and the opening sentence of its part: a title has
    no clause after a space that runs on with commas to a full stop.
    """
    label = text[heading.start : heading.end]
    for k, ch in enumerate(label):
        if ch in " \u3000" and k >= _RUN_ON_MIN:
            rest = label[k:].strip()
            if "，" in rest and len(rest) >= _RUN_ON_MIN:
                return heading.start + k + (len(label[k:]) - len(label[k:].lstrip()))
            return None
    return None


def _rstrip_at(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _single_section(
    text: str, blocks: list[RawBlock], n_header: int, body: list[Block]
) -> list[_Node]:
    """A text without headings opens as one section headed by its title line, if any."""
    if n_header:
        heading = blocks[0].lines[0]
    else:
        heading = Span(blocks[0].span.start, blocks[0].span.start)
    node = _Node("section", "", heading, heading.start, heading.end)
    for block in body:
        node.add(block)
    return [node]
