"""Two names that share a word but count different kinds of thing."""

from __future__ import annotations

__all__ = ["kinds_differ", "nested_head"]


def _grams(name: str) -> set[str]:
    return {name[i : i + 2] for i in range(len(name) - 1)}


def kinds_differ(a: str, b: str) -> bool:
    """Whether the one word two names have in common is qualified differently in each.

    养老床位 and 认知障碍照护床位改造 share only 床位; 意向成交总金额 and 外商直接投资实到金额
    only 金额: in each name words of its own stand before the shared word and say which
    beds, which amount, so they count two kinds. In every report: all two-character words
    the names share lie in one common stretch, and each name has at least two characters
    before it, no character of which the other's has (公用充电桩 and 公共充电桩 are one
    kind, worded two ways). Not 救助灾民 and 救助受灾群众 (the shared 救助 leads both: what was done is
    the same, the wording of who differs).
    """
    shared = _grams(a) & _grams(b)
    if not shared:
        return False
    common = max(
        (a[i:j] for i in range(len(a)) for j in range(i + 2, len(a) + 1) if a[i:j] in b),
        key=len,
    )
    if shared != _grams(common):
        return False
    before_a, before_b = a[: a.find(common)], b[: b.find(common)]
    return len(before_a) >= 2 and len(before_b) >= 2 and not set(before_a) & set(before_b)


def nested_head(shorter: str, longer: str) -> bool:
    """Whether ``longer`` is ``shorter`` followed by a noun with the same head word.

    社区卫生服务中心社区护理中心 is a 社区护理中心 housed in a 社区卫生服务中心, not the
    service centre itself: in every report, a name that goes on past another name to end in
    that name's own last word (中心 … 中心) names the second thing, so containing the other
    name says nothing of being the same.
    """
    at = longer.find(shorter)
    if at < 0 or len(shorter) < 2:
        return False
    tail = longer[at + len(shorter) :]
    return len(tail) >= len(shorter[-2:]) + 2 and tail.endswith(shorter[-2:])
