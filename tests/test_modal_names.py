"""A modal verb before the verb that links a name to its figure (可以达到, 可能增加) says how
sure the figure is, not what it counts: it is no name, and no part of one."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import made_pairs, printed_near


def _names(corpus_dir: Path, name: str, printed: str, words: str) -> set[str]:
    return {q.indicator for q in printed_near(corpus_dir, name, printed, words, 40)}


@pytest.mark.parametrize(
    ("name", "printed", "words"),
    [
        ("1982.txt", "百分之六点四", "一九八二年计划为百分之四，预计可以达到"),
        ("1958.txt", "五百亿元", "供应社会的商品总量，可以达到"),
        ("1955.txt", "五十六万千瓦", "发电能力可以达到"),
        ("1955.txt", "百分之五十", "比别的杂粮可能增加"),
    ],
)
def test_a_modal_verb_is_no_name(corpus_dir: Path, name: str, printed: str, words: str) -> None:
    names = _names(corpus_dir, name, printed, words)
    assert names, (name, printed)
    assert not any(n.endswith(("可以", "可能", "能够")) for n in names), names


@pytest.mark.parametrize(
    ("name", "printed", "words", "expected"),
    [
        # a demand (要, 将要, 只要, 应当) ends no name
        ("1955.txt", "四百六十六亿斤", "粮食产量要增长", "粮食产量"),
        ("1956.txt", "３，５５６万担", "棉花产量将要达到", "棉花产量"),
        ("1981.txt", "１％", "生产成本只要降低", "生产成本"),
        ("1959.txt", "一千二百四十一亿元", "工农业总产值就应当是", "工农业总产值"),
        # …nor the year it is due by (the year is the figure's, not its name's)
        ("1996.txt", "１３亿", "全国人口２０００年要控制在", "全国人口"),
        ("1997.txt", "１３亿", "我国人口到２０００年要控制在", "我国人口"),
        ("1988.txt", "１０９２０亿元", "国民生产总值１９８７年", "国民生产总值"),
    ],
)
def test_a_demand_or_a_due_year_ends_no_name(
    corpus_dir: Path, name: str, printed: str, words: str, expected: str
) -> None:
    assert _names(corpus_dir, name, printed, words) == {expected}


def test_a_main_word_ending_in_yao_is_kept(corpus_dir: Path) -> None:
    """要 is trimmed only as a verb: 主要, 重要, 纲要 end words of their own."""
    from reportdiff.core.analysis.indicators import strip_indicator

    for word in ("主要", "重要", "纲要"):
        key = "规划" + word
        lo, hi, _ = strip_indicator(key, 0, len(key), after_figure=False)
        assert key[lo:hi] == key


def test_a_due_year_dates_the_figure(corpus_dir: Path) -> None:
    """1996's and 2010's population targets keep their years, though the name has none."""
    years = {q.year for q in printed_near(corpus_dir, "1996.txt", "１４亿", "２０１０年要", 20)}
    assert years == {2010}


def test_the_population_pairs_across_reports(corpus_dir: Path) -> None:
    """人口, what 全国人口 and 我国人口 are once the whole country is trimmed, is a name of
    two characters that says what it counts: 2000's population target in 1996 and 1997."""
    assert ("１３亿", "１３亿") in made_pairs(corpus_dir, "1996.txt", "1997.txt")
    assert ("十亿人", "十亿多人") in made_pairs(corpus_dir, "1985.txt", "1986.txt")


def test_a_plans_first_deadline_dates_its_own_clause_only(corpus_dir: Path) -> None:
    """1956.txt: …比五年计划原定１９５７年３，８５６亿斤的水平超过１３３亿斤；棉花产量将要达到
    ３，５５６万担: the plan's 1957 dates its own figure, not the cotton (1956's)."""
    (plan,) = printed_near(corpus_dir, "1956.txt", "３，８５６亿斤", "原定１９５７年", 10)
    (cotton,) = printed_near(corpus_dir, "1956.txt", "３，５５６万担", "棉花产量将要", 10)
    assert (plan.year, cotton.year) == (1957, 1956)
