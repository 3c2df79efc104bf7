"""Review meets review and tasks meet tasks: roles read from what the text says."""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.analysis.align import align_reports
from reportdiff.core.analysis.noderoles import node_roles
from reportdiff.core.comparison import AlignedRow
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report


def _load(corpus_dir: Path, year: int) -> Report:
    return resolve_report(str(corpus_dir / f"{year}.txt"))


def _pairs(rows: tuple[AlignedRow, ...]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for row in rows:
        a, b = row.nodes
        if a is not None and b is not None and row.kind == "section":
            out.append((a.label, b.label))
        out.extend(_pairs(row.children))
    return out


def test_national_parts_have_their_roles(corpus_dir: Path) -> None:
    """2005: 一、过去一年工作回顾 reviews; 二、…总体部署 and the numbered task parts look ahead;
    a mixed closing part after the tasks is still a task part."""
    r = _load(corpus_dir, 2005)
    roles = node_roles(r)
    top = [(r.heading_text(s), roles.sections.get((i,))) for i, s in enumerate(r.sections)]
    assert top[0][0].startswith("过去一年工作回顾") and top[0][1] == "review"
    assert all(role in ("task", "plan", "self") for _, role in top[1:]), top


def test_review_never_meets_tasks_however_alike_the_headings(corpus_dir: Path) -> None:
    """2006's page holds only its review of 2005; 2005's task sections (加快推进经济结构调整和
    增长方式转变) must not pair with 2006's review sections (积极推进经济结构调整…)."""
    a, b = _load(corpus_dir, 2005), _load(corpus_dir, 2006)
    ra, rb = node_roles(a), node_roles(b)
    rows = align_reports([a, b])

    def role_of(report: Report, roles_: object, label: str) -> str | None:
        for path, sec in report.walk():
            if report.heading_text(sec) == label:
                return roles_.sections.get(path)  # type: ignore[attr-defined]
        return None

    pairs = _pairs(rows)
    assert pairs, "no section pairs at all"
    for la, lb in pairs:
        x, y = role_of(a, ra, la), role_of(b, rb, lb)
        assert not ({x, y} >= {"review"} and {x, y} & {"task", "plan"}), (la, lb, x, y)
    assert ("过去一年工作回顾", "去年工作回顾") in pairs or any(
        "回顾" in la and "回顾" in lb for la, lb in pairs
    )
