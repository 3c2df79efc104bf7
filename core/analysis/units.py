"""Units, magnitudes and numerals of Chinese report figures (亿元, 万平方米, 个百分点, 十六个).

Pure tables and small parsers shared by :mod:`reportdiff.core.analysis.numbers`: which words after a
number are units, what base unit and magnitude they stand for, which units may be compared
with each other, and how to read Chinese numerals (十六, 两, 二〇二三) and full-width digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAGNITUDES: dict[str, float] = {
    "万亿": 1e12,
    "千万": 1e7,
    "百万": 1e6,
    "亿": 1e8,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,
}
"""Magnitude words written between a number and its unit (154.99亿元, 1.37万亿斤)."""

# Printed unit → base unit. Only words that follow a number *as a unit* belong here:
# 年/月/日 (dates), 号 (23号线), 届/期 (ordinals) and 岁 (60岁以上 is a population, not a
# count) are deliberately absent, so such numbers never become quantities.
UNITS: dict[str, str] = {
    # money
    "元": "元",
    "美元": "美元",
    "欧元": "欧元",
    "港元": "港元",
    "日元": "日元",
    "英镑": "英镑",
    # rates
    "%": "%",
    "‰": "‰",
    "个百分点": "个百分点",
    "百分点": "个百分点",
    "倍": "倍",
    # area, length, volume, mass, energy
    "平方米": "平方米",
    "平方公里": "平方公里",
    "平方千米": "平方公里",
    "公顷": "公顷",
    "亩": "亩",
    "公里": "公里",
    "千米": "公里",
    "米": "米",
    "立方米": "立方米",
    "微克/立方米": "微克/立方米",
    "吨": "吨",
    "公斤": "公斤",
    "千克": "公斤",
    "斤": "斤",
    "公担": "公担",  # 100 公斤, in reports of the 1950s
    "担": "担",  # 市担, 50 公斤: cotton and grain in older reports (三百九十万担)
    "千瓦时": "千瓦时",
    "千瓦小时": "千瓦时",
    "度": "千瓦时",  # only after 万/亿 (120亿度): alone it is a temperature or an angle
    "千瓦": "千瓦",
    "兆瓦": "兆瓦",
    "标准箱": "标准箱",
    "重量箱": "重量箱",  # flat glass: 平板玻璃７９２万重量箱
    # durations (kept: 仅23天 is news; 7×24 is filtered out as a product)
    "个工作日": "工作日",
    "工作日": "工作日",
    "个月": "个月",
    "小时": "小时",
    "分钟": "分钟",
    "天": "天",
    "周": "周",
    # counts
    "个": "个",
    "张": "张",
    "家次": "家次",
    "家": "家",
    "户次": "户次",
    "户": "户",
    "台": "台",
    "套": "套",
    "间": "间",
    "项": "项",
    "人次": "人次",
    "人": "人",
    "件": "件",
    "名": "名",
    "位": "位",
    "座": "座",
    "条": "条",
    "所": "所",
    "幢": "幢",
    "栋": "栋",
    "处": "处",
    "场": "场",
    "批": "批",
    "辆": "辆",
    "艘": "艘",
    "架": "架",
    "株": "株",
    "棵": "棵",
    "部": "部",
    "册": "册",
    "篇": "篇",
    "种": "种",
    "支": "支",
    "块": "块",
    "幅": "幅",
    "宗": "宗",
    "笔": "笔",
    "次": "次",
    "例": "例",
    "剂": "剂",
    "份": "份",
    "床": "床",
    "门": "门",  # telephone lines: 一百五十七万门
    "头": "头",  # livestock: 生猪四亿头
    # a version (5.0版 → 6.0版) is news, but only ever compared with another version
    "版": "版",
}

RATE_UNITS = frozenset({"%", "‰", "个百分点", "倍"})
"""Units whose relative change (a percentage of a percentage) would mislead a reader."""

MEASURE_UNITS = frozenset(
    {
        "元", "美元", "欧元", "港元", "日元", "英镑", "%", "‰", "个百分点", "倍", "平方米",
        "平方公里", "公顷", "亩", "公里", "米", "立方米", "微克/立方米", "吨", "公斤", "斤",
        "公担", "担", "千瓦时", "千瓦", "兆瓦", "标准箱", "重量箱", "工作日", "个月", "小时", "分钟", "天", "周", "版",
    }
)  # fmt: skip
"""Base units that measure an amount; every other unit is a classifier (个 张 家 …) that
usually stands right before the noun it counts (600张养老床位)."""

TIME_UNITS = frozenset({"小时", "分钟", "天", "周"})
"""Durations: 15分钟社区生活圈 and 24小时开放 are names or modifiers when a noun follows."""

_EQUIVALENT: dict[str, str] = {
    "名": "人", "位": "人", "户": "家", "套(间)": "套", "床": "张", "部": "件",
}  # fmt: skip
# 人/名/位 all count people and 家/户 both count firms (新注册企业5800户 vs 企业…家); laws
# and regulations are counted in 部 or 件 (28部行政法规, 32件行政法规). A bare 万/亿 count
# stays apart: 参保人数…1.17亿 (医疗) must not meet 参保人数突破2亿人 (养老).


_DIMENSIONS: dict[str, tuple[str, float]] = {
    "吨": ("公斤", 1000.0), "公斤": ("公斤", 1.0), "斤": ("公斤", 0.5),
    "公担": ("公斤", 100.0), "担": ("公斤", 50.0),
    "平方公里": ("平方米", 1e6), "公顷": ("平方米", 1e4), "亩": ("平方米", 10_000 / 15),
    "平方米": ("平方米", 1.0),
    "公里": ("米", 1000.0), "米": ("米", 1.0),
    "兆瓦": ("千瓦", 1000.0), "千瓦": ("千瓦", 1.0),
    "%": ("%", 1.0), "‰": ("%", 0.1),  # 千分之十 (1979) is the 1% of 1980
}  # fmt: skip
# Units of one dimension measure alike: grain in 亿公斤 (1995) and in 万吨 (2005), land in 亩
# and in 公顷. 千瓦时, 千瓦小时 and 度 are one unit already (see UNITS). Currencies are not
# converted: an exchange rate is no constant.


def compare_key(base_unit: str) -> str:
    """The unit class two quantities must share to be compared (名 and 人 count alike;
    吨, 公斤 and 斤 weigh alike)."""
    if base_unit in _DIMENSIONS:
        return _DIMENSIONS[base_unit][0]
    return _EQUIVALENT.get(base_unit, base_unit)


def to_dimension_base(base_unit: str) -> float:
    """The factor from ``base_unit`` to its dimension's base (吨 → 1000 公斤; 个 → 1).

    >>> to_dimension_base("吨"), to_dimension_base("亩") * 15, to_dimension_base("元")
    (1000.0, 10000.0, 1.0)
    """
    return _DIMENSIONS.get(base_unit, ("", 1.0))[1]


_CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}

CN_NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万亿"


def parse_cn_numeral(text: str) -> int | None:
    """Read a Chinese numeral: 十六 → 16, 两 → 2, 三百二十 → 320, 一千零五 → 1005.

    Digit-by-digit forms (二〇二三 → 2023) are read positionally. Returns None when the text
    is not a numeral.

    >>> parse_cn_numeral("十六"), parse_cn_numeral("两"), parse_cn_numeral("二〇二三")
    (16, 2, 2023)
    >>> parse_cn_numeral("一万七千四百亿"), parse_cn_numeral("十亿八千万")
    (1740000000000, 1080000000)
    """
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        return None
    if not any(c in _CN_SMALL or c in _CN_BIG for c in text):
        value = 0
        for c in text:
            value = value * 10 + _CN_DIGITS[c]
        return value
    # 亿 multiplies everything before it (一万七千四百亿 = 17400亿); 万 only the section
    # since the last 万 or 亿 (十亿八千万 = 10亿 + 8000万)
    high = 0  # the part already multiplied by 亿
    mid = 0  # the 万 part below it
    section = 0
    digit: int | None = None
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        elif c in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[c]
            digit = None
        elif c == "万":
            section += digit or 0
            mid += (section or 1) * _CN_BIG[c]
            section = 0
            digit = None
        else:
            section += digit or 0
            high = (high + mid + section or 1) * _CN_BIG[c]
            mid = section = 0
            digit = None
    return high + mid + section + (digit or 0)


_CN_DIGIT_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def cn_decimal(text: str) -> float | None:
    """Read a Chinese decimal numeral, as 百分之十一点八 prints it.

    >>> cn_decimal("十一点八"), cn_decimal("八"), cn_decimal("点")
    (11.8, 8.0, None)
    """
    whole, _, frac = text.partition("点")
    value = parse_cn_numeral(whole)
    if value is None or any(c not in _CN_DIGIT_VALUES for c in frac):
        return None
    digits = "".join(str(_CN_DIGIT_VALUES[c]) for c in frac)
    return float(f"{value}.{digits}") if digits else float(value)


# Full-width digits, point, percent and clause punctuation fold to ASCII one character for
# one character, so a folded key has the same offsets as the text it was made from: the
# offset map back into the report text is the identity, and the text is never rewritten.
_FOLD = str.maketrans(
    "０１２３４５６７８９．％，；：！？（）＋－\u00a0\u3000",
    "0123456789.%,;:!?()+-  ",
)


def fold(text: str) -> str:
    """A same-length key of ``text``: full-width digits/points/punctuation made ASCII.

    >>> fold("１５４．９９亿元，增长８％")
    '154.99亿元,增长8%'
    """
    return text.translate(_FOLD)


@dataclass(frozen=True)
class PrintedUnit:
    """How a quantity's unit is printed and what it means."""

    magnitude_word: str
    """The magnitude as printed (亿, 万, 万亿) or ''."""
    unit_word: str
    """The unit as printed (元, 平方米, 套(间)) or '' for a bare count."""
    factor: float
    """Multiplier from the printed number to the base unit (亿 → 1e8)."""
    base: str
    """The base unit (元, 平方米, 套 …)."""

    @property
    def display(self) -> str:
        """The unit as a reader sees it after the number: 亿元, 万平方米, %."""
        return self.magnitude_word + self.unit_word


