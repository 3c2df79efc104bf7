"""Cleaning passes on real seed text and on small texts showing the rules are not seed literals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.furniture import is_furniture
from reportdiff.core.text.load import load_text
from reportdiff.core.text.spacing import close_spaced_digits
from reportdiff.core.text.split import split_compilation


def _seed(seeds_dir: Path, prefix: str) -> str:
    return next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_web_chrome_is_removed_from_both_ends(seeds_dir: Path) -> None:
    text = clean_text(_seed(seeds_dir, "002"))
    assert text.startswith("加快打造人民城市建设标杆 《政府工作报告》摘要\n")
    assert "2026-01-23" not in text and "字号" not in text
    jingan = clean_text(split_compilation(_seed(seeds_dir, "004"))[3])
    assert jingan.rstrip().endswith("(三)城市治理精细高效,彰显魅力品质")


def test_paragraph_text_is_kept_exactly(seeds_dir: Path) -> None:
    raw = _seed(seeds_dir, "002")
    text = clean_text(raw)
    for line in raw.splitlines():
        line = line.strip()
        if line.startswith(("经济指标企稳回升。", "作风建设不断深化。")):
            assert "\n" + line + "\n" in text


def test_inline_heading_is_split_off_its_paragraph() -> None:
    raw = "一、工作回顾\n\n(一)坚持政治引领,深入锻造忠诚品格。坚定拥护核心。\n"
    r = load_text(raw, source="t.txt", region="上海市", year=2023)
    sec = r.sections[0].children[0]
    assert r.heading_text(sec) == "坚持政治引领,深入锻造忠诚品格"
    assert r.slice(sec.blocks[0].span) == "坚定拥护核心。"


def test_displaced_paragraph_goes_to_the_section_it_repeats() -> None:
    """The 000 trap on made-up text: the rule reads the highlights, not a list of leads."""
    raw = (
        "▶ 甲方面\n\n- 新建学校12所\n- 新增床位300张\n\n教育稳步发展。新建学校12所，师资充实。\n\n"
        "▶ 乙方面\n\n- 河道整治8条\n- 绿地新增5公顷\n\n生态持续向好。河道整治8条。\n\n"
        "▶ 丙方面\n\n作风持续改进。狠抓落实。\n\n"
        "医疗更加便利。新增床位300张，方便群众。\n\n公园更美。绿地新增5公顷，群众满意。\n"
    )
    r = load_text(raw, source="t.txt", region="杨浦区", year=2023)
    leads = [[r.lead_text(b) for b in s.blocks if b.kind == "paragraph"] for s in r.sections]
    assert leads == [
        ["医疗更加便利", "教育稳步发展"],
        ["公园更美", "生态持续向好"],
        ["作风持续改进"],
    ]
    again = clean_text(r.text)
    assert again == r.text


def test_footnote_markers_are_superscripts_in_running_text(seeds_dir: Path) -> None:
    text = clean_text(_seed(seeds_dir, "001"))
    body, notes = text.split("\n注释\n")
    assert "“六新”行动⁷。" in body
    assert "\n⁷ “六新”行动：指点亮新城" in notes
    assert "表 1 产业发展进展情况\n政策供给\n- 全面贯彻落实" in body


def test_hard_wrapped_plain_text_paragraphs_are_joined() -> None:
    """A user's .txt wrapped at a fixed width: paragraphs, not highlight items."""
    raw = (
        "2024年政府工作报告\n\n——2024年1月20日在上海市闵行区第七届人民代表大会第五次会议上\n\n"
        "一、2023年工作回顾\n\n过去一年，我们坚持稳中求进。经济运行总体平稳，主要指标\n"
        "好于预期。全年完成地区生产总值3000亿元，同比增长5%。\n区级财政收入完成200亿元。\n\n"
        "（一）经济发展稳中向好\n产业升级加快推进。全年新增\n高新技术企业300家。\n"
    )
    r = load_text(raw, source="wrapped.txt")
    part = r.sections[0]
    assert [b.kind for b in part.blocks] == ["paragraph"]
    assert r.slice(part.blocks[0].span).endswith(
        "主要指标好于预期。全年完成地区生产总值3000亿元，同比增长5%。区级财政收入完成200亿元。"
    )
    sec = part.children[0]
    assert r.heading_text(sec) == "经济发展稳中向好"
    assert r.lead_text(sec.blocks[0]) == "产业升级加快推进"
    assert r.meta.id == "minhang-2023"


