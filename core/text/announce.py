"""Announced topics as sub-parts: a one-line paragraph that says what the speaker turns to.

Older reports open a topic with a paragraph of one short sentence that announces it, and
then give the topic's paragraphs: 1958 reviews the plan's year field by field with 先说工业
战线上的情况。 / 以下再说农业战线上的情况。 / 以下我们还要说到交通运输和商业战线上的情况。 /
最后说到文教战线上的情况。; 1982 turns inside 第四、积极稳妥地加快经济体制改革的进程 to
最后，着重讲一讲农业和农村工作问题。 and five paragraphs on farming. A reader takes such a
line as the heading of the paragraphs after it, up to the next such line or the end of its
section; as a paragraph of its own it would be aligned alone, its topic's paragraphs left
under the section before it.

The line is an announcement by its form: an opening that places it in the speech (现在 下面
以下 先 再 然后 接着 最后 首先 其次, a comma after it or not), maybe the speaker (我, 我们)
and adverbs (还要 再 首先 着重 来 想 …), then a verb of speaking (说 谈 讲, 说一说 谈谈 讲一讲
说一下 说到 …) and its topic.

It is one sentence ending in 。, short, with no comma in its topic; a topic that counts or
lists (以下几个问题, 两个问题, 如下, 一些意见) announces items that follow as points or
paragraphs, not one topic, and stays a paragraph; so does a line ending in ：, and an
announcing clause followed by its body in the same paragraph (关于科学研究工作，这里不准备
多讲。目前…). It heads something only when paragraphs follow it before the next
announcement, and not as the first paragraph of its section (there it says what the
section's heading says). The last topic ends where a paragraph sums up (总的看来，… /
总之，…): that paragraph and those after it close the section, not the topic (1958's
最后说到文教战线上的情况。 has two paragraphs on schools; 总的看来，我国国民经济计划…全面地
完成 and what follows speak of the whole economy), and make an untitled sub-part.

A line of 关于 and a short topic (关于劳动就业问题。) plays the same part, but is not made a
sub-part yet: the alignment then meets the parts holding such sub-parts with the other
report's sections on other topics (1957's 二、 and 三、 against 1958's sections).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportdiff.core.model import Block, Span

ANNOUNCE_MAX = 50
"""Most characters of an announcing line, its 。 included."""

_TOPIC = r"[^，,。；;：:！？!?、\s][^，,。；;：:！？!?\s]{1,44}"

_SPOKEN_RE = re.compile(
    r"^(?:现在|下面|以下|先|再|然后|接着|最后|首先|其次)，?"
    r"(?:我们|我)?"
    r"(?:还要|还|再|先|首先|着重|重点|简要地|简单地|来|想|要)*"
    r"(?:说一说|谈一谈|讲一讲|说一下|谈一下|讲一下|说到|谈到|讲到|谈谈|讲讲|说|谈|讲)"
    r"(?![明服法话究求判心座])"
    rf"({_TOPIC})。$"
)
"""先说工业战线上的情况。 下面，着重讲一下能源…的重点。 现在谈谈…。: the topic is group 1."""

_COUNTS_RE = re.compile(
    r"以下|如下|下列|几个|几点|几项|几条|几方面|一些|这样|这些|"
    r"[一二两三四五六七八九十]+(?:个|点|项|条|件|方面)"
)
"""A topic that announces several items (以下几个问题, 两个问题, 讲一些意见): a list follows."""


_SUMS_UP_RE = re.compile(r"^(?:总的看来|总的说来|总的来说|总起来说|总而言之|综上所述|总之)[，,]")
"""总的看来，… — a paragraph that sums up what came before."""


def announcement(line: str) -> bool:
    """Whether a paragraph (stripped) is a line that announces the topic after it."""
    if len(line) > ANNOUNCE_MAX:
        return False
    m = _SPOKEN_RE.match(line)
    return m is not None and _COUNTS_RE.search(m.group(1)) is None


@dataclass(frozen=True)
class Announced:
    """A sub-part an announcing line opens: its heading and its paragraphs."""

    start: int
    """Offset of the line."""
    heading: Span
    """The line without its closing 。; empty (at ``start``) for the closing passage."""
    blocks: tuple[Block, ...]
    """The paragraphs after it, up to the next announcing line, the paragraph that sums
    up, or the end of the section."""


def announced_parts(
    text: str, blocks: tuple[Block, ...]
) -> tuple[tuple[Block, ...], list[Announced]]:
    """The blocks before a section's first announced topic, and the topics as sub-parts.

    ``(blocks, [])`` when the section has no announcing line that heads paragraphs (see
    the module's docstring). An announcing line directly followed by another stays a
    paragraph of the sub-part before it, or of the section (1958's 现在来说…执行结果。 is
    followed by 先说工业战线上的情况。: it announces the four fields, not one).
    """
    lines = [
        i
        for i, b in enumerate(blocks)
        if b.kind == "paragraph" and announcement(text[b.span.start : b.span.end])
    ]
    heads = [
        i
        for i in lines
        if i > 0
        and i + 1 < len(blocks)
        and i + 1 not in lines
        and blocks[i + 1].kind == "paragraph"
    ]
    if not heads:
        return blocks, []
    close = next(
        (
            j
            for j in range(heads[-1] + 2, len(blocks))
            if _SUMS_UP_RE.match(text[blocks[j].span.start : blocks[j].span.end])
        ),
        len(blocks),
    )
    bounds = [*heads, close]
    parts = []
    for k, i in enumerate(heads):
        line = blocks[i].span
        parts.append(
            Announced(line.start, Span(line.start, line.end - 1), blocks[i + 1 : bounds[k + 1]])
        )
    if close < len(blocks):
        at = blocks[close].span.start
        parts.append(Announced(at, Span(at, at), blocks[close:]))
    return blocks[: heads[0]], parts
