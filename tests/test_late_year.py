"""In a report delivered late in the year it reviews, 今年 is that year (the year so far)
and 明年 the coming one, for a figure's year as for a section's framing. 1981.txt is
delivered on 30 November 1981 (今年以来…), 1982.txt on 30 November 1982 (今年一到九月…)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.storage.resolve import resolve_report


def _years(corpus_dir: Path, name: str, printed: str, words: str) -> set[int | None]:
    report = resolve_report(str(corpus_dir / name))
    return {
        q.year
        for q in extract_quantities(report)
        if q.text == printed and words in report.text[q.span.start - 30 : q.span.end]
    }


@pytest.mark.parametrize(
    ("name", "printed", "words", "year"),
    [
        ("1982.txt", "四十多亿元", "今年的亏损额预计达", 1982),
        ("1981.txt", "１２％", "今年轻纺工业的总产值预计", 1981),
        ("1981.txt", "９％", "社会商品零售额今年预计", 1981),
    ],
)
def test_this_year_in_a_late_report_is_the_year_reviewed(
    corpus_dir: Path, name: str, printed: str, words: str, year: int
) -> None:
    assert _years(corpus_dir, name, printed, words) == {year}


def test_this_year_in_a_spring_report_is_the_coming_year(corpus_dir: Path) -> None:
    """1997.txt, delivered in March, reviews 1996: 今年…调控目标定为８％ is 1997's."""
    assert _years(corpus_dir, "1997.txt", "８％", "经济增长速度的调控目标") == {1997}
