"""The matching key (folded forms, offsets back to the text) and the jieba tokenizer."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportdiff.core.text.textkey import match_key


def test_key_folds_width_and_drops_punctuation() -> None:
    # 2022 prints half-width (0.3%) and commas, 2023 full-width and 、: same key.
    half, _ = match_key("区级财政收入完成143.5亿元,同比增长(8%)")
    full, _ = match_key("区级财政收入完成１４３．５亿元，同比增长（８％）")
    assert half == full == "区级财政收入完成1435亿元同比增长8"


def test_key_offsets_point_at_the_original_characters() -> None:
    text = "优存量、扩增量，经济发展"
    key, offsets = match_key(text)
    assert key == "优存量扩增量经济发展"
    assert [text[o] for o in offsets] == list(key)


def test_key_keeps_latin_lowercased_and_drops_spaces() -> None:
    key, offsets = match_key("PM2.5 累计 ＡＱＩ")
    assert key == "pm25累计aqi"
    assert len(offsets) == len(key)


@given(st.text())
def test_key_never_crashes_and_maps_every_key_char(text: str) -> None:
    key, offsets = match_key(text)
    assert len(key) == len(offsets)
    assert offsets == sorted(offsets)
    assert all(0 <= o < len(text) for o in offsets)


def test_tokenize_keeps_report_terms_whole() -> None:
    from reportdiff.core.analysis.tokens import tokenize

    words = tokenize("加快发展新质生产力，打造15分钟社区生活圈，深化一网通办和一网统管")
    for term in ("新质生产力", "15分钟社区生活圈", "一网通办", "一网统管"):
        assert term in words


def test_jieba_cache_lands_in_our_cache_dir(
    _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportdiff.core.analysis import tokens
    from reportdiff.core.paths import cache_dir

    # jieba is the fallback tokenizer (rjieba keeps no dictionary cache of its own).
    monkeypatch.setenv("REPORTDIFF_TOKENIZER", "jieba")
    tokens._tokenizer = None  # force a fresh load under this test's REPORTDIFF_HOME
    try:
        tokens.warm_up()
        assert tokens._tokenizer is not None
        assert Path(tokens._tokenizer.tmp_dir) == cache_dir()
        assert list(cache_dir().glob("jieba*.cache"))
    finally:
        tokens.reset()


def test_tokenizer_loads_once_from_many_threads() -> None:
    from reportdiff.core.analysis import tokens

    tokens._tokenizer = None
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(tokens._load())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(x) for x in seen}) == 1
