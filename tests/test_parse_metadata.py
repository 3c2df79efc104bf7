"""Metadata read from the text: the samples, the State Council's reports, and openings of
provincial, city, district and county reports written in the form they are printed in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reportdiff.core.errors import ReportError
from reportdiff.core.model import KIND_ID_SUFFIX
from reportdiff.core.storage.samples import load_sample
from reportdiff.core.text.frontmatter import cn_number, parse_date
from reportdiff.core.text.load import load_text
from reportdiff.core.text.metadata import infer_meta

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "national"

# id: (region, level, year reviewed, delivered, session date, kind, title) — read off each
# seed's title, date and speaker lines (000 and 002 are newspaper summaries without them).
EXPECTED = {
    "yangpu-2022": ("杨浦区", "county", 2022, None, None, "summary", "《政府工作报告》摘要"),
    "yangpu-2023": ("杨浦区", "county", 2023, None, None, "summary", "《政府工作报告》摘要"),
    "yangpu-2023-plan": (
        "杨浦区",
        "county",
        2023,
        2024,
        "2024-01-16",
        "plan-report",
        "关于上海市杨浦区 2023 年国民经济和社会发展计划执行情况与 2024 年国民经济和社会发展计划草案的报告",
    ),
    "xuhui-2022": ("徐汇区", "county", 2022, 2023, "2023-01-04", "summary", "政府工作报告 (摘要)"),
    "shanghai-2023": (
        "上海市",
        "province",
        2023,
        2024,
        "2024-01-23",
        "work-report",
        "政府工作报告",
    ),
    "pudong-2023": (
        "浦东新区",
        "county",
        2023,
        2024,
        "2024-01-17",
        "work-report",
        "2024年政府工作报告",
    ),
    "huangpu-2023": (
        "黄浦区",
        "county",
        2023,
        2024,
        "2024-01-10",
        "work-report",
        "政府工作报告(2024年)",
    ),
    "jingan-2023": ("静安区", "county", 2023, 2024, "2024-01-17", "work-report", "政府工作报告"),
}


@pytest.mark.parametrize("sid", list(EXPECTED))
def test_sample_metadata(sid: str) -> None:
    m = load_sample(sid).meta
    assert (m.region, m.level, m.year, m.delivered, m.date, m.kind, m.title) == EXPECTED[sid]
    assert m.id == sid


@pytest.mark.parametrize("sid", list(EXPECTED))
def test_sample_text_starts_after_the_front_matter(sid: str) -> None:
    """Title, date and speaker lines are metadata: not in the text, so never compared."""
    r = load_sample(sid)
    first = r.text.split("\n", 1)[0]
    assert first != r.meta.title and parse_date(first) is None
    assert not first.endswith(("区长", "委员会")) and "人民代表大会第" not in first


def test_xuhui_year_follows_the_date_line_not_the_heading() -> None:
    r = load_sample("xuhui-2022")
    assert r.heading_text(r.sections[0]) == "二〇二三年工作回顾"
    assert r.meta.year == 2022 and r.meta.date == "2023-01-04"


# ---------------------------------------------------------------- the State Council, 1954–2009


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"corpus not found at {CORPUS}")
        pytest.skip(f"corpus not found at {CORPUS}")
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def corpus() -> dict[int, object]:
    from reportdiff.core.sources.ingest import read_document

    return {int(p.stem): load_text(read_document(p), source=p.name) for p in corpus_files()}


def test_all_41_national_reports_are_national_with_both_years(corpus: dict[int, object]) -> None:
    assert len(corpus) == 41
    for delivered, report in corpus.items():
        m = report.meta  # type: ignore[attr-defined]
        assert (m.region, m.level) == ("全国", "national"), delivered
        # Reviews the year before its session, but the session of 21 December 1964
        # reviews 1964 (the year it closes). One report a year: ids never collide.
        reviewed = delivered if delivered == 1964 else delivered - 1
        assert (m.delivered, m.year) == (delivered, reviewed), delivered
        assert m.id == f"national-{reviewed}{KIND_ID_SUFFIX.get(m.kind, '')}"
        # Every page prints its session date (full-width digits, spaced digits and all).
        assert m.date is not None and m.date.startswith(f"{delivered}-"), delivered
    assert len({r.meta.id for r in corpus.values()}) == 41  # type: ignore[attr-defined]


def test_national_titles_are_the_reports_own(corpus: dict[int, object]) -> None:
    titles = {y: r.meta.title for y, r in corpus.items()}  # type: ignore[attr-defined]
    for year, title in titles.items():
        assert title and "<U+00A0>" not in title and not title.endswith(("：", ":")), year
        assert "各位代表" not in title and "www" not in title, year
    assert titles[1956] == "关于1955年国家决算和1956年国家预算的报告"  # glued to the page's title
    assert titles[2006] == "政府工作报告"  # printed letter-spaced: 政 府 工 作 报 告
    assert titles[1995] == "1995年政府工作报告"
    assert titles[1978] == "团结起来，为建设社会主义的现代化强国而奋斗"


def test_dates_read_in_every_printed_form(corpus: dict[int, object]) -> None:
    dates = {y: r.meta.date for y, r in corpus.items()}  # type: ignore[attr-defined]
    assert dates[2009] == "2009-03-05"  # ——２００９年３月５日 on the title's line
    assert dates[1998] == "1998-03-05"  # ——1 9 9 8 年3 月5 日
    assert dates[1956] == "1956-06-15"  # ——１９５６年６月１５日
    assert dates[1964] == "1964-12-21"


def test_national_front_matter_is_out_of_the_text(corpus: dict[int, object]) -> None:
    """The page chrome, title, date and speaker lines before 各位代表： are not body text."""
    for year, report in corpus.items():
        text = report.text  # type: ignore[attr-defined]
        first = text.lstrip().split("\n", 1)[0].replace("<U+00A0>", "").strip()
        # A salutation (1979 prints it 名位代表：); 1955 opens with its table of contents
        # (目录), the 1964 summary with a paragraph.
        assert first.endswith(("：", ":", "！")) or first == "目录" or "。" in first, (year, first)
        assert "当前位置" not in text[:300] and parse_date(text[:300]) is None, year


# ---------------------------------------------------------------- other levels, other forms


def meta_of(text: str) -> tuple[str, str, int, int | None, str | None, str]:
    m = infer_meta(text, source="x.txt")
    return m.region, m.level, m.year, m.delivered, m.date, m.id


def test_provincial_report() -> None:
    text = (
        "政府工作报告\n\n——2025年1月14日在江苏省第十四届人民代表大会第三次会议上\n\n"
        "江苏省省长 许昆林\n\n各位代表：\n\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
    )
    assert meta_of(text) == ("江苏省", "province", 2024, 2025, "2025-01-14", "jiangsu-2024")


def test_a_session_in_late_december_reviews_the_year_it_closes() -> None:
    text = (
        "政府工作报告\n\n——2024年12月28日在安吉县第十七届人民代表大会第五次会议上\n\n"
        "安吉县人民政府县长 张三\n\n各位代表：\n"
    )
    assert meta_of(text) == ("安吉县", "county", 2024, 2024, "2024-12-28", "anji-2024")


def test_provincial_variants_parenthesised_date_speaker_first_title_with_region() -> None:
    variants = [
        (
            "政府工作报告\n（2025年1月14日在江苏省第十四届人民代表大会第三次会议上）\n"
            "江苏省人民政府省长 许昆林\n各位代表：\n"
        ),
        (
            "江苏省省长 许昆林\n\n政府工作报告\n\n2025年1月14日在江苏省第十四届人民代表大会第三次"
            "会议上\n\n各位代表：\n"
        ),
        "2025年江苏省政府工作报告\n\n各位代表：\n\n现在，我代表省人民政府，向大会报告工作。\n",
    ]
    for text in variants:
        m = infer_meta(text, source="x.txt")
        assert (m.region, m.level, m.year, m.delivered, m.id) == (
            "江苏省",
            "province",
            2024,
            2025,
            "jiangsu-2024",
        ), text
    assert infer_meta(variants[0], source="x.txt").title == "政府工作报告"


def test_autonomous_region_speaker_line_alone() -> None:
    text = "政府工作报告\n\n广西壮族自治区主席 蓝天立\n\n各位代表：\n\n现在，我向大会报告工作。\n"
    assert meta_of(text)[:2] == ("广西壮族自治区", "province")
    assert meta_of(text)[5] == "guangxi"


def test_shaanxi_is_not_shanxi() -> None:
    shaanxi = "政府工作报告\n\n——2024年1月23日在陕西省第十四届人民代表大会第二次会议上\n"
    shanxi = "政府工作报告\n\n——2024年1月24日在山西省第十四届人民代表大会第二次会议上\n"
    assert meta_of(shaanxi)[5] == "shaanxi-2023"
    assert meta_of(shanxi)[5] == "shanxi-2023"


def test_city_report_from_the_opening_sentence_only() -> None:
    """No date line: the region is the one the speaker represents (代表…人民政府)."""
    text = (
        "各位代表：\n\n现在，我代表杭州市人民政府，向大会作政府工作报告，请予审议。\n\n"
        "一、2024年工作回顾\n\n2024年是实现“十四五”规划目标任务的关键一年。\n"
    )
    m = infer_meta(text, source="x.txt")
    assert (m.region, m.level, m.year, m.delivered) == ("杭州市", "prefecture", 2024, None)
    assert m.title == ""  # the salutation is never the title
    assert m.id == "hangzhou-2024"


def test_prefecture_report_with_wrapped_dashless_date_in_chinese_numerals() -> None:
    text = (
        "政府工作报告\n\n二〇二五年一月十六日在广东省东莞市第十七届\n人民代表大会第六次会议上\n\n"
        "东莞市市长 吕成蹊\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n"
    )
    assert meta_of(text) == ("东莞市", "prefecture", 2024, 2025, "2025-01-16", "dongguan-2024")


@pytest.mark.parametrize(
    "date_lines",
    [
        "——2025年1月\n14日在江苏省第十四届人民代表大会第三次会议上",
        "——2025年1月14日\n在江苏省第十四届人民代表大会第三次会议上",
        "——2025年1月14日在江苏省第十四届\n人民代表大会第三次会议上",
    ],
)
def test_a_date_line_wrapped_anywhere(date_lines: str) -> None:
    text = (
        f"政府工作报告\n{date_lines}\n江苏省省长 许昆林\n各位代表：\n过去一年，全省经济回升向好。\n"
    )
    assert meta_of(text) == ("江苏省", "province", 2024, 2025, "2025-01-14", "jiangsu-2024")
    assert load_text(text, source="x.txt").text.startswith("各位代表：")


def test_full_width_date_and_a_district() -> None:
    text = (
        "政府工作报告\n\n——２０２５年１月８日在上海市闵行区第七届人民代表大会第六次会议上\n\n"
        "闵行区区长 陈华文\n\n各位代表：\n"
    )
    assert meta_of(text) == ("闵行区", "county", 2024, 2025, "2025-01-08", "minhang-2024")


def test_county_and_county_level_city_and_banner() -> None:
    county = "政府工作报告\n\n——2024年1月5日在盱眙县第十八届人民代表大会第四次会议上\n\n县长 张三\n"
    city = "政府工作报告\n\n——2024年1月10日在昆山市第十七届人民代表大会第三次会议上\n\n市长 李四\n"
    banner = "政府工作报告\n\n——2024年1月9日在克什克腾旗第十七届人民代表大会第三次会议上\n"
    assert meta_of(county)[:2] == ("盱眙县", "county") and meta_of(county)[5] == "xuyi-2023"
    assert meta_of(city)[:2] == ("昆山市", "county") and meta_of(city)[5] == "kunshan-2023"
    assert meta_of(banner)[:2] == ("克什克腾旗", "county")
    assert meta_of(banner)[5] == "keshiketeng-2023"


def test_autonomous_prefecture_and_homophone_city() -> None:
    yanbian = "政府工作报告\n\n——2024年1月12日在延边朝鲜族自治州第十六届人民代表大会第四次会议上\n"
    suzhou = "2024年宿州市政府工作报告\n\n各位代表：\n"
    assert meta_of(yanbian)[:2] == ("延边朝鲜族自治州", "prefecture")
    assert meta_of(yanbian)[5] == "yanbian-2023"
    # 宿州 and 苏州 read alike: the id carries the province.
    assert meta_of(suzhou) == ("宿州市", "prefecture", 2023, 2024, None, "anhui-suzhou-2023")


def test_a_district_the_list_no_longer_has() -> None:
    """卢湾区 merged into 黄浦区 in 2011: an older report still names it, by its suffix."""
    text = "政府工作报告\n\n——2010年1月12日在上海市卢湾区第十四届人民代表大会第五次会议上\n"
    assert meta_of(text)[:2] == ("卢湾区", "county")
    assert meta_of(text)[5] == "luwan-2009"


def test_national_from_the_speaker_and_opening() -> None:
    text = (
        "政府工作报告\n\n国务院总理 李强\n\n各位代表：\n\n"
        "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。\n"
    )
    m = infer_meta(text, source="x.txt")
    assert (m.region, m.level, m.id) == ("全国", "national", "national")


def test_title_wrapped_over_two_lines_is_joined() -> None:
    text = (
        "关于南京市2024年国民经济和社会发展计划执行情况\n与2025年计划草案的报告\n\n"
        "——2025年1月20日在南京市第十七届人民代表大会第四次会议上\n\n南京市发展和改革委员会\n\n"
        "各位代表：\n"
    )
    m = infer_meta(text, source="x.txt")
    assert m.title == "关于南京市2024年国民经济和社会发展计划执行情况与2025年计划草案的报告"
    assert (m.kind, m.region, m.year, m.delivered) == ("plan-report", "南京市", 2024, 2025)
    assert m.id == "nanjing-2024-plan"
    body = load_text(text + "\n过去一年，全市经济运行稳中有进。\n", source="x.txt")
    assert body.text.startswith("各位代表：")


def test_words_around_a_name_are_no_region() -> None:
    text = (
        "各位代表：\n\n一年来，我们自觉接受人民代表大会常务委员会和市人民政府的监督。"
        "现在，我向大会报告工作。\n"
    )
    assert meta_of(text)[:2] == ("", "unknown")


def test_nothing_readable_is_unknown_not_a_guess() -> None:
    m = infer_meta("某某报告\n\n2021年是重要的一年。\n", source="/tmp/My Report.txt")
    assert (m.region, m.level, m.delivered) == ("", "unknown", None)
    assert m.id == "my-report-2021"


def test_a_region_named_in_passing_is_not_the_reports() -> None:
    """绿水青山就是金山银山 names 金山 (a district of Shanghai) but no report's region."""
    text = (
        "各位代表：\n\n过去一年，全省坚持绿水青山就是金山银山理念，金山银山的路子越走越宽。"
        "我们学习上海、对标上海，金山银山成为共识。\n"
    )
    assert meta_of(text)[:2] == ("", "unknown")


