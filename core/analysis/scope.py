"""A number's scope: the period it covers, its role, stock or flow, and its subject.

``690万人`` over 十四五 is not ``115.8万人`` in 2025, a 年均 rate is not one year's, 累计
3022家 is not 新增397家, a target is not a result and 城镇 income is not 农村 income. The
scope is read from the words around the number — the nearest period word in its sentence
(年均, 累计, 1-11月, 五年来, 2004年, 今年), else its paragraph's or section's framing (see
:mod:`reportdiff.core.text.parts`), else the part it stands in (a review speaks of the
reviewed year, targets and tasks of the next) — and pairing joins like with like only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportdiff.core.analysis.baseestimate import estimate_said
from reportdiff.core.analysis.coming import will_come
from reportdiff.core.analysis.namerules import share_part
from reportdiff.core.text.parts import BlockPart

__all__ = [
    "PERIODS",
    "ROLES",
    "Scope",
    "expand_abbreviations",
    "scope_of",
    "span_years",
    "subject_of",
]

PERIODS = ("year", "years", "average", "cumulative", "part", "")
"""``year`` one year; ``years`` a multi-year period (五年来, “十五”期间, 2001-2005年);
``average`` an annual average over a period (年均, 平均每年); ``cumulative`` a running total
(累计); ``part`` a part of a year (1-11月, 上半年, 前三季度); '' unknown."""

ROLES = ("result", "target", "plan", "forecast", "")
"""``result`` what happened; ``target`` a goal (预期目标, 力争, 控制在, 左右 among targets);
``plan`` what is to be done or spent (tasks); ``forecast`` an estimate (预计); '' unknown."""

_FOLD = str.maketrans("０１２３４５６７８９，－—–～", "0123456789,----")

_CN_MONTH = "(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
# A clause that opens on a bare span (两年国营工业的劳动生产率已提高…, 在运输交通方面：两年铁路
# 的货物周转量增长…) speaks of those years, as 两年来 does; not 两年后, 两年前, 三年计划,
# 三年困难时期 (a named period), 两年翻一番, 十年树木 (五年内, 两年中 are read by the cues
# that name them).
_OPENING_SPAN = (
    r"(?<=[。!?\n,:;])(?P<n3>[两二三四五六七八九十])年"
    r"(?![前后以之多底末初度份计规行内里中间来困翻树])(?=[\u4e00-\u9fff])"
)
# Each cue with the period it means; the nearest one before the number wins.
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(
        rf"(?:1|一)\s*(?:-|至|到|~)\s*{_CN_MONTH}\s*月(?:份)?|前[一二三]季度|[一二三四1-4]季度"
        r"|上半年|下半年|前\d{1,2}个月|前[一二三四五六七八九十]{1,2}个月"
    )),
    ("average", re.compile(r"年均|平均每年|每年平均|年平均")),
    ("cumulative", re.compile(r"累计")),
    ("years", re.compile(
        r"(?:过去|近|这|前|今后|未来)?"
        r"(?:十[一二三四五六七八九]|[二三四五六七八九]十[一二三四五六七八九]?|[两二三四五六七八九十])"
        r"年(?:来|间|中|里|内|以来)"
        r"|(?:过去|近|这|今后|未来)[二三四五六七八九十两]年"
        r"|(?<![由从比较])前[二三四五六七八九十两]年"  # 钢产量前三年共增加了… (not 由前三年…)
        r"|[“\"]?[一二三四五六七八九十]{1,3}五[”\"]?(?:计划|规划)?(?:时期|期间|以来)"
        r"|第[一二三四五六七八九十]{1,2}个五年计划(?:时期|期间)"
        r"|(?:这个|这一|此)(?:期间|时期)"  # 在这个期间 (the plan's five years just named)
        r"|本届政府|(?:19|20)\d\d\s*年?\s*(?:-|至|到)\s*(?:19|20)\d\d\s*年"
        r"|(?:(?:19|20)\d\d\s*年|去年|上年)以来"
        r"|" + _OPENING_SPAN
    )),
    # 对2010年底以前发布的156件规范性文件: a date of what is counted, not the figure's year
    ("year", re.compile(
        r"今年|去年|上年|全年|当年|本年|明年|(?:19|20)\d\d\s*年(?!\s*以来)(?!\s*底?\s*(?:以前|之前))"
    )),
)  # fmt: skip
# A period word after these is a comparison base, not the number's period (比上年增长).
_BASE_BEFORE = ("比", "较", "同", "于", "与", "是", "相比", "超过", "高于", "低于")
# …年为基数, …年的基数上: a year named as the base the figures grow from; …年不变价格: the
# year whose prices count the value (按一九五七年不变价格计算), not the figure's year
_BASE_AFTER_RE = re.compile(r"(?:为|的)?基(?:数|期)|的?(?:不变|可比)?价格")
# 保持了去年的水平, 在去年的基础上: a year's level kept or built on, not the year of a figure
# said later (but 规定的１９５７年的水平４９８亿元 names the level that figure is)
_LEVEL_AFTER_RE = re.compile(r"的(?:水平|基础上)")
# Cues that hold only inside their own semicolon-bounded clause chain: 平均每年增加2053亿元；
# 国家外汇储备由1399亿美元增加到2864亿美元 (the reserves are not an average).
_LOCAL = frozenset({"part", "average", "cumulative"})
# 年均 and 累计 govern their own clause only: 新增…25家、累计达到90家,新增外资研发中心13家
_CLAUSE_ONLY = frozenset({"average", "cumulative"})

_AVERAGE_RE = re.compile(r"年均|平均每年|每年平均|年平均")
# A level reached, said at the end of the figure's clause (达到9258.9亿元, 增加到…)
_REACHED_END_RE = re.compile(
    r"(?:达到|达|增加到|增长到|提高到|上升到|增至|升至)(?:了)?(?:约|近|接近|超过|逾)?\s*$"
)
# Words that make a figure a total over the period (累计, 共, 五年投入…), not a level
_TOTAL_RE = re.compile(r"累计|共计|总计|合计|(?<!公)共(?![同享识])|新增|新建|投入|安排|完成|实现")
_OVER_BASE_RE = re.compile(r"(?:比|较)(?:19|20)\d\d\s*年")
_OVER_LAST_YEAR_RE = re.compile(r"(?:比|较)(?:上年|去年)(?!末|底)|同比")
_TARGET_RE = re.compile(r"目标|力争|预期|控制在|争取|不低于|不超过|不少于|不高于|确保|定为")
_FORECAST_RE = re.compile(r"预计|预测|估计")
# 已提高, 已经由…上升到: what has been done is a result, even in a part that sets tasks
_DONE_RE = re.compile(
    r"(?<![将要可能])已经?(?:由|从|比|较)?"
    r"(?:提高|增长|增加|上升|降低|下降|减少|达到|达|超过|完成|实现|突破|扩大|缩小|由|从)"
)
_TARGETISH_QUALIFIERS = frozenset({"左右", "以上", "以内", "以下", "力争", "控制在", "目标"})

_STOCK_RE = re.compile(r"累计|总数|总量|总规模|余额|存量|保有量|拥有|共有|年末|年底|末")
_SET_AIM_RE = re.compile(r"(?:确定|提出|规定|制定|下达|提交)的")
_AIM_AFTER_RE = re.compile(r"[^，,。；;！？]{0,40}?(?:目标|任务)")


def quoted_aim(key: str, sentence_start: int, start: int) -> bool:
    """Whether the figure at ``start`` stands inside a named aim, between 确定的 (提出的…) and
    目标 with no comma between: 年初确定的单位国内生产总值能耗降低4%左右、主要污染物排放总量
    减少2%的目标 quotes what was set, whatever happened."""
    cut = max(key.rfind(c, sentence_start, start) for c in "，,；;：:")
    lo = max(cut + 1, sentence_start)
    return _SET_AIM_RE.search(key, lo, start) is not None and bool(_AIM_AFTER_RE.match(key, start))


_COUNT_REACHED_RE = re.compile(r"(?:达到?|增至|增加到|增加至|超过|突破)$")
_FLOW_RE = re.compile(r"新增|新建|新开工|净增|新注册|新认定|新设|新引进|新开|^认定")

# Who or what a figure is of: 城镇 and 农村 income, 出口 and 进出口 are different indicators.
_SUBJECT_RE = re.compile(
    r"进出口|城乡|城镇|农村|农民|城市|(?<![全本])市内|乡村|出口|进口|中央|地方|东部|中部|西部|东北"
    r"|轻纺工业|轻工业|重工业"  # a part of industry, not all of it
    # a mode of transport: 铁路货物周转量 is not 汽车货物周转量
    r"|铁路|复线|公路|汽车|轮驳船|水运|航运|民航|管道|沿海|内河"
    r"|重点人群"  # 家庭医生重点人群签约率 is of a group, not of everyone
)


@dataclass(frozen=True)
class Scope:
    """Where a number's meaning comes from, beyond its indicator and unit."""

    period: str
    """One of :data:`PERIODS`."""
    period_label: str
    """The words that set the period (年均, 1-11月, 过去五年, 2004年), '' when assumed."""
    year: int | None
    """For a one-year figure, the year when known (去年 in a report on 2004 → 2004)."""
    role: str
    """One of :data:`ROLES`."""
    stock: str
    """``stock`` (累计, 年末, 余额: a level at a date), ``flow`` (新增, 新建: an addition)
    or '' (not said)."""
    subject: str
    """Subject words in the indicator (城镇, 农村, 出口, 进出口 …, joined by +), '' if none."""
    years: tuple[int, int] | None = None
    """For a multi-year figure (``years``, ``average``), the first and last year of its
    span when its sentence states them (1979到1983年, “六五”期间, 过去五年), else None."""


