"""extract_quantities never crashes and its spans always slice to what it reports."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.analysis.pairing import pair_numbers
from reportdiff.core.model import Block, Report, ReportMeta, Section, Span

META = ReportMeta(
    id="t", region="杨浦区", year=2023, date=None, title="t", kind="summary", source="t"
)

# Random Unicode plus the characters the extractor reacts to, so matches actually happen.
_ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(
        list("0123456789０１２３４５６７８９.．,，、;；。%％()（）“”×-—第每约超近以上左右多余")
        + ["亿元", "万", "万亿", "平方米", "个百分点", "套(间)", "个", "张", "版", "两", "十六"]
        + ["同比增长", "新增", "累计", "预计", "\n", " ", "公共充电桩", "分钟", "岁"]
    ),
)
texts = st.lists(_ALPHABET, max_size=80).map("".join)


def _report(text: str, cut: int) -> Report:
    cut = min(cut, len(text))
    blocks = (Block("paragraph", Span(0, cut)), Block("highlights", Span(cut, len(text))))
    section = Section(
        kind="section", marker="", heading=Span(0, 0), span=Span(0, len(text)), blocks=blocks
    )
    return Report(meta=META, text=text, sections=(section,))


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=0, max_value=100))
def test_extract_never_raises_and_spans_slice(text: str, cut: int) -> None:
    report = _report(text, cut)
    found = extract_quantities(report)
    for q in found:
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert text[q.span.start : q.span.end] == q.text
        if q.indicator_span is not None:
            assert 0 <= q.indicator_span.start <= q.indicator_span.end <= len(text)
        assert q.value == q.value  # not NaN
    pairs = pair_numbers((report, report), (), (found, found))
    for p in pairs:
        assert len(p.values) == 2
