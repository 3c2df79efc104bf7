"""A section whose topics are several leads of one section of the other report meets none.

2004's task section 继续实施科教兴国战略，坚持走可持续发展之路 holds education, science,
talent and sustainable development; 2005 puts those topics as lead paragraphs of its section
大力发展科技、教育、文化、卫生、体育事业 (加快科技改革和发展, 切实把教育放在优先发展的战略地位,
继续做好人口发展战略研究工作 …). The population lead alone is no counterpart of the whole
section, though it is the section's best lead: the section is like another lead of the same
section too (:func:`~reportdiff.core.analysis.alignleads.stray_leads_meet`), and its
paragraphs still meet their leads one by one.
"""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, node_pairs


def test_a_section_like_several_leads_of_one_section_meets_none_of_them(
    corpus_dir: Path,
) -> None:
    got = {
        (x.kind, x.label, y.kind, y.label)
        for x, y in node_pairs(corpus_rows(corpus_dir, 2004, 2005))
    }
    assert not any(
        xk == "section"
        and x.startswith("继续实施科教兴国战略")
        and y == "继续做好人口发展战略研究工作"
        for xk, x, _, y in got
    )
    # the finer pairs stay: a paragraph of the section against its lead
    assert any(xk == "paragraph" and y == "切实把教育放在优先发展的战略地位" for xk, _, _, y in got)
