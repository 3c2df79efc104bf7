"""Where a figure's indicator is named outside its own clause.

The clause before a figure, a list's header or the sentence's opening may say what the
figure counts: 原油产量继续增长，达到1.42亿吨; 全国新增的主要生产能力有：发电装机容量999万
千瓦…; 城镇居民人均可支配收入，考虑价格下降因素比上年实际增长9.3%. Each reader here
returns the words that name it, or None (or '') when the text does not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportdiff.core.analysis.clauses import find_clause_start, is_han
from reportdiff.core.analysis.figures import Raw
from reportdiff.core.analysis.indicators import PREDICATE_START_RE, strip_indicator
from reportdiff.core.model import Span

__all__ = [
    "DATE_ONLY_RE",
    "OUTPUT_ONLY_RE",
    "PRICE_FACTOR_RE",
    "dated_topic",
    "grown_before",
    "list_header",
    "list_item_name",
    "named_before_from",
    "noun_opening",
    "output_owner",
    "per_head_topic",
    "scheme_members",
    "set_after_comma",
    "topic_before_comma",
    "topic_owner",
    "turned_noun",
]

DATE_ONLY_RE = re.compile(
    r"(?:(?:到|至|在)?(?:(?:19|20)\d\d|[一二][九〇○零][〇○零一二三四五六七八九]{2})\s*年(?:底|末|初)?"
    r"|(?:今|去|上|全|当|本|明)年(?:底|末)?)"
    # 一九五七年才(达到了…), 一九五二年有, 一九五七年已经有: adverbs and a bare 有 add no noun
    r"(?:就|才|已经|已|也|还|只|仅|又|共)*(?:有|是|为)?"
)


# What opens a clause of its own, not a topic: a preposition or a deed (经过…的努力, 通过…,
# 工业生产稳定增长).
_NOT_A_TOPIC_RE = re.compile(
    r"^(?:经过|通过|在|由于|根据|为了|随着|按照|对|从|自|到|截至|同|与|和|如|像|比|即|而|但|其中"
    r"|特别是|尤其是)"
    r"|增长|增加|下降|减少|提高|降低|发展|完成|实现|达到|丰收|稳定|改善|加强|扩大|超过|突破"
    r"|恢复|好转|有|是|为"
    r"|(?:年|来|以来|期间|时期)$"  # 过去五年, 五年来: a span of time, not a noun
)


def dated_topic(key: str, sentence_start: int, clause_start: int) -> Span | None:
    """The noun a sentence opens on alone before giving it year by year.

    我国的高等学校的学生，一九五二年有十九万人…; 小学生，一九五二年有五千一百多万人，一九五七年
    已经有六千四百多万人: a figure whose clause names only a date (:data:`DATE_ONLY_RE`)
    counts that noun. None when the opening is a clause of its own (经过…的努力, 工业生产稳定
    增长), holds a figure or a list, or is long.
    """
    first_end = sentence_start
    while first_end < clause_start and key[first_end] not in ",，;；:：。!?\n":
        first_end += 1
    if first_end >= clause_start:
        return None
    lo, hi, _ = strip_indicator(key, sentence_start, first_end, after_figure=False)
    if not 2 <= hi - lo <= 12 or not all(is_han(c) for c in key[lo:hi]):
        return None
    if _NOT_A_TOPIC_RE.search(key[lo:hi]):
        return None
    return Span(lo, hi)


_HEADER_RE = re.compile(r"(?P<word>新增加|新增|新建|累计)[^,，;；。]*(?:有|是|包括|如下)$")


def list_header(key: str, sentence_start: int, clause_start: int) -> str:
    """新增 or 累计 when the figure's clause is an item of a list whose header, ending in a
    colon, says the items are additions or totals (新增加的生产能力有：…), else ''."""
    colon = max(
        key.rfind("：", sentence_start, clause_start), key.rfind(":", sentence_start, clause_start)
    )
    if colon < 0:
        return ""
    m = _HEADER_RE.search(key, sentence_start, colon)
    if m is None:
        return ""
    word = m.group("word")
    return "新增" if word == "新增加" else word


_CAPACITY_LEAD_RE = re.compile(
    r"新增加?的?(?:主要|重要)?的?生产能力(?:有|是|包括|如下)?$|^(?:新增|新增加)的?生产能力$"
)
_MEASURED_END_RE = re.compile(r"(?:能力|产能|容量|量|里程|规模|面积)$")
_DEED_END_RE = re.compile(r"(?:开采|采掘|采选|洗选|加工|冶炼|吞吐)$")


def list_item_name(
    key: str, sentence_start: int, clause_start: int, indicator: str, mass: bool
) -> str:
    """An item of a list named with what the list's lead says all its items measure, else
    ``indicator``: 全国新增的主要生产能力有：…原煤开采３０９０万吨，…水泥２４６万吨 → 原煤开采
    能力, 水泥生产能力 (as 煤炭开采能力新增… says it the other way round). Only for items in a
    mass or volume (``mass``: what a capacity produces in a year) whose name says no measure
    of its own (发电装机容量, 铁路复线里程 keep theirs).
    """
    if not mass or not 2 <= len(indicator) <= 8 or not all(is_han(c) for c in indicator):
        return indicator
    colon = max(key.rfind(c, sentence_start, clause_start) for c in ":：")
    if colon < 0 or _MEASURED_END_RE.search(indicator):
        return indicator
    lead = max(key.rfind(c, sentence_start, colon) for c in ",，;；") + 1
    if _CAPACITY_LEAD_RE.search(key, max(lead, sentence_start), colon) is None:
        return indicator
    return indicator + ("能力" if _DEED_END_RE.search(indicator) else "生产能力")


_GROWN_RE = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{2,10}?)"
    r"(?:(?:继续|稳定|稳步|持续|大幅度|大幅|较快|快速|明显|有所|进一步|也|又)*"
    r"(?:增长|增加|上升|提高|回升|扩大)"
    # 全省地区生产总值连跨两个万亿元台阶: it passed marks, so it grew
    r"|(?:连续|接连|先后|连)?(?:跨上|跨越|跨过|迈上|迈过|登上|突破|跨)"
    r"[两二三四五六七八九十几]个?[\u4e00-\u9fff]{0,6}?(?:台阶|关口|大关))"
)
_REACHED_RE = re.compile(r"(?:达到|达|增加到|增长到|提高到|上升到|增至|升至)")


PRICE_FACTOR_RE = re.compile(
    r"(?:扣除|考虑)(?:物价|价格)(?:上涨|上升|下降|变动)?(?:的)?因素"
    r"|按(?:可比|不变)价格(?:计算)?"  # 按可比价格计算增长102%: how, not what
)


def noun_opening(key: str, sentence_start: int, clause_start: int) -> Span | None:
    """The sentence's opening clause when it is a bare noun and the figure's clause follows
    it: 城镇居民人均可支配收入，考虑价格下降因素比上年实际增长9.3% → 城镇居民人均可支配收入."""
    if find_clause_start(key, clause_start - 1, sentence_start) != sentence_start:
        return None
    lo, hi, _ = strip_indicator(key, sentence_start, clause_start - 1, after_figure=False)
    if not 3 <= hi - lo <= 12 or not all(is_han(c) for c in key[lo:hi]):
        return None
    return Span(lo, hi)


OUTPUT_ONLY_RE = re.compile(r"(?:(?:19|20)\d\d\s*年)?(?:全年|当年)?(?:总产量|年产量|产量|总产)")
_OUTPUT_OWNER_RE = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{2,8}?)"
    r"(?:连续[一二三四五六七八九十两\d]+年|继续|稳定|稳步|持续|大幅度|大幅|又)*"
    r"(?:增产|丰收|减产)"
)


def output_owner(key: str, sentence_start: int, clause_start: int) -> Span | None:
    """What a bare 产量 is the output of, when the clause before says it grew or fell:
    全国粮食连续四年增产，2007年产量达到… → 全国粮食."""
    if clause_start - 1 <= sentence_start:
        return None
    before = find_clause_start(key, clause_start - 1, sentence_start)
    m = _OUTPUT_OWNER_RE.fullmatch(key, before, clause_start - 1)
    return None if m is None else Span(m.start("noun"), m.end("noun"))


def grown_before(key: str, block_start: int, sentence_start: int, clause_start: int) -> Span | None:
    """The noun of the clause just before when it says only that the noun grew and the
    figure's clause says the level it reached: 原油产量继续增长，达到1.42亿吨 → 原油产量. A
    sentence opening on the level (with its date) continues the sentence before: 城乡居民储蓄
    大幅度增加。一九八五年末达到一千六百二十三亿元 → 城乡居民储蓄."""
    date = DATE_ONLY_RE.match(key, clause_start)
    if not _REACHED_RE.match(key, date.end() if date else clause_start):
        return None
    if clause_start == sentence_start and date is None:
        return None  # a sentence of its own that opens on 达到 says nothing of the one before
    floor = sentence_start if clause_start > sentence_start else block_start
    if clause_start - 1 <= floor:
        return None
    before = find_clause_start(key, clause_start - 1, floor)
    if not floor <= before < clause_start - 1:
        return None
    m = _GROWN_RE.fullmatch(key, before, clause_start - 1)
    if m is None or len(m.group("noun")) < 3:
        return None
    return Span(m.start("noun"), m.end("noun"))


_FROM_OPENING_RE = re.compile(
    # 在调整初期由…降低到…: the span of time the change took, then the change
    r"(?:在[\u4e00-\u9fff]{1,8}?(?:初期|期间|时期|阶段))?"
    r"(?:已经|已|将|要|也|又)?(?:由|从)"
)
_ORDINAL_RE = re.compile(r"第[一二三四五六七八九十]+(?:是|,|、)?|[一二三四五六七八九十]是")


def named_before_from(key: str, sentence_start: int, clause_start: int) -> Span | None:
    """The noun of the clause before when the figure's clause opens a change with 由/从 and
    names nothing: 第二是…工业的产值在工业总产值中所占的比重，已由一九五二年的百分之六十一
    上升到… → …所占的比重. None unless that clause holds no figure and reads as a noun of
    3–24 characters."""
    if _FROM_OPENING_RE.match(key, clause_start) is None or clause_start - 1 <= sentence_start:
        return None
    before = find_clause_start(key, clause_start - 1, sentence_start)
    if before >= clause_start - 1 or any(c.isdigit() for c in key[before : clause_start - 1]):
        return None
    ordinal = _ORDINAL_RE.match(key, before, clause_start - 1)
    start = ordinal.end() if ordinal else before
    # 预算外资金却大幅度增加，由…: the noun stops where what happened to it starts
    told = PREDICATE_START_RE.search(key, start + 2, clause_start - 1)
    end = told.start() if told is not None else clause_start - 1
    lo, hi, _ = strip_indicator(key, start, end, after_figure=False)
    if not 3 <= hi - lo <= 24 or not all(is_han(c) or c == "、" for c in key[lo:hi]):
        return None
    if key[lo] in "中所占的":
        return None  # the end of a noun cut by a parenthesis: …（包括…）中所占的比重
    return Span(lo, hi)


_TURN_ONLY_RE = re.compile(r"(?:转而?|变|减|升|降)(?:为|成)?")
"""转为下降1.2%: words saying only that a change turned, naming nothing."""


def turned_noun(
    key: str, lo: int, hi: int, raws: Sequence[Raw], k: int, start: int, sentence_start: int
) -> tuple[int, int] | None:
    """When the ``k``-th figure's words ``key[lo:hi]`` say only that a change turned (转为下降
    1.2%), the span of the noun whose change turned: the one named before 由/从 earlier in the
    sentence, when it is one noun and the figure stands alone (化学需氧量、二氧化硫排放量由上年分别增长5.6%和13.1%，减为增长1.2%和1.8% turns two
    nouns, and which figure is which the turn does not say again)."""
    if not _TURN_ONLY_RE.fullmatch(key, lo, hi):
        return None
    clause_start = find_clause_start(key, raws[k].start, start)
    if k + 1 < len(raws) and find_clause_start(key, raws[k + 1].start, start) == clause_start:
        return None
    cut = max(
        key.rfind("由", sentence_start, clause_start), key.rfind("从", sentence_start, clause_start)
    )
    if cut < 0:
        return None
    begin = max(find_clause_start(key, cut, start), sentence_start)
    if any(c in "、和及与" or c.isdigit() for c in key[begin:cut]):
        return None
    lo, hi, _ = strip_indicator(key, begin, cut, after_figure=False)
    return (lo, hi) if hi - lo >= 2 else None


_PEOPLE_RE = re.compile(r"(?P<who>农民|农村居民|城镇居民|居民|人口|群众|职工)(?:参加|参保)?")
_REACH_RE = re.compile(r"(?:惠及|覆盖|有)$")
_SCHEME_RE = re.compile(
    r"(?P<scheme>[\u4e00-\u9fff]{4,16}?)(?:制度)?(?:试点)?(?:范围)?(?:已经?)?(?:扩大|覆盖|推广)"
)


def scheme_members(
    key: str, indicator: str, sentence_start: int, clause_start: int, start: int
) -> str:
    """The people a scheme reached, named by the scheme the sentence opens on, or '' when
    the figure is no bare count of people reached (惠及/覆盖/有…参加): 新型农村合作医疗制度
    试点已扩大到671个县，惠及1.77亿农民 and …试点范围扩大到1451个县，…有4.1亿农民参加 count
    the scheme's members, as 参合农民 (参加新型农村合作医疗农民) does."""
    who = _PEOPLE_RE.fullmatch(indicator)
    if who is None or _REACH_RE.search(key, clause_start, start) is None:
        return ""
    scheme = _SCHEME_RE.match(key, sentence_start, clause_start)
    return "" if scheme is None else "参加" + scheme.group("scheme") + who.group("who")


