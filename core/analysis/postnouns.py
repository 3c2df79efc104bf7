"""The noun right after a figure: 600张养老床位, 46名“睦邻达人”.

After a classifier the counted thing follows the figure; :func:`read_post` reads it, up to
a verb, a delimiter or the next figure. Used by :mod:`reportdiff.core.analysis.numbers`.
"""

from __future__ import annotations

import re

from reportdiff.core.analysis.clauses import DELIMS, is_han
from reportdiff.core.analysis.figures import MAG_ALT, UNIT_ALT
from reportdiff.core.model import Span

__all__ = ["only_a_verb", "read_post", "where_only"]

# Words that end a noun read after a classifier (600张养老床位 | 实现…).
_POST_STOPS = (
    "被", "实现", "入选", "获评", "获得", "获批", "获", "成功", "完成", "建设", "竣工", "开工",
    "投用", "共商", "正式", "陆续", "集中", "均", "已", "达", "和", "及", "与", "提供",
    "增加", "开展", "参与", "落地", "签约", "揭牌", "亮相", "位列", "居", "覆盖", "提升",
    "完工", "开放", "等", "实行", "设立", "纳入", "通过", "的", "全面", "全部", "年内",
)  # fmt: skip
# 居 (位居全国第一) is a verb, but not in 居民: 88个城市启动城镇居民基本医疗保险试点
_POST_STOP_RE = re.compile(
    "|".join(re.escape(w) + ("(?!民)" if w == "居" else "") for w in _POST_STOPS)
)
# A verb of movement after a figure (上升到, 增加至, 提高为, a bare 增长) says where the
# figure went, not what it counts.
_MOVEMENT_RE = re.compile(
    r"(?:增长|增加|提高|提升|上升|扩大|下降|降低|减少|缩小|回落|上涨|增|升|降|减)(?:了)?"
    r"(?:到|至|为|$)"
)
_MAX_POST = 20
_SHARE_NEXT = ("的百分之", "百分之", "的千分之", "千分之")


# Figures that are part of a name or a class inside a noun: 33个15分钟社区生活圈,
# 58个10亿元以上重大产业项目.
_MODIFIER_RE = re.compile(
    r"\d+(?:分钟|小时)(?=[\u4e00-\u9fff])"
    rf"|\d+(?:\.\d+)?(?:{MAG_ALT})?(?:{UNIT_ALT})以[上下](?=[\u4e00-\u9fff])"
)


def read_post(key: str, pos: int, end: int, *, classifier: bool) -> Span | None:
    """The noun right after a figure (600张养老床位), or None when none follows.

    After a classifier a one-character stop word may open the noun (294个居民区); after a
    measure it may not (水质100%达标: 达标 is not what is measured).
    """
    if pos >= end or not (
        is_han(key[pos]) or key[pos] in '“"《' or _MODIFIER_RE.match(key, pos, end)
    ):
        return None
    if pos > 0 and key.startswith("口", pos) and key[pos - 1] == "人":
        # 十亿人口的大国: 人口 is one word, the population counted (not 人 and a noun 口…)
        return Span(pos - 1, pos + 1)
    lo = pos + 1 if key.startswith("的", pos) else pos  # 140亿元的融资贷款额度
    limit = min(end, pos + _MAX_POST)
    i = _scan_noun(key, lo, limit, end, stops=True, lenient=classifier)
    if 1 <= i - lo < 4 and i < limit and key[i] not in DELIMS:
        # A bare 企业 or 居民区 says too little (2家企业成功上市 vs 4家企业被认定为…总部): read
        # on to the end of the clause so different facts keep different indicators.
        longer = _scan_noun(key, lo, limit, end, stops=False)
        if longer >= end or not key[longer].isdigit():  # not into the next figure's clause
            i = longer
    if (
        classifier
        and i - lo >= 2
        and i < limit
        and key[i] in "和及与"
        and not _count_at(key, i + 1)
    ):
        # 3家跨国公司地区总部和外资研发中心: both nouns are counted, up to the clause's end
        # (not 5家A和3家B, 160条具体举措和十大特色品牌: a count after 和 is its own item)
        both = _scan_noun(key, i + 1, limit, end, stops=True, lenient=True)
        if both - i >= 3 and (both >= end or key[both] in DELIMS):
            i = both
    while i > lo and key[i - 1] in " \t":
        i -= 1
    # a one-character noun stands when a share of it follows (1786个县的百分之二十八: 县)
    shortest = 1 if classifier and key.startswith(_SHARE_NEXT, i) else 2
    if i - lo < shortest or _MOVEMENT_RE.match(key, lo, i):
        return None  # 由…的61%上升到…: a movement, not a noun
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
        if c in DELIMS or c in "()" or key.startswith(_SHARE_NEXT, i):
            break  # 1786个县的百分之二十八: a share in words is the next figure
        stop = _POST_STOP_RE.match(key, i) if stops else None
        # a one-character stop (居, 和) can open a noun: 294个居民区, 2个居民区获评…
        if stop and (i > start or len(stop.group()) > 1 or not lenient):
            break
        i += 1
    return i


def _count_at(key: str, pos: int) -> bool:
    """Whether a count (3家, 十大, 两个) starts at ``pos``."""
    return pos < len(key) and (key[pos].isdigit() or key[pos] in "一二三四五六七八九十百千两几")


# A date, the whole country or region, and adverbs: when and where, not what.
_WHERE_ONLY_RE = re.compile(
    r"(?:(?:19|20)\d\d年|(?:今|去|上|当|本)年)?(?:全国|我国|全省|全市|全区|全县)"
    r"(?:就|才|已经|已|也|还|共)*"
)


def where_only(key: str, lo: int, hi: int) -> bool:
    """Whether the words before a figure say only when and where (1956年全国, 全国).

    The rule, for every report: when nothing but a date and the whole country (or the whole
    province, city, district) stands before a figure and a noun follows it, the noun names
    what is counted: 1956年全国完成了将近一百四十亿元的基本建设投资额 counts 基本建设投资额,
    not 全国. Not for a share (我国百分之八十的财政收入来自…: the noun is what it is a share
    of, not the measure).
    """
    return hi > lo and _WHERE_ONLY_RE.fullmatch(key, lo, hi) is not None


_ADVERBS_RE = re.compile(r"[再又还也将要]+")
_MIN_NAME = 3


def only_a_verb(key: str, lo: int, hi: int) -> bool:
    """Whether the words before a bare 万 or 亿 figure are too short to name it: at most a
    two-character verb once the one-character adverbs opening them are set aside.

    The rule, for every report: a bare 万 is no classifier, so the words before it name what
    is counted when they are a noun of their own (裁减军队员额20万 counts 军队员额); when they
    are only a verb (覆盖1.77亿农民), or an adverb and a verb (再扫除350万青壮年文盲: 再 is
    "once more"), the noun after names it.
    """
    adverbs = _ADVERBS_RE.match(key, lo, hi)
    return hi - (adverbs.end() if adverbs else lo) < _MIN_NAME