_SUBJECT_SAME = {
    "农民": "农村",
    "乡村": "农村",
    "市内": "城市",
    "复线": "铁路",
    "轻纺工业": "轻工业",
}
"""Words naming one subject: 市内电话 are 城市市内电话 (telephones within cities); 复线
(double track) is a railway's; 轻纺工业 is light industry (textiles counted in it)."""

ABBREVIATIONS = {
    "新农合": "新型农村合作医疗",
    "新农合参合": "参加新型农村合作医疗",
    "参合": "参加新型农村合作医疗",
    "新农保": "新型农村社会养老保险",
    "长期国债": "长期建设国债",  # 1998-2007's bonds for construction: 发行1000亿元长期国债
}
"""Official abbreviations of national schemes, as reports of every level print them."""
_ABBREVIATIONS_RE = re.compile("|".join(sorted(ABBREVIATIONS, key=len, reverse=True)))


_URBAN_HOUSEHOLDS_RE = re.compile(r"(?:城市|城镇)?职工家庭|城镇居民家庭")
_PER_HEAD_INCOME_RE = re.compile(r"(?:人均|平均每人|每人平均|按人口平均).*收入")


def expand_abbreviations(name: str) -> str:
    """An indicator with its official abbreviations written out: 参合农民 → 参加新型农村合作
    医疗农民 (its subject, 农村, and its name are those of the full form).

    The urban household survey's income per head is 城镇居民's under each of its names
    (城市职工家庭, 职工家庭 and 城镇居民家庭 in older reports: 1983 gives 1982's as 城市职工
    家庭平均每人…五百元, 1988 as 城镇居民人均生活费收入…４９４．５元).
    """
    name = _ABBREVIATIONS_RE.sub(lambda m: ABBREVIATIONS[m.group()], name)
    if _PER_HEAD_INCOME_RE.search(name):
        name = _URBAN_HOUSEHOLDS_RE.sub("城镇居民", name)
    return name


