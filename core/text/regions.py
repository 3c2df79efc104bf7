"""Region names and their pinyin, for report ids (杨浦区 → yangpu, 上海市 → shanghai)."""

from __future__ import annotations

REGIONS: dict[str, str] = {
    "上海市": "shanghai",
    "黄浦区": "huangpu",
    "徐汇区": "xuhui",
    "长宁区": "changning",
    "静安区": "jingan",
    "普陀区": "putuo",
    "虹口区": "hongkou",
    "杨浦区": "yangpu",
    "闵行区": "minhang",
    "宝山区": "baoshan",
    "嘉定区": "jiading",
    "浦东新区": "pudong",
    "金山区": "jinshan",
    "松江区": "songjiang",
    "青浦区": "qingpu",
    "奉贤区": "fengxian",
    "崇明区": "chongming",
    "北京市": "beijing",
    "天津市": "tianjin",
    "重庆市": "chongqing",
    "广州市": "guangzhou",
    "深圳市": "shenzhen",
    "杭州市": "hangzhou",
    "南京市": "nanjing",
    "苏州市": "suzhou",
}
"""Every region reportdiff knows: the city of Shanghai, its 16 districts, a few others."""

CITY_LEVEL = frozenset(name for name in REGIONS if name.endswith("市"))
"""City-level regions: a district named on the same line is the more specific one."""

SUFFIXES = ("新区", "区", "市")


def short_name(region: str) -> str:
    """The region without its administrative suffix: 浦东新区 → 浦东, 杨浦区 → 杨浦."""
    for suffix in SUFFIXES:
        if region.endswith(suffix) and len(region) > len(suffix) + 1:
            return region[: -len(suffix)]
    return region


def canonical_region(name: str) -> str | None:
    """The full name of a region given with or without its suffix (杨浦 → 杨浦区)."""
    name = name.strip()
    if name in REGIONS:
        return name
    for full in REGIONS:
        if short_name(full) == name:
            return full
    return None


def region_pinyin(region: str) -> str | None:
    """The pinyin id part of a region (杨浦区 or 杨浦 → yangpu); None when unknown."""
    full = canonical_region(region)
    return REGIONS[full] if full else None
