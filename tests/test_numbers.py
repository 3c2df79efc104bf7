"""Quantity extraction on sentences taken from the seed reports."""

from __future__ import annotations

import pytest
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Block, Report, ReportMeta, Section, Span


def one_paragraph(text: str, *, heading: str = "", year: int = 2023) -> Report:
    """A report whose single section (headed ``heading``) holds ``text`` as one paragraph."""
    full = heading + "\n" + text
    start = len(heading) + 1
    meta = ReportMeta(
        id="t", region="杨浦区", year=year, date=None, title="t", kind="summary", source="t"
    )
    section = Section(
        kind="section",
        marker="",
        heading=Span(0, len(heading)),
        span=Span(0, len(full)),
        blocks=(Block("paragraph", Span(start, len(full))),),
    )
    return Report(meta=meta, text=full, sections=(section,))


def quantities(text: str, **kw: object) -> dict[str, Quantity]:
    report = one_paragraph(text, **kw)  # type: ignore[arg-type]
    found = extract_quantities(report)
    for q in found:
        assert report.text[q.span.start : q.span.end] == q.text
        if q.indicator_span is not None:
            assert report.slice(q.indicator_span) == q.indicator
    return {q.text: q for q in found}


def test_magnitudes_and_units() -> None:
    qs = quantities(
        "区级财政收入完成154.99亿元，同比增长8%。拆除存量违法建筑5.05万平方米。"
        "粮食产量1.37万亿斤。累计惠及区内各类市场主体4.1万家次、扶持金额达111亿元。"
        "60岁以上老年人新冠病毒疫苗接种累计达到68.5万剂。实际使用外资金额12.41亿美元。"
    )
    assert qs["154.99亿元"].value == pytest.approx(15_499_000_000)
    assert qs["154.99亿元"].unit == "元"
    assert qs["5.05万平方米"].value == pytest.approx(50_500)
    assert qs["5.05万平方米"].unit == "平方米"
    assert qs["1.37万亿斤"].value == pytest.approx(1.37e12)
    assert qs["1.37万亿斤"].unit == "斤"
    assert qs["4.1万家次"].unit == "家次"
    assert qs["4.1万家次"].value == pytest.approx(41_000)
    assert qs["68.5万剂"].unit == "剂"
    assert qs["12.41亿美元"].unit == "美元"
    assert qs["8%"].unit == "%"
    assert qs["8%"].value == 8.0


def test_indicators_and_qualifiers_yangpu_2023() -> None:
    qs = quantities(
        "区级财政收入完成154.99亿元，同比增长8%。全社会固定资产投资总额突破360亿元，"
        "同比增长20%以上。新增公共充电桩1996个。新增养老床位537张、认知障碍照护床位240张。"
        "空气质量指数(AQI)优良率为86.6%、同比上升1.7个百分点。"
    )
    assert qs["154.99亿元"].indicator == "区级财政收入"
    assert qs["8%"].indicator == "区级财政收入"
    assert "同比增长" in qs["8%"].qualifiers
    assert qs["360亿元"].indicator == "全社会固定资产投资总额"
    assert "突破" in qs["360亿元"].qualifiers
    assert {"同比增长", "以上"} <= set(qs["20%"].qualifiers)
    assert qs["1996个"].indicator == "公共充电桩"
    assert "新增" in qs["1996个"].qualifiers
    assert qs["537张"].indicator == "养老床位"
    assert "新增" in qs["537张"].qualifiers
    assert qs["240张"].indicator == "认知障碍照护床位"
    assert qs["86.6%"].indicator == "空气质量指数(AQI)优良率"
    assert qs["1.7个百分点"].unit == "个百分点"
    assert qs["1.7个百分点"].value == 1.7
    assert "同比上升" in qs["1.7个百分点"].qualifiers
    assert not any(q.is_target for q in qs.values())


