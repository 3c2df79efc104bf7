"""The tokenizer: rjieba cuts as jieba does, and the user's own dictionary is honoured."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from reportdiff.core.analysis import tokens


@pytest.fixture
def fresh_tokenizer() -> Iterator[None]:
    """Reload the tokenizer for this test and again afterwards (user words do not linger)."""
    tokens.reset()
    yield
    tokens.reset()


def _cut_with(backend: str, text: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("REPORTDIFF_TOKENIZER", backend)
    tokens.reset()
    words = tokens.tokenize(text)
    assert tokens.backend() == ("jieba" if backend == "jieba" else "rjieba")
    return words


def test_rjieba_cuts_a_whole_report_as_jieba_does(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, fresh_tokenizer: None
) -> None:
    from reportdiff.core.storage.resolve import resolve_report

    # 2005: Chinese numerals and Arabic ones, 7.5%, 2004—2005, full-width digits.
    text = resolve_report(str(corpus_dir / "2005.txt")).text
    fast = _cut_with("auto", text, monkeypatch)
    slow = _cut_with("jieba", text, monkeypatch)
    assert len(slow) > 9_000
    assert fast == slow


def test_latin_and_number_runs_are_cut_as_jieba_does(
    monkeypatch: pytest.MonkeyPatch, fresh_tokenizer: None
) -> None:
    text = "2023-2025年增长7.5%，sample_data与3.5%左右，1-4号线"
    assert _cut_with("auto", text, monkeypatch) == _cut_with("jieba", text, monkeypatch)


def _user_dict(words: str) -> None:
    path = tokens.user_dict_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(words, encoding="utf-8")


@pytest.mark.parametrize("backend", ["auto", "jieba"])
def test_user_dictionary_words_stay_whole(
    backend: str, monkeypatch: pytest.MonkeyPatch, fresh_tokenizer: None
) -> None:
    text = "推进两业融合发展，建设数字孪生城市"
    before = _cut_with(backend, text, monkeypatch)
    assert "两业融合" not in before and "数字孪生城市" not in before
    _user_dict("# 研究者的领域词典\n两业融合 50000 n\n数字孪生城市\n\n")
    after = _cut_with(backend, text, monkeypatch)
    assert "两业融合" in after and "数字孪生城市" in after
    assert "".join(after) == "".join(before)


def test_user_dictionary_changes_the_cache_key(
    monkeypatch: pytest.MonkeyPatch, fresh_tokenizer: None
) -> None:
    empty = tokens.dictionary_fingerprint()
    _user_dict("两业融合\n")
    assert tokens.user_terms() == (("两业融合", None),)
    assert tokens.dictionary_fingerprint() != empty


def test_unreadable_user_dictionary_is_no_dictionary(fresh_tokenizer: None) -> None:
    path = tokens.user_dict_path()
    path.mkdir(parents=True)  # a directory where the file should be
    assert tokens.user_terms() == ()
    assert tokens.tokenize("发展新质生产力") == ["发展", "新质生产力"]


def test_a_comparison_uses_the_user_words(
    monkeypatch: pytest.MonkeyPatch, fresh_tokenizer: None
) -> None:
    from reportdiff.core.analysis.compare import _tokens
    from reportdiff.core.storage.samples import load_sample

    report = load_sample("yangpu-2023")
    plain = _tokens(report, True)
    assert "产业体系" not in plain.words  # jieba cuts 产业/体系
    _user_dict("产业体系 80000\n")
    tokens.reset()
    mine = _tokens(report, True)  # a new key: not the cached cut without the word
    assert "产业体系" in mine.words
