"""Exports as a newcomer reads them: unnamed indicators, unchanged figures, unlabelled rows."""

from __future__ import annotations

import pytest
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export import to_csv, to_markdown
from reportdiff.core.comparison import Comparison


@pytest.fixture(scope="module")
def yangpu() -> Comparison:
    from reportdiff.core.storage.samples import load_sample

    return compare([load_sample("yangpu-2022"), load_sample("yangpu-2023")])


def _table_rows(md: str) -> list[list[str]]:
    """Every Markdown table row's cells (header and rule rows included)."""
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in md.splitlines()
        if line.startswith("|")
    ]


def test_an_unnamed_indicator_has_a_placeholder_in_markdown_and_csv(yangpu: Comparison) -> None:
    """两年 "48个" (a figure whose sentence names no indicator): never a blank name."""
    unnamed = [p for p in yangpu.numbers if not p.indicator.strip()]
    assert unnamed
    md = to_markdown(yangpu)
    assert not [row for row in _table_rows(md) if row[0] == ""]
    csv_rows = to_csv(yangpu).splitlines()[1:]
    assert not [row for row in csv_rows if row.startswith(",")]
    assert sum(row.startswith("(unnamed),") for row in csv_rows) == len(unnamed)
