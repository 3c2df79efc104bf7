"""Rules an analyst keeps when two reports are of two regions (two districts, a district and
its city) or of two levels of government.

- Across two regions only named indicators meet: a bare count of 项目, 举措, 活动 or 事项
  (金陵路一期等11个项目开工建设) says nothing of what is counted, so two regions' counts of
  it are no one indicator. One region's reports (a work report and its plan report, one year
  and the next) keep them: there the projects are the same region's.
- A title given at one level (国家企业技术中心, 市级乡村振兴示范村, 国家高新技术企业) is not
  the one given at another: an unqualified name is of the report's own level, so a district's
  企业技术中心 are not its 国家企业技术中心, while a district's 市级乡村振兴示范村 are what its
  city's report calls 乡村振兴示范村. 区级 in a district's report, 市级 in a city's, 国家 in
  the State Council's name the report's own level and add nothing.
- A figure a report quotes for the whole country or the world (在国家层面复制推广的302项…,
  与全国18家交易场所) is not the report's region's: it meets no figure of another report below
  the national level.
- A sentence that opens on a zone's name (临港新片区…, 张江科学城…, 长三角生态绿色一体化发展
  示范区…) speaks of that zone: its figures meet only figures of the same zone. Where the zone
  is the topic of the first clause alone (跨境电商综合试验区建设深入推进, …“新三样”出口分别增长…)
  the rule leaves pairs unmade, the safe side.
- A plan's version (优化营商环境6.0版) is of whoever issued the plan: a district's own plan
  (制定优化营商环境5.0版, 区优化营商环境6.0版) is not the city's (落实市优化营商环境6.0版, a city's
  优化营商环境6.0版), though their numbers run alike.
- A programme named in quotes on one side and not on the other (see
  :mod:`reportdiff.core.analysis.programmes`).

Used by :mod:`reportdiff.core.analysis.pairing` when two facts are weighed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from reportdiff.core.analysis.programmes import programme_apart, sentence_start
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import ReportMeta

__all__ = ["apart", "generic_count", "plan_owner", "quoted_above", "tier_of", "whose", "zone_of"]


class _Fact(Protocol):
    """What :func:`apart` needs of a fact."""

    name: str
    quoted: frozenset[str]
    meta: ReportMeta | None
    whose: str

    @property
    def rep(self) -> Quantity: ...


# 项目 (开工, 完工, 建设…), 举措, 活动, 事项 heading a name: what the count is of, its name
# does not say (重大项目开工 too); 实事项目, 改革举措, 民心工程 name a programme
_GENERIC_RE = re.compile(r"^(?:重大|重点|各类|各项)?(?:项目|举措|措施|活动|事项)")

# level words and the rank of the level they name
_TIER_RE = re.compile(r"国家级|国家|全国|省级|市级|区级|县级")
_TIER_RANK = {"国家级": 4, "国家": 4, "全国": 4, "省级": 3, "市级": 2, "区级": 1, "县级": 1}
_LEVEL_RANK = {"national": 4, "province": 3, "prefecture": 2, "county": 1}

# a whole beyond the region opening the figure's clause: 在国家层面复制推广的302项, 与全国18家
_ABOVE_RE = re.compile(r"全国|国家层面|全球|世界")
_SHARE_BEFORE_RE = re.compile(r"(?:占|居|位居|位列|列)(?:全国|全球|世界)")
_CLAUSE_ENDS = "，,；;。：:！？!?\n"


def generic_count(name: str) -> bool:
    """Whether ``name`` is a bare count of projects, measures, events or matters."""
    return bool(_GENERIC_RE.match(name))


@lru_cache(maxsize=256)
def _own_ranks(meta: ReportMeta) -> frozenset[int]:
    """The ranks the report's own level goes by: a municipality (上海市, a province) calls
    itself 市; a county-level city (昆山市, a county) calls its own titles 市级 too; a
    district 区 or 县."""
    rank = _LEVEL_RANK.get(meta.level)
    if rank is None:
        return frozenset()
    if rank in (1, 3) and meta.region.endswith("市"):
        return frozenset({rank, 2})
    return frozenset({rank})


@lru_cache(maxsize=1 << 15)
def tier_of(name: str, meta: ReportMeta) -> int | None:
    """The rank of the level a name's title is given at when it names another level than its
    report's (国家企业技术中心 in a district's report: 4), else None."""
    own = _own_ranks(meta)
    ranks = {_TIER_RANK[w] for w in _TIER_RE.findall(name)} - own
    return max(ranks) if ranks else None


def _tiers_differ(a: _Fact, b: _Fact) -> bool:
    if a.meta is None or b.meta is None:
        return False
    own_a, own_b = _own_ranks(a.meta), _own_ranks(b.meta)
    if not own_a or not own_b:
        return False  # a report of unknown level: whose level its names speak of is unknown
    ta, tb = tier_of(a.name, a.meta), tier_of(b.name, b.meta)
    if ta == tb:
        return False
    if ta is None:
        return tb not in own_a  # a city's 乡村振兴示范村 are 市级 ones
    if tb is None:
        return ta not in own_b
    return True


def quoted_above(text: str, q: Quantity, meta: ReportMeta) -> str:
    """The whole beyond the report's region that ``q``'s clause names before it (全国, 国家
    层面, 全球), in a report below the national level; '' when none (a share of the whole,
    约占全国…, is the region's own)."""
    if meta.level in ("national", "unknown"):
        return ""
    start = max(text.rfind(c, 0, q.span.start) for c in _CLAUSE_ENDS) + 1
    before = text[start : q.span.start]
    found = _ABOVE_RE.search(before)
    if found is None or _SHARE_BEFORE_RE.search(before):
        return ""
    return found.group()


# a zone's name opening a sentence: a name, not a deed on a zone (推进…示范区) nor a count
# of zones (四个经济特区)
_ZONE_RE = re.compile(
    r"[^，,；;：:。、\d]{2,14}?(?:新片区|示范区|开发区|高新区|科学城|商务区|保税区|试验区|自贸区)"
)
_NOT_A_NAME_RE = re.compile(r"推进|推动|加快|深化|启动|总结|统筹|全面|持续|建设|打造|创建|个|这些")


def zone_of(text: str, q: Quantity) -> str:
    """The zone whose name opens ``q``'s sentence (临港新片区), or ''."""
    start = sentence_start(text, q.span.start)
    found = _ZONE_RE.match(text, start, q.span.start)
    if found is None or _NOT_A_NAME_RE.search(found.group()):
        return ""
    return found.group()


def whose(text: str, q: Quantity, meta: ReportMeta) -> str:
    """Whose figure ``q`` is when not its report's region's: a whole beyond it
    (:func:`quoted_above`) or a zone within it (:func:`zone_of`); '' for the region's."""
    return quoted_above(text, q, meta) or zone_of(text, q)


def _regions_differ(a: _Fact, b: _Fact) -> bool:
    if a.meta is None or b.meta is None:
        return False
    ra, rb = a.meta.region, b.meta.region
    return bool(ra and rb and ra != rb)


def _quotes_national(a: _Fact, b: _Fact) -> bool:
    """Whether ``a`` is a country's figure quoted below and ``b`` the country's own."""
    national = b.meta is not None and b.meta.level == "national"
    return national and not b.whose and bool(_ABOVE_RE.fullmatch(a.whose))


_OWN_PLANNER = {"county": "county", "prefecture": "city", "national": "national"}


# The plan's issuer named in a version's name: 全市/本市/市级…, or 市 (区, 县) alone opening
# the name or after what is done to a plan (落实市…, 发布区…), never inside another word
# (市场, 市民, 示范区, 开发区, 地区).
_PLAN_VERBS = r"(?:落实|发布|制定|实施|出台|执行|贯彻|推进|推动|对标|深化|编制|印发)"
_CITY_OWNER_RE = re.compile(rf"全市|本市|市级|市委|市政府|(?:^|{_PLAN_VERBS})市(?![场民])")
_COUNTY_OWNER_RE = re.compile(
    rf"全[区县]|本[区县]|[区县]级|[区县]委|[区县]政府|(?:^|{_PLAN_VERBS})[区县](?![域块])"
)


def plan_owner(name: str, meta: ReportMeta) -> str:
    """Who issued the plan a version (版) numbers: the city when the name says so (落实市…,
    全市…), a district when it says 区 or 县 (发布区…, 全区…), else the report's own
    government; '' if unknown. 市场化 or 示范区 inside the name say nothing of the issuer."""
    if _CITY_OWNER_RE.search(name):
        return "city"
    if _COUNTY_OWNER_RE.search(name):
        return "county"
    if meta.level == "province":
        return "city" if meta.region.endswith("市") else "province"
    return _OWN_PLANNER.get(meta.level, "")


def _plans_differ(a: _Fact, b: _Fact) -> bool:
    if a.meta is None or b.meta is None or a.rep.unit != "版" or b.rep.unit != "版":
        return False
    oa, ob = plan_owner(a.name, a.meta), plan_owner(b.name, b.meta)
    return bool(oa and ob and oa != ob)


def apart(a: _Fact, b: _Fact) -> bool:
    """Whether two facts of two reports can be no one figure for the rules above."""
    if programme_apart(a, b):
        return True
    if a.whose != b.whose and not _quotes_national(a, b) and not _quotes_national(b, a):
        return True  # 302项 reforms copied nationwide are not 24 of a city's zone
    if _regions_differ(a, b) and (generic_count(a.name) or generic_count(b.name)):
        return True  # 11个项目开工建设 in one district, 570个项目建设 in another
    return _tiers_differ(a, b) or _plans_differ(a, b)
