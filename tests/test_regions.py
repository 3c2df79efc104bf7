"""Region ids for every province- and prefecture-level name of the official list."""

from __future__ import annotations

import re

import pytest
from reportdiff.core.text.regions import (
    canonical_region,
    level_of,
    prefecture_level_names,
    province_level_names,
    reading,
    region_pinyin,
    short_name,
    split_units,
)

ID_PART = re.compile(r"^[a-z]+(?:-[a-z]+)?$")


def test_the_official_list_has_34_provinces_and_333_prefectures() -> None:
    assert len(province_level_names()) == 34
    assert len(prefecture_level_names()) == 333
    assert {"北京市", "广西壮族自治区", "香港特别行政区", "陕西省", "山西省"} <= set(
        province_level_names()
    )
    assert {"苏州市", "延边朝鲜族自治州", "阿里地区", "锡林郭勒盟", "三沙市"} <= set(
        prefecture_level_names()
    )


def test_every_province_and_prefecture_has_a_distinct_id() -> None:
    names = [*province_level_names(), *prefecture_level_names()]
    ids: dict[str, str] = {}
    for name in names:
        rid = region_pinyin(name)
        assert rid is not None and ID_PART.match(rid), (name, rid)
        assert rid not in ids or ids[rid] == name, f"{name} and {ids.get(rid)} both give {rid}"
        ids[rid] = name
    assert len(ids) == len(set(names))


@pytest.mark.parametrize(
    ("name", "rid"),
    [
        ("陕西省", "shaanxi"),
        ("山西省", "shanxi"),
        ("闵行区", "minhang"),
        ("长宁区", "changning"),
        ("蚌埠市", "bengbu"),
        ("六安市", "luan"),
        ("丽水市", "lishui"),
        ("番禺区", "panyu"),
        ("乐亭县", "laoting"),
        ("铅山县", "yanshan"),
        ("单县", "shanxian"),
        ("重庆市", "chongqing"),
        ("厦门市", "xiamen"),
        ("长沙市", "changsha"),
        ("东莞市", "dongguan"),
        ("亳州市", "bozhou"),
        ("莘县", "shenxian"),
        ("涡阳县", "guoyang"),
        ("盱眙县", "xuyi"),
        ("长治市", "changzhi"),
        ("朝阳市", "chaoyang"),
        ("漯河市", "luohe"),
        ("六合区", "luhe"),
        ("什邡市", "shifang"),
        ("花都区", "huadu"),
        ("长子县", "zhangzi"),
        ("乐清市", "yueqing"),
        ("洪洞县", "hongtong"),
        ("上海市", "shanghai"),
        ("浦东新区", "pudong"),
        ("杨浦区", "yangpu"),
        ("广西壮族自治区", "guangxi"),
        ("内蒙古自治区", "neimenggu"),
        ("宁夏回族自治区", "ningxia"),
        ("新疆维吾尔自治区", "xinjiang"),
        ("香港特别行政区", "xianggang"),
        ("延边朝鲜族自治州", "yanbian"),
        ("大兴安岭地区", "daxinganling"),
        ("锡林郭勒盟", "xilinguole"),
        ("六盘水市", "liupanshui"),
        ("万柏林区", "wanbailin"),
        ("神农架林区", "shennongjia"),
        ("珲春市", "hunchun"),
        ("宕昌县", "tanchang"),
        ("阿勒泰地区", "aletai"),
        ("全国", "national"),
    ],
)
def test_known_readings(name: str, rid: str) -> None:
    assert region_pinyin(name) == rid


@pytest.mark.parametrize(
    ("name", "rid"),
    [
        ("苏州市", "jiangsu-suzhou"),
        ("宿州市", "anhui-suzhou"),
        ("泰州市", "jiangsu-taizhou"),
        ("台州市", "zhejiang-taizhou"),
        ("吉林市", "jilin-jilin"),
        ("吉林省", "jilin"),
        ("海南省", "hainan"),
        ("海南藏族自治州", "qinghai-hainan"),
    ],
)
def test_homophones_carry_their_province(name: str, rid: str) -> None:
    assert region_pinyin(name) == rid


def test_short_names_and_suffixes() -> None:
    assert short_name("杨浦区") == "杨浦" and short_name("单县") == "单县"
    assert short_name("孟村回族自治县") == "孟村"
    assert short_name("博尔塔拉蒙古自治州") == "博尔塔拉"
    assert short_name("鄂伦春自治旗") == "鄂伦春"  # the name is the nationality's
    assert short_name("鄂温克族自治旗") == "鄂温克"
    assert short_name("六盘水市") == "六盘水"  # 水 is a nationality, but this is no 自治 name
    assert short_name("正镶白旗") == "正镶白"
    assert short_name("管城回族区") == "管城"
    assert short_name("广西壮族自治区") == "广西"
    assert canonical_region("杨浦") == "杨浦区" and canonical_region("浦东") == "浦东新区"
    assert canonical_region("朝阳") is None  # 朝阳市 and 朝阳区


def test_levels() -> None:
    assert [level_of(n) for n in ("全国", "上海市", "江苏省", "杭州市", "昆山市", "闵行区")] == [
        "national",
        "province",
        "province",
        "prefecture",
        "county",
        "county",
    ]
    assert level_of("卢湾区") == "county"  # not on today's list: its suffix says
    assert level_of("某某市") == "unknown"  # 市 alone can be any level


def test_split_units() -> None:
    assert split_units("上海市闵行区") == ["上海市", "闵行区"]
    assert split_units("江苏省苏州市") == ["江苏省", "苏州市"]
    assert split_units("乌鲁木齐市新市区") == ["乌鲁木齐市", "新市区"]
    assert split_units("中华人民共和国") == []


def test_any_chinese_name_romanises() -> None:
    assert reading("火星区") == "huoxing"
    assert region_pinyin("Mars") is None


def test_stored_readings_are_what_the_converter_and_tables_give() -> None:
    """region_readings.json is generated (python -m reportdiff.core.text.regions): keep it so."""
    from reportdiff.core.text.regions import compute_listed_readings, listed_readings

    assert listed_readings() == compute_listed_readings()
