"""A plain-text outline of a parsed report: metadata, parts, sections, lead phrases, appendices."""

from __future__ import annotations

from reportdiff.core.model import Block, Report, Section

INDENT = "  "
SNIPPET = 16
"""Characters shown of a paragraph that has no lead phrase."""


def _block_line(report: Report, block: Block) -> str:
    """One outline line for a block: its lead, a highlight count, or the paragraph's opening."""
    lead = report.lead_text(block)
    if block.kind == "highlights":
        n = len(block.items)
        count = f"[{n} highlight{'s' if n != 1 else ''}]"
        return f"{lead} {count}" if lead else count
    if lead:
        return lead
    text = report.slice(block.span).replace("\n", " ")
    return "¶ " + (text[:SNIPPET] + "…" if len(text) > SNIPPET else text)


def _section_lines(report: Report, section: Section, depth: int) -> list[str]:
    pad = INDENT * depth
    heading = report.heading_text(section)
    # Symbol markers get a space (▶ 优存量…); numbered ones read as printed (一、… (一)…).
    sep = " " if section.marker and section.marker[-1] not in "、)），," else ""
    title = f"{section.marker}{sep}{heading}"
    lines = [pad + (title or "(untitled)")]
    lines += [pad + INDENT + _block_line(report, b) for b in section.blocks]
    for child in section.children:
        lines += _section_lines(report, child, depth + 1)
    return lines


def format_outline(report: Report) -> str:
    """Metadata lines, then the indented outline; ends with a newline.

    Args:
        report: A parsed report.

    Returns:
        Plain text (report text is data: nothing here is markup).
    """
    m = report.meta
    lines = [
        f"id:     {m.id}",
        f"title:  {m.title or 'unknown'}",
        f"region: {m.region or 'unknown'} ({m.level})",
        f"year:   {m.year or 'unknown'} reviewed, {m.delivered or 'unknown'} delivered",
        f"date:   {m.date or '-'}",
        f"kind:   {m.kind}",
        f"source: {m.source}",
        "",
    ]
    if report.preamble:
        lines.append("(preamble)")
        lines += [INDENT + _block_line(report, b) for b in report.preamble]
    for section in report.sections:
        lines += _section_lines(report, section, 0)
    for appendix in report.appendices:
        lines.append(f"[appendix] {report.heading_text(appendix)} ({len(appendix.blocks)} entries)")
    return "\n".join(lines) + "\n"