def test_overrides_win_and_id_follows_them() -> None:
    text = "政府工作报告\n——2024年1月10日在上海市黄浦区第三届人民代表大会第四次会议上\n"
    m = infer_meta(text, source="a.txt", region="静安区", year=2020)
    assert (m.region, m.level, m.year, m.id) == ("静安区", "county", 2020, "jingan-2020")
    assert infer_meta(text, source="a.txt", id="mine").id == "mine"
    with pytest.raises(ReportError):
        infer_meta(text, source="a.txt", colour="red")


@pytest.mark.parametrize(
    ("s", "n"),
    [
        ("2024", 2024),
        ("２００９", 2009),
        ("一九九五", 1995),
        ("二〇二五", 2025),
        ("二○○九", 2009),
        ("十", 10),
        ("十二", 12),
        ("二十三", 23),
        ("三十一", 31),
        ("五", 5),
        ("abc", None),
    ],
)
def test_numbers_in_dates(s: str, n: int | None) -> None:
    assert cn_number(s) == n


def test_parse_date_rejects_impossible_dates() -> None:
    assert parse_date("2024年13月40日") is None
    assert parse_date("——二〇二四年一月十六日在") == ((2024, 1, 16), 12)


REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["LICENSE", "README.md", "docs/glossary.md"])
def test_a_text_that_is_no_work_report_is_of_unknown_kind(name: str) -> None:
    """A licence, an English README, a glossary table with 报告 in a cell: none says it is
    a government's work report (no report title, date line, speaker or opening)."""
    from reportdiff.core.sources.ingest import read_document

    m = load_text(read_document(REPO / name), source=name).meta
    assert m.kind == "unknown"


