"""Structure of reports of every level, on realistic provincial, city and district text.

The snippets below are written in the forms these reports are printed in (parts 一、,
sections （一）, ——lead。 items, 一是…二是… inside paragraphs, unnumbered bold lines,
各位代表！ passages), not copied from one report: the rules must hold for any of them.
"""

from __future__ import annotations

from reportdiff.core.model import Block, Report, Section
from reportdiff.core.text.load import load_text
from reportdiff.core.text.runon import RUN_ON_MIN


def _load(text: str) -> Report:
    return load_text(text, source="snippet.txt", id="snippet")


def _headings(r: Report, sections: tuple[Section, ...]) -> list[str]:
    return [r.heading_text(s) for s in sections]


def _leads(r: Report, blocks: tuple[Block, ...]) -> list[str]:
    return [lead for b in blocks if (lead := r.lead_text(b)) is not None]


PROVINCE = """\
政府工作报告

——2026年1月20日在某某省第十四届人民代表大会第五次会议上

某某省省长 张某某

各位代表：

现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。

一、2025年工作回顾

过去一年，我们坚持稳中求进工作总基调，全省经济运行稳中有进。

——经济实力持续增强。地区生产总值增长5.6%，规模以上工业增加值增长7.1%。产业结构调整成效明显。服务业增加值占比提高1.2个百分点。

——改革开放不断深化。营商环境持续优化，新设经营主体增长12.3%。进出口总额增长8.4%。

——民生福祉稳步提升。城镇新增就业68万人，居民人均可支配收入增长5.9%。

（一）聚焦扩大内需，经济回升向好态势持续巩固

我们坚持把扩大内需作为战略基点。一是扩大有效投资。省重点项目完成投资4200亿元。二是提振消费。社会消费品零售总额增长6.2%。三是稳定外贸。新开通国际航线12条。

（二）聚焦创新驱动，现代化产业体系加快构建

全省研发经费投入强度达到2.5%，新增高新技术企业3100家。

各位代表！过去一年的成绩来之不易，这是全省人民共同奋斗的结果。

二、2026年工作安排

今年是“十五五”规划开局之年，做好政府工作意义重大。

（一）坚定不移扩大内需

实施扩大内需战略，着力释放消费潜力，扩大有效投资。

（二）坚定不移推动科技创新

加强基础研究和关键核心技术攻关，推动科技成果就地转化。

加强政府自身建设

我们要坚持依法行政，自觉接受人大法律监督和政协民主监督，加快建设人民满意的服务型政府。

各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力谱写新篇章！
"""


def test_province_parts_sections_items_and_closing() -> None:
    r = _load(PROVINCE)
    assert _headings(r, r.sections) == ["2025年工作回顾", "2026年工作安排", "加强政府自身建设"]
    review, plan, gov = r.sections
    assert [s.kind for s in r.sections] == ["part", "part", "part"]
    assert gov.marker == ""
    # The three ——items are units led by their topic; a short sentence inside one
    # (产业结构调整成效明显。) does not split it.
    assert _leads(r, review.blocks) == ["经济实力持续增强", "改革开放不断深化", "民生福祉稳步提升"]
    first_item = r.slice(review.blocks[1].span)
    assert "产业结构调整成效明显。服务业增加值占比" in first_item
    # 一是…二是…三是… inside the first section's paragraph: one unit each.
    demand = review.children[0]
    assert _leads(r, demand.blocks) == ["扩大有效投资", "提振消费", "稳定外贸"]
    assert r.slice(demand.blocks[0].span) == "我们坚持把扩大内需作为战略基点。"
    # 各位代表！ after the part's last section is the part's summing-up, not (二)'s.
    assert _headings(r, review.children) == [
        "聚焦扩大内需，经济回升向好态势持续巩固",
        "聚焦创新驱动，现代化产业体系加快构建",
        "",
    ]
    assert r.slice(review.children[2].blocks[0].span).startswith("各位代表！过去一年的成绩")
    # The unnumbered 加强政府自身建设 after 二's last section is a closing part, and the
    # final call after it an untitled section of that part.
    assert len(plan.children) == 2
    assert [r.heading_text(c) for c in gov.children] == [""]
    assert r.slice(gov.blocks[0].span).startswith("我们要坚持依法行政")


CITY_UNNUMBERED_TASKS = """\
一、过去一年工作回顾

过去一年，全市地区生产总值增长5.2%，一般公共预算收入增长4.8%。

二、2026年主要任务

做好今年工作，要重点抓好以下几个方面。

坚持创新驱动，加快建设现代化产业体系

推动先进制造业集群发展，新增省级专精特新企业100家。加快发展数字经济。

坚持扩大内需，增强经济发展内生动力

实施城市更新项目300个，完成固定资产投资1200亿元。

坚持民生优先，持续增进人民福祉

新增城镇就业5万人，新建普惠性幼儿园20所。
"""


def test_city_task_sections_printed_without_numbers() -> None:
    r = _load(CITY_UNNUMBERED_TASKS)
    assert _headings(r, r.sections) == ["过去一年工作回顾", "2026年主要任务"]
    tasks = r.sections[1]
    assert _headings(r, tasks.children) == [
        "坚持创新驱动，加快建设现代化产业体系",
        "坚持扩大内需，增强经济发展内生动力",
        "坚持民生优先，持续增进人民福祉",
    ]
    assert all(c.marker == "" and c.kind == "section" for c in tasks.children)
    # The intro stays the part's own paragraph.
    assert r.slice(tasks.blocks[0].span) == "做好今年工作，要重点抓好以下几个方面。"


