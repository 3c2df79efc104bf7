"""Figures pair only at the same distance from their reports' years, and a paragraph that
opens on a multi-year period (在过去的五年中，…) frames its figures as that period.

Each case is a wrong pair a new user found on the corpus (an analyst would call it wrong).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.analysis.compare import compare
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.text.parts import framing_at


def _pairs(corpus_dir: Path, a: str, b: str) -> set[tuple[str, ...]]:
    ra, rb = resolve_report(str(corpus_dir / a)), resolve_report(str(corpus_dir / b))
    return {
        tuple(q.text for q in p.values if q) for p in compare([ra, rb]).numbers if all(p.values)
    }


@pytest.mark.parametrize(
    ("a", "b", "figure", "why"),
    [
        # 1979.txt reviews 1978 but quotes 1977's industrial growth; 1980.txt gives 1979's
        # agricultural growth
        ("1979.txt", "1980.txt", "百分之十四点三", "1977's figure vs 1979's"),
        # 1987.txt: 1986 vs 1978 (由３４８０亿元增加到９３８０亿元); 1988.txt: the 1992 target
        # (１５５００亿元), which meets no level (９３８０亿元 meets 1987's １０９２０亿元)
        ("1987.txt", "1988.txt", "１５５００亿元", "a level against a target four years on"),
        # 1986.txt: 在过去的五年中…建成投产大中型项目四百九十六个 is the 六五 total
        ("1985.txt", "1986.txt", "一百二十三个", "one year's projects vs a five-year total"),
    ],
)
def test_no_pair_across_years_or_periods(
    corpus_dir: Path, a: str, b: str, figure: str, why: str
) -> None:
    assert not any(figure in pair for pair in _pairs(corpus_dir, a, b)), why


def test_a_goal_with_one_deadline_still_pairs(corpus_dir: Path) -> None:
    """确保完成２００５年前裁减军队员额２０万 (2004.txt) is the task 2005.txt completes."""
    assert ("２０万", "20万") in _pairs(corpus_dir, "2004.txt", "2005.txt")


@pytest.mark.parametrize(
    "opening", ["在过去的五年中，我国的基本建设", "过去五年，", "五年来，", "在今后的五年里，"]
)
def test_a_multi_year_opening_frames_the_paragraph(opening: str) -> None:
    assert framing_at(opening, reviewed_year=1985, anchored=True).period == "years"


def test_one_year_is_not_a_multi_year_frame() -> None:
    assert framing_at("在这一年中，", reviewed_year=1985, anchored=True).period != "years"


def test_a_truncated_page_is_flagged_in_the_export(corpus_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """2006.txt holds only the opening of the 2006 report (the portal's first page)."""
    from reportdiff.cli import main

    assert main(["export", str(corpus_dir / "2005.txt"), str(corpus_dir / "2006.txt")]) == 0
    out, err = capsys.readouterr()
    assert "2006 is much shorter than 2005" in err and "truncated" in err
    assert "> 2006 is much shorter than 2005" in out


def test_a_short_reports_warning_gives_both_lengths_in_han_characters(corpus_dir: Path) -> None:
    """The lengths said are the Han characters (CJK unified ideographs) of each text."""
    from reportdiff.core.analysis.export import short_reports

    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2005, 2006)]
    han = [sum(1 for c in r.text if "\u4e00" <= c <= "\u9fff") for r in reports]
    assert han[1] < han[0] // 2
    (warning,) = short_reports(reports)
    assert f"({han[1]:,} Han characters against {han[0]:,})" in warning


