"""A result the earlier report gives for a year, restated by the next report for the same
year, pairs when neither figure met its counterpart in the other report's series (the
same indicator one year on): the restatement is the only counterpart there is.

Cases from the dev gold (bench/gold/1958-1959.json, 1982-1983.json).
"""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.analysis.compare import compare
from reportdiff.core.storage.resolve import resolve_report


def _pairs(corpus_dir: Path, a: str, b: str) -> set[tuple[str, ...]]:
    ra, rb = resolve_report(str(corpus_dir / a)), resolve_report(str(corpus_dir / b))
    return {
        tuple(q.text for q in p.values if q) for p in compare([ra, rb]).numbers if all(p.values)
    }


def test_the_same_years_level_restated_pairs(corpus_dir: Path) -> None:
    """1982.txt: 全国高等学校由一九八○年的六百七十五所增加到一九八二年的七百二十九所;
    1983.txt: 从一九七八年到一九八二年，我国普通高等学校已由五百九十八所增加到七百一十五所.
    Both are 1982's count (1983 prints no 1983 count): the same year, estimate and final.
    Since 1982.txt (30 November 1982) reports on 1982 itself (ReportParts.year_end), this is
    an ordinary pair, the two reports' own years; the fallback is tested below."""
    assert ("七百二十九所", "七百一十五所") in _pairs(corpus_dir, "1982.txt", "1983.txt")


def test_a_years_estimate_restated_next_year_pairs(corpus_dir: Path) -> None:
    """1981.txt (November 1981): 工农业总产值的增长速度由今年预计的３％提高到４％ starts from
    1981's growth as first estimated; 1982.txt restates 1981's: 一九八一年计划为百分之三点七，
    实际达到百分之四点六. 1982.txt's own 1982 growth is an estimate named by no noun, so the
    restatement of 1981 is the only counterpart there is (restated.restated_year)."""
    assert ("３％", "百分之四点六") in _pairs(corpus_dir, "1981.txt", "1982.txt")


def test_a_restatement_does_not_take_the_series_pair(corpus_dir: Path) -> None:
    """1958.txt gives 1957's investment (一百二十三亿七千万元); 1959.txt gives 1958's
    (二百一十四亿元) and restates 1957's as its base (比一九五七年的一百二十六亿元). One year
    on is the pair; the restated base stays unpaired."""
    pairs = _pairs(corpus_dir, "1958.txt", "1959.txt")
    assert ("一百二十三亿七千万元", "二百一十四亿元") in pairs
    assert not any("一百二十六亿元" in p for p in pairs)


def test_a_plan_carried_out_with_the_same_counts_pairs(corpus_dir: Path) -> None:
    """1998.txt plans 国务院组成部门从4 0 个减少到2 9 个; 1999.txt reports it done: 国务院组成
    部门从40个减少到29个. A count planned and reported done with the very same figure and
    name is one fact (the plan carried out), though one is a plan and the other a result."""
    pairs = _pairs(corpus_dir, "1998.txt", "1999.txt")
    assert ("40个", "40个") in pairs
    assert ("29个", "29个") in pairs


def test_a_target_missed_is_not_its_result(corpus_dir: Path) -> None:
    """1998.txt's growth target 8 ％ for 1998 is not 1999.txt's result for 1998 (7.8％); the
    plan rule is for identical counts only, never rates."""
    pairs = _pairs(corpus_dir, "1998.txt", "1999.txt")
    assert ("8％", "7.8％") not in pairs
