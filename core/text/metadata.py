"""Infer a report's metadata (region, level, years, date, title, kind, id) from its text.

Everything is read from the report itself: the front matter (title, ——date…会议上 line,
speaker line, see :mod:`reportdiff.core.text.frontmatter`) and the opening sentence
(我代表…人民政府). What the text does not say stays unknown ('' / 0 / None): a wrong
region or year is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from pathlib import PurePath
from typing import Any

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import KIND_ID_SUFFIX, RegionLevel, ReportKind, ReportMeta
from reportdiff.core.text.frontmatter import (
    MEETING_RE,
    SPEAKER_RE,
    FrontMatter,
    fold,
    read_front_matter,
)
from reportdiff.core.text.regions import (
    NATIONAL,
    canonical_region,
    divisions,
    level_of,
    region_pinyin,
    short_name,
    split_units,
)

YEAR_IS_RE = re.compile(r"(\d{4})\s*年是")
"""2023年是…: the opening of a review says which year it reviews."""

REVIEW_HEADING_RE = re.compile(
    r"(\d{4})\s*年\s*(?:国内)?(?:工作的?回顾|国民经济和社会发展计划执行情况)"
)
"""一、2023年工作回顾, 一、１９９４年国内工作的回顾."""

ON_BEHALF_RE = re.compile(r"代表(国务院|[\u4e00-\u9fff]{2,24}?人民政府)")
"""现在，我代表杭州市人民政府，向大会报告政府工作 / 我代表国务院."""

OPENING_CHARS = 1500
"""The opening sentence (我代表…人民政府) is within this many characters after the head."""

OFFICE_LEVEL: dict[str, RegionLevel] = {
    "总理": "national",
    "省长": "province",
    "州长": "prefecture",
    "盟长": "prefecture",
    "专员": "prefecture",
    "区长": "county",
    "县长": "county",
    "旗长": "county",
}
"""What the speaker's office tells of the level (市长 and 主席 alone do not)."""

TITLE_PLACE_RE = re.compile(r"[\u4e00-\u9fff]+")
ID_SAFE_RE = re.compile(r"[^a-z0-9]+")

FALLBACK_MIN_MENTIONS = 3
DECEMBER = 12
SELF_REFERENCE_RE = re.compile(
    r"[全本](省|区|市|州|盟|县|旗)|(省|区|市|州|盟|县|旗)(?:政府|委|人大)"
)
"""全区, 本市, 区政府, 县委: the kind of government a report speaks of as its own."""


WORK_REPORT_OPENING_RE = re.compile(
    r"(?:向|在)[\u4e00-\u9fff]{0,12}?(?:报告政府工作|作政府工作报告)|代表(?:国务院|[\u4e00-\u9fff]{2,24}?人民政府)"
)
"""How a work report's opening names itself: 向大会报告政府工作, 向大会作政府工作报告,
我代表国务院, 我代表杭州市人民政府."""

REPORT_TITLE_RE = re.compile(r"报告[》」]?\s*(?:[(（][^)）]{0,12}[)）])?$")
"""A title that ends as a report's does: 政府工作报告, 关于…的报告, 政府工作报告(2024年)."""

PLAN_REPORT_WORDS = ("执行", "草案", "安排")
"""What a plan report's title says of its plan: 计划执行情况, 计划草案, 国民经济计划安排."""

BUDGET_TITLE_RE = re.compile(r"[预决]算")
"""A budget report's title: 国家决算, 预算执行情况, 预算草案."""

MIN_HAN_SHARE = 0.5
"""Share of Han characters among a text's letters for it to be Chinese prose."""


