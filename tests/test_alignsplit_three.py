"""Parting a row keeps every node of every report exactly once, with three reports too.

In a comparison of three reports, a row may pair two of them (the third has no counterpart)
and hold a child pairing the second report with the third (a paragraph of report 1 that
meets report 2's, placed under report 1's section). When the row is parted, that child has
no node of the first report, so it cannot stay with the first report's node; it must go
with report 1's node to its own place, not vanish. This is about the shape of the rows, not
about any text, so the rows are built by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from reportdiff.core.analysis.alignsplit import part_untopical
from reportdiff.core.comparison import AlignedRow, NodeRef
from reportdiff.core.model import Span


def node(kind: str, path: tuple[int, ...], start: int, end: int) -> NodeRef:
    return NodeRef(kind=kind, path=path, label="", span=Span(start, end), label_span=None)  # type: ignore[arg-type]


def row(
    kind: str,
    nodes: tuple[NodeRef | None, ...],
    children: tuple[AlignedRow, ...] = (),
    *,
    strays: tuple[int, ...] = (),
) -> AlignedRow:
    return AlignedRow(
        kind=kind,  # type: ignore[arg-type]
        nodes=nodes,
        score=0.3,
        heading_score=0.0,
        body_score=0.3,
        children=children,
        strays=strays,
    )


def walk(rows: tuple[AlignedRow, ...]) -> Iterator[AlignedRow]:
    for r in rows:
        yield r
        yield from walk(r.children)


def placed(rows: tuple[AlignedRow, ...]) -> Counter[tuple[int, tuple[int, ...]]]:
    return Counter((i, n.path) for r in walk(rows) for i, n in enumerate(r.nodes) if n is not None)


def three_reports() -> tuple[AlignedRow, ...]:
    # Report 0's untitled passage (0,) and report 1's part (0,) share no topic; report 1's
    # paragraph (0, 0) meets report 2's paragraph (1, 0), which stands in report 2's part (1,).
    s0, s1 = node("section", (0,), 0, 100), node("section", (0,), 0, 100)
    p0, p1 = node("paragraph", (0, 0), 10, 90), node("paragraph", (0, 0), 10, 90)
    s2a, s2b = node("section", (0,), 0, 50), node("section", (1,), 50, 100)
    p2 = node("paragraph", (1, 0), 60, 90)
    parted = row(
        "section",
        (s0, s1, None),
        (row("paragraph", (p0, None, None)), row("paragraph", (None, p1, p2))),
        strays=(0, 1),
    )
    return (parted, row("section", (None, None, s2a)), row("section", (None, None, s2b)))


def test_parting_a_row_of_two_of_three_reports_loses_no_node() -> None:
    rows = three_reports()
    got = part_untopical(rows, ())
    assert got is not rows  # the row was parted
    assert placed(got) == placed(rows)
    assert all(v == 1 for v in placed(got).values())


def test_the_second_reports_pair_goes_with_its_own_section() -> None:
    got = part_untopical(three_reports(), ())
    home = next(r for r in walk(got) if r.nodes[1] is not None and r.kind == "section")
    assert home.nodes[0] is None
    kids = [(c.nodes[1] is not None, c.nodes[2] is not None) for c in home.children]
    assert kids == [(True, True)]


def test_a_stray_of_three_leaves_the_other_two_together_with_their_own_scores() -> None:
    a, b = node("section", (0,), 0, 100), node("section", (0,), 0, 100)
    c = node("section", (2,), 200, 300)
    whole = AlignedRow(
        kind="section",
        nodes=(a, b, c),
        score=0.3,
        heading_score=0.2,
        body_score=0.3,
        strays=(2,),
        kept_scores=(0.6, 0.5, 0.7),
    )
    before = row("section", (None, None, node("section", (1,), 100, 200)))
    got = part_untopical((whole, before), ())
    both = [r for r in got if r.nodes[0] is not None]
    assert [(r.nodes, r.score, r.heading_score, r.body_score) for r in both] == [
        ((a, b, None), 0.6, 0.5, 0.7)
    ]
    # report 2's section goes back to its own place, after report 2's section (1,)
    assert [r.nodes[2].path for r in got if r.nodes[2] is not None] == [(1,), (2,)]
    assert placed(got) == placed((whole, before))
