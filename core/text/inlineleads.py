"""Lead phrases printed inside a paragraph: cut the paragraph so each opens its own.

Web copies of a report often print a whole section as one line. pudong-2023's review
does: ``加快探索超大城区治理新路,…。城区环境更加绿色低碳。浦东新区气候投融资…。城市管理
更加智慧精细。加快新型基础设施建设,…`` holds four sub-headings, each a short status
sentence followed by the sentences that spell it out.

Only such a section is cut: its heading, then a paragraph that runs its body together
and does not open with a lead of its own. Everywhere else a short sentence is a sentence of
its paragraph: the national reports are full of them (——经济持续较快增长。…产业结构调整
成效明显。…现代服务业快速发展。… in 2003 is one item, 国民经济保持良好发展势头。…金融运行
平稳。… in 2002 one paragraph), and a paragraph is never split at one.
"""

from __future__ import annotations

import re

from reportdiff.core.text.headings import BULLET, ITEM_MARKER_RE, lead_bounds, match_heading

Block = list[str]

INLINE_LEAD_MIN = 6
INLINE_LEAD_MAX = 12
"""A sub-heading states a field and its state in a few characters (开放水平不断提高, 8)."""

ACTION_OPENERS = (
    "全面",
    "持续",
    "加快",
    "深入",
    "深化",
    "推进",
    "推动",
    "实施",
    "完成",
    "开展",
    "制定",
    "优化",
    "着力",
    "积极",
    "大力",
    "进一步",
    "加强",
    "强化",
    "提升",
    "建设",
    "建成",
    "启动",
    "举办",
    "新增",
    "扎实",
    "坚持",
    "高质量",
    "不断",
    "稳步",
    "组织",
    "落实",
    "完善",
    "健全",
    "继续",
    "搞好",
    "做好",
    "加大",
    "规范",
    "鼓励",
    "支持",
    "改进",
    "努力",
    "切实",
    "认真",
    "重视",
    "关心",
    "保持",
    "促进",
    "发展",
    "巩固",
    "抓好",
)
"""How an action sentence opens (全面完成类住宅综合治理。实施农村人才培育项目。). A
sub-heading opens with its topic instead (城区环境更加绿色低碳), so a short sentence that
opens with a verb or an adverb is one more action, not a heading."""

SENTENCE_RE = re.compile(r"[^。！？]*[。！？]|[^。！？]+$")
PLAIN_RE = re.compile(r"^[\u4e00-\u9fff“”]+$")


def _sentences(line: str) -> list[str]:
    return [s for s in SENTENCE_RE.findall(line) if s]


def _is_inline_lead(sentence: str, rest: str) -> bool:
    """Whether ``sentence`` (with its 。) heads the sentences in ``rest``."""
    body = sentence[:-1] if sentence.endswith(("。", "！", "？")) else ""
    plain = body.replace("“", "").replace("”", "")
    return (
        INLINE_LEAD_MIN <= len(plain) <= INLINE_LEAD_MAX
        and PLAIN_RE.match(body) is not None
        and not body.startswith(ACTION_OPENERS)
        and bool(rest.strip())
        and lead_bounds(sentence + rest) == (0, len(body))
    )


def _is_heading_block(block: Block) -> bool:
    return len(block) == 1 and match_heading(block[0]) is not None


def _whole_section_line(blocks: list[Block], i: int) -> bool:
    """Whether ``blocks[i]`` is a one-line paragraph that opens its section's body.

    It follows a heading and does not open with a lead, a —— item or a 一是 item (such a
    paragraph is one unit already): the web copy ran the section's paragraphs together.
    """
    b = blocks[i]
    if len(b) != 1 or b[0].startswith(BULLET) or match_heading(b[0]):
        return False
    line = b[0]
    if line.startswith("——") or ITEM_MARKER_RE.match(line) or lead_bounds(line):
        return False
    return i > 0 and _is_heading_block(blocks[i - 1])


def split_inline_leads(blocks: list[Block]) -> list[Block]:
    """Cut a one-line paragraph before each lead phrase printed inside it.

    Leads come in sets: a paragraph is cut only when at least two of its later sentences
    are leads (a lone short sentence such as 疫情防控实现平稳转段。 in shanghai-2023 is a
    sentence like the others). The sentence after a lead must not be a lead too: a lead
    heads sentences.
    """
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if not _whole_section_line(blocks, i):
            out.append(b)
            continue
        sents = _sentences(b[0])
        cuts = [
            k
            for k in range(1, len(sents) - 1)
            if _is_inline_lead(sents[k], "".join(sents[k + 1 :]))
            and not _is_inline_lead(sents[k + 1], "".join(sents[k + 2 :]))
        ]
        if len(cuts) < 2:
            out.append(b)
            continue
        for start, stop in zip([0, *cuts], [*cuts, len(sents)], strict=True):
            out.append(["".join(sents[start:stop]).strip()])
    return out
