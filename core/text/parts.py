"""Which parts of a report review the past, set targets or lay out tasks, read from what they say.

A work report (政府工作报告) reviews the past year (or a five-year period) and then sets the
coming year's targets (今年经济社会发展的主要预期目标是…) and tasks. Where a part begins is
read from the words of its headings and openings — 回顾, 过去一年, 五年来, 今年…主要预期目标,
目标是, 主要任务 — and from the years they name against the year the report reviews, never
from the heading words of particular reports. :func:`report_parts` gives every block of a
report its part and the period its text is framed in (a paragraph under 过去五年 speaks of
five years unless a sentence says otherwise); numbers and the alignment read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reportdiff.core.model import Report

__all__ = [
    "BlockPart",
    "Framing",
    "PartName",
    "ReportParts",
    "fold_years",
    "framing_at",
    "heading_cue",
    "report_parts",
]

PartName = Literal["review", "plan", "tasks", ""]
"""``review`` (what was done), ``plan`` (the targets set), ``tasks`` (what is to be done),
or '' when the text does not say."""

_FOLD = str.maketrans("０１２３４５６７８９，：－—–～", "0123456789,:----")
_CN_YEAR_RE = re.compile(
    r"(?<![一二三四五六七八九〇○零十百千万])[一二][九〇○零][〇○零一二三四五六七八九]{2}(?=年)"
)
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")  # ○: 一九八○年


def fold_years(key: str) -> str:
    """``key`` with years written in Chinese digits made ASCII, one character for one.

    Older reports write 一九九〇年 where later ones write 1990年; offsets are kept.

    >>> fold_years("一九九〇年国民生产总值一万七千四百亿元")
    '1990年国民生产总值一万七千四百亿元'
    """
    return _CN_YEAR_RE.sub(lambda m: m.group().translate(_CN_YEAR_DIGITS), key)


def _fold(text: str) -> str:
    return fold_years(text.translate(_FOLD))


# A multi-year period: 五年来, 过去五年, “十五”期间, “九五”时期, 2001-2005年, 本届政府.
_YEARS_RE = re.compile(
    r"(?:在)?(?:过去的?|近|这|前|今后的?|未来的?)?[两二三四五六七八九十]年(?:来|间|中|里|内|以来)"
    r"|(?:在)?(?:过去的?|近|这|今后的?|未来的?)[二三四五六七八九十两]年"
    r"|[“\"]?[一二三四五六七八九十]{1,3}五[”\"]?(?:计划|规划)?(?:时期|期间|以来)"
    r"|本届政府|(?:19|20)\d\d\s*年?\s*(?:-|至|到)\s*(?:19|20)\d\d\s*年"
    # a heading naming its period: 改革开放和现代化建设取得伟大成就的五年, 五年的回顾
    r"|的[两二三四五六七八九十]年(?=$|[,，。:：、\s])|[两二三四五六七八九十]年(?:的|工作)(?:回顾|总结)"
)
_ONE_YEAR_RE = re.compile(
    r"过去(?:的)?一年|一年来|去年|今年|(?:在)?新的一年|明年|(?:19|20)\d\d\s*年(?![度\d]*月)"
)
_REVIEW_RE = re.compile(
    r"回顾|总结|执行情况|完成情况|过去|一年来|[两二三四五六七八九十]年来|以来|成就|进展"
)
_FORWARD_RE = re.compile(
    r"任务|部署|安排|建议|目标|计划草案|今年|明年|今后|展望|总体要求|工作重点|主要措施|思路"
)
_PLAN_RE = re.compile(
    r"主要预期目标|预期目标(?:是|为)|主要目标(?:是|为|:)|(?:总体|奋斗|发展|主要)目标(?:是|为)"
    r"|目标是|目标为"
)
# How a part reads when its heading does not say: what must be done (要, 必须, 应当, 力争)
# against what was done (了, 取得, 已经). 主要/重要/需要/要求 are not obligations, 为了/除了 not
# a past.
_OBLIGATION_RE = re.compile(
    r"(?<![主重需只纲摘提简概不])要(?![求素害点领])|必须|应当|应该|务必|力争|争取"
)
_DONE_RE = re.compile(r"(?<![为除])了(?!解)|取得|已经|已")
_READS_FORWARD = 0.6
"""Share of obligation words (of obligation + past words) from which a part reads as tasks;
a review part reads under 0.45, a tasks part over 0.6 in every corpus report 1978–2005."""
_READS_BACK = 0.3
_MIN_MARKERS = 8
"""A part must hold this many such words for its reading to count (a short part says little)."""
# A salutation before the opening (各位代表！1999年，…) is not the opening.
_SALUTATION_RE = re.compile(r"^(?:各位代表|同志们|代表们)[！!，,：:]\s*")
# A heading naming the situation as well as the tasks (当前国内形势和基本任务) opens a part
# that may review first: it says nothing by its words alone.
_SITUATION_RE = re.compile(r"形势")
_CLAUSE_END = re.compile(r"[,，;；。:：!！?？\n]")
_YEAR_NUM_RE = re.compile(r"((?:19|20)\d\d)\s*年")


@dataclass(frozen=True)
class Framing:
    """The period a stretch of text speaks of, as its own words frame it."""

    period: Literal["year", "years", ""]
    """``year`` (one year), ``years`` (a multi-year period such as 五年来) or '' (unsaid)."""
    label: str
    """The words that said it (过去五年, “九五”时期, 2004年, 今年), '' when unsaid."""
    year: int | None = None
    """For ``year``: which year, when known."""


_NO_FRAMING = Framing("", "")


@dataclass(frozen=True)
class BlockPart:
    """A block's part of the report and the period its section or opening frames it in."""

    part: PartName
    """review / plan / tasks, or '' when unknown."""
    framing: Framing
    """The period the block speaks of unless a sentence says otherwise."""


