"""An untitled passage (各位代表！…) is shown beside a section only when they share its topic.

Such a passage has no heading, so it is paired on its body alone, and a long passage's body
shares the common words of any part. A person names it by the topic it opens on: 2001's
各位代表！进入新世纪，我们将继续按照“一国两制”方针和基本法… is about Hong Kong and Macao (its later
paragraphs turn to Taiwan and foreign policy), not 2002's part 进一步做好外交工作; 2003's
各位代表！加强民族团结、维护祖国统一和社会稳定… is not 2002's foreign-affairs part either. A whole
part holds many pieces of few paragraphs, so only those that make a phrase in the passage's
opening paragraph count (香港特别行政区, not 全面实现 and 和繁荣 apart). Passages
that open on the other's topic stay beside it (1998's and 1999's defence passages, 1986's
foreign-policy part and 1987's passage on the peaceful environment modernisation needs).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from reportdiff.core.analysis.compare import compare
from reportdiff.core.comparison import AlignedRow, Comparison, NodeRef
from reportdiff.core.storage.resolve import resolve_report


@cache
def compared(corpus: Path, a: int, b: int) -> Comparison:
    reports = [resolve_report(str(corpus / f"{y}.txt")) for y in (a, b)]
    return compare(reports, use_cache=False)


def rows(level: tuple[AlignedRow, ...]) -> Iterator[AlignedRow]:
    for row in level:
        yield row
        yield from rows(row.children)


def named(c: Comparison, side: int, node: NodeRef | None, name: str) -> bool:
    """Whether ``node`` is a section headed ``name`` or an untitled one opening on it past
    its address (各位代表！, on a line of its own or not)."""
    if node is None or node.kind != "section":
        return False
    if node.label:
        return node.label.startswith(name)
    text = c.reports[side].text[node.span.start : node.span.end]
    return text.removeprefix("各位代表！").lstrip().startswith(name)


def sections_paired(c: Comparison, left: str, right: str) -> bool:
    return any(
        named(c, 0, r.nodes[0], left) and named(c, 1, r.nodes[1], right) for r in rows(c.alignment)
    )


def test_an_untitled_passage_is_not_paired_off_its_opening_topic(corpus_dir: Path) -> None:
    c = compared(corpus_dir, 2001, 2002)
    assert not sections_paired(c, "进入新世纪", "进一步做好外交工作")
    c = compared(corpus_dir, 2002, 2003)
    assert not sections_paired(c, "进一步做好外交工作", "加强民族团结")


def test_a_passage_and_a_part_share_phrases_not_scattered_pieces(corpus_dir: Path) -> None:
    # 1986's passage on the seventh five-year plan's goals and 1987's part on political
    # stability share only pieces of few paragraphs that make no phrase (全面实现, 和繁荣)
    c = compared(corpus_dir, 1986, 1987)
    assert not sections_paired(c, "第七个五年计划的目标是宏伟的", "巩固和发展安定团结的政治局面")
    # 1995's reunification part and 2005's passage share 香港特别行政区
    c = compared(corpus_dir, 1995, 2005)
    assert sections_paired(c, "积极促进祖国和平统一大业", "我们将坚定不移地贯彻执行")


def test_untitled_passages_on_the_same_topic_stay_paired(corpus_dir: Path) -> None:
    c = compared(corpus_dir, 1998, 1999)
    assert sections_paired(c, "加强国防和军队建设", "为了保卫国家安全")
    c = compared(corpus_dir, 1986, 1987)
    assert sections_paired(c, "坚持独立自主的和平外交政策", "我国的社会主义现代化建设")


def test_a_parted_section_keeps_its_paragraphs(corpus_dir: Path) -> None:
    # 2002's part 八 goes back to its own place with its paragraphs; 2001's passage keeps its
    # foreign-policy paragraph's pair with 2002's (a moved pair, under 2001's passage).
    c = compared(corpus_dir, 2001, 2002)
    report = c.reports[1]
    part = next(s for _, s in report.walk() if report.heading_text(s) == "进一步做好外交工作")
    starts = [
        r.nodes[1].span.start
        for r in rows(c.alignment)
        if r.nodes[1] is not None and r.nodes[1].kind == "paragraph"
    ]
    for block in part.blocks:
        assert starts.count(block.span.start) == 1
    assert any(
        r.nodes[0] is not None
        and r.nodes[1] is not None
        and c.reports[0].text.startswith("面对世界多极化", r.nodes[0].span.start)
        and report.text.startswith("在新的一年，我们要继续奉行", r.nodes[1].span.start)
        for r in rows(c.alignment)
    )


def test_three_reports_part_a_passage_from_a_section_it_shares_no_topic_with(
    corpus_dir: Path,
) -> None:
    # Compared as a pair, 2001's passage on Hong Kong and Macao stands apart from 2002's part
    # 进一步做好外交工作; compared with 2000 too, the row that holds 2000's 关于外交工作 and
    # 2002's part (which do share a topic) must not carry 2001's passage beside them either.
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2000, 2001, 2002)]
    c = compare(reports, use_cache=False)
    for r in rows(c.alignment):
        assert not (
            named(c, 1, r.nodes[1], "进入新世纪") and named(c, 2, r.nodes[2], "进一步做好外交工作")
        )
    # the two foreign-affairs parts stay side by side
    assert any(
        named(c, 0, r.nodes[0], "关于外交工作") and named(c, 2, r.nodes[2], "进一步做好外交工作")
        for r in rows(c.alignment)
    )
