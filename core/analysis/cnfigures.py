"""Figures written in Chinese numerals (十六个, 百分之十一点八, 一万七千四百亿元): finding them.

Older national reports and many local ones print every figure this way. Small counts inside
names (两个特别行政区, 五项原则, “十四五”, 第三次会议) are left out.
"""

from __future__ import annotations

import re

from reportdiff.core.analysis.figures import Raw, in_quoted_name, preceded_by_ordinal, take_post
from reportdiff.core.analysis.units import UNITS, cn_decimal, parse_cn_numeral

# Chinese numerals only count with a classifier, and never a lone 一 (一件事, 一批 are idioms),
# never inside quotes (“两个确立”, “三所联动”) and never after 第.
_CN_RE = re.compile(
    r"(?<![〇零一二两三四五六七八九十百千万亿第“\"「‘])"
    r"(?P<num>[一二两三四五六七八九十][〇零一二两三四五六七八九十百千]*)"
    r"(?P<unit>个|项|家|名|座|条|所|倍|张|台|套|户|位|处|场|辆|栋|幢|人|件)(?!数)"
)

# Percentages in words, as older reports print them: 百分之十一点八, 百分之八至九 (a range).
_CN_DEC = "[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?"
_CN_PERCENT_RE = re.compile(rf"百分之(?P<a>{_CN_DEC})(?:(?:至|到)(?P<b>{_CN_DEC}))?")
_CN_SLOGANS = ("八项规定", "两个确立", "两个维护", "四个意识", "四个自信", "两个毫不动摇",
               "三个区分", "四个放在", "五个中心", "四个论英雄", "两个大局")  # fmt: skip


def find_cn_figures(key: str, start: int, end: int) -> list[Raw]:
    """The figures in Chinese numerals in ``key[start:end]`` (offsets into ``key``)."""
    found: list[Raw] = []
    region = key[start:end]
    for m in _CN_RE.finditer(region):
        s, e = m.start() + start, m.end() + start
        value = parse_cn_numeral(m["num"])
        if value is None or (m["num"] == "一") or in_quoted_name(key, s, e, start, end):
            continue
        if key.startswith(_CN_SLOGANS, s):
            continue
        if preceded_by_ordinal(key, s, start):
            continue
        raw = Raw(s, e, float(value), UNITS[m["unit"]], [], e)
        take_post(key, raw, end)
        found.append(raw)
    for m in _CN_PERCENT_RE.finditer(region):
        low, high = cn_decimal(m["a"]), cn_decimal(m["b"]) if m["b"] else None
        if low is None or (m["b"] and (high is None or high <= low)):
            continue
        raw = Raw(m.start() + start, m.end() + start, low, "%", [], m.end() + start, high)
        take_post(key, raw, end)
        found.append(raw)
    return found
