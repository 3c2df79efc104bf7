"""A share whose whole is unsaid takes the whole its sentence named for another share.

使消费在国民收入中的比重，由１９７８年的６３．５％上升到今年的７０％左右，积累所占的比重，相应地
由３６．５％降到３０％左右: the second share's whole is 国民收入, as the first's is, though it
says only 积累所占的比重. Named so, it is 积累在国民收入中所占的比重 (积累率 by definition),
one measure with the other report's. A share whose sentence names no whole before it keeps
its name (轻工业所占比重: a whole left unsaid is no guess).
"""

from __future__ import annotations

import re

from reportdiff.core.comparison import Quantity

__all__ = ["whole_from_sentence"]

_PART_ONLY_RE = re.compile(r"(?P<part>[\u4e00-\u9fff]{1,8}?)所占的比重")
_WHOLE_RE = re.compile(r"在(?P<whole>[\u4e00-\u9fff]{2,8}?)中(?:所占)?的?(?:比重|比例)")
_SENTENCE_ENDS = "。！？!?\n"


def whole_from_sentence(text: str, q: Quantity, name: str) -> str:
    """``name`` (a fact's name) with the whole its sentence names before ``q``, when it is a
    share naming no whole (X所占的比重, :func:`~reportdiff.core.analysis.namerules.share_name`);
    else ``name`` unchanged."""
    m = _PART_ONLY_RE.fullmatch(name)
    if m is None or "在" in m.group("part"):
        return name  # 积累在国民收入中所占的比重 says its whole
    start = max(text.rfind(c, 0, q.span.start) for c in _SENTENCE_ENDS) + 1
    wholes = {w.group("whole") for w in _WHOLE_RE.finditer(text, start, q.span.start)}
    if len(wholes) != 1:
        return name  # none said, or two: which one, the sentence does not say
    return f"{m.group('part')}在{wholes.pop()}中所占的比重"
