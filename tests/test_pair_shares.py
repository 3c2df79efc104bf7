"""A share naming no whole (积累所占的比重) takes the whole its sentence named for another
share; 相应地 before a change (相应地由…降到…) is an adverb, no name."""

from __future__ import annotations

from pathlib import Path

from engine_support import made_pairs, printed_near
from reportdiff.core.analysis.facts import fact_name
from reportdiff.core.analysis.shares import whole_from_sentence
from reportdiff.core.storage.resolve import resolve_report


def _named(corpus_dir: Path, name: str, printed: str, words: str) -> set[str]:
    report = resolve_report(str(corpus_dir / name))
    return {
        whole_from_sentence(report.text, q, fact_name(q.indicator))
        for q in printed_near(corpus_dir, name, printed, words, 40)
    }


def test_the_accumulation_rate_meets_its_share_of_national_income(corpus_dir: Path) -> None:
    """1980: 积累率由１９７８年的３６．５％，降为３３．６％; 1981: 使消费在国民收入中的比重，由…
    上升到今年的７０％左右，积累所占的比重，相应地由３６．５％降到３０％左右: the latest rate each
    report gives (1979's, 1981's)."""
    assert ("３３．６％", "３０％") in made_pairs(corpus_dir, "1980.txt", "1981.txt")
    assert _named(corpus_dir, "1981.txt", "３０％", "相应地由") == {"积累在国民收入中所占的比重"}


def test_a_share_takes_the_whole_named_before_it(corpus_dir: Path) -> None:
    # 1956: 现代工业在工农业总产值中所占的比重将上升到３６．５％，农业和农村副业所占的比重将
    # 下降为４８．２％
    assert _named(corpus_dir, "1956.txt", "４８．２％", "农业和农村副业所占的比重") == {
        "农业和农村副业在工农业总产值中所占的比重"
    }


def test_a_share_that_says_its_whole_keeps_it(corpus_dir: Path) -> None:
    # 1985: 积累在国民收入中所占的比重, from ３６．５％…: named in full already
    names = _named(corpus_dir, "1985.txt", "２８．５％", "")
    assert names == {"积累在国民收入中所占的比重"}
