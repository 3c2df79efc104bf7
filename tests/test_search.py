"""Search: full/half width and case folded, /regex/ queries, marks on the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportdiff.core.model import Report
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.search import SearchError, find_matches, fold
from tui_support import aio


def test_width_and_case_fold_both_ways() -> None:
    text = "GDP增长3%，ｇｄｐ增长３％，Gdp"
    gdp = [text.index("GDP"), text.index("ｇｄｐ"), text.index("Gdp")]
    assert find_matches(text, "gdp") == [(i, i + 3) for i in gdp]
    assert find_matches(text, "ＧＤＰ增长３％") == [(i, i + 7) for i in gdp[:2]]
    # marks cover the characters as printed: the full-width run is 7 characters too
    assert [text[s:e] for s, e in find_matches(text, "3%")] == ["3%", "３％"]


def test_regex_between_slashes() -> None:
    text = "增长8%，同比增长37.9%，增长２０％以上"
    found = [text[s:e] for s, e in find_matches(text, r"/增长\d+(\.\d+)?%/")]
    assert found == ["增长8%", "增长37.9%", "增长２０％"]
    with pytest.raises(SearchError):
        find_matches(text, "/增长(/")
    # one slash is a plain query
    assert find_matches("1/2", "/") == [(1, 2)]


@given(st.text(max_size=40), st.text(min_size=1, max_size=4))
def test_matches_map_back_to_text_that_folds_to_the_query(text: str, query: str) -> None:
    if query.startswith("/") and query.endswith("/") and len(query) >= 3:
        return
    needle = fold(query)[0]
    for start, end in find_matches(text, query):
        assert 0 <= start < end <= len(text)
        assert needle in fold(text[start:end])[0]


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


@aio
async def test_the_reader_finds_a_full_width_query_and_a_regex(reports: list[Report]) -> None:
    app = ReportDiffApp(reports, analyse=False)
    async with app.run_test(size=(120, 40)) as pilot:
        # 同比增长８％ typed in full width finds the half-width 同比增长8% of the 2023 report
        await pilot.press("slash")
        # typed into the box as an input method would (a key press cannot carry ％)
        app.reader.query_one("#search").value = "同比增长８％"
        await pilot.press("enter")
        await pilot.pause()
        hits = app.reader.matches[1]
        assert hits and all(reports[1].text[s:e] == "同比增长8%" for s, e in hits)
        current = [m for m in app.reader.panes[1].marks if m.style == "search-current"]
        assert [(m.start, m.end) for m in current] == [hits[0]]
        await pilot.press("slash", *r"/同比增长\d+(\.\d+)?%/", "enter")
        await pilot.pause()
        texts = {reports[1].text[s:e] for s, e in app.reader.matches[1]}
        assert "同比增长8%" in texts and "同比增长37.9%" in texts
        await pilot.press("slash", *"/增长(/", "enter")
        await pilot.pause()
        assert not any(app.reader.matches)  # a bad pattern says so and finds nothing