def find_kind(front: FrontMatter, text: str = "") -> ReportKind:
    """Plan report (计划执行情况…报告), budget report (决算/预算…报告), summary (摘要), work
    report, or unknown.

    A title tells a plan report by the plan it reports on (计划执行情况, 计划草案, 计划安排:
    a year's plan, not 关于第六个五年计划的报告, the premier's report of that session) and a
    budget report by 决算 or 预算 in a title that ends as a report's does.

    A work report says it is one: a title ending in 报告, a ——date…会议上 line, a speaker line
    (江苏省省长 许昆林), an opening that names the government's work (向大会报告政府工作,
    我代表…人民政府); or, for a body without a head (an excerpt), Chinese prose that speaks
    of the government (政府工作, 区十七届人大). Any other text (a licence, a README in
    English, an article) is of unknown kind: taking it for a work report is a wrong answer.
    """
    title = front.title
    if "计划" in title and any(word in title for word in PLAN_REPORT_WORDS):
        return "plan-report"
    if BUDGET_TITLE_RE.search(title) and REPORT_TITLE_RE.search(title):
        return "budget-report"
    if "摘要" in title:
        return "summary"
    opening = fold(text[front.end : front.end + OPENING_CHARS])
    if (
        REPORT_TITLE_RE.search(title)
        or front.date is not None
        or front.speaker
        or WORK_REPORT_OPENING_RE.search(opening)
        or _headless_work_report(text[front.end :])
    ):
        return "work-report"
    return "unknown"


HEADLESS_WINDOW = 20000
"""How much of a headless text is read to judge its kind (and its share of Han letters)."""

HEADLESS_SELF_RE = re.compile(r"政府工作|人大[^。；\n]{0,12}?次会议")
"""How a work report's body speaks of the work it reports: 政府工作, the congress session
whose tasks it reviews (区十七届人大三次会议确定的目标). 市政府 alone is not enough: a
statistical bulletin or a press conference speaks of the government too."""

OTHER_KIND_TITLE_RE = re.compile(
    r"(?:公报|实录|通知|通报|意见|办法|规定|决定|纪要|讲话|致辞|答记者问|新闻稿|简报|方案|规划纲要|条例)"
    r"[》」]?\s*(?:[(（][^)）]{0,12}[)）])?$"
)
"""A first line that names another kind of document (统计公报, 新闻发布会实录, 通知, 讲话)."""


def _headless_work_report(body: str) -> bool:
    """A body without a head (an excerpt) is a work report when it is Chinese prose that
    speaks of the government's work or its congress session, and its first line does not
    name another kind of document (a statistical bulletin or a press conference speaks of
    市政府 too)."""
    window = body[:HEADLESS_WINDOW]
    first = next((line.strip() for line in window.splitlines() if line.strip()), "")
    if OTHER_KIND_TITLE_RE.search(first):
        return False
    return _han_share(window) >= MIN_HAN_SHARE and HEADLESS_SELF_RE.search(window) is not None


def _han_share(text: str) -> float:
    """Share of Han characters among the letters (Han and alphabetic) of ``text``."""
    letters = han = 0
    for ch in text[:20000]:
        if "\u4e00" <= ch <= "\u9fff":
            han += 1
            letters += 1
        elif ch.isalpha():
            letters += 1
    return han / letters if letters else 0.0


def place_region(phrase: str) -> str:
    """The most specific region a place phrase names: 上海市闵行区 → 闵行区; '' if none.

    国务院 and 全国 name the nation.
    """
    phrase = phrase.strip()
    if "国务院" in phrase or phrase in (NATIONAL, "中华人民共和国"):
        return NATIONAL
    phrase = re.sub(r"^(?:在|关于|中共)", "", phrase)
    units = split_units(phrase)
    return units[-1] if units else ""


def _meeting_region(meeting: str) -> str:
    m = MEETING_RE.search(fold(meeting))
    if m is None:
        return ""
    if m.group("nat"):
        return NATIONAL
    return place_region(m.group("place"))