_NUM_HEAD = re.compile(
    r"^[\s约超近逾]*[0-9０-９.,．]+"
    r"|^[\s约超近逾]*[" + CN_NUMERAL_CHARS + r"]+(?:点[〇零一二三四五六七八九]+)?"
)
_UNIT_WORDS = sorted(UNITS, key=len, reverse=True)
_MAG_WORDS = sorted(MAGNITUDES, key=len, reverse=True)


def printed_unit(text: str) -> PrintedUnit:
    """Split the unit off a quantity's printed text (``154.99亿元`` → 亿 + 元).

    >>> printed_unit("154.99亿元").display, printed_unit("5757套(间)").base
    ('亿元', '套')
    >>> printed_unit("一万七千四百亿元").display, printed_unit("零点八个百分点").base
    ('亿元', '个百分点')
    >>> printed_unit("九百一十二万千瓦").display, printed_unit("3万多项").display
    ('万千瓦', '万项')
    """
    key = fold(text)
    head_match = _NUM_HEAD.match(key)
    head = head_match.group().strip(" 约超近逾") if head_match else ""
    rest = key[head_match.end() if head_match else 0 :].lstrip()
    # 九百一十二万千瓦: the 千 is the unit's (as the finder reads it: the unit after the
    # longest numeral, so 二千米 stays 2000 米)
    gives_back = head and head[-1] in "千百" and not _starts_with_unit(rest)
    if gives_back and _starts_with_unit(head[-1] + rest):
        head, rest = head[:-1], head[-1] + rest
    # A numeral in words holds its own magnitude (一万七千四百亿元, 一百五十七万门): the last
    # 万/亿 of it is the magnitude a reader sees, so Δ is said in 亿元 as the figure is.
    cn_mag = ""
    if head and not any(c.isdigit() for c in head):
        cn_mag = next(
            (w for w in ("万亿", "亿", "万") if head.endswith(w) and len(head) > len(w)), ""
        )
    for word in ("多", "余"):
        rest = rest.removeprefix(word)
    mag = ""
    for m in _MAG_WORDS:
        after = rest[len(m) :].removeprefix("多").removeprefix("余")  # 3万多项
        if rest.startswith(m) and (after == "" or _starts_with_unit(after)):
            mag = m
            break
    rest = rest[len(mag) :].lstrip()
    mag = mag or cn_mag
    for word in ("多", "余"):
        rest = rest.removeprefix(word)
    unit = ""
    for u in _UNIT_WORDS:
        if rest.startswith(u):
            unit = u
            break
    tail = rest[len(unit) :]
    base = UNITS.get(unit, "")
    if unit in ("套", "间") and tail.startswith(("(间)", "(套)")):
        unit += tail[:3]
    return PrintedUnit(mag, unit, MAGNITUDES.get(mag, 1.0), base)


def _starts_with_unit(text: str) -> bool:
    return any(text.startswith(u) for u in _UNIT_WORDS)
