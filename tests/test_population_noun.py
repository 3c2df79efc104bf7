"""十亿人口: 人口 is one word (the population), not the classifier 人 and a noun 口….

Every report that counts its country's people says so (十亿人口的大国, 近１３亿人口的
国家); the figure counts the population, and 口的大国 is no name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import printed_near


@pytest.mark.parametrize(
    ("name", "printed", "words"),
    [
        ("1985.txt", "十亿人", "应该看到，"),
        ("1986.txt", "十亿多人", "又是有"),
        ("2003.txt", "１３亿人", "在我们这样一个近"),
        ("2008.txt", "13亿人", "对于我们这样一个有"),
    ],
)
def test_a_count_of_people_before_kou_is_the_population(
    corpus_dir: Path, name: str, printed: str, words: str
) -> None:
    found = printed_near(corpus_dir, name, printed, words, 20)
    assert found, (name, printed)
    assert {q.indicator for q in found} == {"人口"}


def test_a_figure_after_the_population_is_not_named_by_it(corpus_dir: Path) -> None:
    """1985.txt: 我国有十亿人口，两亿多户 — the households are no population."""
    (households,) = printed_near(corpus_dir, "1985.txt", "两亿多户", "十亿人口，", 10)
    assert households.indicator != "人口"