def test_lone_short_line_before_numbered_sections_is_not_a_heading() -> None:
    text = """\
一、2025年工作回顾

过去一年，全区经济平稳运行。

主要做了以下工作

我们推进了一批重大项目，完成投资200亿元。

（一）产业发展提质增效

新引进重点企业50家。

（二）城区面貌持续改善

完成旧区改造10万平方米。
"""
    r = _load(text)
    review = r.sections[0]
    assert _headings(r, review.children) == ["产业发展提质增效", "城区面貌持续改善"]
    assert any(r.slice(b.span) == "主要做了以下工作" for b in review.blocks)


def test_district_items_inside_a_paragraph_get_leads() -> None:
    text = """\
二、2026年工作安排

（三）全力保障和改善民生

坚持尽力而为、量力而行，办好民生实事。一是促进高质量充分就业。新增就业岗位1.2万个。二是办好人民满意的教育。新建改扩建学校6所。三是推进健康城区建设，提升基层医疗服务能力。四是完善养老服务体系。新增养老床位500张。五是加强住房保障。筹集保障性租赁住房2000套。六是丰富群众文化生活。七是织密社会保障网。
"""
    r = _load(text)
    section = r.sections[0].children[0]
    assert _leads(r, section.blocks) == [
        "促进高质量充分就业",
        "办好人民满意的教育",
        "推进健康城区建设",
        "完善养老服务体系",
        "加强住房保障",
        "丰富群众文化生活",
        "织密社会保障网",
    ]
    assert r.slice(section.blocks[0].span) == "坚持尽力而为、量力而行，办好民生实事。"


def test_items_inside_one_sentence_are_not_cut() -> None:
    text = """\
一、工作回顾

我们着力做好三件事：一是稳增长；二是促改革；三是惠民生。这些工作取得了明显成效。
"""
    r = _load(text)
    assert len(r.sections[0].blocks) == 1


def test_short_sentences_do_not_split_a_paragraph() -> None:
    """A run of short sentences inside one paragraph stays one paragraph (2002, 2003 form)."""
    text = """\
一、过去一年工作回顾

（一）经济平稳运行

国民经济保持良好发展势头。全年地区生产总值增长6%。经济结构调整取得积极进展。农业结构有所优化。金融运行平稳。居民消费价格总水平上升0.7%。外贸出口增长较快。人民币汇率稳定。
"""
    r = _load(text)
    section = r.sections[0].children[0]
    assert len(section.blocks) == 1
    assert _leads(r, section.blocks) == ["国民经济保持良好发展势头"]


def _joined(text: str, sep: str) -> str:
    return sep.join(p.strip() for p in text.split("\n\n") if p.strip()) + "\n"


def _outline(r: Report) -> list[tuple[str, str, list[str]]]:
    return [(s.kind, r.heading_text(s), _leads(r, s.blocks)) for _, s in r.walk()]


def test_text_without_line_breaks_parses_like_the_paragraphed_text() -> None:
    # Long enough to be taken for paragraphs run together, as a copy-paste gives them.
    body = PROVINCE.replace(
        "现在，我代表省人民政府", "现在，我代表省人民政府。" + "全省上下团结奋斗，攻坚克难。" * 160
    )
    spaced = _joined(body, "\u3000\u3000")
    assert len(spaced.splitlines()) == 1 and len(spaced) > RUN_ON_MIN
    assert _outline(_load(spaced)) == _outline(_load(body))


def test_text_without_any_break_is_cut_only_between_sentences() -> None:
    body = PROVINCE.replace(
        "现在，我代表省人民政府", "现在，我代表省人民政府。" + "全省上下团结奋斗，攻坚克难。" * 160
    )
    r = _load(_joined(body, ""))
    assert len(r.text.strip().split("\n\n")) >= 15
    # ——items are units again, and every paragraph cut ends a sentence.
    items = [b for _, _, b in r.blocks() if r.slice(b.span).startswith("——")]
    assert [r.lead_text(b) for b in items] == [
        "经济实力持续增强",
        "改革开放不断深化",
        "民生福祉稳步提升",
    ]
    for _, _, b in r.blocks():
        assert r.slice(b.span)[-1] in "。！？：:", r.slice(b.span)[-20:]


def test_numbered_points_under_a_section_are_led_by_their_topic() -> None:
    text = """\
二、2026年重点工作

（一）加快构建现代化产业体系

1.推动传统产业转型升级。实施新一轮技术改造升级工程，完成技改投资800亿元。

2.培育壮大新兴产业。打造新能源汽车、生物医药两个千亿级产业集群。

（1）加快发展低空经济，建设通用机场3个；（2）布局人形机器人产业。

2025年全市规上工业增加值增长7%，为今年打下基础。
"""
    r = _load(text)
    section = r.sections[0].children[0]
    assert [r.lead_text(b) for b in section.blocks] == [
        "推动传统产业转型升级",
        "培育壮大新兴产业",
        "加快发展低空经济",
        None,
    ]


def test_a_short_sentence_that_points_back_is_no_lead() -> None:
    text = """\
一、工作回顾

（一）深化金融改革

这是关系改革和发展全局的重要任务。要加快国有商业银行改革，搞好股份制改革试点。

防范化解金融风险。稳妥处置地方中小金融机构风险，守住不发生系统性风险的底线。
"""
    r = _load(text)
    section = r.sections[0].children[0]
    assert [r.lead_text(b) for b in section.blocks] == [None, "防范化解金融风险"]