@dataclass(frozen=True)
class ReportParts:
    """The parts of one report, keyed by block path (section path + block index)."""

    blocks: dict[tuple[int, ...], BlockPart]
    """Per block path (preamble blocks: ``(index,)``)."""
    reviewed_year: int | None
    """The year the review speaks of (from the text when it says so, else the metadata)."""
    late: bool = False
    """Delivered late in the reviewed year (:func:`_delivered_late`): its 今年 is that year."""
    year_end: bool = False
    """Delivered in the last two months of the reviewed year (1981, 1982: 30 November): the
    year is over but for its count, so its figures for it are the year's results as
    estimated (今年…预计), not forecasts of a year still running."""

    @property
    def plan_year(self) -> int | None:
        """The year the targets and tasks are for: the year after the reviewed one."""
        return None if self.reviewed_year is None else self.reviewed_year + 1

    def at(self, block: tuple[int, ...] | None) -> BlockPart:
        """The part of a block, unknown for a block not in the report."""
        if block is None:
            return BlockPart("", _NO_FRAMING)
        return self.blocks.get(block, BlockPart("", _NO_FRAMING))


def framing_at(
    text: str, *, reviewed_year: int | None, anchored: bool, late: bool = False
) -> Framing:
    """The period ``text`` frames: five-year words first, then a single year.

    Args:
        text: A heading, or the opening clause of a paragraph.
        reviewed_year: The year the report reviews (去年 in its review), if known.
        anchored: Only a cue at the very start counts (a paragraph's opening 五年来，);
            otherwise a cue anywhere does (a heading 过去五年工作回顾).
        late: The report is delivered late in the year it reviews: its 今年 is that year.
    """
    key = _fold(text).lstrip(" \t\u3000")
    years = _YEARS_RE.match(key) if anchored else _YEARS_RE.search(key)
    if years and (not anchored or _ends_opening(key, years.end())):
        return Framing("years", years.group())
    one = _ONE_YEAR_RE.match(key) if anchored else _ONE_YEAR_RE.search(key)
    if one and (not anchored or _ends_opening(key, one.end())):
        word = one.group()
        return Framing("year", text.lstrip(" \t\u3000")[: len(word)] if anchored else word,
                       _year_of(word, reviewed_year, late=late))  # fmt: skip
    return _NO_FRAMING


