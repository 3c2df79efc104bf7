"""The outline of every bundled sample is the one a reader of the seed would draw.

Every expected heading and lead below was copied from the seed documents in
../shared/seeds (file and line noted), not from the parser's output.
"""

from __future__ import annotations

import re

import pytest
from reportdiff.core.model import Report, Section
from reportdiff.core.storage.samples import SAMPLE_IDS, load_sample
from reportdiff.core.text.outline import format_outline


def headings(report: Report, sections: tuple[Section, ...]) -> list[str]:
    return [report.heading_text(s) for s in sections]


def leads(report: Report, section: Section) -> list[str]:
    """Lead phrases of a section's paragraphs (highlight lists left out)."""
    return [
        lead
        for b in section.blocks
        if b.kind == "paragraph" and (lead := report.lead_text(b)) is not None
    ]


def highlight_counts(section: Section) -> list[int]:
    return [len(b.items) for b in section.blocks if b.kind == "highlights"]


# --- yangpu-2022: 002, web page, ◆ sections, one-line highlights then lead paragraphs ---

YANGPU_2022 = {
    "抓防控战疫情,人民生命健康全力守护": ["全力以赴打赢大上海保卫战", "因时因势优化调整防疫措施"],
    "抓纾困促重振,区域经济运行回稳向好": [
        "经济指标企稳回升",
        "政策措施叠加发力",
        "创新动能加快培育",
        "营商环境优化升级",
    ],
    "抓基础强功能,城区环境品质不断提升": [
        "老旧小区改造加快实施",
        "基础设施建设大力推进",
        "精细管理水平稳步提升",
        "生态环境质量持续改善",
    ],
    "抓实事增福祉,民生服务保障持续发力": [
        "民生底线切实兜牢",
        "社会事业扎实推进",
        "基层治理创新发展",
        "安全防线坚决守住",
    ],
    "抓作风增效能,政府自身建设扎实推进": [
        "政治意识持续增强",
        "依法行政深入推进",
        "作风建设不断深化",
    ],
}


def test_yangpu_2022_sections_and_leads() -> None:
    r = load_sample("yangpu-2022")
    assert headings(r, r.sections) == list(YANGPU_2022)
    assert all(s.marker == "◆" and s.kind == "section" for s in r.sections)
    for section, expected in zip(r.sections, YANGPU_2022.values(), strict=True):
        assert leads(r, section) == expected
    # 002 lines 18-20, 28-40, 52-60, 72-84: one-line highlights; the last section has none.
    assert [highlight_counts(s) for s in r.sections] == [[2], [7], [5], [7], []]
    assert r.slice(r.sections[1].blocks[0].items[0]) == "区级财政收入完成143.5亿元、同比增长0.3%"
    # The e-paper chrome (电子报阅读机 … 上一篇 下一篇) is gone; the summary opens the preamble.
    assert "电子报阅读机" not in r.text and "上一篇" not in r.text
    assert r.slice(r.preamble[0].span).startswith("2022年是党和国家历史上极为重要的一年")


# --- yangpu-2023: 000, newspaper, ▶ sections, six paragraphs printed after the last section ---

YANGPU_2023 = {
    "优存量、扩增量，经济发展稳中有进": [
        "经济增长量质提升",
        "企业服务持续优化",
        "开放合作活力涌现",
    ],
    "抓重点、破难点，创新动能加速释放": [
        "科创布局调整优化",
        "产学研用不断融合",
        "产业体系特色凸显",
        "滨江发展能级增强",
    ],
    "补短板、树样板，城区治理成效显著": [
        "城市更新步伐加快",
        "精细化管理多措并举",
        "生态环境日益改善",
    ],
    "保底线、惠民生，人民福祉日益增进": ["基层治理亮点纷呈", "城区运行安全可控"],
    "强素质、优作风，自身建设不断加强": [
        "主题教育务求实效",
        "法治政府夯实基础",
        "作风能力抓实做强",
    ],
}


