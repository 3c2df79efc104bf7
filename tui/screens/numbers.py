"""NumbersScreen: every number pair in a sortable table; Enter jumps to its paragraphs."""

from __future__ import annotations

from typing import ClassVar

from reportdiff.core.analysis.export_format import (
    approximate_pair,
    delta_text,
    indicator_label,
    quantity_label,
    scope_label,
)
from reportdiff.core.comparison import Comparison, NumberPair, Quantity
from reportdiff.core.i18n import N_, _
from reportdiff.core.model import shown_id
from reportdiff.tui.highlights import format_pct
from reportdiff.tui.idtails import distinct_tails
from reportdiff.tui.localize import localize_bindings
from reportdiff.tui.widgets.fitted_table import FittedTable
from reportdiff.tui.widgets.footer import SteadyFooter
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Static

SORT_KEYS = ("order", "indicator", "unit", "pct", "status")
"""What ``s`` cycles through. There is no sort by raw Δ across units: +94台 is not more
than +11.49亿元, so Δ is compared only within a unit ("unit") or as Δ% ("pct")."""

SORT_LABELS = {
    "order": N_("reading order ↓"),
    "indicator": N_("indicator by pinyin A→Z ↓"),
    "unit": N_("unit (grouped), then |Δ| largest first ↓"),
    "pct": N_("|Δ%| largest first ↓"),
    "status": N_("status ≠ = ∅ ↓"),
}
"""The sort key and its direction, as the header says it."""

STATUS_MARKS = {"changed": "≠", "same": "=", "only": "∅"}
"""One-cell status marks, so the column fits at 80 columns (it showed ``cha``)."""


def _value_text(q: Quantity | None) -> str:
    """A figure with its 约/左右 and, when it is not a plain result, its scope: 8%左右·目标."""
    if q is None:
        return "—"
    scope = scope_label(q)
    return quantity_label(q) + (f"·{scope}" if scope else "")


def pinyin_key(text: str) -> tuple[list[str], str]:
    """Sort key putting Chinese in pinyin order (耕地 before 农业 before 投资), as a Chinese
    index is ordered; code points order by radical and stroke. Tones break ties (tone 5:
    neutral), then the text itself; letters and digits keep their own spelling.
    """
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True)
    return [s.lower() for s in syllables], text


