"""A report's alignable units: its top-level parts and sections, and the children of each.

A unit (:class:`reportdiff.core.analysis.similarity.Unit`) is a section or a paragraph with
its heading or lead phrase and its body words; which nodes become units, and how a part of
sections, a part of numbered points or a lone untitled passage is cut, is decided here.
How alike two units are is :mod:`reportdiff.core.analysis.similarity`.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportdiff.core.analysis.noderoles import _opening_role, node_roles
from reportdiff.core.analysis.similarity import (
    ReportTokens,
    Unit,
    _has_sections,
    _has_titled_sections,
    _make_unit,
)
from reportdiff.core.analysis.topicopen import topic_opening
from reportdiff.core.model import Block, Report, Section, Span
from reportdiff.core.text.parts import heading_cue

__all__ = ["child_units", "top_units"]


def _block_unit(
    i: int,
    report: Report,
    tokens: ReportTokens,
    path: tuple[int, ...],
    block: Block,
    role: str | None,
    *,
    preamble: bool = False,
) -> Unit:
    topic = None if block.lead or block.kind != "paragraph" else topic_opening(report, block)
    unit = _make_unit(
        i,
        report,
        tokens,
        kind="paragraph",
        path=path,
        label_span=block.lead or topic,
        span=block.span,
        body_spans=[block.span],
        role=role,
        preamble=preamble,
        block=block,
    )
    unit.topic = topic is not None
    return unit


def _section_unit(
    i: int,
    report: Report,
    tokens: ReportTokens,
    path: tuple[int, ...],
    sec: Section,
    role: str | None,
    *,
    shallow: bool = False,
    flat: bool = False,
    points: bool = False,
) -> Unit:
    """A section's unit: its whole text; for a part with sections (``shallow``/``flat``)
    its own opening paragraphs only, its sections being units of their own at the same
    level; with ``points``, its paragraphs and numbered points without its untitled
    passages (the part a section covering its points meets whole: :mod:`.alignpoints`)."""
    if shallow or flat or points:
        body_spans = [b.span for b in sec.blocks]
        if points:
            body_spans += [c.span for c in sec.children if c.kind == "subsection"]
    else:
        body_spans = [Span(sec.heading.end, sec.span.end)]
    unit = _make_unit(
        i,
        report,
        tokens,
        kind="section",
        path=path,
        label_span=sec.heading,
        span=sec.span,
        body_spans=body_spans,
        role=role,
        section=sec,
        shallow=shallow,
    )
    unit.flat = shallow or flat
    unit.points_only = points
    return unit


def top_units(i: int, report: Report, tokens: ReportTokens) -> list[Unit]:
    """The units aligned at the top level: preamble blocks, then sections.

    Parts are flattened: a report with parts (一、工作回顾 → (一)…) is aligned at the level
    of its sections, the part standing for its own opening paragraphs, so that
    yangpu-2022's five ◆ sections (no parts) meet shanghai-2023's (一)…(五) under
    一、2023年工作回顾. Every unit carries its role (:func:`node_roles`); a section whose
    paragraphs do not say takes its part's.
    """
    units: list[Unit] = []
    roles = node_roles(report)
    for bi, block in enumerate(report.preamble):
        units.append(
            _block_unit(i, report, tokens, (bi,), block, roles.blocks.get((bi,)), preamble=True)
        )
    for pi, sec in enumerate(report.sections):
        role = roles.sections.get((pi,))
        # A part is flattened only when it has titled sections: one whose only sections
        # are untitled passages (各位代表！… inside 1987's 四、巩固和发展安定团结的政治局面)
        # is one topic, compared whole with the other report's sections.
        # A part whose only sections are untitled passages (各位代表！…) is compared with
        # the other report's sections (not shallow). In a review such passages sum the
        # review up (1993's 一、…伟大成就的五年 goes on with 各位代表！五年来…): one whole.
        # After the review they may close the report on other topics (1987's
        # 四、巩固和发展安定团结的政治局面 then 一国两制, 2005's 五、… then 国防, 港澳台): the
        # part is its own paragraphs, the passages units of their own beside it (flat).
        shallow = sec.kind == "part" and _has_titled_sections(sec)
        if shallow:
            role = _opening_role(roles, (pi,), sec) or role
        # The sub-parts of a part's numbered points (第一，…。 core/text/points.py) make it
        # neither shallow nor flat: a part of points only is one topic, compared whole, its
        # points aligned inside it as its lead paragraphs were. Beside sections or passages
        # they are units of the part's level, as those are.
        flat = shallow or (sec.kind == "part" and _has_sections(sec) and role != "review")
        unit = _section_unit(i, report, tokens, (pi,), sec, role, shallow=shallow, flat=flat)
        if shallow and not heading_cue(report.heading_text(sec), None):
            # a topical part (not 今后五年…的任务 / 2004年主要任务, which hold every topic)
            unit.whole = _section_unit(i, report, tokens, (pi,), sec, role)
        elif flat and any(c.kind == "subsection" for c in sec.children):
            # points beside passages: the part with its points, which a section covering
            # them meets whole (:mod:`.alignpoints`)
            unit.gathered = _section_unit(i, report, tokens, (pi,), sec, role, points=True)
        units.append(unit)
        if flat:
            for ci, child in enumerate(sec.children):
                units.append(
                    _section_unit(
                        i, report, tokens, (pi, ci), child, roles.sections.get((pi, ci), role)
                    )
                )
    for unit in units:
        unit.roles = roles
    return units


def child_units(
    unit: Unit, reports: Sequence[Report], tokens: Sequence[ReportTokens]
) -> list[Unit]:
    """Blocks and child sections directly inside a section unit, in document order."""
    sec = unit.section
    if sec is None:
        return []
    i = unit.report
    report = reports[i]
    path = unit.ref.path
    roles = unit.roles if unit.roles is not None else node_roles(report)
    out: list[Unit] = []
    for bi, block in enumerate(sec.blocks):
        role = roles.blocks.get((*path, bi), unit.role)
        out.append(_block_unit(i, report, tokens[i], (*path, bi), block, role))
    if not unit.flat:
        for ci, child in enumerate(sec.children):
            if unit.points_only and child.kind != "subsection":
                continue
            role = roles.sections.get((*path, ci), unit.role)
            out.append(_section_unit(i, report, tokens[i], (*path, ci), child, role))
    for child_unit in out:
        child_unit.roles = roles
    return out
