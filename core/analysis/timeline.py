"""An indicator's timeline over a series of reports: per year its result and its target.

A year's *result* comes from the report reviewing that year (a one-year figure with the
result role: a five-year total, a 年均 rate or a part of a year never stands for a year);
its *target* from the report delivered that year (a one-year target for that year). Every
value keeps the text as printed and where it came from, and is converted to one unit per
series (亿公斤 and 万吨 weigh alike; 百分之十一点八 is 11.8 %). A year with nothing is
missing, and a year whose report gives two different values is *unclear*: never guessed.

The indicator is chosen by name: the level (国内生产总值), its growth rate
(国内生产总值增长) and its change in amount (国内生产总值增加) are separate series.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.terms import report_ids
from reportdiff.core.analysis.units import compare_key, printed_unit, to_dimension_base
from reportdiff.core.comparison import Quantity
from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _, ngettext
from reportdiff.core.model import Report

__all__ = [
    "KINDS",
    "Candidate",
    "Point",
    "Timeline",
    "TimelineRow",
    "build_timeline",
    "indicator_candidates",
    "name_key",
]

KINDS = ("level", "growth", "change")
"""``level`` the amount itself (13.65万亿元); ``growth`` its rate of change in % (增长9.5%);
``change`` its change in amount (增产3877万吨, 比上年增加1501亿元)."""

# A query ending in one of these asks for the growth rate or the change in amount.
_GROWTH_SUFFIX = re.compile(r"(?:的)?(?:增长率|增长速度|增速|增幅|增长|涨幅)$")
_CHANGE_SUFFIX = re.compile(r"(?:的)?(?:增加额|增加量|增量|增加|增产|减少|减产|变化)$")
_SUFFIX = {"growth": "增长", "change": "增减", "level": ""}

# Scope words a name may carry or not with the same meaning: 全国粮食总产量 is 粮食产量;
# a clause's opening before a time word is no part of the name (中央提出今年经济增长预期).
_SCOPE_PREFIX = re.compile(
    r"^(?:.*?(?:今年|去年|上年|当年|全年|明年|[0-9０-９]{4}\s*年(?:的)?))?"
    r"(?:计划|安排|预计|力争|争取|要求|全国|全省|全市|全区|全县|我国|我省|我市|我区)*"
)
# What a target's name may end with and still be the indicator: 经济增长预期目标 is 经济增长.
_TARGET_TAIL = re.compile(r"(?:的)?(?:预期目标|调控目标|预期|目标|计划)+$")
# 总 in 总产量 / 总额 / 总量 adds nothing: 粮食总产量 and 粮食产量 are one statistic (but
# 总值 stays: 国内生产总值 is a name of its own).
_TOTAL = re.compile(r"总(?=产量|额|量)")
# 经济增长 is, by the statistical convention every government report follows, the growth
# of its 生产总值 (国内 for the country, 地区 for a province or city).
_ECONOMY = "经济"
# A figure of the plan part is a target when its sentence says it is one: 计划安排粮食总产量
# 四千二百五十亿公斤 is, 粮食产量达到３９１０９万吨，比上年增产 (a review the parts reader
# took for the plan) is not.
_PLANNED = re.compile(r"计划|目标|预期|力争|争取|要求|安排|调控|预计|确保|控制在|左右")


def name_key(indicator: str) -> str:
    """The form of an indicator's name that two reports' wordings of it share.

    >>> name_key("全国粮食总产量"), name_key("国内生产总值"), name_key("进出口总额")
    ('粮食产量', '国内生产总值', '进出口额')
    >>> name_key("中央提出今年经济增长预期"), name_key("１９８９年国民生产总值")
    ('经济增长', '国民生产总值')
    >>> name_key("计划国内生产总值"), name_key("全省生产总值"), name_key("地区生产总值")
    ('国内生产总值', '生产总值', '生产总值')
    """
    key = _SCOPE_PREFIX.sub("", indicator.strip(), count=1)
    key = _TARGET_TAIL.sub("", key)
    # a province's or city's 地区生产总值 is its 生产总值 (全省生产总值 once 全省 is gone)
    key = key.removeprefix("地区") if key.startswith("地区生产总值") else key
    return _TOTAL.sub("", key)


def series_of(q: Quantity) -> tuple[str, str] | None:
    """The (name, kind) series ``q`` belongs to, or None (个百分点, 倍, no indicator)."""
    if q.unit in ("个百分点", "倍", "‰") or not q.indicator:
        return None
    name = name_key(q.indicator)
    if q.is_change:
        return (name, "growth" if q.unit == "%" else "change")
    if q.unit == "%":
        # 经济增长预期目标为7%左右: the growth is in the name
        m = _GROWTH_SUFFIX.search(name)
        if m and m.start() > 0:
            return (name[: m.start()], "growth")
    return (name, "level") if name else None


def _same_name(found: str, chosen: str, kind: str) -> bool:
    if found == chosen:
        return True
    return kind == "growth" and found == _ECONOMY and chosen.endswith("生产总值")


@dataclass(frozen=True)
class Point:
    """One value of a timeline, as printed and normalised."""

    year: int
    """The year it is the result or target of."""
    role: str
    """``result`` or ``target``."""
    text: str
    """The figure as printed (``13．65万亿元``, ``百分之十一点八``)."""
    value: float
    """The value in the timeline's unit, signed (a 下降 of 2% is -2)."""
    high: float | None
    """For a range (7%－8%): its upper end in the timeline's unit; else None."""
    qualifiers: tuple[str, ...]
    """Words around it that change its meaning: 左右, 以上, 力争, 约 …"""
    indicator: str
    """The indicator as the report words it."""
    report: str
    """The id of the report it comes from."""
    start: int
    """Where :attr:`text` starts in that report's text."""
    end: int
    """Where it ends."""
    sentence: str
    """The sentence it stands in, for a reader to check."""


