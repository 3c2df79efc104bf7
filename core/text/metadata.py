"""Infer a report's metadata (region, year reviewed, date, title, kind, id) from its text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import fields, replace
from pathlib import PurePath
from typing import Any

from reportdiff.core.errors import ReportError
from reportdiff.core.model import ReportKind, ReportMeta
from reportdiff.core.text.headings import DATE_LINE_RE, match_heading
from reportdiff.core.text.regions import CITY_LEVEL, REGIONS, region_pinyin, short_name

HEADER_LINES = 10
"""Title, date and speaker lines are found among the first lines of a report."""

YEAR_IS_RE = re.compile(r"(\d{4})\s*年是")
"""2023年是…: the opening of a review says which year it reviews."""

REVIEW_HEADING_RE = re.compile(r"(\d{4})\s*年\s*(?:工作回顾|国民经济和社会发展计划执行情况)")

ID_SAFE_RE = re.compile(r"[^a-z0-9]+")


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def find_date(lines: list[str]) -> tuple[int, int, int] | None:
    """The session date of the first ``——2024年1月16日…`` line near the top, if any."""
    for line in lines[:HEADER_LINES]:
        m = DATE_LINE_RE.match(line)
        if m:
            return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None


def find_title(lines: list[str]) -> str:
    """The title as printed: the first header line that names a 报告.

    A newspaper puts a headline before it on the same line (加快打造人民城市建设标杆
    《政府工作报告》摘要): the title starts at the first space-separated chunk naming the
    report, unless the line is a ``关于…的报告`` title, which is whole.
    """
    for line in lines[:HEADER_LINES]:
        if DATE_LINE_RE.match(line) or match_heading(line) or "。" in line:
            break
        if "报告" in line:
            if line.startswith("关于"):
                return line
            chunks = line.split()
            k = next(i for i, c in enumerate(chunks) if "报告" in c)
            start = line.index(chunks[k])
            return line[start:]
    return lines[0][:40] if lines else ""


def find_kind(title: str) -> ReportKind:
    """Plan report (计划执行情况…报告), summary (摘要) or work report."""
    if "计划" in title and ("执行" in title or "草案" in title):
        return "plan-report"
    if "摘要" in title:
        return "summary"
    return "work-report"


def _regions_in(line: str) -> list[str]:
    found = [name for name in REGIONS if name in line]
    districts = [n for n in found if n not in CITY_LEVEL]
    return districts or found


def find_region(lines: list[str]) -> str:
    """The region: from the date, title and speaker lines, else the most named in the text.

    On one line a district beats the city (上海市徐汇区 → 徐汇区). A newspaper summary may
    name its region only in passing (杨浦速度, 杨浦滨江), hence the count over the text.
    """
    head = lines[:HEADER_LINES]
    date_first = sorted(head, key=lambda ln: 0 if DATE_LINE_RE.match(ln) else 1)
    for line in date_first:
        found = _regions_in(line)
        if found:
            return found[0]
    text = "\n".join(lines)
    counts = Counter({name: text.count(short_name(name)) for name in REGIONS})
    # A district report names its city too (上海 in 002 outnumbers 杨浦 11 to 8), while a
    # city report names each district a few times (浦东 10 against 上海 65 in the city's).
    districts = Counter({n: c for n, c in counts.items() if n not in CITY_LEVEL})
    cities = Counter({n: c for n, c in counts.items() if n in CITY_LEVEL})
    d_name, d_n = districts.most_common(1)[0]
    c_name, c_n = cities.most_common(1)[0]
    if d_n >= 3 and d_n * 2 >= c_n:
        return d_name
    return c_name if c_n >= 3 else ""


def find_year(lines: list[str], date: tuple[int, int, int] | None) -> int:
    """The year reviewed: the session year − 1 when a session date is printed.

    A work report is given early in the year after the one it reviews, whatever its
    headings say (003 heads its review 二〇二三年工作回顾 but was given on 2023-01-04).
    Without a date: ``2023年是…`` in the opening, a ``2023年工作回顾`` heading, else the
    year most mentioned.
    """
    if date is not None:
        return date[0] - 1 if date[1] <= 6 else date[0]
    text = "\n".join(lines)
    for regex in (YEAR_IS_RE, REVIEW_HEADING_RE):
        m = regex.search(text)
        if m:
            return int(m.group(1))
    years = Counter(int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", text))
    return years.most_common(1)[0][0] if years else 0


def make_id(region: str, year: int, kind: ReportKind, source: str) -> str:
    """``<pinyin region>-<year>[-plan]``; from the source's file name if the region is unknown."""
    stem = region_pinyin(region) if region else None
    if stem is None:
        stem = ID_SAFE_RE.sub("-", PurePath(source).stem.lower()).strip("-") or "report"
    suffix = "-plan" if kind == "plan-report" else ""
    return f"{stem}-{year}{suffix}" if year else f"{stem}{suffix}"


def infer_meta(text: str, *, source: str, id: str | None = None, **overrides: Any) -> ReportMeta:
    """Infer a report's metadata from its (cleaned) text; ``overrides`` win.

    Args:
        text: The report text, best cleaned (see :func:`reportdiff.core.text.clean.clean_text`).
        source: Where the text came from (seed file name, path, URL).
        id: The id to use instead of the inferred one.
        **overrides: Any :class:`ReportMeta` field (region, year, date, title, kind).

    Raises:
        ReportError: an override names a field ReportMeta does not have.
    """
    known = {f.name for f in fields(ReportMeta)}
    bad = sorted(set(overrides) - known)
    if bad:
        raise ReportError(f"unknown metadata field(s): {', '.join(bad)}")
    lines = _lines(text)
    date = find_date(lines)
    title = find_title(lines)
    region = find_region(lines)
    meta = ReportMeta(
        id="",
        region=region,
        year=find_year(lines, date),
        date=f"{date[0]:04d}-{date[1]:02d}-{date[2]:02d}" if date else None,
        title=title,
        kind=find_kind(title),
        source=source,
    )
    meta = replace(meta, **overrides)
    return replace(meta, id=id or make_id(meta.region, meta.year, meta.kind, source))
