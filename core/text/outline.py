"""A plain-text outline of a parsed report: metadata, parts, sections, lead phrases, appendices."""

from __future__ import annotations

from reportdiff.core.i18n import N_, _, pgettext
from reportdiff.core.model import Block, Report, Section

LEVEL_WORDS = (N_("national"), N_("province"), N_("prefecture"), N_("county"), N_("unknown"))
"""The region levels (core.model.RegionLevel), marked for the catalog: shown through ``_()``."""


def kind_label(kind: str) -> str:
    """A report kind (core.model.ReportMeta.kind) in the interface language, for display.

    English shows the value itself, as before (``add``'s tab-separated lines are read by
    scripts); the stored and JSON value stays ``work-report``/``summary``/``plan-report``/``budget-report``/
    ``unknown``.
    """
    words = {
        "work-report": pgettext("kind", "work-report"),
        "summary": pgettext("kind", "summary"),
        "plan-report": pgettext("kind", "plan-report"),
        "budget-report": pgettext("kind", "budget-report"),
        "unknown": pgettext("kind", "unknown"),
    }
    return words.get(kind, kind)


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
    sep = " " if heading and section.marker and section.marker[-1] not in "、)），," else ""
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
    unknown = _("unknown")
    lines = [
        _("id:     {id}").format(id=m.id),
        _("title:  {title}").format(title=m.title or unknown),
        _("region: {region} ({level})").format(region=m.region or unknown, level=_(m.level)),
        _("year:   {year} reviewed, {delivered} delivered").format(
            year=m.year or unknown, delivered=m.delivered or unknown
        ),
        _("date:   {date}").format(date=m.date or "-"),
        _("kind:   {kind}").format(kind=kind_label(m.kind)),
        _("source: {source}").format(source=m.source),
        "",
    ]
    if report.preamble:
        lines.append(_("(preamble)"))
        lines += [INDENT + _block_line(report, b) for b in report.preamble]
    for section in report.sections:
        lines += _section_lines(report, section, 0)
    for appendix in report.appendices:
        lines.append(
            _("[appendix] {heading} ({count} entries)").format(
                heading=report.heading_text(appendix), count=len(appendix.blocks)
            )
        )
    return "\n".join(lines) + "\n"
