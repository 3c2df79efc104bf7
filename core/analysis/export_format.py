"""What every export writes alike: report keys, escaped Markdown, safe CSV cells, and figures
as a reader should see them (with 约/左右, their scope words).

Used by the comparison's exports (:mod:`reportdiff.core.analysis.export`, export_json,
export_html), the terms', targets' and timeline's, and the reader's tables.
"""

from __future__ import annotations

import re

from reportdiff.core.comparison import Comparison, NumberPair, Quantity
from reportdiff.core.i18n import N_, _

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can
# start markup inside running text or a table cell (| ends a GFM cell, < opens HTML, &
# starts an entity). Report text never starts a line in our output (it always follows
# "| ", "- " or "「"), so line-start markers (- + 1.) need no escape, and ( ) only matter
# after a ] that is already escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


def md_escape(text: str) -> str:
    r"""Make report text inert in Markdown: escape markup characters, fold line breaks.

    >>> md_escape("见[附件](x) | *重点* #1 <b>")
    '见\\[附件\\](x) \\| \\*重点\\* \\#1 \\<b\\>'
    """
    text = re.sub(r"\s*[\r\n]+\s*", " ", text)
    return _MD_SPECIAL.sub(r"\\\1", text)


UNNAMED = N_("(unnamed)")
"""Shown for a figure whose sentence names no indicator (两年 "48个"), never a blank."""


def indicator_label(pair: NumberPair) -> str:
    """The pair's indicator for a reader's table: the placeholder when there is none."""
    return pair.indicator if pair.indicator.strip() else _(UNNAMED)


def report_keys(cmp: Comparison) -> list[str]:
    """A distinct key per report: its id, with ``#2``, ``#3`` … when an id repeats."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    for r in cmp.reports:
        n = seen.get(r.meta.id, 0) + 1
        seen[r.meta.id] = n
        keys.append(r.meta.id if n == 1 else f"{r.meta.id}#{n}")
    return keys


def _fmt_number(x: float | None, *, signed: bool = False, digits: int = 2) -> str:
    if x is None:
        return ""
    s = f"{x:+,.{digits}f}" if signed else f"{x:,.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def delta_text(pair: NumberPair) -> str:
    """Δ as a reader writes it, in the pair's unit: thousands grouped, never in exponent form
    (2002's 95933亿元 against 2003's 10.2万亿元 is +20,770亿元, not +2.077e+04亿元).

    >>> from reportdiff.core.model import Span
    >>> q = lambda t: Quantity(t, Span(0, len(t)), 0.0, "元", (), "国内生产总值", None, False)
    >>> delta_text(NumberPair("国内生产总值", "changed", (q("95933亿元"), q("10.2万亿元")), 20767.0, 21.6, "亿元"))
    '+20,767亿元'
    >>> delta_text(NumberPair("增速", "changed", (q("9.9%"), q("10.7%")), 0.8, None, "个百分点"))
    '+0.8个百分点'
    """
    return "" if pair.delta is None else f"{_fmt_number(pair.delta, signed=True)}{pair.unit}"


def _pct(x: float | None) -> str:
    # Always one decimal (+8.0%, as the TUI's badges show it): "+8%" reads as a round figure.
    return "" if x is None else f"{x:+,.1f}%"


def _round(x: float | None, digits: int) -> float | None:
    """JSON numbers without float noise (154.99 - 143.5 = 11.490000000000009)."""
    return None if x is None else round(x, digits)


# Qualifiers a reader must see beside a figure: 约 before it, 左右 after it (8%左右).
_SHOWN_BEFORE = (
    "约", "超", "近", "逾", "超过", "突破", "不低于", "不高于", "不少于", "不超过", "控制在",
)  # fmt: skip
_APPROXIMATE = frozenset(_SHOWN_BEFORE) | {"左右", "以上", "以内", "以下"}


def approximate(q: Quantity) -> bool:
    """A bound or a round figure (突破３万亿元, 26000多项, 8%左右): a change from or to it
    is only approximate."""
    return bool(_APPROXIMATE.intersection(q.qualifiers)) or "多" in q.text


def approximate_pair(pair: NumberPair) -> bool:
    """Whether a pair's change is only approximate: one of its figures is a bound or a
    round figure (突破３万亿元 → ３.９３万亿元 is not a rise of 31%)."""
    return any(q is not None and approximate(q) for q in pair.values)


def change_label(pair: NumberPair) -> str:
    """A changed pair's change as a reader sees it beside the figures: ``+8.0%``, a rate's
    ``+0.8个百分点`` (a change never goes without its unit), ``≈`` before either when a
    figure is a bound or round (:func:`approximate_pair`); '' for no change to show.

    >>> from reportdiff.core.model import Span
    >>> q = lambda t, *w: Quantity(t, Span(0, len(t)), 0.0, "元", w, "收入", None, False)
    >>> change_label(NumberPair("收入", "changed", (q("143.5亿元"), q("155亿元")), 11.5, 8.01, "亿元"))
    '+8.0%'
    >>> change_label(NumberPair("收入", "changed", (q("3万亿元", "突破"), q("3.93万亿元")), 0.93, 31.0, "万亿元"))
    '≈+31.0%'
    >>> change_label(NumberPair("增速", "changed", (q("9.9%"), q("10.7%")), 0.8, None, "个百分点"))
    '+0.8个百分点'
    """
    if pair.pct is not None:
        change = f"{pair.pct:+.1f}%"
    elif pair.delta is not None and pair.status == "changed":
        change = delta_text(pair)
    else:
        return ""
    return ("≈" if approximate_pair(pair) else "") + change


_SHOWN_AFTER = ("左右", "以上", "以内", "以下")


def quantity_label(q: Quantity) -> str:
    """A figure as a reader should see it in a table: with 约/超/近 and 左右/以上/以内.

    >>> from reportdiff.core.model import Span
    >>> quantity_label(Quantity("8%", Span(0, 2), 8.0, "%", ("增长", "左右"), "GDP", None, True))
    '8%左右'
    """
    before = "".join(w for w in _SHOWN_BEFORE if w in q.qualifiers)
    after = "".join(w for w in _SHOWN_AFTER if w in q.qualifiers and not q.text.endswith(w))
    return before + q.text + after


_PERIOD_NAMES = {"years": "多年", "average": "年均", "cumulative": "累计", "part": "部分月份"}
_ROLE_NAMES = {"target": "目标", "plan": "计划", "forecast": "预计"}


def scope_label(q: Quantity) -> str:
    """The scope words worth a reader's eye: 目标, 年均, 累计, 2004年 … ('' for a plain result).

    >>> from reportdiff.core.model import Span
    >>> scope_label(Quantity("8%", Span(0, 2), 8.0, "%", (), "GDP", None, True, role="target"))
    '目标'
    """
    words = []
    if q.period in _PERIOD_NAMES:
        words.append(q.period_label or _PERIOD_NAMES[q.period])
    if q.role in _ROLE_NAMES:
        words.append(_ROLE_NAMES[q.role])
    if q.end == "from":
        words.append("起点")
    return "·".join(words)


def csv_cell(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
