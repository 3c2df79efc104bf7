"""Pairs an analyst would call wrong, found by the precision audit (bench/audit/): each test
reads the real reports the wrong pair came from and asserts the rule that keeps it apart,
and that the right pairs around it stay."""

from __future__ import annotations

from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.namekinds import kinds_differ, nested_head
from reportdiff.core.analysis.stages import stages_differ
from reportdiff.core.storage.samples import load_sample


def test_rates_after_two_levels_are_theirs_in_order_though_respectively_is_unsaid() -> None:
    # 2009: 城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%
    r = national(2009)
    assert quantity(r, "８．４％").indicator == "城镇居民人均可支配收入"
    assert quantity(r, "８％").indicator == "农村居民人均纯收入"
    ps = pairs(national(2004), r)
    # 2004's 农民人均纯收入实际增长4.3% meets the rural 8%, not the urban 8.4%
    assert partner(ps, 0, "４．３％") == "８％"
    assert partner(ps, 1, "８．４％") == "９％"


def test_one_shared_word_qualified_differently_is_two_kinds() -> None:
    assert kinds_differ("养老床位", "认知障碍照护床位改造")
    assert kinds_differ("意向成交总金额", "外商直接投资实到金额")
    assert not kinds_differ("救助灾民", "救助受灾群众")  # the same deed, its people reworded
    assert not kinds_differ("公用充电桩", "公共充电桩")
    huangpu = load_sample("huangpu-2023")
    # 认知障碍照护床位改造完成200张 is no counterpart of 新增养老床位350张 / 600张
    assert partner(pairs(load_sample("yangpu-2022"), huangpu), 0, "350张") is None
    assert partner(pairs(load_sample("xuhui-2022"), huangpu), 0, "600张") is None
    # 意向成交总金额 (进博会 deals) is not 外商直接投资实到金额
    ps = pairs(load_sample("xuhui-2022"), load_sample("jingan-2023"))
    assert partner(ps, 0, "7.9亿美元") is None
    assert partner(ps, 0, "7695亿元") == "10963.56亿元"  # 商品销售总额 still meets


def test_a_name_going_on_to_its_own_head_word_names_another_thing() -> None:
    assert nested_head("社区卫生服务中心", "社区卫生服务中心社区护理中心")
    assert not nested_head("多层住宅加装电梯", "既有多层住宅加装电梯竣工")
    # 完成2家社区卫生服务中心社区护理中心建设 is not 3家社区卫生服务中心竣工投用
    ps = pairs(load_sample("yangpu-2023-plan"), load_sample("xuhui-2022"))
    assert partner(ps, 0, "2 家") != "3家"


def test_work_begun_is_not_work_done_nor_supplied_what_was_raised() -> None:
    assert stages_differ(frozenset({"新开工"}), frozenset())
    assert stages_differ(frozenset({"筹措"}), frozenset({"供应"}))
    assert not stages_differ(frozenset({"启动"}), frozenset())  # 88个城市启动…试点
    xuhui = load_sample("xuhui-2022")
    # 既有多层住宅加装电梯新开工300台 is not 完成既有多层住宅加装电梯3000台
    assert partner(pairs(xuhui, load_sample("shanghai-2023")), 0, "300台") is None
    # …旧住房修缮300万平方米 still meets its like
    assert partner(pairs(xuhui, load_sample("pudong-2023")), 0, "300万平方米") == "300万平方米"
    # Shanghai's 建设筹措8.1万套(间)保障性租赁住房 is not Pudong's 新增供应…1.72万套
    ps = pairs(load_sample("shanghai-2023"), load_sample("pudong-2023"))
    assert partner(ps, 0, "8.1万套(间)") is None
    assert (
        partner(pairs(load_sample("yangpu-2023"), load_sample("shanghai-2023")), 1, "8.1万套(间)")
        == "5757套(间)"
    )