@dataclass(frozen=True)
class TimelineRow:
    """A year of the timeline."""

    year: int
    result: Point | None
    """The result, None when missing or unclear."""
    target: Point | None
    """The target set for the year, None when missing or unclear."""
    notes: tuple[str, ...] = ()
    """Why a value is missing where the reports say something (two values disagree)."""
    reviewed_by: str | None = None
    """The report reviewing the year (where its result would be), None when not in the series."""
    planned_by: str | None = None
    """The report delivered in the year (where its target would be), None when not in it."""


@dataclass(frozen=True)
class ReportYear:
    """A report of the series and the years it speaks of."""

    id: str
    reviewed: int | None
    delivered: int | None


@dataclass(frozen=True)
class Timeline:
    """An indicator's results and targets, one row per year from first to last."""

    indicator: str
    """The name asked for, as matched (a :func:`name_key`)."""
    kind: str
    """One of :data:`KINDS`."""
    unit: str
    """The unit every value is given in (亿元, 万吨, %)."""
    rows: tuple[TimelineRow, ...]
    reports: tuple[ReportYear, ...]
    """The reports, sorted by the year they review (unknown years last)."""
    names: tuple[str, ...]
    """The wordings of the indicator found in the reports."""
    notes: tuple[str, ...] = field(default=())
    """Warnings for a reader: reports left out (year unknown), other series of the name."""

    @property
    def label(self) -> str:
        """A title: the name, with 增长 / 增减 for a growth or change series."""
        return self.indicator + _SUFFIX[self.kind]


@dataclass(frozen=True)
class Candidate:
    """A series a name could mean: a name key, a kind, how many years it has values for."""

    name: str
    kind: str
    unit_class: str
    years: int

    @property
    def label(self) -> str:
        return self.name + _SUFFIX[self.kind]


def _usable(q: Quantity) -> bool:
    return bool(q.indicator) and q.period == "year" and q.year is not None


def _series_quantities(
    reports: Sequence[Report],
) -> list[tuple[Report, str, tuple[Quantity, ...]]]:
    return list(zip(reports, report_ids(reports), map(extract_quantities, reports), strict=True))


def indicator_candidates(
    quantities: Sequence[tuple[Report, str, Sequence[Quantity]]],
) -> list[Candidate]:
    """Every (name, kind, unit class) the reports give one-year results or targets for."""
    years: dict[tuple[str, str, str], set[int]] = {}
    for _r, _k, qs in quantities:
        for q in qs:
            named = series_of(q)
            if named is None or not _usable(q) or q.role not in ("result", "target", "plan"):
                continue
            key = (*named, compare_key(q.unit))
            years.setdefault(key, set()).add(q.year)  # type: ignore[arg-type]
    return [Candidate(n, k, u, len(ys)) for (n, k, u), ys in years.items()]


def _split_query(query: str) -> tuple[str, str]:
    q = query.strip()
    for kind, pattern in (("growth", _GROWTH_SUFFIX), ("change", _CHANGE_SUFFIX)):
        m = pattern.search(q)
        if m and m.start() > 0:
            return name_key(q[: m.start()]), kind
    return name_key(q), "level"


