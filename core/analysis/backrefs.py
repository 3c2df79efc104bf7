"""A list a phrase points back to: 这些方面 (these fields) names the fields just listed.

Read by :func:`reportdiff.core.analysis.numbers.extract_quantities`, which names a figure
of 用于这些方面的支出 by the list (科技、教育、文化、卫生、体育事业).
"""

from __future__ import annotations

import re

from reportdiff.core.analysis.clauses import is_han
from reportdiff.core.model import Span

__all__ = ["resolve_list_reference"]

_LIST_BACK_RE = re.compile(r"(?:这些|上述)(?:方面|领域|事业)")
# Words after which the first field of a list starts: 加大对科技、教育…的支持
_LIST_LEAD_RE = re.compile(r"用于|对|在|向|为|把|将")


def resolve_list_reference(
    key: str, lo: int, hi: int, sentence_start: int
) -> tuple[Span, Span] | None:
    """Where 这些方面 stands in ``key[lo:hi]`` and the 、 list it points back to, if any.

    各级政府加大对科技、教育、文化、卫生、体育事业的支持，中央财政用于这些方面的支出987亿元:
    这些方面 are 科技、教育、文化、卫生、体育事业. None unless one list of two or more fields,
    without figures, stands in an earlier clause of the sentence.
    """
    ref = _LIST_BACK_RE.search(key, lo, hi)
    if ref is None:
        return None
    comma = max(key.rfind(c, sentence_start, lo) for c in ",，;")
    if comma < 0:
        return None
    seg_lo = max(key.rfind(c, sentence_start, comma) for c in ",，;:") + 1
    seg_lo = max(seg_lo, sentence_start)
    seg = key[seg_lo:comma]
    first, last = seg.find("、"), seg.rfind("、")
    if first < 0 or any(c.isdigit() for c in seg) or seg.count("、") > 8:
        return None
    lead = None
    for lead in _LIST_LEAD_RE.finditer(seg, 0, first):
        pass
    if lead is None:
        return None
    tail = seg[last + 1 :]
    end = tail.find("的")
    if end < 2:
        return None
    start = seg_lo + lead.end()
    stop = seg_lo + last + 1 + end
    if first - lead.end() < 2 or not all(is_han(c) or c == "、" for c in key[start:stop]):
        return None
    return Span(ref.start(), ref.end()), Span(start, stop)
