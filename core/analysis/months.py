"""The months a part of a year covers (上半年, 一季度, 1-11月), to compare two parts."""

from __future__ import annotations

import re

__all__ = ["part_months"]

_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_QUARTERS = {"上半年": "1-6", "下半年": "7-12", "前三季度": "1-9", "前二季度": "1-6",
             "前两季度": "1-6"}  # fmt: skip


def part_months(label: str) -> str:
    """The months a part of a year covers, as ``first-last`` (上半年 and 1-6月 → 1-6;
    一季度 → 1-3), else the label itself."""
    label = label.replace(" ", "").removesuffix("份")
    if label in _QUARTERS:
        return _QUARTERS[label]
    q = re.fullmatch(r"第?([一二三四1-4])季度", label)
    if q is not None:
        n = int(q.group(1)) if q.group(1).isdigit() else _CN_MONTHS[q.group(1)]
        return f"{3 * n - 2}-{3 * n}"
    m = re.fullmatch(r"(?:1|一)(?:-|至|到|~)(\d{1,2}|十[一二]?|[一二三四五六七八九])月", label)
    if m is not None:
        last = m.group(1)
        return f"1-{int(last) if last.isdigit() else _CN_MONTHS[last]}"
    m = re.fullmatch(r"前(\d{1,2}|十[一二]?|[一二三四五六七八九])个月", label)
    if m is not None:
        last = m.group(1)
        return f"1-{int(last) if last.isdigit() else _CN_MONTHS[last]}"
    return label