def _ends_opening(key: str, end: int) -> bool:
    """Whether a period word opens the sentence (2023年，/ 2024年是 / 一年来的), not a name
    (2008年国务院政府工作报告 is a title line)."""
    if not key[:1].isdigit():
        return True  # 今年全市…, 过去五年全区…: relative words never name a title
    return end >= len(key) or key[end] in "是的要我"


def _year_of(word: str, reviewed_year: int | None, *, late: bool = False) -> int | None:
    m = _YEAR_NUM_RE.match(word)
    if m:
        return int(m.group(1))
    if reviewed_year is None:
        return None
    if word == "今年":
        return reviewed_year + (0 if late else 1)
    if word in ("新的一年", "在新的一年"):
        return reviewed_year + 1
    if word == "明年":
        return reviewed_year + (1 if late else 2)
    return reviewed_year  # 去年, 过去一年, 一年来


_LEADING_BLANKS_RE = re.compile(r"^(?:\s|<U\+00A0>|&nbsp;|—)+")
# A paragraph whose first line is a numbered heading the parse did not lift (一、过去五年工作回顾).
_INLINE_HEADING_RE = re.compile(r"^[一二三四五六七八九十]{1,3}、\s*([^。\n]{2,30})(?:\n|$)")


def _opening(text: str) -> str:
    text = _SALUTATION_RE.sub("", _LEADING_BLANKS_RE.sub("", text))
    m = _CLAUSE_END.search(text, 0, 60)
    return text[: m.start()] if m else text[:60]


def _reviewed_year(report: Report) -> int | None:
    """The year under review: with a session date, the metadata's (the year before, or the
    year itself for a session in December) unless the report is delivered late in the year
    it speaks of (:func:`_delivered_late`); without one, a review heading's own year
    (2023年工作回顾) beats metadata. A heading's year can be a misprint that a date
    corrects: 003 heads its review 二〇二三年工作回顾 and its tasks 二〇二三年主要任务, given on
    2023-01-04."""
    late = _delivered_late(report)
    if late is not None:
        return late
    if report.meta.year and _DATE_RE.match(report.meta.date or ""):
        return report.meta.year
    for _, section in report.walk():
        heading = _fold(report.heading_text(section))
        if _REVIEW_RE.search(heading) and not _YEARS_RE.search(heading):
            m = _YEAR_NUM_RE.search(heading)
            if m:
                return int(m.group(1))
    for _, section in report.walk():
        heading = _fold(report.heading_text(section))
        if _FORWARD_RE.search(heading) and not _REVIEW_RE.search(heading):
            m = _YEAR_NUM_RE.search(heading)
            if m:
                return int(m.group(1)) - 1
    return report.meta.year or None


_DATE_RE = re.compile(r"\d{4}-\d{2}")
"""A session date's year and month (``ReportMeta.date``)."""
_SO_FAR_RE = re.compile(
    r"今年(?:以来|上半年|前[一二三四五六七八九十]{1,2}个月"
    r"|[1一]月?(?:到|至)[1-9一二三四五六七八九十]{1,2}月)"
)
"""This year so far (今年以来, 今年上半年, 今年一到九月): the report reviews the year it is
delivered in."""


def _delivered_late(report: Report) -> int | None:
    """The year of delivery, for a report delivered in the second half of a year that
    speaks of that year so far (1981's, delivered on 30 November: 今年以来，各级政府…; 1982's:
    今年一到九月…): its 今年 is the year under review, 明年 the coming one. None otherwise."""
    date = report.meta.date or ""
    if not _DATE_RE.match(date) or int(date[5:7]) < 7:
        return None
    return int(date[:4]) if _SO_FAR_RE.search(_fold(report.text)) else None