def subject_of(indicator: str) -> str:
    """The subject words of an indicator: 城镇居民人均可支配收入 → 城镇.

    >>> subject_of("城镇居民人均可支配收入"), subject_of("农民人均纯收入"), subject_of("财政收入")
    ('城镇', '农村', '')
    """
    name = expand_abbreviations(indicator)
    # a share's subject is its part's: 现代工业在工农业总产值中所占的比重 is of 现代工业
    name = share_part(name) or name
    words = [_SUBJECT_SAME.get(w, w) for w in _SUBJECT_RE.findall(name)]
    if "地方" in words and "中央" not in words:
        # 地方一般公共预算收入 of a province is its own revenue, like a district's
        # 一般公共预算收入; 地方 sets a subject only against 中央 (中央和地方财政安排)
        words.remove("地方")
    return "+".join(dict.fromkeys(words))


def _nearest_cue(
    key: str, lo: int, hi: int, local: int, *, clause: int | None = None, from_end: bool = False
) -> tuple[str, str, int] | None:
    """The period cue ending nearest before ``hi`` in ``key[lo:hi]``: (kind, words, start).

    Cues of :data:`_LOCAL` kinds count only from ``local`` on.
    """
    best: tuple[int, int, str, str, int] | None = None
    for rank, (kind, pattern) in enumerate(_CUES):
        first = lo
        if kind in _LOCAL:
            first = max(local, clause) if kind in _CLAUSE_ONLY and clause is not None else local
        for m in pattern.finditer(key, first, hi):
            before = key[max(lo, m.start() - 2) : m.start()]
            if before.endswith(_BASE_BEFORE) or _BASE_AFTER_RE.match(key, m.end()):
                continue  # 比上年, 比一季度, 以一九五四年为基数, 按…年不变价格: a base
            if before == "原定" and clause is not None and m.start() < clause:
                # 比五年计划原定１９５７年…；棉花产量将要达到…: a plan's first deadline dates
                # its own clause's figure, not the clauses after (the cotton is 1956's)
                continue
            level = _LEVEL_AFTER_RE.match(key, m.end())
            if level is not None and level.end() < hi:
                continue  # 保持了去年的水平，…竣工面积可达到…: what was kept, not when
            if m.group() == "上年" and not from_end:
                continue  # 由上年居世界第四位…: 上年 dates only the start of a change
            if (
                kind == "years"
                and clause is not None
                and m.start() < clause
                and _AVERAGE_RE.match(key, m.end())
            ):
                # 1997年，城镇居民人均可支配收入达到5160元，五年来年均实际增长6%；农村居民
                # 人均纯收入达到2090元: a span saying over which years an average runs is
                # part of that average, governing its own clause only, as 年均 does
                continue
            cand = (m.end(), -rank, kind, m.group(), m.start())
            # nearest end wins; at the same end the longer (earlier-ranked) cue
            if best is None or cand[:2] > best[:2]:
                best = cand
    if best is None:
        return None
    return best[2], best[3], best[4]