class NumbersScreen(Screen[NumberPair | None]):
    """A DataTable of number pairs: indicator, each report's value, Δ, Δ%, status."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f",
            "toggle_filter",
            N_("Changed only"),
            id="numbers-filter",
            tooltip=N_("Show only changed numbers, or all"),
        ),
        Binding(
            "s",
            "cycle_sort",
            N_("Sort"),
            id="numbers-sort",
            tooltip=N_("Sort by reading order, indicator, unit then Δ, Δ% or status"),
        ),
        Binding(
            "escape,v,q", "close", N_("Back"), id="numbers-close", tooltip=N_("Back to the reports")
        ),
        Binding(
            "enter", "jump", N_("Go to paragraph"), id="numbers-jump", show=True, priority=True
        ),
    ]

    DEFAULT_CSS = """
    NumbersScreen DataTable {
        height: 1fr;
    }
    NumbersScreen #numbers-status {
        height: auto;
        background: $panel;
    }
    """

    changed_only: reactive[bool] = reactive(False)
    """Show only pairs whose value changed."""
    sort_key: reactive[str] = reactive("order")
    """Column the rows are sorted by (see SORT_KEYS)."""

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        localize_bindings(self)
        self.comparison = comparison
        self._shown: list[NumberPair] = []

    def compose(self) -> ComposeResult:
        yield Static(id="numbers-status")
        yield FittedTable(id="numbers-table")
        yield SteadyFooter()

    def on_mount(self) -> None:
        table = self.query_one(FittedTable)
        ids = [shown_id(r.meta) for r in self.comparison.reports]
        # Indicators can be long (为中小微企业及个体工商户减免各类房屋租金), and so can a
        # value with its scope (13．65万亿元·目标): these wrap, widest first, so Δ, Δ% and
        # the status stay whole and on screen at 80 columns.
        flexible = range(len(ids) + 1)
        labels = [_("indicator"), *ids, "Δ", "Δ%", _("st")]
        # national-2002, national-2003 … cut to a narrow column read national-2 each: a
        # header too wide shows what sets the reports apart (…2002, …2003).
        short = [labels[0], *distinct_tails(ids), *labels[len(ids) + 1 :]]
        table.set_columns(labels, flexible=flexible, short=short)
        self._fill()
        table.focus()

    @staticmethod
    def _value_cells(pair: NumberPair) -> list[Text]:
        """Every cell but the indicator: each report's value, Δ, Δ%, status mark."""
        styles = {"changed": "bold", "same": "", "only": "italic dim"}
        # ≈ beside the Δ and Δ% of a bound (突破3万亿元): not a measured change.
        near = "≈" if approximate_pair(pair) else ""
        delta, pct = delta_text(pair), format_pct(pair.pct)
        if pair.status == "same":
            # As the Markdown export: a figure that did not change says so, not "+0公里".
            delta, pct = _("unchanged"), ("" if pair.pct is None else "0%")
        # Cells are Text, not str: a str cell would be parsed as markup.
        return [
            *(Text(_value_text(q)) for q in pair.values),
            Text(near + delta if delta else "", justify="right"),
            Text(near + pct if pct else "", justify="right"),
            Text(STATUS_MARKS.get(pair.status, pair.status), style=styles.get(pair.status, "")),
        ]

    def _rows(self) -> list[NumberPair]:
        pairs = list(self.comparison.numbers)
        if self.changed_only:
            pairs = [p for p in pairs if p.status == "changed"]
        if self.sort_key == "indicator":
            # Unnamed rows last: they have no name to look up.
            pairs.sort(key=lambda p: (not p.indicator, pinyin_key(p.indicator)))
        elif self.sort_key == "unit":
            pairs.sort(key=lambda p: (p.delta is None, p.unit, -abs(p.delta or 0.0)))
        elif self.sort_key == "pct":
            pairs.sort(key=lambda p: (p.pct is None, -abs(p.pct or 0.0)))
        elif self.sort_key == "status":
            order = {"changed": 0, "same": 1, "only": 2}
            pairs.sort(key=lambda p: order.get(p.status, 3))
        return pairs

    def _fill(self) -> None:
        self._shown = self._rows()
        self.query_one(FittedTable).set_rows(
            [
                (
                    Text(
                        indicator_label(pair), style="" if pair.indicator.strip() else "dim italic"
                    ),
                    *self._value_cells(pair),
                )
                for pair in self._shown
            ]
        )
        total = len(self.comparison.numbers)
        what = _("changed only") if self.changed_only else _("all")
        if self._shown:
            first = _("{shown} of {total} pairs ({what}) · sorted by {sort}").format(
                shown=len(self._shown),
                total=total,
                what=what,
                sort=_(SORT_LABELS[self.sort_key]),
            )
        elif total:
            # An empty table alone reads as a failure: say why it is empty and how back.
            first = _("No figure changed between these reports · f shows all {total}").format(
                total=total
            )
        else:
            first = _("No figures: the engine read no figure it could compare in these reports")
        self.query_one("#numbers-status", Static).update(
            Text(
                " "
                + first
                + "\n "
                + _("st: ≠ changed  = same  ∅ unpaired · f filter · s sort · Enter go · Esc back")
            )
        )

    def watch_changed_only(self) -> None:
        if self.is_mounted:
            self._fill()

    def watch_sort_key(self) -> None:
        if self.is_mounted:
            self._fill()

    def action_toggle_filter(self) -> None:
        """Show only changed pairs, or all."""
        self.changed_only = not self.changed_only

    def action_cycle_sort(self) -> None:
        """Sort by the next key."""
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Clicking a header sorts by it where that makes sense."""
        label = str(event.label)
        self.sort_key = {
            _("indicator"): "indicator",
            "Δ": "unit",
            "Δ%": "pct",
            _("st"): "status",
        }.get(label, "order")

    def action_jump(self) -> None:
        """Back to the reader at the highlighted pair's paragraphs."""
        table = self.query_one(FittedTable)
        if self._shown and 0 <= table.cursor_row < len(self._shown):
            self.dismiss(self._shown[table.cursor_row])

    def action_close(self) -> None:
        """Back to the reader where it was."""
        self.dismiss(None)