_SETTING_RE = re.compile(
    "(?:" + DATE_ONLY_RE.pattern + r")?(?:拟定为|计划安排为|计划为|安排为|预定为|拟为|确定为|定为)"
)
_OPENS_A_CLAUSE_RE = re.compile(
    r"经过|通过|由于|根据|为了|随着|按照|对|从|在|其中|如果|而|但|并|即|同|与"
)


def set_after_comma(key: str, sentence_start: int, figure: int) -> Span | None:
    """The noun of the clause just before a clause that only says how a figure is set:
    一九五八年的基本建设总投资额，拟定为…; 工农业总产值的增长速度，一九八一年计划为百分之三点七.
    None when that clause holds a figure, opens a clause of its own (通过国家预算的部分) or
    is not a short noun."""
    comma = max(key.rfind(c, sentence_start, figure) for c in ",，")
    if comma <= sentence_start or _SETTING_RE.fullmatch(key, comma + 1, figure) is None:
        return None
    before = max(sentence_start, max(key.rfind(c, sentence_start, comma) for c in ",，;；:：") + 1)
    date = DATE_ONLY_RE.match(key, before, comma)
    start = date.end() if date else before
    start += key.startswith("的", start)  # 一九五八年的基本建设总投资额
    if _OPENS_A_CLAUSE_RE.match(key, start) or any(c.isdigit() for c in key[start:comma]):
        return None
    lo, hi, _ = strip_indicator(key, start, comma, after_figure=False)
    if lo > start and key[lo - 1] == "的":
        lo = start  # the clause is the noun whole: 工农业总产值的增长速度, not 增长速度
    if not 3 <= hi - lo <= 16 or not all(is_han(c) or c == "、" for c in key[lo:hi]):
        return None
    return Span(lo, hi)