def test_whole_reports_and_summaries_are_not_flagged(corpus_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reportdiff.cli import main

    assert main(["export", str(corpus_dir / "2004.txt"), str(corpus_dir / "2005.txt")]) == 0
    assert "shorter" not in capsys.readouterr().err
    assert main(["export", "yangpu-2023", "yangpu-2023-plan"]) == 0  # a 摘要 vs a full report
    assert "shorter" not in capsys.readouterr().err


def test_a_bound_shows_its_word_and_an_approximate_change(corpus_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """1994.txt: 国内生产总值…突破３万亿元; the Δ from a bound is only approximate."""
    from reportdiff.cli import main

    assert main(["export", str(corpus_dir / "1994.txt"), str(corpus_dir / "1995.txt")]) == 0
    row = next(ln for ln in capsys.readouterr().out.splitlines() if "突破３万亿元" in ln)
    assert "≈+" in row and "≈+46.0%" in row


def test_reports_given_newest_first_are_said_to_run_back_in_time(
    corpus_dir: Path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    """1999.txt then 1994.txt: GDP growth went from 13.4% (1993) to 7.8% (1998), and the Δ,
    from the first report to the other, reads +5.6 points, a rise where time saw a fall. The
    export says the reports run back in time, on stderr and in the document; in time order
    it says nothing."""
    from reportdiff.cli import main

    later, earlier = str(corpus_dir / "1999.txt"), str(corpus_dir / "1994.txt")
    assert main(["--lang", "en", "export", later, earlier]) == 0
    out, err = capsys.readouterr()
    note = "run back in time"
    assert note in err and f"> {note}" not in out
    line = next(x for x in out.splitlines() if note in x)
    assert line.startswith("> ") and "1999" in line and "1994" in line
    assert main(["--lang", "en", "export", earlier, later]) == 0
    out, err = capsys.readouterr()
    assert note not in err and note not in out


def test_a_report_of_unknown_year_is_never_said_to_run_back_in_time(corpus_dir: Path) -> None:
    """A report whose text names no year has year 0 (unknown), not the earliest year: beside
    it, nothing runs back in time."""
    from dataclasses import replace

    from reportdiff.core.storage.resolve import resolve_report
    from reportdiff.core.timeorder import time_order_notes

    later, earlier = (resolve_report(str(corpus_dir / f"{y}.txt")) for y in (1999, 1994))
    assert time_order_notes([later, earlier])
    unknown = replace(earlier, meta=replace(earlier.meta, year=0))
    assert time_order_notes([later, unknown]) == []
    assert time_order_notes([replace(later, meta=replace(later.meta, year=0)), earlier]) == []


def test_a_dated_report_reviews_the_year_its_date_says_not_a_misprinted_heading() -> None:
    """xuhui-2022 was given on 2023-01-04 but heads its review 二〇二三年工作回顾 (and its
    tasks 二〇二三年主要任务): a review is of a year that is over, so the session date wins
    and its figures are 2022's. Dated 2023, they stood a year ahead of their report and
    met no figure of yangpu-2022, the other district's review of 2022; 350张 and 600张 new
    elderly-care beds are one measure of the same year."""
    from engine_support import pairs
    from reportdiff.core.analysis.numbers import extract_quantities
    from reportdiff.core.storage.samples import load_sample
    from reportdiff.core.text.parts import report_parts

    xuhui = load_sample("xuhui-2022")
    assert report_parts(xuhui).reviewed_year == xuhui.meta.year == 2022
    beds = [q for q in extract_quantities(xuhui) if q.text == "600张"]
    assert [(q.year, q.role) for q in beds] == [(2022, "result")]
    found = {
        tuple(q.text if q else None for q in p.values)
        for p in pairs(load_sample("yangpu-2022"), xuhui)
    }
    assert ("350张", "600张") in found
    # 杨浦户籍应届大学毕业生就业率 (all new graduates) is not 离校未就业毕业生帮扶就业率 (the
    # jobless leavers a programme helped)
    assert ("95.77%", "94.96%") not in found


def test_a_rate_over_those_helped_is_not_a_rate_over_everyone() -> None:
    from reportdiff.core.analysis.namerules import measures_differ

    assert measures_differ("杨浦户籍应届大学毕业生就业率", "离校未就业毕业生帮扶就业率")
    assert not measures_differ("高校毕业生就业率", "应届高校毕业生就业率")
