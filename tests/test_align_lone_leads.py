"""Lone sections of one report meet the lead paragraphs of a lone part of the other.

1989 gives each task a section (二、当前治理整顿的重点仍然是压缩社会需求 … 六、在治理整顿中积极
发展对外开放); 1990 puts all its tasks in one part, 二、一九九○年的国内工作, as lead paragraphs
(继续控制社会总需求, 坚持对外开放 …). A plan report (1991) reviews the year in （一）…（六）
sections where the work report (1990) reviews it in —— lead paragraphs. Level by level the
sections and the part find nothing to meet; each section's counterpart is a lead inside the
part (or, printed as 第一，… points heading their paragraphs, a point's sub-part).
"""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, node_pairs, pairs
from reportdiff.core.storage.resolve import resolve_report


def labels(corpus: Path, a: int, b: int) -> set[tuple[str, str, str, str]]:
    return {(x.kind, x.label, y.kind, y.label) for x, y in node_pairs(corpus_rows(corpus, a, b))}


def test_task_sections_meet_the_leads_of_one_task_part(corpus_dir: Path) -> None:
    # 1990 prints its tasks as points 第一，…。 heading their paragraphs (core/text/points.py):
    # each 1989 section meets a point's sub-part, headed by the point's whole sentence.
    got = {(xk, x, yk, y.split("，")[0]) for xk, x, yk, y in labels(corpus_dir, 1989, 1990)}
    assert ("section", "在治理整顿中积极发展对外开放", "section", "坚持对外开放") in got
    assert (
        "section",
        "把治理整顿同深化改革密切结合起来",
        "section",
        "深化和完善经济体制改革",
    ) in got
    # the whole task part is broader than any one lead of a 1989 section: it meets none
    assert not any(y == "一九九○年的国内工作" and xk == "paragraph" for xk, _, _, y in got)


def test_review_sections_meet_review_leads_and_their_figures_meet(corpus_dir: Path) -> None:
    got = labels(corpus_dir, 1990, 1991)
    trade = "对外贸易和经济技术交流进一步扩展，国际收支状况有所改善"
    assert ("paragraph", "对外贸易和经济技术交流继续发展", "section", trade) in got
    # a review lead never meets a task section (1991's （一）继续加强农业 … are tasks): only
    # the task lead 集中力量办好农业 of 1990's 一九九○年的国内工作 does
    farm = {x for xk, x, _, y in got if xk == "paragraph" and y.startswith("继续加强农业")}
    assert farm <= {"集中力量办好农业"}, farm
    # a figure of the lead and one of the section's paragraphs are in one context now:
    # 1990's 限额以上重点技术改造项目２５个 meets 1991's 限额以上更新改造项目九十二个
    a = resolve_report(str(corpus_dir / "1990.txt"))
    b = resolve_report(str(corpus_dir / "1991.txt"))
    found = {
        (p.values[0].text, p.values[1].text)
        for p in pairs(a, b)
        if p.values[0] is not None and p.values[1] is not None
    }
    assert ("２５个", "九十二个") in found


def test_two_reports_only_review_parts_meet(corpus_dir: Path) -> None:
    """A work report's review (1990's 一九八九年的回顾: politics and —— leads) and a plan
    report's (1991's １９９０年计划的执行情况, cut into sections) share few words, yet each is
    the other's only review part: they meet. So do 1979's 伟大的历史性转变 and 1980's
    国民经济在调整、改革、整顿、提高中取得了新的进展."""
    got = labels(corpus_dir, 1990, 1991)
    assert ("section", "一九八九年的回顾", "section", "１９９０年计划的执行情况") in got
    got = labels(corpus_dir, 1979, 1980)
    assert any(
        x == "伟大的历史性转变" and y.startswith("国民经济在调整、改革、整顿、提高中")
        for _, x, _, y in got
    ), got
