"""Quantities printed in a report (154.99亿元, 1.7个百分点): finding them.

:func:`extract_quantities` finds every figure in a report's body with its unit, magnitude,
qualifiers (约 超 累计 新增 同比增长 …) and indicator (the words saying what is counted).
Pairing them across reports is :mod:`reportdiff.core.analysis.pairing`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportdiff.core.analysis.antecedents import (
    DATE_ONLY_RE,
    OUTPUT_ONLY_RE,
    PRICE_FACTOR_RE,
    dated_topic,
    grown_before,
    list_header,
    list_item_name,
    named_before_from,
    noun_opening,
    output_owner,
    per_head_topic,
    scheme_members,
    set_after_comma,
    topic_before_comma,
    topic_owner,
    turned_noun,
)
from reportdiff.core.analysis.backrefs import resolve_list_reference
from reportdiff.core.analysis.bases import change_gap
from reportdiff.core.analysis.causative import held_start
from reportdiff.core.analysis.clauses import (
    BULLETS,
    DELIMS,
    find_clause_start,
    find_scope_start,
    find_sentence_start,
    follows_list_comma,
)
from reportdiff.core.analysis.cnfigures import find_raws
from reportdiff.core.analysis.contrast import contrast_name
from reportdiff.core.analysis.figures import Raw
from reportdiff.core.analysis.indicators import (
    AIM_OF_RE,
    BARE_VERB_RE,
    CONTINUATION_VERBS,
    QUALIFIER_WORDS,
    drop_action,
    fund_for,
    list_noun_start,
    listed_before,
    names_nothing,
    object_of_verb_before,
    owner_of_attribute,
    respectively_of,
    sentence_subject,
    series_of,
    strip_indicator,
)
from reportdiff.core.analysis.movement import (
    CHANGE_WORDS,
    DOWN_WORDS,
    FROM_RE,
    ends_of_changes,
    from_last_year,
    is_change,
    is_decrease,
    led_by_change,
)
from reportdiff.core.analysis.namerules import plan_only
from reportdiff.core.analysis.people import opens_on_people
from reportdiff.core.analysis.postnouns import only_a_verb, read_post, where_only
from reportdiff.core.analysis.respective import levels_before, unsaid_respectively
from reportdiff.core.analysis.scope import scope_of
from reportdiff.core.analysis.units import MEASURE_UNITS, RATE_UNITS, compare_key, fold
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Block, Report, Span
from reportdiff.core.text.parts import ReportParts, fold_years, report_parts

__all__ = ["CHANGE_WORDS", "DOWN_WORDS", "QUALIFIER_WORDS", "VERSION", "extract_quantities"]

VERSION = "3"
"""Analyzer version: part of the comparison cache key, bumped when results change."""

_ACCUMULATION = frozenset({"新增", "累计", "新建"})
_GROWN = frozenset({"增长", "增加", "比上年增长", "下降", "减少"})  # a change over a year before
_LEVEL_REACHED_RE = re.compile(r"达到?|累计|总数|共有|拥有")
"""An item's own words saying what level it reached: no 新增 of the list before is its."""
_ACTUAL_ONLY_RE = re.compile(r"实际(?:回落|下降|降低|上升|提高|增长|增加|减少)?(?:到|至)?")
_AIM_RE = re.compile(
    r"(?<![需主重只])要(?:把|从|使|将|由|降到|降低到|控制在|达到|增长|增产|增加|提高)|(?:计划|拟定)为"
)
"""要把…控制在, 要从…降到, 一九八一年计划为: an aim, even where a review quotes last year's."""
_PLAN_LEAD_RE = re.compile(r"计划(?!生育|单列|经济|内|外|的)")
_BASE_ONLY_RE = re.compile(
    r"(?:(?:比|较)(?:上年|去年|上一年|(?:\d{4}|[一二][九〇○零][〇○零一二三四五六七八九]{2})年"
    r"|“[^”]{1,6}”(?:时期|期间)?)(?:末|底)?(?:的?预计数)?"  # 比一九五七年的预计数: estimated
    r"|平均每年|每年平均|年平均|年均)"
)
"""Words that say against what or over what span a change is counted, and name nothing."""
_LINKING_ONLY_RE = re.compile(r"\s*(?:确定为|定为|为|是|确定在|定在)\s*")
_TARGET_WORDS = ("目标", "力争", "预计", "预期")
_TARGET_QUALIFIERS = frozenset({"目标", "力争", "预计", "不低于", "不高于", "不少于", "不超过",
                                "控制在"})  # fmt: skip


