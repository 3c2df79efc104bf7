"""Two sections alike in heading only by chance, whose paragraphs never meet, are shown apart.

1956's 一、１９５５年国家决算 and 1957's 四、关于国家基本制度 share 国家, a word of every report,
and bodies of the time's common words (0.17); not one of their 32 and 21 paragraphs pairs
with the other's. Sections on chance headings whose paragraphs do meet (1983's 过去五年的回顾 ↔
1984's 关于国内建设), and short sections of a few lead paragraphs (shanghai-2023's and
jingan-2023's economy sections), stay paired.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from reportdiff.core.analysis.align import align_reports
from reportdiff.core.analysis.alignchance import chance_headings
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.similarity import Unit, report_tokens, vectorize, word_idf
from reportdiff.core.analysis.unittree import child_units, top_units
from reportdiff.core.comparison import AlignedRow, Comparison
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.samples import load_sample


@cache
def compared(a: str, b: str) -> Comparison:
    return compare([resolve_report(a), resolve_report(b)], use_cache=False)


def national(corpus: Path, year: int) -> str:
    return str(corpus / f"{year}.txt")


def rows(level: tuple[AlignedRow, ...]) -> Iterator[AlignedRow]:
    for row in level:
        yield row
        yield from rows(row.children)


def paired(c: Comparison, left: str, right: str) -> bool:
    return any(
        r.nodes[0] is not None
        and r.nodes[1] is not None
        and r.nodes[0].label.startswith(left)
        and r.nodes[1].label.startswith(right)
        for r in rows(c.alignment)
    )


def section_units(reports: list[Report], a: str, b: str) -> tuple[Unit, Unit]:
    """The units of the section of ``reports[0]`` headed ``a`` and of ``reports[1]`` headed
    ``b`` (top level or one below), weighed as the aligner weighs them."""
    tokens = [report_tokens(r) for r in reports]
    units = []
    for i, r in enumerate(reports):
        top = top_units(i, r, tokens[i])
        units.append(top + [c for u in top for c in child_units(u, reports, tokens)])
    vectorize([u for us in units for u in us], word_idf(reports, tokens))
    found = [
        next(u for u in us if u.ref.kind == "section" and u.ref.label.startswith(name))
        for us, name in zip(units, (a, b), strict=True)
    ]
    return found[0], found[1]


def test_sections_alike_by_chance_whose_paragraphs_never_meet_are_apart(
    corpus_dir: Path,
) -> None:
    c = compared(national(corpus_dir, 1956), national(corpus_dir, 1957))
    assert not paired(c, "１９５５年国家决算", "关于国家基本制度")
    # 1957's section stands alone at its own place, with its paragraphs
    alone = [
        r
        for r in c.alignment
        if r.nodes[0] is None and r.nodes[1] is not None and r.nodes[1].label == "关于国家基本制度"
    ]
    assert len(alone) == 1
    assert any(
        n is not None and n.label.startswith("我们的国家有民主和专政两方面的职能")
        for child in alone[0].children
        for n in child.nodes
    )
    a, b = section_units(c.reports, "１９５５年国家决算", "关于国家基本制度")
    assert chance_headings(a, b)


def test_sections_on_chance_headings_whose_paragraphs_meet_stay(corpus_dir: Path) -> None:
    # a dev-gold pair: two reviews, headings sharing no word (heading 0.08, body 0.35)
    c = compared(national(corpus_dir, 1983), national(corpus_dir, 1984))
    a, b = section_units(c.reports, "过去五年的回顾", "关于国内建设")
    assert chance_headings(a, b)
    assert paired(c, "过去五年的回顾", "关于国内建设")


def test_short_sections_on_chance_headings_stay() -> None:
    # two economy sections sharing only 经济 (a common word there) and no paragraph pair,
    # of four and two lead paragraphs: not marked to be shown apart
    reports = [load_sample("shanghai-2023"), load_sample("jingan-2023")]
    a, b = section_units(reports, "多措并举扩内需稳外需", "经济运行稳中有进")
    assert chance_headings(a, b)
    row = next(
        r
        for r in rows(align_reports(reports))
        if r.nodes[0] is not None
        and r.nodes[1] is not None
        and r.nodes[0].label.startswith("多措并举扩内需稳外需")
    )
    assert row.nodes[1] is not None and row.nodes[1].label.startswith("经济运行稳中有进")
    assert row.strays == ()


def test_a_shared_phrase_of_common_words_is_a_topic(corpus_dir: Path) -> None:
    reports = [resolve_report(national(corpus_dir, y)) for y in (1981, 1982)]
    a, b = section_units(reports, "从一切为人民的思想出发", "关于人民生活的改善")
    assert not chance_headings(a, b)  # both print 人民生活
