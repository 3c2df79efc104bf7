"""Names of price rises: which price index a figure's name speaks of.

零售物价涨幅, 商品零售物价上涨幅度 and 全国零售物价上涨 are rises of one index (the retail
price index); 居民消费价格总水平涨幅 is another (the consumer price index); 物价上涨幅度
names none, and is the index its report names elsewhere.
"""

from __future__ import annotations

import re

__all__ = ["PRICE_INDICES", "price_rise_index"]

PRICE_INDICES = ("零售物价", "居民消费价格")
"""The named price indices, as :func:`price_rise_index` returns them."""

_PRICE_RISE_RE = re.compile(
    r"(?P<index>(?:商品)?零售(?:物价|价格)|物价|居民消费价格)(?:总指数|总水平)?"
    r"(?:上涨幅度|上涨|涨幅)"
)


def price_rise_index(name: str) -> str:
    """The index whose rise ``name`` is (零售物价, 居民消费价格, or 物价 when unnamed), ''
    when ``name`` is no price rise."""
    m = _PRICE_RISE_RE.fullmatch(name)
    if m is None:
        return ""
    index = m.group("index")
    return "零售物价" if index.startswith(("零售", "商品零售")) else index