def _year(
    words: str, frame_year: int | None, reviewed: int | None, late: bool = False
) -> int | None:
    m = re.match(r"((?:19|20)\d\d)", words)
    if m:
        return int(m.group(1))
    if reviewed is None:
        return None
    # a report given late in the year it reviews (今年以来… in November): 今年 is that year,
    # 去年 the one before
    if words == "今年":
        return reviewed + (0 if late else 1)
    if words == "明年":
        return reviewed + (1 if late else 2)
    if words == "去年":
        return reviewed - (1 if late else 0)
    if words == "上年":
        return None if frame_year is None else frame_year - 1
    return frame_year  # 全年, 当年, 本年: the year the text is about


_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_YEAR = r"(?:(?:19|20)\d\d|[一二][九〇○零][〇○零一二三四五六七八九]{2})"
_SPAN_RE = re.compile(
    rf"(?P<y1>{_YEAR})\s*年?\s*(?:-|至|到|~)\s*(?P<y2>{_YEAR})\s*年"
    r"|[“\"]?(?P<plan>十[一二三四五]?|[一二三四五六七八九])五[”\"’]?(?:计划|规划)?(?:时期|期间)"
    r"|第(?P<plan2>十[一二三四五]?|[一二三四五六七八九])个五年计划(?:时期|期间)"
    r"|(?P<back>过去的?|这|近)(?P<n1>[两二三四五六七八九十])年"
    r"|(?P<n2>[两二三四五六七八九十])年(?:来|以来)"
    r"|" + _OPENING_SPAN
)
# 1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元: two years compared; the ends
# of the sentence's changes are those years' levels
_COMPARED_RE = re.compile(
    rf"(?P<late>{_YEAR})\s*年(?:同|与|和|跟|比)(?P<early>{_YEAR})\s*年(?:相比|比较)"
)
_CN_SMALL = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "一": 1}  # fmt: skip


def plan_span(word: str) -> tuple[int, int] | None:
    """The years of a five-year plan: “六五” → 1981–1985 (三五 began in 1966)."""
    n = 10 + _CN_SMALL.get(word[1:], 0) if word.startswith("十") else _CN_SMALL.get(word, 0)
    if n < 1:
        return None
    start = 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)
    return start, start + 4


def span_years(key: str, lo: int, hi: int, reviewed_year: int | None) -> tuple[int, int] | None:
    """The span a multi-year figure covers, from the last span words in ``key[lo:hi]``.

    An explicit range (1979到1983年, 一九五三年至一九八○年), a five-year plan (“六五”期间)
    or, looking back from the reviewed year, 过去五年 / 五年来; None when none is said.

    >>> span_years("从1979年到1983年，农业总产值平均每年增长", 0, 20, None)
    (1979, 1983)
    >>> span_years("在过去的五年中，工业总产值平均每年增长", 0, 19, 1985)
    (1981, 1985)
    """
    last = None
    for m in _SPAN_RE.finditer(key, lo, hi):
        last = m
    if last is None:
        return None
    if last.group("y1"):
        y1, y2 = (int(last.group(g).translate(_CN_DIGITS)) for g in ("y1", "y2"))
        return (y1, y2) if y1 < y2 else None
    if last.group("plan") or last.group("plan2"):
        return plan_span(last.group("plan") or last.group("plan2"))
    n = _CN_SMALL.get(last.group("n1") or last.group("n2") or last.group("n3") or "", 0)
    if reviewed_year is None or n < 2:
        return None
    return reviewed_year - n + 1, reviewed_year