def _speaker(speaker: str) -> tuple[str, RegionLevel]:
    m = SPEAKER_RE.match(speaker)
    if m is None:
        return "", "unknown"
    office = m.group("office").removeprefix("代理").removeprefix("代").removeprefix("副")
    region = place_region(m.group("place")) if m.group("place") else ""
    if office == "总理":
        region = NATIONAL
    return region, OFFICE_LEVEL.get(office, "unknown")


def _title_region(title: str) -> str:
    if "国务院" in title:
        return NATIONAL
    # 2024年杭州市政府工作报告: the year is no part of the place.
    plain = re.sub(r"[0-9〇○零一二三四五六七八九]{4}\s*年度?", " ", fold(title))
    for run in TITLE_PLACE_RE.findall(plain):
        run = re.sub(r"(?:人民)?政府(?:工作)?报告.*$", "", run)
        region = place_region(run) if len(run) >= 2 else ""
        if region:
            return region
    return ""


def find_region(front: FrontMatter, text: str) -> tuple[str, RegionLevel]:
    """The region and level, from the meeting, speaker, opening sentence and title in turn.

    Only when none of them names a region: the division the text names most, if it
    clearly dominates (:func:`named_most`); else ('', 'unknown').
    """
    speaker_region, office_level = _speaker(front.speaker)
    opening = text[front.end : front.end + OPENING_CHARS]
    behalf = ON_BEHALF_RE.search(opening)
    for region in (
        _meeting_region(front.meeting),
        speaker_region,
        place_region(behalf.group(1).removesuffix("人民政府")) if behalf else "",
        _title_region(front.title),
    ):
        if region:
            level = level_of(region)
            return region, office_level if level == "unknown" else level
    region = named_most(text)
    return region, level_of(region) if region else office_level


def named_most(text: str) -> str:
    """The division a text without front matter speaks of as its own, or ''.

    A newspaper summary may name its district only in passing (杨浦速度, 杨浦滨江, 落户
    杨浦). A division qualifies when its name occurs at least three times, its province
    or city is named too, it is named at least half as often as each of them (a district
    report names its city; a city report names each district a few times), and the text
    speaks of a government of its kind as its own (全区, 区政府, 区委 for a 区: a
    provincial report praising 金山银山 is no report of 金山区).
    The most specific qualifying level wins if one division clearly leads it.
    """
    own = set(SELF_REFERENCE_RE.findall(text))
    own = {a or b for a, b in own}
    counts = _name_counts(text)
    best: dict[RegionLevel, list[tuple[int, str]]] = {}
    for full, n in counts.items():
        divs = divisions()[full]
        # A name several divisions bear (鼓楼区 in four cities, 朝阳 a city and districts)
        # cannot say which one the text means.
        if (
            n < FALLBACK_MIN_MENTIONS
            or len(divs) != 1
            or canonical_region(short_name(full)) != full
        ):
            continue
        d = divs[0]
        if full[-1] not in own:
            continue
        ancestors = [a for a in {d.parent, d.province} - {full, ""}]
        named = [counts.get(a, 0) for a in ancestors]
        if ancestors and (not any(named) or any(n * 2 < c for c in named)):
            continue
        best.setdefault(d.level, []).append((n, full))
    levels: tuple[RegionLevel, ...] = ("county", "prefecture", "province")
    for level in levels:
        ranked = sorted(best.get(level, []), reverse=True)
        if ranked:
            if len(ranked) > 1 and ranked[1][0] * 2 >= ranked[0][0]:
                return ""
            return ranked[0][1]
    return ""


def _name_counts(text: str) -> dict[str, int]:
    """How often each listed division's short name occurs, by full name (one pass)."""
    by_prefix: dict[str, list[tuple[str, str]]] = {}
    for full in divisions():
        short = short_name(full)
        if len(short) >= 2:
            by_prefix.setdefault(short[:2], []).append((short, full))
    counts: dict[str, int] = {}
    for i in range(len(text) - 1):
        for short, full in by_prefix.get(text[i : i + 2], ()):
            if text.startswith(short, i):
                counts[full] = counts.get(full, 0) + 1
    return counts