def test_leads_come_in_sets_a_lone_one_is_a_sentence() -> None:
    """A short first sentence is a lead when the section or its siblings have others."""
    raw = (
        "一、工作回顾\n\n（一）甲\n\n作风持续改进。狠抓落实，成效明显。\n\n"
        "（二）乙\n\n依法行政深入推进。完善制度，规范执法。\n\n"
        "二、主要任务\n\n（一）丙\n\n强化政治引领，坚定拥护。深化理论学习。\n\n"
        "（二）丁\n\n完成机构改革任务。强化数据赋能，推进数字政府建设。\n\n"
        "（三）戊\n\n锲而不舍落实规定精神，持续纠治四风。\n"
    )
    r = load_text(raw, source="t.txt", region="闵行区", year=2023)
    review, tasks = r.sections
    assert [r.lead_text(s.blocks[0]) for s in review.children] == [
        "作风持续改进",
        "依法行政深入推进",
    ]
    # 丁's 完成机构改革任务 is the only lead-shaped opening among 丙 丁 戊 (the shape of
    # shanghai-2023's 完成政府机构改革任务。): an ordinary sentence.
    assert [r.lead_text(s.blocks[0]) for s in tasks.children] == [None, None, None]


def test_leads_printed_inside_a_paragraph_open_paragraphs_of_their_own() -> None:
    """pudong-2023 prints each review section as one line with its sub-headings inside."""
    raw = (
        "一、工作回顾\n\n（一）城区治理\n\n"
        "加快探索治理新路，提升宜居水平。城区环境更加绿色低碳。新增公园36座。"
        "全面完成类住宅综合治理。城市管理更加智慧精细。建成32个美丽街区，解决治理难题。\n\n"
        "（二）民生\n\n坚持民生优先，补齐短板。疫情防控实现平稳转段。新增岗位14万个。\n"
    )
    r = load_text(raw, source="t.txt", region="浦东新区", year=2023)
    first, second = r.sections[0].children
    assert [r.lead_text(b) for b in first.blocks] == [
        None,
        "城区环境更加绿色低碳",
        "城市管理更加智慧精细",
    ]
    # An action sentence (全面完成…) stays inside; a lone short sentence is no set of leads.
    assert "新增公园36座。全面完成类住宅综合治理。" in r.slice(first.blocks[1].span)
    assert len(second.blocks) == 1
    assert clean_text(r.text) == r.text


# ------------------------------------------------------------ page furniture, other portals

_BODY = (
    "各位代表：\n\n"
    "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。\n\n"
    "一、2023年工作回顾\n\n"
    "过去一年，全省经济回升向好，高质量发展扎实推进。全省生产总值增长6.0%。\n\n"
    "二、2024年主要任务\n\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n"
)


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？\n]+[。！？]", text) if len(s) >= 8]


def test_provincial_site_page_keeps_title_date_speaker_and_body_only() -> None:
    """A provincial portal's article page as a browser saves it as text."""
    raw = (
        "<!-- 头部 -->\n首页 > 政务公开 > 政府工作报告\n\n2024年政府工作报告\n\n"
        "发布时间：2024-01-29 09:30　来源：省政府办公厅　浏览次数：12345\n"
        "【字体：大 中 小】【打印】【关闭】\n分享到：\n\n"
        "政府工作报告——2024年1月23日在省第十四届人民代表大会第二次会议上\n\n"
        "省长　王某某\n\n"
        "1月23日，省第十四届人民代表大会第二次会议开幕。记者 张三 摄\n\n"
        + _BODY
        + "\n扫一扫在手机打开当前页\n\n【我要纠错】 责任编辑：张三\n"
        + "相关链接：中国政府网 | 国务院部门网站\n网站地图 | 联系我们 | 使用帮助 | 隐私声明\n"
        + "主办：省人民政府办公厅　ICP备05008812号\n"
    )
    text = clean_text(raw)
    lines = [ln for ln in text.splitlines() if ln]
    assert lines[:4] == [
        "2024年政府工作报告",
        "政府工作报告",
        "——2024年1月23日在省第十四届人民代表大会第二次会议上",
        "省长　王某某",
    ]
    for chrome in (
        "首页",
        "发布时间",
        "字体",
        "打印",
        "分享",
        "摄",
        "扫一扫",
        "ICP",
        "<!--",
        "纠错",
        "链接",
        "网站地图",
    ):
        assert chrome not in text, chrome
    for s in _sentences(_BODY):
        assert s in text
    r = load_text(raw, source="page.txt", region="浙江省")
    # The report's own title is the line printed with its date line; the portal's headline
    # above the chrome is the page's, and all of it is front matter, not body.
    assert (r.meta.date, r.meta.title, r.meta.delivered) == ("2024-01-23", "政府工作报告", 2024)
    assert not r.text.startswith(("2024年政府工作报告", "政府工作报告", "——", "省长"))


