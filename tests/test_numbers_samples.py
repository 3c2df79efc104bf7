"""Quantities and number pairs on the real bundled sample reports."""

from __future__ import annotations

import re
from functools import cache

import pytest
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.pairing import pair_numbers
from reportdiff.core.comparison import AlignedRow, NodeRef, NumberPair, Quantity
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import SAMPLE_IDS, load_sample


@cache
def sample(sample_id: str) -> Report:
    return load_sample(sample_id)


@cache
def quantities(sample_id: str) -> tuple[Quantity, ...]:
    return extract_quantities(sample(sample_id))


def find(sample_id: str, text: str) -> list[Quantity]:
    return [q for q in quantities(sample_id) if q.text == text]


def section_rows(reports: tuple[Report, ...], *keys: tuple[str, ...]) -> tuple[AlignedRow, ...]:
    """Section rows built by hand: ``keys[k][i]`` is a word of report i's heading in row k."""
    rows = []
    for words in keys:
        nodes = []
        for report, word in zip(reports, words, strict=True):
            path, section = next((p, s) for p, s in report.walk() if word in report.heading_text(s))
            nodes.append(
                NodeRef(
                    "section", path, report.heading_text(section), section.span, section.heading
                )
            )
        rows.append(AlignedRow("section", tuple(nodes), 0.5, 0.5, 0.5))
    return tuple(rows)


def yangpu_rows() -> tuple[AlignedRow, ...]:
    """yangpu-2022 ↔ yangpu-2023, the four topical section pairs read off the two reports."""
    reports = (sample("yangpu-2022"), sample("yangpu-2023"))
    return section_rows(
        reports,
        ("区域经济运行回稳向好", "经济发展稳中有进"),
        ("城区环境品质不断提升", "城区治理成效显著"),
        ("民生服务保障持续发力", "人民福祉日益增进"),
        ("政府自身建设扎实推进", "自身建设不断加强"),
    )


def row_for(pairs: tuple[NumberPair, ...], index: int, text: str) -> NumberPair:
    matches = [p for p in pairs if (q := p.values[index]) is not None and q.text == text]
    assert len(matches) == 1, (text, matches)
    return matches[0]


def test_every_span_slices_to_the_printed_text_in_every_sample() -> None:
    for sid in SAMPLE_IDS:
        report = sample(sid)
        for q in quantities(sid):
            assert report.text[q.span.start : q.span.end] == q.text
            if q.indicator_span is not None:
                assert report.slice(q.indicator_span) == q.indicator
            assert q.block is not None


def test_no_dates_ordinals_or_line_numbers_in_any_sample() -> None:
    for sid in SAMPLE_IDS:
        text = sample(sid).text
        for q in quantities(sid):
            assert not re.search(r"[年月日届号]$", q.text), (sid, q.text)
            assert text[max(0, q.span.start - 1) : q.span.start] != "第", (sid, q.text)
            assert "×" not in text[max(0, q.span.start - 1) : q.span.end + 1], (sid, q.text)
    # xuhui-2022: 轨道交通23号线, 7×24小时工作机制, 二〇二三年; yangpu-2022: 第五届进博会
    xuhui = {q.text for q in quantities("xuhui-2022")}
    assert not xuhui & {"23", "24小时", "7", "2023"}
    assert any("第五届进博会" in q.indicator for q in find("yangpu-2022", "14.6%"))


