"""Quantities printed in a report (154.99亿元, 1.7个百分点): finding them.

:func:`extract_quantities` finds every figure in a report's body with its unit, magnitude,
qualifiers (约 超 累计 新增 同比增长 …) and indicator (the words saying what is counted).
Pairing them across reports is :mod:`reportdiff.core.analysis.pairing`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportdiff.core.analysis.movement import (
    CHANGE_WORDS,
    DOWN_WORDS,
    FROM_RE,
    ends_of_changes,
    is_change,
    is_decrease,
)
from reportdiff.core.analysis.scope import scope_of
from reportdiff.core.analysis.units import (
    MAGNITUDES,
    MEASURE_UNITS,
    RATE_UNITS,
    TIME_UNITS,
    UNITS,
    cn_decimal,
    fold,
    parse_cn_numeral,
)
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Block, Report, Span
from reportdiff.core.text.parts import ReportParts, report_parts

__all__ = ["CHANGE_WORDS", "DOWN_WORDS", "VERSION", "extract_quantities"]

VERSION = "2"
"""Analyzer version: part of the comparison cache key, bumped when results change."""

# ---------------------------------------------------------------------------------------
# Lexicon

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_MAG_ALT = "|".join(sorted(MAGNITUDES, key=len, reverse=True))

# Runs on the folded key (same offsets as the text). A magnitude followed by a unit is
# tried before a unit alone, so 5千瓦 is 5 千瓦 and 3千人 is 3 千 人; spaces are allowed
# because PDF extraction prints "154.99 亿元".
_DIGIT_RE = re.compile(
    r"(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
    r" ?(?P<a1>多|余)?"
    rf"(?:(?P<mag>{_MAG_ALT})(?P<a2>多|余)? ?(?P<unit>{_UNIT_ALT})"
    rf"|(?P<unit2>{_UNIT_ALT})"
    rf"|(?P<mag2>{_MAG_ALT}))?"
)

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
_POST_QUALIFIER_RE = re.compile(r"(?:以上|左右|以内|以下|多)")
_SUFFIX_RE = re.compile(r"\((?:间|套)\)")

# A unit word followed by these is the start of another word, not a unit (元宇宙, 人民).
_NOT_A_UNIT: dict[str, tuple[str, ...]] = {
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
}
# Numbered slogans, not counts: 中央八项规定精神, “两个确立”.
_CN_SLOGANS = ("八项规定", "两个确立", "两个维护", "四个意识", "四个自信", "两个毫不动摇",
               "三个区分", "四个放在", "五个中心", "四个论英雄", "两个大局")  # fmt: skip

_DELIMS = frozenset(",、;。:!?\n—|")
_SENTENCE_ENDS = frozenset("。!?;\n")
_BULLETS = " \t-•·●▶◆*>■□○"

QUALIFIER_WORDS: tuple[str, ...] = (
    "同比增长", "同比下降", "同比上升", "同比提高", "同比减少", "同比增加", "同比",
    "比上年增长", "比上年下降", "比上年提高", "较上年增长", "较上年下降", "较上届增长",
    "增长", "下降", "上升", "提高", "提升", "减少", "增加", "降低", "增产", "减产", "增至", "增加到",
    "增加至", "提高到", "提高至", "提升至", "提升到", "达到", "突破", "超过", "超", "约",
    "近", "逾", "累计", "新增", "新建", "预计", "力争", "目标", "不低于", "不高于",
    "不少于", "不超过", "控制在", "年均", "平均", "以上", "左右", "以内", "以下", "多", "余",
)  # fmt: skip
"""Words kept as qualifiers: they change what a number means or how exact it is."""
_AFTER_ONLY = frozenset({"以上", "左右", "以内", "以下", "多", "余"})
"""Qualifiers that only follow a number (20%以上); as the end of a clause they are words."""

# Words stripped off the front of an indicator (scope and connectives) …
_LEAD_WORDS = tuple(
    sorted(
        {
            "其中", "全年", "全区", "全市", "年内", "今年", "当年", "共计", "共", "累计", "新增",
            "新建", "预计", "力争", "目标", "完成", "实现", "另", "并", "和", "及", "与", "同时",
            "在", "已", "将", "再", "均", "分别", "总计", "合计", "确保", "进一步", "以及", "又",
            "还", "此外", "年度", "全力", "积极", "加快", "推动", "推进", "帮助", "共有",
            "发布", "制定", "出台", "推出", "划定", "培育", "引进", "引入", "打造", "建成",
            "开展", "设立", "举办", "组织", "上线", "区域", "增加", "启动", "新启动", "实施",
            "分批实施", "加速推进", "加快推进", "扣除物价因素", "扣除价格因素", "一是", "二是",
            "三是", "四是", "五是",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
# … and off its end (the verb linking it to the number).
_TRAIL_WORDS = tuple(
    sorted(
        {
            *(w for w in QUALIFIER_WORDS if w not in _AFTER_ONLY),
            "达", "为", "是", "完成", "实现", "共", "共计", "合计", "总计", "分别", "均", "已",
            "将", "保持", "仅", "高达", "从", "由", "至", "到", "在", "的", "已达", "约占",
            "占", "共有", "再", "又", "累计达", "首次", "全年", "全区", "全市", "上年", "去年",
            "今年", "培育", "引进", "引入", "建成", "实际", "比",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
_LEAD_RE = re.compile("|".join(map(re.escape, _LEAD_WORDS)))
_LEAD_LONG_RE = re.compile("|".join(re.escape(w) for w in _LEAD_WORDS if len(w) > 1))
_TRAIL_RE = re.compile("(?:" + "|".join(map(re.escape, _TRAIL_WORDS)) + ")$")
# Verbs inside a clause after which the counted thing starts:
# 徐汇交易分团实现意向成交总金额 → 意向成交总金额.
_MID_VERBS = ("实现", "完成", "惠及", "提供", "达到")
# Words that end a noun read after a classifier (600张养老床位 | 实现…).
_POST_STOPS = (
    "被", "实现", "入选", "获评", "获得", "获批", "获", "成功", "完成", "建设", "竣工", "开工",
    "投用", "共商", "正式", "陆续", "集中", "均", "已", "达", "和", "及", "与", "提供",
    "增加", "开展", "参与", "落地", "签约", "揭牌", "亮相", "位列", "居", "覆盖", "提升",
    "完工", "开放", "等", "实行", "设立", "纳入", "通过", "的", "全面", "全部", "年内",
)  # fmt: skip
_POST_STOP_RE = re.compile("|".join(map(re.escape, _POST_STOPS)))
_ACTION_VERBS = ("新开工", "新签约", "签约", "开工", "完工", "竣工", "建成", "投用", "开业",
                 "供应", "筹措", "启动")  # fmt: skip
# A clause that is only one of these verbs qualifies the previous figure's noun:
# 筹措5757套(间)、供应2823套(间); 救助各类对象超70万人次,支出超5亿元.
_CONTINUATION_VERBS = frozenset({*_ACTION_VERBS, "覆盖", "支出", "惠及", "转化", "涉及", "完成"})
_BARE_VERB_RE = re.compile(
    r"(?:拟|再|又|继续|计划)?(?:发行|增发|安排|拿出|投入|筹集|筹措|下达|发放)"
)
_ACCUMULATION = frozenset({"新增", "累计", "新建"})
_TARGET_WORDS = ("目标", "力争", "预计", "预期")
_TARGET_QUALIFIERS = frozenset({"目标", "力争", "预计", "不低于", "不高于", "不少于", "不超过",
                                "控制在"})  # fmt: skip
# The lower end of a range before its upper end (6%－6.5%, 3000-3500万吨, 6至7%).
_RANGE_LOW_RE = re.compile(
    rf"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?P<mag>{_MAG_ALT})?(?P<unit>{_UNIT_ALT})?"
    r"\s*(?P<sep>-|~|～|—|至|到)\s*$"
)

# 签约 ends in 约 and 附近 in 近, but neither is a qualifier.
_WORDS_ENDING_LIKE_A_QUALIFIER = frozenset({"签约", "节约", "制约", "公约", "条约", "附近", "最近",
                                            "就近", "赶超", "新签"})  # fmt: skip
_TIME_WORDS = frozenset({"上年", "去年", "今年", "全年", "当年", "明年"})
_MAX_POST = 20
_MAX_INDICATOR = 24


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


# ---------------------------------------------------------------------------------------
# Extraction


@dataclass
class _Raw:
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


def extract_quantities(report: Report) -> tuple[Quantity, ...]:
    """Every quantity in the body of ``report`` (preamble and section blocks), in text order.

    Dates (2022年12月30日), ordinals (第五届, 十四五), line numbers (23号线), ages, products
    (7×24) and figures inside short quoted names are left out; versions (5.0版) are kept
    with unit 版 so a changed version can be paired. Appendices are not read.

    Args:
        report: A parsed report; spans point into ``report.text``.

    Returns:
        The quantities; ``report.text[q.span.start:q.span.end] == q.text`` for each.
    """
    text = report.text
    key = fold(text)
    out: list[Quantity] = []
    parts = report_parts(report)
    for path, index, block in report.blocks():
        block_path = (*path, index)
        out.extend(_extract_block(text, key, block, block_path, parts))
    return tuple(out)


def _find_raw(text: str, key: str, start: int, end: int) -> list[_Raw]:
    found: list[_Raw] = []
    region = key[start:end]
    for m in _DIGIT_RE.finditer(region):
        raw = _digit_match(text, key, m, start, end)
        if raw is not None:
            found.append(raw)
    for m in _CN_RE.finditer(region):
        s, e = m.start() + start, m.end() + start
        value = parse_cn_numeral(m["num"])
        if value is None or (m["num"] == "一") or _in_quoted_name(key, s, e, start, end):
            continue
        if key.startswith(_CN_SLOGANS, s):
            continue
        if _preceded_by_ordinal(key, s, start):
            continue
        raw = _Raw(s, e, float(value), UNITS[m["unit"]], [], e)
        _take_post(key, raw, end)
        found.append(raw)
    for m in _CN_PERCENT_RE.finditer(region):
        low, high = cn_decimal(m["a"]), cn_decimal(m["b"]) if m["b"] else None
        if low is None or (m["b"] and (high is None or high <= low)):
            continue
        raw = _Raw(m.start() + start, m.end() + start, low, "%", [], m.end() + start, high)
        _take_post(key, raw, end)
        found.append(raw)
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


def _digit_match(text: str, key: str, m: re.Match[str], start: int, end: int) -> _Raw | None:
    s = m.start() + start
    num = m["num"]
    mag = m["mag"] or m["mag2"] or ""
    unit = m["unit"] or m["unit2"] or ""
    e = m.end() + start
    if unit and key.startswith(_NOT_A_UNIT.get(unit[-1], ()), e):
        return None  # 元宇宙, 人民: the "unit" starts another word
    if not unit and mag not in ("万亿", "亿", "万", "千万", "百万"):
        return None  # bare numbers are names (5G, 12345热线, MEET678), not quantities
    before = key[s - 1] if s > start else " "
    if (before.isascii() and before.isalpha()) or before in "×*/":
        return None  # PM2.5, G1级, 7×24
    if _preceded_by_ordinal(key, s, start):
        return None
    low_end = _range_low(key, s, start, m)
    if low_end is None and before in "-~～—" and s - 2 >= start and key[s - 2].isdigit():
        return None  # the upper end of a range of years (2023-2025)
    if before == "每":
        return None  # a denominator: 每10万人近20张
    if before == " " and s - 2 >= start and key[s - 2].isdigit():
        return None  # a fragment of a number broken by extraction: 实到外资18.4 5 亿美元
    after = key[e] if e < end else " "
    if after in "×*" or (after.isascii() and after.isalpha()):
        return None
    base = UNITS.get(unit, "")
    if base in TIME_UNITS and _is_han(after):
        return None  # 15分钟社区生活圈, 24小时开放: a modifier of a name
    if base != "版" and _in_quoted_name(key, s, e, start, end):
        return None  # “15分钟生活圈示范奖”, “80条”
    if len(num) > 18:
        return None  # a digit run this long is an id or garbage, not a figure
    number = float(num.replace(",", ""))
    value = number * MAGNITUDES.get(mag, 1.0)
    approx = [w for w in (m["a1"], m["a2"]) if w]
    raw = _Raw(s, e, value, base, approx, e)
    if low_end is not None:
        raw.start, raw.high = low_end[0], value
        raw.value = low_end[1] * MAGNITUDES.get(low_end[2] or mag, 1.0)
        if raw.value >= value:
            return None  # not a range read upwards: a date or an id (12-3)
    _take_post(key, raw, end)
    # 5757套(间): the suffix is part of the printed unit, not a qualifier.
    suffix = _SUFFIX_RE.match(key, raw.end, end)
    if suffix and base in ("套", "间"):
        raw.end = raw.post_end = suffix.end()
        _take_post(key, raw, end)
    if (
        raw.approx[-1:] in (["以上"], ["以下"])
        and raw.post_end < end
        and _is_han(key[raw.post_end])
        and base not in ("%", "个百分点")
    ):
        return None  # a size class, not a count: 58个10亿元以上重大产业项目
    return raw


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
        head = key[_clause_start(key, low.start(), start) : low.start()]
        if "从" in head or "由" in head:
            return None
    if low.start() > start and key[low.start() - 1] in "-~～—第":
        return None
    return low.start(), float(low["num"]), low["mag"] or ""


def _take_post(key: str, raw: _Raw, end: int) -> None:
    m = _POST_QUALIFIER_RE.match(key, raw.post_end, end)
    if m:
        raw.approx.append(m.group())
        raw.post_end = m.end()


def _preceded_by_ordinal(key: str, s: int, start: int) -> bool:
    i = s - 1
    while i >= start and key[i] == " ":
        i -= 1
    return i >= start and key[i] == "第"


def _in_quoted_name(key: str, s: int, e: int, start: int, end: int) -> bool:
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


def _extract_block(
    text: str, key: str, block: Block, block_path: tuple[int, ...], parts: ReportParts
) -> list[Quantity]:
    start, end = block.span.start, block.span.end
    part = parts.at(block_path)
    is_task = part.part in ("plan", "tasks")
    raws = _find_raw(text, key, start, end)
    ends = ends_of_changes(key, raws, start)
    out: list[Quantity] = []
    consumed = start  # nothing before this belongs to the next number's clause
    prev: Quantity | None = None
    prev_end = start
    respectively: dict[int, tuple[Span, list[str]]] = {}
    last_series: list[Quantity] = []
    series_starts: set[int] = set()
    unresolved: set[int] = set()
    for k, raw in enumerate(raws):
        if raw.start < consumed:
            continue  # inside the previous figure's noun (33个15分钟社区生活圈)
        clause_start = max(_clause_start(key, raw.start, start), consumed)
        sentence_start = _sentence_start(key, raw.start, start)
        after_figure = clause_start == consumed and consumed > start
        lo, hi, quals = _strip_indicator(key, clause_start, raw.start, after_figure=after_figure)
        end_word = ends.get(raw.start, "")
        if end_word == "from":
            # 国内生产总值由1997年的7.4万亿元: the indicator stands before 由
            cut = FROM_RE.search(key, clause_start, raw.start)
            if cut is not None:
                lo, hi, quals = _strip_indicator(key, clause_start, cut.start(), after_figure=False)
        if raw.start in respectively:
            span, shared = respectively[raw.start]
            lo, hi = span.start, span.end
            quals = [*shared, *(q for q in quals if q not in shared)]
        elif "分别" in key[clause_start : raw.start]:
            series = _respectively(key, raws, k, clause_start, start)
            if series is None and last_series and last_series[0].span.start >= sentence_start:
                # …分别新增65家和30家,累计分别达到956家和561家: the same nouns again
                figures = _series(key, raws, k)
                spans = [q.indicator_span for q in last_series]
                if len(figures) == len(spans) and all(spans):
                    series = list(zip(figures, spans, strict=True))  # type: ignore[arg-type]
            if series is None:
                # 城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，…分别实际增长7.7%和6.8%:
                # the nouns are those of the levels just given, in order
                figures = _series(key, raws, k)
                levels = [
                    q.indicator_span
                    for q in out
                    if q.span.start >= sentence_start
                    and q.indicator_span is not None
                    and q.unit not in RATE_UNITS
                ][-len(figures) :]
                names = {key[sp.start : sp.end] for sp in levels}
                if len(figures) >= 2 and len(levels) == len(figures) == len(names):
                    series = list(zip(figures, levels, strict=True))
            if series:
                shared = [q for q in quals if q != "分别"]
                respectively.update((r.start, (sp, shared)) for r, sp in series)
                lo, hi = series[0][1].start, series[0][1].end
                series_starts = {r.start for r, _ in series}
                last_series = []
            else:
                # 比上年分别下降3.14%和4.66%, its nouns not found: saying whose figures these
                # are would be a guess (not the previous figure's indicator)
                unresolved.update(r.start for r in _series(key, raws, k))
        quals.extend(raw.approx)
        if (
            prev is not None
            and prev_end > sentence_start
            and _follows_list_comma(key, clause_start)
            and not any(c in _DELIMS for c in key[prev_end : clause_start - 1])
            and not any(q in _ACCUMULATION for q in quals)
        ):
            # 区域新增两院院士6名、国家和市级海外高层次人才209人: 新增 governs the whole list
            quals.extend(q for q in prev.qualifiers if q in _ACCUMULATION)
        post = _read_post(key, raw.post_end, end, classifier=raw.base not in MEASURE_UNITS)
        indicator_span: Span | None = None
        indicator = ""
        same_sentence = prev is not None and prev_end > sentence_start
        if end_word == "to" and prev is not None and prev.end == "from":
            # …增至10.2万亿元: the same indicator as the figure it rose from
            lo, hi = (
                (prev.indicator_span.start, prev.indicator_span.end)
                if prev.indicator_span
                else (lo, lo)
            )
        stripped_any = bool(quals) or lo > clause_start or hi < raw.start
        if raw.start in respectively:
            indicator_span = Span(lo, hi)
        elif raw.base == "" and hi - lo >= 3 and post is not None:
            # a bare 万 is no classifier: 裁减军队员额20万等各项任务 counts 军队员额 (but 覆盖
            # 1.77亿农民, with only a verb before, counts 农民)
            indicator_span = Span(lo, hi)
        elif raw.base not in MEASURE_UNITS and post is not None:
            indicator_span = post  # 600张养老床位: a classifier stands before its noun
        elif (
            same_sentence
            and prev is not None
            and prev.indicator
            and key[lo:hi] in _CONTINUATION_VERBS
        ):
            # 筹措5757套(间)、供应2823套(间): the short verb qualifies the previous noun.
            indicator = _drop_action(prev.indicator) + text[lo:hi]
        elif _BARE_VERB_RE.fullmatch(key, lo, hi) and post is not None:
            indicator_span = post  # 发行1000亿元长期国债: what is issued follows the amount
        elif hi > lo:
            indicator_span = Span(lo, hi)
        elif post is not None:
            indicator_span = post  # 约600户1.18万平方米征收任务
        elif (
            same_sentence
            and prev is not None
            and (stripped_any or raw.base in RATE_UNITS or _follows_list_comma(key, raw.start))
        ):
            # 区级财政收入完成154.99亿元，同比增长8%: the growth rate is of the same indicator.
            indicator, indicator_span = prev.indicator, prev.indicator_span
        if raw.start in unresolved:
            indicator, indicator_span = "", None
        elif indicator_span is None and not indicator:
            # 粮食总产量在上年大幅度增长的基础上，又增产1454万吨，达到48401万吨: a clause with
            # no noun of its own speaks of the sentence's subject
            indicator_span = _sentence_subject(key, sentence_start, clause_start)
        if indicator_span is not None and not indicator:
            indicator = text[indicator_span.start : indicator_span.end]
        if post is not None and indicator_span == post:
            consumed = post.end
        else:
            consumed = raw.post_end
        # 预计/力争/目标 mark a forecast when they stand in the figure's own clause or open its
        # sentence; 以…为目标 earlier in a sentence does not (基层治理 in yangpu-2022).
        clause = key[clause_start : raw.start]
        opening = key[sentence_start : sentence_start + 6].lstrip(_BULLETS)
        said = any(w in clause or opening.startswith(w) for w in _TARGET_WORDS)
        said = said or any(q in _TARGET_QUALIFIERS for q in quals)
        target = is_task or said
        if same_sentence and prev is not None and prev.is_target and not stripped_any:
            target = True
        if same_sentence and prev is not None and prev.is_target and indicator == prev.indicator:
            target = True
        for word in _TARGET_WORDS:
            if word in clause and word not in quals:
                quals.append(word)
        qualifiers = tuple(dict.fromkeys(quals))
        scope = scope_of(
            key,
            raw.start,
            clause_start=clause_start,
            sentence_start=_period_sentence_start(key, raw.start, start),
            local_start=sentence_start,
            end=end_word,
            part=part,
            reviewed_year=parts.reviewed_year,
            indicator=indicator,
            qualifiers=qualifiers,
            measure=raw.base in MEASURE_UNITS,
            target_words=said or (prev is not None and same_sentence and prev.role == "target"),
        )
        if part.part and not (part.part == "review" and scope.role == "forecast"):
            target = scope.role in ("target", "plan", "forecast")
        sign = 1
        if end_word != "to":
            if is_decrease(key, clause_start, raw.start):
                sign = -1  # 农村贫困人口比上年减少290万
            elif (
                same_sentence
                and prev is not None
                and prev.sign < 0
                and key[prev_end : raw.start].strip() in ("和", "、", "及", "与")
            ):
                sign = -1  # 分别下降5%和3%
        q = Quantity(
            text=text[raw.start : raw.end],
            span=Span(raw.start, raw.end),
            value=raw.value,
            unit=raw.base,
            qualifiers=qualifiers,
            indicator=indicator,
            indicator_span=indicator_span,
            is_target=target,
            block=block_path,
            sign=sign,
            low=raw.value if raw.high is not None else None,
            high=raw.high,
            period=scope.period,
            period_label=scope.period_label,
            year=scope.year,
            role=scope.role,
            stock=scope.stock,
            subject=scope.subject,
            is_change=is_change(
                key, clause_start, raw.start, raw.base, qualifiers, indicator, end_word
            ),
            end=end_word,
        )
        out.append(q)
        if raw.start in series_starts:
            last_series.append(q)
        prev, prev_end = q, raw.post_end
    return out


def _period_sentence_start(key: str, pos: int, start: int) -> int:
    """Start of the sentence (。!? only): 2002年 before a semicolon frames what follows."""
    i = pos - 1
    while i >= start and key[i] not in "。!?\n":
        i -= 1
    return i + 1


_SUBJECT_END_RE = re.compile(r"在|比|由|从|已|继续|进一步|持续|连续|再|又|实现|达到|首次|是|的")


def _sentence_subject(key: str, sentence_start: int, clause_start: int) -> Span | None:
    """The noun that opens a sentence whose first clause holds no figure, if it is clear.

    粮食总产量在上年大幅度增长的基础上 → 粮食总产量. None unless a later clause asks and the
    opening is a short run of Han characters before 在/比/由/从 (a subject whose verb comes
    later), not a clause of its own (基层民主政治建设继续推进, 宏观调控的目标是).
    """
    if clause_start <= sentence_start:
        return None
    first_end = sentence_start
    while first_end < clause_start and key[first_end] not in ",;:。!?\n":
        first_end += 1
    opening = key[sentence_start:first_end]
    if any(c.isdigit() for c in opening) or "、" in opening:
        return None  # a figure of its own, or a list of names (美团…、哔哩哔哩…等项目)
    cut = _SUBJECT_END_RE.search(opening, 2)
    if cut is None and key[clause_start : clause_start + 1] in ("在", "比", "由", "从"):
        end = first_end  # 全国研究与试验开发经费，从1997年的509亿元增加到…
    elif cut is not None and cut.group() in ("在", "比", "由", "从"):
        end = sentence_start + cut.start()
    else:
        return None  # only a subject then a prepositional phrase leaves its verb to later clauses
    lo, hi, _ = _strip_indicator(key, sentence_start, end, after_figure=False)
    if not 3 <= hi - lo <= 12 or not all(_is_han(c) for c in key[lo:hi]):
        return None
    return Span(lo, hi)


def _series(key: str, raws: list[_Raw], k: int) -> list[_Raw]:
    """``raws[k]`` and the figures joined to it by 和/、 (65家和30家)."""
    series = [raws[k]]
    for nxt in raws[k + 1 :]:
        if key[series[-1].post_end : nxt.start].strip() not in ("和", "、", "及", "与"):
            break
        series.append(nxt)
    return series


def _respectively(
    key: str, raws: list[_Raw], k: int, clause_start: int, block_start: int
) -> list[tuple[_Raw, Span]] | None:
    """Figures of a 分别 sentence matched to their nouns, in order.

    跨国公司地区总部、外资研发中心分别新增65家和30家: 65家 counts the first noun and 30家 the
    second. Returns None unless the nouns and the figures are equally many.
    """
    series = _series(key, raws, k)
    if len(series) < 2:
        return None
    cut = key.rfind("分别", clause_start, raws[k].start)
    items: list[Span] = []
    seg_start, seg_end = clause_start, cut
    while True:
        lo, hi, _ = _strip_indicator(key, seg_start, seg_end, after_figure=False)
        if hi - lo < 2:
            return None
        items.append(Span(lo, hi))
        if len(items) == len(series):
            break
        if seg_start - 1 < block_start or key[seg_start - 1] != "、":
            return None
        seg_end = seg_start - 1
        seg_start = _clause_start(key, seg_end, block_start)
    items.reverse()
    return list(zip(series, items, strict=True))


def _clause_start(key: str, pos: int, start: int) -> int:
    """Start of the clause that ends at ``pos``; skips digit-free parentheses like (AQI)."""
    i = pos - 1
    while i >= start:
        c = key[i]
        if c in _DELIMS:
            return i + 1
        if c == "(":
            return i + 1
        if c == ")":
            opening = key.rfind("(", start, i)
            inner = key[opening + 1 : i] if opening >= 0 else ""
            if opening < 0 or len(inner) > 12 or any(ch.isdigit() for ch in inner):
                return i + 1
            i = opening - 1
            continue
        i -= 1
    return start


def _follows_list_comma(key: str, pos: int) -> bool:
    """Whether a figure directly follows 、 (拆除违法建筑1251处、9.3万平方米)."""
    i = pos - 1
    while i >= 0 and key[i] == " ":
        i -= 1
    return i >= 0 and key[i] == "、"


def _sentence_start(key: str, pos: int, start: int) -> int:
    i = pos - 1
    while i >= start and key[i] not in _SENTENCE_ENDS:
        i -= 1
    return i + 1


def _strip_indicator(
    key: str, lo: int, hi: int, *, after_figure: bool
) -> tuple[int, int, list[str]]:
    """Trim scope words, connectives and linking verbs off a clause; collect qualifiers.

    One-character connectives (和 及 与 共 …) are only trimmed right after a previous figure
    (17项民心工程和55项…): elsewhere they start words (和谐, 共享, 在线).
    """
    quals: list[str] = []
    changed = True
    while changed and lo < hi:
        changed = False
        while lo < hi and key[lo] in _BULLETS + "”\"'":
            lo += 1
            changed = True
        while lo < hi and key[hi - 1] in ' \t“"':
            hi -= 1
            changed = True
        lead = (_LEAD_RE if after_figure else _LEAD_LONG_RE).match(key, lo, hi)
        if lead:
            if lead.group() in QUALIFIER_WORDS:
                quals.append(lead.group())
            lo = lead.end()
            changed = True
        if key[max(lo, hi - 2) : hi] in _WORDS_ENDING_LIKE_A_QUALIFIER:
            break
        # the window keeps the backwards search short; the longest trail word has 5 chars
        trail = _TRAIL_RE.search(key, max(lo, hi - 6), hi)
        if trail:
            if trail.group() in QUALIFIER_WORDS:
                quals.append(trail.group())
            hi = trail.start()
            changed = True
    seg = key[lo:hi]
    for verb in _MID_VERBS:
        p = seg.rfind(verb)
        rest = seg[p + len(verb) :]
        if p > 0 and len(rest) >= 2 and rest not in _TIME_WORDS:
            lo += p + len(verb)
            seg = key[lo:hi]
    p = seg.rfind("的")
    if p >= 0 and len(seg) - p - 1 >= 4:
        lo += p + 1
    if hi - lo > _MAX_INDICATOR:
        lo = hi - _MAX_INDICATOR
    # an unbalanced quote at either end is punctuation, not part of the name (“美丽街区”5条)
    seg = key[lo:hi]
    if seg.endswith("”") and "“" not in seg:
        hi -= 1
    if seg.startswith("“") and "”" not in seg:
        lo += 1
    return lo, max(lo, hi), quals


# Figures that are part of a name or a class inside a noun: 33个15分钟社区生活圈,
# 58个10亿元以上重大产业项目.
_MODIFIER_RE = re.compile(
    r"\d+(?:分钟|小时)(?=[\u4e00-\u9fff])"
    rf"|\d+(?:\.\d+)?(?:{_MAG_ALT})?(?:{_UNIT_ALT})以[上下](?=[\u4e00-\u9fff])"
)


def _read_post(key: str, pos: int, end: int, *, classifier: bool) -> Span | None:
    """The noun right after a figure (600张养老床位), or None when none follows.

    After a classifier a one-character stop word may open the noun (294个居民区); after a
    measure it may not (水质100%达标: 达标 is not what is measured).
    """
    if pos >= end or not (
        _is_han(key[pos]) or key[pos] in '“"《' or _MODIFIER_RE.match(key, pos, end)
    ):
        return None
    lo = pos + 1 if key.startswith("的", pos) else pos  # 140亿元的融资贷款额度
    limit = min(end, pos + _MAX_POST)
    i = _scan_noun(key, lo, limit, end, stops=True, lenient=classifier)
    if 1 <= i - lo < 4 and i < limit and key[i] not in _DELIMS:
        # A bare 企业 or 居民区 says too little (2家企业成功上市 vs 4家企业被认定为…总部): read
        # on to the end of the clause so different facts keep different indicators.
        longer = _scan_noun(key, lo, limit, end, stops=False)
        if longer >= end or not key[longer].isdigit():  # not into the next figure's clause
            i = longer
    while i > lo and key[i - 1] in " \t":
        i -= 1
    if i - lo < 2:
        return None
    return Span(lo, i)


def _scan_noun(
    key: str, i: int, limit: int, end: int, *, stops: bool, lenient: bool = False
) -> int:
    """End of the noun starting at ``i``: at a delimiter, a figure, or (``stops``) a verb."""
    start = i
    while i < limit:
        c = key[i]
        if c in "“《":
            # a quoted name is read whole: 46名“睦邻达人”, 64家“上海市和谐劳动关系”创建达标企业
            closing = key.find("”" if c == "“" else "》", i + 1, min(end, i + _MAX_POST))
            if closing > 0:
                i = closing + 1
                continue
        if c.isdigit():
            m = _MODIFIER_RE.match(key, i, end)
            if m is None:
                break
            i = m.end()
            continue
        if c in _DELIMS or c in "()":
            break
        stop = _POST_STOP_RE.match(key, i) if stops else None
        # a one-character stop (居, 和) can open a noun: 294个居民区, 2个居民区获评…
        if stop and (i > start or len(stop.group()) > 1 or not lenient):
            break
        i += 1
    return i


def _drop_action(indicator: str) -> str:
    for verb in _ACTION_VERBS:
        if indicator.endswith(verb) and len(indicator) > len(verb) + 1:
            return indicator[: -len(verb)]
    return indicator
