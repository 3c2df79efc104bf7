"""Pairing the quantities of several reports that measure the same indicator.

:func:`pair_numbers` matches the figures found by
:func:`~reportdiff.core.analysis.numbers.extract_quantities` across reports, in aligned
context, and says how each changed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reportdiff.core.analysis.movement import CHANGE_WORDS
from reportdiff.core.analysis.units import (
    MEASURE_UNITS,
    RATE_UNITS,
    compare_key,
    fold,
    printed_unit,
    to_dimension_base,
)
from reportdiff.core.comparison import AlignedRow, NumberPair, Quantity
from reportdiff.core.model import Report

__all__ = ["pair_numbers", "scopes_agree"]

# Minimum indicator similarity (0–100) by how closely the figures' contexts are aligned:
# same aligned paragraph (3), same aligned innermost section (2), same aligned ancestor
# section (1), nothing aligned (0). Wording drifts inside a paragraph (公用充电桩 ↔
# 公共充电桩 scores 80); across the whole report only near-identical indicators may pair.
_MIN_SIMILARITY = {3: 72.0, 2: 76.0, 1: 80.0, 0: 88.0}
_CONTEXT_WEIGHT = 12.0
_SAME_TEXT_BONUS = 8.0
_YEAR_TIE = 0.001
_Scorer = Callable[[str, str], float]
_SPACE_RE = re.compile(r"\s")
_YEAR_WORD_RE = re.compile(
    r"(?:19|20)\d\d年(?:底|末|初)?|(?:今|去|上|全|当)年(?:底|末)?"
    r"|[一二][九〇零][〇零一二三四五六七八九]{2}年(?:底|末|初)?"
)
_NAME_NOISE_RE = re.compile(r"\([^()]{0,12}\)|[“”\"'‘’《》「」\s]")


@dataclass
class _Fact:
    """One fact of one report: a quantity and its repeats (a highlight and its paragraph)."""

    report: int
    members: list[Quantity]
    name: str
    group: tuple[str, str, bool]
    accumulation: str
    para_rows: set[int]
    deep_rows: set[int]
    section_rows: set[int]
    figure: str = ""
    """The printed figure without spaces (154.99亿元), to spot the same figure repeated."""
    per_capita: bool = False
    """Whether the indicator is per head (每万人口…, 人均…)."""
    purpose: str = ""
    """The words after the figure up to the end of its clause (…安排219亿元支持国有企业…)."""
    deeds: frozenset[str] = frozenset()
    """What the figure's clause says was done to what it counts (制定, 清理 …)."""

    @property
    def rep(self) -> Quantity:
        return self.members[0]