def test_yangpu_2023_displaced_paragraphs_are_back_in_their_sections() -> None:
    r = load_sample("yangpu-2023")
    assert headings(r, r.sections) == list(YANGPU_2023)
    assert all(s.marker == "▶" for s in r.sections)
    for section, expected in zip(r.sections, YANGPU_2023.values(), strict=True):
        assert leads(r, section) == expected
    # 000 line 52 (- 城市更新步伐加快。…) is a paragraph printed as a bullet: 8 - 1 = 7.
    assert [highlight_counts(s) for s in r.sections] == [[10], [8], [7], [11], []]
    # The opening statement is not a lead phrase.
    assert r.preamble[0].lead is None
    # Every body paragraph has its lead: the orphan 企业总部19家… (line 37) is no longer alone.
    assert all(b.lead is not None for p, _, b in r.blocks() if p and b.kind == "paragraph")


def test_yangpu_2023_truncated_paragraph_is_rejoined() -> None:
    r = load_sample("yangpu-2023")
    tixi = next(b for b in r.sections[1].blocks if r.lead_text(b) == "产业体系特色凸显")
    body = r.slice(tixi.span)
    assert "国家企业技术中心6家、民营企业总部19家，哔哩哔哩" in body
    assert body.endswith("等4家企业被认定为全市首批创新型企业总部。")
    # The report still ends with its last section's last paragraph.
    assert r.text.rstrip().endswith("积极回应群众关切。")


# --- yangpu-2023-plan: 001, PDF extraction: parts, （一） sections, tables, footnotes ---

PLAN_PARTS = [
    "2023 年国民经济和社会发展计划执行情况",
    "2024 年国民经济和社会发展的总体要求和主要目标",
    "2024 年国民经济和社会发展的主要任务和措施",
]
PLAN_REVIEW = [
    "区域经济运行恢复向好，创新型现代化产业体系加快建设",  # wrapped over 001 lines 40-42
    "创新发展再出发奋力推进，区域发展新动能不断增强",
    "城区建设管理持续加强，治理现代化水平不断提高",
    "城市有机更新加快实施，人民群众福祉显著增强",
    "“美丽杨浦”加快建设，城区环境品质显著提升",
    "中期评估扎实开展，以评估推发展促落实",
]
PLAN_TASKS = [
    "聚力经济稳增长，全力促进经济平稳健康运行",
    "聚力创新发展再出发，加快形成新质生产力",
    "聚力城区数字化转型，全力打造数字化转型示范区",
    "聚力城市更新可持续发展，加快建设安全韧性城区",
    "聚力公共服务提质扩容，持续增进民生福祉",
    "聚力城区绿色低碳转型，全面推进美丽杨浦建设",
]


def test_yangpu_2023_plan_parts_and_sections() -> None:
    r = load_sample("yangpu-2023-plan")
    assert headings(r, r.sections) == PLAN_PARTS
    assert [s.marker for s in r.sections] == ["一、", "二、", "三、"]
    review, goals, tasks = r.sections
    assert headings(r, review.children) == PLAN_REVIEW
    assert goals.children == ()
    assert headings(r, tasks.children) == PLAN_TASKS
    assert all(s.marker.startswith("（") for s in review.children + tasks.children)
    # Part 三's sections are 一是…二是… paragraphs: each item is a unit led by its topic
    # (001: 一是全力以赴稳增长促发展。…二是千方百计扩大有效益的投资。…).
    assert [leads(r, s) for s in tasks.children[:2]] == [
        [
            "全力以赴稳增长促发展",
            "千方百计扩大有效益的投资",
            "多措并举激发有潜能的消费",
            "坚定不移稳外需增质效",
            "多措并举抓招商提能级",
        ],
        ["创新策源再强化", "创新产业再提速", "创新格局再完善", "创新改革再发力", "创新协同再扩容"],
    ]
    assert [len(leads(r, s)) for s in tasks.children] == [5, 5, 3, 4, 4, 3]
    # A page break after a sentence (001 lines 1474-1476) does not start a new
    # paragraph with a false lead: no lead of part 三 is that sentence.
    assert all(
        not lead.startswith("持续开展儿童友好") for s in tasks.children for lead in leads(r, s)
    )
    assert "社区长者食堂 3 家。持续开展儿童友好示范区建设。" in r.text


