"""Rules an analyst keeps when two reports are of two regions or two levels of government
(issue 10, point 5), each read on the bundled samples' real text.

- across two regions a bare count of 项目 is no indicator; within one region's reports it is;
- a title given at one level (国家企业技术中心) never meets the unqualified or differently
  qualified one, an unqualified name being of its report's own level;
- a national figure quoted in a district's report is not the district's, nor a zone's
  (临港新片区's) its city's;
- a model title of one programme (美丽乡村示范村) is not another's (乡村振兴示范村), places
  (托额) are not what holds them (托班), a quoted programme not an unnamed one.
"""

from __future__ import annotations

from functools import cache

from engine_support import pairs, partner
from reportdiff.core.analysis.namerules import measures_differ
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.regions import generic_count, quoted_above, tier_of, zone_of
from reportdiff.core.comparison import NumberPair, Quantity
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample


@cache
def sample(sample_id: str) -> Report:
    return load_sample(sample_id)


@cache
def between(a: str, b: str) -> tuple[NumberPair, ...]:
    return pairs(sample(a), sample(b))


def figure(r: Report, printed: str, name_part: str) -> Quantity:
    found = [q for q in extract_quantities(r) if q.text == printed and name_part in q.indicator]
    assert len(found) == 1, (printed, name_part, [q.indicator for q in found])
    return found[0]


# ------------------------------------------------------------------ bare counts of projects


def test_two_regions_bare_project_counts_never_meet() -> None:
    """黄浦: 金陵路一期等11个项目开工建设, 南外滩环卫大楼等5个项目完工; 浦东: 累计完成570个项目
    建设; 杨浦: 淞沪路等9个项目完工, 政本路、凤城路等11个项目开工. Which projects, the counts
    do not say: two districts' are no one indicator."""
    assert generic_count("项目开工建设") and generic_count("重大项目开工")
    assert not generic_count("为民办实事项目") and not generic_count("民心工程")
    assert partner(between("huangpu-2023", "pudong-2023"), 0, "11个") is None
    assert partner(between("yangpu-2023", "huangpu-2023"), 0, "9个") != "5个"
    assert partner(between("yangpu-2023", "huangpu-2023"), 0, "11个") != "11个"
    assert partner(between("yangpu-2023-plan", "jingan-2023"), 0, "11 个") != "10个"
    assert partner(between("yangpu-2023-plan", "pudong-2023"), 0, "11 个") != "82个"
    # one district's work report and plan report count the same projects
    same = between("yangpu-2023", "yangpu-2023-plan")
    assert partner(same, 0, "9个") == "9 个"
    assert partner(same, 0, "11个") == "11 个"
    # named programmes' counts still meet across districts
    assert partner(between("huangpu-2023", "pudong-2023"), 0, "20项") == "58项"


# ------------------------------------------------------------------ levels of a title


def test_a_title_of_one_level_is_not_the_unqualified_one() -> None:
    """杨浦 2023: 国家企业技术中心6家, 国家高新技术企业1300家; its plan report: 企业技术中心累计
    培育100家 (any level); 静安: 高新技术企业达540家. A title given nationally is not the one
    named without a level in a district's report."""
    yangpu, jingan = sample("yangpu-2023"), sample("jingan-2023")
    assert tier_of("国家企业技术中心", yangpu.meta) == 4
    assert tier_of("区级民营企业总部", sample("huangpu-2023").meta) is None  # its own level
    assert tier_of("市级乡村振兴示范村", sample("shanghai-2023").meta) is None
    assert partner(between("yangpu-2023", "yangpu-2023-plan"), 0, "6家") != "100 家"
    assert partner(between("yangpu-2023", "jingan-2023"), 0, "1300家") != "540家"
    assert figure(jingan, "540家", "高新技术企业").indicator == "高新技术企业"


def test_own_level_words_add_nothing() -> None:
    """浦东: 推进9个市级乡村振兴示范村创建; 上海: 建设28个乡村振兴示范村 (the city's own are
    市级). 黄浦: 新增区级民营企业总部5家; 静安: 新增民营企业总部3家 (each district's own).
    黄浦's 区级一般公共预算收入 is what 浦东 calls 一般公共预算收入."""
    assert partner(between("pudong-2023", "shanghai-2023"), 0, "9个") == "28个"
    assert partner(between("jingan-2023", "huangpu-2023"), 0, "3家") == "5家"
    assert partner(between("huangpu-2023", "pudong-2023"), 0, "282.18亿元") == "1300.81亿元"


# ------------------------------------------------------------------ a whole beyond the region


