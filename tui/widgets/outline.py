"""AlignmentOutline: a Tree with one row per aligned section, its headings and score."""

from __future__ import annotations

from dataclasses import dataclass

from reportdiff.core.i18n import _
from reportdiff.tui.localize import localize_bindings
from reportdiff.tui.navigation import Anchor
from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

BAR_CELLS = 4
_EIGHTHS = " ▏▎▍▌▋▊▉"


def score_bar(score: float) -> str:
    """A bar of :data:`BAR_CELLS` cells in eighths, so 0.25, 0.34 and 0.5 look different."""
    eighths = round(max(0.0, min(1.0, score)) * BAR_CELLS * 8)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + (_EIGHTHS[rest] if rest else "")
    return bar.ljust(BAR_CELLS, "·")


def score_badge(score: float | None) -> Text:
    """The similarity as a number (0.35) plus a fine bar: the number tells 0.34 from 0.35."""
    if score is None:
        return Text("")
    return Text(f"{score:.2f} {score_bar(score)} ", style="dim")


def _first_clause(heading: str) -> str:
    """A heading up to its first comma: 抓纾困促重振,区域经济运行回稳向好 → 抓纾困促重振."""
    for sep in ("，", ",", "；", "："):
        head, found, _rest = heading.partition(sep)
        if found and head:
            return head
    return heading


def anchor_label(anchor: Anchor, ids: tuple[str, ...], room: int | None = None) -> Text:
    """An outline label: the "only in"/"not in" mark, the score, then every heading.

    The mark comes first so a narrow outline can never cut it off; a row only one report
    has shows ``only in <id>`` instead of a score (the engine's 1.0 for a single node is
    not agreement). Headings of the reports follow, joined by ``⇄`` (identical headings
    once); when they do not fit in ``room`` cells each is cut to its first clause, so
    every report's heading stays visible. Built from plain strings: headings are report
    text, never markup.
    """
    present = [(ids[i], lab) for i, lab in enumerate(anchor.labels) if lab is not None]
    aligned = anchor.score is not None and len(anchor.labels) > 1
    if aligned and len(present) == 1:
        label = Text("∅ " + _("only in {id}").format(id=present[0][0]) + " ", style="bold italic")
        label.append(present[0][1] or "…")
        return label
    label = Text()
    if aligned and len(present) < len(anchor.labels):
        missing = [ids[i] for i, lab in enumerate(anchor.labels) if lab is None]
        label.append(
            "∅ " + _("not in {ids}").format(ids=", ".join(missing)) + " ", style="bold italic"
        )
    label.append_text(score_badge(anchor.score))
    texts: list[str] = []
    for _id, lab in present:
        if lab and lab not in texts:
            texts.append(lab)
    full = label.copy()
    full.append(" ⇄ ".join(texts) or "…")
    if anchor.moved:
        full.append(" ↕" + _("moved"), style="italic")
    if room is None or full.cell_len <= room or len(texts) < 2:
        return full
    label.append(" ⇄ ".join(_first_clause(t) for t in texts))
    if anchor.moved:
        label.append(" ↕" + _("moved"), style="italic")
    return label


class AlignmentOutline(Tree[int]):
    """The outline of aligned sections; each node's data is its anchor index."""

    @dataclass
    class AnchorChosen(Message):
        """The user selected an outline row: bring every pane to it."""

        anchor: int

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, compared: bool = True
    ) -> None:
        """Create the outline; ``compared``: False with one report (no scores, no ∅ marks)."""
        super().__init__(_("sections"), id=id, classes=classes)
        localize_bindings(self)
        self.show_root = False
        if compared:
            self.border_title = _("outline · similarity 0–1")
            self.border_subtitle = _("∅ only in / not in a report")
        else:
            self.border_title = _("outline")
        self.guide_depth = 2
        self._by_anchor: dict[int, TreeNode[int]] = {}
        self._anchors: list[Anchor] = []
        self._ids: tuple[str, ...] = ()
        self._depth: dict[int, int] = {}

    def show_anchors(self, anchors: list[Anchor], ids: tuple[str, ...]) -> None:
        """Rebuild the tree from the section anchors (paragraph rows are not listed)."""
        self.clear()
        self._by_anchor = {}
        self._anchors, self._ids, self._depth = anchors, ids, {}
        stack: list[tuple[int, TreeNode[int]]] = [(-1, self.root)]
        for i, a in enumerate(anchors):
            if a.kind != "section":
                continue
            while len(stack) > 1 and stack[-1][0] >= a.depth:
                stack.pop()
            self._depth[i] = len(stack) - 1
            node = stack[-1][1].add(self._label(i), data=i, expand=True)
            self._by_anchor[i] = node
            stack.append((a.depth, node))
        for node in list(self._by_anchor.values()):
            if not node.children:
                node.allow_expand = False

    def _label(self, index: int) -> Text:
        # The tree draws guides (4 cells a level) left of the label, plus the expand icon.
        room = self.scrollable_content_region.width - 4 * self._depth.get(index, 0) - 3
        return anchor_label(self._anchors[index], self._ids, room if room > 8 else None)

    def on_resize(self) -> None:
        """Re-label for the new width: full headings when they fit, first clauses if not."""
        for index, node in self._by_anchor.items():
            node.set_label(self._label(index))

    def on_tree_node_selected(self, event: Tree.NodeSelected[int]) -> None:
        """Turn a selection into an :class:`AnchorChosen` message."""
        event.stop()
        if event.node.data is not None:
            self.post_message(self.AnchorChosen(event.node.data))

    def follow(self, anchor: int) -> None:
        """Move the cursor to the section containing ``anchor`` without selecting it."""
        candidates = [i for i in self._by_anchor if i <= anchor]
        if candidates:
            node = self._by_anchor[max(candidates)]
            self.move_cursor(node)
