"""Helpers shared by the Pilot and snapshot tests of the TUI."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from reportdiff.core.comparison import AlignedRow, Comparison


def aio(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in a fresh event loop (the project does not use pytest-asyncio)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def analysed(pilot) -> Comparison:  # type: ignore[no-untyped-def]
    """Wait for the comparison worker and the refresh that shows its highlights."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    cmp = pilot.app.comparison
    assert cmp is not None, "the comparison did not arrive"
    return cmp


def flatten(rows: tuple[AlignedRow, ...]) -> list[AlignedRow]:
    """Aligned rows depth-first (the tests' own walk, independent of the TUI's)."""
    out: list[AlignedRow] = []
    for row in rows:
        out.append(row)
        out.extend(flatten(row.children))
    return out