GENERIC_HEAD_RE = re.compile(r"(?:总产量|年产量|产量|总产值|产值|总额|总值|增加值|总收入|收入)")
_TOPIC_RE = re.compile(
    r"(?:(?:今|去|全|当)年|(?:19|20)\d\d\s*年)?[,，]?(?:我国|全国)?的?"
    r"(?P<noun>[\u4e00-\u9fff]{2,6}?)(?:生产)?"
    r"(?:在|按|继续|稳定|稳步|持续|大幅度|增长|增加|增产|减产|丰收|获得|有了)"
)


_AGENT_RE = re.compile(r"我们|他们|它们|大家|国家|政府|国务院|中央|地方|各地|各级|各|这|那|其|本")


_DATED_HEAD_RE = re.compile(
    "(?:" + DATE_ONLY_RE.pattern + ")?的?(?P<head>" + GENERIC_HEAD_RE.pattern + ")"
)


# 在手工业方面，: the field a sentence speaks of, opening it
_FIELD_RE = re.compile(r"在(?P<noun>[\u4e00-\u9fff]{2,6}?)方面[,，]")
_FIELD_HEAD_RE = re.compile(
    "(?:" + DATE_ONLY_RE.pattern + ")?的?(?:全国|我国)?的?(?P<head>" + GENERIC_HEAD_RE.pattern + ")"
)


