"""Figures written in Chinese numerals (十六个, 百分之十一点八, 一万七千四百亿元): finding them.

Older national reports and many local ones print every figure this way. Small counts inside
names (两个特别行政区, 五项原则, “十四五”, 第三次会议) are left out.
"""

from __future__ import annotations

import re

from reportdiff.core.analysis.apposition import restates_list
from reportdiff.core.analysis.clauses import find_clause_start
from reportdiff.core.analysis.figures import (
    DIGIT_RE,
    NOT_A_UNIT,
    UNIT_ALT,
    Raw,
    digit_match,
    in_quoted_name,
    preceded_by_ordinal,
    take_post,
)
from reportdiff.core.analysis.units import (
    MAGNITUDES,
    MEASURE_UNITS,
    TIME_UNITS,
    UNITS,
    cn_decimal,
    parse_cn_numeral,
)

# Percentages (and per-mille rates) in words, as older reports print them: 百分之十一点八,
# 百分之八至九 (a range), 百分之四至百分之五 (a range whose upper end repeats 百分之), 千分之十.
_CN_DEC = "[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?"
_CN_PERCENT_RE = re.compile(
    rf"(?P<per>[百千])分之(?P<a>{_CN_DEC})(?:(?:至|到)(?:(?P=per)分之)?(?P<b>{_CN_DEC})(?!分之))?"
)
_PER_UNIT = {"百": "%", "千": "‰"}  # 百分之十 is 10%, 千分之十 (a birth rate) 10‰
# Amounts in words, as older reports print every figure: 一万七千四百亿元, 三百多万吨,
# 十亿八千万吨, 零点八个百分点, 八亿农民 (a bare 万/亿 count, like 1.77亿农民). The numeral may
# hold its own 万/亿 (一千八百八十七亿元) or print it after 多/点 (三百多万吨, 四点五亿元).
_NUM = "(?:零(?=点)|[一二两三四五六七八九十])[〇零一二两三四五六七八九十百千万亿]*"
_CN_AMOUNT_RE = re.compile(
    r"(?<![〇零一二两三四五六七八九十百千万亿第“\"「‘之几])"
    # with a unit first, so 四十万千瓦 gives back its 千 to 千瓦 …
    rf"(?:(?P<num>{_NUM})(?:点(?P<frac>[〇零一二三四五六七八九]+))?"
    r"(?P<a1>多|余)?(?P<mag>万亿|亿|万)?(?P<a2>多|余)?"
    rf"(?P<unit>{UNIT_ALT})(?!数)"
    # … else a bare amount (八亿农民)
    rf"|(?P<bnum>{_NUM})(?:点(?P<bfrac>[〇零一二三四五六七八九]+))?"
    r"(?P<ba1>多|余)?(?P<bmag>万亿|亿|万)?(?P<ba2>多|余)?)"
)
_RANGE_SEP_RE = re.compile(r"至|到")
# Counts a small numeral says in names and formulas too (两个特别行政区, 五项原则): read with
# any value, as before; other classifiers (批, 次, 种) only from a hundred up.
_SMALL_COUNTS = frozenset("个项家名座条所倍张台套户位处场辆栋幢人件")
_NO_CN_UNITS = TIME_UNITS | {"工作日", "个月", "%", "‰", "版"}
_CN_SLOGANS = ("八项规定", "两个确立", "两个维护", "四个意识", "四个自信", "两个毫不动摇",
               "三个区分", "四个放在", "五个中心", "四个论英雄", "两个大局")  # fmt: skip


def find_cn_figures(key: str, start: int, end: int) -> list[Raw]:
    """The figures in Chinese numerals in ``key[start:end]`` (offsets into ``key``)."""
    found: list[Raw] = []
    region = key[start:end]
    for m in _CN_AMOUNT_RE.finditer(region):
        raw = _amount(key, m, start, end)
        if raw is None:
            continue
        if found and found[-1].high is None and _joins_range(key, found[-1], raw, start):
            found[-1].high, found[-1].end, found[-1].base = raw.value, raw.end, raw.base
            found[-1].approx, found[-1].post_end = raw.approx, raw.post_end
            continue
        found.append(raw)
    for m in _CN_PERCENT_RE.finditer(region):
        low, high = cn_decimal(m["a"]), cn_decimal(m["b"]) if m["b"] else None
        if low is None:
            continue
        s, e = m.start() + start, m.end() + start
        spans = [(s, e, low, high)]
        if m["b"] and (high is None or high <= low or _from_to(key, s, start)):
            # 由百分之三十六点五到百分之三十: the two ends of a change, not a range
            spans = [(s, m.end("a") + start, low, None)]
            per = m["per"] + "分之"
            upper = m.start("b") + start - len(per)
            if high is not None and key.startswith(per, upper):
                spans.append((upper, e, high, None))
        for fs, fe, value, top in spans:
            raw = Raw(fs, fe, value, _PER_UNIT[m["per"]], [], fe, top)
            take_post(key, raw, end)
            found.append(raw)
    return found


