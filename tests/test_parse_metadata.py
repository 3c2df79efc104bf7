"""Metadata inferred for the eight samples, and the rules behind it."""

from __future__ import annotations

import pytest
from reportdiff.core.errors import ReportError
from reportdiff.core.storage.samples import load_sample
from reportdiff.core.text.metadata import find_year, infer_meta
from reportdiff.core.text.regions import REGIONS, region_pinyin

# id: (region, year reviewed, session date, kind, title) — read off each seed's title/date lines.
EXPECTED = {
    "yangpu-2022": ("杨浦区", 2022, None, "summary", "《政府工作报告》摘要"),
    "yangpu-2023": ("杨浦区", 2023, None, "summary", "《政府工作报告》摘要"),
    "yangpu-2023-plan": (
        "杨浦区", 2023, "2024-01-16", "plan-report",
        "关于上海市杨浦区 2023 年国民经济和社会发展计划执行情况与 2024 年国民经济和社会发展计划草案的报告",
    ),
    "xuhui-2022": ("徐汇区", 2022, "2023-01-04", "summary", "政府工作报告 (摘要)"),
    "shanghai-2023": ("上海市", 2023, "2024-01-23", "work-report", "政府工作报告"),
    "pudong-2023": ("浦东新区", 2023, "2024-01-17", "work-report", "2024年政府工作报告"),
    "huangpu-2023": ("黄浦区", 2023, "2024-01-10", "work-report", "政府工作报告(2024年)"),
    "jingan-2023": ("静安区", 2023, "2024-01-17", "work-report", "政府工作报告"),
}


@pytest.mark.parametrize("sid", list(EXPECTED))
def test_sample_metadata(sid: str) -> None:
    m = load_sample(sid).meta
    assert (m.region, m.year, m.date, m.kind, m.title) == EXPECTED[sid]
    assert m.id == sid


def test_xuhui_year_follows_the_date_line_not_the_heading() -> None:
    r = load_sample("xuhui-2022")
    assert r.heading_text(r.sections[0]) == "二〇二三年工作回顾"
    assert r.meta.year == 2022 and r.meta.date == "2023-01-04"


def test_year_without_date_line_comes_from_the_opening() -> None:
    assert find_year(["标题", "2021年是极不平凡的一年。"], None) == 2021
    assert find_year(["一、2019年工作回顾"], None) == 2019
    assert find_year(["——2024年1月16日在…会议上"], (2024, 1, 16)) == 2023


def test_date_line_with_spaces_and_wrapped_meeting() -> None:
    text = "政府工作报告\n\n——2025 年 2 月 3 日在上海市闵行区第七届\n人民代表大会第五次会议上\n\n各位代表：\n"
    m = infer_meta(text, source="x.txt")
    assert (m.region, m.date, m.year, m.id) == ("闵行区", "2025-02-03", 2024, "minhang-2024")


def test_overrides_win_and_id_follows_them() -> None:
    text = "政府工作报告\n——2024年1月10日在上海市黄浦区第三届人民代表大会第四次会议上\n"
    m = infer_meta(text, source="a.txt", region="静安区", year=2020)
    assert (m.region, m.year, m.id) == ("静安区", 2020, "jingan-2020")
    assert infer_meta(text, source="a.txt", id="mine").id == "mine"
    with pytest.raises(ReportError):
        infer_meta(text, source="a.txt", colour="red")


def test_unknown_region_id_comes_from_the_file_name() -> None:
    m = infer_meta("某某报告\n\n2021年是重要的一年。\n", source="/tmp/My Report.txt")
    assert m.region == "" and m.id == "my-report-2021"


def test_regions_cover_shanghai_and_its_16_districts() -> None:
    districts = [n for n in REGIONS if n.endswith(("区", "新区"))]
    assert len(districts) == 16
    assert region_pinyin("上海市") == "shanghai"
    assert region_pinyin("浦东新区") == region_pinyin("浦东") == "pudong"
    assert region_pinyin("杨浦") == "yangpu"
    assert region_pinyin("火星区") is None