def _noun_clause(key: str, sentence_start: int, clause_start: int) -> Span | None:
    """The noun a sentence's first clause is, when it is a bare noun and the figure's clause
    follows it: 海洋和淡水的渔业生产，一九五九年的产量… → 渔业 (the words after its last 的,
    without the deed 生产); 人民公社兴办的农村工业 → 农村工业."""
    end = clause_start - 1
    if find_clause_start(key, end, sentence_start) != sentence_start:
        return None
    if _OPENS_A_CLAUSE_RE.match(key, sentence_start) or _NOT_A_TOPIC_RE.search(
        key, sentence_start, end
    ):
        return None
    lo = key.rfind("的", sentence_start, end) + 1 or sentence_start
    hi = end - 2 if key.startswith("生产", end - 2) else end
    return Span(lo, hi) if 2 <= hi - lo <= 6 and all(is_han(c) for c in key[lo:hi]) else None


def topic_owner(
    key: str, lo: int, hi: int, sentence_start: int, clause_start: int
) -> tuple[Span, Span] | None:
    """Whose output, value or income a figure's bare head (:data:`GENERIC_HEAD_RE`) counts,
    when its clause names nothing else (but a date): the noun its sentence opens on as
    topic, and the head. 粮食按人口平均占有量超过了…，总产量达到… → 粮食; 工业生产增长较快，总产
    值比上年增长… → 工业 (its 生产 is the deed); 我国的农业在严重的自然灾害中，…总产值仍然增加
    了… → 农业; a bare noun clause (:func:`_noun_clause`) too; a field the sentence opens on
    (在手工业方面，1956年的全国总产值… → 手工业). None when the head stands at the
    sentence's start, the opening is no short noun, or names an amount itself (工业总产值增长…,
    whose 总额 would be something else)."""
    if clause_start <= sentence_start:
        return None
    field = _FIELD_RE.match(key, sentence_start, clause_start)
    if field is not None and field.end() == clause_start:
        # 在手工业方面，1956年的全国总产值将比1955年增长16.2%: the field's output
        owned = _FIELD_HEAD_RE.fullmatch(key, lo, hi)
        if owned is not None:
            return Span(field.start("noun"), field.end("noun")), Span(*owned.span("head"))
    dated = _DATED_HEAD_RE.fullmatch(key, lo, hi)
    if dated is None:
        return None
    head = Span(dated.start("head"), dated.end("head"))
    m = _TOPIC_RE.match(key, sentence_start, clause_start)
    if m is None:
        bare = _noun_clause(key, sentence_start, clause_start)
        return None if bare is None or _AGENT_RE.match(key, bare.start) else (bare, head)
    noun = m.group("noun")
    if "的" in noun or _NOT_A_TOPIC_RE.search(noun) or GENERIC_HEAD_RE.search(noun):
        return None
    if _OPENS_A_CLAUSE_RE.match(noun) or _AGENT_RE.match(noun):
        return None  # 我们在…，总额…: who acted owns no output
    return Span(m.start("noun"), m.end("noun")), head


