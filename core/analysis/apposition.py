"""A count that restates the list just before it: 中央和地方两个积极性.

``两个`` in 发挥中央和地方两个积极性, ``三个`` in 国家举办、自力经营、群众业余这三个方面 count the
items the sentence has just listed; they say nothing a reader would compare, and read as
figures they surface as noise (两个 of 积极性). A small count of items (个, 种, 项, 方面, 类)
standing right after a list of as many members, joined by 和/与/及/、, is such a restatement
when written in words, as such phrases are; one written in digits is counted as a statistic is
(社区公共收益收支账、智慧停车治理平台2个项目入选…十佳项目: two projects selected, a figure).
"""

from __future__ import annotations

import re

from reportdiff.core.analysis.figures import Raw

__all__ = ["restates_list"]

_ITEM_UNITS = frozenset({"个", "种", "项", "类", "方面"})
_HARD_STOPS = '，,。；;：:！!？?\n（）()“”"《》'
_JOINS_RE = re.compile(r"[、和与及]")
_MAX_BACK = 40


def restates_list(key: str, raw: Raw) -> bool:
    """Whether ``raw`` (a count of 2 to 6 items) restates the list right before it: the run
    of words back to the clause's start joins exactly ``value`` members, none of them empty
    (中央和地方两个积极性, A、B、C这三个方面; not a run that opens on 、 after a quotation,
    “…博物馆”、上海首个拥有两项国家级非遗的…, whose 两项 counts what no member names)."""
    if raw.base not in _ITEM_UNITS or raw.high is not None or not 2 <= raw.value <= 6:
        return False
    if any(ch.isdigit() for ch in key[raw.start : raw.end]):
        return False  # 2个项目入选: a count in digits is a figure
    end = raw.start
    if key.startswith("这", end - 1):
        end -= 1  # 群众业余这三个方面
    lo = end
    while lo > 0 and end - lo < _MAX_BACK and key[lo - 1] not in _HARD_STOPS:
        if key[lo - 1].isdigit():
            return False  # a figure in the run: not a plain list of names
        lo -= 1
    run = key[lo:end]
    if not run or run[0] in "、和与及" or run[-1] in "、和与及":
        return False  # a member left unnamed: “…博物馆”、上海首个拥有两项… lists no 两项
    return len(_JOINS_RE.findall(run)) + 1 == int(raw.value)
