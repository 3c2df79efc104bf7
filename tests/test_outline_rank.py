"""Numbering styles ranked by first use: a report that opens with （一） nests its 一、 or
第一、 points under the （…） heading they follow (1981, 1958)."""

from __future__ import annotations

from test_outline_corpus import headings, report


def test_1981_ten_policies_sit_under_its_second_section() -> None:
    r = report(1981)
    assert headings(r, r.sections) == [
        "当前的经济形势",
        "今后经济建设的方针",
        "我国经济发展的前景",
    ]
    assert [s.kind for s in r.sections] == ["part", "part", "part"]
    policies = [s for s in r.sections[1].children if s.marker]
    assert [s.marker for s in policies] == [f"{n}、" for n in "一二三四五六七八九十"]
    assert headings(r, policies)[0] == "依靠政策和科学，加快农业的发展"
    # （三） is no longer nested under 十、统筹安排生产建设和人民生活.
    assert not any(c.marker.startswith("（") for c in policies[-1].children)


def test_1958_ordinal_points_sit_under_the_plan_section() -> None:
    r = report(1958)
    assert [s.marker for s in r.sections] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    plan = r.sections[2]
    assert [s.marker for s in plan.children] == [f"第{n}、" for n in "一二三四五"]
    assert headings(r, plan.children)[0] == "关于基本建设"


def test_a_report_of_parts_keeps_its_sections_under_them() -> None:
    """1999 opens with 一、 and numbers its sub-points otherwise: nothing is re-ranked."""
    r = report(1999)
    assert len(r.sections) == 10
    assert all(s.kind == "part" and s.marker.endswith("、") for s in r.sections)