def pair_numbers(
    reports: Sequence[Report],
    alignment: Sequence[AlignedRow],
    quantities: Sequence[Sequence[Quantity]],
) -> tuple[NumberPair, ...]:
    """Pair the quantities of several reports that measure the same indicator.

    Two figures of different reports pair when their units are compatible (never 亿元 with
    %, never a version with a count), both are results or both targets, both are levels or
    both changes (增长8% is not 优良率86.6%), 累计 is not set against 新增, and their
    indicators are similar enough for how closely their contexts are aligned (same aligned
    paragraph, same aligned section, or — for near-identical indicators only — anywhere).
    Each figure is used at most once per report; a fact repeated in a report (a highlight
    line and its paragraph) counts once, represented by its paragraph occurrence.

    Args:
        reports: The reports in comparison order.
        alignment: The engine's aligned rows for these reports (may be empty).
        quantities: ``quantities[i]`` is :func:`extract_quantities` of ``reports[i]``.

    Returns:
        ``changed`` and ``same`` rows first, in reading order of the first report that has
        each; then ``only`` rows (a fact no other report has), by report then position.
        ``delta`` is last − first in the first report's printed unit (亿元); for rates (%)
        it is in percentage points and :attr:`NumberPair.unit` is 个百分点, and ``pct`` is
        None (a percentage of a percentage misleads). Versions (版) get no delta.

    Raises:
        ValueError: If ``quantities`` does not hold one tuple per report.
    """
    if len(quantities) != len(reports):
        raise ValueError(f"{len(quantities)} quantity lists for {len(reports)} reports")
    from rapidfuzz.fuzz import ratio  # imported here: no work at import time

    para_map, section_map = _index_alignment(alignment)
    facts = [
        _facts_of(i, report, quantities[i], para_map, section_map, ratio)
        for i, report in enumerate(reports)
    ]
    edges: list[tuple[float, int, int, int, int]] = []
    for i in range(len(reports)):
        for j in range(i + 1, len(reports)):
            edges.extend(_edges(facts[i], facts[j], ratio))
    edges.sort(key=lambda e: (-e[0], e[1], e[2], e[3], e[4]))

    # Greedy clustering: the best-scoring edge first; a cluster holds one fact per report.
    cluster_of: dict[tuple[int, int], int] = {}
    clusters: dict[int, dict[int, int]] = {}
    ids = itertools.count()
    for _, i, a, j, b in edges:
        ca = cluster_of.get((i, a))
        cb = cluster_of.get((j, b))
        if ca is not None and ca == cb:
            continue
        members_a = clusters[ca] if ca is not None else {i: a}
        members_b = clusters[cb] if cb is not None else {j: b}
        if members_a.keys() & members_b.keys():
            continue
        merged = {**members_a, **members_b}
        new_id = ca if ca is not None else (cb if cb is not None else next(ids))
        for old in (ca, cb):
            if old is not None and old != new_id:
                del clusters[old]
        clusters[new_id] = merged
        for r, f in merged.items():
            cluster_of[(r, f)] = new_id

    paired: list[tuple[tuple[int, int], NumberPair]] = []
    for merged in clusters.values():
        values: list[Quantity | None] = [None] * len(reports)
        for r, f in merged.items():
            values[r] = facts[r][f].rep
        first_report = min(merged)
        order = (first_report, facts[first_report][merged[first_report]].rep.span.start)
        paired.append((order, _make_pair(values)))
    paired.sort(key=lambda p: p[0])

    only: list[NumberPair] = []
    for i, report_facts in enumerate(facts):
        for f, fact in enumerate(report_facts):
            if (i, f) in cluster_of:
                continue
            values = [None] * len(reports)
            values[i] = fact.rep
            only.append(
                NumberPair(
                    indicator=fact.rep.indicator,
                    status="only",
                    values=tuple(values),
                    delta=None,
                    pct=None,
                    unit=printed_unit(fact.rep.text).display,
                )
            )
    return tuple(p for _, p in paired) + tuple(only)


def _index_alignment(
    alignment: Iterable[AlignedRow],
) -> tuple[dict[tuple[int, bool, tuple[int, ...]], int], dict[tuple[int, tuple[int, ...]], int]]:
    """Map each report's paragraphs and sections to the id of the aligned row holding them."""
    para: dict[tuple[int, bool, tuple[int, ...]], int] = {}
    section: dict[tuple[int, tuple[int, ...]], int] = {}
    counter = 0

    def visit(rows: Iterable[AlignedRow]) -> None:
        nonlocal counter
        for row in rows:
            counter += 1
            for i, node in enumerate(row.nodes):
                if node is None:
                    continue
                if node.kind == "paragraph":
                    para[(i, node.preamble, node.path)] = counter
                else:
                    section[(i, node.path)] = counter
            visit(row.children)

    visit(alignment)
    return para, section


