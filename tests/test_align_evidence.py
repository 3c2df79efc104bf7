"""Two paragraphs on unlike lead phrases are shown side by side only when they share a topic.

1983's 我们在全国范围内实现和发展了安定团结的政治局面 (domestic politics) and 1984's
一年来，我国积极开展外交活动 (foreign affairs) score 0.21 on words every report uses, and
1979's 继续做好技术引进工作 and 1980's 为了顺利实现１９８０、１９８１年国民经济计划… (the plan's
measures) 0.26: neither pair shares a phrase of its own, so the comparison shows them apart.
Paragraphs that do share their topic stay together (1983's 中苏关系长期处于紧张状态 and 1984's
我们真诚希望实现中苏关系正常化 by 中苏关系; 1979's 劳动就业问题是当前的一个突出问题 and 1980's
劳动就业，… by the field's name), and so do two paragraphs a number pair joins (1956's and
1957's harvest paragraphs, both giving the grain output).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from reportdiff.core.analysis import alignevidence as AE
from reportdiff.core.analysis.compare import compare
from reportdiff.core.comparison import AlignedRow, Comparison
from reportdiff.core.storage.resolve import resolve_report


@cache
def compared(corpus: Path, a: int, b: int) -> Comparison:
    reports = [resolve_report(str(corpus / f"{y}.txt")) for y in (a, b)]
    return compare(reports, use_cache=False)


def openings(c: Comparison) -> list[tuple[str, str]]:
    """Both sides' first 24 characters of every row with both."""
    out: list[tuple[str, str]] = []

    def walk(rows: tuple[AlignedRow, ...]) -> None:
        for row in rows:
            a, b = row.nodes
            if a is not None and b is not None:
                texts = [r.text for r in c.reports]
                out.append(
                    (
                        texts[0][a.span.start : a.span.start + 24],
                        texts[1][b.span.start : b.span.start + 24],
                    )
                )
            walk(row.children)

    walk(c.alignment)
    return out


def paired(c: Comparison, left: str, right: str) -> bool:
    return any(x.startswith(left) and y.startswith(right) for x, y in openings(c))


def test_paragraphs_sharing_no_topic_are_shown_apart(corpus_dir: Path) -> None:
    c = compared(corpus_dir, 1983, 1984)
    assert not paired(c, "我们在全国范围内实现和发展了安定团结", "一年来，我国积极开展外交活动")
    assert paired(c, "中苏关系长期处于紧张状态", "我们真诚希望实现中苏关系正常化")
    c = compared(corpus_dir, 1979, 1980)
    assert not paired(c, "继续做好技术引进工作", "为了顺利实现")
    assert paired(c, "劳动就业问题是当前的一个突出问题", "劳动就业")


def test_a_parted_paragraph_goes_back_to_its_own_section(corpus_dir: Path) -> None:
    # 1980's paragraph had stood, moved, under 1979's section on technology imports; apart,
    # it is a row of 1980's section 采取有力措施，保证１９８０、１９８１年计划的完成
    c = compared(corpus_dir, 1979, 1980)
    text = c.reports[1].text

    def home(rows: tuple[AlignedRow, ...], parent: AlignedRow | None) -> AlignedRow | None:
        for row in rows:
            b = row.nodes[1]
            if b is not None and text.startswith("为了顺利实现", b.span.start):
                return parent
            found = home(row.children, row)
            if found is not None:
                return found
        return None

    parent = home(c.alignment, None)
    assert parent is not None and parent.nodes[1] is not None
    assert parent.nodes[1].label.startswith("采取有力措施，保证")


def test_a_number_pair_keeps_two_paragraphs_together(corpus_dir: Path) -> None:
    c = compared(corpus_dir, 1956, 1957)
    assert paired(c, "由于上述各方面的措施", "１９５６年的自然灾荒")
    grain = [
        p for p in c.numbers if p.values[0] is not None and p.values[0].text == "３，６８０亿斤"
    ]
    assert [p.values[1].text for p in grain if p.values[1] is not None] == ["三千六百五十亿斤"]


def test_pieces_searched_one_by_one_are_counted_as_all_at_once(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a piece is printed in few paragraphs is the same searched for piece by piece
    as counted over every paragraph (past ONE_BY_ONE pieces), on pieces of a real report:
    its own rare and common ones (中苏关系, 发展经济) and one it does not print."""
    report = resolve_report(str(corpus_dir / "1984.txt"))
    counts = AE.piece_counts(report)
    asked = sorted(counts)[::7] + ["中苏关", "发展经", "龘龘龘"]
    one_by_one = AE._Paragraphs(report)
    got = [one_by_one.few(p) for p in asked]
    monkeypatch.setattr(AE, "ONE_BY_ONE", 0)
    counted = AE._Paragraphs(report)
    assert got == [counted.few(p) for p in asked] == [0 < counts[p] <= AE.FEW for p in asked]
    assert any(got) and not all(got)