def heading_cue(heading: str, reviewed: int | None) -> PartName:
    """What a section heading says it opens: 2023年工作回顾 → review, 2024年主要任务 → tasks."""
    key = _fold(heading)
    review = bool(_REVIEW_RE.search(key))
    forward = bool(_FORWARD_RE.search(key))
    year = _YEAR_NUM_RE.search(key)
    if year and reviewed is not None and not _YEARS_RE.search(key):
        if int(year.group(1)) > reviewed and not review:
            return "tasks"
        if int(year.group(1)) <= reviewed and not forward:
            return "review"
    if review and not forward:
        return "review"
    if forward and not review and not _SITUATION_RE.search(key):
        return "tasks"
    return ""


_ANNOUNCE_REVIEW_RE = re.compile(
    r"(?:首先|先|下面|现在)[,，]?\s*(?:我)?(?:先|就)?(?:报告|回顾|讲)(?:一下)?[^。！？]{0,24}?"
    r"(?:年|计划|五年|一年)[^。！？]{0,12}?(?:工作|执行情况|情况)"
)
_ANNOUNCE_TASKS_RE = re.compile(
    r"(?:今年|明年|(?:19|20)\d\d年)[^。！？]{0,16}?(?:抓好|做好|着重|重点)[^。！？]{0,6}?以下"
    r"[^。！？]{0,10}?(?:方面|几项|工作|任务)"
    r"|(?:下面|现在)[,，]?\s*(?:我)?(?:就)?[^。！？]{0,10}?(?:今年|明年|(?:19|20)\d\d年)"
    r"[^。！？]{0,10}?(?:工作|任务)(?:的安排|的建议|讲|谈)"
)


def announces(text: str) -> PartName:
    """The part a paragraph announces for what follows: ``review`` for 下面，我先报告一下…计划
    的执行情况 / 首先报告…年的工作, ``tasks`` for 今年要着重做好以下八个方面的工作, else ''."""
    key = _fold(text)
    if _ANNOUNCE_TASKS_RE.search(key):
        return "tasks"
    if _ANNOUNCE_REVIEW_RE.search(key):
        return "review"
    return ""


def reads_as(text: str) -> PartName:
    """How a stretch of text reads: ``tasks`` when obligations (要, 必须, 应当) dominate,
    ``review`` when what was done (了, 取得, 已经) does, '' when mixed or too short."""
    forward = len(_OBLIGATION_RE.findall(text))
    done = len(_DONE_RE.findall(text))
    if forward + done < _MIN_MARKERS:
        return ""
    share = forward / (forward + done)
    if share >= _READS_FORWARD:
        return "tasks"
    if share <= _READS_BACK:
        return "review"
    return ""


def _opening_cue(frame: Framing, reviewed: int | None) -> PartName:
    """What a paragraph's opening words say: 过去五年，/去年， → review; 2002年是…/今年 → tasks."""
    if frame.period == "year" and frame.year is not None and reviewed is not None:
        return "review" if frame.year <= reviewed else "tasks"
    if frame.period == "years":
        if re.match(r"(?:今后|未来)", frame.label):
            return "tasks"
        if re.match(
            r"(?:过去|近|这)?[两二三四五六七八九十]年(?:来|间|中|里|内|以来)|过去|本届政府",
            frame.label,
        ):
            return "review"
    return ""


_RECENT: list[tuple[Report, ReportParts]] = []
"""The parts of the reports read last, by the report object: in a comparison the aligner
and the number extractor both ask for each report's (the 8× pair: 0.05 s a report)."""
_RECENT_SIZE = 16


