"""Growth rates that are a product's output growth, however short their names.

A growth rate named by a word the compared reports use alone for an output in a physical
unit (钢增长百分之六十五 where 钢 is also given in 吨) is that product's output growth, as
钢产量增长 is: it meets the product's growth in another report (1955.txt's 钢增长百分之六十五,
1956.txt's 钢增长２８％; 煤 and 原煤 are one product). A word never given in such a unit there
(投资, 收入) says no product, and its short name pairs no more readily than before.

The words saying how a target was set (计划要求粮食增产百分之四十, 粮食的指标…增长百分之五点九)
and a year before the name (一九五八粮食的指标: a year misprinted without 年) are no part of
the product.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportdiff.core.analysis.facts import Fact, product_of, product_word
from reportdiff.core.analysis.units import RATE_UNITS

__all__ = ["grown_products"]

_SET_RE = re.compile(
    r"^(?:(?:[一二][九〇○零][〇○零一二三四五六七八九]{2}|\d{4})年?)?"  # 一九五八粮食的指标
    r"(?:计划)?(?:提出|安排|规定|确定|要求)?了?"  # 计划要求粮食
    r"|的?(?:计划)?指标$"  # 粮食的指标
)


def grown_products(facts: Sequence[list[Fact]]) -> None:
    """Set :attr:`Fact.product` of each growth rate of ``facts`` (one list per report) that
    is a product's output growth, from the products the reports give in physical units."""
    products = {product_of(f.rep, f.name) for part in facts for f in part} - {""}
    for fact in (f for part in facts for f in part):
        if fact.group[1] == "change" and fact.rep.unit in RATE_UNITS:
            word = product_word(_SET_RE.sub("", fact.name))
            fact.product = word if word in products else ""
