"""Rules of reading found on reports of two regions in one year and on a one-year review
against a five-year review (bench/gold pudong-2023-huangpu-2023 and 2007-2008).

Each rule is one a person would state for every report; each test reads real text (the
bundled samples or the corpus).
"""

from __future__ import annotations

from functools import cache

from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.facts import fact_name
from reportdiff.core.analysis.namerules import measures_differ
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.comparison import NumberPair, Quantity
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample


@cache
def sample(sample_id: str) -> Report:
    return load_sample(sample_id)


def figure(r: Report, printed: str, name_part: str) -> Quantity:
    """The one figure of ``r`` printed as ``printed`` whose indicator holds ``name_part``."""
    found = [q for q in extract_quantities(r) if q.text == printed and name_part in q.indicator]
    assert len(found) == 1, (printed, name_part, [q.indicator for q in found])
    return found[0]


@cache
def districts() -> tuple[NumberPair, ...]:
    return pairs(sample("pudong-2023"), sample("huangpu-2023"))


@cache
def pairs_2007_2008() -> tuple[NumberPair, ...]:
    return pairs(national(2007), national(2008))


# ------------------------------------------------------------------ added vs how many there are


def test_an_item_reaching_a_level_takes_no_new_from_the_list() -> None:
    """黄浦: 外资研发中心新增到6家、跨国公司地区总部达74家. The headquarters item says the level
    it reached (达): the 新增 of the item before is not its, and a count reached with nothing
    said added is how many there are."""
    q = figure(sample("huangpu-2023"), "74家", "跨国公司地区总部")
    assert "新增" not in q.qualifiers
    assert q.stock == "stock"


def test_new_certification_says_added_not_what() -> None:
    """浦东: 新认定跨国公司地区总部30家、累计达到449家. 新认定 says the 30 came in the year (kept
    as a flow), not what is counted: the 449 in all are 跨国公司地区总部, as 黄浦's 74 are."""
    assert fact_name("新认定跨国公司地区总部") == fact_name("跨国公司地区总部")
    pudong = sample("pudong-2023")
    assert figure(pudong, "30家", "跨国公司地区总部").stock == "flow"
    assert figure(pudong, "449家", "跨国公司地区总部").stock == "stock"
    assert partner(districts(), 0, "449家") == "74家"
    # the year's new headquarters never meet the other district's total
    assert partner(districts(), 1, "74家") != "30家"


# ------------------------------------------------------------------ an aim quoted in a review


def test_an_aim_named_in_a_review_is_a_target() -> None:
    """2007: 全国没有实现年初确定的单位国内生产总值能耗降低4%左右、主要污染物排放总量减少2%的
    目标. Both figures stand between 确定的 and 目标: what was aimed at, not what happened,
    so the 4% never meets 2008's result (能耗比上年下降3.27%)."""
    r = national(2007)
    assert quantity(r, "4%").role == "target"
    assert quantity(r, "2%").role == "target"
    # the result just before (转为下降1.2%) stays a result
    assert figure(r, "1.2%", "能耗").role == "result"
    assert partner(pairs_2007_2008(), 1, "3.27%") != "4%"


# ------------------------------------------------------------------ a ratio to a unit of output


def test_energy_per_unit_of_output_is_not_the_output() -> None:
    """2008: 2007年单位国内生产总值能耗比上年下降3.27%; 2007: 国内生产总值…比上年增长10.7%.
    Energy per unit of GDP is another measure than GDP, though its name holds GDP's."""
    assert measures_differ("单位国内生产总值能耗", "国内生产总值")
    assert measures_differ("万元GDP能耗", "GDP")
    assert not measures_differ("单位国内生产总值能耗", "单位国内生产总值能源消耗")
    assert partner(pairs_2007_2008(), 1, "3.27%") != "10.7%"


# ------------------------------------------------------------------ a turn, a verb of handling


def test_a_turn_is_of_the_noun_before_from() -> None:
    """2007: 单位国内生产总值能耗由前三年分别上升4.9%、5.5%、0.2%，转为下降1.2%. 转为 names
    nothing: the turn is of the noun before 由, which meets 2008's 能耗比上年下降3.27%. The
    turn of two nouns (化学需氧量、二氧化硫排放量…，减为增长1.2%和1.8%) is not given one."""
    r = national(2007)
    energy = figure(r, "1.2%", "能耗")
    assert energy.indicator == "单位国内生产总值能耗"
    assert figure(r, "1.8%", "").indicator == "减"
    found = [p for p in pairs_2007_2008() if p.values[0] == energy]
    assert [p.values[1].text for p in found if p.values[1]] == ["3.27%"]


def test_handling_is_no_part_of_what_was_handled() -> None:
    """浦东: 办理人大代表建议151件; 黄浦: 区政府系统办理完成区人大代表建议72件. 办理 is what was
    done to the proposals, not what they are: the two districts' counts meet."""
    assert figure(sample("pudong-2023"), "151件", "").indicator == "人大代表建议"
    assert partner(districts(), 0, "151件") == "72件"


