"""The Chinese line breaker: cell widths, 禁则 rules, Latin words, exact offsets."""

from __future__ import annotations

import doctest
import itertools

import reportdiff.tui.wrap as wrap_module
from hypothesis import given, settings
from hypothesis import strategies as st
from reportdiff.tui.wrap import NO_LINE_END, NO_LINE_START, wrap_lines, wrap_offsets
from rich.cells import cell_len

PARAGRAPH = (
    "经济增长量质提升。全年实现区级一般公共预算收入154.99亿元，同比增长8.0%，"
    "（按可比口径计算）规模以上工业总产值达到“历史新高”，AI与5G融合应用加快落地；"
    "新增市场主体2.3万户：科创企业数量稳步增加！"
)


def test_doctests() -> None:
    assert doctest.testmod(wrap_module).failed == 0


def test_breaks_between_han_characters() -> None:
    assert wrap_lines("一二三四五六七八", 6) == ["一二三", "四五六", "七八"]


def test_closing_punctuation_never_starts_a_line() -> None:
    # At width 8 a naive fold would put ， at the start of line 2: 经济增长|，质效…
    lines = wrap_lines("经济增长，质效提升。", 8)
    assert lines == ["经济增", "长，质效", "提升。"]
    assert all(line[0] not in NO_LINE_START for line in lines)


def test_opening_bracket_never_ends_a_line() -> None:
    lines = wrap_lines("一二三（四五六）", 8)
    assert lines[0] == "一二三"
    assert lines[1].startswith("（")


def test_latin_word_kept_whole_when_it_fits() -> None:
    lines = wrap_lines("推进人工智能ChatGPT应用", 14)
    assert "ChatGPT" in "".join(lines)
    assert any("ChatGPT" in line for line in lines)


def test_number_keeps_its_unit() -> None:
    lines = wrap_lines("收入达到154.99亿元", 12)
    assert any("154.99亿" in line for line in lines)


def test_han_after_latin_is_not_pushed_whole() -> None:
    # Rich would move the whole run after "Hello" to the next line; we fill the first line.
    lines = wrap_lines("Hello 中文文本很长很长很长", 12)
    assert cell_len(lines[0]) == 12


def test_overlong_word_is_folded() -> None:
    lines = wrap_lines("x" * 25, 10)
    assert lines == ["x" * 10, "x" * 10, "x" * 5]


def test_newlines_are_hard_breaks_and_spaces_at_breaks_dropped() -> None:
    assert wrap_lines("ab cd\n\nef", 2) == ["ab", "cd", "", "ef"]


def test_offsets_map_back_to_the_text() -> None:
    offsets = wrap_offsets(PARAGRAPH, 20)
    assert "".join(PARAGRAPH[s:e] for s, e in offsets) == PARAGRAPH
    assert all(a[1] == b[0] for a, b in itertools.pairwise(offsets))


def test_real_paragraph_at_many_widths() -> None:
    for width in range(6, 80):
        lines = wrap_lines(PARAGRAPH, width)
        assert all(cell_len(line) <= width for line in lines)
        assert all(line[0] not in NO_LINE_START for line in lines[1:])
        assert all(line[-1] not in NO_LINE_END for line in lines[:-1])


ALPHABET = (
    st.sampled_from(list("经济增长质效提升新区"))
    | st.sampled_from(sorted(NO_LINE_START | NO_LINE_END))
    | st.sampled_from(list("ab12 .\n"))
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.integers(min_value=2, max_value=30))
def test_never_too_wide_and_nothing_lost(text: str, width: int) -> None:
    offsets = wrap_offsets(text, width)
    for s, e in offsets:
        assert 0 <= s <= e <= len(text)
        assert cell_len(text[s:e]) <= width
        assert "\n" not in text[s:e]
    # Everything between consecutive lines is whitespace that was dropped at a break.
    prev = 0
    for s, e in offsets:
        assert text[prev:s].strip() == ""
        prev = e
    assert text[prev:].strip() == ""


def test_ideograph_shortcut_agrees_with_rich() -> None:
    """The breaker classes U+4E00–U+9FFF as wide letters without asking Rich; Rich must
    agree, or lines would overflow after a Rich upgrade."""
    from rich.cells import get_character_cell_size

    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        assert get_character_cell_size(ch) == 2, hex(code)
        assert not ch.isdigit() and not ch.isspace()
        assert ch not in NO_LINE_START and ch not in NO_LINE_END
