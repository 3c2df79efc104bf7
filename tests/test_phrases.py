"""Shared phrases: maximal common runs on the match key, ranked against the library."""

from __future__ import annotations

import pytest
from reportdiff.core.analysis.phrases import (
    PhraseIndex,
    distinctiveness,
    shared_phrases,
    unique_spans,
)
from reportdiff.core.comparison import SharedPhrase
from reportdiff.core.model import Report, ReportMeta
from reportdiff.core.text.textkey import is_han, match_key


def _plain(rid: str, text: str) -> Report:
    meta = ReportMeta(rid, "某区", 2022, None, "政府工作报告", "work-report", "test")
    return Report(meta=meta, text=text)


@pytest.fixture(scope="module")
def yangpu() -> tuple[Report, Report]:
    from reportdiff.core.storage.samples import load_sample

    return load_sample("yangpu-2022"), load_sample("yangpu-2023")


@pytest.fixture(scope="module")
def phrases(yangpu: tuple[Report, Report]) -> tuple[SharedPhrase, ...]:
    return shared_phrases(yangpu)


def _containing(phrases: tuple[SharedPhrase, ...], needle: str) -> SharedPhrase:
    key = match_key(needle)[0]
    hits = [p for p in phrases if key in match_key(p.text)[0]]
    assert hits, f"no shared phrase contains {needle}"
    return min(hits, key=lambda p: p.rank)


def test_boilerplate_ranks_below_distinctive_phrase(phrases: tuple[SharedPhrase, ...]) -> None:
    boiler = _containing(phrases, "以习近平新时代中国特色社会主义思想为指导")
    specific = _containing(phrases, "架空线入地和合杆整治16公里")
    assert boiler.distinctiveness < 0.3 < specific.distinctiveness
    assert specific.rank < boiler.rank


def test_spans_point_at_the_phrase_in_each_original_text(
    yangpu: tuple[Report, Report], phrases: tuple[SharedPhrase, ...]
) -> None:
    assert phrases
    for p in phrases:
        key = match_key(p.text)[0]
        assert sum(is_han(c) for c in key) >= 4
        assert len(p.reports) >= 2
        for i, report in enumerate(yangpu):
            assert bool(p.spans[i]) == (i in p.reports)
            for span in p.spans[i]:
                assert match_key(report.slice(span))[0] == key


def test_ranks_are_one_to_n(phrases: tuple[SharedPhrase, ...]) -> None:
    assert [p.rank for p in phrases] == list(range(1, len(phrases) + 1))


def test_runs_are_maximal_and_fold_punctuation() -> None:
    # 2022 prints half-width commas, 2023 full-width: the run spans the punctuation.
    a = _plain("a", "前言。区人大代表建议,政协委员提案办结率、满意率均为100%。其他内容甲。")
    b = _plain("b", "另起。区人大代表建议、政协委员提案办结率，满意率均达100%。不同内容乙。")
    found = shared_phrases([a, b], library=[a, b])
    texts = [p.text for p in found]
    assert "区人大代表建议,政协委员提案办结率、满意率均" in texts
    ph = next(p for p in found if p.text.startswith("区人大"))
    assert b.slice(ph.spans[1][0]) == "区人大代表建议、政协委员提案办结率，满意率均"
    # no shorter run that is just a piece of it
    assert "政协委员提案办结率" not in texts


def test_numbers_are_not_half_shared() -> None:
    a = _plain("a", "区级财政收入完成143.5亿元。")
    b = _plain("b", "区级财政收入完成154.99亿元。")
    assert [p.text for p in shared_phrases([a, b], library=[a, b])] == ["区级财政收入完成"]


def test_distinctiveness_scale() -> None:
    assert distinctiveness(2, 10) == 1.0
    assert distinctiveness(10, 10) == 0.0
    assert 0.0 < distinctiveness(5, 10) < 1.0


def test_library_index_counts_documents() -> None:
    index = PhraseIndex(["甲乙丙丁戊己", "乙丙丁戊", "庚辛壬癸"])
    assert index.doc_freq("乙丙丁戊") == 2
    assert index.doc_freq("庚辛壬癸") == 1
    assert index.doc_freq("子丑寅卯") == 0


def test_unique_spans_avoid_shared_phrases(
    yangpu: tuple[Report, Report], phrases: tuple[SharedPhrase, ...]
) -> None:
    unique = unique_spans(yangpu, phrases)
    for i, report in enumerate(yangpu):
        covered = {c for p in phrases for s in p.spans[i] for c in range(s.start, s.end)}
        for span in unique[i]:
            assert not covered & set(range(span.start, span.end))
    # the epidemic section is 2022's alone
    assert any("抓防控战疫情" in yangpu[0].slice(s) for s in unique[0])


def test_no_phrases_for_a_single_report(yangpu: tuple[Report, Report]) -> None:
    assert shared_phrases(yangpu[:1]) == ()


def test_a_shared_phrase_never_opens_on_half_of_a_count_in_words() -> None:
    """杨浦 2022 完成了区十七届人大一次会议确定的主要目标任务, 2023 …三次会议确定的…: the
    phrase they share is 会议确定的主要目标任务, not 次会议… (次 is half of 一次 and 三次), as
    after a digit (143.5亿元 / 154.99亿元 share no 亿元)."""
    from reportdiff.core.storage.samples import load_sample

    texts = [
        p.text for p in shared_phrases([load_sample("yangpu-2022"), load_sample("yangpu-2023")])
    ]
    assert "会议确定的主要目标任务" in texts
    assert not any(t.startswith("次会议") for t in texts)


def test_a_shared_phrase_never_ends_inside_a_figure_in_words(corpus_dir) -> None:  # type: ignore[no-untyped-def]
    """1964 and 1975 both write 比一九六四年增长百分之…, with other rates, and 预计比一九六四/
    一九六五年…: a phrase ends before a spelled percentage or year it would cut in half."""
    from reportdiff.core.storage.resolve import resolve_report

    pair = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in (1964, 1975)]
    texts = [p.text for p in shared_phrases(pair)]
    assert texts and not any(t.endswith(("百分之", "一九六")) for t in texts), texts[:20]
    assert not any("百分之五" in t and t.endswith("五") for t in texts)
