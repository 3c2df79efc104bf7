"""A section whose heading a lead phrase of the other report restates, across levels.

2008 reviews five years in lead paragraphs; 2007 reviews 2006 in sections. 2007's last review
section 继续加强民主法制建设 also carries the review's closing (what was learnt, the problems:
经济结构矛盾突出, 经济增长方式粗放 …), six lead paragraphs in all, so it counted as broad and
met no lead; 2008's 稳步推进社会主义民主法制建设 restates its heading and meets it
(:func:`~reportdiff.core.analysis.alignleads.stray_leads_meet`). A broad section still meets
no lead that is only one of its topics: the phrase must say what the heading says, in the
same characters, not a few words a long heading holds somewhere.

What is left of the class on purpose: a lead inside a pair of sections that stands keeps
meeting a paragraph of the other report's section (the Yangpu design, ``tests/test_align.py``):
2006's review lead 继续加强“三农”工作 meets a paragraph of 2007's 加大“三农”工作力度, not the
section. Letting such moved leads meet the section they restate also made rows the gold
judges wrong (partial topics: a lead naming one of two topics a heading joins with 和).
"""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, node_pairs
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.storage.samples import load_sample


def labels(corpus: Path, a: int, b: int) -> set[tuple[str, str, str, str]]:
    return {(x.kind, x.label, y.kind, y.label) for x, y in node_pairs(corpus_rows(corpus, a, b))}


def test_a_five_year_review_lead_meets_the_annual_section_it_restates(corpus_dir: Path) -> None:
    got = labels(corpus_dir, 2007, 2008)
    assert ("section", "继续加强民主法制建设", "paragraph", "稳步推进社会主义民主法制建设") in got
    # the section's first lead, a finer topic, no longer stands for the section
    assert not any(
        x == "基层民主政治建设不断推进" and y == "稳步推进社会主义民主法制建设"
        for _, x, _, y in got
    )


def test_a_lead_in_a_standing_pair_meets_a_paragraph_not_the_section(corpus_dir: Path) -> None:
    got = labels(corpus_dir, 2006, 2007)
    assert ("paragraph", "继续加强“三农”工作", "paragraph", "稳步推进社会主义新农村建设") in got
    assert not any(x == "继续加强“三农”工作" and yk == "section" for _, x, yk, _ in got)


def test_a_broad_section_takes_no_lead_that_shares_only_some_words() -> None:
    # yangpu's opening review section (innovation, reform, talent, key areas …) and
    # xuhui-2022's lead 重点区域建设全力推进 share 区域 and 推进: likeness 0.73 by word sets,
    # but only three of the lead's nine character pairs
    rows = align_reports([load_sample("yangpu-2023-plan"), load_sample("xuhui-2022")])
    assert not any(
        x.kind == "section"
        and x.label.startswith("创新发展再出发")
        and y.label == "重点区域建设全力推进"
        for x, y in node_pairs(rows)
    )


def test_a_field_name_is_no_restated_heading(corpus_dir: Path) -> None:
    # 1956's paragraph opening 在基本建设方面 names a field, the heading of 1955's broad
    # section 关于工业和运输业的基本建设问题 holds it: no evidence that they say the same
    got = labels(corpus_dir, 1955, 1956)
    assert not any(
        x == "关于工业和运输业的基本建设问题" and yk == "paragraph" for _, x, yk, _ in got
    )