def test_every_real_report_keeps_its_kind(corpus: dict[int, object]) -> None:
    """The State Council's reports: work reports, but 1958, 1980 and 1991 (plan reports, by
    their titles: 计划草案, 计划安排, 计划执行情况), 1956 (国家决算和…国家预算的报告, a budget
    report) and 1964 (a 摘要). The five-year plan reports of 1955, 1982, 1986 and 1996 were
    their sessions' reports of the government and stay work reports."""
    kinds = {year: r.meta.kind for year, r in corpus.items()}  # type: ignore[attr-defined]
    assert {y for y, k in kinds.items() if k != "work-report"} == {1956, 1958, 1964, 1980, 1991}
    assert (kinds[1958], kinds[1980], kinds[1991]) == ("plan-report",) * 3
    assert (kinds[1956], kinds[1964]) == ("budget-report", "summary")
    assert corpus[1956].meta.id == "national-1955-budget"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("关于上海市2023年预算执行情况和2024年预算草案的报告", "budget-report"),
        ("关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告", "plan-report"),
        ("关于第六个五年计划的报告", "work-report"),
        ("2024年政府工作报告", "work-report"),
        ("预算法实施条例", "unknown"),
    ],
)
def test_a_title_tells_plan_and_budget_reports(title: str, kind: str) -> None:
    """A plan report names its year's plan (执行情况, 草案, 安排), a budget report its 预算 or
    决算, in a title that ends as a report's does; a law's title is neither."""
    assert infer_meta(f"{title}\n\n正文。\n", source="x.txt").kind == kind


