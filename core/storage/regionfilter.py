"""Region filters: the reports of a region and of the places under it (上海 → 杨浦区…)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["RegionMatch", "match_regions"]


@dataclass(frozen=True)
class RegionMatch:
    """What a ``--region`` query matched among the regions of the library."""

    query: str
    """The query as given: part of a Chinese name (上海, 杨浦区) or a pinyin reading."""
    direct: tuple[str, ...]
    """Regions whose own name contains the query, or whose reading it is (上海市 for 上海
    or shanghai)."""
    under: tuple[str, ...]
    """Regions that lie under a division the query names (杨浦区, 徐汇区 under 上海市)."""
    parents: tuple[str, ...]
    """The divisions of the official list, named by the query, that ``under`` lie in."""

    @property
    def regions(self) -> tuple[str, ...]:
        """Every region matched, direct ones first."""
        return self.direct + self.under


def _names(query: str, name: str, readings: dict[str, str]) -> bool:
    """Whether ``query`` names the division ``name``: part of its name, or its reading."""
    return query in name or readings.get(name) == query.lower()


def match_regions(query: str, regions: Iterable[str]) -> RegionMatch:
    """Which of ``regions`` (full names, as reports give them) the query matches.

    A region matches when its name contains the query, or when every division of the
    official list with its name lies under one the query names (its prefecture or its
    province): 上海 or shanghai finds 上海市 and its districts, 江苏 the cities and
    counties of 江苏省. A name found in several places (朝阳区 in 北京市 and in 长春市)
    matches through a parent only when all of them lie under it: a filter on 北京 does
    not claim a 朝阳区 report that may be 长春's.
    """
    from reportdiff.core.text.regions import canonical_region, divisions, listed_readings

    listed = divisions()
    readings = listed_readings()
    direct: list[str] = []
    under: list[str] = []
    parents: set[str] = set()
    for region in sorted(set(regions)):
        full = region if region in listed else canonical_region(region)
        if query in region or _names(query, full or region, readings):
            direct.append(region)
            continue
        places = listed.get(full or "", ())
        above = [
            [a for a in (d.parent, d.province) if a and a != d.name and _names(query, a, readings)]
            for d in places
        ]
        if places and all(above):
            under.append(region)
            parents.update(a for names in above for a in names)
    return RegionMatch(query, tuple(direct), tuple(under), tuple(sorted(parents)))
