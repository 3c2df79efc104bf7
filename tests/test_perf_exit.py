"""The end of a batch command: what it made is frozen."""

from __future__ import annotations

import gc

from reportdiff.core.gcpause import paused_gc


def test_paused_gc_to_exit_freezes_what_the_body_made() -> None:
    before = gc.get_freeze_count()
    try:
        with paused_gc(to_exit=True):
            assert not gc.isenabled()
            made = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(made)
    finally:
        gc.unfreeze()
