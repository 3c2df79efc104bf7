"""Command palette provider: jump to section …, export, numbers view, layers, themes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from reportdiff.core.i18n import _
from reportdiff.tui.highlights import LAYER_LABELS
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

if TYPE_CHECKING:
    from reportdiff.tui.app import ReportDiffApp


class ReportCommands(Provider):
    """reportdiff's own commands for the Ctrl+P palette."""

    def _commands(self) -> list[tuple[str, Callable[[], None], str]]:
        app: ReportDiffApp = self.app  # type: ignore[assignment]
        reader = app.reader
        out: list[tuple[str, Callable[[], None], str]] = [
            (_("Export comparison as Markdown"), app.action_export, _("write <ids>.md")),
            (_("Numbers view"), reader.action_numbers, _("table of every number pair")),
            (
                _("Targets against results"),
                app.action_targets,
                _("T: oldest report's targets"),
            ),
            (
                _("Open another report"),
                partial(app.action_pick_report, "open"),
                _("a: in a new pane, chosen from the library"),
            ),
            (
                _("Swap this pane's report"),
                partial(app.action_pick_report, "swap"),
                _("r: another report in the focused pane"),
            ),
            (
                _("Add a file to the library"),
                partial(app.action_pick_report, "open"),
                _("a, then type the file's path"),
            ),
            (
                _("Chart a term or an indicator"),
                app.action_chart,
                _("g: the selected term's rate across the reports; #name for an indicator"),
            ),
            (_("Help: list every key"), app.action_help, ""),
            (
                _("Word diff of the current paragraphs"),
                reader.action_diff_view,
                _("one above the other, changes marked"),
            ),
            (_("Switch the base of changes"), reader.action_switch_base, _("next report")),
        ]
        for layer, label in LAYER_LABELS.items():
            out.append(
                (
                    _("Toggle layer: {label}").format(label=_(label)),
                    partial(reader.action_toggle_layer, layer),
                    "",
                )
            )
        for name in sorted(app.available_themes):
            out.append(
                (_("Theme: {name}").format(name=name), partial(setattr, app, "theme", name), "")
            )
        ids = [r.meta.id for r in reader.reports]
        for i, a in enumerate(reader.anchors):
            if a.kind != "section":
                continue
            # Every report's heading is offered: a reader of the second report searches
            # by its words (优存量), not by the first report's.
            seen: dict[str, list[str]] = {}
            for report_id, lab in zip(ids, a.labels, strict=False):
                if lab:
                    seen.setdefault(lab, []).append(report_id)
            for lab, where in seen.items():
                out.append(
                    (
                        _("Jump to section: {heading}").format(heading=lab),
                        partial(reader.go_to_anchor, i),
                        ", ".join(where),
                    )
                )
        return out

    async def discover(self) -> Hits:
        """Offer the main commands before the user types."""
        for name, callback, help_text in self._commands()[:6]:
            yield DiscoveryHit(name, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        """Fuzzy-match the query against every command."""
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, _highlight(matcher, name), callback, text=name, help=help_text or None
                )


def _highlight(matcher: Matcher, name: str) -> Content:
    """Like ``Matcher.highlight`` but never reads the name as markup (headings are data)."""
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content
