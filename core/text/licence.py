"""Licence footers: what a portal or a database prints after a report (版权所有, 京ICP备…)."""

from __future__ import annotations

import re

from reportdiff.core.text.headings import match_heading

LICENCE_RE = re.compile(
    r"版权所有|版权声明|copyright|©|ICP\s*备|ICP证|免责声明|转载请注明|未经(?:许可|授权|允许)"
    r"|版权归[^，,。；]{0,10}所有|不得(?:转载|复制|用于商业)|仅供(?:个人)?(?:学习|研究|学术)|数据库(?:提供|所有|收录)|网安备",
    re.IGNORECASE,
)
"""The wording of a licence or site footer (版权所有, 仅供学习研究使用, 京ICP备…)."""
LICENCE_LINE_MAX = 150


def is_licence(line: str) -> bool:
    """A licence or site-footer line: short, with the wording of one (版权所有, 京ICP备 …).

    A numbered line (a glossary entry about 版权) is the report's own text.
    """
    t = line.strip()
    return (
        len(t) <= LICENCE_LINE_MAX
        and LICENCE_RE.search(t) is not None
        and not _NUMBERED_RE.match(t)
        and not match_heading(t)
    )


_NUMBERED_RE = re.compile(r"^[(（]?[\d０-９]{1,3}[)）.．、]")


def drop_licence_tail(lines: list[str], zone: int) -> list[str]:
    """Drop a licence footer after the last paragraph: from its first line in the last lines.

    The footer may hold sentences (本文仅供学习研究使用，不得用于商业用途。), so it is looked
    for only among the last ``zone`` non-blank lines, and only where every line from it to
    the end is short and no heading: a glossary at the end that mentions 版权 stays.
    """
    while True:
        tail = [i for i, ln in enumerate(lines) if ln.strip()][-zone:]
        hits = [i for i in tail if is_licence(lines[i])]
        if not hits or not all(_footer_line(lines[i]) for i in tail if i >= hits[0]):
            return lines
        lines = lines[: hits[0]]


def _footer_line(line: str) -> bool:
    t = line.strip()
    return len(t) <= LICENCE_LINE_MAX and not match_heading(t)