def test_classifier_before_its_noun() -> None:
    qs = quantities(
        "新增9家社区综合为老服务中心、600张养老床位、15个老年助餐场所。"
        "帮助4346名就业困难人员实现就业。推选46名“睦邻达人”，新建2家社区睦邻中心。"
        "划定全区33个15分钟社区生活圈。"
    )
    assert qs["600张"].indicator == "养老床位"
    assert qs["9家"].indicator == "社区综合为老服务中心"
    assert qs["4346名"].indicator == "就业困难人员"
    assert qs["46名"].indicator == "“睦邻达人”"
    assert qs["33个"].indicator == "15分钟社区生活圈"
    assert "15分钟" not in qs  # part of a name, not a quantity
    qs = quantities(
        "完成3家社区综合为老服务中心建设、330户居家环境适老化改造。294个居民区共商制定居民公约。"
        "全区11个市考核断面水质100%达标。"
    )
    assert qs["3家"].indicator == "社区综合为老服务中心"
    assert qs["330户"].indicator == "居家环境适老化改造"
    # a short noun is read on to the clause's end so different facts stay apart
    assert qs["294个"].indicator == "居民区共商制定居民公约"
    assert qs["100%"].indicator == "市考核断面水质"


def test_printed_forms_kept_as_printed() -> None:
    qs = quantities(
        "保障性租赁住房筹措5757套(间)、供应2823套(间)。完成最后约600户1.18万平方米征收任务。"
        "48个、400多亿元重大产业项目成功签约。累计救助各类对象超70万人次，支出超5亿元。"
    )
    assert qs["5757套(间)"].unit == "套"
    assert qs["5757套(间)"].indicator == "保障性租赁住房筹措"
    assert qs["2823套(间)"].indicator == "保障性租赁住房供应"
    assert qs["1.18万平方米"].indicator == "征收任务"
    assert "约" in qs["600户"].qualifiers
    assert qs["400多亿元"].value == pytest.approx(4e10)
    assert "多" in qs["400多亿元"].qualifiers
    assert qs["400多亿元"].indicator == "重大产业项目"
    assert "超" in qs["70万人次"].qualifiers
    assert qs["5亿元"].indicator == "救助各类对象支出"


def test_dates_ordinals_lines_and_products_are_not_quantities() -> None:
    qs = quantities(
        "截至2022年12月30日，第五届进博会采购订单金额同比增长14.6%。2024年1月16日审议通过。"
        "“十四五”期末目标提前完成。轨道交通23号线徐汇段站点完成腾地。完善7×24小时工作机制。"
        "上海时报第02版。PM2.5累计均值浓度同比下降8%。新建5G基站223个。党的二十大胜利召开。"
        "获评“15分钟生活圈示范奖”。"
    )
    assert set(qs) == {"14.6%", "8%", "223个"}
    assert qs["14.6%"].indicator == "第五届进博会采购订单金额"
    assert qs["8%"].indicator == "PM2.5累计均值浓度"
    assert qs["223个"].indicator == "5G基站"


def test_versions_are_kept_with_their_own_unit() -> None:
    qs = quantities("制定优化营商环境5.0版，推出150项改革举措和10大特色品牌。")
    assert qs["5.0版"].unit == "版"
    assert qs["5.0版"].indicator == "优化营商环境"
    assert qs["150项"].indicator == "改革举措"


def test_chinese_numerals_with_a_classifier() -> None:
    qs = quantities(
        "上海技术交易所技术交易额达到100.1亿元，比上年增长超两倍。培育十六个品牌项目。"
        "推出信用惠企服务“一件事”，坚决做到“两个维护”，深化“三所联动”。"
    )
    assert qs["两倍"].value == 2 and qs["两倍"].unit == "倍"
    assert "超" in qs["两倍"].qualifiers
    assert qs["两倍"].indicator == "上海技术交易所技术交易额"
    assert qs["十六个"].value == 16
    assert "一件" not in qs and "两个" not in qs and "三所" not in qs


def test_targets() -> None:
    qs = quantities(
        "扣除烟草因素后增速预计达到7%左右。力争纳统楼宇属地率提升至60%。"
        "空气质量指数优良率不低于85%。以“党建引领”为目标，上线社区云2.0版本。"
    )
    assert qs["7%"].is_target and {"预计", "左右"} <= set(qs["7%"].qualifiers)
    assert qs["60%"].is_target
    assert qs["85%"].is_target and "不低于" in qs["85%"].qualifiers
    assert not qs["2.0版"].is_target


