"""Item lists of outline-style reports: which item lines are the sub-headings of the rest.

Seed 003 (xuhui-2022) prints each section as a run of short item lines. Some of those
lines title the items after them (产业能级持续提升, 推动四大产业集群提质扩容); only the
first of each section is set apart by a blank line, the others sit inside the run.
"""

from __future__ import annotations

import re

from reportdiff.core.text.headings import BULLET, SENTENCE_END, match_heading

Block = list[str]

STATUS_ADVERBS = (
    "持续",
    "不断",
    "有力",
    "加力",
    "坚决",
    "深入",
    "取得",
    "有效",
    "毫不",
    "深化",
    "显著",
    "明显",
    "日益",
)
"""Adverbs of the ``topic + adverb + verb`` status phrases that title a group of items in
a review (科创策源功能不断强化, 城区安全有效保障). Item lines start with a verb instead
(持续推动成果转化), so the adverb must sit just before the last two characters."""

COMPLETION_ADVERBS = ("全面", "全力", "稳步")
"""Adverbs that also close status phrases (基层治理全面夯实, 重点区域建设全力推进) but just
as often report a single project's progress (漕开发航天科技城工程全面推进, 北杨人工智能小镇
全面开工). A sub-heading names a field, in a few characters; an item names a project, in
many: after these adverbs the topic may be at most :data:`FIELD_MAX` characters."""

FIELD_MAX = 6

_NOT_TOPIC = r"[^\d\s,，。、；;：:()（）%]"
STATUS_RE = re.compile(
    rf"^(?:{_NOT_TOPIC}{{4,11}}(?:{'|'.join(STATUS_ADVERBS)})"
    rf"|{_NOT_TOPIC}{{2,{FIELD_MAX}}}(?:{'|'.join(COMPLETION_ADVERBS)}))[^\W\d_]{{2}}$"
)

ACTION_CHARS_RE = re.compile(r"^[\u4e00-\u9fff]+$")
"""A task sub-heading is Chinese characters only: no digit, quote, comma or 、."""

PARALLEL_SLACK = 2
"""How far a task sub-heading's length may stray from the section's first sub-heading:
推动四大产业集群提质扩容 (12) is a sibling of 全面强化中心辐射功能 (10)."""

ACTION_MIN = 7
"""A goal phrase has a verb, a modifier and a goal (增强科技创新能力, eight characters); a
shorter plain line is a name heading its own sub-items (003: 漕河泾开发区 above “东进”…)."""

MIN_GROUP = 2
"""Items a task sub-heading needs under it, and leaves under the sub-heading before it."""

PROGRAMME_ENDINGS = ("改革", "政策", "建设", "保障", "工程", "计划", "试点")
"""A task sub-heading states a goal (…能力, …水平, …环境, …韧性); a line naming the reform,
policy or programme to carry out is an action under it, even when items follow that
spell it out (003: 深化医药卫生体制改革, 加强粮食安全保障, 持续实施助企纾困政策 and
深化海绵城市建设 all stay items)."""


def is_item_line(line: str) -> bool:
    """A highlight line: no sentence end inside, not a heading, not a salutation."""
    return (
        not any(c in line for c in SENTENCE_END)
        and not line.endswith(("：", ":"))
        and match_heading(line) is None
    )


def is_status_phrase(line: str) -> bool:
    """Whether ``line`` reads ``topic + adverb + verb`` (产业能级持续提升): a review's sub-heading."""
    return STATUS_RE.match(line.replace("“", "").replace("”", "")) is not None


def is_parallel_heading(line: str, exemplar: str) -> bool:
    """Whether ``line`` has the shape of ``exemplar``, the section's first (verb-object) sub-heading.

    A task section's sub-headings are written as a parallel set (003 (五): 提升精细治理能级,
    树立数字治理样板, 打造绿色生态空间): plain characters, about one length, a goal. Its
    items are longer, or carry numbers, quotes and enumerations (启动29条、31公里“美丽街区”…).
    """
    return (
        ACTION_CHARS_RE.match(line) is not None
        and len(line) >= ACTION_MIN
        and abs(len(line) - len(exemplar)) <= PARALLEL_SLACK
        and not line.endswith(PROGRAMME_ENDINGS)
    )


