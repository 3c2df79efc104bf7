"""A site line is cut off a line only where the page's chrome is: the report's own lines
that name a date, a platform or a place before a colon stay whole.

A PDF of a saved page loses spaces, so a site line can run into the date before it
(2009年03月16日来源：新华社) or sit one space after the title (2009年国务院政府工作报告
中央政府门户网站 www.gov.cn 2009年03月16日 来源：新华社; see test_rendered_pages.py). The
rules, as a person would state them for any page:

- a label glued to a date is split off only when it is one of a page's byline labels
  (来源, 发布时间, 责任编辑, 作者, 浏览次数, 字号 …), which no report writes after a date;
  时间：, 日期：, 地址：, 主办： and the like are a report's own words (a notice of an open
  day, an exhibition's venue) and stay;
- a site name one space before the site line is cut off the title only when it names a
  site (…网站, …网, …客户端: 中央政府门户网站, 人民网, 新华社客户端) and all that follows is
  the site line itself, saying where and when the page was published (a URL, a date, a
  byline label); a 平台 or 频道 closing a title, or a site's name before a bare URL, stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.furniture import drop_furniture, site_chunk_start

REPORT_LINES = [
    # A label after a date that is the report's own: an exhibition's venue, an open day's hours.
    "第六届中国国际进口博览会  2023年11月5日至10日地址：国家会展中心（上海）",
    "政府开放日：每月15日时间：9:00—11:30",
    "市民服务热线12345地址：人民大道200号",
    "展期：11月5日至10日主办：商务部、上海市人民政府",
]


@pytest.mark.parametrize("line", REPORT_LINES)
def test_a_report_line_with_a_date_before_a_plain_label_stays_whole(line: str) -> None:
    assert site_chunk_start(line) is None
    assert drop_furniture([line]) == [line]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # A platform or channel closing a title is the title's; only the site line goes.
        (
            "建设城市运行“一网统管” 公共服务平台  2024年01月05日  来源：新华社",
            "建设城市运行“一网统管” 公共服务平台",
        ),
        (
            "优化营商环境 政务服务频道  2024-01-05 10:00  来源：上海发布",
            "优化营商环境 政务服务频道",
        ),
    ],
)
def test_a_title_keeps_its_last_words_unless_they_name_the_site(line: str, kept: str) -> None:
    assert drop_furniture([line]) == [kept]


@pytest.mark.parametrize(
    "line",
    [
        # A site's name before a bare URL is the report naming where its data are.
        "数据来源于 国家统计局网站  www.stats.gov.cn",
        "数据来源于  www.stats.gov.cn",
        # Plain labels after the report's words (an event's time, a venue) are its text.
        "报名请登录 上海市民服务网  时间：2024年3月1日",
        "第六届进博会  时间：2023年11月5日至10日",
        "市民服务中心  地址：长阳路1号  电话：12345",
    ],
)
def test_the_reports_words_before_a_plain_label_or_a_lone_url_stay_whole(line: str) -> None:
    """Only a byline (来源：, 发布时间：, 责任编辑：) or a URL among more of a page's chrome
    makes the end of a line a site line; a plain label or one URL after text is the text."""
    assert drop_furniture([line]) == [line]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "2009年国务院政府工作报告 中央政府门户网站\u3000www.gov.cn\u3000\u3000 2009年03月16日来源：新华社",
            "2009年国务院政府工作报告",
        ),
        ("政府工作报告 人民网  2024年03月05日  来源：人民网", "政府工作报告"),
        (
            "政府工作报告 中国政府网  2024年03月05日  来源：新华社  【字体：大 中 小】",
            "政府工作报告",
        ),
        ("政府工作报告 新华社客户端  2024-03-05 10:00作者：张三", "政府工作报告"),
        ("政府工作报告 上海发布网站  2024年1月23日  发布时间：2024-01-23", "政府工作报告"),
    ],
)
def test_a_site_line_one_space_after_the_title_is_cut_off(line: str, kept: str) -> None:
    assert drop_furniture([line]) == [kept]


def test_report_lines_survive_cleaning_a_real_report(seeds_dir: Path) -> None:
    raw = read_document(seeds_dir / "004_22cd1e946852648b.txt")
    anchor = "一、2023年工作回顾"
    at = raw.index(anchor) + len(anchor)
    inserted = "\n\n".join(REPORT_LINES)
    cleaned = clean_text(raw[:at] + "\n\n" + inserted + "\n\n" + raw[at:]).splitlines()
    # Short lines under a heading read as its highlights (- …): each whole.
    kept = [ln.removeprefix("- ") for ln in cleaned]
    for line in REPORT_LINES:
        assert line in kept
