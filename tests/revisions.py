"""A revised draft of a real report, for the tests of in-paragraph changes.

Comparing two years of a report mostly pairs rewritten paragraphs; a person using the
reader as a diff tool compares two drafts of one text. This takes a bundled report and
applies a few edits of the kinds drafts get, so tests know exactly what changed.
"""

from __future__ import annotations

from dataclasses import replace

from reportdiff.core.model import Report

EDITS: tuple[tuple[str, str, str], ...] = (
    # (unique context before, old, new): context + old appears once in the base text
    ("全力以赴赴招大引强、招链引群", "", "，着力稳增长"),
    ("招链引群，全年新注册企业", "5800", "6100"),
    ("美团无人机", "低空", ""),
    ("努力以新场景激发消费新", "活力", "动能"),
)
"""Edits to yangpu-2023, in text order, all inside its paragraph 经济增长量质提升."""


def revised(base: Report, edits: tuple[tuple[str, str, str], ...] = EDITS) -> Report:
    """``base`` with ``edits`` applied, re-parsed, as report ``<id>-draft``."""
    from reportdiff.core.text.parse import parse_report

    text = base.text
    # Right to left, at the places found in the base, so one edit never moves another.
    for where, (_before, _old, new) in sorted(
        zip(edited_ranges(base, edits), edits, strict=True), key=lambda e: -e[0].start
    ):
        text = text[: where.start] + new + text[where.stop :]
    meta = replace(base.meta, id=base.meta.id + "-draft")
    return parse_report(text, meta)


def edited_ranges(base: Report, edits: tuple[tuple[str, str, str], ...] = EDITS) -> list[range]:
    """Where each edit's old text stands in ``base`` (empty ranges for insertions)."""
    out = []
    for before, old, _new in edits:
        assert base.text.count(before + old) == 1, before + old
        at = base.text.index(before + old) + len(before)
        out.append(range(at, at + len(old)))
    return out
