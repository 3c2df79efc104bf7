"""Rows nest as the reports do: a row's children pair only children of that row's nodes.

A row pairing two reports' nodes holds the rows of what is inside them. A child row that is
not ``moved`` and pairs both reports must hold, on each side, a node inside that side's node
of its parent: a paragraph of 1987's part never sits beside a paragraph of a 1988 section
the row no longer shows (aligncross once left them so after it swapped a row's second side).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import CORPUS
from engine_support import corpus_rows
from reportdiff.core.comparison import AlignedRow, NodeRef


def _inside(child: NodeRef, parent: NodeRef) -> bool:
    return parent.span.start <= child.span.start and child.span.end <= parent.span.end


def _strays(rows: tuple[AlignedRow, ...]) -> list[str]:
    out: list[str] = []
    for row in rows:
        for child in row.children:
            if child.moved:
                continue
            for side, (p, c) in enumerate(zip(row.nodes, child.nodes, strict=True)):
                if c is not None and (p is None or not _inside(c, p)):
                    where = "no node" if p is None else repr(p.label[:20])
                    out.append(f"side {side}: {c.label[:20]!r} under {where}")
        out.extend(_strays(row.children))
    return out


YEARS = sorted(int(p.stem) for p in CORPUS.glob("*.txt") if p.stem.isdigit())


@pytest.mark.parametrize("a,b", list(itertools.pairwise(YEARS)) or [(1987, 1988)])
def test_children_pair_inside_their_rows_nodes(corpus_dir: Path, a: int, b: int) -> None:
    """Every consecutive pair of corpus reports: no child row strays out of its parent's nodes."""
    strays = _strays(corpus_rows(corpus_dir, a, b))
    assert not strays, "\n".join(strays)
