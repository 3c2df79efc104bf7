"""突破X，达到Y: the round mark passed is not the figure, and never pairs."""

from __future__ import annotations

from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.marks import passed_mark
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.text.load import load_text

# 1990's report (corpus national/1991.txt) and the next year's wording of the same figures.
A = "各位代表：\n一、过去一年的工作\n钢产量突破６０００万吨，达到６１２４万吨；原煤产量突破１０亿吨大关，达到１０．４亿吨；出口超过500亿美元。"
B = "各位代表：\n一、过去一年的工作\n钢产量六千六百零四万吨，增长７．２％；原煤产量达到十亿八千万吨；出口总额六百二十一亿美元。"


def _quantities(text: str) -> dict[str, object]:
    report = load_text(text, source="a.txt")
    qs = extract_quantities(report)
    follow = dict(zip(qs, [*qs[1:], None], strict=False))
    return {q.text: passed_mark(report.text, q, follow[q]) for q in qs}


def test_a_mark_followed_by_its_figure_is_a_mark() -> None:
    marks = _quantities(A)
    assert marks["６０００万吨"] and marks["１０亿吨"]
    assert not marks["６１２４万吨"] and not marks["１０．４亿吨"]


def test_a_mark_with_no_figure_after_it_is_the_figure() -> None:
    assert _quantities(A)["500亿美元"] is False


def test_marks_never_pair() -> None:
    a, b = load_text(A, source="1990.txt"), load_text(B, source="1991.txt")
    pairs = [p for p in compare([a, b]).numbers if all(p.values)]
    texts = {tuple(q.text for q in p.values if q) for p in pairs}
    assert ("６１２４万吨", "六千六百零四万吨") in texts  # the figure itself pairs
    assert not any("６０００万吨" in t or "１０亿吨" in t for t in texts)


def test_a_middle_dot_between_digits_is_a_decimal_point(corpus_dir) -> None:  # type: ignore[no-untyped-def]
    """1999's report prints 增长7·8％ and 19·5％: read as 7.8％ and 19.5％, not 8％ and 5％."""
    from reportdiff.core.storage.resolve import resolve_report

    report = resolve_report(str(corpus_dir / "1999.txt"))
    assert "·" not in "".join(c for c in report.text if c.isdigit() or c == "·")
    texts = {q.text for q in extract_quantities(report)}
    assert "4.3％" in texts and "19.5％" in texts
    assert "8％" not in {t for t in texts if t.startswith("8")} or "7.8％" in texts