def test_epaper_page_loses_its_chrome_and_print_notes() -> None:
    raw = (
        "数字报\n2024年01月24日 星期三\n第A02版：要闻\n上一版  下一版\n\n"
        "区政府工作报告（摘要）\n\n——2024年1月10日在区第二届人民代表大会第四次会议上\n\n"
        "（上接第1版）区级财政收入完成154.99亿元，同比增长8%。（下转第3版）\n\n"
        "图为会议现场。\n\n本版责任编辑：王五\n"
    )
    text = clean_text(raw)
    assert text.startswith("区政府工作报告（摘要）\n\n——2024年1月10日")
    assert "区级财政收入完成154.99亿元，同比增长8%。\n" in text
    for chrome in ("星期三", "A02", "下一版", "上接", "下转", "图为", "责任编辑"):
        assert chrome not in text, chrome


def test_library_licence_footer_after_the_last_paragraph_is_dropped() -> None:
    raw = (
        "政府工作报告\n\n——1998年3月5日在第九届全国人民代表大会第一次会议上\n\n国务院总理 李鹏\n\n"
        + _BODY
        + "\n本文献由数字图书馆整理，版权归原作者所有，仅供个人学习研究使用，不得用于商业用途。\n"
        "Copyright © 2001-2024 数字图书馆\n"
    )
    text = clean_text(raw)
    assert text.rstrip().endswith("地区生产总值增长5.5%左右。")
    for s in _sentences(_BODY):
        assert s in text


def test_a_glossary_that_mentions_copyright_is_not_a_licence_footer() -> None:
    """Licence wording inside the report's own last lines (a glossary entry) is body."""
    glossary = (
        "《政府工作报告》名词解释\n\n"
        "1. 版权示范城市：指国家版权局命名的版权工作示范城市，版权归属登记、交易和保护工作成效显著的城市。"
        "其认定标准包括著作权登记量、版权产业规模以及对侵权盗版行为的查处情况等多个方面的综合评价。\n"
    )
    text = clean_text("政府工作报告\n\n" + _BODY + "\n" + glossary)
    assert "版权归属登记" in text


def test_pdf_page_footer_inside_a_paragraph_is_dropped_and_the_paragraph_rejoined() -> None:
    raw = (
        "一、工作回顾\n\n过去一年，我们坚持稳中求进，全区经济运行总体平稳，主要指标好于预期，"
        "全年完成地区生产总值3000亿元，同比增长5%，高质量\n\n- 3 -\n\n"
        "发展取得新成效。\n\n二、主要任务\n\n今年要加快推进城市更新，全面提升城区品质。\n\n第 4 页\n"
    )
    text = clean_text(raw)
    assert "同比增长5%，高质量发展取得新成效。" in text
    assert "- 3 -" not in text and "第 4 页" not in text


def test_a_page_holding_the_report_three_times_keeps_the_fullest_copy_once() -> None:
    """Hidden page blocks: one copy lacks its last paragraph, another spaces lines out."""
    head = "当前位置：首页>>概况\n\n政府工作报告\n\n——2024年1月23日在市人民代表大会第二次会议上\n\n"
    full = head + _BODY
    short = head + _BODY.rsplit("\n\n", 2)[0] + "\n"
    spaced = full.replace("过去一年，", "过去一年， ")
    text = clean_text(short + "\n（责任编辑：李四）\n\n" + full + "\n【E-mail推荐\n】\n\n" + spaced)
    for s in _sentences(_BODY):
        assert text.replace(" ", "").count(s.replace(" ", "")) == 1, s
    assert text.startswith("政府工作报告\n\n——2024年1月23日")


def test_a_passage_quoted_twice_is_not_taken_for_a_copy() -> None:
    quote = "坚持以人民为中心的发展思想，不断实现人民对美好生活的向往。\n\n"
    raw = (
        "一、工作回顾\n\n" + quote + "过去一年，全区经济运行总体平稳，主要指标好于预期。\n\n"
        "二、主要任务\n\n" + quote + "今年要加快推进城市更新，全面提升城区品质。\n"
    )
    assert clean_text(raw).count(quote.strip()) == 2