def _facts_of(
    index: int,
    report: Report,
    quantities: Sequence[Quantity],
    para_map: dict[tuple[int, bool, tuple[int, ...]], int],
    section_map: dict[tuple[int, tuple[int, ...]], int],
    ratio: _Scorer,
) -> list[_Fact]:
    """Group one report's quantities into facts (repeats merged) with their aligned rows."""
    facts: list[_Fact] = []
    by_text: dict[tuple[str, tuple[str, str, bool]], list[_Fact]] = {}
    for q in quantities:
        name = _name(q.indicator)
        # a bare 万 of a population counts people: 农村贫困人口比上年减少290万 vs …245万人
        unit_class = compare_key(q.unit) or ("人" if name.endswith("人口") else "")
        group = (unit_class, _measure_kind(q), q.is_target)
        name = _base_name(name, group[1])
        text_key = _text_key(q.text)
        fact = None
        if name:
            for candidate in by_text.get((text_key, group), []):
                if candidate.name and ratio(candidate.name, name) >= 80:
                    fact = candidate
                    break
        if fact is None:
            fact = _Fact(
                index,
                [],
                name,
                group,
                _accumulation(q),
                set(),
                set(),
                set(),
                figure=text_key,
                per_capita=_per_capita(name),
                deeds=_deeds(report.text, q),
                purpose=_purpose(report.text, q),
            )
            facts.append(fact)
            by_text.setdefault((text_key, group), []).append(fact)
        fact.members.append(q)
        _add_context(fact, index, q, para_map, section_map)
    for fact in facts:
        # the paragraph occurrence represents the fact (a highlight line repeats it)
        fact.members.sort(key=lambda q: (_block_kind(report, q.block) != "paragraph", q.span))
    return facts


def _add_context(
    fact: _Fact,
    index: int,
    q: Quantity,
    para_map: dict[tuple[int, bool, tuple[int, ...]], int],
    section_map: dict[tuple[int, tuple[int, ...]], int],
) -> None:
    block = q.block
    if not block:
        return
    preamble = len(block) == 1
    row = para_map.get((index, preamble, block))
    if row is not None:
        fact.para_rows.add(row)
    if preamble:
        return
    path = block[:-1]
    deepest = True
    for n in range(len(path), 0, -1):
        row = section_map.get((index, path[:n]))
        if row is None:
            continue
        if deepest:
            fact.deep_rows.add(row)
            deepest = False
        fact.section_rows.add(row)


def _block_kind(report: Report, path: tuple[int, ...] | None) -> str:
    if not path:
        return "paragraph"
    try:
        if len(path) == 1:
            return report.preamble[path[0]].kind
        return report.section_at(path[:-1]).blocks[path[-1]].kind
    except IndexError:
        return "paragraph"


def _name(indicator: str) -> str:
    """The indicator as compared: no quotes, short parentheticals or spaces."""
    # 新增 is kept in Quantity.stock and a year in Quantity.year: 新增城镇就业 and
    # 城镇新增就业, 2000年国家财政收入 and 国家财政收入 name one indicator each
    name = _NAME_NOISE_RE.sub("", fold(indicator)).replace("新增", "")
    # 平均每年 and 年均 are kept in Quantity.period: alone they name nothing
    return _AVERAGE_RE.sub("", _YEAR_WORD_RE.sub("", name))


_AVERAGE_RE = re.compile("平均每年|每年平均|年平均|年均")


def _measure_kind(q: Quantity) -> str:
    """``change`` for a growth figure (同比增长8%, 上升1.7个百分点), else ``level``.

    The end of 由A增至B (B) and 增至/提高到 figures are levels reached, not changes.
    """
    if q.unit in RATE_UNITS and q.indicator.endswith(_RATE_OF_CHANGE):
        return "change"  # 固定资产投资增长幅度回落到27.8%: a growth rate, wherever it went
    if q.end == "to":
        return "level"
    if q.is_change:
        return "change"
    if q.unit in RATE_UNITS and any(
        w in qual for qual in q.qualifiers if not qual.endswith(("至", "到")) for w in CHANGE_WORDS
    ):
        return "change"
    return "level"


_RATE_OF_CHANGE = ("增速", "增幅", "增长幅度", "增长速度", "增长率", "涨幅", "上涨幅度")


def _base_name(name: str, kind: str) -> str:
    """A growth rate's name without the words saying it is one (its kind says so already):
    固定资产投资增长幅度 → 固定资产投资, to meet 全社会固定资产投资 (增长25.8%)."""
    if kind != "change":
        return name
    for word in _RATE_OF_CHANGE:
        if name.endswith(word) and len(name) - len(word) >= 3:
            return name[: -len(word)]
    return name


