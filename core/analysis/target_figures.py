"""The figures :mod:`targets` compares: a plan's one-year targets and a review's one-year
results, each with the indicator words it is matched by.

Which figure of a plan is a target and which figure of a review is the plan year's result
is decided here (the same rule for every report); :mod:`targets` matches them and judges
each target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.scope import subject_of
from reportdiff.core.analysis.target_rules import Indicator, indicator_of
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Report, Span
from reportdiff.core.text.parts import ReportParts, report_parts

_TARGET_ROLE_WORDS = frozenset({"目标", "力争", "预期", "控制在", "以内", "以上", "左右"})
# 粮食面积力求稳定在十七亿亩左右, 力争粮食产量达到4550亿公斤以上: a task's commitment.
_COMMIT_RE = re.compile(r"力争|力求|确保|目标")
_QUOTED_RE = re.compile(r"“[^”]{0,20}”|\"[^\"]{0,20}\"")
CURRENCIES = frozenset({"元", "美元", "港元", "欧元", "日元"})


@dataclass(frozen=True)
class Figure:
    """A quantity with the indicator words it is matched by."""

    q: Quantity
    words: str
    """The quantity's indicator, or its clause when only the clause names a known one."""
    ind: Indicator | None
    subject: str
    before: str = ""
    """The figure's sentence before it (where an earlier clause may name its subject)."""


_POST_RE = re.compile(r"\s?(?:以上|左右|以内|以下|多|余)")


def printed(text: str, q: Quantity) -> tuple[str, Span]:
    """A figure as printed with the bound after it: 8%左右, not 8%."""
    end = q.span.end
    m = _POST_RE.match(text, end)
    if m and m.group().strip() not in text[q.span.start : end]:
        end = m.end()
    return text[q.span.start : end], Span(q.span.start, end)


def sentence_of(text: str, span: Span, *, limit: int = 160) -> str:
    """The sentence holding ``span``, on one line (at most ``limit`` characters each side)."""
    lo = span.start
    while lo > 0 and lo > span.start - limit and text[lo - 1] not in "。！？!?\n":
        lo -= 1
    hi = span.end
    while hi < len(text) and hi < span.end + limit and text[hi - 1] not in "。！？!?\n":
        hi += 1
    return " ".join(text[lo:hi].split())


CLAUSE_STOPS = "，,；;：:。！？!?\n"


def _figure(text: str, q: Quantity) -> Figure:
    words = norm_words(q.indicator)
    ind = indicator_of(words)
    if ind is None:
        # the finder's indicator can miss the noun (经济增长速度的调控目标定为８％ gives
        # 调控目标定): the figure's own clause names it
        lo = q.span.start
        while lo > 0 and lo > q.span.start - 40 and text[lo - 1] not in CLAUSE_STOPS:
            lo -= 1
        clause = norm_words(text[lo : q.span.start])
        if indicator_of(clause) is not None:
            words, ind = clause, indicator_of(clause)
        elif _NAMELESS_RE.fullmatch(clause) and lo > 0 and text[lo - 1] in "，,":
            # 物价涨幅要从14.8%降到10%左右，实际回落到6.1%: a clause that names nothing
            # speaks of the indicator an earlier clause of the same sentence names (over
            # at most one clause without a figure: 经过上下各方面的努力)
            words, ind = _carried(text, lo - 1) or (words, ind)
    return Figure(q, words, ind, subject_of(words), _sentence_before(text, q))


def _carried(text: str, end: int) -> tuple[str, Indicator] | None:
    """The known indicator of the clauses before ``end`` (a comma) in its sentence."""
    for _step in range(2):
        lo = end
        while lo > 0 and lo > end - 60 and text[lo - 1] not in CLAUSE_STOPS:
            lo -= 1
        earlier = norm_words(text[lo:end])
        ind = indicator_of(earlier)
        if ind is not None:
            return earlier, ind
        if lo == 0 or text[lo - 1] not in "，," or any(c.isdigit() for c in earlier):
            return None
        end = lo - 1
    return None


# Words that name no indicator: how a figure moved, when, against what (力争控制在,
# 实际回落到, 考虑价格下降因素比上年实际增长).
_NAMELESS_RE = re.compile(
    r"(?:实际|全年|当年|又|再|还|进一步|比上年|比去年|同比|分别|回落|下降|上升|上涨|增长|降低|"
    r"提高|增加|减少|降|升|到|达到|控制在|力争|争取|确保|为|是|在|了|也|都|"
    r"考虑价格(?:下降)?因素|扣除价格因素|按可比价格计算)*"
)


def _is_fragment(text: str, q: Quantity) -> bool:
    """全年增长19·5％ read as 5％: a middle dot between digits is a decimal point the finder
    does not read, so the figure after it is the tail of another number."""
    s = q.span.start
    return s >= 2 and text[s - 1] in "·・•" and text[s - 2].isdigit()