def test_a_national_figure_quoted_by_a_district_is_not_its_own() -> None:
    """浦东: 在国家层面复制推广的302项自贸试验区制度创新成果中, 源自上海…占比近一半; 上海:
    长三角…示范区新推出…24项制度创新成果. The 302 are the country's; a share of a whole
    (集成电路销售收入…约占全市75%) is the district's own."""
    pudong = sample("pudong-2023")
    assert quoted_above(pudong.text, figure(pudong, "302项", "制度创新成果"), pudong.meta)
    share = figure(pudong, "75%", "集成电路")
    assert not quoted_above(pudong.text, share, pudong.meta)
    plan = sample("yangpu-2023-plan")
    assert quoted_above(plan.text, figure(plan, "18 家", "交易场所"), plan.meta) == "全国"
    assert partner(between("pudong-2023", "shanghai-2023"), 0, "302项") is None


# ------------------------------------------------------------------ titles, places, programmes


def test_a_model_title_of_one_programme_is_not_another() -> None:
    """浦东: 泥城镇海关村等8个村成功创建市级美丽乡村示范村; 上海: 建成乡村振兴示范村24个."""
    assert measures_differ("村成功创建市级美丽乡村示范村", "乡村振兴示范村")
    assert not measures_differ("市级乡村振兴示范村创建", "乡村振兴示范村")
    assert not measures_differ("示范性智慧菜场", "示范性智慧菜场")
    assert partner(between("pudong-2023", "shanghai-2023"), 0, "8个") != "24个"


def test_places_are_not_what_holds_them() -> None:
    """杨浦 plan: 新增13个公办幼儿园托班 (classes); 浦东: 新增700个公办幼儿园托班托额
    (places); 上海: 新增3000个公办幼儿园托班托额: places meet places."""
    assert measures_differ("公办幼儿园托班托额", "公办幼儿园托班")
    assert not measures_differ("公办幼儿园托班托额", "公办幼儿园托班托额")
    assert partner(between("yangpu-2023-plan", "pudong-2023"), 0, "13 个") != "700个"
    assert partner(between("pudong-2023", "shanghai-2023"), 0, "700个") == "3000个"


def test_a_quoted_programme_is_not_an_unnamed_one() -> None:
    """杨浦 plan: 推出…等3项“高效一件事”服务; 上海: 296项政策服务实现“免申即享”. The quoted
    programme's count is not a count of services the other sentence leaves unnamed."""
    assert partner(between("yangpu-2023-plan", "shanghai-2023"), 0, "3项") != "296项"


def test_a_zone_opening_its_sentence_owns_its_figures() -> None:
    """上海: 临港新片区新一轮市级支持政策出台,…规模以上工业总产值、全社会固定资产投资总额分别
    增长22.5%和10.3% (the zone's); 全社会固定资产投资突破1万亿元、增长13.8% (the city's).
    浦东's and 杨浦's investment growth meet the city's 13.8%, never the zone's 10.3%; a
    deed on a zone (统筹推进滨江五个示范区…) and a count of zones name none."""
    city = sample("shanghai-2023")
    assert zone_of(city.text, figure(city, "10.3%", "固定资产投资")) == "临港新片区"
    assert zone_of(city.text, figure(city, "13.8%", "固定资产投资")) == ""
    assert partner(between("pudong-2023", "shanghai-2023"), 0, "14.1%") == "13.8%"
    assert partner(between("yangpu-2023", "shanghai-2023"), 0, "20%") == "13.8%"
    plan = sample("yangpu-2023-plan")
    assert zone_of(plan.text, figure(plan, "五个", "示范区")) == ""
    # 张江科学城's 82 projects are the zone's, not 杨浦's 11 started
    pudong = sample("pudong-2023")
    assert zone_of(pudong.text, figure(pudong, "82个", "开工过半")) == "张江科学城"


# ------------------------------------------------------------------ a number broken by extraction


def test_a_fraction_broken_before_its_unit_is_one_number() -> None:
    """黄浦: 实到外资18.4 5 亿美元,同比增长 6 9.4 % (a PDF's extraction). The fraction broken
    by one space before its unit is 18.45亿美元, which meets 浦东's 实到外资103.44亿美元; an
    integer part broken (6 9.4 %) is still left out rather than read as 9.4%."""
    huangpu = sample("huangpu-2023")
    q = figure(huangpu, "18.4 5 亿美元", "实到外资")
    assert q.value == 18.45e8
    at = huangpu.text.find("6 9.4 %")
    assert not [x for x in extract_quantities(huangpu) if at <= x.span.start < at + 7]
    assert partner(between("huangpu-2023", "pudong-2023"), 0, "18.4 5 亿美元") == "103.44亿美元"