def _own_noun(prev: Quantity, raw: Raw) -> bool:
    """Whether the previous figure's noun, read after its classifier, is its own alone:
    连跨两个万亿元台阶，2022年达到12.29万亿元 — the steps are counted, the output is not
    a step."""
    span = prev.indicator_span
    return (
        span is not None
        and span.end > prev.span.end  # read after the figure (十亿人口: from its 人)
        and raw.base not in RATE_UNITS
        and compare_key(raw.base) != compare_key(prev.unit)
    )


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
    key = fold_years(fold(text))  # 一九九〇年 is a year as 1990年 is
    out: list[Quantity] = []
    parts = report_parts(report)
    for path, index, block in report.blocks():
        block_path = (*path, index)
        out.extend(_extract_block(text, key, block, block_path, parts))
    return tuple(out)


def _extract_block(
    text: str, key: str, block: Block, block_path: tuple[int, ...], parts: ReportParts
) -> list[Quantity]:
    start, end = block.span.start, block.span.end
    part = parts.at(block_path)
    is_task = part.part in ("plan", "tasks")
    raws = find_raws(text, key, start, end)
    ends = ends_of_changes(key, raws, start)
    out: list[Quantity] = []
    consumed = start  # nothing before this belongs to the next number's clause
    prev: Quantity | None = None
    named: Quantity | None = None  # the last figure whose name is more than a plan's
    prev_end = start
    respectively: dict[int, tuple[Span, list[str]]] = {}
    last_series: list[Quantity] = []
    series_starts: set[int] = set()
    unresolved: set[int] = set()
    aim_from = False
    for k, raw in enumerate(raws):
        if raw.start < consumed:
            continue  # inside the previous figure's noun (33个15分钟社区生活圈)
        clause_start = max(find_clause_start(key, raw.start, start), consumed)
        sentence_start = find_sentence_start(key, raw.start, start)
        after_figure = clause_start == consumed and consumed > start
        lo, hi, quals = strip_indicator(key, clause_start, raw.start, after_figure=after_figure)
        end_word = ends.get(raw.start, "")
        if not end_word and from_last_year(key, sentence_start, raw.start):
            end_word = "from"
        if end_word == "from":
            # 国内生产总值由1997年的7.4万亿元: the indicator stands before 由
            cut = FROM_RE.search(key, clause_start, raw.start)
            if cut is not None:
                lo, hi, quals = strip_indicator(key, clause_start, cut.start(), after_figure=False)
        if raw.start in respectively:
            span, shared = respectively[raw.start]
            lo, hi = span.start, span.end
            quals = [*shared, *(q for q in quals if q not in shared)]
        elif "分别" in key[clause_start : raw.start]:
            series = respectively_of(key, raws, k, clause_start, start)
            if series is None and last_series and last_series[0].span.start >= sentence_start:
                # …分别新增65家和30家,累计分别达到956家和561家: the same nouns again
                figures = series_of(key, raws, k)
                spans = [q.indicator_span for q in last_series]
                if len(figures) == len(spans) and all(spans):
                    series = list(zip(figures, spans, strict=True))  # type: ignore[arg-type]
            if series is None:
                # 城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，…分别实际增长7.7%和6.8%:
                # the nouns are those of the levels just given, in order (only when the
                # clause names none: 水泥和化肥（折纯）分别达到… are not 石油 and 钢 before them)
                figures = series_of(key, raws, k)
                levels = levels_before(key, out, sentence_start, len(figures))
                if (
                    len(figures) >= 2
                    and levels is not None
                    and names_nothing(key, clause_start, raw.start)
                ):
                    series = list(zip(figures, levels, strict=True))
            if series is None and names_nothing(key, clause_start, raw.start):
                # 化学需氧量、二氧化硫排放总量近年来首次出现双下降，比上年分别下降3.14%和4.66%:
                # a 分别 clause with no noun of its own distributes the list just before it
                figures = series_of(key, raws, k)
                listed = listed_before(key, sentence_start, clause_start, len(figures))
                if len(figures) >= 2 and listed is not None:
                    series = list(zip(figures, listed, strict=True))
            if series:
                shared = [q for q in quals if q != "分别"]
                respectively.update((r.start, (sp, shared)) for r, sp in series)
                lo, hi = series[0][1].start, series[0][1].end
                series_starts = {r.start for r, _ in series}
                last_series = []
            else:
                # 比上年分别下降3.14%和4.66%, its nouns not found: saying whose figures these
                # are would be a guess (not the previous figure's indicator)
                unresolved.update(r.start for r in series_of(key, raws, k))
        elif unsaid := unsaid_respectively(key, raws, k, clause_start, sentence_start, out):
            respectively.update((r.start, (sp, list(quals))) for r, sp in unsaid)
            lo, hi = unsaid[0][1].start, unsaid[0][1].end  # …，实际增长8.4%和8%: 分别 unsaid
            series_starts, last_series = {r.start for r, _ in unsaid}, []
        quals.extend(raw.approx)
        if (
            prev is not None
            and prev_end > sentence_start
            and follows_list_comma(key, clause_start)
            and not any(c in DELIMS for c in key[prev_end : clause_start - 1])
            and not any(q in _ACCUMULATION for q in quals)
            and _LEVEL_REACHED_RE.search(key, clause_start, raw.start) is None
        ):
            # 区域新增两院院士6名、国家和市级海外高层次人才209人: 新增 governs the whole list,
            # but not an item saying the level it reached (…新增到6家、跨国公司地区总部达74家)
            quals.extend(q for q in prev.qualifiers if q in _ACCUMULATION)
        header = list_header(key, sentence_start, clause_start)
        if header and not any(q in _ACCUMULATION for q in quals):
            # 全国新增的主要生产能力有：发电装机容量999万千瓦，原煤开采3090万吨…: the header's
            # 新增 governs every item of its list
            quals.append(header)
        factor = PRICE_FACTOR_RE.match(key, lo, hi)
        if factor is not None:
            lo = factor.end()  # 考虑价格下降因素比上年实际增长9.3%: how, not what
        if hi - lo > 2 and key[hi - 1] == "要" and key[hi : hi + 1] in ("从", "由"):
            hi -= 1  # 物价涨幅要从14.8%降到10%左右: 要 says it is aimed at, not what
        if _ACTUAL_ONLY_RE.fullmatch(key, lo, hi):
            hi = lo  # 实际回落到6.1%: what actually happened to the figure just named
        # 能耗由前三年分别上升4.9%、5.5%、0.2%，转为下降1.2%: the noun before 由 turned
        lo, hi = turned_noun(key, lo, hi, raws, k, start, sentence_start) or (lo, hi)
        lo = held_start(key, lo, hi)  # 努力把…上涨幅度控制在, 力争使…增长率降到: after 把, 使
        plan = _PLAN_LEAD_RE.match(key, lo, hi)
        if plan is not None and hi - plan.end() >= 2:
            # 今年计划国内生产总值增长百分之九: 计划 says it is planned, not what
            lo = plan.end()
            quals.append("计划")
        if hi > lo and _BASE_ONLY_RE.fullmatch(key, lo, hi):
            # 储蓄存款年末达到38500多亿元，比上年末增加8800多亿元; 工农业总产值达到8291亿元，比
            # 1978年增长32.6%，平均每年增长7.3%: a base of comparison or a span names no
            # indicator; the change is of the figure before it
            hi = lo
        dated = hi > lo and DATE_ONLY_RE.fullmatch(key, lo, hi) is not None
        if dated:
            # 进出口总额增长1倍，1992年达到1656亿美元: a date names no indicator
            hi = lo
        aimed = False
        comma = max(key.rfind(c, sentence_start, raw.start) for c in ",，:：")
        if comma > sentence_start and _LINKING_ONLY_RE.fullmatch(key, comma + 1, raw.start):
            # 今年经济增长速度的宏观调控目标，定为百分之八至九: the words before the comma name
            # a target and hold no figure, so they say what the figure measures
            before = max(key.rfind(c, sentence_start, comma) for c in ",，;；:：") + 1
            before = max(before, sentence_start)
            if not any(c.isdigit() for c in key[before:comma]) and AIM_OF_RE.search(
                key, before, comma
            ):
                blo, bhi, _ = strip_indicator(key, before, comma, after_figure=False)
                if bhi - blo >= 2:
                    lo, hi, aimed = blo, bhi, True
        if not aimed and (setting := set_after_comma(key, sentence_start, raw.start)):
            lo, hi = setting.start, setting.end  # 一九五八年的基本建设总投资额，拟定为…
        post = read_post(key, raw.post_end, end, classifier=raw.base not in MEASURE_UNITS)
        if post is not None and raw.base not in RATE_UNITS and where_only(key, lo, hi):
            hi = lo  # 1956年全国完成了…一百四十亿元的基本建设投资额: the noun after names it
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
        elif raw.base == "" and post is not None and opens_on_people(key, post):
            indicator_span = post  # 再扫除350万青壮年文盲: those people (people.py)
        elif raw.base == "" and not only_a_verb(key, lo, hi) and post is not None:
            # a bare 万 is no classifier: 裁减军队员额20万等各项任务 counts 军队员额 (but 覆盖
            # 1.77亿农民, with only a verb before, counts 农民)
            indicator_span = Span(lo, hi)
        elif raw.base not in MEASURE_UNITS and post is not None:
            indicator_span = post  # 600张养老床位: a classifier stands before its noun
        elif (
            same_sentence
            and prev is not None
            and prev.indicator
            and key[lo:hi] in CONTINUATION_VERBS
        ):
            # 筹措5757套(间)、供应2823套(间): the short verb qualifies the previous noun.
            indicator = drop_action(prev.indicator) + text[lo:hi]
        elif BARE_VERB_RE.fullmatch(key, lo, hi) and post is not None:
            indicator_span = post  # 发行1000亿元长期国债: what is issued follows the amount
        elif hi > lo:
            lo = list_noun_start(key, clause_start, lo, hi, sentence_start)
            indicator_span = Span(lo, hi)
            pointed = resolve_list_reference(key, lo, hi, sentence_start)
            if pointed is not None:
                # 中央财政用于这些方面的支出: the fields the sentence listed before
                ref, fields = pointed
                indicator = (
                    text[lo : ref.start] + text[fields.start : fields.end] + text[ref.end : hi]
                )
        elif post is not None:
            indicator_span = post  # 约600户1.18万平方米征收任务
        elif (
            same_sentence
            and prev is not None
            and (stripped_any or raw.base in RATE_UNITS or follows_list_comma(key, raw.start))
            and not _own_noun(prev, raw)
        ):
            # 区级财政收入完成154.99亿元，同比增长8%: the growth rate is of the same indicator;
            # 粮食总产量达到…，完成年度计划的102%，比上年增长9%: of the grain, not of the plan
            after_plan = named is not None and named.span.start >= sentence_start
            after_plan = after_plan and plan_only(prev.indicator) and bool(set(quals) & _GROWN)
            same = named if after_plan and named and named.indicator else prev
            indicator, indicator_span = same.indicator, same.indicator_span
        verb = next((w for w in quals if w in ("增加", "减少")), "")
        before_clause = find_clause_start(key, max(clause_start - 1, start), sentence_start)
        said_before = (
            None
            if any(before_clause <= r.start < clause_start for r in raws)
            else object_of_verb_before(key, lo, hi, verb, sentence_start, clause_start)
        )  # not when the clause before holds a figure: 减少一百多亿元，减少近百分之十
        if raw.start in unresolved:
            indicator, indicator_span = "", None
        elif (
            indicator_span == Span(lo, hi)
            and not indicator
            and (owned := owner_of_attribute(text, key, lo, hi, sentence_start)) is not None
        ):
            # 外商直接投资保持良好势头，实际金额达到330多亿美元: whose 实际金额 it is
            indicator = owned
        elif said_before is not None and raw.start not in respectively:
            # 要逐年适当增加中央预算内经常性建设投资，今年拟先增加50亿元: what is increased
            # was named with the same verb just before
            indicator, indicator_span = "", said_before
        elif indicator_span is None and not indicator:
            # 粮食总产量在上年大幅度增长的基础上，又增产1454万吨，达到48401万吨: a clause with
            # no noun of its own speaks of the sentence's subject
            if end_word == "from":
                # 生产资料在工业总产值中所占的比重，将由…: the whole clause before names it
                indicator_span = named_before_from(key, sentence_start, clause_start)
            if indicator_span is None:
                indicator_span = sentence_subject(key, sentence_start, clause_start)
            before = find_clause_start(key, clause_start - 1, sentence_start)
            if indicator_span is None and sentence_start < before < clause_start:
                # 宏观调控的目标是，确保物价上涨幅度比去年有明显回落，力争控制在15%左右: the
                # clause just before opens with the noun, as a sentence may
                indicator_span = sentence_subject(key, before, clause_start)
            if indicator_span is None:
                indicator_span = grown_before(key, start, sentence_start, clause_start)
            if indicator_span is None and dated:
                # 小学生，一九五二年有…: the noun the sentence opens on, given year by year
                indicator_span = dated_topic(key, sentence_start, clause_start)
            if indicator_span is None and factor is not None:
                indicator_span = noun_opening(key, sentence_start, clause_start)
            # 城乡居民按人口平均的消费水平，将比…增长百分之二十二: the topic before the comma
            indicator_span = indicator_span or topic_before_comma(key, sentence_start, clause_start)
        elif indicator_span == Span(lo, hi) and not indicator:  # 农民的纯收入，全国平均每人达到…
            indicator = per_head_topic(text, key, lo, hi, sentence_start, clause_start) or ""
        if indicator_span is not None and not indicator:
            indicator = text[indicator_span.start : indicator_span.end]
        prev_name = prev.indicator if same_sentence and prev is not None else None
        if indicator_span is not None and (other := contrast_name(indicator, prev_name)):
            indicator = other  # 钢产量前三年共增加了…，而1956年就增加了…: 钢产量
        if indicator_span is not None and OUTPUT_ONLY_RE.fullmatch(key, lo, hi):
            owner = output_owner(key, sentence_start, clause_start)
            if owner is not None:
                # 全国粮食连续四年增产，2007年产量达到50150万吨: whose output it is
                indicator = text[owner.start : owner.end] + text[lo:hi]
        first = k == 0 or raws[k - 1].start < sentence_start  # the sentence's first figure
        topic = topic_owner(key, lo, hi, sentence_start, clause_start) if first else None
        if topic is not None and indicator_span == Span(lo, hi) and indicator == text[lo:hi]:
            indicator = "".join(text[sp.start : sp.end] for sp in topic)
        # 新型农村合作医疗…扩大到671个县，惠及1.77亿农民: the scheme's members
        indicator = (
            scheme_members(key, indicator, sentence_start, clause_start, raw.start) or indicator
        )
        mass = compare_key(raw.base) in ("公斤", "立方米")  # 原煤开采３０９０万吨 under its lead
        indicator = list_item_name(key, sentence_start, clause_start, indicator, mass)
        purpose = fund_for(indicator, key, raw.post_end, end)
        if purpose:
            # 中央财政安排109亿元资金支持再就业: the fund for 再就业, as 中央财政预算安排再就业
            # 补助资金83亿元 names it
            indicator += purpose + "资金"
        if post is not None and indicator_span == post:
            consumed = post.end
        else:
            consumed = raw.post_end
        # 预计/力争/目标 mark a forecast when they stand in the figure's own clause or open its
        # sentence; 以…为目标 earlier in a sentence does not (基层治理 in yangpu-2022).
        clause = key[clause_start : raw.start]
        opening = key[sentence_start : sentence_start + 6].lstrip(BULLETS)
        said = any(w in clause or opening.startswith(w) for w in _TARGET_WORDS)
        said = said or aimed or any(q in _TARGET_QUALIFIERS for q in quals)
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
            sentence_start=find_scope_start(key, raw.start, start),
            local_start=sentence_start,
            end=end_word,
            part=part,
            reviewed_year=parts.reviewed_year,
            late=parts.late,
            year_end=parts.year_end,
            indicator=indicator,
            qualifiers=qualifiers,
            measure=raw.base in MEASURE_UNITS,
            target_words=(said or (prev is not None and same_sentence and prev.role == "target"))
            and "实际" not in clause,  # 实际回落到6.1%: what happened, after the aim
            aimed=end_word != "from"
            and (
                _AIM_RE.search(clause) is not None
                or (end_word == "to" and prev is not None and prev.end == "from" and aim_from)
            ),
        )
        if (part.part or scope.role == "result") and not (
            part.part == "review" and scope.role == "forecast"
        ):
            target = scope.role in ("target", "plan", "forecast")
        sign = 1
        if end_word != "to":
            led = 0 if raw.base in RATE_UNITS else led_by_change(key, clause_start, raw.start)
            if is_decrease(key, clause_start, raw.start) or led < 0:
                sign = -1  # 农村贫困人口比上年减少290万, 减少…国债300亿元
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
            years=scope.years,
            role=scope.role,
            stock=scope.stock,
            subject=scope.subject,
            is_change=is_change(
                key, clause_start, raw.start, raw.base, qualifiers, indicator, end_word
            ),
            end=end_word,
        )
        gap = change_gap(text, q) if q.period == "year" and q.year is not None else None
        if gap is not None and gap > 1 and q.year is not None:
            # 国内生产总值达到24.66万亿元，比2002年增长65.5%: growth over five years, not the year's
            q = replace(q, period="years", years=(q.year - gap + 1, q.year))
        out.append(q)
        if raw.start in series_starts:
            last_series.append(q)
        prev, prev_end = q, raw.post_end
        named = q if not plan_only(q.indicator) else named
        # 要从14.8%降到10%左右: the end of an aimed change is aimed at too
        aim_from = end_word == "from" and _AIM_RE.search(clause) is not None
    return out
