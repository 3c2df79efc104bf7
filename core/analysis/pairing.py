"""Pairing the quantities of several reports that measure the same indicator.

:func:`pair_numbers` matches the figures found by
:func:`~reportdiff.core.analysis.numbers.extract_quantities` across reports, in aligned
context, and says how each changed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from reportdiff.core.analysis.bases import change_gap
from reportdiff.core.analysis.facilities import sized_works
from reportdiff.core.analysis.facts import (
    AMOUNT_UNITS,
    MIN_SIMILARITY,
    Fact,
    Scorer,
    accumulation_of,
    balance_increment,
    base_name,
    commonplace,
    context_level,
    crowding_of,
    deeds_of,
    fact_name,
    formula_count,
    given_for_other_ends,
    increment_vs_level,
    is_alone,
    is_per_capita,
    measure_kind,
    opposite_amounts,
    product_of,
    purpose_of,
    reaches_level,
    scopes_agree,
    text_key,
    years_apart,
)
from reportdiff.core.analysis.lookahead import as_planned
from reportdiff.core.analysis.marks import passed_mark
from reportdiff.core.analysis.namekinds import kinds_differ
from reportdiff.core.analysis.namerules import (
    WHOLE_NAMES,
    count_class,
    headline_growth,
    points_back,
)
from reportdiff.core.analysis.namescores import NameScores
from reportdiff.core.analysis.outputs import grown_products
from reportdiff.core.analysis.pairmake import make_pair, shown_name
from reportdiff.core.analysis.pricebase import bases_differ, declared_bases, price_base
from reportdiff.core.analysis.pricenames import borrowed_indices, price_index_of
from reportdiff.core.analysis.programmes import quoted_terms
from reportdiff.core.analysis.regions import apart, whose
from reportdiff.core.analysis.restated import (
    RESTATED_OFFSET,
    carried_out,
    restated_year,
    reviewed_meta,
)
from reportdiff.core.analysis.scope import subject_of
from reportdiff.core.analysis.shares import whole_from_sentence
from reportdiff.core.analysis.stages import acts_of, stages_differ
from reportdiff.core.analysis.units import (
    compare_key,
    printed_unit,
)
from reportdiff.core.comparison import AlignedRow, NumberPair, Quantity
from reportdiff.core.model import Report

__all__ = ["pair_numbers", "scopes_agree"]
_CONTEXT_WEIGHT = 12.0
_SAME_TEXT_BONUS = 8.0
_YEAR_TIE = 0.001


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

    rows = _index_alignment(alignment)
    # 物价 unnamed is the index its report names; in a report naming none, the one index
    # the reports of nearby years name (1997's 物价涨幅…回落到6.1% beside 1996's 零售物价涨幅)
    prices = borrowed_indices(
        [price_index_of(qs) for qs in quantities], [r.meta.year for r in reports]
    )
    facts = [
        _facts_of(i, report, quantities[i], rows, ratio, prices[i])
        for i, report in enumerate(reports)
    ]
    grown_products(facts)  # 钢增长２８％: the growth of 钢 in 吨 (outputs.py)
    edges = [e for part in _all_edges(facts, ratio) for e in part]
    # (i, a, j, b) is one edge's own: the order is total, whatever order the parts came in.
    edges.sort(key=lambda e: (-e[0], e[1], e[2], e[3], e[4]))

    # Greedy clustering: the best-scoring edge first; a cluster holds one fact per report.
    cluster_of: dict[tuple[int, int], int] = {}
    clusters: dict[int, dict[int, int]] = {}
    ids = itertools.count()
    for score, i, a, j, b in edges:
        ca = cluster_of.get((i, a))
        cb = cluster_of.get((j, b))
        if ca is not None and ca == cb:
            continue
        if score < 0 and (ca is not None or cb is not None):
            continue  # a restated year's figure (restated.py) pairs only two free figures
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
        paired.append((order, make_pair(values)))
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
                    indicator=shown_name([fact.rep]),
                    status="only",
                    values=tuple(values),
                    delta=None,
                    pct=None,
                    unit=printed_unit(fact.rep.text).display,
                )
            )
    return tuple(p for _, p in paired) + tuple(only)


_POOL_WORK = 40_000
"""Pairs of facts (summed over pairs of reports) from which the pairs of reports are
spread over worker processes: below it, forking and sending the edges back cost more
than they save (eight district reports: about 370,000 and 0.2–0.3 s of edges; ten
national ones 143,000 and 0.04 s)."""


def _all_edges(
    facts: Sequence[list[Fact]], ratio: Scorer
) -> list[list[tuple[float, int, int, int, int]]]:
    """:func:`_edges` of every pair of reports, spread over worker processes when it pays.

    Each pair of reports is independent of the others (each process keeps its own memo
    of name scores, pure functions: the same values), so the pairs run where
    :mod:`reportdiff.core.parallel` puts them; the largest go first.
    """
    from reportdiff.core.parallel import tasks

    names = NameScores(ratio)  # shared by the pairs one process does: the same names recur
    pairs = [(i, j) for i in range(len(facts)) for j in range(i + 1, len(facts))]
    size = {p: len(facts[p[0]]) * len(facts[p[1]]) for p in pairs}
    # Workers take pieces from the start, this process from the end: the largest first.
    pairs.sort(key=lambda p: -size[p])
    jobs = [_bind_edges(facts[i], facts[j], ratio, names) for i, j in pairs]
    big = len(jobs) > 1 and sum(size.values()) >= _POOL_WORK
    with tasks(jobs, pool=big) as running:
        return running.results()


def _bind_edges(
    facts_a: list[Fact], facts_b: list[Fact], ratio: Scorer, names: NameScores
) -> Callable[[], list[tuple[float, int, int, int, int]]]:
    return lambda: _edges(facts_a, facts_b, ratio, names)


class _RowIndex(NamedTuple):
    """The id of the aligned row holding each report's paragraphs and sections."""

    para: dict[tuple[int, bool, tuple[int, ...]], int]
    section: dict[tuple[int, tuple[int, ...]], int]
    lead_as_section: dict[tuple[int, tuple[int, ...]], int]
    """A lead paragraph met by another report's section stands for a section: figures
    inside that section are in its context."""
    section_as_para: dict[tuple[int, tuple[int, ...]], int]
    """…and that section's own paragraphs are its body: the lead paragraph's counterpart,
    as one aligned paragraph is another's."""