def test_yangpu_2023_plan_leads_and_tables() -> None:
    r = load_sample("yangpu-2023-plan")
    first, fifth, sixth = (r.sections[0].children[i] for i in (0, 4, 5))
    assert leads(r, first) == [
        "主要经济指标韧性增长",
        "现代化产业体系加速建设",
        "有效投资规模持续扩大",
        "消费市场稳步复苏回暖",
        "外资外贸不断稳中提质",
        "招商引资积蓄增长动能",
    ]
    assert leads(r, fifth) == ["环境质量持续改善", "绿色低碳深入推进", "示范引领带动明显"]
    # The review's closing paragraph enumerates its problems: 一是经济回升向好基础仍需巩固。…
    assert leads(r, sixth) == [
        "突出评估重点",
        "坚持开门评估",
        "强化统筹协调",
        "经济回升向好基础仍需巩固",
        "区域创新策源能力有待加强",
        "城区治理现代化水平尚存薄弱环节",
        "公共服务品质有待提升",
    ]
    tables = [r.lead_text(b) for _, _, b in r.blocks() if b.kind == "highlights"]
    assert [t.split()[:2] for t in tables if t] == [["表", str(n)] for n in range(1, 11)]
    table1 = next(b for b in first.blocks if b.kind == "highlights")
    items = [r.slice(i) for i in table1.items]
    # 001 lines 109-111: a bullet wrapped over two printed lines is one item.
    assert (
        "全面贯彻落实《上海市提信心扩需求稳增长促发展行动方案》，制定出台《杨浦区提信心扩需求稳增长促发展行动方案》"
        in items
    )
    # 表 4 (001 lines 484-544): twenty numbered projects; its header, printed again on
    # the next page (类别 序号 项目名称 / 年度 / 目标 / 项目进展情况), is not an item.
    table4 = next(b for _, _, b in r.blocks() if (r.lead_text(b) or "").startswith("表 4"))
    rows = [r.slice(i) for i in table4.items]
    numbered = [int(x.split()[0]) for x in rows if x.split()[0].isdigit()]
    assert numbered == list(range(1, 21))
    assert not {"年度", "目标", "项目进展情况", "类别 序号 项目名称"} & set(rows)
    # Row 15 is printed over four lines (15 / 黄浦江…（国际时尚中 / 心段） / 竣工 已完工):
    # one row, its target and progress cells included.
    assert "15 黄浦江（杨浦区）堤防专项维修工程（国际时尚中心段） 竣工 已完工" in rows
    assert len(rows) == 20


def _table(r: Report, n: int) -> tuple[list[str], list[str]]:
    """Table ``n``'s items, and its other lines (caption, category labels) as printed."""
    block = next(b for _, _, b in r.blocks() if (r.lead_text(b) or "").startswith(f"表 {n} "))
    items = [r.slice(i) for i in block.items]
    other = [ln for ln in r.slice(block.span).split("\n") if ln not in {f"- {x}" for x in items}]
    return items, other


def test_yangpu_2023_plan_table_categories_are_labels_not_items() -> None:
    """A table's category column (政策供给, 路/水/电, 就 业) groups the items; it is no fact."""
    r = load_sample("yangpu-2023-plan")
    expected_labels = {
        # 001 lines 107 and 124: the 主要领域 column of 表 1.
        1: ["政策供给", "重点项目"],
        # 表 2: 治理数字化 follows a full-width line yet is parallel to 经济/生活数字化.
        2: ["经济数字化", "生活数字化", "治理数字化"],
        3: ["杨浦滨江", "大创智", "大创谷", "环同济"],
        4: ["路", "水", "电"],
        5: ["就 业", "住 房", "救 助", "养 老", "儿童福利"],
        # 表 6: 文化 / 旅游 is one cell wrapped over two lines; 卫 生 after a full-width
        # line opens the health rows (it used to end the row above: …白玉兰奖卫 生).
        6: ["教 育", "卫 生", "文化旅游", "体 育"],
        7: ["社会治理"],
        # 表 8: categories, and under them ● sub-categories whose items are plain lines.
        8: [
            "环保行动",
            "大气环境治理",
            "水环境治理",
            "土壤治理",
            "节能低碳",
            "产业节能",
            "建筑节能",
            "低碳示范",
            "生态建设",
            "绿化建设",
            "氛围营造",
        ],
        9: ["项 目", "举 措"],
        10: ["项 目", "举 措"],
    }
    for n, labels in expected_labels.items():
        items, other = _table(r, n)
        assert other[1:] == labels, n
        assert not set(labels) & set(items), n
    items6, _ = _table(r, 6)
    assert "市东中学荆州路 42 号教学优秀历史建筑修缮工程竣工并获市白玉兰奖" in items6
    items8, _ = _table(r, 8)
    assert items8[1:4] == [
        "完成重点医疗机构余氯在线监控设备安装联网",
        "完成市、区管河道及小微水体入河排污口三级排查溯源",
        "完成 19 个入河排污口问题整治",
    ]


