"""A section of one report meets a lead paragraph of the other when its counterpart
section is broader (real corpus pairs; the rule is in ``alignrefine._split_broad_pairs``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from engine_support import node_pairs
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.comparison import AlignedRow
from reportdiff.core.storage.resolve import resolve_report


@cache
def _rows(corpus: Path, a: int, b: int) -> tuple[AlignedRow, ...]:
    return align_reports(
        [resolve_report(str(corpus / f"{a}.txt")), resolve_report(str(corpus / f"{b}.txt"))]
    )


def _pairs(rows: tuple[AlignedRow, ...]) -> list[tuple[str, str, str, str]]:
    """Every row with both nodes: (kind A, label A, kind B, label B)."""
    return [(a.kind, a.label, b.kind, b.label) for a, b in node_pairs(rows)]


def _find(rows: tuple[AlignedRow, ...], a: str, b: str) -> list[tuple[str, str]]:
    return [(ka, kb) for ka, la, kb, lb in _pairs(rows) if a in la and b in lb]


def test_a_part_meets_the_lead_paragraph_inside_a_broader_part(corpus_dir: Path) -> None:
    """1999 gives agriculture a part of its own; 2000 gives it the lead paragraph
    进一步稳定和加强农业的基础地位 inside 大力推进经济结构的战略性调整 (industry,
    infrastructure, regions …). The part meets the paragraph, not the broader part."""
    rows = _rows(corpus_dir, 1999, 2000)
    assert _find(rows, "促进农业和农村经济全面发展", "进一步稳定和加强农业的基础地位") == [
        ("section", "paragraph")
    ]
    assert not _find(rows, "促进农业和农村经济全面发展", "大力推进经济结构的战略性调整")
    # The grain-circulation paragraph of 1999's agriculture part still finds 2000's,
    # printed inside the broader part.
    assert _find(rows, "积极推进粮食流通体制改革", "继续贯彻执行中央关于粮食流通体制改革")
    # Domestic demand is one topic in both (most of 2000's leads are about 1999's part):
    # the parts stay paired although 继续实施积极的财政政策 matches 1999's heading well.
    assert _find(rows, "继续扩大内需和实施积极的财政政策", "坚持实行扩大内需的方针") == [
        ("section", "section")
    ]


def test_a_section_meets_the_lead_paragraph_of_a_broader_part_either_side(
    corpus_dir: Path,
) -> None:
    """2005's section 深化国有企业改革 against 2004's part 抓住有利时机，深化经济体制改革,
    whose lead paragraphs cover state assets, rural reform, finance, investment …: the
    section meets 2004's paragraph on SOE reform, the broad part no longer its section."""
    rows = _rows(corpus_dir, 2004, 2005)
    assert _find(rows, "深化国有资产管理体制和国有企业改革", "深化国有企业改革") == [
        ("paragraph", "section")
    ]
    assert not _find(rows, "抓住有利时机，深化经济体制改革", "深化国有企业改革")


def test_parts_on_shared_themes_stay_paired(corpus_dir: Path) -> None:
    """2000's 搞好社会保障体系建设，维护社会稳定 and 2001's
    不断改善人民生活，完善社会保障制度 are counterparts although 2001's lead paragraph
    加快完善社会保障制度 matches 2000's heading better: a section of four lead paragraphs
    is not broad enough to give up its counterpart."""
    rows = _rows(corpus_dir, 2000, 2001)
    assert _find(rows, "搞好社会保障体系建设", "不断改善人民生活，完善社会保障制度") == [
        ("section", "section")
    ]


def test_a_body_only_pair_resting_on_one_paragraph_meets_that_paragraph(corpus_dir: Path) -> None:
    """2005's review section 采取更直接、更有力的政策措施，促进粮食增产和农民增收 and 2006's
    积极推进经济结构调整和增长方式转变 share no heading word; their bodies meet only in
    2006's first paragraph 继续加强“三农”工作 (the rest is industry and saving energy).
    The section meets that paragraph; 2006's section stands alone."""
    rows = _rows(corpus_dir, 2005, 2006)
    assert _find(rows, "促进粮食增产和农民增收", "继续加强“三农”工作") == [("section", "paragraph")]
    assert not _find(rows, "促进粮食增产和农民增收", "积极推进经济结构调整和增长方式转变")
    # A body-only pair whose likeness is spread over the section stays (macro control,
    # investment: 控制固定资产投资过快增长 ↔ 着力解决经济运行中的突出问题).
    assert _find(rows, "控制固定资产投资过快增长", "着力解决经济运行中的突出问题") == [
        ("section", "section")
    ]