def _index_alignment(alignment: Iterable[AlignedRow]) -> _RowIndex:
    """Map each report's paragraphs and sections to the id of the aligned row holding them."""
    index = _RowIndex({}, {}, {}, {})
    counter = 0

    def visit(rows: Iterable[AlignedRow]) -> None:
        nonlocal counter
        for row in rows:
            counter += 1
            crossed = len({node.kind for node in row.nodes if node is not None}) > 1
            for i, node in enumerate(row.nodes):
                if node is None:
                    continue
                if node.kind == "paragraph":
                    index.para[(i, node.preamble, node.path)] = counter
                    if crossed:
                        index.lead_as_section[(i, node.path)] = counter
                else:
                    index.section[(i, node.path)] = counter
                    if crossed:
                        index.section_as_para[(i, node.path)] = counter
            visit(row.children)

    visit(alignment)
    return index


def _facts_of(
    index: int,
    report: Report,
    quantities: Sequence[Quantity],
    rows: _RowIndex,
    ratio: Scorer,
    prices: str = "",
) -> list[Fact]:
    """Group one report's quantities into facts (repeats merged) with their aligned rows;
    ``prices`` is the price index its unnamed 物价 means ('' when unknown)."""
    facts: list[Fact] = []
    by_text: dict[tuple[str, tuple[str, str, bool]], list[Fact]] = {}
    in_order = sorted(quantities, key=lambda q: q.span.start)
    after = {id(q): nxt for q, nxt in zip(in_order, [*in_order[1:], None], strict=False)}
    declared = declared_bases(report.text, in_order)
    metas = (reviewed_meta(report), reviewed_meta(report, ahead=True))  # restated.py
    for q in quantities:
        if passed_mark(report.text, q, after[id(q)]):
            continue  # 突破６０００万吨，达到６１２４万吨: the mark is not the figure
        q = sized_works(report.text, q)  # 年产…万吨的煤矿: a works' size, of no one year
        name = fact_name(q.indicator)
        unit_class = count_class(compare_key(q.unit), name)
        group = (unit_class, measure_kind(q), q.is_target)
        name = whole_from_sentence(report.text, q, base_name(name, group[1]))  # shares.py
        if name == "物价" and prices:
            name = prices  # 物价上涨幅度控制在10%左右: the index the report names elsewhere
        accumulation = accumulation_of(q)
        gap = change_gap(report.text, q)
        # 比“七五”末增加两万多亿元 is five years' addition, not the year's (比上年末增加…)
        added = balance_increment(q, name) if gap is None or gap == 1 else ""
        if added:
            # 储蓄存款余额增加8000多亿元 is what was added: 新增 储蓄存款, as another report says
            name, group, accumulation = added, (unit_class, "level", q.is_target), "新增"
        figure_key = text_key(q.text)
        fact = None
        if name:
            for candidate in by_text.get((figure_key, group), []):
                periods = {candidate.rep.period, q.period} - {""}
                if len(periods) > 1:
                    continue  # 年均8% and the year's 8%: two facts, though printed alike
                if candidate.name and ratio(candidate.name, name) >= 80:
                    fact = candidate
                    break
        if fact is None:
            fact = Fact(
                index,
                [],
                name,
                group,
                accumulation,
                set(),
                set(),
                set(),
                figure=figure_key,
                per_capita=is_per_capita(name),
                deeds=deeds_of(report.text, q),
                acts=acts_of(report.text, q, name),
                quoted=quoted_terms(report.text, q),
                purpose=purpose_of(report.text, q),
                gap=gap,
                meta=metas[q.role in ("target", "plan", "forecast")],
                whose=whose(report.text, q, report.meta),
                price_base=price_base(report.text, q, declared, report.meta.year),
            )
            facts.append(fact)
            by_text.setdefault((figure_key, group), []).append(fact)
        fact.members.append(q)
        _add_context(fact, index, q, rows)
    for fact in facts:
        # the paragraph occurrence represents the fact (a highlight line repeats it)
        fact.members.sort(key=lambda q: (_block_kind(report, q.block) != "paragraph", q.span))
    return facts