def test_yangpu_2023_plan_footnotes_are_an_appendix() -> None:
    r = load_sample("yangpu-2023-plan")
    assert headings(r, r.appendices) == ["注释"]
    notes = [r.slice(b.span) for b in r.appendices[0].blocks]
    assert len(notes) == 15
    assert notes[0].startswith("¹ “1+X+12”稳增长工作机制：")
    assert notes[0].endswith("“12”指由各街道组成的属地化服务经济工作组")
    assert notes[14].startswith("¹⁵ “四类清单”")
    body = r.text[: r.appendices[0].span.start]
    # Markers are superscripts in the running text; no footnote body is left in it.
    assert "稳增长工作机制¹，抓实“两清单一主题”²调度机制" in body
    assert "指区府办、区发改委和区统计局组成的综合协调组" not in body
    assert not re.search(r"^\d{1,2}$", body, flags=re.MULTILINE)
    # PDF page numbers and the hard wraps are gone: the review opens as one paragraph.
    assert "- 8 -" not in r.text
    assert "城市建设管理水平不断提升，社会民生保障持续改善" in r.text


# --- xuhui-2022: 003, outline style; unmarked parts; sub-headings lead item lists ---

XUHUI_REVIEW = {
    "着力稳住大盘 经济加速恢复重振": [
        "产业能级持续提升",
        "科创策源功能不断强化",
        "招商营商工作取得成效",
    ],
    "扩大有效投资 重大工程加压推进": ["重点区域建设全力推进", "重大工程建设有力实施"],
    "坚持人民至上 民生服务持续改善": [
        "“三旧”变“三新”加力推进",
        "民生保障底线坚决守牢",
        "各项社会事业深化发展",
        "公共文化服务体系不断完善",
    ],
    # 003 lines 113-129. The blank line 122 (after 空气质量指数优良率达90%) is a print
    # break: 桂江路绿地五期竣工 … 建成一批新能源示范项目 are greening items still under
    # 精细治理持续深化 (ten items), and 基层治理全面夯实 (line 127) titles the 片区治理 /
    # 居委会 / 拆违 items after it — a field plus 全面 + verb, like its siblings.
    "聚焦精细智能 治理能级不断提升": ["“两网建设”深入推进", "精细治理持续深化", "基层治理全面夯实"],
    "坚持平急结合 城区韧性持续增强": [
        "大上海保卫战取得胜利",
        "常态化疫情防控毫不松懈",
        "城区安全有效保障",
    ],
}
# 003 lines 176-299, read as a reader of the source would draw them: the first sub-heading
# of each section stands before a blank line; the others are the goal phrases inside the
# run that the lines after them spell out. Judgement calls, each noted:
# - (一) 持续实施助企纾困政策 / 深化国资国企改革 are measures under 多措并举优化营商环境,
#   not a new topic: the policy a line names is an action, not a goal.
# - (三) 徐家汇地区 / 徐汇滨江 / 漕河泾开发区 head the projects of each area inside
#   深化重点区域功能: a third level, left as items.
# - (三) 启动新一轮“5+1+X”城市更新计划 ends the section with no items after it; it is
#   kept as the last item of 全面完善交通路网 (a line with nothing to elaborate heads nothing).
# - (四) 深化医药卫生体制改革 and 加强粮食安全保障 head two items each inside
#   全力保障基础民生 (health, food supply): third level, left as items.
# - (六) The closing lines 坚定信心、守正创新 … 作出新的贡献 (lines 296-299) are the
#   report's closing words, not items of 提升城区安全韧性: a list of their own, no lead.
XUHUI_TASKS = {
    "优化产业布局 加快推动经济高质量发展": [
        ("全面强化中心辐射功能", 5),
        ("推动四大产业集群提质扩容", 4),
        ("多措并举优化营商环境", 8),
    ],
    "聚焦科教人才 大力推进创新驱动发展": [
        ("建设高质量教育体系", 6),
        ("增强科技创新能力", 6),
        ("前瞻布局未来产业", 3),
        ("全力打造人才高地", 4),
    ],
    "畅通循环联动 持续优化城区发展格局": [("深化重点区域功能", 11), ("全面完善交通路网", 7)],
    "建设人民城市 满足群众美好生活期待": [
        ("大力改善居住条件", 4),
        ("全力保障基础民生", 9),
        ("持续提升城区软实力", 4),
        ("提高基层治理水平", 7),
    ],
    "系统集成示范 引领城区现代化治理": [
        ("提升精细治理能级", 3),
        ("树立数字治理样板", 2),
        ("打造绿色生态空间", 5),
    ],
    "强化风险应对 全面打造韧性城市标杆": [
        ("优化疫情防控工作", 4),
        ("维护城区安全运行", 5),
        ("提升城区安全韧性", 7),
        (None, 4),
    ],
}


