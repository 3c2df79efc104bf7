"""Find the reports inside a compilation (many 政府工作报告 pasted into one document)."""

from __future__ import annotations

import itertools
import re

from reportdiff.core.text.dedup import distinct_reports
from reportdiff.core.text.headings import is_date_line

TITLE_RE = re.compile(
    r"^(?:\d{4}\s*年\s*)?(?:《)?政府工作报告(?:》)?\s*(?:[（(]\s*(?:\d{4}\s*年|摘要)\s*[)）])?$"
)
"""A report's title line: 政府工作报告, 2024年政府工作报告, 政府工作报告(2024年)."""

DATE_WITHIN = 3
"""The ——date line follows the title within this many non-blank lines."""


def _starts(lines: list[str]) -> list[int]:
    """Indices of title lines followed closely by a ——date line.

    A table of contents names the reports too, but never with a date line under them,
    so its entries are not taken for reports.
    """
    starts = []
    for i, line in enumerate(lines):
        if not TITLE_RE.match(line.strip()):
            continue
        following = [ln for ln in lines[i + 1 : i + 1 + 3 * DATE_WITHIN] if ln.strip()]
        for ln in following[:DATE_WITHIN]:
            if TITLE_RE.match(ln.strip()):
                break  # another title comes first: this one is a list entry
            if is_date_line(ln):
                starts.append(i)
                break
    return starts


def split_compilation(raw: str) -> list[str]:
    """The raw text of each report in a compilation, in document order.

    Text before the first report (title page, table of contents) is dropped. A document
    with fewer than two distinct reports in it (copies of one report count once) is
    returned whole, as one report.
    """
    lines = raw.replace("\r\n", "\n").split("\n")
    starts = _starts(lines)
    if len(starts) < 2:
        return [raw]
    bounds = [*starts, len(lines)]
    pairs = itertools.pairwise(bounds)
    # A saved page holding one report several times is no compilation: the cleaner keeps
    # one copy of the whole text.
    parts = distinct_reports(["\n".join(lines[a:b]).strip("\n") + "\n" for a, b in pairs])
    return parts if len(parts) >= 2 else [raw]