def test_a_work_report_without_its_head_is_still_one() -> None:
    """An excerpt that starts at the salutation names itself in its opening sentence; a
    headless body of Chinese prose that speaks of its government reads as one too."""
    opening = "各位代表：\n\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n"
    excerpt = "2023年是全面贯彻党的二十大精神开局之年。全区完成了区十七届人大三次会议确定的目标。\n"
    article = "Government work reports (政府工作报告) are read by analysts every spring.\n"
    assert infer_meta(opening, source="x.txt").kind == "work-report"
    assert infer_meta(excerpt, source="x.txt").kind == "work-report"
    assert infer_meta(article, source="x.txt").kind == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "2024年杭州市国民经济和社会发展统计公报\n\n2024年，在市委、市政府的坚强领导下，全市经济运行稳中有进。\n",
        "市政府新闻发布会实录\n\n今天，市政府召开新闻发布会，介绍我市经济运行情况。我们请市统计局局长发布。\n",
        "关于进一步优化营商环境的通知\n\n各区人民政府，市政府各委、办、局：现将有关事项通知如下。\n",
        "今天上午，市政府召开常务会议，研究部署下一阶段经济工作。\n",
    ],
)
def test_chinese_prose_that_only_mentions_a_government_is_not_a_work_report(text: str) -> None:
    """A statistical bulletin, a press conference, a notice or a news item speaks of 市政府
    too; without a work report's head, only a body that speaks of 政府工作 or of the congress
    session it reports to, under no other kind of title, is taken for one."""
    assert infer_meta(text, source="x.txt").kind == "unknown"


def test_a_headless_excerpt_opening_on_a_section_heading_is_a_work_report() -> None:
    body = "一、2023年工作回顾\n\n2023年，全区完成了区十七届人大三次会议确定的目标。我们坚持稳中求进。\n"
    assert infer_meta(body, source="x.txt").kind == "work-report"


def test_show_says_a_licence_is_of_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    from reportdiff.cli import main

    assert main(["show", str(REPO / "LICENSE")]) == 0
    assert "kind:   unknown" in capsys.readouterr().out.splitlines()
