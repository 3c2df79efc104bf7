"""A one-line paragraph announcing a topic heads the paragraphs after it (core/text/announce.py).

The lines, the paragraphs under them and where each topic ends were read in the reports'
text (1958, 1960, 1982), not copied from the parser's output.
"""

from __future__ import annotations

from reportdiff.core.model import Report, Section
from reportdiff.core.text.announce import announcement
from reportdiff.core.text.load import load_text
from test_outline_corpus import report
from test_parse_points import assert_held_once


def _section(r: Report, heading: str) -> Section:
    return next(s for _, s in r.walk() if r.heading_text(s) == heading)


def _openings(r: Report, s: Section, n: int = 8) -> list[str]:
    return [r.slice(b.span)[:n] for b in s.blocks]


def test_1958_review_fields_head_their_paragraphs() -> None:
    r = report(1958)
    review = _section(r, "一九五七年经济战线上的胜利")
    assert [(c.kind, r.heading_text(c)) for c in review.children] == [
        ("subsection", "先说工业战线上的情况"),
        ("subsection", "以下再说农业战线上的情况"),
        ("subsection", "以下我们还要说到交通运输和商业战线上的情况"),
        ("subsection", "最后说到文教战线上的情况"),
        ("subsection", ""),
    ]
    industry, farming, transport, schools, closing = review.children
    # 现在来说…执行结果。 announces the four fields, not one: it stays the part's paragraph.
    assert r.slice(review.blocks[-1].span) == "现在来说我国一九五七年度国民经济计划的执行结果。"
    assert len(industry.blocks) == 5
    assert _openings(r, industry)[0] == "根据预计数字（实"
    assert _openings(r, farming)[0] == "根据预计，一九五"
    assert len(farming.blocks) == 4
    assert _openings(r, transport)[1] == "商业方面：一九五"
    # 文教 holds its two paragraphs; 总的看来，… sums up the whole review and closes it.
    assert _openings(r, schools) == ["一九五七年的在校", "在高等学校和其他"]
    assert r.slice(closing.blocks[0].span).startswith("总的看来，我国国民经济计划")
    assert len(closing.blocks) == 4


def test_1982_a_lone_announced_topic_inside_a_section() -> None:
    r = report(1982)
    reform = _section(r, "积极稳妥地加快经济体制改革的进程")
    (farming,) = reform.children
    assert r.heading_text(farming) == "最后，着重讲一讲农业和农村工作问题"
    assert r.slice(farming.blocks[0].span).startswith("这几年农村形势很好")
    assert len(farming.blocks) == 5
    assert r.slice(reform.blocks[-1].span).startswith("体制改革，头绪纷繁。")
    building = _section(r, "关于基本建设的规模、重点和企业的技术改造")
    (plans,) = building.children
    assert r.heading_text(plans).startswith("下面，着重讲一下能源、交通、农业的建设计划")
    assert [b[:4] for b in _openings(r, plans)] == [
        "煤炭工业",
        "石油工业",
        "电力工业",
        "交通运输",
        "在农业建",
        "为了保证",
        "第六个五",
    ]


def test_1960_an_announcement_opening_its_part_stays_a_paragraph() -> None:
    r = report(1960)
    second = r.sections[1]
    assert r.slice(second.blocks[0].span).startswith("下面我首先说一下农业发展纲要")
    assert second.children == ()


def test_no_character_is_lost_or_held_twice() -> None:
    for year in (1958, 1982):
        assert_held_once(year)


TEXT = """\
一、今年的主要任务

今年要着重抓好以下工作。

{body}
"""


def _load(body: str) -> Section:
    return load_text(TEXT.format(body=body), source="t.txt", id="t").sections[0]


def test_the_form_of_an_announcing_line() -> None:
    assert announcement("先说工业战线上的情况。")
    assert announcement("下面，我讲一讲价格改革问题。")
    assert announcement("现在谈谈对外经济关系。")
    # a list follows, not one topic
    assert not announcement("下面我想对于教育改革和向科学进军两个问题讲一些意见。")
    assert not announcement("下面，着重讲以下几个问题。")
    assert not announcement("最后，讲一讲农业问题：")
    # 说明 is no verb of announcing; 再说，… is "moreover"
    assert not announcement("最后说明一下计划的编制方法。")
    assert not announcement("再说，我们的工作还有缺点。")
    # a clause before the verb: an ordinary sentence
    assert not announcement("为了完成任务，这里着重讲几个需要明确的认识问题。")
    assert not announcement("关于劳动就业问题。")


def test_an_announced_topic_holds_the_paragraphs_up_to_the_next() -> None:
    s = _load(
        "粮食生产稳定增长。\n\n下面，讲一讲价格问题。\n\n价格改革要稳步推进。\n\n"
        "物价总水平要基本稳定。\n\n最后，谈谈对外贸易。\n\n出口要继续增长。"
    )
    assert [len(s.blocks), [len(c.blocks) for c in s.children]] == [2, [2, 1]]


def test_lines_that_head_nothing_stay_paragraphs() -> None:
    # followed by no paragraph
    assert _load("粮食生产稳定增长。\n\n最后，谈谈对外贸易。").children == ()
    # followed directly by another announcement: only the second heads
    s = _load("粮食生产稳定增长。\n\n下面说说经济。\n\n先说工业的情况。\n\n工业增长很快。")
    assert [len(s.blocks), [len(c.blocks) for c in s.children]] == [3, [1]]
    # the announcement and its body in one paragraph
    assert _load("粮食生产稳定增长。\n\n先说工业的情况。工业增长很快。").children == ()
