"""Sub-headings inside outline-style item runs (seed 003's shape), on made-up text."""

from __future__ import annotations

from reportdiff.core.model import Report
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.headings import BULLET
from reportdiff.core.text.itemlists import closing_start, is_parallel_heading, is_status_phrase
from reportdiff.core.text.load import load_text

HEAD = "政府工作报告(摘要)\n\n——2023年1月4日在上海市某区第一届人民代表大会第一次会议上\n\n"


def _groups(r: Report) -> list[list[tuple[str | None, int]]]:
    return [
        [(r.lead_text(b), len(b.items)) for b in s.blocks]
        for _, s in r.walk()
        if s.kind == "section"
    ]


def test_status_phrases_with_completion_adverbs_name_a_field_not_a_project() -> None:
    # 003: 基层治理全面夯实 titles items; 漕开发航天科技城工程全面推进 is one of them.
    assert is_status_phrase("基层治理全面夯实")
    assert is_status_phrase("重点区域建设全力推进")
    assert not is_status_phrase("漕开发航天科技城工程全面推进")
    assert not is_status_phrase("北杨人工智能小镇全面开工")
    assert is_status_phrase("科创策源功能不断强化")
    assert not is_status_phrase("持续推动成果转化")  # a verb first: an action item


def test_parallel_heading_is_plain_goal_of_the_exemplars_length() -> None:
    assert is_parallel_heading("推动四大产业集群提质扩容", "全面强化中心辐射功能")
    assert is_parallel_heading("树立数字治理样板", "提升精细治理能级")
    assert not is_parallel_heading("启动29条景观道路建设", "提升精细治理能级")  # digits
    assert not is_parallel_heading("漕河泾开发区", "深化重点区域功能")  # a name, no goal
    assert not is_parallel_heading("加强粮食安全保障", "全力保障基础民生")  # a programme
    assert not is_parallel_heading("深化海绵城市建设", "提升城区安全韧性")


def test_review_run_splits_at_status_phrases_across_a_print_break() -> None:
    raw = HEAD + (
        "工作回顾\n\n(一) 聚焦治理 能级提升\n\n精细治理持续深化\n\n"
        "完成17条道路治理\n空气质量优良率达90%\n\n新增绿地11公顷\n新建公园6座\n"
        "基层治理全面夯实\n开展居委会建制调整\n拆除违法建筑1251处\n"
    )
    r = load_text(raw, source="t.txt", region="某区", year=2022)
    # The blank line after 90% does not end 精细治理持续深化's list.
    assert _groups(r) == [[("精细治理持续深化", 4), ("基层治理全面夯实", 2)]]


def test_task_run_splits_at_lines_parallel_to_the_first_subheading() -> None:
    raw = HEAD + (
        "主要任务\n\n(一) 优化布局 推动发展\n\n提升精细治理能级\n\n"
        "完成39条道路治理\n启动29条景观道路建设\n实施35公里架空线入地\n"
        "打造绿色生态空间\n打造滨水步道\nPM2.5不高于32微克\n深化海绵城市建设\n建成2平方公里达标区\n"
        "维护城区安全运行\n培育数字经济新引擎\n培育生命健康新亮点\n培育文化创意新优势\n"
    )
    r = load_text(raw, source="t.txt", region="某区", year=2022)
    assert _groups(r) == [
        [("提升精细治理能级", 3), ("打造绿色生态空间", 4), ("维护城区安全运行", 3)]
    ]
    # Canonical text reads back to itself.
    assert clean_text(r.text) == r.text


def test_a_series_of_equal_items_is_not_cut_by_its_first_member() -> None:
    raw = HEAD + (
        "主要任务\n\n(一) 优化布局 推动发展\n\n全面强化中心辐射功能\n\n"
        "引进一批全球50强机构\n开展首发首展首秀活动等\n"
        "推动四大产业集群提质扩容\n打造数字经济产业新引擎\n培育生命健康产业新亮点\n"
        "做强文化创意产业新优势\n构筑现代金融产业新动能\n"
    )
    r = load_text(raw, source="t.txt", region="某区", year=2022)
    assert _groups(r) == [[("全面强化中心辐射功能", 2), ("推动四大产业集群提质扩容", 4)]]


def test_closing_words_end_the_last_run() -> None:
    lines = ["深化海绵城市建设", "坚定信心、守正创新", "埋头苦干、踔厉前行", "为全市作出新的贡献"]
    assert closing_start(lines) == 1
    assert closing_start(["新增绿地11公顷", "天桥连廊二期贯通开放、四期正式开工"]) == 2
    raw = HEAD + "主要任务\n\n(一) 甲 乙\n\n提升城区安全韧性\n\n" + "\n".join(lines) + "\n"
    r = load_text(raw, source="t.txt", region="某区", year=2022)
    (blocks,) = [s.blocks for _, s in r.walk() if s.kind == "section"]
    assert [(r.lead_text(b), len(b.items)) for b in blocks] == [("提升城区安全韧性", 1), (None, 3)]
    assert all(ln.startswith(BULLET) for ln in r.slice(blocks[1].span).split("\n"))