def _accumulation(q: Quantity) -> str:
    if "累计" in q.qualifiers:
        return "累计"
    if "新增" in q.qualifiers or "新建" in q.qualifiers:
        return "新增"
    return ""


def _context(a: _Fact, b: _Fact) -> int:
    if a.para_rows & b.para_rows:
        return 3
    if a.deep_rows & b.deep_rows:
        return 2
    if a.section_rows & b.section_rows:
        return 1
    return 0


# Verbs that link a figure to its noun without saying what is counted: 投入国债资金 and
# 国债投资 name one fund; 实际利用外资 and 利用外资 one flow.
_LINK_VERBS_RE = re.compile("达到|完成|实现|安排|投入|拿出|用于|下达|发放|筹集|提供|实际|共计")


def _core(name: str) -> str:
    """The name without its linking verbs (投入国债资金 → 国债资金)."""
    return _LINK_VERBS_RE.sub("", name)


def _similarity(a: str, b: str, ratio: _Scorer, *, context: int) -> float:
    score = float(ratio(a, b))
    if context >= 3 and not a.endswith(_GIVING_VERBS) and not b.endswith(_GIVING_VERBS):
        # in one aligned paragraph the wording drifts around the verbs: compare what is left
        # (not when a name stops at its verb: 中央财政拿出 says nothing of what was given)
        ca, cb = _core(a), _core(b)
        if min(len(ca), len(cb)) >= 3 and (ca, cb) != (a, b):
            score = max(score, float(ratio(ca, cb)))
    short, long_ = sorted((len(a), len(b)))
    shorter = a if len(a) <= len(b) else b
    longer = b if shorter == a else a
    if (
        context > 0
        and short >= 4
        and short * 2 >= long_
        and (a in b or b in a)
        and not shorter.endswith(_GIVING_VERBS)
        and not (long_ == short + 1 and longer.endswith(shorter))
    ):
        # 多层住宅加装电梯 ⊂ 既有多层住宅加装电梯竣工: the same thing, more words. Not for a
        # short core of a longer name (交易额 ⊂ 上海技术交易所技术交易额), nor across
        # unaligned context, nor a name that stops at its verb (中央财政安排 ⊂
        # 中央财政安排扶贫资金: what was arranged is not said), nor one character more in
        # front, which makes another word (轻工业总产值 is not 工业总产值, 进出口 not 出口).
        score = max(score, 90.0)
    return score


