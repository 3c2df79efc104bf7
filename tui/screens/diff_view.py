"""DiffScreen: one aligned row's paragraphs one above the other, with the changes marked.

Like ``git diff --word-diff`` for Chinese: the base report's paragraph first, words it
lost struck through; then each other report's paragraph, words it added or replaced
bold and underlined. The changes are the engine's (:attr:`AlignedRow.changes`); this
screen only draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from reportdiff.core.i18n import N_, _
from reportdiff.tui.changes import DELETED, INSERTED, flat_rows, row_pairs
from reportdiff.tui.layout import _CONTROL
from reportdiff.tui.localize import localize_bindings
from reportdiff.tui.widgets.footer import SteadyFooter
from reportdiff.tui.widgets.mark_styles import MarkStyles
from reportdiff.tui.wrap import wrap_offsets
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

if TYPE_CHECKING:
    from reportdiff.core.comparison import AlignedRow, Comparison


class DiffText(Widget):
    """A paragraph wrapped by the Chinese line breaker, with marks drawn by offsets."""

    DEFAULT_CSS = """
    DiffText {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, text: str, marks: list[tuple[int, int, str]], styles: MarkStyles) -> None:
        super().__init__()
        # One for one (offsets hold): an ESC in report text must never reach the terminal.
        self.text = text.translate(_CONTROL)
        """The paragraph's text, plain (never markup), control characters shown as �."""
        self.marks = marks
        """``(start, end, mark style)`` in offsets into :attr:`text`."""
        self._styles = styles

    def _lines(self, width: int) -> list[tuple[int, int]]:
        return wrap_offsets(self.text, max(2, width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the wrapped lines."""
        return max(1, len(self._lines(width)))

    def render(self) -> Text:
        """The wrapped lines, each mark in its layer's style."""
        out = Text(no_wrap=True, overflow="crop")
        for k, (start, end) in enumerate(self._lines(self.content_region.width or 80)):
            if k:
                out.append("\n")
            line = Text(self.text[start:end])
            for lo, hi, name in self.marks:
                lo, hi = max(lo, start), min(hi, end)
                if lo < hi:
                    line.stylize(self._style(name), lo - start, hi - start)
            out.append_text(line)
        return out

    def _style(self, name: str) -> Style:
        return self._styles.style(name) if self._styles.is_mounted else Style()


class DiffScreen(Screen["int | None"]):
    """The focused view of one aligned paragraph row; dismisses with the row shown last."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j",
            "row(1)",
            N_("Next ¶"),
            id="diff-next-paragraph",
            tooltip=N_("Next paired paragraph"),
        ),
        Binding(
            "k",
            "row(-1)",
            N_("Prev ¶"),
            id="diff-prev-paragraph",
            show=False,
            tooltip=N_("Previous paired paragraph"),
        ),
        Binding(
            "d",
            "changed_row(1)",
            N_("Next changed ¶"),
            id="diff-next-change",
            tooltip=N_("Next paragraph with marked changes"),
        ),
        Binding(
            "D",
            "changed_row(-1)",
            N_("Prev changed ¶"),
            id="diff-prev-change",
            show=False,
            tooltip=N_("Previous paragraph with marked changes"),
        ),
        Binding(
            "b", "switch_base", N_("Base"), id="diff-switch-base", tooltip=N_("Next report as base")
        ),
        Binding(
            "escape,w,q",
            "close",
            N_("Back"),
            id="diff-close",
            tooltip=N_("Back to the reports at this row"),
        ),
    ]

    DEFAULT_CSS = """
    DiffScreen #diff-status {
        height: auto;
        background: $panel;
        padding: 0 1;
    }
    DiffScreen #diff-body {
        height: 1fr;
    }
    DiffScreen .diff-title {
        margin-top: 1;
        padding: 0 1;
        text-style: bold;
        color: $text-primary;
    }
    DiffScreen .diff-note {
        padding: 0 1;
        text-style: italic;
        color: $text-muted;
    }
    """

    row: reactive[int] = reactive(0, init=False)
    """Index of the shown row in :func:`~reportdiff.tui.changes.flat_rows`."""
    base: reactive[int] = reactive(0, init=False)
    """The report changes are measured against."""

    def __init__(self, comparison: Comparison, row: int, *, base: int = 0) -> None:
        super().__init__()
        localize_bindings(self)
        self.comparison = comparison
        self.rows = flat_rows(comparison)
        self._paired = [i for i, r in enumerate(self.rows) if self._is_paired(r)]
        start = next((i for i in self._paired if i >= row), self._paired[-1] if self._paired else 0)
        self.set_reactive(DiffScreen.row, start)
        self.set_reactive(DiffScreen.base, base)

    @staticmethod
    def _is_paired(row: AlignedRow) -> bool:
        return row.kind == "paragraph" and sum(n is not None for n in row.nodes) >= 2

    def compose(self) -> ComposeResult:
        yield MarkStyles(id="diff-mark-styles")
        yield Static(id="diff-status")
        yield VerticalScroll(id="diff-body")
        yield SteadyFooter()

    async def on_mount(self) -> None:
        await self._show()
        self.query_one("#diff-body").focus()

    async def watch_row(self) -> None:
        await self._show()

    async def watch_base(self) -> None:
        await self._show()

    def _status(self, row: AlignedRow) -> Text:
        ids = [r.meta.id for r in self.comparison.reports]
        position = self._paired.index(self.row) + 1 if self.row in self._paired else 0
        label = next((n.label for n in row.nodes if n is not None and n.label), "")
        text = Text(f"¶ {position}/{len(self._paired)}", style="bold")
        if label:
            text.append(f" · {label}")
        text.append(" · " + _("base {id}").format(id=ids[self.base]), style="italic")
        return text

    async def _show(self) -> None:
        body = self.query_one("#diff-body", VerticalScroll)
        status = self.query_one("#diff-status", Static)
        await body.remove_children()
        if not self._paired:
            status.update(Text(_("no paragraph is paired between these reports")))
            return
        row = self.rows[self.row]
        status.update(self._status(row))
        reports = self.comparison.reports
        styles = self.query_one(MarkStyles)
        widgets: list[Widget] = []
        base_node = row.nodes[self.base]
        pairs = row_pairs(row, self.base) if base_node is not None else []
        if base_node is None:
            widgets.append(
                Static(
                    Text(
                        _("{id} (base) has no paragraph here").format(id=reports[self.base].meta.id)
                    ),
                    classes="diff-note",
                )
            )
        else:
            deleted = [
                (c.base.start - base_node.span.start, c.base.end - base_node.span.start, DELETED)
                for p in pairs
                if not p.rewritten
                for c in p.changes
                if c.base
            ]
            widgets.append(
                Static(
                    Text("− " + _("{id} (base)").format(id=reports[self.base].meta.id)),
                    classes="diff-title",
                )
            )
            widgets.append(DiffText(reports[self.base].slice(base_node.span), deleted, styles))
        by_other = {p.other: p for p in pairs}
        for j, node in enumerate(row.nodes):
            if j == self.base or node is None:
                continue
            pair = by_other.get(j)
            title = Text(f"+ {reports[j].meta.id}")
            note = ""
            marks: list[tuple[int, int, str]] = []
            if pair is not None and pair.rewritten:
                note = _("rewritten: the two paragraphs share too little to mark words")
            elif pair is not None and not pair.changes:
                note = _("the same text as the base")
            elif pair is not None:
                ops = [c.op for c in pair.changes]
                title.append(
                    "  "
                    + _("{added} added · {dropped} dropped · {replaced} replaced").format(
                        added=ops.count("insert"),
                        dropped=ops.count("delete"),
                        replaced=ops.count("replace"),
                    ),
                    style="dim",
                )
                marks = [
                    (c.other.start - node.span.start, c.other.end - node.span.start, INSERTED)
                    for c in pair.changes
                    if c.other
                ]
            widgets.append(Static(title, classes="diff-title"))
            if note:
                widgets.append(Static(Text(note), classes="diff-note"))
            widgets.append(DiffText(reports[j].slice(node.span), marks, styles))
        await body.mount_all(widgets)
        body.scroll_home(animate=False)

    def action_row(self, direction: int) -> None:
        """Next/previous paired paragraph."""
        if self.row in self._paired:
            k = self._paired.index(self.row) + direction
            if 0 <= k < len(self._paired):
                self.row = self._paired[k]
                return
        self.notify(_("no more paired paragraphs that way"), timeout=2, markup=False)

    def _marked(self, index: int) -> bool:
        return any(p.changes and not p.rewritten for p in row_pairs(self.rows[index], self.base))

    def action_changed_row(self, direction: int) -> None:
        """Next/previous paired paragraph with marked changes against the base."""
        k = self._paired.index(self.row) if self.row in self._paired else -1
        k += direction
        while 0 <= k < len(self._paired):
            if self._marked(self._paired[k]):
                self.row = self._paired[k]
                return
            k += direction
        self.notify(_("no more changed paragraphs that way"), timeout=2, markup=False)

    def action_switch_base(self) -> None:
        """Measure against the next report."""
        self.base = (self.base + 1) % len(self.comparison.reports)

    def action_close(self) -> None:
        """Back to the reader, at the row shown here."""
        self.dismiss(self.row)