def test_r_escapes_and_html_comments_in_a_saved_page_are_undone() -> None:
    raw = "<!--\n  var x = 1;\n-->\n<U+00A0>\n<U+00A0><U+00A0> 国务院总理李鹏\n\n各位代表：\n"
    text = clean_text(raw)
    assert text == "国务院总理李鹏\n\n各位代表：\n"


def test_an_appendix_after_the_last_copy_is_kept() -> None:
    """Only the copy is dropped, not the report's own text that follows the last copy."""
    appendix = (
        "附件\n\n名词解释\n\n1. 城市更新：指对城市建成区内的空间形态和功能进行整治提升的活动。\n"
    )
    raw = "政府工作报告\n\n" + _BODY + "\n\n政府工作报告\n\n" + _BODY + "\n" + appendix
    text = clean_text(raw)
    assert "指对城市建成区内的空间形态和功能进行整治提升的活动。" in text
    for s in _sentences(_BODY):
        assert text.count(s) == 1, s


def test_furniture_inside_a_saved_html_article_is_dropped(tmp_path: Path) -> None:
    """A city portal's page: the toolbar and source line sit inside the article container."""
    paras = "".join(f"<p>{p}</p>" for p in _BODY.split("\n\n") if p.strip())
    page = (
        "<html><head><title>2024年政府工作报告_某市人民政府</title></head><body>"
        "<div class='nav'>首页 | 政务公开</div><div class='article'>"
        "<h1>2024年政府工作报告</h1>"
        "<div>时间：2024-01-20 10:00　来源：市政府办公室</div>"
        "<div>【字号：大 中 小】 【打印】 【关闭】</div>"
        "<p>——2024年1月16日在市第十七届人民代表大会第三次会议上</p><p>市长　李某</p>"
        + paras
        + "<div>分享到：</div></div><div class='footer'>版权所有：某市人民政府</div></body></html>"
    )
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    text = clean_text(read_document(path))
    assert text.startswith("2024年政府工作报告\n\n——2024年1月16日在市第十七届")
    for chrome in ("时间：", "来源", "字号", "打印", "分享", "版权"):
        assert chrome not in text, chrome
    for s in _sentences(_BODY):
        assert s in text


@pytest.mark.parametrize(
    "line",
    [
        "下载 / 打印 / 全屏 / 收藏",
        "【字号：加大 还原 减小】",
        "【字体：大 中 小】",
        "分享：",
        "分享到：微信 微博 QQ空间",
        "来源：新华社",
        "发布时间：2024-01-29 09:30　来源：省政府办公厅　浏览次数：12345",
        "2024-01-23 10:30  来源：上海发布",
        "中央政府门户网站　www.gov.cn　　 2006年02月16日　　 来源：新华社",
        "当前位置：首页>>中国概况",
        "您的位置：首页 > 政务公开 > 规划计划",
        "（责任编辑：郭桢）",
        "新华社北京２００７年３月１７日电",
        "3月5日，大会在北京人民大会堂开幕。新华社记者 姚大伟摄",
        "(上接第4版)",
        "上一页 1 2 3 4 5 下一页 >>|",
        "第A02版：要闻",
        "2024年01月24日 星期三",
        "【我要纠错】 责任编辑：张三",
        "相关链接：中国政府网 | 国务院部门网站",
        "网站地图 | 联系我们 | 使用帮助 | 隐私声明",
    ],
)
def test_furniture_forms_are_recognised(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "各位代表：",
        "国务院总理　温家宝",
        "2024年1月17日",
        "——2024年1月17日在区第二届人民代表大会第四次会议上",
        "（三）加强政府网站建设",
        "织密社会保障网",
        "大中小学思政课一体化建设",
        "人人",
        "二",
        "目录",
        "来源广泛的资金保障机制逐步建立。",
        "一、2023年工作回顾",
        "【专栏1】来源：2023年统计公报",
        "帮助企业纾困解难",
    ],
)
def test_report_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_spaced_digits_are_closed_only_where_a_text_spaces_every_number() -> None:
    spaced = "１９９７年回顾\n1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，增长8 ．8 ％。1 9 9 3 年3 月就职。\n"
    assert (
        close_spaced_digits(spaced).splitlines()[1]
        == "1997年国内生产总值达到74772亿元，增长8．8％。1993年3月就职。"
    )
    pdf = "区级财政收入完成 154.99 亿元，同比增长 8%；2023 年新增 1 2 3 家。\n"
    assert close_spaced_digits(pdf) == pdf