def _is_share(text: str, q: Quantity) -> bool:
    """国家财政收入的60%以上来自…: a percentage right after 的 is a share, not a rate."""
    return q.unit == "%" and q.span.start > 0 and text[q.span.start - 1] == "的"


# A review quoting the target it measures against: 去年政府工作报告提出，物价涨幅要从14.8%
# 降到10%左右; 略低于8%的预定目标.
_RESTATED_RE = re.compile(r"要|目标|预定|预期|计划|提出|力争|争取")


def _restates_target(text: str, q: Quantity) -> bool:
    lo, hi = q.span.start, q.span.end
    while lo > 0 and lo > q.span.start - 40 and text[lo - 1] not in CLAUSE_STOPS:
        lo -= 1
    while hi < len(text) and hi < q.span.end + 12 and text[hi] not in CLAUSE_STOPS:
        hi += 1
    return _RESTATED_RE.search(text, lo, hi) is not None


def plan_targets(report: Report, plan_year: int | None) -> list[Figure]:
    """The plan's one-year targets: in its plan part, or on a known indicator in its tasks."""
    parts = report_parts(report)
    listed = _listed_targets(report, parts)
    out: list[Figure] = []
    for q in extract_quantities(report):
        part = parts.at(q.block).part
        if part == "review" and q.year == plan_year and q.role == "target":
            part = "tasks"  # 今年的经济增长预期为7%左右 in a review that runs on into the plan
        planned = q.role == "plan" and (
            q.block in listed or _PLANNED_RE.search(_sentence_before(report.text, q))
        )
        if q.role != "target" and not planned:
            continue
        if part not in ("plan", "tasks") or _is_share(report.text, q):
            continue
        if _is_fragment(report.text, q):
            continue
        if q.period not in ("year", "") or (q.year is not None and q.year != plan_year):
            continue  # 2000年在人口将比1980年增长3亿左右: a long-term aim
        if _EXISTING_RE.search(report.text, max(0, q.span.start - 6), q.span.start):
            continue  # 调整原有近800亿元农业贷款的结构: what there is already, no target
        if _PAST_OPENING_RE.match(_sentence_before(report.text, q)):
            continue  # 去年财政增发1000亿元国债…但全年货币发行还比年初计划少了近500亿元
        if _in_multi_year(report.text, q):
            continue  # 第六个五年计划期间…投资三千六百亿元: a five-year plan's figure
        fig = _figure(report.text, q)
        if not q.is_change and CUT_RE.search(fig.words):
            # 投资规模要比上年压缩920亿元: the target is the size of a cut
            fig = replace(fig, q=replace(q, is_change=True, sign=-1))
        if fig.words.startswith(("比", "较")):
            continue  # 比第五个五年计划期间增加…: a difference from another period
        if fig.ind is None and (q.indicator_span is None or q.indicator_span.end > q.span.start):
            continue  # 坚持四项基本原则: a figure in a name, its noun after it, is no target
        committed = _TARGET_ROLE_WORDS & {*q.qualifiers, *_words_in(fig.words)} or (
            # not inside a name: 用于“两个确保”的补助资金 commits to nothing
            _COMMIT_RE.search(_QUOTED_RE.sub("", _sentence_before(report.text, q)))
        )
        if part == "tasks" and not (planned or committed):
            continue  # a task's figure is a commitment only when it says so
        out.append(fig)
    return out


# Older reports state the year's aims as the plan's: 今年国民生产总值计划增长百分之八,
# 今年计划要求…国民生产总值增长百分之六; 国务院已经决定：今年全社会固定资产投资规模要比
# 上年压缩920亿元.
_PLANNED_RE = re.compile(r"计划(?:要求|增长|为|是|安排)?|要求|决定[：:]")


_LIST_ITEM_RE = re.compile(r"\s*(?:——|—|-|·|•|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])")


def _listed_targets(report: Report, parts: ReportParts) -> set[tuple[int, ...]]:
    """Blocks listing targets: the items after 主要目标是： (——农业总产值比上年增长3.5%…)."""
    listed: set[tuple[int, ...]] = set()
    opened = False
    for path, index, block in report.blocks():
        key = (*path, index)
        body = report.text[block.span.start : block.span.end].rstrip()
        if opened and _LIST_ITEM_RE.match(body):
            listed.add(key)
            continue
        opened = parts.at(key).part == "plan" and body.endswith(("：", ":"))
    return listed