def report_parts(report: Report) -> ReportParts:
    """Every block's part (review / plan / tasks / '') and framing period.

    Read in order, like a person: a heading says which part it opens (回顾 → review;
    主要任务, or 2024年… in a report on 2023 → tasks) and its sub-sections follow it; where
    headings say nothing (topical headings, or none at all), a paragraph opening with a
    year or period moves the reading on (去年，… / 过去五年，… → review; 2002年是… / 今年…
    → tasks). Once the report looks ahead, only a heading or a paragraph naming the
    reviewed year (2023年，我们…) brings it back to a review; 一年来，… among tasks is a
    review of that paragraph only, and so is one under a tasks heading (过去的一年，…取得新的
    成就 opening 努力做好1996年的工作) when it only looks back: no 要/必须, no targets, no
    coming year. Conversely a review paragraph opening on what is to be done from now on
    (今后…要) is tasks, that paragraph only.
    Blocks before the first cue take it when it is a review (reports open with the review).
    A paragraph that states targets (今年…主要预期目标是, 目标是) outside the review is
    ``plan``.
    """
    for known, parts in _RECENT:
        if known is report:  # a Report is immutable: the same object, the same parts
            return parts
    parts = _report_parts(report)
    _RECENT.append((report, parts))
    del _RECENT[:-_RECENT_SIZE]
    return parts


def _report_parts(report: Report) -> ReportParts:
    reviewed = _reviewed_year(report)
    late = reviewed is not None and reviewed == _delivered_late(report)
    text = report.text
    heading_part: dict[tuple[int, ...], PartName] = {}
    section_frame: dict[tuple[int, ...], Framing] = {}
    for path, section in report.walk():
        heading = report.heading_text(section)
        parent = path[:-1]
        inherited = heading_part.get(parent, "")
        # a sub-heading follows its part (国家重大战略任务扎实推进 under 2023年工作回顾 is
        # a review): its own words count only where no heading above has spoken
        heading_part[path] = inherited or heading_cue(heading, reviewed)
        frame = framing_at(heading, reviewed_year=reviewed, anchored=False, late=late)
        if (
            heading_part[path] == "review"
            and frame.year is not None
            and reviewed is not None
            and frame.year > reviewed
        ):
            # a review speaks of a year that is over: a later year in its heading is a
            # misprint the session date corrects (二〇二三年工作回顾 given on 2023-01-04)
            frame = Framing(frame.period, frame.label, reviewed)
        if frame.period == "":
            frame = section_frame.get(parent, _NO_FRAMING) if parent else _NO_FRAMING
        section_frame[path] = frame

    order: list[tuple[tuple[int, ...], PartName, Framing, str]] = []
    running: PartName = ""
    inline_frame = _NO_FRAMING
    current_top: tuple[int, ...] | None = None
    current_section: tuple[int, ...] | None = None
    for path, index, block in report.blocks():
        block_text = text[block.span.start : block.span.end]
        from_heading = heading_part.get(path, "") if path else ""
        if path[:1] != current_top:
            current_top = path[:1]
            if from_heading:
                running = from_heading
            elif path and running in ("", "review"):
                # A part whose heading says nothing (坚持长期稳定发展经济的方针 after a
                # review) reads as what it is: tasks if it says what must be done. A first
                # part reads as a review if it says what was done (reports open with the
                # review; one that also looks ahead is left to its paragraphs).
                top = report.sections[path[0]]
                reading = reads_as(text[top.span.start : top.span.end])
                if (reading == "tasks" and running) or (reading == "review" and not running):
                    running = reading
        if path != current_section and len(path) > 1 and not from_heading and running == "review":
            # Likewise a section inside a part whose headings say nothing: a report cut by
            # field (1984's 关于国内建设 reviews the year, then sets 一、…五、 reforms under
            # topical headings) moves on to its tasks where a section says what must be done.
            span = report.section_at(path).span
            if reads_as(text[span.start : span.end]) == "tasks":
                running = "tasks"
        current_section = path
        frame = section_frame.get(path, _NO_FRAMING) if path else _NO_FRAMING
        own = framing_at(_opening(block_text), reviewed_year=reviewed, anchored=True, late=late)
        if own.period:
            frame = own
        cue = _opening_cue(own, reviewed)
        inline = _INLINE_HEADING_RE.match(_LEADING_BLANKS_RE.sub("", block_text))
        if inline and not from_heading and heading_cue(inline.group(1), reviewed):
            running = heading_cue(inline.group(1), reviewed)
            inline_frame = framing_at(
                inline.group(1), reviewed_year=reviewed, anchored=False, late=late
            )
            cue = ""
        if not frame.period and not own.period:
            frame = inline_frame
        part: PartName = running
        if cue == "tasks" or (cue == "review" and running != "tasks"):
            running = part = cue
        elif cue == "review":
            # among tasks, 2023年，我们… starts a review again (a 政府自身建设 part that
            # reviews, then looks ahead); 一年来，… speaks of the past in that paragraph only
            part = "review"
            if _YEAR_NUM_RE.search(_fold(own.label)):
                running = "review"
        if cue == "review" and from_heading == "tasks" and _looks_back_only(block_text, reviewed):
            # 过去的一年，…取得新的成就 opening 努力做好1996年的工作: the paragraph reviews,
            # whatever its heading says; one that also speaks of the coming year stays tasks
            from_heading = "review"
        if part == "review" and not from_heading and _opens_ahead(block_text):
            part = "tasks"  # that paragraph only: the reading does not turn with it
        order.append(((*path, index), from_heading or part, frame, block_text))
        # A paragraph that announces what follows (下面，我先报告一下“六五”计划的执行情况 /
        # 今年要着重做好以下八个方面的工作) sets the part of the paragraphs after it.
        announced = announces(block_text)
        if announced == "tasks" or (announced == "review" and running != "tasks"):
            running = announced

    first = next((p for _, p, _, _ in order if p), "")
    blocks: dict[tuple[int, ...], BlockPart] = {}
    for key, part, frame, block_text in order:
        if not part and first == "review" and not blocks_seen_forward(blocks):
            part = "review"
        if part != "review" and _states_targets(block_text):
            part = "plan"
        blocks[key] = BlockPart(part, frame)
    month = (report.meta.date or "")[5:7]
    year_end = late and month.isdigit() and int(month) >= _YEAR_END_MONTH
    return ReportParts(blocks, reviewed, late, year_end)