def _edges(
    facts_a: list[_Fact], facts_b: list[_Fact], ratio: _Scorer
) -> list[tuple[float, int, int, int, int]]:
    """Candidate pairs between two reports' facts, scored."""
    by_group: dict[tuple[str, str, bool], list[int]] = {}
    for n, fact in enumerate(facts_b):
        if fact.name:
            by_group.setdefault(fact.group, []).append(n)
    edges: list[tuple[float, int, int, int, int]] = []
    crowd_a, crowd_b = _crowding(facts_a), _crowding(facts_b)
    for m, fa in enumerate(facts_a):
        if len(fa.name) < 2 or _formula_count(fa.rep):
            continue  # 企业, 项目: too generic to say two figures count the same thing
        for n in by_group.get(fa.group, ()):
            fb = facts_b[n]
            if len(fb.name) < 2 or _formula_count(fb.rep):
                continue
            if fa.accumulation and fb.accumulation and fa.accumulation != fb.accumulation:
                continue
            if fa.per_capita != fb.per_capita:
                continue  # 每万人口高价值发明专利拥有量 is not 高价值发明专利拥有量
            if _opposite_amounts(fa.rep, fb.rep):
                continue  # 减产120亿公斤 is not the same change as 增产3877万吨
            if _increment_vs_level(fa, fb) or _increment_vs_level(fb, fa):
                continue  # 新增发电装机1500万千瓦 is not 发电装机容量达到2.5亿千瓦
            if _given_for_other_ends(fa, fb, ratio):
                continue  # 中央财政安排219亿元支持企业… is not 中央财政安排51亿元，用于医疗救助
            if fa.deeds and fb.deeds and not fa.deeds & fb.deeds:
                continue  # 清理756件行政法规 is not 制定28部行政法规
            if not scopes_agree(fa.rep, fb.rep):
                continue  # a five-year total is not one year's, 城镇 is not 农村
            va, vb = _actions(fa.name), _actions(fb.name)
            if va and vb and not va & vb:
                continue  # 保障性租赁住房筹措 is not 供应保障性租赁住房
            if (
                _similarity(fa.name, fb.name, ratio, context=3) < _MIN_SIMILARITY[3]
                and not (fa.name in fb.name or fb.name in fa.name)
                and not _share_words(fa.name, fb.name)
            ):
                continue  # cheap rejection before the context is looked at
            context = _context(fa, fb)
            alone = _alone(fa, crowd_a, fb, context) and _alone(fb, crowd_b, fa, context)
            if min(len(fa.name), len(fb.name)) < 3 and not (
                context >= 2 and alone and fa.rep.unit in _AMOUNT_UNITS
            ):
                continue  # 产量 says what only where nothing else of its kind is near
            same_text = fa.figure == fb.figure
            # An identical, distinctive figure (15个 and 15 个 基地收尾) is evidence of the
            # same fact even where the alignment found no common context.
            evidence = context if context or not same_text or _commonplace(fa.rep) else 1
            sim = _similarity(fa.name, fb.name, ratio, context=evidence)
            if (
                sim < _MIN_SIMILARITY[context]
                and context == 3
                and alone
                and _share_words(fa.name, fb.name)
                and _reaches(fa.rep) == _reaches(fb.rep)
            ):
                # 救助灾民6800万人次 and 救助受灾群众9000多万人次: the only figure of its kind
                # in one aligned paragraph on each side, named with a word in common
                sim = _MIN_SIMILARITY[3]
            if sim < _MIN_SIMILARITY[context]:
                continue
            score = sim + _CONTEXT_WEIGHT * context
            if same_text:
                score += _SAME_TEXT_BONUS
            # On a tie, each report's latest year: 1995's figure, not 1994's, meets 1996's
            score += _YEAR_TIE * sum(q.year - 1900 for q in (fa.rep, fb.rep) if q.year)
            edges.append((score, fa.report, m, fb.report, n))
    return edges


_AMOUNT_UNITS = MEASURE_UNITS - RATE_UNITS - {"版"}
_REFERENCE_BACK = ("这", "此", "该", "上述", "其")
_Crowding = tuple[
    dict[tuple[tuple[str, str, bool], int], int], dict[tuple[tuple[str, str, bool], int], int]
]


def _crowding(facts: list[_Fact]) -> _Crowding:
    """How many facts of each group each aligned paragraph and innermost section holds."""
    para: dict[tuple[tuple[str, str, bool], int], int] = {}
    deep: dict[tuple[tuple[str, str, bool], int], int] = {}
    for f in facts:
        for row in f.para_rows:
            para[(f.group, row)] = para.get((f.group, row), 0) + 1
        for row in f.deep_rows:
            deep[(f.group, row)] = deep.get((f.group, row), 0) + 1
    return para, deep


def _alone(fact: _Fact, crowd: _Crowding, other: _Fact, context: int) -> bool:
    """Whether ``fact`` is the only one of its group where it meets ``other`` (the shared
    aligned paragraph for context 3, the shared innermost section for 2), and its name
    does not point back (这方面的支出 is whatever the text said before)."""
    if context < 2 or any(w in fact.name for w in _REFERENCE_BACK):
        return False
    counts, rows = (
        (crowd[0], fact.para_rows & other.para_rows)
        if context == 3
        else (crowd[1], fact.deep_rows & other.deep_rows)
    )
    return bool(rows) and all(counts.get((fact.group, row), 0) == 1 for row in rows)


