"""Rules on indicator names alone: which names measure different things or say nothing.

Used by :mod:`reportdiff.core.analysis.facts` and :mod:`reportdiff.core.analysis.pairing`
when two figures' names are compared.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportdiff.core.analysis.people import names_people

__all__ = [
    "ACTIONS",
    "MEASURES",
    "actions_of",
    "count_class",
    "funds_for_other_ends",
    "headline_growth",
    "housing_name",
    "measures_differ",
    "one_order",
    "per_head_name",
    "plan_only",
    "points_back",
    "sectors_of",
    "share_name",
    "share_part",
    "track_name",
]

MEASURES = (
    ("可支配收入", "纯收入", "生活费收入", "现金收入"),
    ("国内生产总值", "国民生产总值"),
)
"""Statistical measures that name different quantities though they look alike: a
household's disposable income is not its net income nor its living-expense income (China's
statistics moved from 农民人均纯收入 to 农村居民人均可支配收入 in 2013; cities reported
人均生活费收入 before 可支配收入), and GDP is not GNP. Each tuple is one family."""


_PER_UNIT_RE = re.compile(
    r"单位(?:国内|地区|GDP|生产总值|增加值|工业增加值|产值|面积|产品)|万元(?:国内|地区|GDP|生产总值|增加值|产值)"
)
"""A ratio to a unit of output or area (单位国内生产总值能耗, 万元GDP能耗): another measure
than the output it is counted against."""


_HELPED_RE = re.compile(r"帮扶|援助|帮助")
"""A rate over those a programme helped (帮扶就业率: of the jobless leavers helped, how many
found work) is the programme's, not the group's: not a rate over all of a population."""

_TITLE_RE = re.compile(r"示范")
_LEVEL_WORDS_RE = re.compile(r"国家级|国家|全国|省级|市级|区级|县级")


def _titles_differ(a: str, b: str) -> bool:
    """Whether two names of a model title (示范村, 示范区, 示范点) give it for different
    programmes: 美丽乡村示范村 and 乡村振兴示范村. What stands before 示范 (without level
    words, which :mod:`reportdiff.core.analysis.regions` weighs) must end one the other;
    a bare 示范村 says no programme."""
    ma, mb = _TITLE_RE.search(a), _TITLE_RE.search(b)
    if ma is None or mb is None:
        return False
    qa = _LEVEL_WORDS_RE.sub("", a[: ma.start()])
    qb = _LEVEL_WORDS_RE.sub("", b[: mb.start()])
    return bool(qa and qb and not qa.endswith(qb) and not qb.endswith(qa))


_PLACES_RE = re.compile(r"(?:托额|名额|学位|床位|座位|车位|泊位)$")


def _places_of(a: str, b: str) -> bool:
    """Whether ``a`` counts the places (托额, 学位, 床位) of what ``b`` counts itself:
    公办幼儿园托班托额 are places in the classes 公办幼儿园托班 counts."""
    m = _PLACES_RE.search(a)
    return m is not None and m.group() not in b and a[: m.start()].endswith(b[-2:])


_TWO_RE = re.compile(r"(?P<x>[^和及与、]{2,})(?:和|及|与)(?P<y>[^和及与、]{2,})")


def _one_of_two(a: str, b: str) -> bool:
    """Whether ``a`` joins two nouns (X和Y) and ``b``, joining none, names only one of them."""
    m = _TWO_RE.fullmatch(a)
    if m is None or _TWO_RE.fullmatch(b):
        return False
    x, y = m.group("x"), m.group("y")
    return (x in b) != (y in b)


def measures_differ(a: str, b: str) -> bool:
    """Whether two indicator names name different measures of one family (可支配 vs 纯收入),
    firms or projects of different sizes (国有大型企业 vs 国有小企业, or vs firms of any size),
    a ratio to a unit of output and the output, or shares of different parts."""
    for family in MEASURES:
        ma = {m for m in family if m in a}
        mb = {m for m in family if m in b}
        if ma and mb and not ma & mb:
            return True
    if _one_of_two(a, b) or _one_of_two(b, a):
        return True  # 跨国公司地区总部和外资研发中心 counts both, not the headquarters alone
    if (
        a.endswith("率")
        and b.endswith("率")
        and bool(_HELPED_RE.search(a)) != bool(_HELPED_RE.search(b))
    ):
        return True  # 离校未就业毕业生帮扶就业率 is not 应届大学毕业生就业率
    if bool(_PER_UNIT_RE.search(a)) != bool(_PER_UNIT_RE.search(b)):
        return True  # 单位国内生产总值能耗 is energy per unit of output, not the output
    if size_of(a) != size_of(b):
        return True  # 大型水利工程 are some of the 水利工程, not all of them
    if _titles_differ(a, b) or _places_of(a, b) or _places_of(b, a):
        return True  # 美丽乡村示范村 are not 乡村振兴示范村; 托班托额 are places, not classes
    pa, pb = share_part(a), share_part(b)
    if pa and pb and pa not in pb and pb not in pa:
        return True
    ea, eb = sectors_of(pa or a), sectors_of(pb or b)
    return bool(ea and eb and ea != eb)


NAME_CACHE = 1 << 15
"""Indicator names whose parsed parts (share, size, sectors) each process keeps: pairing
weighs every name against many others; a series holds some ten thousand names."""

_SECTOR_RE = re.compile(r"工农业|轻纺工业|轻工业|重工业|手工业|工业|农业")
_SAME_SECTOR = {"轻纺工业": "轻工业"}
"""轻纺工业 (light and textile industry) is light industry: textiles are counted in it."""


@lru_cache(maxsize=NAME_CACHE)
def sectors_of(name: str) -> frozenset[str]:
    """The sectors a name is of (工业总产值 → 工业; 工农业总产值 → 工农业, both together),
    empty when it names none. Industry's output is not agriculture's nor both together's;
    a name with no sector (总产值) is left to its sentence."""
    return frozenset(_SAME_SECTOR.get(s, s) for s in _SECTOR_RE.findall(name))


_SHARE_RES = (
    re.compile(r"(?P<part>.+?)在(?P<whole>.+?)中所?占的?(?:比重|比例)$"),
    re.compile(r"^在?(?P<whole>.+?)中(?P<part>.+?)所?占的?(?:比重|比例)$"),
    re.compile(r"(?P<part>.+?)所?占(?P<whole>.+?)的?(?:比重|比例)$"),
)


def _share(name: str) -> tuple[str, str] | None:
    for pattern in _SHARE_RES:
        m = pattern.search(name)
        if m is not None:
            return m.group("part"), m.group("whole").removesuffix("的")
    return None


@lru_cache(maxsize=NAME_CACHE)
def share_part(name: str) -> str:
    """The part a share is of (现代工业在工业农业总产值中所占的比重 and 在工农业生产总值中现代
    工业所占的比重 → 现代工业), '' when the name is no share or says no part. Shares of
    different parts differ: 公私合营的工业的产值在工业总产值中所占的比重 is not 生产资料的生产在
    工业总产值中所占的比重, though the whole and most words are the same."""
    share = _share(name)
    return "" if share is None else share[0].removesuffix("的产值").removesuffix("的")


_PLAN_ONLY_RE = re.compile(
    r"(?:超过|超额完成|完成)?(?:原定|原来)?的?(?:年度|五年)?计划(?:的|规定)?"
)


def plan_only(name: str) -> bool:
    """Whether a name is only the plan a figure was set against (超过原定的年度计划4.1%):
    whose plan it was, the sentence said before; alone it names nothing."""
    return _PLAN_ONLY_RE.fullmatch(name) is not None


def share_name(name: str) -> str:
    """A share's name in one word order: X在Y中所占的比重, as 在Y中X所占的比重 and X占Y的比重
    say it; other names unchanged."""
    share = _share(name)
    if share is not None and not share[1]:
        return f"{share[0]}所占的比重"  # 积累所占的比重: the whole is the sentence's, unsaid
    return name if share is None else f"{share[0]}在{share[1]}中所占的比重"


_TOTAL_AMOUNT_RE = re.compile(r"总(?P<what>[\u4e00-\u9fff]{2})额")
_DONE_TO_RE = re.compile(
    r"(?P<verb>加装|改造|整治|修缮|翻修)"
    r"(?P<object>(?:(?!竣工|完工|开工)[\u4e00-\u9fff]){2,4}?)(?=竣工|完工|开工|$)"
)


DEFINED = {"积累率": "积累在国民收入中所占的比重"}
"""Statistics named by their definition as often as by their name (the accumulation rate is
accumulation's share of national income)."""


# 农业和副业总产值, 农业和农副业总产值, 农业及其副业的总产值: the 1950s' name for what later
# reports call 农业总产值 (its sideline output was always counted in it)
_SIDELINE_RE = re.compile(r"(?<=农业)(?:和|及其|及|与)(?:农村|农)?副业的?(?=总产值)")


def one_order(name: str) -> str:
    """A name in one word order where two orders say one measure: 总投资额 is 投资总额
    (基本建设总投资额, 基本建设投资总额), and a thing named before what is done to it
    (电梯加装) is the deed with its object (加装电梯): 电梯加装完工 and 加装电梯竣工 count one
    thing. Agriculture's gross output named with its sideline (农业和副业总产值) is 农业总产值."""
    name = DEFINED.get(name, name)  # 积累率 is 积累在国民收入中所占的比重
    name = _SIDELINE_RE.sub("", name)
    name = _TOTAL_AMOUNT_RE.sub(r"\g<what>总额", name)
    return _DONE_TO_RE.sub(r"\g<object>\g<verb>", name)


_SIZE_RE = re.compile(
    r"(?<![缩减变扩放加])(?P<size>特大型|大中型|大型|中型|中小型|中小|小型|小微|小)"
    r"(?=(?:国有|国营|工业|民营|私营|科技型|水利|建设|发电)?(?:企业|项目|工程|机组))"
)
_SIZES = {"特大型": "大型", "中小型": "中小", "小型": "小", "小微": "小"}


@lru_cache(maxsize=NAME_CACHE)
def size_of(name: str) -> str:
    """The size class a name gives its firms or projects (国有大型企业 → 大型; 国有小企业 →
    小; 中小企业 → 中小), '' when it gives none. Large firms are not small ones: 抓好1000户
    国有大型企业 and 全国有24万多户国有小企业 count different firms."""
    m = _SIZE_RE.search(name)
    return _SIZES.get(m.group("size"), m.group("size")) if m else ""


_FUND_NAME_RE = re.compile(
    r"(?:安排|拿出|投入|筹集|下达)(?P<what>[\u4e00-\u9fff]{2,12}?)(?:专项)?资金$"
)


def funds_for_other_ends(a: str, b: str) -> bool:
    """Whether two funds' names say they are for different things: 安排再就业补助资金 and
    安排再就业资金 are one fund; 安排再就业资金 and 安排扶贫资金 two."""
    ma, mb = _FUND_NAME_RE.search(a), _FUND_NAME_RE.search(b)
    if ma is None or mb is None:
        return False
    wa, wb = ma.group("what"), mb.group("what")
    return wa not in wb and wb not in wa


_POINTING_BACK_RE = re.compile(r"此项|这项|该项|上述|这些|这方面|此类|它的|它们的")


def points_back(name: str) -> bool:
    """Whether a name points back to what its sentence said before (中央财政此项支出): it
    names nothing by itself, so it never meets a name of its own (中央财政支出)."""
    return _POINTING_BACK_RE.search(name) is not None


_LAWS_RE = re.compile(r"(?:法律|法规|规章|条例|议案|(?<![办方做想看说算手])法)(?:草案|案)?$")
"""Laws and regulations (行政法规, 物权法, 议案); not 办法, 方法, 做法 (ways of doing)."""


def count_class(unit_class: str, name: str) -> str:
    """The class of a count's classifier, with 个 read as 件 for laws and regulations:
    22部行政法规 and 29个行政法规 count the same things (28部 and 32件 already do). A bare
    万 or 亿 of people counts people: 农村贫困人口比上年减少290万 vs …245万人, 有4.1亿农民参加
    vs 参合农民达到7.3亿人, 再扫除350万青壮年文盲 vs 扫除青壮年文盲300万人左右."""
    if unit_class == "个" and _LAWS_RE.search(name):
        return "件"
    if not unit_class and names_people(name):
        return "人"
    return unit_class


WHOLE_NAMES = frozenset({"人口"})
"""Two-character names that say what they count alone: 人口 (全国人口, 我国人口 once the
whole country is trimmed off, as 全国进出口总额 is 进出口总额) is the country's population,
as definite a measure as any longer name. Two figures named so may pair where a shorter
name is refused (产量, 企业: of what, the name does not say)."""

_OUTPUT_MEASURES = ("国内生产总值", "国民生产总值")


def headline_growth(a: str, b: str) -> bool:
    """Whether one growth figure is 经济增长 (the economy's growth, as targets name it) and
    the other the growth of the headline output measure (国内生产总值, 国民生产总值): the
    same figure. GDP and GNP themselves stay apart (:func:`measures_differ`)."""
    return {a, b} & {"经济增长"} != set() and any(n in _OUTPUT_MEASURES for n in (a, b))


ACTIONS = ("新开工", "开工", "竣工", "完工", "建成", "投用", "开业", "签约", "供应", "筹措",
            "启动", "验收", "交付")  # fmt: skip


def actions_of(name: str) -> frozenset[str]:
    """The action words of a name (开工 vs 竣工, 筹措 vs 供应: different facts)."""
    found = {a for a in ACTIONS if a in name}
    if "新开工" in found:
        found.discard("开工")
    if "完工" in found:  # 完工 and 竣工 both say finished: 电梯加装完工, 加装电梯竣工
        found = (found - {"完工"}) | {"竣工"}
    return frozenset(found)


_HOUSING_AREA_RE = re.compile(r"(?<=住[宅房])的?面积$")
_HOUSING_BUILT_RE = re.compile(r"建成(?:交付使用)?的?(?=[\u4e00-\u9fff]{0,4}住[宅房])")


def housing_name(name: str) -> str:
    """Housing's floor space however named, as a person reads it in every report: 住宅面积
    is 住宅 measured in 平方米 (职工住宅面积共达… is 职工住宅), and housing 建成 (建成交付使用
    的) in a year is housing 新建 (城镇建成住宅 and 城镇新建住宅 are one measure). Not per head
    (人均住房面积) nor work in progress (施工面积, 竣工面积 keep their word).

    >>> housing_name("职工住宅面积"), housing_name("城镇建成住宅"), housing_name("人均住房面积")
    ('职工住宅', '城镇新建住宅', '人均住房面积')
    """
    if "人均" in name or "每" in name:
        return name
    return _HOUSING_BUILT_RE.sub("新建", _HOUSING_AREA_RE.sub("", name))


_PER_HEAD_RE = re.compile(r"(?:平均每人|每人平均|按人口平均)(?:全年)?的?|人均(?:全年)?的?")
_LIVING_COST_RE = re.compile(r"可用于生活费的?收入")


def per_head_name(name: str) -> str:
    """An income per head however worded: 平均每人 and 按人口平均 are 人均, and 可用于生活费的
    收入 is 生活费收入, the households' income for living expenses.

    >>> per_head_name("农民平均每人的纯收入"), per_head_name("城市职工家庭平均每人全年可用于生活费的收入")
    ('农民人均纯收入', '城市职工家庭人均生活费收入')

    每人 alone (每人收入 of a commune) keeps its words.
    """
    return _LIVING_COST_RE.sub("生活费收入", _PER_HEAD_RE.sub("人均", name))


_TRACK_RE = re.compile(r"(?:铁路)?复线(?:里程)?")


def track_name(name: str) -> str:
    """Double track however named: 复线 is a railway's, and 复线里程 is its length, which a
    figure in 公里 gives anyway.

    >>> track_name("铁路复线里程"), track_name("复线"), track_name("铁路新线和复线")
    ('铁路复线', '铁路复线', '铁路新线和复线')
    """
    return "铁路复线" if _TRACK_RE.fullmatch(name) else name
