"""A report pane's highlight marks: the layers' lists, the overlay, and each item's share.

Kept apart from :mod:`reportdiff.tui.widgets.report_pane` (which draws them): no Textual
here. Marks are in report offsets; an item's marks are found by bisection
(:class:`~reportdiff.tui.layout.MarkIndex`) when its lines are first drawn, never for the
whole report at once (that took seconds on long reports at every key).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reportdiff.tui.layout import Item, Mark, MarkIndex

KEPT_INDEXES = 8
"""Layer mark lists whose index a pane keeps (a few layer sets toggled back and forth)."""


class PaneMarks:
    """The marks one pane applies: layers in parts (each indexed once), then an overlay.

    Marks apply by ``order`` of their style (if given), then by part, then in their part's
    order; the overlay (search matches, the current change: few marks) over all of them.
    """

    def __init__(self) -> None:
        self.parts: list[list[Mark]] = []
        self.order: Callable[[str], int] | None = None
        self.overlay: list[Mark] = []
        self._part_indexes: list[MarkIndex] = []
        self._overlay_index = MarkIndex([])
        self._indexes: dict[int, MarkIndex] = {}
        """Indexes of the layer mark lists seen, by ``id`` (each holds its list, so the id
        cannot be reused): a toggle back or the next change finds its layers indexed."""
        self._by_item: dict[int, list[Mark]] = {}
        """Marks of each item looked up so far (filled lazily, as lines are drawn)."""
        self.index_builds = 0
        """Layer mark lists indexed so far (tests count them: an overlay indexes none)."""

    def set(
        self,
        parts: list[list[Mark]],
        overlay: list[Mark],
        order: Callable[[str], int] | None,
    ) -> bool:
        """Apply new layers and overlay; whether only the overlay changed.

        Each part is indexed once per list object: sorting the layers' marks took
        0.05–0.15 s a pane on reports eight times national length, at every toggle and
        every ``c``. When only the overlay changed, the items' marks found so far are kept
        (see :meth:`forget_overlay_items`); otherwise they are dropped.
        """
        same_layers = (
            len(parts) == len(self.parts)
            and all(a is b for a, b in zip(parts, self.parts, strict=True))
            and order is self.order
        )
        self.parts = parts
        self.order = order
        if not same_layers:
            self._by_item = {}
            indexes = []
            for part in parts:
                index = self._indexes.get(id(part))
                if index is None or index.marks is not part:
                    index = MarkIndex(part)
                    if len(self._indexes) >= KEPT_INDEXES:
                        del self._indexes[next(iter(self._indexes))]
                    self._indexes[id(part)] = index
                    self.index_builds += 1
                indexes.append(index)
            self._part_indexes = indexes
        self.overlay = list(overlay)
        self._overlay_index = MarkIndex(self.overlay)
        return same_layers

    def forget(self) -> None:
        """Drop every item's marks found so far (the items changed: a re-layout)."""
        self._by_item = {}

    def forget_items(self, items: Iterable[int]) -> None:
        """Drop the marks found so far for ``items`` (their overlay changed)."""
        for i in items:
            self._by_item.pop(i, None)

    def add_overlay(self, mark: Mark) -> None:
        """One more mark over the others."""
        self.overlay.append(mark)
        self._overlay_index = MarkIndex(self.overlay)

    def item_marks(self, index: int, item: Item) -> list[Mark]:
        """The marks overlapping ``item`` (number ``index``), in the order they apply."""
        got = self._by_item.get(index)
        if got is None:
            found = [ix.overlapping(item.start, item.end) for ix in self._part_indexes]
            over = self._overlay_index.overlapping(item.start, item.end)
            got = self._by_item[index] = [*self._ranked(found), *(m for _k, m in over)]
        return got

    def _ranked(self, found: list[list[tuple[int, Mark]]]) -> list[Mark]:
        """Marks found in each part (with their positions), in the order they apply."""
        order = self.order
        if len(found) == 1:
            return [m for _k, m in found[0]]
        keyed = [
            (order(m.style) if order else 0, part, k, m)
            for part, hits in enumerate(found)
            for k, m in hits
        ]
        keyed.sort(key=lambda t: t[:3])
        return [t[3] for t in keyed]

    @property
    def layer_marks(self) -> list[Mark]:
        """The layers' marks, in the order they are applied."""
        if len(self.parts) == 1:
            return self.parts[0]
        return self._ranked([list(enumerate(part)) for part in self.parts])

    @property
    def marks(self) -> list[Mark]:
        """The marks applied (layers, then the overlay), in that order."""
        return [*self.layer_marks, *self.overlay]


def changed_overlay(old: list[Mark], new: list[Mark]) -> list[Mark] | None:
    """The overlay marks to redraw when ``old`` becomes ``new``: those added or gone.

    None when the same marks only changed order (the order decides which style shows, so
    everything they touch is to be redrawn: the caller redraws all).
    """
    if old == new:
        return []
    gone, came = set(old) - set(new), set(new) - set(old)
    if not gone and not came:
        return None
    return [*gone, *came]
