"""A rate of change named after 的 (工农业总产值的增长速度): the rate of the noun before it.

Read by :func:`reportdiff.core.analysis.indicators.strip_indicator`, which otherwise keeps
only the words after a clause's last 的 (the noun, not its modifier).
"""

from __future__ import annotations

__all__ = ["RATE_HEADS", "rate_only"]

RATE_HEADS = frozenset({"增长速度", "增长幅度", "上涨幅度", "下降幅度", "发展速度"})
"""Words that name a rate of change of something, and nothing by themselves."""


def rate_only(words: str) -> bool:
    """Whether ``words`` (after a 的) only say a rate of change: 增长速度 in 工农业总产值的增长
    速度 is the rate of 工农业总产值, which names the indicator (a rate of change alone, as
    in 由今年预计的３％提高到４％, would meet any growth figure)."""
    return words in RATE_HEADS
