"""How a figure changes: 由A增至B's two ends, increments (比上年增加), decreases (下降2%).

Pure text tests on the folded report text (same offsets as the text), used by
:mod:`reportdiff.core.analysis.numbers` while it reads each figure.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Protocol

from reportdiff.core.analysis.units import RATE_UNITS

__all__ = [
    "CHANGE_WORDS",
    "DOWN_WORDS",
    "FROM_RE",
    "Figure",
    "ends_of_changes",
    "from_last_year",
    "is_change",
    "is_decrease",
    "led_by_change",
]

CHANGE_WORDS: tuple[str, ...] = ("增长", "下降", "上升", "提高", "提升", "减少", "增加", "降低", "增速", "增幅",
                 "增长率", "涨幅", "增至", "上涨", "增产", "减产")  # fmt: skip
DOWN_WORDS: tuple[str, ...] = ("下降", "减少", "降低")


# 由A增至B / 从A提高到B: the words before the first end (由, 从今年预计的, 由1978年的) …
FROM_RE = re.compile(
    r"(?:由|从)(?:上年|去年|今年|(?:19|20)\d\d\s*年)?(?:末|底)?(?:预计)?(?:的)?\s*$"
)
_MOVES = r"增长|增加|提高|提升|上升|扩大|增|升|下降|降低|减少|缩小|回落|降|减"
# … and those between the two ends: a move to (增至, 提高到, 到), or a verb of moving with 为
# (降为, 减为); a comma may part the ends (积累率由１９７８年的３６．５％，降为３３．６％:
# 1979's level, the end of the fall; 由一九五七年的百分之四十二左右，提高到百分之六十左右).
_TO_RE = re.compile(
    rf"\s*(?:[，,]\s*)?(?:(?:{_MOVES})?(?:了)?(?:至|到)|(?:{_MOVES})(?:了)?为)\s*"
    r"(?:(?:19|20)\d\d\s*年(?:末|底)?(?:的)?)?$"
)
# 比上年增加1501亿元, 同比减少3家: an increment, not a level.
_INCREMENT_RE = re.compile(
    r"(?:比|较|同比)[^,;。:]{0,12}?(?:增加|减少|增长|下降|提高|降低|增|减|多|少)(?:了)?\s*$"
)
# A change verb right before an amount: 增产3877万吨, 财政收入增加1501亿元 (not 增加到).
# An approximation may stand between the verb and its amount: 钢增产了约七十八万吨.
_ABOUT = r"(?:了)?\s*(?:约|大约|近|将近|接近|超过|逾)?\s*$"
_CHANGE_BEFORE_RE = re.compile(r"(?<!新)(?:增产|减产|增加|减少|增长|下降|提高|降低)" + _ABOUT)
_DOWN_BEFORE_RE = re.compile(r"(?:下降|减少|降低|回落|下滑|缩小|减产|减)" + _ABOUT)


# 由上年分别增长5.6%和13.1%，减为增长1.2%和1.8%: figures after 由上年 in their own clause,
# before any 至/到/为, are where the change started (last year's), not this year's.
# A change must stand between them: 由上年结转资金50亿元 is money carried over, this year's.
_FROM_LAST_RE = re.compile(
    r"(?:由|从)(?:上年|去年|前[两二三]年)[^,;。:至到为]*?"
    r"(?:增长|增加|上涨|上升|提高|下降|减少|降低|回落|增|降|涨)[^,;。:至到为]*$"
)


def from_last_year(key: str, sentence_start: int, start: int) -> bool:
    """Whether the figure at ``start`` follows 由上年/从去年 and a change in its clause: the
    start of a change, dated by those words (由上年分别增长5.6%和13.1%，减为增长1.2%和1.8%)."""
    return _FROM_LAST_RE.search(key, sentence_start, start) is not None


class Figure(Protocol):
    """What :func:`ends_of_changes` needs of a figure found in the text."""

    start: int
    post_end: int
    base: str


# 同时增加中央预算内经常性建设投资100亿元: a clause that opens with 增加/减少 and names its
# noun before the amount says by how much the noun changed.
_LED_BY_CHANGE_RE = re.compile(
    r"(?:同时|并|再|还|又|要|拟|将|今年|明年)*(?P<verb>增加|减少)(?![到至为])"
    r"(?:(?![的占为是到至])[\u4e00-\u9fff]){2,16}\s*$"
)


def led_by_change(key: str, clause_start: int, start: int) -> int:
    """+1 or −1 when the figure's clause opens with 增加/减少 then its noun (增加…投资100亿元),
    else 0."""
    m = _LED_BY_CHANGE_RE.match(key, clause_start, start)  # (减少收入的农户只占10%: not)
    if m is None:
        return 0
    return -1 if m.group("verb") == "减少" else 1


def is_decrease(key: str, clause_start: int, start: int) -> bool:
    """Whether the words right before the figure at ``start`` say it fell (下降, 减少, 降低 …)."""
    return _DOWN_BEFORE_RE.search(key, clause_start, start) is not None


def is_change(
    key: str,
    clause_start: int,
    start: int,
    base_unit: str,
    qualifiers: tuple[str, ...],
    indicator: str,
    end: str,
) -> bool:
    """增长8% and 比上年增加1501亿元 are changes; 增至/提高到 and 由A增至B's B are levels."""
    if end == "to":
        return False
    if base_unit in RATE_UNITS:
        words = [q for q in qualifiers if not q.endswith(("至", "到"))]
        return any(w in q for q in words for w in CHANGE_WORDS) or indicator.endswith(
            ("增速", "增幅", "增长率", "涨幅")
        )
    return (
        _INCREMENT_RE.search(key, clause_start, start) is not None
        or _CHANGE_BEFORE_RE.search(key, clause_start, start) is not None
        or led_by_change(key, clause_start, start) != 0
    )


def ends_of_changes(key: str, raws: Sequence[Figure], block_start: int) -> dict[int, str]:
    """Both ends of 由A增至B / 从A提高到B, by start: ``from`` for A, ``to`` for B."""
    ends: dict[int, str] = {}
    for a, b in itertools.pairwise(raws):
        if a.base != b.base and {a.base, b.base} != {"%", ""}:
            continue
        if not FROM_RE.search(key, max(block_start, a.start - 12), a.start):
            continue
        if _TO_RE.match(key, a.post_end, b.start) is None:
            continue
        ends[a.start], ends[b.start] = "from", "to"
    return ends
