"""A row of ``reportdiff list`` (and of the reader's report picker)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ListEntry:
    """One row of ``reportdiff list``."""

    id: str
    """Report id."""
    region: str
    """Region in Chinese."""
    year: int
    """Year reviewed."""
    title: str
    """Title as printed."""
    size: int
    """Length of the cleaned text in characters."""
    origin: str
    """``bundled``, ``user``, or ``user (replaces bundled)``."""
    delivered: int | None = None
    """Year delivered, None if unknown."""
