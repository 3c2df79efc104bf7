"""Pause Python's cycle collector around one large analysis."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc(*, to_exit: bool = False) -> Iterator[None]:
    """Run the body with the cyclic garbage collector off; turn it on again after, if it was.

    An analysis builds hundreds of thousands of small objects that all live until it ends
    (spans, word lists, score tables); as they pile up the collector walks them again and
    again and finds nothing to free: a fifth of the CPU time of comparing ten national
    reports (`bench/bench_compare.py`). Reference counting still frees every object that
    is not part of a cycle, and the analysis makes few cycles, so memory grows little
    (ten national reports: peak 171 → 190 MB). Nested or concurrent pauses are safe: only
    the one that found the collector on turns it on again, and a collector on is never
    left off.

    ``to_exit``: what the body made lives until the process ends (a command-line run,
    which writes its result and exits): it is frozen (:func:`gc.freeze`) before the
    collector is turned on again. Else the first collection after the pause walks every
    object the analysis made (the eight samples: 43,000 objects, 15 ms) and so does the
    one at exit (7 ms), to free nothing; frozen objects are still freed by reference
    counting, only never walked by the collector.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if to_exit:
            gc.freeze()
        if was_on:
            gc.enable()
