"""Which part of its report each section and block belongs to (review, plan, task, the
government's own conduct): alignment pairs only units of the same role."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reportdiff.core.model import Report, Section
from reportdiff.core.text.parts import heading_cue, report_parts

_PART_ROLES = (
    # "执行情况" first: 2023年国民经济和社会发展计划执行情况 is a review though it says 计划.
    ("review", re.compile(r"回顾|过去一年|一年来|执行情况")),
    ("task", re.compile(r"任务|安排|计划|目标|打算|展望")),
    # the government's own conduct and structure: 政府自身建设, 政风建设, 行政能力建设,
    # 廉洁、勤政、务实、高效政府, 转变政府职能, 政府机构改革
    (
        "self",
        re.compile(
            r"自身建设|政府建设|服务型政府|政风|行政能力|勤政|廉政|政府职能|政府机构|高效政府"
        ),
    ),
)


@dataclass(frozen=True)
class NodeRoles:
    """Which part of its report each section and block belongs to, read from what it says.

    ``review`` (what was done), ``plan`` (the year's targets), ``task`` (what is to be done),
    ``self`` (the government's own conduct, by its heading), or absent when unknown.
    """

    sections: dict[tuple[int, ...], str]
    blocks: dict[tuple[int, ...], str]
    """Keyed by block path: section path + block index; a preamble block is ``(index,)``."""


_PART_ROLE = {"review": "review", "plan": "plan", "tasks": "task"}
_MAJORITY = 0.6
"""Share of a section's blocks (with a known part) that must agree for the section to take
their part as its role: a review section may end on one forward-looking paragraph."""


def node_roles(report: Report) -> NodeRoles:
    """The role of every section and block of ``report``.

    A block's role is its part (:func:`reportdiff.core.text.parts.report_parts`: review,
    targets or tasks, found by what the text says, not by heading words of some reports).
    A section takes the part most of its blocks belong to (targets counting as tasks), so a
    review section of 2006 never meets a task section of 2005 however alike their headings
    (加快推进经济结构调整 ↔ 积极推进经济结构调整). A heading about the government's own
    conduct (政府自身建设) makes its section ``self`` whatever its paragraphs say.
    """
    parts = report_parts(report)
    blocks = {key: _PART_ROLE[bp.part] for key, bp in parts.blocks.items() if bp.part}
    tally: dict[tuple[int, ...], Counter[str]] = {}
    for key, role in blocks.items():
        path = key[:-1]
        for depth in range(1, len(path) + 1):
            tally.setdefault(path[:depth], Counter())["task" if role == "plan" else role] += 1
    sections: dict[tuple[int, ...], str] = {}
    for path, section in report.walk():
        counts = tally.get(path)
        if counts:
            role, n = counts.most_common(1)[0]
            if n >= _MAJORITY * sum(counts.values()):
                sections[path] = role
        # The government's own conduct, unless the section reviews it (2003's review
        # holds 坚持转变政府职能，努力建设廉洁勤政务实高效政府: what was done).
        if sections.get(path) != "review" and _role(report.heading_text(section)) == "self":
            sections[path] = "self"
    # A report does not go back to reviewing without saying so: a part whose paragraphs
    # are mixed (外交: 一年来… then 今年…) after the tasks have begun is still a task part.
    # Nor by its paragraphs alone: a part after the tasks whose heading does not say it
    # reviews (关于国际形势和外交工作: 1998年，世界… then 中国政府将继续…) is a task part.
    ahead = False
    for pi, sec in enumerate(report.sections):
        part_role = sections.get((pi,))
        if ahead and (
            part_role is None or (part_role == "review" and not _says_review(report, sec))
        ):
            sections[(pi,)] = "task"
        ahead = ahead or sections.get((pi,)) in ("task", "plan")
    return NodeRoles(sections, blocks)


def _says_review(report: Report, section: Section) -> bool:
    """Whether a section's heading says it reviews (回顾, 执行情况, 五年来…)."""
    return heading_cue(report.heading_text(section), None) == "review"


def _role(heading: str) -> str | None:
    for role, pattern in _PART_ROLES:
        if pattern.search(heading):
            return role
    return None


def _opening_role(roles: NodeRoles, path: tuple[int, ...], sec: Section) -> str | None:
    """The role of a part's own opening paragraphs, when most of them agree (else None).

    A part standing for its opening paragraphs is compared by them, so it takes their role,
    not its sections': 1984's 关于国内建设 reviews 1983 in its opening, then sets 一、…五、
    reforms, and its opening is the counterpart of another report's review.
    """
    tally = Counter(
        "task" if r == "plan" else r
        for r in (roles.blocks.get((*path, bi)) for bi in range(len(sec.blocks)))
        if r
    )
    if not tally:
        return None
    role, n = tally.most_common(1)[0]
    return role if n >= _MAJORITY * sum(tally.values()) else None
