"""AlignmentOutline: a Tree with one row per aligned section, its headings and score."""

from __future__ import annotations

from dataclasses import dataclass

from reportdiff.tui.navigation import Anchor
from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode


def score_badge(score: float | None) -> Text:
    """The score as a fixed-width percentage plus a bar, so agreement reads at a glance."""
    if score is None:
        return Text("")
    filled = round(score * 4)
    return Text(f"{round(score * 100):3d}% {'█' * filled}{'░' * (4 - filled)} ", style="dim")


def anchor_label(anchor: Anchor, ids: tuple[str, ...]) -> Text:
    """An outline label: score and bar, then the headings; ``∅`` for a lone node.

    A row only one report has shows ``∅`` instead of a score (the engine's 1.0 for a
    single node is not agreement) and ends with ``(only in <id>)``; the heading comes
    first so it survives a narrow outline. Built from plain strings: headings are
    report text, never markup.
    """
    present = [(ids[i], lab) for i, lab in enumerate(anchor.labels) if lab is not None]
    if anchor.score is not None and len(present) == 1 and len(anchor.labels) > 1:
        label = Text("  ∅  ---- ", style="dim")
        label.append(present[0][1] or "…")
        label.append(f" (only in {present[0][0]})", style="italic")
        return label
    label = score_badge(anchor.score)
    texts: list[str] = []
    for _id, lab in present:
        if lab and lab not in texts:
            texts.append(lab)
    label.append(" ⇄ ".join(texts) or "…")
    if anchor.moved:
        label.append(" ↕moved", style="italic")
    return label


class AlignmentOutline(Tree[int]):
    """The outline of aligned sections; each node's data is its anchor index."""

    @dataclass
    class AnchorChosen(Message):
        """The user selected an outline row: bring every pane to it."""

        anchor: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("sections", id=id)
        self.show_root = False
        self.border_title = "outline"
        self.border_subtitle = "∅ only in one report"
        self.guide_depth = 2
        self._by_anchor: dict[int, TreeNode[int]] = {}

    def show_anchors(self, anchors: list[Anchor], ids: tuple[str, ...]) -> None:
        """Rebuild the tree from the section anchors (paragraph rows are not listed)."""
        self.clear()
        self._by_anchor = {}
        stack: list[tuple[int, TreeNode[int]]] = [(-1, self.root)]
        for i, a in enumerate(anchors):
            if a.kind != "section":
                continue
            while len(stack) > 1 and stack[-1][0] >= a.depth:
                stack.pop()
            node = stack[-1][1].add(anchor_label(a, ids), data=i, expand=True)
            self._by_anchor[i] = node
            stack.append((a.depth, node))
        for node in list(self._by_anchor.values()):
            if not node.children:
                node.allow_expand = False

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
