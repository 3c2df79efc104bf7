"""Highlight layers from a Comparison: marks and badges per report, by layer.

Layers: ``shared`` (shared phrases; distinctive ones styled stronger than boilerplate),
``changed`` (numbers that changed, with a badge showing the counterpart value and Δ%),
``same`` (numbers that stayed the same), ``unique`` (text found in one report only) and
``edits`` (words inserted, deleted or replaced inside paired paragraphs, against a base).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportdiff.core.i18n import N_
from reportdiff.tui.layout import Badge, Mark

if TYPE_CHECKING:
    from reportdiff.core.comparison import Comparison, NumberPair

LAYERS: tuple[str, ...] = ("shared", "changed", "same", "unique", "edits")
"""Layer names, in the order of their toggle keys 1–5."""

LAYER_LABELS: dict[str, str] = {
    "shared": N_("shared phrases"),
    "changed": N_("changed numbers"),
    "same": N_("same numbers"),
    "unique": N_("only in one report"),
    "edits": N_("changes inside paragraphs"),
}
"""Each layer in words (English; shown through ``_()``)."""

SAME_BADGE = "⟨=⟩"
"""Badge after a number that is the same in the other reports."""

DISTINCTIVE = 0.5
"""Shared phrases at or above this distinctiveness are styled as distinctive."""


@dataclass(frozen=True)
class PaneHighlights:
    """What one pane shows for the enabled layers."""

    marks: list[Mark]
    badges: list[Badge]


def format_pct(pct: float | None) -> str:
    """``+8.0%`` style, or '' when there is no percentage."""
    return "" if pct is None else f"{pct:+.1f}%"


def number_badge(pair: NumberPair, pane: int) -> str:
    """The inline badge after a changed number: the other reports' values and Δ%.

    ``←`` points at an earlier report's value, ``→`` at a later one's.

    >>> from reportdiff.core.comparison import NumberPair, Quantity
    >>> from reportdiff.core.model import Span
    >>> q = lambda t: Quantity(t, Span(0, len(t)), 0.0, "元", (), "收入", None, False)
    >>> p = NumberPair("收入", "changed", (q("143.5亿元"), q("155亿元")), 11.5, 8.01, "亿元")
    >>> number_badge(p, 1)
    '⟨←143.5亿元 +8.0%⟩'
    >>> r = NumberPair("增速", "changed", (q("0.3%"), q("8%")), 7.7, None, "个百分点")
    >>> number_badge(r, 1)
    '⟨←0.3% +7.7个百分点⟩'
    """
    # Imported here: the badges come with the comparison, after the first frame, and the
    # export module would bring the comparison model into the reader's start-up.
    from reportdiff.core.analysis.export_format import change_label, quantity_label

    others = [
        ("←" if j < pane else "→") + quantity_label(q)
        for j, q in enumerate(pair.values)
        if j != pane and q is not None
    ]
    # Δ% (a rate's change in 个百分点), ≈ when a figure is a bound: 突破3万亿元 → 3.93万亿元.
    change = change_label(pair)
    return "⟨" + " ".join([*others, change] if change else others) + "⟩"


def pane_highlights(
    cmp: Comparison, pane: int, enabled: frozenset[str], *, base: int = 0
) -> PaneHighlights:
    """Marks and badges for report ``pane`` with the ``enabled`` layers.

    Args:
        cmp: The comparison.
        pane: Index of the report.
        enabled: Names from :data:`LAYERS` that are switched on.
        base: The report the ``edits`` layer measures changes against.
    """
    marks, badges = pane_layers(cmp, pane, enabled, base=base)
    # Copies: the caller may extend them.
    return PaneHighlights(list(marks), list(badges))


def pane_layers(
    cmp: Comparison, pane: int, enabled: frozenset[str], *, base: int = 0
) -> tuple[list[Mark], list[Badge]]:
    """What :func:`pane_highlights` gives, as the memo's own lists: the same lists for the
    same layers (so the pane indexes them once), which must not be mutated.
    """
    key = (pane, "all", frozenset(enabled) | {f"base={base}"})
    whole = _whole.get(key) if _memo_of and _memo_of[0] is cmp else None
    if whole is None:
        marks: list[Mark] = []
        badges: list[Badge] = []
        for layer in ("edits", "unique", "shared", "numbers"):
            part_marks, part_badges = _layer_part(cmp, pane, layer, enabled, base)
            marks.extend(part_marks)
            badges.extend(part_badges)
        # Apply weaker layers first so stronger ones win where they overlap (a stable
        # sort: within a style, the order above).
        marks.sort(key=lambda m: _ORDER.get(m.style, 99))
        whole = _whole[key] = (marks, badges)
    return whole


def pane_layer_parts(
    cmp: Comparison, pane: int, enabled: frozenset[str], *, base: int = 0
) -> list[tuple[list[Mark], list[Badge]]]:
    """The parts :func:`pane_layers` merges, one a layer, as the memo's own lists.

    Their marks are applied in :func:`mark_order`, then in the order of the parts, then
    in each part's order: the order of :func:`pane_layers`, without merging and sorting
    every mark at a toggle (a pane finds each part's marks by its own index).
    """
    return [
        _layer_part(cmp, pane, layer, enabled, base)
        for layer in ("edits", "unique", "shared", "numbers")
    ]


def mark_order(style: str) -> int:
    """Rank of a layer mark's style: weaker layers first, so stronger ones are drawn over."""
    return _ORDER.get(style, 99)


_ORDER = {
    name: i
    for i, name in enumerate(
        ("unique", "boilerplate", "distinct", "deleted", "inserted", "same", "changed")
    )
}

_memo: dict[tuple[int, str, bool, bool, int], tuple[list[Mark], list[Badge]]] = {}
_whole: dict[tuple[int, str, frozenset[str]], tuple[list[Mark], list[Badge]]] = {}
_NONE: tuple[list[Mark], list[Badge]] = ([], [])
"""A layer switched off (shared, never to be mutated: the same lists at every toggle)."""
_memo_of: list[object] = []
"""The comparison :data:`_memo` belongs to (held, so its id cannot be reused)."""


def _layer_part(
    cmp: Comparison, pane: int, layer: str, enabled: frozenset[str], base: int
) -> tuple[list[Mark], list[Badge]]:
    """One layer's marks and badges for a pane, built once per comparison.

    Toggling a layer or stepping to the next change used to rebuild every mark of every
    layer (hundreds of thousands on long reports); each part depends only on the
    comparison, the pane, the layer (and for numbers which of changed/same are on, for
    edits the base), so it is kept until another comparison arrives.
    """
    if not _memo_of or _memo_of[0] is not cmp:
        _memo.clear()
        _whole.clear()
        _memo_of[:] = [cmp]
    changed, same = "changed" in enabled, "same" in enabled
    if layer == "numbers":
        key = (pane, layer, changed, same, 0)
    elif layer not in enabled:
        return _NONE
    else:
        key = (pane, layer, False, False, base if layer == "edits" else 0)
    part = _memo.get(key)
    if part is None:
        part = _memo[key] = _build_part(cmp, pane, layer, changed, same, base)
    return part


def _build_part(
    cmp: Comparison, pane: int, layer: str, changed: bool, same: bool, base: int
) -> tuple[list[Mark], list[Badge]]:
    marks: list[Mark] = []
    badges: list[Badge] = []
    if layer == "edits":
        from reportdiff.tui.changes import change_marks, insert_carets

        marks.extend(change_marks(cmp, pane, base))
        badges.extend(insert_carets(cmp, pane, base))
    elif layer == "unique":
        if pane < len(cmp.unique):
            marks.extend(Mark(s.start, s.end, "unique") for s in cmp.unique[pane])
    elif layer == "shared":
        for ph in cmp.phrases:
            if pane >= len(ph.spans):
                continue
            style = "distinct" if ph.distinctiveness >= DISTINCTIVE else "boilerplate"
            marks.extend(Mark(s.start, s.end, style) for s in ph.spans[pane])
    else:
        for pair in cmp.numbers:
            q = pair.values[pane] if pane < len(pair.values) else None
            if q is None:
                continue
            if pair.status == "changed" and changed:
                marks.append(Mark(q.span.start, q.span.end, "changed"))
                if sum(v is not None for v in pair.values) > 1:
                    badges.append(
                        Badge(q.span.end, number_badge(pair, pane), "badge", q.span.start)
                    )
            elif pair.status == "same" and same:
                marks.append(Mark(q.span.start, q.span.end, "same"))
                if sum(v is not None for v in pair.values) > 1:
                    # A mark, not only a colour: an unchanged number reads 16公里⟨=⟩.
                    badges.append(Badge(q.span.end, SAME_BADGE, "badge", q.span.start))
    return marks, badges


def layer_counts(cmp: Comparison, *, base: int = 0) -> dict[str, int]:
    """How many items each layer has (for the legend); edits are counted against ``base``."""
    from reportdiff.tui.changes import count_changes

    return {
        "edits": count_changes(cmp, base),
        "shared": len(cmp.phrases),
        "changed": sum(p.status == "changed" for p in cmp.numbers),
        "same": sum(p.status == "same" for p in cmp.numbers),
        "unique": sum(len(u) for u in cmp.unique),
    }
