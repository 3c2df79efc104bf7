"""A figure that sizes one works: 年产一百五十万吨的钢铁联合企业, 设备容量一百万千瓦左右的
水电站, 六十五万千瓦的火电站.

A quantity in tonnes or kilowatts printed right before 的 and a kind of works (…企业, …厂,
…矿, …矿井, …电站; the product may come between: 年产二百四十万吨煤的煤矿) says how big
that works is, not what was produced or added in a year. It is named by the works (煤矿的
规模), and it is neither a result nor a target of any year: a report says which works the
country can design or has built, and a later report says it again, larger or the same
(1958.txt: 我们也已经开始能够自己设计和建设…年产一百五十万吨的煤矿; 1959.txt: 已经能够自己
设计和建设…年产二百四十万吨煤的煤矿). A threshold is no size (一百万吨以上的大型矿井二十八个:
a size class of the count after it), nor is a works with its own name before its kind
(３０万吨的扬子和齐鲁乙烯工程: two named plants, not a kind).
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportdiff.core.analysis.units import compare_key
from reportdiff.core.comparison import Quantity

__all__ = ["sized_works"]

_WORKS_RE = re.compile(
    r"(?:左右)?(?P<product>[\u4e00-\u9fff]{0,3}?)的"
    r"(?P<works>(?:钢铁联合|钢铁|冶金|机械|化工|联合)?企业|[\u4e00-\u9fff]{0,3}?(?:厂|矿井|矿|电站))"
    r"(?=[,，、;；。和及与等])"
)
"""After the figure: the product at most (钢, 煤, 合成氨), 的, then the kind of works, ending
its list item (年产一百五十万吨的煤矿，…; 一百万千瓦的水电站和六十五万千瓦的火电站)."""
_BEFORE_RE = re.compile(r"(?:年产|(?:设备|装机)?总?容量为?|[,，、和及与:：])$")
"""Before the figure: 年产 or 容量 saying it is a size, or only the list it is an item of
(not 烧油２５０万吨的电站: the oil the stations burn)."""
_SIZE_UNITS = frozenset({"公斤", "千瓦"})
"""Tonnes (a works' yearly output) and kilowatts (a power station's capacity)."""


def sized_works(text: str, q: Quantity) -> Quantity:
    """``q`` as the size of the works it qualifies, or ``q`` itself when it sizes none.

    The size is named by the works with 规模 (钢铁联合企业规模), its role is none of the
    year's (neither a result nor a target: '' with no year), so that the sizes of one kind
    of works meet across reports.
    """
    if (compare_key(q.unit) or q.unit) not in _SIZE_UNITS or q.is_change or q.high is not None:
        return q
    if any(w in q.qualifiers for w in ("以上", "以下")) or text.startswith(
        ("以上", "以下"), q.span.end
    ):
        return q
    if _BEFORE_RE.search(text, max(0, q.span.start - 6), q.span.start) is None:
        return q
    m = _WORKS_RE.match(text, q.span.end)
    if m is None or len(m.group("works")) < 2:
        return q
    return replace(
        q,
        indicator=m.group("works") + "规模",
        indicator_span=None,
        is_target=False,
        role="",
        year=None,
        qualifiers=tuple(w for w in q.qualifiers if w == "左右"),
    )
