"""A lone section meets a lead paragraph of the other report whatever their parents did.

1991's plan part １９９１年计划的主要目标和任务 and 1992's 抓紧有利时机，加快经济发展 do not meet,
yet 1991's section 继续加强农业，保持农业生产稳步发展 is plainly 1992's lead paragraph
继续下大力气抓农业，争取农村经济更快发展; 1981's 积极稳妥地改革经济体制，充分有效地调动各方面
的积极性 is 1982's 积极稳妥地加快经济体制改革的进程.
"""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, node_pairs


def labels(corpus: Path, a: int, b: int) -> set[tuple[str, str, str, str]]:
    return {(x.kind, x.label, y.kind, y.label) for x, y in node_pairs(corpus_rows(corpus, a, b))}


def test_a_lone_section_meets_the_lead_of_an_unpaired_part(corpus_dir: Path) -> None:
    got = labels(corpus_dir, 1991, 1992)
    farm = ("section", "继续加强农业，保持农业生产稳步发展")
    assert (*farm, "paragraph", "继续下大力气抓农业，争取农村经济更快发展") in got
    # the section's own paragraph no longer stands for it
    assert not any(
        xk == "paragraph" and y == "继续下大力气抓农业，争取农村经济更快发展" for xk, _, _, y in got
    )
    got = labels(corpus_dir, 1981, 1982)
    # 1982's lead is the point 第四、积极稳妥地加快经济体制改革的进程。 heading its
    # paragraphs now (core/text/points.py): the section meets its sub-part
    assert (
        "section",
        "积极稳妥地改革经济体制，充分有效地调动各方面的积极性",
        "section",
        "积极稳妥地加快经济体制改革的进程",
    ) in got


def test_a_broad_section_or_a_finer_lead_keeps_the_lead_away(corpus_dir: Path) -> None:
    # 2000's 大力推进经济结构的战略性调整 spans industry, farming, towns …: one lead of
    # 1999 (调整乡镇企业结构，推进小城镇建设) is a topic of it, not its counterpart
    got = labels(corpus_dir, 1999, 2000)
    assert not any(
        x == "调整乡镇企业结构，推进小城镇建设" and y == "大力推进经济结构的战略性调整"
        for _, x, _, y in got
    )
    # 1989's lead 切实加强环境保护，也是我国的一项基本国策 is 1988's lead
    # 加强环境保护也是我国的一项基本国策, not the whole section on population and environment
    got = labels(corpus_dir, 1988, 1989)
    assert not any(
        xk == "section" and y == "切实加强环境保护，也是我国的一项基本国策" for xk, _, _, y in got
    )
