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


def test_1982_rules_listed_in_paragraphs_are_no_sections() -> None:
    """1982's 以下规定 lists 一、…五、 as paragraphs, two of them one sentence long: no
    section opens there: they are paragraphs of the 第一、 measure, one of the four
    第一、…第四、 measures that head the paragraphs under them."""
    r = report(1982)
    measures = next(s for s in r.sections if "主要措施" in r.heading_text(s))
    assert [s.marker for s in measures.children if s.marker] == [f"第{n}、" for n in "一二三四"]
    first = measures.children[0]
    assert first.children == ()
    texts = [r.slice(b.span) for b in first.blocks]
    assert any(t.startswith("三、所有建设项目必须严格按照基本建设程序办事") for t in texts)
    titles = [r.heading_text(s) for s in measures.children]
    assert titles[1].startswith("坚决调整和全面整顿现有企业，")
    assert titles[3] == "积极稳妥地加快经济体制改革的进程"


def test_1955_numbered_headings_after_one_numbered_paragraph_stay_headings() -> None:
    """1955 prints the five ways to raise output as 一、开垦宜于耕种的荒地。 … with only the
    fifth one a paragraph: a single numbered paragraph makes no list."""
    r = report(1955)
    titles = [r.heading_text(c) for s in r.sections for c in s.children]
    assert "开垦宜于耕种的荒地" in titles
    assert "兴修水利" in titles