def _from_to(key: str, s: int, start: int) -> bool:
    """Whether the figure at ``s`` follows 从/由 in its clause (从A到B: a change)."""
    head = key[find_clause_start(key, s, start) : s]
    return "从" in head or "由" in head


def _amount(key: str, m: re.Match[str], start: int, end: int) -> Raw | None:
    """The figure of one :data:`_CN_AMOUNT_RE` match, or None when it is no quantity."""
    s, e = m.start() + start, m.end() + start
    g = {n: m[n] or m["b" + n] for n in ("num", "frac", "a1", "mag", "a2")}
    num, unit = g["num"], m["unit"] or ""
    mag = g["mag"] or ""
    whole = parse_cn_numeral(num)
    if whole is None:
        return None
    if g["frac"]:
        frac = cn_decimal("零点" + g["frac"])
        if frac is None or any(c in "十百千万亿" for c in num[-1:]):
            return None
        value = (whole + frac) * MAGNITUDES.get(mag, 1.0)  # 四点五亿元
    else:
        # 七亿七千多万吨: the 万 after 多 belongs to 七千, not to the whole numeral
        value = float(parse_cn_numeral(num + mag) or whole)
    base = UNITS.get(unit, "")
    if g["a1"] and not mag and not unit:
        return None  # 三十多: no unit, no magnitude
    big = bool(mag) or num[-1] in "万亿"
    lone_one = num in ("一", "两", "零") and not mag and not g["frac"]
    if unit and key.startswith(NOT_A_UNIT.get(unit[-1], ()), e):
        return None  # 九亿多人民: the "unit" starts another word
    if unit in _NO_CN_UNITS or (unit == "度" and not big):
        return None  # 三天, 五年, 两周: durations are not read in words; 三十度 is heat
    if not unit:
        if not big or len(num) + len(mag) < 2:
            return None  # 十五, 九五: a name or an ordinal, not an amount
    elif base in MEASURE_UNITS:
        if lone_one and base not in ("个百分点", "倍"):
            return None  # 一公里, 一元钱: an idiom more often than a figure
    elif unit in _SMALL_COUNTS:
        if num == "一" and not mag:
            return None  # 一件事, 一个中心: idioms
    elif not (big or whole >= 100):
        return None  # 三批, 五种, 两次: small counts of other classifiers are wording
    if in_quoted_name(key, s, e, start, end) or key.startswith(_CN_SLOGANS, s):
        return None  # “十四五”, “两个确立”
    if preceded_by_ordinal(key, s, start):
        return None  # 第三次会议
    approx = [w for w in (g["a1"], g["a2"]) if w]
    raw = Raw(s, e, value, base, approx, e)
    take_post(key, raw, end)
    return raw


def _joins_range(key: str, low: Raw, high: Raw, start: int) -> bool:
    """Whether ``low`` is the lower end of a range ending at ``high`` (九千万至九千五百万吨).

    Not from 从/由 A 到 B (a change), and the lower end prints no other unit.
    """
    sep = _RANGE_SEP_RE.fullmatch(key, low.post_end, high.start)
    if sep is None or (low.base and low.base != high.base) or low.value >= high.value:
        return False
    head = key[find_clause_start(key, low.start, start) : low.start]
    return "从" not in head and "由" not in head


def find_raws(text: str, key: str, start: int, end: int) -> list[Raw]:
    """Every figure in ``key[start:end]``, in digits or in Chinese numerals, in text order
    (the lower end of a range read alone dropped)."""
    found: list[Raw] = []
    region = key[start:end]
    for m in DIGIT_RE.finditer(region):
        raw = digit_match(text, key, m, start, end)
        if raw is not None:
            found.append(raw)
    found.extend(find_cn_figures(key, start, end))
    found = [r for r in found if not restates_list(key, r)]  # 中央和地方两个积极性
    found.sort(key=lambda r: r.start)
    ranges = [r for r in found if r.high is not None]
    if ranges:
        # the lower end of a range was also read alone (6% of 6%－6.5%)
        found = [
            r
            for r in found
            if r.high is not None or not any(g.start <= r.start < g.end for g in ranges)
        ]
    return found