def _add_context(fact: Fact, index: int, q: Quantity, rows: _RowIndex) -> None:
    block = q.block
    if not block:
        return
    preamble = len(block) == 1
    row = rows.para.get((index, preamble, block))
    if row is not None:
        fact.para_rows.add(row)
    if preamble:
        return
    row = rows.lead_as_section.get((index, block))
    if row is not None:
        fact.deep_rows.add(row)
        fact.section_rows.add(row)
    path = block[:-1]
    row = rows.section_as_para.get((index, path))
    if row is not None:
        fact.para_rows.add(row)
    deepest = True
    for n in range(len(path), 0, -1):
        row = rows.section.get((index, path[:n]))
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


def _edges(
    facts_a: list[Fact], facts_b: list[Fact], ratio: Scorer, sim_of: NameScores
) -> list[tuple[float, int, int, int, int]]:
    """Candidate pairs between two reports' facts, scored."""
    by_group: dict[tuple[str, str, bool], list[int]] = {}
    by_figure: dict[str, list[int]] = {}  # carried_out asks for the very same figure
    for n, fact in enumerate(facts_b):
        if fact.name:
            by_group.setdefault(fact.group, []).append(n)
        by_figure.setdefault(fact.figure, []).append(n)
    edges: list[tuple[float, int, int, int, int]] = []
    crowd_a, crowd_b = crowding_of(facts_a), crowding_of(facts_b)
    # What depends on one fact alone is worked out once per fact, not once per pair, and
    # what depends on two names alone once per pair of names (the same names recur).
    product_b = [fb.product or product_of(fb.rep, fb.name) for fb in facts_b]
    formula_b = [formula_count(fb.rep) for fb in facts_b]
    back_b = [points_back(fb.name) for fb in facts_b]
    planned_b = [as_planned(fb) for fb in facts_b]  # a forecast of the coming year: a plan
    for m, fa in enumerate(facts_a):
        product_a = fa.product or product_of(fa.rep, fa.name)
        if (len(fa.name) < 2 and not product_a) or formula_count(fa.rep):
            continue  # 企业, 项目: too generic to say two figures count the same thing
        subject_whole = subject_of(fa.name) == fa.name or fa.name in WHOLE_NAMES
        back_a = points_back(fa.name)
        planned_a = as_planned(fa)
        for n in by_group.get(fa.group, ()):
            fb = facts_b[n]
            # 钢 and 钢产量, 原煤产量 and 原煤: one product's output, in a physical unit
            product = bool(product_a) and product_a == product_b[n]
            # 出口 and 外贸出口, 进口 and 进口: a name that is its subject word says what; so
            # does 人口 (namerules.WHOLE_NAMES)
            product = product or (fa.name == fb.name and subject_whole)
            # 经济增长 (a target's name) and 国内生产总值 growth: one figure
            product = product or (fa.group[1] == "change" and headline_growth(fa.name, fb.name))
            if (len(fb.name) < 2 and not product) or formula_b[n]:
                continue
            if fa.accumulation and fb.accumulation and fa.accumulation != fb.accumulation:
                continue
            if fa.per_capita != fb.per_capita:
                continue  # 每万人口高价值发明专利拥有量 is not 高价值发明专利拥有量
            if sim_of.measures_differ(fa.name, fb.name):
                continue  # 人均生活费收入 is not 人均可支配收入; 国民生产总值 is not 国内生产总值
            if opposite_amounts(fa.rep, fb.rep):
                continue  # 减产120亿公斤 is not the same change as 增产3877万吨
            if increment_vs_level(fa, fb) or increment_vs_level(fb, fa):
                continue  # 新增发电装机1500万千瓦 is not 发电装机容量达到2.5亿千瓦
            if given_for_other_ends(fa, fb, ratio) or apart(fa, fb):
                continue  # …用于医疗救助 is not …支持企业; “两旧” 受益居民 is not “城中村”'s
            if fa.deeds and fb.deeds and not fa.deeds & fb.deeds:
                continue  # 清理756件行政法规 is not 制定28部行政法规
            if fa.gap and fb.gap and fa.gap != fb.gap:
                continue  # 比上年增长6.1% is not 比1995年增长67%
            if back_a != back_b[n]:
                continue  # 中央财政此项支出 is whatever its sentence named, not 中央财政支出
            if bases_differ(fa.price_base, fb.price_base):
                continue  # 603亿元 at 1952's prices is no counterpart of 880亿元 at 1957's
            restated = years_apart(fa, fb)
            if restated and not restated_year(fa, fb):
                continue  # 1977's growth quoted in 1978's review is not 1979's growth
            if not scopes_agree(planned_a, planned_b[n]):
                continue  # a five-year total is not one year's, 城镇 is not 农村
            if stages_differ(fa.acts, fb.acts):
                continue  # 保障性租赁住房筹措 is not 供应保障性租赁住房, 新开工 not 完成
            if (
                not product
                and sim_of.similarity(fa.name, fb.name, 3) < MIN_SIMILARITY[3]
                and not (fa.name in fb.name or fb.name in fa.name)
                and not sim_of.share_words(fa.name, fb.name)
            ):
                continue  # cheap rejection before the context is looked at
            context = context_level(fa, fb)
            alone = is_alone(fa, crowd_a, fb, context) and is_alone(fb, crowd_b, fa, context)
            if (
                min(len(fa.name), len(fb.name)) < 3
                and not product
                and not (context >= 2 and alone and fa.rep.unit in AMOUNT_UNITS)
            ):
                continue  # 产量 says what only where nothing else of its kind is near
            same_text = fa.figure == fb.figure
            # An identical, distinctive figure (15个 and 15 个 基地收尾) is evidence of the
            # same fact even where the alignment found no common context.
            evidence = context if context or not same_text or commonplace(fa.rep) else 1
            sim = sim_of.similarity(fa.name, fb.name, evidence)
            if (
                sim < MIN_SIMILARITY[context]
                and context == 3
                and alone
                and sim_of.share_words(fa.name, fb.name)
                and not kinds_differ(fa.name, fb.name)  # 养老床位, 认知障碍照护床位: two kinds
                and reaches_level(fa.rep) == reaches_level(fb.rep)
            ):
                # 救助灾民6800万人次 and 救助受灾群众9000多万人次: the only figure of its kind
                # in one aligned paragraph on each side, named with a word in common
                sim = MIN_SIMILARITY[3]
            if product:
                sim = max(sim, MIN_SIMILARITY[context])
            if sim < MIN_SIMILARITY[context]:
                continue
            score = sim + _CONTEXT_WEIGHT * context
            if same_text:
                score += _SAME_TEXT_BONUS
            # On a tie, each report's latest year: 1995's figure, not 1994's, meets 1996's
            score += _YEAR_TIE * sum(q.year - 1900 for q in (fa.rep, fb.rep) if q.year)
            if restated:
                score -= RESTATED_OFFSET  # below every edge one year on: a fallback
            edges.append((score, fa.report, m, fb.report, n))
        for n in by_figure.get(fa.figure, ()):
            fb = facts_b[n]
            if fb.group[2] != fa.group[2] and carried_out(fa, fb):
                # a count planned and reported done with the same figure: a fallback too
                score = MIN_SIMILARITY[0] + _SAME_TEXT_BONUS - RESTATED_OFFSET
                edges.append((score, fa.report, m, fb.report, n))
    return edges
