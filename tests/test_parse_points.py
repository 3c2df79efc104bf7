"""Numbered points that head the paragraphs under them are sub-parts (core/text/points.py).

Headings and bodies asserted here were read in each report's text (1955, 1978, 1989, 1996,
2005), not copied from the parser's output.
"""

from __future__ import annotations

from reportdiff.core.model import Report, Section
from reportdiff.core.text.load import load_text
from test_outline_corpus import report


def _section(r: Report, heading: str) -> Section:
    """The last section so headed (1955 also lists its headings as a table of contents)."""
    return [s for _, s in r.walk() if r.heading_text(s) == heading][-1]


def _held(r: Report) -> list[tuple[int, int]]:
    """The stretches of text the report's nodes hold: each section's marker and heading
    (with the 。 that closes it), each block; in text order."""
    spans = [(b.span.start, b.span.end) for b in r.preamble]
    for _, s in r.walk():
        end = s.heading.end + (r.text[s.heading.end : s.heading.end + 1] == "。")
        spans.append((s.span.start, end))
        spans += [(b.span.start, b.span.end) for b in s.blocks]
    return sorted(spans)


def assert_held_once(year: int) -> None:
    """Every character of a corpus report's body is held by exactly one node: a heading's
    sentence by its section, the text after it by a block, nothing in between."""
    r = report(year)
    held = _held(r)
    pos = held[0][0]
    for start, end in held:
        assert start >= pos, (year, r.text[start : start + 20])
        assert not r.text[pos:start].strip(), (year, r.text[pos:start][:40])
        pos = end
    assert not r.text[pos:].strip()


def test_1955_problems_head_their_paragraphs() -> None:
    r = report(1955)
    sec = _section(r, "关于工业和运输业的基本建设问题")
    assert [r.heading_text(c) for c in sec.children] == [
        "基本建设规模的大小问题",
        "轻重工业投资的比重问题",
        "大中小型企业的配合问题",
        "工业的地区分布问题",
        "基本建设的标准问题",
        "保证工程的质量问题",
    ]
    assert all(c.kind == "subsection" for c in sec.children)
    assert [c.marker for c in sec.children] == [f"第{n}，" for n in "一二三四五六"]
    # The opening paragraph stays the section's; the body of 第二 is its three paragraphs.
    assert r.slice(sec.blocks[0].span).startswith("现在我想就关于工业和运输业的基本建设")
    second = sec.children[1]
    assert [r.slice(b.span)[:9] for b in second.blocks] == [
        "我国第一个五年计划",
        "大家知道，轻重工业",
        "因此，我们认为第一",
    ]


def test_1978_measures_hold_their_paragraphs_under_the_part() -> None:
    r = report(1978)
    part = _section(r, "加快社会主义经济建设")
    points = [c for c in part.children if c.marker.startswith("第")]
    assert [r.heading_text(c) for c in points[:2]] == [
        "全国动员，大办农业",
        "加快发展基础工业，发挥工业的主导作用",
    ]
    assert len(points) == 6
    assert all(c.kind == "subsection" for c in points)
    assert r.slice(points[0].blocks[0].span).startswith("农业是国民经济的基础。")


def test_1996_points_running_on_after_their_sentence_are_headed_by_it() -> None:
    """1996 prints 第一， 第四， 第五， as lines of one sentence and 第二， 第三， with their
    text after the sentence: each is headed by its sentence, nothing of the text is lost."""
    r = report(1996)
    sec = _section(r, "促进国民经济持续、快速、健康发展")
    assert [r.heading_text(c) for c in sec.children if c.marker.startswith("第")] == [
        "确保农业和农村经济持续稳定增长",
        "积极推进产业结构的调整",
        "促进区域经济协调发展",
        "努力保持宏观经济的稳定",
        "不断提高城乡人民生活水平",
    ]
    second = sec.children[1]
    assert r.slice(second.blocks[0].span).startswith("要继续加强基础设施和基础工业，")
    assert r.text[second.heading.end] == "。"


def test_2005_government_points_and_1989_structure_points() -> None:
    r = report(2005)
    sec = _section(r, "加强行政能力建设和政风建设")
    assert [r.heading_text(c) for c in sec.children][:3] == [
        "深化政府机构改革",
        "加快转变政府职能",
        "改进经济管理方式方法",
    ]
    r = report(1989)
    sec = _section(r, "在治理整顿中认真调整经济结构")
    titles = [r.heading_text(c) for c in sec.children]
    assert titles[0].startswith("切实加强农业在国民经济中的基础地位，")
    assert titles[1].startswith("努力加强能源、交通、通信和重要原材料")
    assert len(titles) == 3


def test_no_character_of_the_body_is_lost_or_held_twice() -> None:
    """Around the sub-parts every character of the text is held by exactly one node: a
    point's sentence by its heading, the text after it by a block, nothing in between."""
    for year in (1955, 1978, 1982, 1983, 1989, 1996, 2005):
        assert_held_once(year)


TEXT = """\
一、今年的主要任务

今年要着重抓好以下工作。

{points}
"""


def _load(points: str) -> Report:
    return load_text(TEXT.format(points=points), source="t.txt")


def test_a_lone_first_point_stays_a_paragraph() -> None:
    r = _load(
        "第一，深化政府机构改革。\n\n按照精简、统一、效能的原则推进改革。\n\n其他工作也要抓紧。"
    )
    assert r.sections[0].children == ()
    assert len(r.sections[0].blocks) == 4


def test_points_without_bodies_are_a_list_not_sub_parts() -> None:
    r = _load("第一，深化政府机构改革。\n\n第二，加快转变政府职能。\n\n第三，提高依法行政能力。")
    assert r.sections[0].children == ()


def test_points_out_of_sequence_are_not_sub_parts() -> None:
    r = _load(
        "第一，深化政府机构改革。\n\n按照精简的原则推进改革。\n\n"
        "第三，加快转变政府职能。\n\n推进政企分开。"
    )
    assert r.sections[0].children == ()


def test_a_long_first_sentence_keeps_the_points_paragraphs() -> None:
    long_point = (
        "第二，" + "要加强农业、工业、交通、能源和原材料的建设，" * 3 + "保证经济稳定增长。"
    )
    r = _load(
        "第一，深化政府机构改革。\n\n按照精简的原则推进改革。\n\n"
        f"{long_point}\n\n推进政企分开。\n\n第三，提高依法行政能力。\n\n全面实施纲要。"
    )
    assert r.sections[0].children == ()