def _years_in(s: str) -> list[int]:
    return [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", fold(s))]


def find_years(front: FrontMatter, text: str, kind: ReportKind) -> tuple[int, int | None]:
    """``(year reviewed, year delivered)``.

    Delivered: the session date's year, else the year a work report's title carries
    (2024年政府工作报告, 政府工作报告(2024年)) or the latest year of a plan report's title.
    Reviewed: the year before the one delivered, whatever the headings say (003 heads
    its review 二〇二三年工作回顾 but was given on 2023-01-04) and whatever the month of a
    session held in spring or summer: one session a year, so the year before it names
    the report uniquely in a series (the State Council met in July 1955 and June 1956,
    in November 1982 and June 1983). A session in December reviews the year it closes:
    county congresses that meet in late December, the State Council in December 1964.
    Without a date or titled year: ``2023年是…`` in the opening or a ``2023年工作回顾``
    heading. 0 / None when the text does not say.
    """
    delivered = front.date[0] if front.date else None
    title_years = _years_in(front.title)
    if (
        delivered is None
        and title_years
        and ("政府工作报告" in front.title or kind in ("plan-report", "budget-report"))
    ):
        delivered = max(title_years)
    if front.date is not None and front.date[1] == DECEMBER:
        return front.date[0], delivered
    if delivered is not None:
        return delivered - 1, delivered
    body = fold(text[front.end : front.end + 20000])
    for regex in (YEAR_IS_RE, REVIEW_HEADING_RE):
        m = regex.search(body)
        if m:
            return int(m.group(1)), None
    return 0, None


def make_id(region: str, year: int, kind: ReportKind, source: str) -> str:
    """``<pinyin region>-<year>[-plan]``; from the source's file name if the region is unknown."""
    stem = region_pinyin(region) if region else None
    if stem is None:
        stem = ID_SAFE_RE.sub("-", PurePath(source).stem.lower()).strip("-") or "report"
    suffix = KIND_ID_SUFFIX.get(kind, "")
    return f"{stem}-{year}{suffix}" if year else f"{stem}{suffix}"


def infer_meta(text: str, *, source: str, id: str | None = None, **overrides: Any) -> ReportMeta:
    """Infer a report's metadata from its (cleaned) text; ``overrides`` win.

    Args:
        text: The report text, best cleaned (see :func:`reportdiff.core.text.clean.clean_text`).
        source: Where the text came from (seed file name, path, URL).
        id: The id to use instead of the inferred one.
        **overrides: Any :class:`ReportMeta` field (region, year, date, title, kind…).

    Raises:
        ReportError: an override names a field ReportMeta does not have.
    """
    return infer_front(text, source=source, id=id, **overrides)[0]


def infer_front(
    text: str, *, source: str, id: str | None = None, **overrides: Any
) -> tuple[ReportMeta, int]:
    """Like :func:`infer_meta`, also returning the offset where the body starts."""
    known = {f.name for f in fields(ReportMeta)}
    bad = sorted(set(overrides) - known)
    if bad:
        raise ReportError(_("unknown metadata field(s): {value}").format(value=", ".join(bad)))
    front = read_front_matter(text)
    kind = find_kind(front, text)
    region, level = find_region(front, text)
    year, delivered = find_years(front, text, kind)
    date = front.date
    meta = ReportMeta(
        id="",
        region=region,
        year=year,
        date=f"{date[0]:04d}-{date[1]:02d}-{date[2]:02d}" if date else None,
        title=front.title,
        kind=kind,
        source=source,
        level=level,
        delivered=delivered,
    )
    if "region" in overrides and "level" not in overrides:
        overrides["level"] = level_of(overrides["region"]) if overrides["region"] else "unknown"
    meta = replace(meta, **overrides)
    return replace(meta, id=id or make_id(meta.region, meta.year, meta.kind, source)), front.end
