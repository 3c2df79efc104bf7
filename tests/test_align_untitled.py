"""An untitled passage (各位代表！…) is named by nothing but its body, as are two sections moved
out of order on unlike headings: such a row stands only when the bodies single each other out
(core/analysis/alignrivals.py, body_rivals)."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, row_pairs
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.comparison import AlignedRow, NodeRef
from reportdiff.core.storage.resolve import resolve_report


def _section_pairs(corpus: Path, a: int, b: int) -> list[tuple[str, str]]:
    """Every row pairing two sections, each side named by its label or, untitled, by the
    opening of its text (spaces dropped)."""
    reports = [resolve_report(str(corpus / f"{y}.txt")) for y in (a, b)]

    def name(n: NodeRef, i: int) -> str:
        if n.label:
            return n.label
        return "".join(reports[i].text[n.span.start : n.span.start + 40].split())

    out: list[tuple[str, str]] = []

    def walk(rows: tuple[AlignedRow, ...]) -> None:
        for r in rows:
            x, y = r.nodes
            if x is not None and y is not None and x.kind == y.kind == "section":
                out.append((name(x, 0), name(y, 1)))
            walk(r.children)

    walk(corpus_rows(corpus, a, b))
    return out


def test_an_opening_does_not_meet_a_section_on_another_topic(corpus_dir: Path) -> None:
    """1975's whole report is one untitled passage (各位代表！根据中共中央的决定…); 1978's
    国际形势和我国对外政策 is as like another untitled passage of 1975 (0.36 each): nothing
    singles them out, so they do not meet (the foreign-policy paragraphs still meet)."""
    pairs = _section_pairs(corpus_dir, 1975, 1978)
    assert not any(b == "国际形势和我国对外政策" for _, b in pairs), pairs


def test_a_closing_does_not_meet_a_passage_on_another_topic(corpus_dir: Path) -> None:
    """1981's 各位代表：我国是一个统一的多民族的国家。以上… (nationalities, then a wrap-up)
    met 1982's 各位代表！第六个五年计划是整个国民经济… on 0.19, while it is more like
    全面实现六五计划的主要措施 (0.32): no pair."""
    pairs = _section_pairs(corpus_dir, 1981, 1982)
    assert not any(
        a.startswith("各位代表：我国是一个统一的多民族的国家")
        and b.startswith("各位代表！第六个五年计划")
        for a, b in pairs
    ), pairs


def test_passages_whose_bodies_are_clearly_alike_still_meet(corpus_dir: Path) -> None:
    """2004 ↔ 2005: the passages on Hong Kong and Macau (0.63) and 2004's passage on the
    world against 2005's foreign-policy section (0.56) are far above any rival; 1995 ↔ 1996:
    the passages on national unity (0.57)."""
    pairs = _section_pairs(corpus_dir, 2004, 2005)
    assert any(
        a.startswith("各位代表！维护香港、澳门长期稳定")
        and b.startswith("各位代表！我们将坚定不移")
        for a, b in pairs
    ), pairs
    assert any(
        a.startswith("各位代表！当前，国际形势") and b.startswith("坚持和平发展道路")
        for a, b in pairs
    ), pairs
    pairs = _section_pairs(corpus_dir, 1995, 1996)
    assert any(
        a.startswith("各位代表！我国是统一的多民族国家")
        and b.startswith("各位代表！巩固和发展民族团结")
        for a, b in pairs
    ), pairs


def _sample_pairs(a: str, b: str) -> list[tuple[str, str]]:
    return row_pairs(align_reports([resolve_report(a), resolve_report(b)]))


def test_sections_moved_on_their_bodies_alone_meet_only_when_singled_out() -> None:
    """shanghai-2023's 进一步增强城市安全韧性,提高城市治理现代化水平 met huangpu-2023's
    以民为本,回应群众美好期待 out of order on unlike headings (0.25, headings 0.10), while
    shanghai's 进一步推进民心工程办好民生实事…, alone, is as like it (0.23): no pair. Against
    jingan-2023, 坚定不移深化改革开放… no longer takes the review headline 城区功能显著提升,
    彰显特色优势 (0.20 against 0.17 for 着力推进政府改革创新…), and 营商环境持续优化 meets
    营商环境建设取得新成效."""
    pairs = _sample_pairs("shanghai-2023", "huangpu-2023")
    assert not any(
        a.startswith("进一步增强城市安全韧性") and b.startswith("以民为本") for a, b in pairs
    ), pairs
    pairs = _sample_pairs("shanghai-2023", "jingan-2023")
    assert not any(
        a.startswith("坚定不移深化改革开放") and b.startswith("城区功能显著提升") for a, b in pairs
    ), pairs
    assert ("营商环境持续优化", "营商环境建设取得新成效") in pairs, pairs


def test_moved_sections_rivalled_only_by_untitled_passages_stay(corpus_dir: Path) -> None:
    """1981's 当前的经济形势 and 1982's 六五计划前两年的执行情况 (moved, headings 0.09, 0.27)
    are each about as like an untitled passage of the other's review part (0.24): a passage
    known only by its body is no rival to two titled sections, so they stay paired."""
    pairs = _section_pairs(corpus_dir, 1981, 1982)
    assert ("当前的经济形势", "六五计划前两年的执行情况") in pairs, pairs
