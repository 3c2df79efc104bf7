"""Figures written in digits (154.99亿元, 6%－6.5%, 5757套(间)): finding them in a block.

A :class:`Raw` is a figure before its indicator is known: where it is printed, its value in
the base unit, and the qualifiers printed right after it (以上, 左右). Chinese-numeral forms
are :mod:`reportdiff.core.analysis.cnfigures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportdiff.core.analysis.clauses import find_clause_start, is_han
from reportdiff.core.analysis.units import MAGNITUDES, TIME_UNITS, UNITS

# ---------------------------------------------------------------------------------------
# Lexicon

UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
MAG_ALT = "|".join(sorted(MAGNITUDES, key=len, reverse=True))

# Runs on the folded key (same offsets as the text). A magnitude followed by a unit is
# tried before a unit alone, so 5千瓦 is 5 千瓦 and 3千人 is 3 千 人; spaces are allowed
# because PDF extraction prints "154.99 亿元".
DIGIT_RE = re.compile(
    r"(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?"
    # a fraction broken by extraction before its unit: 实到外资18.4 5 亿美元 is 18.45
    rf"|\d+\.\d{{1,3}} \d{{1,2}}(?= ?(?:{MAG_ALT}|{UNIT_ALT}))"
    r"|\d+(?:\.\d+)?)"
    r" ?(?P<a1>多|余)?"
    rf"(?:(?P<mag>{MAG_ALT})(?P<a2>多|余)? ?(?P<unit>{UNIT_ALT})"
    rf"|(?P<unit2>{UNIT_ALT})"
    rf"|(?P<mag2>{MAG_ALT}))?"
)

POST_QUALIFIER_RE = re.compile(r"(?:以上|左右|以内|以下|多)")
_SUFFIX_RE = re.compile(r"\((?:间|套)\)")

# A unit word followed by these is the start of another word, not a unit (元宇宙, 人民).
NOT_A_UNIT: dict[str, tuple[str, ...]] = {
    "元": ("宇宙",),
    "人": ("民",),
    "位": ("居", "列", "于"),
    "周": ("年", "边"),
    "个": ("体",),
    "床": ("位",),
    "条": ("例", "件"),
    "名": ("单", "录", "称"),
    "处": ("理", "置"),
    "户": ("籍",),
    "部": ("门",),
    "场": ("所",),
    "支": ("持", "撑", "出"),
    "天": ("然",),
    "米": ("其",),
    "项": ("目",),
    "门": ("峡", "户", "类", "槛", "诊", "店", "口", "票", "路", "前", "外", "的"),
}
# Numbered slogans, not counts: 中央八项规定精神, “两个确立”.
# The lower end of a range before its upper end (6%－6.5%, 3000-3500万吨, 6至7%).
_RANGE_LOW_RE = re.compile(
    rf"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?P<mag>{MAG_ALT})?(?P<unit>{UNIT_ALT})?"
    r"\s*(?P<sep>-|~|～|—|至|到)\s*$"
)


@dataclass
class Raw:
    """A number match before its indicator is known."""

    start: int
    end: int
    value: float
    base: str
    approx: list[str]
    post_end: int
    """End of the number, its (间) suffix and any post qualifier (以上, 左右)."""
    high: float | None = None
    """For a range (6%－6.5%): the upper end; ``value`` is the lower."""


def digit_match(text: str, key: str, m: re.Match[str], start: int, end: int) -> Raw | None:
    s = m.start() + start
    num = m["num"]
    mag = m["mag"] or m["mag2"] or ""
    unit = m["unit"] or m["unit2"] or ""
    e = m.end() + start
    if unit and key.startswith(NOT_A_UNIT.get(unit[-1], ()), e):
        return None  # 元宇宙, 人民: the "unit" starts another word
    if unit == "度" and mag not in ("万亿", "亿", "万"):
        return None  # 30度 is a temperature; 120亿度 is electricity
    if not unit and mag not in ("万亿", "亿", "万", "千万", "百万"):
        return None  # bare numbers are names (5G, 12345热线, MEET678), not quantities
    before = key[s - 1] if s > start else " "
    if (before.isascii() and before.isalpha()) or before in "×*/":
        return None  # PM2.5, G1级, 7×24
    if preceded_by_ordinal(key, s, start):
        return None
    low_end = _range_low(key, s, start, m)
    if low_end is None and before in "-~～—" and s - 2 >= start and key[s - 2].isdigit():
        return None  # the upper end of a range of years (2023-2025)
    if before == "每":
        return None  # a denominator: 每10万人近20张
    if before == " " and s - 2 >= start and key[s - 2].isdigit():
        return None  # a fragment of a number broken by extraction: 同比增长 6 9.4 %
    after = key[e] if e < end else " "
    if after in "×*" or (after.isascii() and after.isalpha()):
        return None
    base = UNITS.get(unit, "")
    if base in TIME_UNITS and is_han(after):
        return None  # 15分钟社区生活圈, 24小时开放: a modifier of a name
    if base != "版" and in_quoted_name(key, s, e, start, end):
        return None  # “15分钟生活圈示范奖”, “80条”
    if len(num) > 18:
        return None  # a digit run this long is an id or garbage, not a figure
    number = float(num.replace(",", "").replace(" ", ""))
    value = number * MAGNITUDES.get(mag, 1.0)
    approx = [w for w in (m["a1"], m["a2"]) if w]
    raw = Raw(s, e, value, base, approx, e)
    if low_end is not None:
        raw.start, raw.high = low_end[0], value
        raw.value = low_end[1] * MAGNITUDES.get(low_end[2] or mag, 1.0)
        if raw.value >= value:
            return None  # not a range read upwards: a date or an id (12-3)
    take_post(key, raw, end)
    # 5757套(间): the suffix is part of the printed unit, not a qualifier.
    suffix = _SUFFIX_RE.match(key, raw.end, end)
    if suffix and base in ("套", "间"):
        raw.end = raw.post_end = suffix.end()
        take_post(key, raw, end)
    if (
        raw.approx[-1:] in (["以上"], ["以下"])
        and raw.post_end < end
        and is_han(key[raw.post_end])
        and base not in ("%", "个百分点")
        and not _bare_count_of(key, raw, end)
    ):
        return None  # a size class, not a count: 58个10亿元以上重大产业项目
    return raw


def _bare_count_of(key: str, raw: Raw, end: int) -> bool:
    """Whether a figure with no unit and 以上 counts the noun after it: 再有1000万以上贫困人口
    解决温饱问题 is more than ten million people, not a class of something (a size class has
    a measure, 10亿元以上重大产业项目, or qualifies another noun: 十亿以上人口的生活)."""
    if raw.base:
        return False
    stop = raw.post_end
    while stop < end and is_han(key[stop]) and key[stop] != "的":
        stop += 1
    return stop - raw.post_end >= 2 and not key.startswith("的", stop)


def _range_low(key: str, s: int, start: int, m: re.Match[str]) -> tuple[int, float, str] | None:
    """The lower end of a range ending in the figure at ``s``: (start, number, magnitude).

    6%－6.5%, 6－6.5%, 3000-3500万吨 and 6至7% are ranges; both ends must share the unit
    when the lower one prints it, and 从6%到7% is a change, not a range.
    """
    if not (m["unit"] or m["unit2"]):
        return None
    low = _RANGE_LOW_RE.search(key, max(start, s - 24), s)
    if low is None:
        return None
    unit = m["unit"] or m["unit2"] or ""
    if low["unit"] and low["unit"] != unit:
        return None
    if low["sep"] in "至到":
        head = key[find_clause_start(key, low.start(), start) : low.start()]
        if "从" in head or "由" in head:
            return None
    if low.start() > start and key[low.start() - 1] in "-~～—第":
        return None
    return low.start(), float(low["num"]), low["mag"] or ""


def take_post(key: str, raw: Raw, end: int) -> None:
    m = POST_QUALIFIER_RE.match(key, raw.post_end, end)
    if m:
        raw.approx.append(m.group())
        raw.post_end = m.end()


def preceded_by_ordinal(key: str, s: int, start: int) -> bool:
    i = s - 1
    while i >= start and key[i] == " ":
        i -= 1
    return i >= start and key[i] == "第"


def in_quoted_name(key: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether [s, e) sits inside a short quotation (a name), e.g. “15分钟生活圈示范奖”."""
    lo = max(start, s - 20)
    opening = key.rfind("“", lo, s)
    if opening < 0 or key.rfind("”", opening, s) >= 0:
        return False
    closing = key.find("”", e, min(end, e + 20))
    if closing < 0:
        return False
    inner = key[opening + 1 : closing]
    return not any(c in "。;!?\n" for c in inner)
