"""A pair of sections resting on body words that several sections of the other report share
as well is no pair (core/analysis/alignrivals.py)."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, row_pairs


def test_one_task_part_does_not_meet_the_part_of_all_tasks(corpus_dir: Path) -> None:
    """1990's 二、一九九○年的国内工作 holds all ten domestic tasks; it is about as like four of
    1989's task parts (0.31) as like 五、在治理整顿中确保科技和教育的发展 (0.33), which order gave
    it. Neither meets the other; the review parts (headings unlike, no rival) still do. The
    science section meets the part's lead paragraph on science instead (alignleads)."""
    pairs = row_pairs(corpus_rows(corpus_dir, 1989, 1990))
    assert not any(b == "一九九○年的国内工作" for _, b in pairs), pairs
    # (the lead is the point 第三，在治理整顿和深化改革中推动科学技术进步，保证教育…。 now,
    # heading its paragraphs: core/text/points.py)
    science = [b.split("，")[0] for a, b in pairs if a == "在治理整顿中确保科技和教育的发展"]
    assert science == ["在治理整顿和深化改革中推动科学技术进步"], pairs
    assert ("一心一意进行治理整顿，为实现经济的稳定增长而奋斗", "一九八九年的回顾") in pairs or any(
        a.startswith("一心一意进行治理整顿") and b == "一九八九年的回顾" for a, b in pairs
    ), pairs


def test_a_pair_with_a_weaker_rival_stays(corpus_dir: Path) -> None:
    """2000 ↔ 2001: 加快科技、教育发展，加强精神文明建设 meets 落实科教兴国战略，大力开发人才资源
    on body alone (0.22) with rivals near it, but none as like as :data:`STRONG`: kept."""
    pairs = row_pairs(corpus_rows(corpus_dir, 2000, 2001))
    assert any(
        a.startswith("加快科技、教育发展") and b.startswith("落实科教兴国战略") for a, b in pairs
    ), pairs


def _sample_pairs(a: str, b: str) -> list[tuple[str, str]]:
    from reportdiff.core.analysis.align import align_reports
    from reportdiff.core.storage.resolve import resolve_report

    return row_pairs(align_reports([resolve_report(a), resolve_report(b)]))


def test_a_weak_pair_with_an_equal_rival_is_left_unmade() -> None:
    """pudong-2023 ↔ huangpu-2023 (two districts, one year): 聚力稳增长强功能 meets
    改革创新,发展动能有效增强 on 0.25, while 改革开放持续攻坚突破 (alone, liking 改革创新 best)
    is as like it, by heading too (0.22, h 0.25 against 0.26); the task 以民为本 is as like
    坚持发展为民 (alone) as the 优化城市空间布局 order gave it (0.20 each). Neither is made."""
    pairs = _sample_pairs("pudong-2023", "huangpu-2023")
    assert not any(a.startswith("聚力稳增长强功能") and b.startswith("改革创新") for a, b in pairs)
    assert not any(a.startswith("优化城市空间布局") and b.startswith("以民为本") for a, b in pairs)
    # The pairs with a clear margin stay.
    assert any(a.startswith("推动文化繁荣发展") and b.startswith("繁荣文化") for a, b in pairs)
    assert any(a.startswith("生态文明建设深入推进") and b.startswith("深耕细作") for a, b in pairs)


def test_a_weak_pair_whose_rival_is_alike_only_in_body_stays() -> None:
    """A rival within the margin in score but not by heading loses to the pair whose heading
    names the topic: pudong-2023's economy section 聚力稳增长强功能 keeps yangpu-2023's
    优存量、扩增量，经济发展稳中有进 (0.22, h 0.24) against 抓重点、破难点，创新动能加速释放
    (0.19, h 0.11); shanghai-2023's 多措并举扩内需稳外需 keeps yangpu-2022's economy section."""
    pairs = _sample_pairs("pudong-2023", "yangpu-2023")
    assert any(a.startswith("聚力稳增长强功能") and b.startswith("优存量") for a, b in pairs)
    pairs = _sample_pairs("shanghai-2023", "yangpu-2022")
    assert any(
        a.startswith("多措并举扩内需稳外需") and b.startswith("抓纾困促重振") for a, b in pairs
    )
