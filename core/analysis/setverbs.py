"""A verb that sets a figure, opening the words that name it: 提出了钢产量一千八百万吨,
计划安排粮食总产量四千二百五十亿公斤.

A plan proposes (提出), arranges (安排), lays down (规定), fixes (确定) or asks for (要求:
１９８２年的计划，要求工农业总产值的增长速度…提高到４％) its figures; the
verb says how the figure was set, as 拟定为 or 计划为 after the name does
(钢产量拟定为六百二十四万八千吨), and is no part of what is counted. Read by
:func:`reportdiff.core.analysis.indicators.strip_indicator`.
"""

from __future__ import annotations

import re

__all__ = ["after_setting_verb"]

_SETTING_RE = re.compile(r"(?:计划)?(?:提出|安排|规定|确定|要求)了?")
"""The verb, after 计划 (计划安排: arranged in the plan, a qualifier the caller keeps)."""
_MIN_NAME = 3
"""Characters a name must keep: 安排资金 keeps its verb, 资金 alone says too little."""


def after_setting_verb(seg: str, quals: list[str]) -> int:
    """How many characters of ``seg`` (the words before a figure) are a setting verb that
    opens them (with 计划 before it, added to ``quals``); 0 when none does or too little
    would be left to name the figure."""
    m = _SETTING_RE.match(seg)
    if m is None or len(seg) - m.end() < _MIN_NAME:
        return 0
    if m.group().startswith("计划"):
        quals.append("计划")
    return m.end()