_MULTI_YEAR_RE = re.compile(
    r"五年计划|[“\"]?[一二三四五六七八九十]{1,3}五[”\"]?(?:计划|规划|期间|时期)"
    r"|[两二三四五六七八九十]年(?:内|间|中|里|来|合计)|这[两二三四五六七八九十]年|这个期间"
    r"|连续[两二三四五六七八九十\d]+年"
    r"|(?:到|至)(?:19|20)\d\d年|本世纪末|平均每年|年均"
)


_ONE_YEAR_RE = re.compile(
    r"今年|明年|本年|全年|(?:19|20)\d\d\s*年(?!代)|[一二][九〇零○][〇零○一二三四五六七八九]{2}年"
)


def _in_multi_year(text: str, q: Quantity) -> bool:
    """Whether the nearest period words before ``q`` in its paragraph name several years."""
    lo = text.rfind("\n", 0, q.span.start) + 1
    many = [m.end() for m in _MULTI_YEAR_RE.finditer(text, lo, q.span.start)]
    one = [m.end() for m in _ONE_YEAR_RE.finditer(text, lo, q.span.start)]
    return bool(many) and (not one or many[-1] > one[-1])


def _sentence_before(text: str, q: Quantity) -> str:
    lo = q.span.start
    while lo > 0 and lo > q.span.start - 120 and text[lo - 1] not in "。！？!?\n":
        lo -= 1
    return text[lo : q.span.start]


CUT_RE = re.compile(r"(?:压缩|减少|削减|压减)$")
_EXISTING_RE = re.compile(r"(?:原有|现有|已有)(?:的)?(?:近|约|共)?$")
# A sentence that opens on last year tells what was done, not what is planned.
_PAST_OPENING_RE = re.compile(r"\s*(?:去年|过去的?一年|上一年)")
_YEAR_CUE_RE = re.compile(
    r"(?<![比较同于在])(?:今年|明年|本年|去年|过去的?一年|上一年)"
    r"|(?:19|20)\d\d\s*年(?!代)|[１２][９０][０-９]{2}年|[一二][九〇零○][〇零○一二三四五六七八九]{2}年"
)
_PAST_CUES = frozenset({"去年", "过去的一年", "过去一年", "上一年"})
_ZH_DIGITS = "〇一二三四五六七八九"


def _year_forms(year: int) -> set[str]:
    digits = str(year)
    full = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    zh = digits.translate(str.maketrans("0123456789", _ZH_DIGITS))
    return {f"{digits}年", f"{full}年", f"{zh}年", f"{zh.replace('〇', '零')}年"}


def framed_as(text: str, pos: int, year: int) -> bool:
    """Whether the nearest year words before ``pos`` in its paragraph name ``year`` as
    the year just past (过去的一年，…国内生产总值比上年增长10.2%; 去年…): a review of that
    year, wherever the parts reader puts its paragraph. 比去年 compares, it does not frame."""
    lo = text.rfind("\n", 0, pos) + 1
    cues = [m.group().replace(" ", "") for m in _YEAR_CUE_RE.finditer(text, lo, pos)]
    return bool(cues) and (cues[-1] in _PAST_CUES or cues[-1] in _year_forms(year))


def _words_in(words: str) -> set[str]:
    return {w for w in _TARGET_ROLE_WORDS if w in words}


def review_results(report: Report, year: int | None) -> list[Figure]:
    parts = report_parts(report)
    out: list[Figure] = []
    for q in extract_quantities(report):
        if q.role != "result" or q.is_target:
            continue
        if parts.at(q.block).part != "review" and not (
            year is not None and q.year == year and framed_as(report.text, q.span.start, year)
        ):
            continue  # a later part speaks of the year ahead, unless it says it looks back
        if q.period != "year" or year is None or q.year not in (year, None):
            continue
        if q.year is None and parts.reviewed_year != year:
            continue
        if _is_share(report.text, q) or _restates_target(report.text, q):
            continue
        if _is_fragment(report.text, q):
            continue
        out.append(_figure(report.text, q))
    return out


_NOISE_RE = re.compile(
    r"^.*?(?:提出|确定|要求)|^(?:今年|全年|明年|去年|当年|全国|我国|全省|全市|全区|全县|的)+"
    r"|(?:的)?(?:预期|目标|力争|调控|定为|为|是|要|要从|计划|计划安排|安排|增速|增幅|可|扩大|稳定在)+$"
)


OUTPUT_RE = re.compile(r"(?:总)?产量$")


def norm_words(indicator: str) -> str:
    words = _NOISE_RE.sub("", _NOISE_RE.sub("", indicator.strip()))
    # 原煤产量十一亿一千万吨 / 原煤达到10.9亿吨: what is produced names the output
    return OUTPUT_RE.sub("", words) if len(words) > 3 else words


# Output, income and intake are reached, whatever is produced: 棉花产量, 工业总产值, 招生.
