"""Units of a paragraph: the 一是…二是… items it enumerates, each with its topic as lead.

National and provincial reports alike enumerate inside a paragraph: ``…采取以下措施：一是
加快基础设施建设。二是切实搞好生态环境保护和建设。三是…`` (2000). Each item is a unit a
reader (and the alignment) wants on its own, so a paragraph is cut before each item that
opens a sentence. Items inside one sentence (…；二是…；三是…) stay where they are: a
paragraph is never cut inside a sentence.
"""

from __future__ import annotations

import re

from reportdiff.core.text.headings import CN_NUM, ITEM_MARKER_RE

ITEM_OPENERS = "。！？：:"
"""What an item that opens a sentence follows: a sentence end, or the colon of its intro."""

ITEM_LEAD_MAX = 24
"""An item's topic clause is at most as long as a lead phrase."""

_CLAUSE_END_RE = re.compile(r"[，,；;：:。！？]")
_SENTENCE_END_RE = re.compile(r"[。！？]")


def cn_number(numeral: str) -> int | None:
    """The value of a Chinese numeral up to 九十九 (一 → 1, 十二 → 12, 二十 → 20)."""
    digits = {c: i + 1 for i, c in enumerate(CN_NUM[:9])}
    if not numeral or any(c not in CN_NUM for c in numeral):
        return None
    if "十" not in numeral:
        return digits[numeral] if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def item_starts(line: str) -> list[int]:
    """Offsets in ``line`` where its sentence-level 一是, 二是, … items begin.

    The items must count up from 一 without a gap, and there must be two at least: a
    lone 一是 is a phrase, not an enumeration. An item at the very start of the line
    counts as the first one (the paragraph is that item).
    """
    found: list[int] = []
    expected = 1
    for m in ITEM_MARKER_RE.finditer(line):
        at = m.start()
        if at > 0 and line[at - 1] not in ITEM_OPENERS:
            continue
        n = cn_number(m.group(1))
        if n == expected:
            found.append(at)
            expected += 1
    return found if len(found) >= 2 else []


DASH = "——"
"""An item printed as ``——经济跨上新台阶。…``: the dash opens it, its topic follows."""

ITEM_OPEN_RE = re.compile(
    rf"^(?:{DASH}"
    rf"|[{CN_NUM}]{{1,3}}(?:是要?|要)(?=[^，,。；;：:])"
    rf"|第[{CN_NUM}]{{1,3}}[，,、]"
    r"|\d{1,2}[.．、](?=\D)"
    r"|[（(]\d{1,2}[)）])"
)
"""What opens an item paragraph: ——, 一是, 第一， (1980, 1990), 1. or （1） (the numbered
points under a provincial report's （一） sections)."""


def item_marker_end(paragraph: str) -> int | None:
    """Where the marker of an item paragraph ends, or None when it opens no item."""
    m = ITEM_OPEN_RE.match(paragraph)
    return m.end() if m else None


def item_lead(item: str) -> tuple[int, int] | None:
    """Start and end in ``item`` (an item opening with a marker of :data:`ITEM_OPEN_RE`) of its topic.

    The topic is the first sentence when it is no longer than a lead and the item goes on
    after it (一是加快基础设施建设。… ——社会事业加快发展，人民生活进一步改善。城镇…),
    else the first clause (一是发行1000亿元长期国债，重点投向… → 发行1000亿元长期国债),
    without the marker; None when the item does not open with a marker or its first
    clause runs longer than a lead.
    """
    start = item_marker_end(item)
    if start is None:
        return None
    while start < len(item) and item[start] in "，,：: ":
        start += 1
    body = item[start:]
    sentence = _SENTENCE_END_RE.search(body)
    goes_on = sentence is not None and body[sentence.end() :].strip() != ""
    plain = sentence is not None and not _CLAUSE_END_RE.search(body[: sentence.start()])
    if sentence is not None and 2 <= sentence.start() <= ITEM_LEAD_MAX and (goes_on or plain):
        return start, start + sentence.start()
    end = _CLAUSE_END_RE.search(body)
    stop = end.start() if end else len(body)
    if not 2 <= stop <= ITEM_LEAD_MAX:
        return None
    return start, start + stop