def _in_series(line: str, neighbour: str | None) -> bool:
    """Whether ``line`` and its neighbour are members of one parallel series of items.

    打造数字经济产业新引擎 / 培育生命健康产业新亮点 / 做强文化创意产业新优势: items written
    to one length; their sub-heading (推动四大产业集群提质扩容) differs in length from them.
    """
    return neighbour is not None and len(neighbour.removeprefix(BULLET)) == len(line)


def starts_group(line: str, exemplar: str | None, before: Block, after: list[str]) -> bool:
    """Whether the item ``line`` is the sub-heading of the items after it.

    Args:
        line: The candidate line.
        exemplar: The section's first sub-heading (set apart by a blank line), if known.
        before: The group being built: its sub-heading line (if any) and ``- `` items.
        after: The item lines that follow ``line`` in its run.
    """
    items_before = sum(1 for x in before if x.startswith(BULLET))
    if is_status_phrase(line):
        return len(after) >= 1 and (items_before >= 1 or not before)
    # 003's task part: 推动四大产业集群提质扩容 / 多措并举优化营商环境 after the exemplar
    # 全面强化中心辐射功能. The group sizes keep one item of a parallel series (加快培育
    # 绿色低碳产业 right after 精准发力元宇宙产业) from taking the rest of the series.
    return (
        exemplar is not None
        and not is_status_phrase(exemplar)
        and is_parallel_heading(line, exemplar)
        and len(after) >= MIN_GROUP
        and (items_before >= MIN_GROUP or not before)
        and not _in_series(line, before[-1] if before else None)
        and not _in_series(line, after[0])
    )


def item_blocks(lines: list[str], lead: str | None, exemplar: str | None) -> list[Block]:
    """Items of a multi-line block, cut into one block per sub-heading found inside."""
    blocks: list[Block] = []
    cur: Block = [lead] if lead else []
    for k, line in enumerate(lines):
        if starts_group(line, exemplar, cur, lines[k + 1 :]):
            if cur:
                blocks.append(cur)
            cur = [line]
        else:
            cur.append(BULLET + line)
    if cur:
        blocks.append(cur)
    return blocks


SLOGAN_RE = re.compile(r"^([\u4e00-\u9fff]{2,6})、([\u4e00-\u9fff]{2,6})$")
"""坚定信心、守正创新: two matched phrases of one length, the cadence of a report's close."""


def closing_start(lines: list[str]) -> int:
    """Where the closing words at the end of a report's last item run begin (len if none).

    003 ends its last item list with 坚定信心、守正创新 / 埋头苦干、踔厉前行 / 建设新徐汇、
    再造新徐汇 / 为上海…作出新的贡献: the report's closing, not items of 提升城区安全韧性.
    At least two matched-phrase lines, optionally followed by one last line.
    """

    def slogan(line: str) -> bool:
        m = SLOGAN_RE.match(line)
        return m is not None and len(m.group(1)) == len(m.group(2))

    k = len(lines) - 1 if lines and not slogan(lines[-1]) else len(lines)
    start = k
    while start > 0 and slogan(lines[start - 1]):
        start -= 1
    return start if k - start >= 2 else len(lines)


def detach_trailing_leads(blocks: list[Block]) -> list[Block]:
    """Give a trailing sub-heading line (see :func:`trailing_lead`) a block of its own."""
    out: list[Block] = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if len(b) > 1 and not any(ln.startswith(BULLET) for ln in b) and trailing_lead(b, nxt):
            out.extend([b[:-1], [b[-1]]])
        else:
            out.append(b)
    return out


def trailing_lead(block: Block, nxt: Block | None) -> bool:
    """Whether a multi-line block's last line titles the item block after the blank line.

    003 prints 前瞻布局未来产业 as the last line before a blank and its items after it.
    """
    last = block[-1]
    return (
        nxt is not None
        and len(nxt) > 1
        and not any(ln.startswith(BULLET) for ln in nxt)
        and match_heading(nxt[0]) is None
        and len(last) <= 12
        and not any(c.isdigit() for c in last)
        and is_item_line(last)
    )