def topic_before_comma(key: str, sentence_start: int, clause_start: int) -> Span | None:
    """The noun phrase standing alone before the comma that opens the figure's clause.

    到一九八五年，城乡居民按人口平均的消费水平，将比一九八○年增长百分之二十二: the clause
    before is the topic the figure's clause (将比…增长, naming nothing) speaks of. None unless
    that clause opens the sentence (after a date at most), holds no figure, and reads as a
    noun of 3–16 Han characters: no deed, no predicate, no preposition opening it.
    """
    end = clause_start - 1
    if end <= sentence_start or key[end] not in ",，":
        return None
    before = find_clause_start(key, end, sentence_start)
    if before > sentence_start and not DATE_ONLY_RE.fullmatch(key, sentence_start, before - 1):
        return None
    if any(c.isdigit() for c in key[before:end]):
        return None
    lo, hi, _ = strip_indicator(key, before, end, after_figure=False)
    noun = key[lo:hi]
    if not 3 <= len(noun) <= 16 or not all(is_han(c) for c in noun):
        return None
    if _NOT_A_TOPIC_RE.search(noun) or PREDICATE_START_RE.search(noun):
        return None
    if _OPENS_A_CLAUSE_RE.match(noun) or _AGENT_RE.match(noun):
        return None
    return Span(lo, hi)


_PER_HEAD_ONLY_RE = re.compile(r"(?:全国)?(?P<per>平均每人|每人平均|人均|按人口平均)")


def per_head_topic(
    text: str, key: str, lo: int, hi: int, sentence_start: int, clause_start: int
) -> str | None:
    """The name of a figure whose clause says only that it is per head (全国平均每人达到…):
    the topic before the comma (:func:`topic_before_comma`), per head. 农民的纯收入，全国平均
    每人达到… → 农民平均每人的纯收入. None unless ``key[lo:hi]`` is only such a phrase and the
    topic is found."""
    per = _PER_HEAD_ONLY_RE.fullmatch(key, lo, hi)
    if per is None:
        return None
    topic = topic_before_comma(key, sentence_start, clause_start)
    if topic is None:
        return None
    words, head = text[topic.start : topic.end], text[per.start("per") : per.end("per")]
    cut = words.rfind("的")
    return words[:cut] + head + words[cut:] if cut > 0 else head + words
