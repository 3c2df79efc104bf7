"""A paragraph that opens by naming its field: the field stands for its lead in alignment.

Older reports give a field of work one paragraph opening with the field's name and a comma
(1981's 轻工业生产，由于采取了… / 重工业生产，…, 1982's 煤炭工业建设，五年投资…, 1983's
经济体制改革，是…一件大事) where another report gives the field a section or a lead phrase.
Such a paragraph has no lead phrase (its first clause ends at a comma, not 。), so nothing
that pairs sections with lead paragraphs sees it.

For alignment only, such an opening field is the paragraph's heading-like key: the text
keeps no lead (the parse, number naming and context read :attr:`Block.lead`, which stays
None). A field is also named as a front (在工业战线上，… / 在农业战线方面，… / 在科技方面，…:
the name between 在 and 战线上 or 方面). A field name is a short run of Chinese characters
ending in a field noun (:data:`FIELD_NOUNS`: 农业, 工业, 建设, 贸易, 市场 …) followed by ，;
it does not open with a verb (发展农业生产，… is an action, 实行计划生育，… too) nor with a
time or connective word.

The name is evidence for paragraphs met across sections, never against a pair (财税体制改革
is a poor match for a whole lead phrase saying the same, 认真实施财税改革方案，理顺中央与地方…)
and never alone (财税体制改革 and 进一步深化流通体制改革 share 体制改革 and hardly a word of
their bodies): see :func:`~reportdiff.core.analysis.align.named_score`. Within a pair
of sections order and bodies place the paragraph (with the name, ten national reports
1996–2005 aligned together regroup their paragraphs on state enterprises around 1996's
国有企业改革，要着眼于… and worse). A section meets such a paragraph
as a lead (:func:`~reportdiff.core.analysis.similarity.lead_score`) only when its heading
echoes the name (:data:`TOPIC_HEADING`) and their bodies share as much (1982's
在农业建设方面，重点是加强黄河、长江… is about water works, not 1981's
依靠政策和科学，加快农业的发展). A field name makes no section broad, and never tells which
of two neighbours says a topic better (it is short: it reads as like any neighbour naming
the field).
"""

from __future__ import annotations

import re

from reportdiff.core.model import Block, Report, Span

TOPIC_HEADING = 0.5
"""Least heading likeness for a section to meet a paragraph by its field name
(:func:`~reportdiff.core.analysis.similarity.lead_score`): the name is a word of the
heading (经济体制改革 ↔ 积极稳妥地加快经济体制改革的进程 is 0.85)."""

FIELD_NOUNS = (
    "业",
    "建设",
    "贸易",
    "技术",
    "教育",
    "市场",
    "生育",
    "生活",
    "投资",
    "改革",
    "生产",
    "运输",
    "总产值",
)
"""How the name of a field of work ends: an industry or trade (农业, 轻工业, 交通运输业,
劳动就业), a kind of work (基本建设, 对外贸易, 科学技术, 固定资产投资, 财税体制改革,
轻工业生产) or a field of life (人民生活, 计划生育)."""

_OPENING_RE = re.compile(r"[\u4e00-\u9fff]{2,7}(?=，)")
_FRONT_RE = re.compile(r"在([\u4e00-\u9fff]{2,8}?)(?:战线上|战线方面|方面)，")
"""A field named as a front (在工业战线上，… / 在农业战线方面，… / 在科技方面，…): the name
between 在 and 战线上 / 方面 is the field."""
_VERB_OPENERS = re.compile(
    r"^(?:发展|加强|加快|实行|实施|实现|改革|搞好|搞活|做好|抓好|推进|促进|坚持|继续|积极|大力|"
    r"努力|进一步|深化|扩大|提高|保持|控制|注重|全面|切实|认真|调整|整顿|建立|完善|维护|"
    r"要|应|必须|我们|不论|无论|其他|其它|各|就|从|在|对于|把|为了|由于|根据|按照|经过|通过|"
    r"随着|除|这|此|今|去|明|前|当|目)"
)
"""Openings of a clause that is no field name: a verb of action or of duty (发展农业生产,
改革经济体制, 要采用先进技术), a subject (我们搞基本建设), a preposition or a concessive (在工业
建设中 is a place in the text, not a field; 不论是交通运输), or a time, pointing or
leftover word (今年, 当前, 这几年, 其他各项改革)."""


def topic_opening(report: Report, block: Block) -> Span | None:
    """The field named at the opening of paragraph ``block``, or None (see the module's
    account)."""
    text = report.slice(block.span)
    front = _FRONT_RE.match(text)
    if front is not None:
        name, at = front.group(1), front.start(1)
    else:
        m = _OPENING_RE.match(text)
        if m is None or not m.group(0).endswith(FIELD_NOUNS):
            return None
        name, at = m.group(0), m.start()
    if _VERB_OPENERS.match(name) or "的" in name:
        return None
    return Span(block.span.start + at, block.span.start + at + len(name))
