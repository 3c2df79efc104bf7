"""An untitled passage (各位代表！…) is named by nothing but its body: it keeps a partner only
when the bodies single each other out (core/analysis/alignrivals.py, untitled_rivals)."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows
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
