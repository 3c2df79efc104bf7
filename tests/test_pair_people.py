"""A bare 万 or 亿 (no unit) before a noun for people counts those people: 再扫除350万青壮年
文盲 is 3.5 million illiterates (人), and 再有1000万以上贫困人口解决温饱问题 is more than ten
million poor people, not a size class. Cases from the dev gold (bench/gold/1997-1998.json,
1998-1999.json); 1998.txt prints its digits spaced out (3 5 0 万)."""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.units import compare_key
from reportdiff.core.comparison import NumberPair
from reportdiff.core.storage.resolve import resolve_report


def _pairs(corpus_dir: Path, a: str, b: str) -> tuple[NumberPair, ...]:
    ra, rb = resolve_report(str(corpus_dir / a)), resolve_report(str(corpus_dir / b))
    return compare([ra, rb]).numbers


def _made(pairs: tuple[NumberPair, ...], a: str, b: str, word: str) -> bool:
    return any(
        p.values[0] is not None
        and p.values[1] is not None
        and (p.values[0].text, p.values[1].text) == (a, b)
        and all(word in q.indicator for q in p.values if q is not None)
        for p in pairs
    )


def test_illiterates_counted_in_bare_wan_pair(corpus_dir: Path) -> None:
    """1998: 再扫除3 5 0 万青壮年文盲; 1999: 扫除青壮年文盲300万人左右 (both targets)."""
    assert _made(_pairs(corpus_dir, "1998.txt", "1999.txt"), "350万", "300万人", "文盲")


def test_illiterates_pair_with_the_year_before(corpus_dir: Path) -> None:
    """1997: 全年再减少青壮年文盲４００万人; 1998: 再扫除3 5 0 万青壮年文盲."""
    assert _made(_pairs(corpus_dir, "1997.txt", "1998.txt"), "４００万人", "350万", "文盲")


def test_more_than_ten_million_poor_people_is_a_count(corpus_dir: Path) -> None:
    """1998: 争取今年再有1 0 0 0 万以上贫困人口解决温饱问题: a count of people (no size class)."""
    report = resolve_report(str(corpus_dir / "1998.txt"))
    found = {(q.text, q.indicator, compare_key(q.unit)) for q in extract_quantities(report)}
    assert ("1000万", "贫困人口解决温饱问题", "") in found


def test_students_counted_in_bare_wan_pair_with_students_in_ming(corpus_dir: Path) -> None:
    """2005: 为中西部地区农村义务教育阶段2400多万贫困家庭学生免费提供教科书; 2006: 还为中西部
    地区1700多万名贫困家庭学生免费提供教科书. 2400多万 (no unit) counts students, as 名 does."""
    pairs = _pairs(corpus_dir, "2005.txt", "2006.txt")
    assert _made(pairs, "2400多万", "1700多万名", "贫困家庭学生")