def _block_leads(r: Report, section: Section) -> list[str]:
    return [lead for b in section.blocks if (lead := r.lead_text(b))]


def test_xuhui_2022_parts_sections_and_subheadings() -> None:
    r = load_sample("xuhui-2022")
    assert headings(r, r.sections) == ["二〇二三年工作回顾", "二〇二三年主要任务"]
    assert [s.kind for s in r.sections] == ["part", "part"]
    review, tasks = r.sections
    assert headings(r, review.children) == list(XUHUI_REVIEW)
    assert headings(r, tasks.children) == list(XUHUI_TASKS)
    for section, expected in zip(review.children, XUHUI_REVIEW.values(), strict=True):
        assert _block_leads(r, section) == expected
        assert all(b.kind == "highlights" and b.lead for b in section.blocks)
    first = review.children[0].blocks[0]
    assert r.slice(first.items[0]) == "四大战略产业集群加快迈向千亿级"
    assert len(first.items) == 12  # 003 lines 14-25
    # 漕开发航天科技城工程全面推进 (line 57) reports one project: an item, not a heading.
    area_items = [r.slice(i) for i in review.children[1].blocks[0].items]
    assert "漕开发航天科技城工程全面推进" in area_items
    assert highlight_counts(review.children[3]) == [7, 10, 4]


def test_xuhui_2022_task_subheadings_inside_item_runs() -> None:
    r = load_sample("xuhui-2022")
    tasks = r.sections[1]
    for section, expected in zip(tasks.children, XUHUI_TASKS.values(), strict=True):
        got = [(r.lead_text(b), len(b.items)) for b in section.blocks]
        assert got == expected, r.heading_text(section)
    industries = tasks.children[0].blocks[1]
    assert [r.slice(i) for i in industries.items] == [
        "打造数字经济产业新引擎",
        "培育生命健康产业新亮点",
        "做强文化创意产业新优势",
        "构筑现代金融产业新动能",
    ]
    # 003 lines 270-275: the blank line after 精准营 cuts an item (rejoined) and the
    # line 升级移动政务系统 stays under 树立数字治理样板.
    digital = tasks.children[4].blocks[1]
    assert [r.slice(i) for i in digital.items] == [
        "深化“12345”热线办理、社区治理、精准营商等重点场景",
        "升级移动政务系统,完善7×24小时工作机制",
    ]


def test_xuhui_2022_split_item_is_rejoined() -> None:
    r = load_sample("xuhui-2022")
    items = [r.slice(i) for _, _, b in r.blocks() for i in b.items]
    assert (
        "新增9家社区综合为老服务中心、600张养老床位、15个老年助餐场所、8家老年人日间照护中心,3个社区创建成为全国示范性老年友好型社区"
        in items
    )
    assert "深化“12345”热线办理、社区治理、精准营商等重点场景" in items
    assert "老年人日间照护中心,3个社区创建成为全国示范性老年友好型社区" not in items


# --- 004: the compilation's four reports ---


