"""Nouns for people, to read a bare 万 or 亿 (no unit) as a count of people.

再扫除350万青壮年文盲 counts 青壮年文盲, in persons (人), as 扫除青壮年文盲300万人 does; 农村贫困
人口比上年减少290万 counts 贫困人口 (人) as …245万人 does. Used by
:mod:`reportdiff.core.analysis.numbers` (what a bare figure counts) and
:mod:`reportdiff.core.analysis.namerules` (its class of unit).
"""

from __future__ import annotations

import re

from reportdiff.core.model import Span

PEOPLE_WORDS = ("人口", "农民", "文盲", "员额", "学生")
"""Nouns that count persons: 人口, 农民, 文盲 (illiterates), 员额 (staff strength), 学生."""

_PEOPLE_AT_START_RE = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:" + "|".join(PEOPLE_WORDS) + r")(?![\u4e00-\u9fff]{0,2}的)"
)


def opens_on_people(key: str, post: Span) -> bool:
    """Whether the noun ``post`` read after a bare figure opens on a noun for people, so
    that the figure counts them: 青壮年文盲, 贫困人口解决温饱问题, 农民享受了农村最低生活保障
    (not 八亿农民命运的人们, 人口的生活: what the people have, not them)."""
    m = _PEOPLE_AT_START_RE.match(key, post.start)  # the lookahead may see past the noun
    return m is not None and m.end() <= post.end


_PEOPLE_NAME_RE = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:" + "|".join(PEOPLE_WORDS) + r")[\u4e00-\u9fff]{0,2}"
)


def names_people(name: str) -> bool:
    """Whether an indicator names people: it ends on a noun for people (农村贫困人口) or is
    one with a word after it (贫困家庭学生免费, read after 2400多万: students given textbooks
    free). Not a clause about them (农民享受了农村最低生活保障: what counts is unsaid)."""
    return name.endswith(PEOPLE_WORDS) or _PEOPLE_NAME_RE.fullmatch(name) is not None
