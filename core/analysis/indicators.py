"""The indicator of a figure: the words saying what is counted (区级财政收入, 养老床位).

Reads the clause before a figure or the noun after its classifier, trims scope words,
connectives and linking verbs, and collects the qualifiers it meets (约 超 累计 同比增长 …).
A modal verb saying the figure is demanded or supposed (要, 将要, 只要, 应当, 必须, 需要) and
the year a figure is due by (全国人口２０００年要控制在…, 我国人口到２０００年…) end no name:
they say how sure or when, not what is counted (the year is the figure's Quantity.year).
"""

from __future__ import annotations

import re

from reportdiff.core.analysis.clauses import BULLETS, find_clause_start, is_han, mask_notes
from reportdiff.core.analysis.figures import Raw
from reportdiff.core.analysis.namerules import plan_only
from reportdiff.core.analysis.ratewords import rate_only
from reportdiff.core.analysis.setverbs import after_setting_verb
from reportdiff.core.model import Span

QUALIFIER_WORDS: tuple[str, ...] = (
    "同比增长", "同比下降", "同比上升", "同比提高", "同比减少", "同比增加", "同比",
    "比上年增长", "比上年下降", "比上年提高", "较上年增长", "较上年下降", "较上届增长",
    "增长", "下降", "上升", "提高", "提升", "减少", "增加", "降低", "增产", "减产", "增至", "增加到",
    "增加至", "提高到", "提高至", "提升至", "提升到", "达到", "突破", "超过", "超", "约",
    "接近", "近", "逾", "累计", "新增", "新建", "预计", "力争", "目标", "不低于", "不高于",
    "不少于", "不超过", "控制在", "年均", "平均", "以上", "左右", "以内", "以下", "多", "余",
)  # fmt: skip
"""Words kept as qualifiers: they change what a number means or how exact it is."""
AFTER_ONLY = frozenset({"以上", "左右", "以内", "以下", "多", "余"})
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
            "三是", "四是", "五是", "办理", "办理完成", "发行", "拟发行",
            "例如", "比如",  # 例如１万千瓦的自动化水轮发电机: an example, not a name
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
# … and off its end (the verb linking it to the number).
_TRAIL_WORDS = tuple(
    sorted(
        {
            *(w for w in QUALIFIER_WORDS if w not in AFTER_ONLY),
            "达", "为", "是", "完成", "实现", "共", "共计", "合计", "总计", "分别", "均", "已",
            "将", "保持", "仅", "高达", "从", "由", "至", "到", "在", "的", "已达", "约占",
            "占", "共有", "再", "又", "累计达", "首次", "全年", "全区", "全市", "上年", "去年",
            "今年", "培育", "引进", "引入", "建成", "实际", "比", "定为", "确定为",
            "可比",  # 地区生产总值可比增长5%: at comparable prices, how it is counted
            # 钢产量拟定为六百二十四万八千吨, 固定资产投资总额计划为三千六百亿元: how the figure
            # is set, not what it counts
            "拟定为", "计划为", "计划安排为", "计划安排", "安排为", "预定为", "拟为",
            "仍然", "仍", "也", "估计",  # 仍然增加了…, 也安排为…, 收入估计将增加…: adverbs
            "了", "只", "降",  # 只增长了５％, 增长率降到千分之十: aspect, focus, a move
            # 预计可以达到百分之六点四, 发电能力可以达到…, 可能增加…: how sure, not what
            "可以", "可能", "能够", "可望", "有望", "就能",
            # 全国人口２０００年要控制在…, 粮食产量要增长…, 生产成本只要降低…: the figure is
            # demanded (or supposed), which says nothing of what it counts
            "要", "将要", "就要", "也要", "还要", "只要", "应当", "就应当", "应该", "必须",
            "需要", "只需要", "就需要", "却需要",
            "相应地", "相应",  # 积累所占的比重，相应地由…降到…: an adverb, how it moved
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
_BASE_TRAIL_RE = re.compile(
    r"(?:比|较|同|在)(?:上年|去年|上一年|(?:19|20)\d\d\s*年|[一二][九〇○零][〇○零一二三四五六七八九]{2}年)"
    r"(?:末|底|同期)?$"
)
_DUE_YEAR_RE = re.compile(r"(?<![比较同在])(?:到|至)?\d{4}\s*年(?:底|末)?$")
_THAT_IS_RE = re.compile(r"即(?![使便刻])")
"""即 (that is) opening a clause restates the figure before: 学生数增长了百分之七十五，即达到
六十七万人 names no noun of its own (but 即使, 即便 open a clause of their own)."""
_LEAD_RE = re.compile("|".join(map(re.escape, _LEAD_WORDS)))
_LEAD_LONG_RE = re.compile("|".join(re.escape(w) for w in _LEAD_WORDS if len(w) > 1))
_TRAIL_RE = re.compile("(?:" + "|".join(map(re.escape, _TRAIL_WORDS)) + ")$")
# Verbs inside a clause after which the counted thing starts:
# 徐汇交易分团实现意向成交总金额 → 意向成交总金额.
_MID_VERBS = ("实现", "完成", "惠及", "提供", "达到", "提出")
_ACTION_VERBS = ("新开工", "新签约", "签约", "开工", "完工", "竣工", "建成", "投用", "开业",
                 "供应", "筹措", "启动")  # fmt: skip
# A clause that is only one of these verbs qualifies the previous figure's noun:
# 筹措5757套(间)、供应2823套(间); 救助各类对象超70万人次,支出超5亿元.
CONTINUATION_VERBS = frozenset({*_ACTION_VERBS, "覆盖", "支出", "惠及", "转化", "涉及", "完成"})
BARE_VERB_RE = re.compile(
    r"(?:拟|再|又|继续|计划)?(?:发行|增发|安排|拿出|投入|筹集|筹措|下达|发放)"
)
# 签约 ends in 约 and 附近 in 近, but neither is a qualifier.
_WORDS_ENDING_LIKE_A_QUALIFIER = frozenset({"签约", "节约", "制约", "公约", "条约", "附近", "最近",
                                            "就近", "赶超", "新签",
                                            # …要 that is no modal verb (规划纲要, 主要)
                                            "主要", "重要", "纲要", "摘要", "必要", "提要",
                                            "概要", "首要", "次要", "简要"})  # fmt: skip
_TIME_WORDS = frozenset({"上年", "去年", "今年", "全年", "当年", "明年"})
_MAX_INDICATOR = 24


_DATE_RE = re.compile(r"\d+\s*(?:年|月份?|日)")  # 从7月份开始: a date, not a figure
_SUBJECT_END_RE = re.compile(r"在|比|由|从|已|继续|进一步|持续|连续|再|又|实现|达到|首次|是|的")


def sentence_subject(key: str, sentence_start: int, clause_start: int) -> Span | None:
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
    if any(c.isdigit() for c in _DATE_RE.sub("", opening)) or "、" in opening:
        return None  # a figure of its own, or a list of names (美团…、哔哩哔哩…等项目)
    cut = _SUBJECT_END_RE.search(opening, 2)
    if cut is None and key[clause_start : clause_start + 1] in ("在", "比", "由", "从"):
        end = first_end  # 全国研究与试验开发经费，从1997年的509亿元增加到…
    elif cut is not None and cut.group() in ("在", "比", "由", "从"):
        end = sentence_start + cut.start()
    else:
        return None  # only a subject then a prepositional phrase leaves its verb to later clauses
    lo, hi, _ = strip_indicator(key, sentence_start, end, after_figure=False)
    if not 3 <= hi - lo <= 12 or not all(is_han(c) for c in key[lo:hi]):
        return None
    return Span(lo, hi)


def series_of(key: str, raws: list[Raw], k: int) -> list[Raw]:
    """``raws[k]`` and the figures joined to it by 和/、 (65家和30家)."""
    series = [raws[k]]
    for nxt in raws[k + 1 :]:
        if key[series[-1].post_end : nxt.start].strip() not in ("和", "、", "及", "与"):
            break
        series.append(nxt)
    return series


def respectively_of(
    key: str, raws: list[Raw], k: int, clause_start: int, block_start: int
) -> list[tuple[Raw, Span]] | None:
    """Figures of a 分别 sentence matched to their nouns, in order.

    跨国公司地区总部、外资研发中心分别新增65家和30家: 65家 counts the first noun and 30家 the
    second. Returns None unless the nouns and the figures are equally many.
    """
    series = series_of(key, raws, k)
    if len(series) < 2:
        return None
    cut = key.rfind("分别", clause_start, raws[k].start)
    pair = _two_joined(key, clause_start, cut)
    if len(series) == 2 and pair is not None:
        return list(zip(series, pair, strict=True))
    items: list[Span] = []
    seg_start, seg_end = clause_start, cut
    while True:
        lo, hi, _ = strip_indicator(key, seg_start, seg_end, after_figure=False)
        if hi - lo < 2:
            return None
        items.append(Span(lo, hi))
        if len(items) == len(series):
            break
        if seg_start - 1 < block_start or key[seg_start - 1] != "、":
            return None
        seg_end = seg_start - 1
        seg_start = find_clause_start(key, seg_end, block_start)
    items.reverse()
    return list(zip(series, items, strict=True))


_JOINED_RE = re.compile(
    r"(?P<a>[\u4e00-\u9fff]{2,6})(?:和|与|及)(?P<b>[\u4e00-\u9fff]{2,6})(?:\([^()]{1,6}\))?"
)


def _two_joined(key: str, lo: int, hi: int) -> tuple[Span, Span] | None:
    """Two nouns of like length joined by 和 before 分别 (水泥和化肥（折纯）分别达到…): two
    items. Not a short word before a long noun (城镇和农村居民人均收入: 城镇 modifies it)."""
    lo, hi, _ = strip_indicator(key, lo, hi, after_figure=False)
    m = _JOINED_RE.fullmatch(key, lo, hi)
    if m is None or abs(len(m.group("a")) - len(m.group("b"))) > 1:
        return None
    return Span(m.start("a"), m.end("a")), Span(m.start("b"), m.end("b"))


# Where the last noun of a list stops and the list's predicate starts: 化学需氧量、二氧化硫排放
# 总量近年来首次出现双下降 → 二氧化硫排放总量.
PREDICATE_START_RE = re.compile(
    r"近年来|近几年|首次|出现|继续|比上年|较上年|比去年|同比|分别|已经|持续|连续|大幅|明显"
    r"|稳步|进一步|有所|实现|达到|保持|呈现|逐步|不断|都|势头|却"
)


def listed_before(
    key: str, sentence_start: int, clause_start: int, count: int
) -> list[Span] | None:
    """The nouns of a 、 list in the clause just before a 分别 clause that names none.

    化学需氧量、二氧化硫排放总量近年来首次出现双下降，比上年分别下降3.14%和4.66%: the
    figures are the listed nouns' in order, as 分别 says. None unless the clause before
    ``clause_start`` is such a list, holds no figure, and has exactly ``count`` nouns.
    """
    end = clause_start - 1
    if end <= sentence_start or key[end] not in ",，":
        return None
    items: list[Span] = []
    seg_end = end
    while True:
        seg_start = find_clause_start(key, seg_end, sentence_start)
        if any(c.isdigit() for c in key[seg_start:seg_end]):
            return None
        hi = seg_end
        if not items:
            cut = PREDICATE_START_RE.search(key, seg_start + 2, seg_end)
            if cut is None:
                return None  # the list's noun and its verb cannot be told apart
            hi = cut.start()
        lo, hi, _ = strip_indicator(key, seg_start, hi, after_figure=False)
        if hi - lo < 2 or not all(is_han(c) for c in key[lo:hi]):
            return None
        items.append(Span(lo, hi))
        if seg_start - 1 < sentence_start or key[seg_start - 1] != "、":
            break
        seg_end = seg_start - 1
    if len(items) != count:
        return None
    items.reverse()
    return items


def list_noun_start(key: str, clause_start: int, lo: int, hi: int, sentence_start: int) -> int:
    """Where a noun holding a 、 list starts, when the figure's clause is its last item.

    中央财政用于教育、卫生、科技、文化、体育事业的支出达855亿元: the 、 joins fields of one
    noun (…事业的支出, …等方面的支出), not clauses, so the indicator starts before 教育.
    Only when the last item goes on with 的 or 等, and no item holds a figure or 分别;
    else ``lo``.
    """
    if clause_start - 1 <= sentence_start or key[clause_start - 1] != "、":
        return lo
    last = key[clause_start:hi]
    if not re.search(r"^[^的]{1,8}的|^[^等]{1,8}等", last):
        return lo
    seg_start = clause_start
    while seg_start - 1 > sentence_start and key[seg_start - 1] == "、":
        seg_start = find_clause_start(key, seg_start - 1, sentence_start)
    stretch = _DATE_RE.sub("", key[seg_start:clause_start])  # 2005年中央财政用于科技、…
    if any(c.isdigit() for c in stretch) or "分别" in stretch:
        return lo
    first_end = key.find("、", seg_start, clause_start)
    start, _, _ = strip_indicator(key, seg_start, first_end, after_figure=False)
    return start if first_end - start >= 1 else lo


# Names of an attribute only: whose amount it is, the sentence said first.
# 实际到位 (实际利用, 实际使用): the part of an investment actually in place, as 实际金额;
# 存款余额 (年末余额): the balance of the deposits the sentence opens on.
_ATTRIBUTE_RE = re.compile(
    r"(?:实际|合同|协议)?(?:金额|总额|数额)|实际(?:到位|利用|使用)|(?:年末|年底)?(?:存款)?余额"
)


def owner_of_attribute(text: str, key: str, lo: int, hi: int, sentence_start: int) -> str | None:
    """The name of what ``key[lo:hi]`` is an attribute of: the noun opening the sentence
    with the attribute, the owner's own words not said twice.

    外商直接投资保持良好势头，实际金额达到330多亿美元 → 外商直接投资实际金额; 城乡居民储蓄
    存款大幅度增加，年末存款余额达到… → 城乡居民储蓄存款年末余额. None unless the sentence's
    first clause (not the figure's) opens with a noun of 3–12 Han characters followed by its
    predicate (保持, 继续, 稳步 …).
    """
    if not _ATTRIBUTE_RE.fullmatch(key, lo, hi):
        return None
    first_end = sentence_start
    while first_end < lo and key[first_end] not in ",，;:":
        first_end += 1
    if first_end >= lo:
        return None
    cut = PREDICATE_START_RE.search(key, sentence_start + 2, first_end)
    if cut is None:
        return None
    nlo, nhi, _ = strip_indicator(key, sentence_start, cut.start(), after_figure=False)
    if not 3 <= nhi - nlo <= 12 or not all(is_han(c) for c in key[nlo:nhi]):
        return None
    owner, attribute = text[nlo:nhi], text[lo:hi]
    if owner.endswith("存款"):
        attribute = attribute.replace("存款", "", 1)  # 储蓄存款 + 年末存款余额
    return owner + attribute


# 安排109亿元资金支持再就业: after the amount, the fund and what it is for.
_FUND_FOR_RE = re.compile(
    r"(?:专项)?资金(?:支持|用于|扶持)(?P<what>[\u4e00-\u9fff]{2,8}?)(?=[,;。:]|$)"
)
_GIVING_END = ("安排", "拿出", "投入", "筹集", "下达")


def fund_for(indicator: str, key: str, after: int, end: int) -> str:
    """What a fund is for when its name stops at the giving verb and the words after the
    amount say it (中央财政安排 109亿元资金支持再就业 → 再就业), else ''."""
    if not indicator.endswith(_GIVING_END):
        return ""
    m = _FUND_FOR_RE.match(key, after, min(end, after + 16))
    return m.group("what") if m else ""


_ADVERBS_RE = re.compile(r"(?:拟|先|再|还|又|将|要|也|可|准备|计划|今年|明年)*")
"""Words that say when or how, not what: 今年拟先 (增加50亿元) names no noun. Matched as
words, so 划 or 备 alone is not one."""


def object_of_verb_before(
    key: str, lo: int, hi: int, verb: str, sentence_start: int, clause_start: int
) -> Span | None:
    """The object of ``verb`` in the clause before, when the figure's own clause names none.

    要逐年适当增加中央预算内经常性建设投资，今年拟先增加50亿元: 拟先 is no noun, and the
    figure is how much the investment just named is increased by. None unless ``key[lo:hi]``
    holds only adverbs and the clause just before ends with ``verb`` and its object.
    """
    if not verb or _ADVERBS_RE.fullmatch(key, lo, hi) is None:
        return None
    end = clause_start - 1
    if end <= sentence_start or key[end] not in ",，":
        return None
    start = find_clause_start(key, end, sentence_start)
    at = key.rfind(verb, start, end)
    if at < 0:
        return None
    olo, ohi, _ = strip_indicator(key, at + len(verb), end, after_figure=False)
    if not 3 <= ohi - olo <= 16 or not all(is_han(c) for c in key[olo:ohi]):
        return None
    return Span(olo, ohi)


_PER_HEAD_OF_RE = re.compile(
    r"(?:按人口平均|平均每人|每人平均|人均|每[\u4e00-\u9fff]{1,3})(?:全年)?的$"
)
_WHEN_ONLY_RE = re.compile(r"在[\u4e00-\u9fff]{1,8}?(?:初期|期间|时期|阶段)")
_PLANNED_TO_RE = re.compile(r"达到|增长|提高|增加|降低|减少|下降|上升|安排|比|为")
"""What 计划 before them makes a plan of (计划达到, 计划增长); 计划完成 is the plan's own."""

AIM_OF_RE = re.compile(
    r"(?<=..)(?:的(?:宏观)?(?:调控|预期|控制|主要)?|(?:调控|预期|控制))目标"
    r"(?:定为|确定为|定在|定|是|为)?$"
)


def strip_indicator(
    key: str, lo: int, hi: int, *, after_figure: bool
) -> tuple[int, int, list[str]]:
    """Trim scope words, connectives and linking verbs off a clause; collect qualifiers.

    One-character connectives (和 及 与 共 …) are only trimmed right after a previous figure
    (17项民心工程和55项…): elsewhere they start words (和谐, 共享, 在线).
    """
    quals: list[str] = []
    aim = AIM_OF_RE.search(key, lo, hi)
    if aim is not None:
        # 经济增长速度的宏观调控目标定为8%: the target of 经济增长速度 measures it
        hi = aim.start()
        quals.append("目标")
    changed = True
    while changed and lo < hi:
        changed = False
        while lo < hi and key[lo] in BULLETS + "”\"'":
            lo += 1
            changed = True
        while lo < hi and key[hi - 1] in ' \t“"':
            hi -= 1
            changed = True
        lead = (_LEAD_RE if after_figure else _LEAD_LONG_RE).match(key, lo, hi)
        lead = lead or _THAT_IS_RE.match(key, lo, hi)
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
            elif trail.group().startswith("计划"):
                quals.append("计划")
            hi = trail.start()
            changed = True
        base = _BASE_TRAIL_RE.search(key, max(lo, hi - 9), hi)
        if base and base.start() > lo:
            # 产值比１９５４年(增长了): the base of the change, not the noun; 积累率在一九七八年
            # (高达…): the date of the figure
            hi = base.start()
            changed = True
            continue
        due = _DUE_YEAR_RE.search(key, max(lo, hi - 9), hi)
        if due and due.start() - lo >= 2:
            # 全国人口２０００年(要控制在…), 我国人口到２０００年: when it is due, not what it
            # counts (the year is the figure's Quantity.year)
            hi = due.start()
            changed = True
    if _WHEN_ONLY_RE.fullmatch(key, lo, hi):
        hi = lo  # 在调整初期(由…降低到…): when, not what
    if (
        hi - lo > 3
        and key.startswith("计划", hi - 2)
        and _PLANNED_TO_RE.match(key, hi)
        and "比" not in key[lo : hi - 2]  # 比年度计划增加2%: the plan is the base
        and not plan_only(key[lo:hi])  # 超过计划增长4%: the plan's own figure
    ):
        hi -= 2  # 全国粮食产量计划达到三亿六千万吨: planned to reach, not the plan of 粮食产量
        quals.append("计划")
    seg = mask_notes(key[lo:hi])  # a note (包括…的…) cuts nothing
    for verb in _MID_VERBS:
        p = seg.rfind(verb)
        rest = seg[p + len(verb) :]
        # not when only a bare noun would be left: 国有控股工业企业实现利润 keeps whose 利润
        if p > 0 and len(rest) >= 3 and rest not in _TIME_WORDS:
            lo += p + len(verb)
            lo += key.startswith("了", lo)  # 提出了再超额生产煤炭
            seg = mask_notes(key[lo:hi])
    setting = after_setting_verb(seg, quals)  # 提出了钢产量: how it was set, not what
    lo, seg = lo + setting, seg[setting:]
    p = seg.rfind("的")
    per_head = _PER_HEAD_OF_RE.search(seg, 0, p + 1) if p >= 0 else None
    if per_head is not None:
        # 城乡居民按人口平均的消费水平, 每吨钢的综合能耗: per head (per unit) is part of the
        # measure, not a modifier to drop
        p = seg.rfind("的", 0, per_head.start())
    if p >= 0 and rate_only(seg[p + 1 :]):
        p = seg.rfind("的", 0, p)  # 工农业总产值的增长速度: the rate of the noun before 的
    if p >= 0 and len(seg) - p - 1 >= 4:
        lo += p + 1
    if hi - lo - mask_notes(key[lo:hi]).count("\0") > _MAX_INDICATOR:
        lo = _after_cut_year(key, hi - _MAX_INDICATOR, hi)
    # an unbalanced quote at either end is punctuation, not part of the name (“美丽街区”5条)
    seg = key[lo:hi]
    if seg.endswith("”") and "“" not in seg:
        hi -= 1
    if seg.startswith("“") and "”" not in seg:
        lo += 1
    return lo, max(lo, hi), quals


_CUT_YEAR_RE = re.compile(r"\d*年(?:底|末|初)?(?:(?:到|至|、)\d{4}年(?:底|末|初)?)*")


def _after_cut_year(key: str, lo: int, hi: int) -> int:
    """Where a name cut short at ``lo`` starts: after the year the cut fell in.

    一九八二年城市职工家庭平均每人全年可用于生活费的收入, cut to its last characters, is
    城市职工家庭…, not 八二年城市职工家庭… (the year is kept in Quantity.year); the dates
    joined to it (一九五三年到一九八○年) go with it.
    """
    if not (0 < lo < hi and key[lo].isdigit() and key[lo - 1].isdigit()):
        return lo
    m = _CUT_YEAR_RE.match(key, lo, hi)
    return m.end() if m is not None and hi - m.end() >= 2 else lo


def names_nothing(key: str, clause_start: int, figure: int) -> bool:
    """Whether the words of a 分别 clause before its figures name no noun (比上年分别下降)."""
    cut = key.rfind("分别", clause_start, figure)
    lo, hi, _ = strip_indicator(key, clause_start, cut, after_figure=False)
    return hi - lo < 2


def drop_action(indicator: str) -> str:
    for verb in _ACTION_VERBS:
        if indicator.endswith(verb) and len(indicator) > len(verb) + 1:
            return indicator[: -len(verb)]
    return indicator