def test_shanghai_2023_three_parts_with_5_9_5_sections() -> None:
    r = load_sample("shanghai-2023")
    assert headings(r, r.sections) == ["2023年工作回顾", "2024年主要任务", "全面加强政府自身建设"]
    # The third part has five (一)…(五), each printed inline with its paragraph
    # (004 lines 113-117: "(一)坚持政治引领,深入锻造忠诚品格。坚定拥护…"). After the
    # last section of each part, 各位代表, opens the part's closing words (004 lines 78,
    # 110, 118): an untitled section, not the tail of (五) 政府自身建设, (九) 民生 or
    # 三's (五) 真抓实干.
    assert [len(p.children) for p in r.sections] == [6, 10, 6]
    review, tasks, gov = r.sections
    closing = gov.children[5]
    for unit, opening in (
        (review.children[5], "各位代表,过去一年,我们认真开展"),
        (tasks.children[9], "各位代表,军爱民、民拥军"),
        (closing, "各位代表,征途漫漫,惟有奋斗"),
    ):
        assert unit.marker == "" and r.heading_text(unit) == ""
        assert r.slice(unit.blocks[0].span).startswith(opening)
    assert closing.kind == review.children[5].kind == "section"
    assert headings(r, review.children)[0] == "坚定不移深化改革开放,国家重大战略任务扎实推进"
    assert leads(r, review.children[0]) == [
        "“五个中心”能级巩固提升",
        "浦东引领区建设持续深化",
        "“三大任务”深入实施",
        "“三大平台”作用更加凸显",
        "重点领域改革不断深入",
    ]
    assert headings(r, tasks.children)[1] == "进一步促进经济平稳健康发展,提升发展质量和效益"
    assert leads(r, tasks.children[1]) == [
        "着力释放消费潜力",
        "着力扩大有效投资",
        "着力巩固外资外贸基本盘",
        "着力打造一流营商环境",
        "着力激发经营主体活力",
    ]
    assert headings(r, gov.children)[4] == "坚持真抓实干,充分激发干事创业精气神"
    # 004 line 114: (二) opens 完成政府机构改革任务。强化数据精准高效赋能… — a short first
    # sentence, not a topic the paragraph elaborates; no section of this part has leads.
    assert [leads(r, s) for s in gov.children] == [[], [], [], [], [], []]
    assert r.slice(gov.children[1].blocks[0].span).startswith("完成政府机构改革任务。强化数据")
    assert "(上接第4版)" not in r.text and "......" not in r.text


def test_pudong_2023_glossary_is_an_appendix() -> None:
    r = load_sample("pudong-2023")
    assert headings(r, r.sections) == ["2023年工作回顾", "2024年主要任务", "全面推进服务型政府建设"]
    # 各位代表,过去一年取得的成绩… after (五) is part 一's closing, an untitled unit;
    # 各位代表,凝心聚力谋发展… closes the report after 三's running text.
    assert [len(p.children) for p in r.sections] == [6, 8, 1]
    assert r.slice(r.sections[0].children[5].blocks[0].span).startswith(
        "各位代表,过去一年取得的成绩"
    )
    assert headings(r, r.sections[0].children)[0] == "改革开放持续攻坚突破,引领区建设全面深化"
    # 004 line 182 prints the 2023 review of the government's own work as one line with
    # three sub-headings inside it; lines 184-186 open with the 2024 ones.
    assert leads(r, r.sections[2]) == [
        "主题教育深入开展",
        "依法行政水平不断提高",
        "政府治理效能持续提升",
        "扎实推进依法行政",
        "优化政务服务效能",
        "加强政府作风建设",
    ]
    assert headings(r, r.appendices) == ["《政府工作报告》名词解释"]
    entries = r.appendices[0].blocks
    assert len(entries) == 34
    assert r.slice(entries[0].span).startswith("1、“丝路电商”合作先行区")
    last_section = r.sections[2]
    assert r.appendices[0].span.start >= last_section.span.end
    assert "名词解释" not in r.slice(last_section.span)
    assert r.slice(last_section.children[0].blocks[0].span).startswith("各位代表,凝心聚力谋发展")


PUDONG_REVIEW_LEADS = [
    # 004 lines 129-133: each review section is one printed line; its sub-headings are
    # short status sentences inside it, each followed by the sentences spelling it out.
    ["开放水平不断提高", "改革力度持续加大", "立法保障日益完善"],
    ["核心功能持续增强", "硬核产业集聚提升", "产业新赛道加快布局", "营商环境不断优化"],
    [
        "精品城区建设加快步伐",
        "现代城镇建设全面启动",
        "美丽乡村建设持续推进",
        "重大工程建设提速发力",
    ],
    # 全面完成类住宅综合治理。 (inside 社会治理更加科学有效) is an action, not a heading.
    [
        "城区环境更加绿色低碳",
        "城市管理更加智慧精细",
        "社会治理更加科学有效",
        "城市运行更加安全有序",
    ],
    # 疫情防控实现平稳转段。 is followed at once by the next sub-heading: nothing spells it
    # out, so it stays the last sentence of 社会事业布局加快优化 (a judgement call).
    [
        "民生实事项目扎实推进",
        "社会事业布局加快优化",
        "民生保障持续兜牢兜实",
        "文体服务更加丰富多彩",
    ],
]