_YEAR_END_MONTH = 11
"""From November, a report given in the year it reviews speaks of that year as done."""


_AHEAD_RE = re.compile(r"今年|明年|新的一年|今后|未来|(?:19|20)\d\d\s*年(?![度\d]*月)")


def _looks_back_only(text: str, reviewed: int | None) -> bool:
    """Whether a paragraph that opens looking back (过去的一年，去年，2023年我们…) speaks of the
    past only: it sets no targets, says nothing that must be done (要, 必须, 应当) and names no
    coming year (今年, 明年, 今后, a year after the reviewed one)."""
    key = _fold(text)
    if _states_targets(text) or _OBLIGATION_RE.search(text):
        return False
    for m in _AHEAD_RE.finditer(key):
        year = _YEAR_NUM_RE.match(m.group())
        if year is None or reviewed is None or int(year.group(1)) > reviewed:
            return False
    return True


_OPENS_AHEAD_RE = re.compile(r"^[^。！？]{0,12}?今后([^。！？]*)")


def _opens_ahead(text: str) -> bool:
    """Whether a review paragraph's first sentence says what is to be done from now on (今后
    among its first words, an obligation after it): 1984's 国务院认为，今后在经济工作中，要着重
    抓好…两件大事 closing its review of the year is a task paragraph."""
    m = _OPENS_AHEAD_RE.match(_SALUTATION_RE.sub("", _LEADING_BLANKS_RE.sub("", text)))
    return m is not None and _OBLIGATION_RE.search(m.group(1)) is not None


def blocks_seen_forward(blocks: dict[tuple[int, ...], BlockPart]) -> bool:
    """Whether a plan or task block has been read already."""
    return any(b.part in ("plan", "tasks") for b in blocks.values())


def _states_targets(text: str) -> bool:
    """Whether a paragraph sets targets: 今年…主要预期目标是, 目标是 (not 超过预期目标)."""
    return bool(_PLAN_RE.search(_fold(text)))