def test_yangpu_2022_figures() -> None:
    assert len(find("yangpu-2022", "143.5亿元")) == 2  # highlight line and paragraph
    for q in find("yangpu-2022", "143.5亿元"):
        assert q.indicator == "区级财政收入" and q.unit == "元"
        assert q.value == pytest.approx(14_350_000_000)
    (piles,) = {q.indicator for q in find("yangpu-2022", "700个")}
    assert piles == "公用充电桩"
    assert {q.indicator for q in find("yangpu-2022", "350张")} == {"养老床位"}
    assert all("新增" in q.qualifiers for q in find("yangpu-2022", "350张"))
    doses = find("yangpu-2022", "68.5万剂")
    assert doses and all(
        q.value == pytest.approx(685_000) and "累计" in q.qualifiers for q in doses
    )
    assert all(q.unit == "家次" for q in find("yangpu-2022", "4.1万家次"))
    (demolished,) = find("yangpu-2022", "5.05万平方米")
    assert demolished.indicator == "拆除存量违法建筑"
    assert not any(q.is_target for q in quantities("yangpu-2022"))


def test_yangpu_2023_figures() -> None:
    assert {q.indicator for q in find("yangpu-2023", "154.99亿元")} == {"区级财政收入"}
    assert {q.indicator for q in find("yangpu-2023", "1996个")} == {"公共充电桩"}
    (flats,) = {q.unit for q in find("yangpu-2023", "5757套(间)")}
    assert flats == "套"
    (aqi,) = find("yangpu-2023", "1.7个百分点")
    assert aqi.unit == "个百分点" and "优良率" in aqi.indicator and "同比上升" in aqi.qualifiers
    assert {q.unit for q in find("yangpu-2023", "6.0版")} == {"版"}


def test_plan_report_targets_and_pdf_spacing() -> None:
    plan = quantities("yangpu-2023-plan")
    revenue = [q for q in plan if q.indicator == "区级财政收入" and q.unit == "元"]
    assert revenue and revenue[0].value == pytest.approx(15_499_000_000)
    assert not revenue[0].is_target
    # part 二 (2024 年…主要目标) and 三 (…主要任务) of the plan report are targets
    targets = [q for q in plan if q.is_target]
    assert any(q.indicator == "养老床位" and q.value == 300 for q in targets)


def test_shanghai_target_and_result_are_told_apart() -> None:
    gdp = [q for q in quantities("shanghai-2023") if q.unit == "%" and q.indicator == "生产总值"]
    results = [q for q in gdp if not q.is_target]
    targets = [q for q in gdp if q.is_target]
    assert [q.text for q in results] == ["5%"] and "左右" not in results[0].qualifiers
    assert [q.text for q in targets] == ["5%"] and "左右" in targets[0].qualifiers


def check_must_work(pairs: tuple[NumberPair, ...]) -> None:
    revenue = row_for(pairs, 0, "143.5亿元")
    assert revenue.values[1] is not None and revenue.values[1].text == "154.99亿元"
    assert revenue.status == "changed"
    assert revenue.indicator == "区级财政收入"
    assert revenue.unit == "亿元"
    assert revenue.delta == pytest.approx(11.49)
    assert revenue.pct == pytest.approx(8.0, abs=0.05)

    beds = row_for(pairs, 0, "350张")
    assert beds.values[1] is not None and beds.values[1].text == "537张"
    assert beds.delta == pytest.approx(187)

    piles = row_for(pairs, 0, "700个")
    assert piles.values[1] is not None and piles.values[1].text == "1996个"
    assert piles.values[1].indicator == "公共充电桩" and piles.indicator == "公用充电桩"

    lines = row_for(pairs, 0, "16公里")
    assert lines.values[1] is not None and lines.values[1].text == "16公里"
    assert lines.status == "same" and lines.delta == 0

    demolished = row_for(pairs, 0, "5.05万平方米")
    assert demolished.values[1] is not None and demolished.values[1].text == "3.58万平方米"
    assert demolished.unit == "万平方米" and demolished.delta == pytest.approx(-1.47)

    growth = row_for(pairs, 0, "0.3%")
    assert growth.values[1] is not None and growth.values[1].text == "8%"
    assert growth.unit == "个百分点" and growth.delta == pytest.approx(7.7) and growth.pct is None