def choose(query: str, candidates: Sequence[Candidate]) -> tuple[Candidate, list[Candidate]]:
    """The series ``query`` names, and the other series of the same name.

    An exact name (after :func:`name_key`) wins; else the one name scoring 90 or more
    (rapidfuzz's ratio) when no other comes within 10; anything else is ambiguous: a
    :class:`ReportError` lists the closest names.
    """
    from rapidfuzz import fuzz

    name, kind = _split_query(query)
    if not name:
        raise ReportError(_("--indicator needs a name, e.g. 国内生产总值"), exit_code=2)
    names = sorted({c.name for c in candidates})
    scored = sorted(((fuzz.ratio(name, n), n) for n in names), reverse=True)
    chosen: str | None = None
    if name in names:
        chosen = name
    elif scored and scored[0][0] >= 90 and (len(scored) == 1 or scored[1][0] < scored[0][0] - 10):
        chosen = scored[0][1]
    if chosen is None:
        close = [n for s, n in scored[:8] if s >= 50]
        if not close:
            raise ReportError(
                _("no indicator like {name} in these reports").format(name=name), exit_code=2
            )
        raise ReportError(
            _("{name} is not an indicator of these reports; the closest: {names}").format(
                name=name, names=", ".join(close)
            ),
            exit_code=2,
        )
    of_name = [c for c in candidates if c.name == chosen]
    of_kind = sorted((c for c in of_name if c.kind == kind), key=lambda c: -c.years)
    others = [c for c in of_name if c.kind != kind]
    if not of_kind:
        alts = ", ".join(sorted({c.label for c in of_name}))
        raise ReportError(
            _("{name} has no {kind} series in these reports; try: {alts}").format(
                name=chosen, kind=kind, alts=alts
            ),
            exit_code=2,
        )
    # Two unit classes of one name and kind (粮食产量 in 吨 and in %) cannot be one line:
    # the class with more years is the series.
    return of_kind[0], others + of_kind[1:]


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(c, 0, start) for c in "。；;！？\n") + 1
    hi_cands = [i for i in (text.find(c, end) for c in "。；;！？\n") if i >= 0]
    hi = min(hi_cands) + 1 if hi_cands else len(text)
    return " ".join(text[lo:hi].split())


def _display_unit(points: Sequence[tuple[Report, str, Quantity]]) -> tuple[str, float]:
    """The unit the reports print most (the latest report's on a tie), and its factor to
    the dimension's base (亿元 → 1e8 元; 万吨 → 1e7 公斤)."""
    counts: Counter[str] = Counter()
    factor: dict[str, float] = {}
    last: dict[str, int] = {}
    for i, (_r, _k, q) in enumerate(points):
        pu = printed_unit(q.text)
        shown = pu.display if pu.unit_word or pu.magnitude_word else q.unit
        if q.unit == "%":
            shown = "%"
            f = 1.0
        else:
            f = pu.factor * to_dimension_base(pu.base or q.unit)
        counts[shown] += 1
        factor[shown] = f
        last[shown] = i
    best = max(counts, key=lambda u: (counts[u], last[u]))
    return best, factor[best]


def _short_reports(
    quantities: Sequence[tuple[Report, str, Sequence[Quantity]]], years_of: Sequence[ReportYear]
) -> dict[str, str]:
    """A note for each report of the series much shorter than the whole ones before it (by
    year reviewed), as ``terms`` finds them: it may be truncated, so what it does not say
    is no answer (the State Council pages of 2006–2009 hold a report's opening)."""
    from reportdiff.core.analysis.termcands import distinct_text, han_length
    from reportdiff.core.analysis.terms import short_in_series

    dated = sorted(
        ((y, r) for (r, _k, _q), y in zip(quantities, years_of, strict=True) if y.reviewed),
        key=lambda yr: _year_key(yr[0]),
    )
    lengths = [han_length(distinct_text(r)) for _y, r in dated]
    return {
        y.id: _(
            "{id} is much shorter than the reports before it ({length} Han characters against "
            "a median of {median}): it may be truncated"
        ).format(id=y.id, length=f"{length:,}", median=f"{short:,.0f}")
        for (y, _r), length, short in zip(dated, lengths, short_in_series(lengths), strict=True)
        if short is not None
    }


