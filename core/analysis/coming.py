"""A figure a review says will come (将增长, 将达到): the coming year's plan, not a result.

A report reviews the year behind it, but it may quote the plan of the year it is given in
inside that review: 1957年的工业总产值比1956年将增长百分之四点五，达到六百零三亿元. ``将``
before the verb of change or level says the figure has not happened yet, whatever part it
stands in; read as a result it would be paired with the year's results.
"""

from __future__ import annotations

import re

__all__ = ["will_come"]

# 将 + (an adverb) + a verb of change, level or comparison; not 将近 (nearly), nor 将 as
# the object marker (将资金用于…, 将比重提高到…: its object follows it, not the verb).
_WILL_RE = re.compile(
    r"将(?:要|会|可以?|能|再|继续)?"
    r"(?:比(?![例重率])|较|由|从|增长|增加|增产|提高|上升|扩大|达到|达|超过|降低|下降|减少|缩减|缩小)"
)


# A clause that only says the level reached (，达到六百零三亿元) goes on from the clause before.
_REACH_ONLY_RE = re.compile(
    r"\s*(?:并|就|可以|可)?(?:达到|达|增加到|增长到|提高到|上升到|为)了?\s*"
)
_TOTAL_RE = re.compile(r"合计|累计|共计|总计")
_CLAUSE_DELIMS = "，,；;："


def will_come(key: str, sentence_start: int, clause_start: int, start: int) -> bool:
    """Whether the figure at ``start`` is said to come: its clause (``key[clause_start:start]``)
    says 将增长, 将比1956年增长, 将要达到 (not 将近, nearly), or only says the level reached
    (，达到六百零三亿元) after a clause of its sentence that does."""
    if _TOTAL_RE.search(key, clause_start, start):
        return False  # 第一个五年合计将达到…: a total over years, not the coming year's
    if _WILL_RE.search(key, clause_start, start):
        return True
    if not _REACH_ONLY_RE.fullmatch(key, clause_start, start) or clause_start <= sentence_start:
        return False
    before = max(key.rfind(d, sentence_start, clause_start - 1) for d in _CLAUSE_DELIMS)
    return _WILL_RE.search(key, max(before + 1, sentence_start), clause_start) is not None
