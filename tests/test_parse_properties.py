"""Cleaning and parsing never crash, cleaning is idempotent, spans stay inside the text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reportdiff.core.errors import ReportError
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.load import load_text

# Lines shaped like the seeds' lines, so the generated texts hit every cleaning pass.
LINE_SHAPES = [
    "一、2023年工作回顾",
    "(一)坚持政治引领,深入锻造忠诚品格。坚定拥护核心。",
    "（二）区域经济运行恢复向好，创新型现代化产业体系加快",
    "▶ 优存量、扩增量，经济发展稳中有进",
    "◆抓防控战疫情,人民生命健康全力守护",
    "- 区级财政收入完成154.99亿元，同比增长8%",
    "- 城市更新步伐加快。凤南一村完成签约。累计完成15个基地。",
    "经济增长量质提升。区级财政收入完成154.99亿元。",
    "——2024年1月17日在浦东新区第七届人民代表大会",
    "第四次会议上",
    "政府工作报告",
    "《政府工作报告》名词解释",
    "附件",
    "1",
    "2",
    "1 “1+X+12”稳增长工作机制：指综合协调组",
    " 理水平不断提升，社会民生保障持续改善",
    "- 8 -",
    "表 1 产业发展进展情况",
    "● 制定印发《杨浦区数字新赛道三年实施方案》",
    "(上接第4版)",
    "浦东新区.................",
    "新增9家社区综合为老服务中心、8家",
    "老年人日间照护中心",
    "产业能级持续提升",
    "科创策源功能不断强化",
    "各位代表：",
    "同时，杨浦将结合中期评估成果",
    "二〇二三年工作回顾",
    "微信扫一扫在手机阅读",
    "电子报阅读机",
    "注释",
    "",
]

texts = st.lists(st.one_of(st.sampled_from(LINE_SHAPES), st.text(max_size=30)), max_size=40).map(
    "\n".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_clean_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_load_never_crashes_and_spans_fit(raw: str) -> None:
    try:
        report = load_text(raw, source="gen.txt")
    except ReportError:
        assert not clean_text(raw).strip()
        return
    n = len(report.text)
    for _, s in report.walk():
        assert s.span.end <= n and s.span.contains(s.heading)
    for _, _, b in report.blocks():
        assert b.span.end <= n
        if b.lead is not None:
            assert b.span.contains(b.lead)
        assert all(b.span.contains(i) for i in b.items)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_clean_is_idempotent_on_slices_of_the_seeds(seeds_dir: Path, data: st.DataObject) -> None:
    """Any run of a real seed's lines (PDF pieces, tables, footnotes, chrome) cleans stably."""
    seeds = sorted(seeds_dir.glob("*.txt"))
    lines = data.draw(st.sampled_from(seeds)).read_text(encoding="utf-8").splitlines()
    start = data.draw(st.integers(0, len(lines) - 1))
    stop = data.draw(st.integers(start + 1, min(len(lines), start + 400)))
    once = clean_text("\n".join(lines[start:stop]))
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
@example("- ")  # a bare bullet once made an item span end before it started
@example("- \n-")
def test_parse_report_takes_any_text(text: str) -> None:
    """parse_report on text that never went through clean_text: a Report or a ReportError."""
    from reportdiff.core.model import ReportMeta
    from reportdiff.core.text.parse import parse_report

    meta = ReportMeta("x", "", 0, None, "", "work-report", "gen")
    try:
        report = parse_report(text, meta)
    except ReportError:
        assert not text.strip()
        return
    assert report.sections or report.appendices
    for _, _, b in report.blocks():
        assert report.slice(b.span).strip() == report.slice(b.span)