def build_timeline(reports: Sequence[Report], indicator: str) -> Timeline:
    """The timeline of ``indicator`` (a name, fuzzy; 增长 at its end asks for the growth
    rate) over ``reports`` in any order.

    Raises:
        ReportError: when the name matches no series or several equally well.
    """
    _check_one_series(reports)
    quantities = _series_quantities(reports)
    candidates = indicator_candidates(quantities)
    chosen, others = choose(indicator, candidates)
    notes: list[str] = []
    years_of: list[ReportYear] = []
    for r, key, _qs in quantities:
        reviewed, delivered = r.meta.year or None, r.meta.delivered
        if reviewed is None and delivered is None:
            notes.append(_("{id}: the year it reviews is unknown; left out").format(id=key))
        elif delivered is None:
            notes.append(
                _("{id}: the year it was delivered is unknown; its targets are left out").format(
                    id=key
                )
            )
        elif reviewed is None:
            notes.append(
                _("{id}: the year it reviews is unknown; its results are left out").format(id=key)
            )
        years_of.append(ReportYear(key, reviewed, delivered))
    found: dict[tuple[int, str], list[tuple[Report, str, Quantity]]] = {}
    names: list[str] = []
    for (r, key, qs), ry in zip(quantities, years_of, strict=True):
        for q in qs:
            named = series_of(q) if _usable(q) else None
            if named is None or named[1] != chosen.kind:
                continue
            if not _same_name(named[0], chosen.name, chosen.kind):
                continue
            if compare_key(q.unit) != chosen.unit_class:
                continue
            if q.role == "result" and ry.reviewed is not None and q.year == ry.reviewed:
                role = "result"
            elif (
                q.role in ("target", "plan")
                and ry.delivered is not None
                and q.year == ry.delivered
                and (
                    q.role == "target"
                    or _PLANNED.search(_sentence(r.text, q.span.start, q.span.end))
                )
            ):
                role = "target"
            else:
                continue
            found.setdefault((q.year, role), []).append((r, key, q))
            if q.indicator not in names:
                names.append(q.indicator)
    truncated = _short_reports(quantities, years_of)
    all_points = [p for ps in found.values() for p in ps]
    unit, factor = _display_unit(all_points) if all_points else (chosen.unit_class, 1.0)
    rows: list[TimelineRow] = []
    years = sorted({y for y, _role in found})
    for year in range(years[0], years[-1] + 1) if years else ():
        cells: dict[str, Point | None] = {}
        row_notes: list[str] = []
        for role in ("result", "target"):
            pts = [_point(r, k, q, year, role, factor) for r, k, q in found.get((year, role), [])]
            values = {(round(p.value, 6), p.high and round(p.high, 6)) for p in pts}
            if len(values) > 1:
                shown = " / ".join(dict.fromkeys(p.text for p in pts))
                row_notes.append(
                    _("{role} unclear: the report gives {values}").format(
                        role=_(role), values=shown
                    )
                )
                cells[role] = None
            else:
                cells[role] = pts[0] if pts else None
        for role, by in (("result", "reviewed"), ("target", "delivered")):
            # A "—" from a report much shorter than those before it: say it may be truncated.
            source = next((y.id for y in years_of if getattr(y, by) == year), None)
            if cells[role] is None and source in truncated:
                row_notes.append(truncated[source])
        rows.append(
            TimelineRow(
                year,
                cells["result"],
                cells["target"],
                tuple(row_notes),
                reviewed_by=next((y.id for y in years_of if y.reviewed == year), None),
                planned_by=next((y.id for y in years_of if y.delivered == year), None),
            )
        )
    for c in others:
        notes.append(
            ngettext(
                "also a series: {label} ({years} year)",
                "also a series: {label} ({years} years)",
                c.years,
            ).format(label=c.label, years=c.years)
        )
    order = sorted(
        years_of, key=lambda y: (y.reviewed is None and y.delivered is None, _year_key(y))
    )
    return Timeline(
        indicator=chosen.name,
        kind=chosen.kind,
        unit=unit,
        rows=tuple(rows),
        reports=tuple(order),
        names=tuple(names),
        notes=tuple(notes),
    )


def _check_one_series(reports: Sequence[Report]) -> None:
    """A timeline is one place's: reports of several regions, or two reviewing one year,
    would put two places' (or two drafts') figures in one row."""
    regions = sorted({r.meta.region for r in reports if r.meta.region})
    if len(regions) > 1:
        raise ReportError(
            _("a timeline is of one region; these reports are of {regions}").format(
                regions=", ".join(regions)
            ),
            exit_code=2,
        )
    keys = report_ids(reports)
    for attr, what in (("year", _("review")), ("delivered", _("were delivered in"))):
        seen: dict[int, list[str]] = {}
        for r, key in zip(reports, keys, strict=True):
            year = getattr(r.meta, attr) or None
            if year is not None:
                seen.setdefault(year, []).append(key)
        for year, ids in sorted(seen.items()):
            if len(ids) > 1:
                raise ReportError(
                    _("{ids} all {what} {year}: give one report per year").format(
                        ids=", ".join(ids), what=what, year=year
                    ),
                    exit_code=2,
                )


def _year_key(y: ReportYear) -> int:
    if y.reviewed is not None:
        return y.reviewed
    return (y.delivered or 0) - 1


def _point(r: Report, key: str, q: Quantity, year: int, role: str, factor: float) -> Point:
    if q.unit == "%":
        scale = 1.0
    else:
        scale = to_dimension_base(q.unit) / factor
    value = q.sign * q.value * scale
    high = q.high * scale if q.high is not None else None
    return Point(
        year=year,
        role=role,
        text=q.text,
        value=value,
        high=high,
        qualifiers=q.qualifiers,
        indicator=q.indicator,
        report=key,
        start=q.span.start,
        end=q.span.end,
        sentence=_sentence(r.text, q.span.start, q.span.end),
    )
