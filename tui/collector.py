"""Cyclic garbage collected after a key's frame, not in the middle of the key.

Once the comparison is shown its objects are frozen (``ReaderScreen.show_comparison``),
but each key still makes some 10^4 new container objects (Textual's strips and their
caches, messages), many kept a while in the panes' line caches. With Python's default
thresholds that meant a young collection at nearly every key and, every few keys, a full
one, all inside the keys: on reports eight times national length some 15% of the CPU
the keys took, in pauses of up to ~20 ms between a key and its frame.

:class:`IdleCollector` raises Python's own threshold (it still collects on its own in a
long burst, so memory stays bounded) and, from a timer, asks for a collection once the
young objects pile up, run after the next frame is drawn: a key's frame comes first,
and the collection takes time the reader spends reading it.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.timer import Timer

BURST_THRESHOLD = 50_000
"""Allocations (net, of tracked objects) before Python collects on its own: some five
keys' worth, only reached when the timer's collections cannot keep up."""

TICK = 0.1
"""Seconds between the timer's looks at the young generation's count."""

YOUNG = 5_000
"""Young objects worth a collection (a key on long reports makes about 10^4)."""

OLDER_EVERY = 10
"""Every this many collections takes the middle generation too, and every this many of
those the oldest (as Python's default thresholds of 10 and 10 do)."""

_running: list[IdleCollector] = []
_saved_threshold: tuple[int, ...] = gc.get_threshold()
"""Python's thresholds, put back when the last collector stops."""


class IdleCollector:
    """Collect young garbage after frames; see the module's docstring."""

    def __init__(self, owner: MessagePump) -> None:
        """Args: owner: what runs the timer (the reader screen: it stops with it)."""
        self._owner = owner
        self._timer: Timer | None = None
        self._pending = False
        self.runs = 0
        """Collections asked for so far (tests read it)."""

    def start(self) -> None:
        """Raise the automatic threshold and start the timer."""
        global _saved_threshold
        if self._timer is not None:
            return
        if not _running:
            _saved_threshold = gc.get_threshold()
            gc.set_threshold(BURST_THRESHOLD, *_saved_threshold[1:])
        _running.append(self)
        self._timer = self._owner.set_interval(TICK, self.tick, name="idle-collector")

    def stop(self) -> None:
        """Stop; the last collector to stop puts Python's thresholds back."""
        if self._timer is None:
            return
        self._timer.stop()
        self._timer = None
        _running.remove(self)
        if not _running:
            gc.set_threshold(*_saved_threshold)

    def tick(self) -> None:
        """Ask for a collection after the next frame if young objects have piled up."""
        if self._pending or gc.get_count()[0] < YOUNG:
            return
        self._pending = True
        self._owner.call_after_refresh(self.collect)

    def collect(self) -> None:
        """Collect the young generation (and now and then the older ones)."""
        self._pending = False
        self.runs += 1
        generation = 0
        if self.runs % OLDER_EVERY == 0:
            generation = 2 if self.runs % (OLDER_EVERY * OLDER_EVERY) == 0 else 1
        gc.collect(generation)
