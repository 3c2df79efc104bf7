"""Exports as a journalist reads them (session ux10): the State Council's 2004 and 2005
reports, national-2003 and national-2004 in a library."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest


@pytest.fixture
def exported(corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """``export national-2003 national-2004`` in a format, read back as a user would."""
    from reportdiff.cli import main

    assert main(["add", str(corpus_dir / "2004.txt"), str(corpus_dir / "2005.txt")]) == 0

    def run(fmt: str) -> str:
        out = tmp_path / f"cmp.{fmt}"
        assert main(["export", "national-2003", "national-2004", "-f", fmt, "-o", str(out)]) == 0
        return out.read_text(encoding="utf-8-sig")

    capsys.readouterr()
    return run


def test_csv_says_a_target_is_a_target(exported) -> None:  # type: ignore[no-untyped-def]
    """The CSV gave 2004's growth target 7％左右 and 2005's 8％左右 bare, beside the years'
    results (９．１％, 9．5％): in a spreadsheet a target read as the year's growth. Its cells
    carry the scope the Markdown table and the reader show: 7％左右（目标）."""
    rows = list(csv.reader(io.StringIO(exported("csv"))))
    header, body = rows[0], rows[1:]
    a, b = header.index("national-2003"), header.index("national-2004")
    targets = [r for r in body if r[a].startswith("７％左右")]
    assert targets, "2004's growth target is not in the CSV"
    assert all(r[a].endswith("（目标）") for r in targets), targets
    assert any(r[b] == "8％左右（目标）" for r in targets), targets
    # a result stays as printed, with no bracket
    growth = [r for r in body if r[a] == "９．１％"]
    assert growth and growth[0][b] == "9．5％", growth
