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


def test_search_shows_a_sentence_once_with_each_of_its_hits(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``search 农业``: the 1955 report's second and third hits are in one sentence
    (我国工业农业总产值（包括工业、手工业、农业和农村副业…）), printed twice over, each time
    with one hit marked — a reader took it for the report repeating itself. A sentence is
    shown once, every hit in it marked."""
    assert main(["add", str(corpus_dir / "1955.txt")]) == 0
    capsys.readouterr()
    assert main(["search", "农业", "--year", "1954"]) == 0
    out = capsys.readouterr().out
    lines = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert lines, out
    plain = [line.replace("⟦", "").replace("⟧", "").strip("…") for line in lines]
    for i, a in enumerate(plain):
        for j, b in enumerate(plain):
            assert i == j or a not in b, (lines[i], lines[j])
    both = [line for line in lines if "工业⟦农业⟧总产值（包括工业、手工业、⟦农业⟧" in line]
    assert len(both) == 1, lines
    # three hits asked for, three hits marked
    assert sum(line.count("⟦") for line in lines) == 3


def test_targets_of_a_truncated_report_say_it_may_be_a_part(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The 2006 page holds the report's opening only (3,930 characters of a report of some
    18,000): ``targets national-2005 national-2006`` said "has no part that sets targets",
    which a reader of the 2006 report knows to be false. The line says the file may hold
    only part of the report, the likely reason, still in one line."""
    assert main(["add", str(corpus_dir / "2006.txt"), str(corpus_dir / "2007.txt")]) == 0
    capsys.readouterr()
    assert main(["targets", "national-2005", "national-2006"]) != 0
    err = capsys.readouterr().err
    assert "national-2005 has no part that sets targets" in err
    assert "only part of the report" in err
    assert len(err.strip().splitlines()) == 1


def test_timeline_says_a_silent_year_may_be_a_truncated_report(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over 1995–2009 the GDP growth timeline gave 2007 "—", "the report says nothing";
    the 2008 page holds only the report's opening (7,828 characters against 15,000–20,000
    before it). The year's note says the report may be truncated, so "—" is not read as a
    report silent on growth; a whole report's "—" (2000: the 2001 report gives no figure)
    gets no such note."""
    files = [str(corpus_dir / f"{year}.txt") for year in range(1996, 2010)]
    assert main(["add", *files]) == 0
    capsys.readouterr()
    ids = [f"national-{year}" for year in range(1995, 2009)]
    assert main(["timeline", *ids, "-i", "国内生产总值增长"]) == 0
    out = capsys.readouterr().out
    rows = {
        line.split(" | ")[0].strip("| "): line
        for line in out.splitlines()
        if line[:6] in {f"| {y}" for y in range(1990, 2010)}
    }
    assert "—" in rows["2007"] and "national-2007" in rows["2007"]
    assert "may be truncated" in rows["2007"]
    assert "—" in rows["2000"] and "truncated" not in rows["2000"]
