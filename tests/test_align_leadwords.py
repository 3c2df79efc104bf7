"""Two paragraphs with little body in common pair on their lead phrases only when those share
a topic word, or say the same, not when they are weakly alike through the reports' common
words alone (稳定, 关系, 改革)."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows, row_pairs
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.analysis.leadwords import COMMON_IDF, no_word_shared, only_common_shared
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


def sample_pairs(a: str, b: str) -> list[tuple[str, str]]:
    return row_pairs(align_reports([resolve_report(a), resolve_report(b)]))


def test_two_headlines_sharing_their_topic_keep_their_pair() -> None:
    """Short leads are headlines, topic then status: the word two share in their topics is
    their topic, however often the reports use it (a district report says 改革 and 治理 in
    many paragraphs). Two districts' reform and governance paragraphs stay paired."""
    assert ("重点领域改革不断深入", "改革力度持续加大") in sample_pairs(
        "shanghai-2023", "pudong-2023"
    )
    assert ("基层治理全面夯实", "社会治理更加科学有效") in sample_pairs("xuhui-2022", "pudong-2023")
    assert ("产业体系特色凸显", "硬核产业集聚提升") in sample_pairs("yangpu-2023", "pudong-2023")


def test_two_headlines_sharing_only_their_status_do_not_pair() -> None:
    """yangpu-2022's 营商环境优化升级 met shanghai-2023's 城市空间布局持续优化 on 优化, a word of
    both statuses; it meets 营商环境持续优化."""
    pairs = sample_pairs("yangpu-2022", "shanghai-2023")
    assert ("营商环境优化升级", "城市空间布局持续优化") not in pairs, pairs
    assert ("营商环境优化升级", "营商环境持续优化") in pairs, pairs


def test_headline_words_in_topic_or_status() -> None:
    common = COMMON_IDF - 0.5
    shared = {"改革": common}
    assert not only_common_shared(shared, shared, "重点领域改革不断深入", "改革力度持续加大")
    shared = {"优化": common}
    assert only_common_shared(shared, shared, "营商环境优化升级", "城市空间布局持续优化")
    # A long lead is a statement: the rule holds whatever the word's place.
    shared = {"稳定": common}
    assert only_common_shared(
        shared,
        shared,
        "控制信贷规模、增加储蓄和稳定金融",
        "必须始终坚持国民经济持续、稳定、协调发展的方针",
    )


def test_no_word_shared() -> None:
    """Words of lead phrases (stop words out) share two characters or not."""
    assert not no_word_shared({"经济运行": 4.6, "稳步": 3.3}, {"经济指标": 5.3, "回升": 4.6})
    assert no_word_shared({"动能": 4.3, "稳步": 3.3, "壮大": 4.8}, {"外资": 4.5, "稳定": 4.8})


def test_headlines_sharing_no_word_and_little_body_do_not_pair() -> None:
    """shanghai-2023's headline item 发展新动能稳步壮大 (strategic industries, R&D) and
    jingan-2023's 外资外贸稳定发展 share 发展 (a stop word) and 稳, and little body (0.07):
    they no longer pair; jingan's paragraph meets 改革开放红利稳步释放 (trade, foreign
    investment). Headlines sharing 经济 through 经济运行 / 经济指标 keep their pair."""
    pairs = sample_pairs("shanghai-2023", "jingan-2023")
    assert ("发展新动能稳步壮大", "外资外贸稳定发展") not in pairs, pairs
    assert ("改革开放红利稳步释放", "外资外贸稳定发展") in pairs, pairs
    pairs = sample_pairs("shanghai-2023", "yangpu-2022")
    assert ("经济运行稳步恢复", "经济指标企稳回升") in pairs, pairs