def _reaches(q: Quantity) -> bool:
    """Whether the figure is a level reached (达到, 增加到): not a flow nor a plain amount."""
    return q.end == "to" or any(w in _LEVEL_WORDS for w in q.qualifiers)


def _share_words(a: str, b: str) -> bool:
    """Whether two names have a two-character word in common (救助灾民, 救助受灾群众)."""
    grams = {a[i : i + 2] for i in range(len(a) - 1)}
    return any(b[i : i + 2] in grams for i in range(len(b) - 1))


_GIVING_VERBS = ("安排", "投入", "拿出", "用于", "下达", "发放", "筹集", "支出", "完成", "实现")
_SPECIAL_PERIODS = frozenset({"years", "average", "cumulative", "part"})


def scopes_agree(a: Quantity, b: Quantity) -> bool:
    """Whether two figures have the same scope, so that their indicators may pair.

    Periods must agree; a special period (五年来, 年均, 累计, 1-11月) never pairs with a
    period the text does not state. Roles must agree (a target is not a result; an unknown
    role may be a result; a target and a planned amount both look ahead and may pair). Stock is not set against flow, 城镇 against 农村 or a total
    (subjects must be equal), nor the start of 由A增至B against its end.
    """
    if a.end != b.end and "from" in (a.end, b.end):
        return False  # the start of 由A增至B is an earlier figure; its end is a level
    if a.period != b.period:
        if a.period and b.period:
            return False
        if (a.period or b.period) in _SPECIAL_PERIODS:
            return False  # when unsure of one side's period, say nothing
    if a.role != b.role and {a.role, b.role} not in ({"", "result"}, {"target", "plan"}):
        return False
    if a.stock and b.stock and a.stock != b.stock:
        return False
    # 城市+城镇 and 城镇+城市 are one subject said in another order
    return set(a.subject.split("+")) == set(b.subject.split("+"))


_ACTIONS = ("新开工", "开工", "竣工", "完工", "建成", "投用", "开业", "签约", "供应", "筹措",
            "启动", "验收", "交付")  # fmt: skip


def _actions(name: str) -> frozenset[str]:
    """The action words of a name (开工 vs 竣工, 筹措 vs 供应: different facts)."""
    found = {a for a in _ACTIONS if a in name}
    if "新开工" in found:
        found.discard("开工")
    return frozenset(found)


def _formula_count(q: Quantity) -> bool:
    """A small count in Chinese numerals (两个特别行政区, 五项原则, 八项主张): a name or a
    formula more often than a measured quantity, so it never pairs."""
    return q.value <= 10 and not any(c.isdigit() for c in q.text) and q.unit not in RATE_UNITS


_LEVEL_WORDS = frozenset({"达到", "突破", "增至", "增加到", "增加至", "提高到", "提高至"})


def _increment_vs_level(a: _Fact, b: _Fact) -> bool:
    """Whether ``a`` is a 新增 amount and ``b`` a level reached (达到…, 余额, 由A增至B's B).

    What was added in a year is not what there is: 居民储蓄存款新增6300多亿元 is not 余额
    接近3万亿元.
    """
    if a.accumulation != "新增" or b.accumulation:
        return False
    q = b.rep
    return q.end == "to" or "余额" in b.name or any(w in _LEVEL_WORDS for w in q.qualifiers)


def _opposite_amounts(a: Quantity, b: Quantity) -> bool:
    """Whether two amounts of change go opposite ways (减产 vs 增产, 减少 vs 增加).

    A growth rate may turn negative (增长8% then 下降2%: one rate, two values), but an
    amount rising and an amount falling are two different facts, each named by its verb.
    """
    return (
        a.sign != b.sign
        and a.unit not in RATE_UNITS
        and _measure_kind(a) == "change"
        and _measure_kind(b) == "change"
    )


def _commonplace(q: Quantity) -> bool:
    """Figures too common to identify a fact by themselves (100%, 2家)."""
    return q.value < 10 or (q.unit == "%" and q.value == 100)


