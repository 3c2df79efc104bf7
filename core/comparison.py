"""Values the comparison engine produces: aligned rows, quantities, number pairs, phrases.

These are the contract between the engine (align, numbers, phrases), the exports and
the TUI. Reports are referred to by their index in :attr:`Comparison.reports`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportdiff.core.model import Report, Span

NodeKind = Literal["section", "paragraph"]
PairStatus = Literal["changed", "same", "only"]
ChangeOp = Literal["insert", "delete", "replace"]


@dataclass(frozen=True)
class NodeRef:
    """One report's node in an aligned row: a section or a block (paragraph/highlights)."""

    kind: NodeKind
    """``section`` or ``paragraph`` (a block of either kind)."""
    path: tuple[int, ...]
    """Section path in :meth:`Report.walk` order; for a block, the section path plus the
    block index as last element (preamble blocks: ``(block index,)`` with ``preamble=True``)."""
    label: str
    """The heading of a section, or the lead phrase of a block ('' when it has none)."""
    span: Span
    """The whole node in the report text."""
    label_span: Span | None
    """Where :attr:`label` is in the report text, if it is there."""
    preamble: bool = False
    """True for a block of the report's preamble."""


@dataclass(frozen=True)
class TextChange:
    """Text inserted, deleted or replaced between two paired paragraphs.

    Offsets are absolute, into each report's text. An ``insert`` has an empty
    :attr:`base` span at the insertion point, a ``delete`` an empty :attr:`other` span,
    so both sides always say where the change stands.
    """

    op: ChangeOp
    """``insert`` (text only in the other), ``delete`` (only in the base) or ``replace``."""
    base: Span
    """The changed text in the base report (empty for an insert)."""
    other: Span
    """The changed text in the other report (empty for a delete)."""


@dataclass(frozen=True)
class PairChanges:
    """How the paragraph of report :attr:`other` differs from that of report :attr:`base`."""

    base: int
    """Index of the report the changes are measured from."""
    other: int
    """Index of the report compared with it."""
    changes: tuple[TextChange, ...]
    """In text order (the same order on both sides); empty when the texts are equal."""
    rewritten: bool = False
    """True when the texts differ too much for word marks: one ``replace`` of the whole."""


@dataclass(frozen=True)
class AlignedRow:
    """Counterpart nodes across the compared reports, with how well they match."""

    kind: NodeKind
    """Whether the row aligns sections or paragraphs."""
    nodes: tuple[NodeRef | None, ...]
    """One entry per report in comparison order; None where the report has no counterpart."""
    score: float
    """Combined similarity in ``[0, 1]`` (1.0 for a row with a single node)."""
    heading_score: float
    """Similarity of headings / lead phrases in ``[0, 1]``."""
    body_score: float
    """Similarity of body text in ``[0, 1]``."""
    moved: bool = False
    """True when the counterparts stand in a different order than their neighbours'."""
    children: tuple[AlignedRow, ...] = ()
    """Rows for sub-sections and paragraphs inside this row's sections."""
    changes: tuple[PairChanges, ...] = ()
    """For a paragraph row: the in-paragraph changes of every pair of reports present
    (``base < other``); see :func:`reportdiff.core.analysis.changes.changes_between`."""
    strays: tuple[int, ...] = ()
    """Reports whose node here shares no topic of its own with any other node of the row:
    paragraphs, or an untitled passage (各位代表！…) and a section, on unlike lead phrases and
    bodies (:mod:`reportdiff.core.analysis.alignevidence`); both nodes of such a pair. Unless
    a number pair joins a stray to another node of the row,
    :func:`~reportdiff.core.analysis.compare.compare` shows it apart
    (:mod:`reportdiff.core.analysis.alignsplit`)."""
    kept_scores: tuple[float, float, float] | None = None
    """For a row of three or more nodes with strays and at least two other nodes: the
    (score, heading, body) of those others alone, which the row has once the strays part."""

    @property
    def topical(self) -> bool:
        """Whether every node of the row shares a topic with another (no :attr:`strays`)."""
        return not self.strays


