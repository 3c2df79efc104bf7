"""The outline of national reports of five decades, as a reader of each report draws it.

Each test reads one copy of a report from ../shared/corpus/national (a saved GBK web page
holding the text several times over: the copy is cut here, the way a user would copy it
off the page). Every heading, count and lead asserted was checked against the report's
text by hand, not copied from the parser's output.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from conftest import CORPUS, require
from reportdiff.core.model import Report, Section
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.headings import match_heading
from reportdiff.core.text.load import load_text

END_OF_COPY = ("（责任编辑", "当前位置", "上一页")
"""Page chrome that follows the first copy of the report on the saved page."""


@cache
def one_copy(year: int) -> str:
    """The first copy of the report delivered in ``year``, from its title line on."""
    path = require(CORPUS, "State Council corpus") / f"{year}.txt"
    raw = path.read_bytes().decode("gb18030", "replace")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL).replace("<U+00A0>", " ")
    lines = [ln.strip(" \u3000\t") for ln in raw.split("\n")]
    lines = [ln for ln in lines if ln]
    date = next(i for i, ln in enumerate(lines) if re.search(r"——\s*[\d０-９]", ln))
    title = lines[date - 1]
    start = date - 1 if len(title) <= 40 and "www" not in title and "【" not in title else date
    end = next(i for i in range(date, len(lines)) if lines[i].startswith(END_OF_COPY))
    return "\n\n".join(lines[start:end]) + "\n"


def report(year: int) -> Report:
    return load_text(one_copy(year), source=f"{year}.txt", id=f"national-{year}")


def headings(r: Report, sections: tuple[Section, ...]) -> list[str]:
    return [r.heading_text(s) for s in sections]


def dash_leads(r: Report, section: Section) -> list[str | None]:
    """Leads of the ——items directly in ``section``."""
    return [r.lead_text(b) for b in section.blocks if r.slice(b.span).startswith("——")]


def test_2003_review_items_experience_sections_and_closing() -> None:
    r = report(2003)
    assert headings(r, r.sections) == ["过去五年政府工作的回顾", "对今年政府工作的建议"]
    review, plan = r.sections
    # 16 ——items of the five-year review, each one unit led by its topic. The short
    # sentences inside them (产业结构调整成效明显。现代服务业快速发展。) split nothing.
    leads = dash_leads(r, review)
    assert len(leads) == 16
    assert leads[:4] == [
        "经济持续较快增长",
        "基础设施建设成就显著",
        "西部大开发开局良好",
        "可持续发展能力增强",
    ]
    assert leads[-1] == "消费水平明显提高"
    growth = next(b for b in review.blocks if r.slice(b.span).startswith("——经济持续较快增长"))
    assert "产业结构调整成效明显。" in r.slice(growth.span)
    assert "国家税收连年大幅度增长。" in r.slice(growth.span)
    # Nine experience sections, then 各位代表！五年来…来之不易: the part's summing-up.
    assert [s.marker for s in review.children] == [f"（{n}）" for n in "一二三四五六七八九"] + [""]
    assert r.slice(review.children[9].blocks[1].span).startswith("五年来，我国各方面的成就")
    # (三)'s paragraphs 一是…六是: one lead each.
    assert [r.lead_text(b) for b in review.children[2].blocks][1:7] == [
        "推进农业结构调整",
        "深化粮棉流通体制改革",
        "进行农村税费改革试点",
        "增加对农业和农村的投入",
        "加强农村扶贫开发",
        "引导农村劳动力合理有序流动",
    ]
    # 二's (八) 切实加强政府自身建设 ends before 各位代表！ turns to 民族团结, 国防, 港澳, 台湾
    # and 外交; the last 各位代表！ is the closing call.
    assert headings(r, plan.children)[7] == "切实加强政府自身建设"
    assert "国防和军队建设" not in r.slice(plan.children[7].span)
    closing = plan.children[8:]
    assert headings(r, closing) == ["", ""]
    assert "国防和军队建设" in r.slice(closing[0].span)
    assert r.slice(closing[1].blocks[1].span).startswith("党的十六大制定了")


def test_2004_three_parts_and_what_follows_government_self_building() -> None:
    r = report(2004)
    assert headings(r, r.sections) == ["一年来工作回顾", "２００４年主要任务", "加强政府自身建设"]
    review, tasks, gov = r.sections
    assert [len(review.children), len(tasks.children)] == [6, 9]
    assert dash_leads(r, review) == [
        "抗击非典取得重大胜利",
        "经济快速发展",
        "国家财力明显增强",
        "对外贸易大幅增长",
        "就业超过预期目标",
        "居民收入增加",
        "首次载人航天飞行获得圆满成功",
    ]
    # 三 is running text; its 各位代表！ passages (港澳台, 外交, the closing) are units.
    assert headings(r, gov.children) == ["", "", ""]
    assert "香港、澳门" in r.slice(gov.children[0].span)
    assert "国际形势" in r.slice(gov.children[1].span)
    assert all("香港、澳门" not in r.slice(b.span) for b in gov.blocks)


def test_2005_seven_parts_task_sections() -> None:
    r = report(2005)
    assert headings(r, r.sections) == [
        "过去一年工作回顾",
        "2005年工作总体部署",
        "继续保持经济平稳较快发展",
        "大力推进经济体制改革和对外开放",
        "积极发展社会事业和建设和谐社会",
        "加强行政能力建设和政风建设",
        "坚持和平发展道路与独立自主的和平外交政策",
    ]
    titled = [[c for c in s.children if c.marker] for s in r.sections]
    # 六's six points (第一，深化政府机构改革。 …) head the paragraphs under them.
    assert [len(c) for c in titled] == [6, 0, 4, 6, 3, 6, 0]
    # The year's lessons are six ——必须坚持… items, each a unit with its lead. (They are
    # part 一's, printed after (六) with no heading or 各位代表！ before them: the parser
    # leaves them at the end of (六), which is not asserted here.)
    review = r.sections[0]
    musts = [
        lead
        for s in (review, *review.children)
        for lead in dash_leads(r, s)
        if lead and lead.startswith("必须坚持")
    ]
    assert len(musts) == 6


def test_1998_sections_numbered_in_words() -> None:
    r = report(1998)
    assert len(r.sections) == 3
    plan = r.sections[1]
    assert [s.marker for s in plan.children][:8] == [f"第{n}，" for n in "一二三四五六七八"]
    assert headings(r, plan.children)[0] == "进一步稳定和加强农业"
    assert headings(r, plan.children)[7] == "推进祖国和平统一大业"


def test_1986_lists_inside_a_part_are_not_parts() -> None:
    r = report(1986)
    assert headings(r, r.sections) == [
        "“六五”计划执行情况的回顾",
        "“七五”时期的基本任务和主要建设方针",
        "“七五”时期的经济体制改革",
        "坚持独立自主的和平外交政策",
    ]
    # 二 lists 一、…五、 (the plan's points) and 三 lists 一、…六、 (what to recognise).
    listed = [[s.marker for s in p.children if s.marker.endswith("、")] for p in r.sections]
    assert listed == [
        [],
        ["一、", "二、", "三、", "四、", "五、"],
        ["一、", "二、", "三、", "四、", "五、", "六、"],
        [],
    ]


@pytest.mark.parametrize(
    ("year", "parts"),
    [(1980, 3), (1990, 3), (1993, 7), (2000, 10), (2008, 1), (2009, 1)],
)
def test_part_counts(year: int, parts: int) -> None:
    r = report(year)
    assert len(r.sections) == parts
    assert all(s.kind == "part" and s.marker.endswith("、") for s in r.sections)


def test_2008_truncated_review() -> None:
    r = report(2008)
    review = r.sections[0]
    assert [s.marker for s in review.children] == ["（一）", "（二）", "（三）"]
    leads = dash_leads(r, review)
    assert len(leads) == 8
    assert leads[:2] == ["经济跨上新台阶", "取消农业税，终结了农民种田交税的历史"]
    # ——国有企业、金融、财税、外经贸体制和行政管理体制等改革迈出重大步伐。 opens with a
    # clause longer than a lead: no lead rather than a cut-off one.
    assert leads[2] is None


def test_2009_truncated_closing_passage_stays_in_its_part() -> None:
    r = report(2009)
    review = r.sections[0]
    assert [s.marker for s in review.children] == ["（一）", "（二）", "（三）", ""]
    assert "来之不易" in r.slice(review.children[3].span)


@pytest.mark.parametrize("year", [1980, 1986, 1990, 1998, 2003, 2005, 2008])
def test_cleaning_never_splits_a_paragraph_at_a_sentence(year: int) -> None:
    """Every cleaned paragraph is one of the copy, a heading cut off the front of one, or a
    piece of front matter (title, ——date line, speaker) cut out of a run-on head line: never
    a paragraph cut at a sentence."""
    source = one_copy(year)

    def bare(text: str) -> str:  # the cleaning closes spaced digits (1 9 9 8 年)
        return "".join(text.split())

    paragraphs = {bare(p) for p in source.split("\n\n")}
    cleaned = [bare(p) for p in clean_text(source).split("\n\n") if p.strip()]
    for k, p in enumerate(cleaned):
        if p in paragraphs:
            continue
        head = cleaned[k - 1] if k else ""
        front_matter = not any(c in p for c in "。！？") and any(p in q for q in paragraphs)
        assert (
            front_matter
            or match_heading(p) is not None
            or (match_heading(head) is not None and head + p in paragraphs)
        ), p[:40]


def test_2003_without_line_breaks() -> None:
    """The copy run together with its indent gaps (as a site's text) parses the same."""
    source = one_copy(2003)
    joined = "\u3000\u3000".join(p for p in source.split("\n\n") if p.strip())
    a, b = report(2003), load_text(joined, source="2003-joined.txt", id="joined")

    def outline(r: Report) -> list[tuple[str, str, list[str | None]]]:
        return [
            (s.marker, r.heading_text(s), [r.lead_text(x) for x in s.blocks]) for _, s in r.walk()
        ]

    assert outline(b) == outline(a)


def test_1988_unnumbered_parts_hold_numbered_points() -> None:
    """1988 prints its parts without numbers and numbers the points inside them."""
    r = report(1988)
    assert headings(r, r.sections) == [
        "过去五年国内工作的基本总结",
        "今后五年建设和改革的目标、方针和任务",
        "关于外交工作",
    ]
    assert all(s.kind == "part" and s.marker == "" for s in r.sections)
    points = [[s.marker for s in p.children if s.marker] for p in r.sections]
    assert points[0] == [f"{n}、" for n in "一二三四五"]
    assert points[1] == [f"{n}、" for n in "一二三四五六七八九十"]
    # The speaker's line after the title is not a heading.
    assert "国务院代总理李鹏" not in headings(r, r.sections)


def test_1990_tasks_numbered_in_words_are_led_by_their_topic() -> None:
    """1990 二 sets out ten tasks as lines 第一，集中力量办好农业，争取…。 … 第十，…, each
    heading the paragraphs under it."""
    r = report(1990)
    tasks = r.sections[1]
    points = [c for c in tasks.children if c.marker.startswith("第")]
    assert [c.marker for c in points] == [f"第{n}，" for n in "一二三四五六七八九十"]
    assert r.heading_text(points[0]).startswith("集中力量办好农业，")
    assert r.heading_text(points[-1]).startswith("坚持抓好计划生育，")


def test_1960_parts_numbered_by_a_numeral_alone() -> None:
    """1960 (谭震林's report on the agricultural programme) numbers its four parts with a
    numeral alone on its line (一 / 二 / 三 / 四) and no title: each is a part, not a
    paragraph of one character in a report with no sections."""
    r = report(1960)
    assert [s.marker for s in r.sections] == ["一", "二", "三", "四"]
    assert all(s.kind == "part" and r.heading_text(s) == "" for s in r.sections)
    third = r.sections[2]
    assert r.lead_text(third.blocks[0]) == "人民公社制度是我们提前实现农业发展纲要的根本保障"
    assert [r.slice(b.span)[:4] for b in r.preamble] == ["各位代表", "我受中共"]
    lone = [b for _, s in r.walk() for b in s.blocks if len(r.slice(b.span)) <= 2]
    assert lone == []


@pytest.mark.parametrize(
    ("year", "sentence"),
    [
        (1994, "根据这个要求，今年计划国内生产总值增长百分之九"),
        (1991, "计划安排，全社会固定资产投资总规模五千亿元"),
        (1958, "铁路建设，计划新线和复线铺轨约一千五百公里"),
    ],
)
def test_a_sentence_giving_a_figure_in_words_is_no_topic(year: int, sentence: str) -> None:
    """A lead of two clauses holds no figure, in digits or in words (百分之九, 五千亿元,
    一千五百公里): the sentence states a plan's figure, it heads nothing. The topics around
    it stay (1994's 二、 goes on with 加强农业基础地位，全面发展农村经济)."""
    r = report(year)
    leads = [r.lead_text(b) for _, s in r.walk() for b in s.blocks]
    assert sentence not in leads
    if year == 1994:
        assert "加强农业基础地位，全面发展农村经济" in leads
