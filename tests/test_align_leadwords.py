"""Two paragraphs with little body in common pair on their lead phrases only when those share
a topic word, or say the same, not when they are weakly alike through the reports' common
words alone (稳定, 关系, 改革)."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, row_pairs
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.analysis.leadwords import COMMON_IDF, only_common_shared
from reportdiff.core.storage.resolve import resolve_report


def test_only_common_shared() -> None:
    common, topic = COMMON_IDF - 0.5, COMMON_IDF + 1.0
    assert only_common_shared({"稳定": common, "金融": topic}, {"稳定": common, "方针": topic})
    assert not only_common_shared({"改革": common, "价格": topic}, {"价格": topic})
    assert not only_common_shared({"信贷": topic}, {"方针": topic}), "no shared word: not this rule"


def test_paragraphs_sharing_one_common_word_do_not_pair(corpus_dir: Path) -> None:
    """1989 ↔ 1990: 控制信贷规模、增加储蓄和稳定金融 (a measure of 1988's review) and
    必须始终坚持国民经济持续、稳定、协调发展的方针 (a lesson) share 稳定; 我国同阿拉伯国家的
    友好合作关系有了新的发展 and 裁军问题直接关系着世界和平 share 关系. Both stood between
    two pairs with little body in common."""
    pairs = row_pairs(corpus_rows(corpus_dir, 1989, 1990))
    assert not any(a.startswith("控制信贷规模") for a, _ in pairs), pairs
    assert not any(a.startswith("我国同阿拉伯国家") for a, _ in pairs), pairs
    # the rule leaves lead pairs sharing a topic word alone
    assert any(
        a.startswith("积极利用外资和引进先进技术") and b.startswith("继续积极利用外资")
        for a, b in pairs
    )


def test_price_reform_does_not_meet_another_reform(corpus_dir: Path) -> None:
    """1993 ↔ 1994: 抓紧进行价格改革 shared only 改革 with 继续搞好机构改革，切实转变政府职能
    (government restructuring, lead phrases 0.35 alike): no pair."""
    pairs = row_pairs(corpus_rows(corpus_dir, 1993, 1994))
    assert ("抓紧进行价格改革", "继续搞好机构改革，切实转变政府职能") not in pairs, pairs


def test_lead_phrases_that_say_the_same_keep_their_pair() -> None:
    """shanghai-2023's 社会治理创新取得新成效 and yangpu-2023-plan's 社会治理不断创新 share only
    common words of the two reports (社会, 治理) but say the same (heading 0.68): kept."""
    pairs = row_pairs(
        align_reports([resolve_report("shanghai-2023"), resolve_report("yangpu-2023-plan")])
    )
    assert ("社会治理创新取得新成效", "社会治理不断创新") in pairs, pairs
    assert ("提升社会治理效能", "提升基层社会治理水平") in pairs, pairs
