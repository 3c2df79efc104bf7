"""The CLI as a journalist met it first (session ux10), over the State Council's reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.cli import main


@pytest.fixture
def library(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(corpus_dir / "2004.txt"), str(corpus_dir / "2005.txt")]) == 0
    capsys.readouterr()


@pytest.mark.usefixtures("library")
def test_list_says_when_no_report_matches(capsys: pytest.CaptureFixture[str]) -> None:
    """``list --region 中国`` (the State Council's reports are 全国) printed the header row
    alone and nothing on stderr: an empty library or a typo looked the same as a filter
    nothing matches. It says no report matches, and how national reports are found."""
    assert main(["list", "--region", "中国"]) == 0
    out, err = capsys.readouterr()
    assert "national-2003" not in out
    assert "no report matches" in err
    assert "--level national" in err and "中国" in err
    # a filter that does match says nothing more
    assert main(["list", "--level", "national"]) == 0
    out, err = capsys.readouterr()
    assert "national-2003" in out and "no report matches" not in err
    # a year nothing reviews: no region hint, only the fact
    assert main(["list", "--year", "2030"]) == 0
    out, err = capsys.readouterr()
    assert "no report matches" in err and "--level national" not in err
