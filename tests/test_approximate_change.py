"""A change from or to a bound is only approximate, and says so wherever it is shown.

The State Council's 2006 report says 财政收入突破3万亿元 (2005's revenue was 3.16万亿元);
2007's says 3.93万亿元. 3 → 3.93 is +31%, but the revenue rose about 24%: the reader's
badge, the numbers view and the HTML export printed +31.0% as if measured, where the
Markdown table already wrote ≈. Each now writes ≈+31.0%.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export_format import approximate_pair, change_label
from reportdiff.core.analysis.export_html import to_html
from reportdiff.core.comparison import Comparison, NumberPair
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.tui.highlights import number_badge


@pytest.fixture(scope="module")
def cmp(corpus_dir: Path) -> Comparison:
    return compare([resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2006, 2007)])


def revenue(cmp: Comparison) -> NumberPair:
    return next(
        p
        for p in cmp.numbers
        if p.values[0] is not None
        and p.values[0].text == "3万亿元"
        and "突破" in p.values[0].qualifiers
    )


def test_a_bound_makes_the_change_approximate(cmp: Comparison) -> None:
    pair = revenue(cmp)
    assert pair.status == "changed" and approximate_pair(pair)
    assert change_label(pair).startswith("≈+")
    assert number_badge(pair, 1) == f"⟨←突破3万亿元 {change_label(pair)}⟩"


def test_exact_figures_stay_exact(cmp: Comparison) -> None:
    exact = [p for p in cmp.numbers if p.status == "changed" and not approximate_pair(p)]
    assert exact
    assert not any(change_label(p).startswith("≈") for p in exact)
    # A rate's change keeps its unit: 9.9% → 10.7% is +0.8个百分点.
    rates = [p for p in exact if p.pct is None and p.delta is not None]
    assert rates and all(change_label(p).endswith(p.unit) for p in rates)


def test_the_html_badge_says_it_too(cmp: Comparison) -> None:
    page = to_html(cmp)
    assert "突破3万亿元 " + change_label(revenue(cmp)) in page


def test_a_pairs_name_keeps_no_year_of_one_side(corpus_dir: Path) -> None:
    """1987 reads 国民生产总值１９８７年…; beside 1988's figure of another year the year in the
    name would say the wrong year: a pair's name drops it (a figure alone keeps its words)."""
    a = resolve_report(str(corpus_dir / "1988.txt"))
    b = resolve_report(str(corpus_dir / "1989.txt"))
    names = [p.indicator for p in compare([a, b]).numbers if None not in p.values]
    assert names and not any(re.search(r"[12１２][0-9０-９]{3}\s*年", n) for n in names), names


def test_a_change_alone_says_it_is_a_change_and_which_way(corpus_dir: Path) -> None:
    """1989's review: 粮食减产２．２％, 实际利用外资…比上年增长１６．４％ have no counterpart in
    1990's; shown as 粮食 ２．２％ they read as levels (or rises). Alone, as in a pair, the row's
    name carries the change word."""
    a = resolve_report(str(corpus_dir / "1989.txt"))
    b = resolve_report(str(corpus_dir / "1990.txt"))
    alone = {
        p.values[0].text: p.indicator
        for p in compare([a, b]).numbers
        if p.values[1] is None and p.values[0] is not None
    }
    assert alone["２．２％"] == "粮食减产"
    assert alone["１６．４％"].endswith("增长")