# ------------------------------------------------------------------ audit of the samples' pairs


def test_firms_certified_in_the_year_are_not_all_certified_firms() -> None:
    """黄浦: 认定高新技术企业61家 (certified in 2023, as 浦东's 新认定…1703家); 静安: 高新技术企业
    达540家, 上海: 高新技术企业超过2.4万家 (how many there are: a count reached or passed)."""
    assert figure(sample("huangpu-2023"), "61家", "高新技术企业").stock == "flow"
    assert figure(sample("shanghai-2023"), "2.4万家", "高新技术企业").stock == "stock"
    assert partner(pairs(sample("huangpu-2023"), sample("jingan-2023")), 0, "61家") != "540家"
    assert partner(pairs(sample("pudong-2023"), sample("shanghai-2023")), 0, "1703家") != "2.4万家"
    assert partner(districts(), 1, "61家") == "1703家"


def test_two_nouns_counted_together_are_not_one_of_them() -> None:
    """杨浦 2023: 新增跨国公司地区总部和外资研发中心3家 (both together, as its plan report's
    新增 3 家跨国公司地区总部和外资研发中心 says) is not 静安's 新增跨国公司地区总部12家."""
    assert measures_differ("跨国公司地区总部和外资研发中心", "跨国公司地区总部")
    assert not measures_differ("架空线入地和合杆整治", "架空线入地和箱杆整治")
    plan = figure(sample("yangpu-2023-plan"), "3 家", "跨国公司")
    assert plan.indicator == "跨国公司地区总部和外资研发中心"
    # a count after 和 is an item of its own: 160条具体举措和十大特色品牌
    assert {
        q.indicator for q in extract_quantities(sample("yangpu-2023")) if q.text == "160条"
    } == {"具体举措"}
    assert partner(pairs(sample("jingan-2023"), sample("yangpu-2023")), 0, "12家") != "3家"
    ps = pairs(sample("yangpu-2023"), sample("yangpu-2023-plan"))
    assert partner(ps, 0, "3家") == "3 家"


def test_a_key_group_is_not_everyone() -> None:
    """杨浦 2023: 家庭医生重点人群签约率超过80%; its plan report: 签约覆盖率 40.22% (of all
    residents). A rate of the key groups is not the whole population's."""
    ps = pairs(sample("yangpu-2023"), sample("yangpu-2023-plan"))
    assert partner(ps, 0, "80%") != "40.22%"


def test_comparable_growth_names_the_output() -> None:
    """黄浦: 地区生产总值可比增长5% (at comparable prices): 可比 says how the growth is
    counted, so the target is named 地区生产总值, as 浦东's 地区生产总值增长6%左右."""
    assert figure(sample("huangpu-2023"), "5%", "地区生产总值").indicator == "地区生产总值"


# ------------------------------------------------------------------ people a scheme reached


def test_people_a_scheme_reached_are_its_members() -> None:
    """2006: 新型农村合作医疗制度试点已扩大到671个县，惠及1.77亿农民; 2007: …试点范围扩大到
    1451个县…，有4.1亿农民参加; 2008: 参合农民达到7.3亿人. The farmers reached are the
    scheme's members (参合农民), and a bare 亿 of 农民 counts people, as 7.3亿人 does."""
    assert quantity(national(2006), "1.77亿").indicator == "参加新型农村合作医疗农民"
    assert quantity(national(2007), "4.1亿").indicator == "参加新型农村合作医疗农民"
    assert partner(pairs(national(2006), national(2007)), 0, "1.77亿") == "4.1亿"
    assert partner(pairs_2007_2008(), 0, "4.1亿") == "7.3亿人"
    # 1509万农民享受了农村最低生活保障 is no scheme reaching them (享受, not 惠及/参加)
    assert "合作医疗" not in quantity(national(2007), "1509万").indicator


# ------------------------------------------------------------------ programmes named in quotes


def test_a_quoted_programme_is_not_another_programme() -> None:
    """黄浦's target: “两旧”改造受益居民3000户以上; 浦东's plan: “城中村”改造重点聚焦外环线内
    点位、受益居民1.3万户. The bare 受益居民 is of its sentence's programme (城中村), not of
    the one the other name quotes (两旧), though its name is inside the other."""
    from reportdiff.core.analysis.programmes import quoted_terms

    pudong = sample("pudong-2023")
    q = figure(pudong, "1.3万户", "受益居民")
    assert "城中村" in quoted_terms(pudong.text, q)
    assert partner(districts(), 1, "3000户") != "1.3万户"
    # the same programme's figures still meet: yangpu's “美丽家园” in its two 2023 reports
    ps = pairs(sample("yangpu-2023"), sample("yangpu-2023-plan"))
    assert partner(ps, 0, "52万平方米") == "52万平方米"