def test_pudong_2023_review_leads_printed_inside_paragraphs() -> None:
    r = load_sample("pudong-2023")
    review = r.sections[0]
    assert [leads(r, s) for s in review.children[:5]] == PUDONG_REVIEW_LEADS
    # The section's opening sentence stays a paragraph of its own, without a lead.
    first = review.children[3].blocks[0]
    assert first.lead is None
    assert r.slice(first.span) == "加快探索超大城区治理新路,不断提升城市宜居、韧性和智慧化水平。"
    assert "全面完成类住宅综合治理。" in r.slice(review.children[3].blocks[3].span)


def test_huangpu_2023_sections_leads_and_glossary() -> None:
    r = load_sample("huangpu-2023")
    assert headings(r, r.sections) == ["2023年工作回顾", "2024年工作安排"]
    review, plan = r.sections
    # 各位代表,做好2024年工作,任务艰巨… after the last section is the report's closing.
    closing = plan.children[-1]
    assert r.slice(closing.blocks[0].span).startswith("各位代表,做好2024年工作")
    assert headings(r, review.children) == [
        "承压奋进,区域经济稳中向好",
        "改革创新,发展动能有效增强",
        "民生为重,幸福指数持续攀升",
        "深耕细作,治理能级不断提升",
        "砥砺初心,自身建设切实加强",
        "",
    ]
    assert len(plan.children) == 7
    assert leads(r, review.children[0]) == [
        "经济韧性持续增强",
        "消费信心有力提振",
        "涉企服务更加完善",
    ]
    assert leads(r, plan.children[5]) == ["强化政治过硬", "深化法治建设", "打造廉洁政府"]
    assert headings(r, r.appendices) == ["《政府工作报告》名词解释"]
    text = r.slice(r.appendices[0].span)
    assert "1、AEO高级认证指导中心" in text and "12、“零距离·吾童”计划" in text


def test_jingan_2023_is_cut_off_mid_report() -> None:
    r = load_sample("jingan-2023")
    assert headings(r, r.sections) == ["2023年工作回顾"]
    assert headings(r, r.sections[0].children) == [
        "经济运行稳中有进,彰显韧性活力",
        "城区功能显著提升,彰显特色优势",
        "城市治理精细高效,彰显魅力品质",
    ]
    assert leads(r, r.sections[0].children[1]) == [
        "功能区建设迈上新台阶",
        "科技创新积蓄新动能",
        "扩大开放实现新突破",
        "营商环境建设取得新成效",
    ]
    # The source stops right after this heading; the web-page chrome after it is gone.
    assert r.sections[0].children[2].blocks == ()
    assert r.appendices == ()
    assert not any(w in r.text for w in ("微信扫一扫", "版权声明", "联系客服", "链接地址"))


# --- the outline text itself ---


@pytest.mark.parametrize("sid", SAMPLE_IDS)
def test_outline_lists_every_heading_and_lead(sid: str) -> None:
    r = load_sample(sid)
    out = format_outline(r)
    assert out.startswith(f"id:     {sid}\n") and out.endswith("\n")
    for _, s in r.walk():
        # ◆/▶ get a space after them in the outline; 一、 (一) read as printed.
        sep = " " if s.marker in ("◆", "▶") else ""
        assert s.marker + sep + r.heading_text(s) in out
    for _, _, b in r.blocks():
        if b.lead is not None:
            assert r.lead_text(b) in out


def test_outline_of_yangpu_2022_reads_as_drawn() -> None:
    out = format_outline(load_sample("yangpu-2022"))
    expected = """\
◆ 抓纾困促重振,区域经济运行回稳向好
  [7 highlights]
  经济指标企稳回升
  政策措施叠加发力
  创新动能加快培育
  营商环境优化升级
"""
    assert expected in out
    assert "region: 杨浦区 (county)\nyear:   2022 reviewed, unknown delivered\n" in out