def scope_of(
    key: str,
    start: int,
    *,
    clause_start: int,
    sentence_start: int,
    local_start: int,
    part: BlockPart,
    reviewed_year: int | None,
    indicator: str,
    qualifiers: tuple[str, ...],
    measure: bool,
    target_words: bool,
    end: str = "",
    aimed: bool = False,
    late: bool = False,
    year_end: bool = False,
) -> Scope:
    """The scope of the number starting at ``start`` in the folded text ``key``.

    Args:
        key: The folded report text (same offsets as the text).
        start: Where the number starts.
        clause_start: Start of the number's clause (its own words: 新增, 累计).
        sentence_start: Start of its sentence (ended by 。!? only: a 2002年 before a
            semicolon still frames the figures after it).
        local_start: Start of its semicolon-bounded clause chain, where 年均/累计/1-11月
            must stand to count.
        part: The block's part and framing (:func:`reportdiff.core.text.parts.report_parts`).
        reviewed_year: The year the report reviews, if known.
        indicator: The number's indicator (for its subject).
        qualifiers: The number's qualifiers (左右, 以上 … mark targets among tasks).
        measure: True for a measure unit (元, %, 吨), False for a count (家, 个).
        target_words: Whether the finder saw 目标/力争/预计 in the clause or sentence opening.
        end: ``from``/``to`` for the ends of 由A增至B: an end's year is only the one its
            own words give (由1997年的…, 增加到2002年的…); a ``to`` end without one is the
            level at the end of the part's period.
        aimed: Whether the clause says it is aimed at (要把…控制在): in a review, the
            year's target quoted, not a result.
        late: The report is delivered late in the year it reviews (its 今年 is that year).
        year_end: …in its last two months: that year's 预计 figures are its results.
    """
    plan_year = None if reviewed_year is None else reviewed_year + 1
    # a report given late in a year but before its end (1980.txt, 30 August) reviews the
    # year before with this year's first half: a review figure naming no year is the year
    # before's (the half year's say 上半年)
    review_year = reviewed_year - 1 if late and not year_end and reviewed_year else reviewed_year
    default_year = {"review": review_year, "plan": plan_year, "tasks": plan_year}.get(part.part)
    frame = part.framing
    frame_year = frame.year if frame.period == "year" else default_year
    lo = sentence_start if not end else max(sentence_start, clause_start)
    cue = _nearest_cue(key, lo, start, local_start, clause=clause_start, from_end=end == "from")
    period, label, year = "", "", None
    if end:
        average = _AVERAGE_RE.search(key, local_start, start)
        if cue is not None and cue[0] == "year":
            period, label = "year", cue[1]
            year = _year(label, frame_year, reviewed_year, late)
        elif average is not None:
            # 粮食的年平均产量由…增加到…，棉花由…增加到…: the list's ends are averages too
            period, label = "average", average.group()
        elif (compared := _COMPARED_RE.search(key, sentence_start, start)) is not None:
            period = "year"
            year = int(compared.group("late" if end == "to" else "early").translate(_CN_DIGITS))
        elif end == "to" and part.part:
            period, year = "year", default_year
    elif cue is not None:
        period, label, _ = cue
        if period == "year":
            year = _year(label, frame_year, reviewed_year, late)
    elif frame.period == "years" and _OVER_LAST_YEAR_RE.search(key, clause_start, start):
        # 国民经济实现了快速增长，国民生产总值比上年增长百分之十二点八, in a review of five
        # years naming no year: a change over the year before is the reviewed year's
        period, year = "year", default_year
    elif (
        frame.period == "years"
        and _REACHED_END_RE.search(key, clause_start, start) is not None
        and _TOTAL_RE.search(sentence_words := key[sentence_start:start]) is None
        and (span := span_years(frame.label, 0, len(frame.label), reviewed_year)) is not None
        and not _OVER_BASE_RE.search(sentence_words)
    ):
        # 过去五年…。一般公共预算收入达到9258.9亿元: a level reached in a review of years is
        # the level at the period's end, not a figure of the whole period
        period, year = "year", span[1]
    elif frame.period:
        period, label, year = frame.period, frame.label, frame.year
    elif part.part:
        period, year = "year", default_year
    if period == "cumulative":
        # 累计 within a one-year review is that year's running total (累计救助灾民6800万
        # 人次), a stock of the year; over a five-year framing or none it is its own period
        upto = cue[2] if cue else start
        context = _nearest_cue(key, sentence_start, upto, upto)  # years or a year, not 累计
        if context is not None and context[0] == "year":
            period, year = "year", _year(context[1], frame_year, reviewed_year, late)
        elif context is None and frame.period in ("year", "") and part.part:
            period, year = "year", frame_year
    if period == "year" and year is None and label in ("全年", "当年", "本年", ""):
        year = default_year

    sentence = key[sentence_start:start]
    clause = key[clause_start:start]
    # 1956年, 去年: a year the figure's sentence names (全年, 当年 are its part's year)
    named = cue is not None and cue[0] == "year" and cue[1] not in ("全年", "当年", "本年")
    role = ""
    past = (
        period == "year" and year is not None and plan_year is not None and year < plan_year
    ) or (
        period == "years" and re.search(r"来|过去|本届", label) is not None
    )  # 两年来, 过去五年: looking back, even among tasks
    if part.part == "review":
        role = "forecast" if _FORECAST_RE.search(sentence) else "result"
        if role == "result" and target_words and not past and year is not None:
            role = "target"  # 今年要…力争粮食产量达到4550亿公斤: the coming year's aim
        elif role == "result" and aimed:
            role = "target"  # 去年…曾提出，要把…上涨幅度控制在百分之十以内: last year's aim
        elif role == "result" and quoted_aim(key, sentence_start, start):
            role = "target"  # 没有实现年初确定的…能耗降低4%左右…的目标: the aim, not the result
        elif (
            role == "result"
            and plan_year is not None
            and period in ("year", "")
            and will_come(key, sentence_start, clause_start, start)
            and not (named and year is not None and year < plan_year)
        ):
            # 农业总产值比1956年将增长百分之四点九 in the review of 1956: the coming year's plan
            role, period, year = "plan", "year", year if named else plan_year
    elif part.part in ("plan", "tasks"):
        # only the sentences that set targets hold targets: 今年的预期目标是，新增城镇就业
        # 900万人。今年中央财政预算安排再就业补助资金83亿元 (a plan, not a target)
        if past or _DONE_RE.search(clause):
            role = "result"
        elif estimate_said(clause):  # not 比1980年预计增长5.5%: the base is estimated
            role = "forecast"
        elif target_words or _TARGET_RE.search(sentence) or _TARGETISH_QUALIFIERS & set(qualifiers):
            role = "target"
        else:
            role = "plan"
    elif target_words:
        role = "forecast" if _FORECAST_RE.search(clause) else "target"
    # 预计在本年内: the year still running (not at its end: 今年…预计 in November is the
    # year's result as first estimated)
    running = label in ("今年", "本年", "当年", "全年") and not year_end
    if role == "forecast" and period == "year" and year and year == reviewed_year and not running:
        # 根据预计，一九五七年…粮食增加了五十亿斤 in the review of 1957: the reviewed year's
        # result as first estimated (the report is given before the final count), not an aim
        role = "result"

    stock = ""
    if not measure or period == "cumulative" or "累计" in clause:
        found = [(m.end(), "stock") for m in _STOCK_RE.finditer(clause)]
        found += [(m.end(), "flow") for m in _FLOW_RE.finditer(clause)]
        if not found and ("新增" in qualifiers or "新建" in qualifiers):
            found.append((0, "flow"))  # 分别新增65家和30家: 新增 shared by the series
        if not found and not measure and _COUNT_REACHED_RE.search(clause):
            # 跨国公司地区总部达74家: a count reached, nothing said to be added, is how many
            # there are (a stock), not how many came in the year
            found.append((0, "stock"))
        if period == "cumulative" or "累计" in sentence[-40:]:
            found.append((0, "stock"))
        if found:
            stock = max(found)[1]
    years = None
    if period in ("years", "average"):
        years = span_years(key, sentence_start, start, reviewed_year)
    return Scope(period, label, year, role, stock, subject_of(indicator), years)