# Acts done to laws, rules and bodies: each is its own fact about the same noun.
_DEEDS = ("制定", "修订", "修改", "废止", "废除", "清理", "审议", "颁布", "取消", "下放",
          "撤销", "合并", "提请", "批准")  # fmt: skip
_CLAUSE_ENDS = frozenset(",，、;；。:：!！?？\n")


def _purpose(text: str, q: Quantity) -> str:
    """Up to 12 characters after ``q`` in its clause, digits and spaces left out."""
    hi = q.span.end
    while hi < len(text) and text[hi] not in _CLAUSE_ENDS and hi - q.span.end < 12:
        hi += 1
    return "".join(c for c in fold(text[q.span.end : hi]) if not (c.isdigit() or c.isspace()))


def _given_for_other_ends(a: _Fact, b: _Fact, ratio: _Scorer) -> bool:
    """Whether a name that stops at its giving verb (中央财政安排) meets a figure given for
    something else: then what follows each figure must agree, as the name says nothing of
    what was given."""
    if not (a.name.endswith(_GIVING_VERBS) or b.name.endswith(_GIVING_VERBS)):
        return False
    return ratio(a.name + a.purpose, b.name + b.purpose) < _MIN_SIMILARITY[3]


def _deeds(text: str, q: Quantity) -> frozenset[str]:
    """The :data:`_DEEDS` said in the clause that holds ``q`` (before and after it)."""
    lo = q.span.start
    while lo > 0 and text[lo - 1] not in _CLAUSE_ENDS and q.span.start - lo < 40:
        lo -= 1
    hi = q.span.end
    while hi < len(text) and text[hi] not in _CLAUSE_ENDS and hi - q.span.end < 40:
        hi += 1
    clause = text[lo:hi]
    return frozenset(d for d in _DEEDS if d in clause)


def _per_capita(name: str) -> bool:
    return "每" in name or "人均" in name


def _text_key(text: str) -> str:
    return _SPACE_RE.sub("", fold(text))


def _signed(q: Quantity) -> float:
    """The signed value in its dimension's base unit (万吨 and 亿公斤 both in 公斤)."""
    return q.sign * q.value * to_dimension_base(q.unit)


def _high(q: Quantity) -> float | None:
    return None if q.high is None else q.high * to_dimension_base(q.unit)


def _make_pair(values: list[Quantity | None]) -> NumberPair:
    present = [q for q in values if q is not None]
    first, last = present[0], present[-1]
    signed = [_signed(q) for q in present]
    scale = max(abs(v) for v in signed) or 1.0
    same = all(abs(v - signed[0]) <= 1e-9 * scale for v in signed) and all(
        _high(q) == _high(present[0]) for q in present
    )
    unit = printed_unit(first.text)
    delta: float | None
    pct: float | None
    if first.unit == "版" or (not same and any(q.high is not None for q in present)):
        # a version, or a range against another figure: no single Δ says the change
        delta = pct = None
        display = unit.display
    elif first.unit in RATE_UNITS:
        delta = signed[-1] - signed[0]
        pct = None
        display = "个百分点" if first.unit == "%" else unit.display
    else:
        # in the first report's printed unit: 亿公斤 → 万吨 is said in 亿公斤
        delta = (signed[-1] - signed[0]) / (unit.factor * to_dimension_base(first.unit))
        pct = None if signed[0] == 0 else (signed[-1] - signed[0]) / abs(signed[0]) * 100.0
        display = unit.display
    if delta is not None:
        delta = round(delta, 10)
    indicator = first.indicator or last.indicator
    if _measure_kind(first) == "change":
        # 区级财政收入 has a level row (143.5亿元 → 154.99亿元) and a growth row (0.3% → 8%)
        change = next((w for w in first.qualifiers if any(c in w for c in CHANGE_WORDS)), "")
        if change and change not in indicator:
            indicator += change
    return NumberPair(
        indicator=indicator,
        status="same" if same else "changed",
        values=tuple(values),
        delta=delta,
        pct=pct,
        unit=display,
    )