def test_a_section_covering_a_part_meets_the_part(corpus_dir: Path) -> None:
    """1995's 三、以国有企业为重点深化经济体制改革 (enterprises, social insurance, finance,
    tax, planning; no sections) against 2005's 四、大力推进经济体制改革和对外开放, cut into
    six sections: it matches 深化国有企业改革, 加快金融体制改革 and 推进财税体制和投资体制改革
    alike, so it is about the whole part and meets the part, not its SOE section."""
    rows = _rows(corpus_dir, 1995, 2005)
    assert _find(rows, "以国有企业为重点深化经济体制改革", "大力推进经济体制改革和对外开放") == [
        ("section", "section")
    ]
    assert not _find(rows, "以国有企业为重点深化经济体制改革", "深化国有企业改革")


def test_a_broad_section_split_from_its_pair_meets_the_part(corpus_dir: Path) -> None:
    """2004's 抓住有利时机，深化经济体制改革 (a section of 二、２００４年主要任务) gives its
    lead paragraph to 2005's 深化国有企业改革 and covers the rest of 2005's reform part:
    it meets the part 大力推进经济体制改革和对外开放; the lead paragraph stays where it is."""
    rows = _rows(corpus_dir, 2004, 2005)
    assert _find(rows, "抓住有利时机，深化经济体制改革", "大力推进经济体制改革和对外开放") == [
        ("section", "section")
    ]
    assert _find(rows, "深化国有资产管理体制和国有企业改革", "深化国有企业改革") == [
        ("paragraph", "section")
    ]


def test_a_section_like_one_section_of_a_part_keeps_it(corpus_dir: Path) -> None:
    """2004's 加强和改善宏观调控，保持经济平稳较快发展 matches 2005's 坚持加强和改善宏观调控
    in 三、继续保持经济平稳较快发展, not the part's other sections: the pair stays."""
    rows = _rows(corpus_dir, 2004, 2005)
    assert _find(rows, "加强和改善宏观调控，保持经济平稳较快发展", "坚持加强和改善宏观调控") == [
        ("section", "section")
    ]
    assert not _find(rows, "加强和改善宏观调控，保持经济平稳较快发展", "继续保持经济平稳较快发展")


def test_an_untitled_section_meets_the_paragraph_it_rests_on(corpus_dir: Path) -> None:
    """1999's untitled 各位代表！为了保卫国家安全… (defence) was paired with 2000's untitled
    passage on stability and defence by its defence paragraph alone: it meets 2000's
    paragraph 加强国防和军队建设，是国家安全和现代化建设的重要保证."""
    rows = _rows(corpus_dir, 1999, 2000)
    assert _find(rows, "", "加强国防和军队建设，是国家安全和现代化建设的重要保证") == [
        ("section", "paragraph")
    ]


def test_a_section_freed_by_a_split_meets_its_lone_counterpart(corpus_dir: Path) -> None:
    """1995's 五、为改革和发展创造良好的社会环境 (democracy, law, order, clean government,
    defence) first met 2005's untitled 各位代表！加强国防和军队建设… by its defence
    paragraph; that passage meets the paragraph 加强国防现代化建设, and the part, left
    alone, meets 2005's 加强民主法制建设，切实维护社会稳定, also alone."""
    rows = _rows(corpus_dir, 1995, 2005)
    assert _find(rows, "为改革和发展创造良好的社会环境", "加强民主法制建设，切实维护社会稳定") == [
        ("section", "section")
    ]
    assert _find(rows, "加强国防现代化建设", "") == [("paragraph", "section")]