@dataclass(frozen=True)
class Quantity:
    """A number printed in a report, with its unit, magnitude, qualifiers and indicator."""

    text: str
    """The quantity as printed, e.g. ``154.99亿元`` or ``1.7个百分点``."""
    span: Span
    """Where :attr:`text` is in the report text."""
    value: float
    """The value in base units (``154.99亿元`` → 15_499_000_000.0 with unit 元)."""
    unit: str
    """The base unit: 元, 美元, %, 个百分点, 平方米, 个, 张 … ('' for a bare count)."""
    qualifiers: tuple[str, ...]
    """Words that change the number's meaning: 约 超 近 以上 左右 累计 新增 同比增长 预计 目标 …"""
    indicator: str
    """The words saying what is counted, e.g. 区级财政收入, 公共充电桩."""
    indicator_span: Span | None
    """Where the indicator words are in the report text, if contiguous there."""
    is_target: bool
    """True for a goal or forecast (目标, 预计, 力争, 左右 in a task part) rather than a result."""
    block: tuple[int, ...] | None = None
    """Path of the block it stands in (section path + block index), if known."""
    sign: int = 1
    """-1 for a decrease (下降2%, 减少290万, 降低0.3个百分点), else 1: the change is
    ``sign * value``. A level reached (由A下降到B: B) keeps 1."""
    low: float | None = None
    """For a range (6%－6.5%, 3000-3500万吨): its lower end in base units (= :attr:`value`)."""
    high: float | None = None
    """For a range: its upper end in base units; None for a single figure."""
    period: str = ""
    """What span of time it covers: ``year`` (one year), ``years`` (a multi-year period:
    五年来, “十五”期间), ``average`` (年均, 平均每年), ``cumulative`` (累计), ``part`` (a part of
    a year: 1-11月, 上半年), or '' when the text does not say."""
    period_label: str = ""
    """The words that set :attr:`period` (年均, 1-11月, 过去五年, 2004年); '' when it is the
    part's default (a review speaks of the reviewed year)."""
    years: tuple[int, int] | None = None
    """For a multi-year figure, the first and last year of its span when stated."""
    year: int | None = None
    """For a one-year figure, which year when known."""
    role: str = ""
    """``result``, ``target`` (预期目标, 力争, 控制在 …), ``plan`` (a task or an amount to
    spend), ``forecast`` (预计), or '' when unknown."""
    stock: str = ""
    """``stock`` (a level: 累计, 年末, 余额), ``flow`` (an addition: 新增, 新建) or ''."""
    subject: str = ""
    """Whose figure it is, from subject words in the indicator: 城镇, 农村, 出口, 进出口 …
    (joined by + when several); '' when none."""
    is_change: bool = False
    """True for a change against an earlier figure (增长8%, 比上年增加1501亿元), False for a
    level (154.99亿元, 由A增至B's B)."""
    end: str = ""
    """In 由A增至B / 从A提高到B: ``from`` for A (the earlier value), ``to`` for B; else ''."""


@dataclass(frozen=True)
class NumberPair:
    """The same indicator measured in several reports."""

    indicator: str
    """A display name for the indicator (the first report's wording)."""
    status: PairStatus
    """``changed``, ``same``, or ``only`` (found in a single report)."""
    values: tuple[Quantity | None, ...]
    """One entry per report in comparison order."""
    delta: float | None
    """Last value minus first value in the display unit of the first, when units agree."""
    pct: float | None
    """Percentage change from first to last, when units agree and the first is non-zero."""
    unit: str
    """The display unit of :attr:`delta` (as printed in the first report, e.g. 亿元)."""


@dataclass(frozen=True)
class SharedPhrase:
    """A maximal run of text common to two or more of the compared reports."""

    text: str
    """The phrase as printed in the first report that has it."""
    spans: tuple[tuple[Span, ...], ...]
    """Per report (comparison order): where the phrase occurs; empty where it does not."""
    reports: tuple[int, ...]
    """Indices of the reports that contain it."""
    distinctiveness: float
    """In ``[0, 1]``: 1 for a phrase no other library report says; near 0 for boilerplate."""
    rank: int
    """1 = most worth a reader's eye; ties broken by length then order."""


@dataclass(frozen=True)
class Comparison:
    """Everything the engine computed about a set of reports."""

    reports: tuple[Report, ...]
    """The reports compared, in the order given."""
    alignment: tuple[AlignedRow, ...]
    """Top-level aligned rows in reading order."""
    numbers: tuple[NumberPair, ...]
    """Number pairs, in reading order of the first report that has each."""
    phrases: tuple[SharedPhrase, ...]
    """Shared phrases by rank."""
    unique: tuple[tuple[Span, ...], ...]
    """Per report: spans of text found in that report only (outside every shared phrase)."""