def test_finished_is_finished_however_said() -> None:
    """杨浦 plan: 既有多层住宅电梯加装竣工 300 台; 黄浦: 电梯加装完工100台. 完工 and 竣工 both
    say the lifts were finished: one action, where 开工 (started) stays another."""
    from reportdiff.core.analysis.namerules import actions_of

    assert actions_of("电梯加装完工") == actions_of("既有多层住宅电梯加装竣工")
    assert actions_of("项目开工") != actions_of("项目完工")
    assert partner(between("yangpu-2023-plan", "huangpu-2023"), 0, "300 台") == "100台"


def test_a_plan_version_is_of_whoever_issued_the_plan() -> None:
    """杨浦 2022: 制定优化营商环境5.0版 (its own plan); 杨浦 2023: 发布区优化营商环境6.0版;
    静安: 落实市优化营商环境6.0版行动方案; 浦东: 落实全市优化营商环境行动方案6.0版; 上海:
    优化营商环境6.0版. A district's own plan is not the city's: 杨浦's versions meet each
    other, the city's plan meets itself in 静安's, 浦东's and 上海's reports."""
    from reportdiff.core.analysis.regions import plan_owner

    assert plan_owner("落实市优化营商环境", sample("jingan-2023").meta) == "city"
    assert plan_owner("优化营商环境", sample("shanghai-2023").meta) == "city"
    assert plan_owner("优化营商环境", sample("yangpu-2022").meta) == "county"
    assert partner(between("yangpu-2023", "shanghai-2023"), 0, "6.0版") is None
    assert partner(between("yangpu-2022", "jingan-2023"), 0, "5.0版") is None
    assert partner(between("yangpu-2022", "yangpu-2023"), 0, "5.0版") == "6.0版"
    assert partner(between("jingan-2023", "pudong-2023"), 0, "6.0版") == "6.0版"
    assert partner(between("jingan-2023", "shanghai-2023"), 0, "6.0版") == "6.0版"


def test_a_plan_owner_is_named_by_owner_words_not_by_any_shi_or_qu() -> None:
    """市场, 市民, 示范区, 开发区, 地区 inside a plan's name say nothing of who issued it: the
    plan is then the report's own government's (a district's for 杨浦, the city's for 上海);
    全区, 本市, 发布区… and 落实市… name the issuer."""
    from reportdiff.core.analysis.regions import plan_owner

    yangpu, shanghai = sample("yangpu-2022").meta, sample("shanghai-2023").meta
    assert plan_owner("市场化营商环境", yangpu) == "county"
    assert plan_owner("市民服务热线", yangpu) == "county"
    assert plan_owner("示范区营商环境", shanghai) == "city"
    assert plan_owner("开发区高质量发展", shanghai) == "city"
    assert plan_owner("长三角地区一体化", shanghai) == "city"
    assert plan_owner("全区优化营商环境", shanghai) == "county"
    assert plan_owner("发布区优化营商环境", shanghai) == "county"
    assert plan_owner("本市优化营商环境", yangpu) == "city"
    assert plan_owner("落实全市优化营商环境行动方案", yangpu) == "city"


def test_a_county_level_city_calls_its_own_titles_shiji() -> None:
    """昆山市 is a county-level city: its 市级 titles are of its own level (as 区级 are a
    district's), while 国家 and 省级 ones are above it."""
    from dataclasses import replace

    kunshan = replace(sample("yangpu-2022").meta, region="昆山市", level="county")
    assert tier_of("市级文明单位", kunshan) is None
    assert tier_of("省级文明单位", kunshan) == 3
    assert tier_of("国家企业技术中心", kunshan) == 4
    assert tier_of("市级文明单位", sample("yangpu-2022").meta) == 2  # a district's: above it


# ------------------------------------------------------------------ recall: what is done to bonds


def test_issuing_is_no_part_of_the_bonds() -> None:
    """2003: 今年拟发行１４００亿元长期建设国债; 2004: 今年拟发行建设国债１１００亿元. 拟发行 is
    what is done to the bonds (as 办理 to proposals): the name is 建设国债, which meets 2003's
    长期建设国债 (a dev gold pair); 2004↔2005 (拟发行长期建设国债800亿元) still meet."""
    from engine_support import national, quantity

    assert quantity(national(2004), "１１００亿元").indicator == "建设国债"
    assert partner(pairs(national(2003), national(2004)), 0, "１４００亿元") == "１１００亿元"
    assert partner(pairs(national(2004), national(2005)), 0, "１１００亿元") == "800亿元"
