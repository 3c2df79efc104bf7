"""Output values at one year's constant prices (按一九五二年不变价格计算): which year's.

A gross output value in 元 is counted at some year's constant prices, and the base changes
(the first five-year plan counted at 1952's prices, the second at 1957's): 603亿元 at 1952's
prices and 537亿元 at 1957's are one year's output measured two ways, so a figure at one base
is no counterpart of a figure at another. A figure's base is the one its own sentence states;
else the one the report last declared before it in a sentence of its own (这种产值都是按一九
五二年的不变价格计算的; …都改以一九五七年不变价格计算); else unknown, and unknown agrees with
any base a report of its year could count at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportdiff.core.comparison import Quantity

__all__ = ["bases_differ", "declared_bases", "price_base"]

_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_BASE_RE = re.compile(
    r"(?:按|以|用)(?:照)?(?P<year>(?:19|20)\d\d|[一二][九〇○零][〇○零一二三四五六七八九]{2})"
    r"\s*年?的?(?:不变|可比)?价格?"
)
_ALL_RE = re.compile(r"都|均|一律")  # 都是按…, 都改以…: said of all values, not of one
_VALUE_RE = re.compile(r"产值|总值")


_ENDS = "。！？!?\n"


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in _ENDS) + 1


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in _ENDS) if i >= 0]
    return min(ends) + 1 if ends else len(text)


def declared_bases(text: str, quantities: Sequence[Quantity]) -> list[tuple[int, int]]:
    """Where a report declares the price base of its values, and which year's prices:
    (position, year), in text order; a position of -1 for one said of all values (都是按…,
    都改以…), which holds before it too. A declaration in a figure's sentence, not said of
    all, is that figure's own (…达到六百零三亿五千万元（按一九五二年不变价格计算）)."""
    out: list[tuple[int, int]] = []
    starts = sorted(q.span.start for q in quantities)
    for m in _BASE_RE.finditer(text):
        lo = _sentence_start(text, m.start())
        hi = _sentence_end(text, m.end())
        year = int(m.group("year").translate(_CN_DIGITS))
        if _ALL_RE.search(text, max(lo, m.start() - 4), m.start()) is not None:
            out.append((-1, year))
        elif not any(lo <= s < hi for s in starts):
            out.append((m.start(), year))
    return sorted(out)


def price_base(
    text: str, q: Quantity, declared: Sequence[tuple[int, int]], reviewed: int
) -> tuple[int, int] | None:
    """The years whose constant prices ``q`` may be at, for an output value in 元 (None for
    any other figure): its sentence's or its report's declared base (of the declarations the
    last before the figure holds; one said of all values holds anywhere); else any year up
    to the one its report reviews (``reviewed``; 0 when unknown), as a year's constant prices
    are fixed only once it is over: a report given in 1957 counts at no 1957 prices."""
    if q.unit != "元" or not _VALUE_RE.search(q.indicator):
        return None
    lo = _sentence_start(text, q.span.start)
    own = _BASE_RE.search(text, lo, _sentence_end(text, q.span.end))
    if own is not None:
        year = int(own.group("year").translate(_CN_DIGITS))
        return year, year
    before = [year for pos, year in declared if pos < q.span.start]
    if before:
        return before[-1], before[-1]
    return 0, reviewed or 9999


def bases_differ(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether two output values are at constant prices of different years for sure."""
    return a is not None and b is not None and (a[1] < b[0] or b[1] < a[0])
