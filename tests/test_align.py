"""Section and paragraph alignment on the real samples (pinned from reading the reports)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.comparison import AlignedRow
from reportdiff.core.model import Block, Report, ReportMeta, Section, Span


@pytest.fixture(scope="module")
def yangpu() -> tuple[Report, Report]:
    from reportdiff.core.storage.samples import load_sample

    return load_sample("yangpu-2022"), load_sample("yangpu-2023")


@pytest.fixture(scope="module")
def rows(yangpu: tuple[Report, Report]) -> tuple[AlignedRow, ...]:
    return align_reports(yangpu)


def _walk(rows: tuple[AlignedRow, ...]) -> Iterator[AlignedRow]:
    for row in rows:
        yield row
        yield from _walk(row.children)


def _labels(row: AlignedRow) -> tuple[str | None, ...]:
    return tuple(None if n is None else n.label for n in row.nodes)


def _section_row(rows: tuple[AlignedRow, ...], i: int, needle: str) -> AlignedRow:
    found = [
        r
        for r in rows
        if r.kind == "section" and r.nodes[i] is not None and needle in r.nodes[i].label
    ]
    assert len(found) == 1, f"no single section row with {needle!r} in report {i}"
    return found[0]


# What a reader of both summaries would pair: the four topics 2022 and 2023 share,
# each under reworded headings.
TOPICAL_PAIRS = [
    ("抓纾困促重振", "优存量、扩增量"),  # economy
    ("抓基础强功能", "补短板、树样板"),  # city environment / governance
    ("抓实事增福祉", "保底线、惠民生"),  # people's livelihood
    ("抓作风增效能", "强素质、优作风"),  # the government itself
]


@pytest.mark.parametrize(("old", "new"), TOPICAL_PAIRS)
def test_yangpu_topical_sections_pair(rows: tuple[AlignedRow, ...], old: str, new: str) -> None:
    row = _section_row(rows, 0, old)
    assert row.nodes[1] is not None, f"{old} left unmatched"
    assert new in row.nodes[1].label
    assert 0.0 < row.heading_score < 1.0 and 0.0 < row.body_score < 1.0
    assert not row.moved


def test_epidemic_section_has_no_2023_counterpart(rows: tuple[AlignedRow, ...]) -> None:
    row = _section_row(rows, 0, "抓防控战疫情")
    assert row.nodes[1] is None
    assert row.score == 1.0


def test_2023_innovation_section_stands_alone(rows: tuple[AlignedRow, ...]) -> None:
    # 2022 has no innovation section: it reports 创新动能加快培育 as a paragraph of its
    # economy section, which is already the counterpart of 2023's economy section.
    row = _section_row(rows, 1, "抓重点、破难点")
    assert row.nodes[0] is None


def test_2022_innovation_paragraph_meets_2023_innovation_section(
    rows: tuple[AlignedRow, ...],
) -> None:
    innovation = _section_row(rows, 1, "抓重点、破难点").nodes[1]
    assert innovation is not None
    hits = [
        r for r in _walk(rows) if r.nodes[0] is not None and r.nodes[0].label == "创新动能加快培育"
    ]
    assert len(hits) == 1
    other = hits[0].nodes[1]
    assert other is not None, "创新动能加快培育 left without a counterpart"
    assert other.path[: len(innovation.path)] == innovation.path
    assert hits[0].moved


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("经济指标企稳回升", "经济增长量质提升"),
        ("精细管理水平稳步提升", "精细化管理多措并举"),
        ("营商环境优化升级", "企业服务持续优化"),  # 优化营商环境5.0版 → 6.0版, 首席服务员
        ("生态环境质量持续改善", "生态环境日益改善"),
        ("基层治理创新发展", "基层治理亮点纷呈"),  # 社区云, 睦邻中心
        ("依法行政深入推进", "法治政府夯实基础"),  # 建议、提案办结率、满意率 100%
        ("作风建设不断深化", "作风能力抓实做强"),  # 12345、夏令热线
    ],
)
def test_yangpu_paragraph_pairs(rows: tuple[AlignedRow, ...], old: str, new: str) -> None:
    hits = [r for r in _walk(rows) if r.nodes[0] is not None and r.nodes[0].label == old]
    assert len(hits) == 1
    assert hits[0].kind == "paragraph"
    assert hits[0].nodes[1] is not None and hits[0].nodes[1].label == new


def test_every_node_appears_exactly_once(
    yangpu: tuple[Report, Report], rows: tuple[AlignedRow, ...]
) -> None:
    for i, report in enumerate(yangpu):
        seen = [(n.kind, n.path, n.preamble) for r in _walk(rows) if (n := r.nodes[i]) is not None]
        assert len(seen) == len(set(seen))
        sections = {("section", p, False) for p, _ in report.walk()}
        blocks = {
            ("paragraph", (*p, b), False) if p else ("paragraph", (b,), True)
            for p, b, _ in report.blocks()
        }
        assert set(seen) == sections | blocks


def test_rows_keep_document_order(rows: tuple[AlignedRow, ...]) -> None:
    for i in (0, 1):
        starts = [r.nodes[i].span.start for r in rows if r.nodes[i] is not None and not r.moved]
        assert starts == sorted(starts)


def test_a_section_out_of_order_is_marked_moved(yangpu: tuple[Report, Report]) -> None:
    y22, y23 = yangpu
    # Print 2023's last section (the government itself) first: still its 2022 counterpart,
    # now out of order.
    shuffled = dataclasses.replace(y23, sections=(y23.sections[-1], *y23.sections[:-1]))
    rows = align_reports([y22, shuffled])
    row = _section_row(rows, 0, "抓作风增效能")
    assert row.nodes[1] is not None and "强素质、优作风" in row.nodes[1].label
    assert row.moved


def test_alignment_is_deterministic(yangpu: tuple[Report, Report]) -> None:
    assert align_reports(yangpu) == align_reports(yangpu)


def test_three_reports_share_rows() -> None:
    from reportdiff.core.storage.samples import load_sample

    reports = [load_sample(i) for i in ("yangpu-2022", "yangpu-2023", "xuhui-2022")]
    rows = align_reports(reports)
    assert all(len(r.nodes) == 3 for r in _walk(rows))
    # Xuhui's review pairs its livelihood section with Yangpu's.
    full = [r for r in rows if r.kind == "section" and all(n is not None for n in r.nodes)]
    assert full, "no section found in all three reports"


def test_all_samples_at_once() -> None:
    from reportdiff.core.storage.samples import SAMPLE_IDS, load_sample

    reports = [load_sample(i) for i in SAMPLE_IDS]
    rows = align_reports(reports)
    assert len(reports) == 8
    for i, report in enumerate(reports):
        tops = [r.nodes[i] for r in rows if r.nodes[i] is not None]
        assert tops or not report.sections
    for r in _walk(rows):
        assert 0.0 <= r.score <= 1.0
        assert sum(n is not None for n in r.nodes) >= 1


# ---------------------------------------------------------------- never crashes


_chunk = st.text(alphabet="经济发展民生城区治理创新动能，。、 ab1\n|*#<[", min_size=0, max_size=40)


def _report(rid: str, parts: list[tuple[str, list[str]]], preamble: str) -> Report:
    """A report assembled from (heading, paragraphs) pairs, spans computed as we go."""
    text = preamble + "\n"
    pre = (Block("paragraph", Span(0, len(preamble))),) if preamble else ()
    sections = []
    for heading, paras in parts:
        start = len(text)
        text += "◆" + heading + "\n"
        h = Span(start + 1, start + 1 + len(heading))
        blocks = []
        for p in paras:
            b0 = len(text)
            text += p + "\n"
            lead_end = p.find("。")
            lead = Span(b0, b0 + lead_end) if 0 < lead_end < 12 else None
            blocks.append(Block("paragraph", Span(b0, b0 + len(p)), lead))
        sections.append(Section("section", "◆", h, Span(start, len(text)), tuple(blocks)))
    meta = ReportMeta(rid, "某区", 2023, None, "报告", "summary", "test")
    return Report(meta=meta, text=text, preamble=pre, sections=tuple(sections))


_reports = st.lists(
    st.tuples(
        st.lists(st.tuples(_chunk, st.lists(_chunk, max_size=4)), max_size=4),
        _chunk,
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_reports)
def test_alignment_never_crashes_and_places_every_node_once(specs: list) -> None:
    from reportdiff.core.analysis.phrases import shared_phrases, unique_spans

    reports = [_report(f"r{i}", parts, pre) for i, (parts, pre) in enumerate(specs)]
    rows = align_reports(reports)
    for i, report in enumerate(reports):
        seen = [(n.kind, n.path) for r in _walk(rows) if (n := r.nodes[i]) is not None]
        assert len(seen) == len(set(seen))
        assert len(seen) == len(list(report.walk())) + len(list(report.blocks()))
    phrases = shared_phrases(reports, library=reports)
    assert len(unique_spans(reports, phrases)) == len(reports)


def test_livelihood_sections_pair_across_different_order() -> None:
    # Shanghai reviews livelihood third (用心用情保障和改善民生), Pudong fifth
    # (社会保障提质增效,民生福祉不断增强), after its city-governance section: a real move.
    from reportdiff.core.storage.samples import load_sample

    rows = align_reports([load_sample("shanghai-2023"), load_sample("pudong-2023")])
    row = _section_row(rows, 0, "用心用情保障和改善民生")
    assert row.nodes[1] is not None and "社会保障提质增效" in row.nodes[1].label
    assert row.moved
    governance = _section_row(rows, 0, "加快建设宜居韧性智慧城市")
    assert governance.nodes[1] is not None and "生态文明建设" in governance.nodes[1].label
