"""Of two consecutive paragraphs that share a topic, the one whose lead phrase says it meets
the other report's paragraph (real corpus pairs; the rule is in ``alignrefine._prefer_leads``)."""

from __future__ import annotations

from pathlib import Path

from engine_support import corpus_rows as _rows
from engine_support import row_pairs as _pairs
from reportdiff.core.comparison import AlignedRow


def _paired(rows: tuple[AlignedRow, ...], a: str, b: str) -> bool:
    return any(a in la and b in lb for la, lb in _pairs(rows))


def test_the_paragraph_whose_lead_says_the_topic_wins(corpus_dir: Path) -> None:
    """1992 writes 做好思想文化工作，推进社会主义精神文明建设 and then 文化建设是精神文明
    建设的重要方面; 1993's 切实加强社会主义精神文明建设 speaks of both (思想道德建设和科学
    文化建设). The culture paragraph shares more body words, the first one the topic: the
    first one is the counterpart, the second stands alone."""
    rows = _rows(corpus_dir, 1992, 1993)
    assert _paired(
        rows, "做好思想文化工作，推进社会主义精神文明建设", "切实加强社会主义精神文明建设"
    )
    assert not _paired(rows, "文化建设是精神文明建设的重要方面", "切实加强社会主义精神文明建设")


def test_a_moved_pair_takes_the_neighbour_with_the_topic(corpus_dir: Path) -> None:
    """1999's 继续做好国有企业下岗职工基本生活保障和再就业工作 scores alike with 2000's
    要进一步办好国有企业再就业服务中心 and the next paragraph 大力促进下岗职工再就业 (same
    section, 搞好社会保障体系建设); the lead of the second says the topic."""
    rows = _rows(corpus_dir, 1999, 2000)
    assert _paired(
        rows, "继续做好国有企业下岗职工基本生活保障和再就业工作", "大力促进下岗职工再就业"
    )
    assert not _paired(rows, "继续做好国有企业下岗职工", "要进一步办好国有企业再就业服务中心")


def test_a_neighbour_without_a_better_lead_does_not_take_the_place(corpus_dir: Path) -> None:
    """Only a lead phrase can tell: 1992's 积极推进企业改革，转换和完善经营机制 keeps 1993's
    加快转换国有企业经营机制 (its neighbours say other things)."""
    rows = _rows(corpus_dir, 1992, 1993)
    assert _paired(rows, "积极推进企业改革，转换和完善经营机制", "加快转换国有企业经营机制")
