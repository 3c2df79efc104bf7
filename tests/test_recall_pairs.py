"""Pairs an analyst would make that the engine missed, found by the recall audit
(bench/audit/recall/): each test reads the real reports the pair is in and asserts the
rule that finds it, and that the traps around it stay apart."""

from __future__ import annotations

from engine_support import national, pairs, partner
from reportdiff.core.analysis.oldnames import gross_output_name


def test_a_sectors_production_total_is_its_gross_output_value() -> None:
    assert gross_output_name("工农业生产总值") == "工农业总产值"
    assert gross_output_name("国内生产总值") == "国内生产总值"
    ps = pairs(national(1956), national(1957))
    # 1956's plan: 工业生产总值比１９５５年将增长１９．７％; 1957's: 工业总产值…将增长百分之四点五
    assert partner(ps, 0, "１９．７％") == "百分之四点五"
    # 1955's result (比１９５４年增长８％) never meets 1957's plan
    assert partner(ps, 1, "百分之四点五") != "８％"
