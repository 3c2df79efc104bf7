"""Legend: one status line explaining each highlight layer, its key and whether it is on."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from reportdiff.core.i18n import N_, _
from reportdiff.tui.highlights import LAYERS
from reportdiff.tui.widgets.mark_styles import MarkStyles
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget


class Form(NamedTuple):
    """How full one form of the legend line is."""

    gap: int
    """Cells between items; the full form (two) also puts a space before ✓/✗."""
    long_badge: bool
    """The changed sample's badge as ``⟨←old Δ%⟩`` rather than ``⟨Δ%⟩``."""
    badges: bool
    """Show the badge samples at all."""
    long_labels: bool
    """``only here`` rather than ``unique``."""


FORMS = (
    Form(gap=2, long_badge=True, badges=True, long_labels=True),
    Form(gap=1, long_badge=False, badges=True, long_labels=True),
    Form(gap=1, long_badge=False, badges=False, long_labels=True),
    Form(gap=1, long_badge=False, badges=False, long_labels=False),
)
"""The legend's one-line forms, fullest first: the first that fits is drawn. Every form
keeps every layer, its key, its count and whether it is on."""


class Legend(Widget):
    """Shows ``1 shared ✓ · 2 changed ⟨←…⟩ ✓ …`` with each sample in its layer's style.

    Before the comparison arrives it says ``analysing…`` instead.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"legend--key", "legend--off"}
    """Its own styles; each layer's sample is drawn in the panes' mark style, from the
    screen's :class:`~reportdiff.tui.widgets.mark_styles.MarkStyles` (mounted after the
    first frame: nothing but "analysing…" is shown before the comparison arrives)."""

    enabled: reactive[frozenset[str]] = reactive(frozenset(LAYERS))
    """Layers switched on."""
    counts: reactive[dict[str, int] | None] = reactive(None, layout=True)
    """Items per layer once the comparison is in; None while analysing."""
    edits_base: reactive[str] = reactive("", layout=True)
    """``vs <id>`` after the edits sample when changes are measured against a chosen base."""
    message: reactive[str] = reactive(N_("analysing… text is ready, highlights follow"))
    """Shown while :attr:`counts` is None (an English message, translated when drawn)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._marks: MarkStyles | None = None

    def use_mark_styles(self, holder: MarkStyles) -> None:
        """Draw the samples in ``holder``'s styles (given once it is mounted and styled)."""
        self._marks = holder
        self.refresh()

    def _mark(self, name: str) -> Style:
        """A pane mark style (``changed``, ``badge`` …), as the panes draw it."""
        return Style() if self._marks is None else self._marks.style(name)

    def render(self) -> Text:
        """The legend: one line where it fits, else its items wrapped onto more lines."""
        return Text("\n").join(self._lines(self.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as :meth:`_lines` needs at ``width`` (one unless it is narrow)."""
        return len(self._lines(width))

    def _lines(self, width: int) -> list[Text]:
        """The legend at ``width`` cells, measured with :func:`rich.cells.cell_len` (CJK is
        two wide): the fullest one-line form that fits, from :data:`FORMS`; where none fits
        (narrower than 80 columns, or beside the page note) a tight form's items are
        wrapped onto more lines, never split inside an item."""
        if self.counts is None:
            return [Text(" " + _(self.message), style="italic")]
        for form in FORMS:
            line = Text(" ") + Text(" " * form.gap).join(self._items(form))
            if width <= 0 or cell_len(line.plain) <= width:
                return [line]
        # Too narrow for one line: the fullest tight form that wraps onto two lines, else the
        # tightest on as many as it takes.
        for form in FORMS[1:]:
            lines = self._wrapped(form, width)
            if len(lines) <= 2:
                return lines
        return lines

    def _wrapped(self, form: Form, width: int) -> list[Text]:
        """``form``'s items on lines of ``width`` cells, never split inside an item."""
        lines = [Text(" ")]
        for item in self._items(form):
            last = lines[-1]
            if len(last) > 1 and cell_len(last.plain) + 1 + cell_len(item.plain) > width:
                lines.append(Text(" "))
                last = lines[-1]
            elif len(last) > 1:
                last.append(" ")
            last.append_text(item)
        return lines

    def _items(self, form: Form) -> list[Text]:
        """One item per layer: its key, its samples in the layer's style, its count, ✓/✗."""
        style = self.get_component_rich_style
        counts = self.counts or {}
        badge = _("⟨←old Δ%⟩") if form.long_badge else "⟨Δ%⟩"
        samples: dict[str, list[tuple[str, str]]] = {
            "shared": [(_("shared"), "distinct"), ("/", ""), (_("common"), "boilerplate")],
            "changed": [(_("changed"), "changed")] + ([(badge, "badge")] if form.badges else []),
            "same": [(_("same"), "same")] + ([("⟨=⟩", "badge")] if form.badges else []),
            "unique": [(_("only here") if form.long_labels else _("unique"), "unique")],
            "edits": [(_("added"), "inserted"), ("/", ""), (_("dropped"), "deleted")],
        }
        items = []
        for i, layer in enumerate(LAYERS, start=1):
            on = layer in self.enabled
            out = Text()
            out.append(f"{i}", style=style("legend--key"))
            out.append(" ")
            for text, mark in samples[layer]:
                if not on:
                    out.append(text, style=style("legend--off"))
                elif mark:
                    out.append(text, style=self._mark(mark))
                else:
                    out.append(text)
            if layer == "edits" and self.edits_base:
                out.append(f" {self.edits_base}", style="italic")
            out.append(f" {counts.get(layer, 0)}", style="dim")
            mark_on = "✓" if on else "✗"
            out.append(f" {mark_on}" if form.gap > 1 else mark_on, style="bold" if on else "dim")
            items.append(out)
        return items