def check_invariants(reports: tuple[Report, ...], pairs: tuple[NumberPair, ...]) -> None:
    seen: set[tuple[int, int]] = set()
    statuses = [p.status for p in pairs]
    # only-rows come after every changed/same row
    assert statuses == sorted(statuses, key=lambda s: s == "only")
    for p in pairs:
        present = [(i, q) for i, q in enumerate(p.values) if q is not None]
        assert (p.status == "only") == (len(present) == 1)
        for i, q in present:
            assert (i, q.span.start) not in seen  # one quantity in at most one row
            seen.add((i, q.span.start))
        if p.status != "only":
            assert len({q.is_target for _, q in present}) == 1  # never a target with a result
            units = {q.unit for _, q in present}
            assert not ({"元", "美元"} & units and {"%", "个百分点"} & units)
            assert all(q.indicator for _, q in present)


def test_yangpu_pairs_with_hand_built_section_rows() -> None:
    reports = (sample("yangpu-2022"), sample("yangpu-2023"))
    pairs = pair_numbers(reports, yangpu_rows(), [quantities(r.meta.id) for r in reports])
    check_must_work(pairs)
    check_invariants(reports, pairs)


def test_highlight_and_paragraph_repeats_make_one_row() -> None:
    reports = (sample("yangpu-2022"), sample("yangpu-2023"))
    assert len(find("yangpu-2023", "154.99亿元")) == 2  # highlight line and paragraph
    pairs = pair_numbers(reports, yangpu_rows(), [quantities(r.meta.id) for r in reports])
    rows = [p for p in pairs if (q := p.values[1]) is not None and q.text == "154.99亿元"]
    assert len(rows) == 1
    # the paragraph occurrence represents the fact
    (row,) = rows
    report = reports[1]
    q = row.values[1]
    assert q is not None and q.block is not None
    assert report.section_at(q.block[:-1]).blocks[q.block[-1]].kind == "paragraph"


def test_no_alignment_pairs_only_near_identical_indicators() -> None:
    reports = (sample("yangpu-2022"), sample("yangpu-2023"))
    pairs = pair_numbers(reports, (), [quantities(r.meta.id) for r in reports])
    # 区级财政收入 is worded identically: still paired without any aligned context …
    assert row_for(pairs, 0, "143.5亿元").values[1] is not None
    # … but 公用充电桩 ↔ 公共充电桩 needs aligned context to be trusted
    assert row_for(pairs, 0, "700个").status == "only"


def test_same_year_summary_and_plan_agree() -> None:
    reports = (sample("yangpu-2023"), sample("yangpu-2023-plan"))
    qs = [quantities(r.meta.id) for r in reports]
    pairs = pair_numbers(reports, (), qs)
    revenue = row_for(pairs, 0, "154.99亿元")
    assert revenue.status == "same"
    assert revenue.values[1] is not None and revenue.values[1].text == "154.99 亿元"
    check_invariants(reports, pairs)


def test_all_eight_samples_pair_consistently() -> None:
    reports = tuple(sample(s) for s in SAMPLE_IDS)
    pairs = pair_numbers(reports, (), [quantities(s) for s in SAMPLE_IDS])
    check_invariants(reports, pairs)


def test_yangpu_pairs_through_the_real_aligner() -> None:
    reports = (sample("yangpu-2022"), sample("yangpu-2023"))
    alignment = align_reports(reports)
    pairs = pair_numbers(reports, alignment, [quantities(r.meta.id) for r in reports])
    check_must_work(pairs)
    check_invariants(reports, pairs)
    # a target is never set against a result, even with everything aligned
    targets = [p for p in pairs if any(q is not None and q.is_target for q in p.values)]
    assert all(all(q is None or q.is_target for q in p.values) for p in targets)


def test_pairing_wants_one_quantity_list_per_report() -> None:
    reports = (sample("yangpu-2022"), sample("yangpu-2023"))
    with pytest.raises(ValueError, match="quantity lists"):
        pair_numbers(reports, (), [quantities("yangpu-2022")])