def test_task_part_makes_every_figure_a_target() -> None:
    text = "全区生产总值增长5%左右，新增养老床位300张。"
    assert all(q.is_target for q in quantities(text, heading="二、2024年主要任务").values())
    assert not any(q.is_target for q in quantities(text, heading="一、2023年工作回顾").values())


def test_full_width_digits_fold_without_rewriting() -> None:
    qs = quantities("区级财政收入完成１５４．９９亿元，同比增长８％。")
    q = qs["１５４．９９亿元"]
    assert q.value == pytest.approx(15_499_000_000)
    assert q.indicator == "区级财政收入"
    assert qs["８％"].unit == "%"


def test_pdf_spacing_between_number_and_unit() -> None:
    qs = quantities("区级财政收入完成 154.99 亿元，同比增长 8%；新增公共充电桩 1996 个。")
    assert qs["154.99 亿元"].value == pytest.approx(15_499_000_000)
    assert qs["154.99 亿元"].indicator == "区级财政收入"
    assert qs["1996 个"].indicator == "公共充电桩"


def test_respectively_assigns_each_figure_its_noun() -> None:
    # shanghai-2023 and yangpu-2022 write lists of nouns with 分别 and lists of figures
    qs = quantities(
        "跨国公司地区总部、外资研发中心分别新增65家和30家,累计分别达到956家和561家。"
        "国家级专精特新“小巨人”企业、市级专精特新企业分别新增7家、78家。"
    )
    assert qs["65家"].indicator == "跨国公司地区总部" and "新增" in qs["65家"].qualifiers
    assert qs["30家"].indicator == "外资研发中心" and "新增" in qs["30家"].qualifiers
    assert qs["956家"].indicator == "跨国公司地区总部" and "累计" in qs["956家"].qualifiers
    assert qs["561家"].indicator == "外资研发中心" and "累计" in qs["561家"].qualifiers
    assert qs["7家"].indicator == "国家级专精特新“小巨人”企业"
    assert qs["78家"].indicator == "市级专精特新企业"


def test_superscripts_and_bare_numbers_are_not_quantities() -> None:
    assert quantities("深化区“1+X+12”稳增长工作机制¹，抓实“两清单一主题”²调度机制。") == {}
    assert quantities("畅通“12345”热线渠道，江湾里MEET678陆续开业，新建5G基站。") == {}


def test_units_helpers() -> None:
    from reportdiff.core.analysis.units import compare_key, fold, parse_cn_numeral, printed_unit

    assert [parse_cn_numeral(t) for t in ("十六", "两", "三百二十", "一千零五", "二〇二三")] == [
        16,
        2,
        320,
        1005,
        2023,
    ]
    assert parse_cn_numeral("十四五x") is None
    assert printed_unit("154.99亿元").display == "亿元"
    assert printed_unit("154.99 亿元").factor == 1e8
    assert printed_unit("1.37万亿斤").display == "万亿斤"
    assert (
        printed_unit("5757套(间)").display == "套(间)" and printed_unit("5757套(间)").base == "套"
    )
    assert printed_unit("400多亿元").display == "亿元"
    assert printed_unit("1.7个百分点").base == "个百分点"
    assert printed_unit("两倍").base == "倍"
    assert compare_key("名") == compare_key("人") and compare_key("元") != compare_key("美元")
    text = "１５４．９９亿元，增长８％"
    assert len(fold(text)) == len(text)  # same offsets: the fold needs no offset map


def test_a_size_class_is_not_a_figure() -> None:
    # shanghai-2023: the 10亿元 describes which projects are counted, it is not an amount
    qs = quantities("58个10亿元以上重大产业项目开工建设。全社会固定资产投资总额同比增长20%以上。")
    assert "10亿元" not in qs
    assert qs["58个"].indicator == "10亿元以上重大产业项目"
    assert "以上" in qs["20%"].qualifiers
