"""Pairs an analyst would call wrong, found by the precision audit (bench/audit/): each test
reads the real reports the wrong pair came from and asserts the rule that keeps it apart,
and that the right pairs around it stay."""

from __future__ import annotations

from engine_support import national, pairs, partner, quantity


def test_rates_after_two_levels_are_theirs_in_order_though_respectively_is_unsaid() -> None:
    # 2009: 城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%
    r = national(2009)
    assert quantity(r, "８．４％").indicator == "城镇居民人均可支配收入"
    assert quantity(r, "８％").indicator == "农村居民人均纯收入"
    ps = pairs(national(2004), r)
    # 2004's 农民人均纯收入实际增长4.3% meets the rural 8%, not the urban 8.4%
    assert partner(ps, 0, "４．３％") == "８％"
    assert partner(ps, 1, "８．４％") == "９％"
