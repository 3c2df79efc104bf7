"""Names of price rises: which price index a figure's name speaks of.

零售物价涨幅, 商品零售物价上涨幅度 and 全国零售物价上涨 are rises of one index (the retail
price index); 居民消费价格总水平涨幅 is another (the consumer price index); 物价上涨幅度
names none, and is the index its report names elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportdiff.core.analysis.units import RATE_UNITS
from reportdiff.core.comparison import Quantity

__all__ = ["PRICE_INDICES", "borrowed_indices", "price_index_of", "price_rise_index"]

PRICE_INDICES = ("零售物价", "居民消费价格")
"""The named price indices, as :func:`price_rise_index` returns them."""

_PRICE_RISE_RE = re.compile(
    r"(?P<index>(?:商品)?零售(?:物价|价格)|物价|居民消费价格)(?:总指数|总水平)?"
    r"(?:上涨幅度|上涨|涨幅)"
    r"|涨幅|上涨幅度"  # …要把全年商品零售物价上涨幅度控制在…。…涨幅仍然高达…: prices rise
)


def price_rise_index(name: str) -> str:
    """The index whose rise ``name`` is (零售物价, 居民消费价格, or 物价 when unnamed: 物价涨幅
    and a bare 涨幅, what rises in these reports being prices), '' when ``name`` is no price
    rise."""
    m = _PRICE_RISE_RE.fullmatch(name)
    if m is None:
        return ""
    index = m.group("index") or "物价"
    return "零售物价" if index.startswith(("零售", "商品零售")) else index


def price_index_of(quantities: Sequence[Quantity]) -> str | None:
    """The one price index a report names for its price rises (零售物价 or 居民消费价格): its
    物价 (prices, the index unnamed) is that index. '' when it names both (its 物价 stays
    unknown), None when it names none."""
    from reportdiff.core.analysis.facts import base_name, fact_name  # facts imports this

    named = {
        base_name(fact_name(q.indicator), "change") for q in quantities if q.unit in RATE_UNITS
    } & set(PRICE_INDICES)
    if not named:
        return None
    return named.pop() if len(named) == 1 else ""


BORROW_YEARS = 3
"""How far apart two reports may be for one that names no price index to read its 物价 as
the index the other names: the headline index changed over the decades (零售物价 until the
1990s, 居民消费价格 after), so a distant report's index says nothing of this one's."""


def borrowed_indices(own: Sequence[str | None], years: Sequence[int]) -> list[str]:
    """Each report's index for its unnamed 物价: its own; for a report naming none, the one
    index the other reports within :data:`BORROW_YEARS` name, if they name exactly one."""
    out: list[str] = []
    for i, index in enumerate(own):
        if index is not None:
            out.append(index)
            continue
        near = {
            p
            for j, p in enumerate(own)
            if j != i and p and years[i] and years[j] and abs(years[i] - years[j]) <= BORROW_YEARS
        }
        out.append(next(iter(near)) if len(near) == 1 else "")
    return out
