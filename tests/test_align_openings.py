"""Two sibling paragraphs whose openings name one particular thing (不结盟运动, 罗马尼亚 and
南斯拉夫, 依法治国) are one row, even where their bodies are little alike or order gave one
of them to another paragraph (:mod:`reportdiff.core.analysis.alignopenings`)."""

from __future__ import annotations

from pathlib import Path

from engine_support import node_pairs
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.storage.resolve import resolve_report


def _openings(corpus: Path, a: int, b: int) -> list[tuple[str, str]]:
    """The first 20 characters of both sides of every row with both."""
    reports = [resolve_report(str(corpus / f"{y}.txt")) for y in (a, b)]
    rows = align_reports(reports)
    return [
        (reports[0].slice(x.span)[:20], reports[1].slice(y.span)[:20]) for x, y in node_pairs(rows)
    ]


def _partners(rows: list[tuple[str, str]], side: int, opening: str) -> list[str]:
    return [r[1 - side] for r in rows if r[side].startswith(opening)]


def test_paragraphs_opening_on_one_movement_or_country_meet(corpus_dir: Path) -> None:
    rows = _openings(corpus_dir, 1983, 1984)
    # bodies 0.25 alike, apart by order before
    assert _partners(rows, 0, "不结盟运动创始以来") == ["具有广泛基础的不结盟运动，是维护世界和平"]
    # order had given 1984's paragraph to 1983's 中国人民对东欧其他各国人民…: it stays alone
    assert _partners(rows, 0, "我国同罗马尼亚社会主义共和国") == [
        "中国同罗马尼亚、南斯拉夫的友好合作关系具"
    ]
    assert _partners(rows, 0, "中国人民对东欧其他各国人民") == []


def test_a_weak_pair_gives_way_to_a_named_topic(corpus_dir: Path) -> None:
    rows = _openings(corpus_dir, 1998, 1999)
    assert _partners(rows, 0, "要坚持依法治国") == ["依法治国，是党领导人民治理国家的基本方略"]
    assert _partners(rows, 1, "加强廉政建设，惩治腐败") == []


def test_openings_listing_the_same_fields_meet(corpus_dir: Path) -> None:
    # 1985's paragraph had been paired with 1984's summary 一年来，我国社会主义物质文明…
    # (bodies 0.33) by their bodies alone: it goes to the lead that lists its fields
    rows = _openings(corpus_dir, 1984, 1985)
    assert _partners(rows, 1, "１９８４年我国科学、教育、文化、卫生、体") == [
        "科学教育文化卫生体育事业进一步发展。科学"
    ]
    assert _partners(rows, 0, "一年来，我国社会主义物质文明和精神文明的") == []


def test_a_word_past_the_first_clause_names_no_topic(corpus_dir: Path) -> None:
    # 1986 and 1987 both print 繁荣兴旺 in two paragraphs, 1987's after 以上事实…充分说明：
    # the 1986 paragraph keeps its counterpart on science, education and culture
    rows = _openings(corpus_dir, 1986, 1987)
    assert _partners(rows, 0, "在过去的五年中，我国科技、教育、文化") == [
        "围绕经济建设这个中心，在科技、教育和思想"
    ]


def test_a_pair_is_kept_on_its_whole_first_sentence(corpus_dir: Path) -> None:
    # 1964's 周恩来总理报告的第三部分是关于国际形势和我国对外工作 opens on 国际形势 in its first
    # clause; the 1975 paragraph's partner says it after a framing clause (周总理说，…) and keeps it
    rows = _openings(corpus_dir, 1964, 1975)
    assert _partners(rows, 1, "当前国际形势的特点，仍然是天下大乱") == [
        "周总理说，当前的国际形势仍然是“东风压倒"
    ]


def test_a_rare_turn_of_phrase_does_not_break_a_pair(corpus_dir: Path) -> None:
    # 一贯主张 opens both, on Cambodia and on the North-South dialogue (bodies 0.06): the 1990
    # paragraph keeps the 1992 one on the Cambodian settlement
    rows = _openings(corpus_dir, 1990, 1992)
    assert _partners(rows, 0, "中国政府一贯主张公正合理地政治解决") == [
        "巴黎和平协定的签署，为政治解决柬埔寨问题"
    ]
    # 体育事业 is one field of five in 2005's opening (bodies 0.117): both keep their pairs
    rows = _openings(corpus_dir, 2005, 2007)
    assert _partners(rows, 0, "各级政府加大对科技、教育、文化、卫生、") == [
        "增加社会事业的投入。全年中央财政用于科技"
    ]
    assert _partners(rows, 1, "积极发展文化、体育事业。") == [
        "推进文化体制改革和文化事业发展，加强文化"
    ]
