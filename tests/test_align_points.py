"""A section meets a whole part of numbered points (core/analysis/alignpoints.py).

2005's 六、加强行政能力建设和政风建设 holds six points (第一，深化政府机构改革。…) and two
untitled 各位代表 passages; 2004 treats the government's own conduct in one part,
加强政府自身建设, of lead paragraphs. The part's points are units of its level beside its
passages, so 2004's part met one point; it covers most of them, and meets the part.
"""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, node_pairs, row_pairs
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.storage.resolve import resolve_report


def test_2004_government_part_meets_2005_part_of_points(corpus_dir: Path) -> None:
    rows = corpus_rows(corpus_dir, 2004, 2005)
    pairs = row_pairs(rows)
    assert ("加强政府自身建设", "加强行政能力建设和政风建设") in pairs
    # 2004's part meets no single point of 2005's part as a section
    assert not any(a == "加强政府自身建设" and b != "加强行政能力建设和政风建设" for a, b in pairs)
    # inside the row, 2004's lead paragraphs meet the points that say their topics
    for lead, point in (
        ("推进政府职能转变", "加快转变政府职能"),
        ("全面推行依法行政", "提高依法行政能力"),
        ("加强政风建设和公务员队伍建设", "大力加强政风建设"),
    ):
        assert (lead, point) in pairs
    # and the part's untitled passages stay out of it: 2005's passage on defence
    # (各位代表！加强国防和军队建设…) is no child of the row
    (row,) = [r for r in rows if r.nodes[0] is not None and r.nodes[0].label == "加强政府自身建设"]
    inside = [b for _, b in node_pairs(row.children)]
    assert all(len(b.path) <= 2 or b.path[1] < 6 for b in inside)


def test_2003_2004_government_row_meets_2005_part_of_points(corpus_dir: Path) -> None:
    """Three reports: 2003's 切实加强政府自身建设 and 2004's part are one row, which covers
    2005's points as 2004's part alone does, and meets the part, not one point of it."""
    reports = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (2003, 2004, 2005)]
    rows = align_reports(reports)
    labels = [tuple(n.label if n is not None else None for n in r.nodes) for r in rows]
    assert ("切实加强政府自身建设", "加强政府自身建设", "加强行政能力建设和政风建设") in labels
    # no top-level row holds one of 2005's points (六、's sub-parts (5, 0) … (5, 5)): they
    # are inside the part's row
    tops = [r.nodes[2].path for r in rows if r.nodes[2] is not None]
    assert not [p for p in tops if p[0] == 5 and len(p) == 2 and p[1] < 6]
