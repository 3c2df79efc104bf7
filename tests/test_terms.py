"""`reportdiff terms`: new and faded formulations over the State Council series (1978–2009)."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportdiff.cli import main
from reportdiff.core.analysis.termcands import (
    compute_candidates,
    distinct_text,
    han_length,
    is_number_or_date,
)
from reportdiff.core.analysis.terms import (
    TermCount,
    TermSeries,
    analyse_terms,
    term_series,
)
from reportdiff.core.analysis.terms_export import SCHEMA, terms_csv, terms_json, terms_markdown
from reportdiff.core.model import Report

FIRST_YEAR = "1978"  # the reform-era series; the 1950s pages add load time, not coverage


@pytest.fixture(scope="module")
def corpus_files(corpus_dir: Path) -> list[Path]:
    """The State Council reports 1978–2009 in order. Required in CI, skipped elsewhere."""
    return sorted(p for p in corpus_dir.glob("*.txt") if p.stem >= FIRST_YEAR)


@pytest.fixture(scope="module")
def series_reports(corpus_files: list[Path]) -> list[Report]:
    from reportdiff.core.storage.resolve import resolve_report

    return [resolve_report(str(p)) for p in corpus_files]


@pytest.fixture(scope="module")
def series(series_reports: list[Report]) -> TermSeries:
    return analyse_terms(series_reports)


# The bench's notion of a number or a date, written apart from the analyzer's filters.
_DATE_WORDS = re.compile(r"今年|去年|明年|本年|当年|年底|年初|同期|世纪|年代|目前|当前|今明")
_NUMERALS = re.compile(r"第?[零〇一二三四五六七八九十百千万亿两几]+")


def _number_or_date(term: str) -> bool:
    if any(c.isdigit() for c in term) or _DATE_WORDS.search(term):
        return True
    rest = _NUMERALS.sub("", term)
    return rest != term and all(c in "年月日号届大次个项倍元期%％" for c in rest)


def _new(series: TermSeries, report: str) -> list[str]:
    return [tc.term for tc in series.new[report]]


@pytest.mark.parametrize(
    ("report", "term"), [("2001", "三个代表"), ("2004", "科学发展观"), ("2005", "和谐社会")]
)
def test_formulation_is_new_in_its_year_only(series: TermSeries, report: str, term: str) -> None:
    assert term in _new(series, report)[:50]
    others = [k for k in series.reports if k != report and term in _new(series, k)]
    assert others == []


def test_new_terms_are_absent_before_and_present_in_their_report(
    series: TermSeries, series_reports: list[Report]
) -> None:
    texts = [distinct_text(r) for r in series_reports]
    for i, key in enumerate(series.reports):
        for tc in series.new[key]:
            assert tc.count == texts[i].count(tc.term) >= 1, (key, tc)
            assert not any(tc.term in t for t in texts[:i]), (key, tc.term)


def test_faded_terms_were_used_by_each_previous_report_and_are_absent(
    series: TermSeries, series_reports: list[Report]
) -> None:
    texts = [distinct_text(r) for r in series_reports]
    k = series.faded_window
    assert any(series.faded[key] for key in series.reports)
    for i, key in enumerate(series.reports):
        for tc in series.faded[key]:
            assert tc.term not in texts[i], (key, tc.term)
            assert all(tc.term in t for t in texts[i - k : i]), (key, tc.term)


def test_no_number_or_date_among_the_first_fifty(series: TermSeries) -> None:
    bad = {key: [t for t in _new(series, key)[:50] if _number_or_date(t)] for key in series.reports}
    assert {k: v for k, v in bad.items() if v} == {}


def test_a_fragment_of_a_listed_term_is_not_listed_beside_it(series: TermSeries) -> None:
    listed = _new(series, "2004")
    assert "科学发展观" in listed
    assert "科学发展" not in listed
    assert "发展观" not in listed


def test_truncated_reports_are_flagged(series: TermSeries) -> None:
    for key in ("2006", "2007", "2008", "2009"):
        assert any("much shorter" in n for n in series.notes[key]), key
    for key in ("2001", "2004", "2005"):
        assert not any("much shorter" in n for n in series.notes[key]), key
    assert series.new[series.reports[0]] == ()


def test_term_series_counts_in_every_report(
    series_reports: list[Report], series: TermSeries
) -> None:
    one = term_series(series_reports, ["科学发展观"])
    counts = one.counts["科学发展观"]
    first = next(k for k in one.reports if counts[k])
    assert first == "2004"
    for key, report in zip(one.reports, series_reports, strict=True):
        text = distinct_text(report)
        expected = text.count("科学发展观") * 10_000 / han_length(text)
        assert one.frequency["科学发展观"][key] == pytest.approx(expected, abs=1e-3)
    # The listed terms' series in the full analysis agree with the quick one.
    assert series.frequency["科学发展观"] == one.frequency["科学发展观"]


def test_json_schema_shape(series: TermSeries) -> None:
    doc = json.loads(terms_json(series))
    assert doc["schema"] == SCHEMA == "reportdiff.terms/1"
    assert doc["reports"] == list(series.reports)
    for kind in ("new", "faded"):
        assert set(doc[kind]) == set(series.reports)
        for items in doc[kind].values():
            assert all(set(item) == {"term", "count"} for item in items)
            assert all(isinstance(item["count"], int) for item in items)
    listed = {item["term"] for kind in ("new", "faded") for v in doc[kind].values() for item in v}
    assert listed <= set(doc["frequency"])
    for rates in doc["frequency"].values():
        assert set(rates) == set(series.reports)
        assert all(isinstance(r, (int, float)) and r >= 0 for r in rates.values())


def test_copies_of_a_page_do_not_change_counts(series_reports: list[Report]) -> None:
    """A saved page holding the report twice counts and rates as the report once."""
    report = next(r for r in series_reports if r.meta.id == "2004")
    doubled = replace(report, text=report.text + "\n" + report.text)
    assert distinct_text(doubled) == distinct_text(report)
    rates = term_series([report, doubled], ["科学发展观", "农民工"]).frequency
    assert rates["科学发展观"]["2004"] == rates["科学发展观"]["2004#2"] > 0
    assert rates["农民工"]["2004"] == rates["农民工"]["2004#2"] > 0


def test_cache_is_used_and_gives_the_same_answer(series_reports: list[Report]) -> None:
    from reportdiff.core.paths import cache_dir

    three = series_reports[-8:-5]
    cold = analyse_terms(three)
    entries = list((cache_dir() / "analysis").glob("terms-*.pkl"))
    assert len(entries) == 3
    assert analyse_terms(three) == cold


# ------------------------------------------------------------------ output and CLI


def _hostile_series() -> TermSeries:
    ids = ("a|b", "c")
    term = "=见[附件](x)|*重点*"
    return TermSeries(
        reports=ids,
        lengths={"a|b": 100, "c": 100},
        new={"a|b": (), "c": (TermCount(term, 2),)},
        faded={"a|b": (), "c": ()},
        frequency={term: {"a|b": 0.0, "c": 200.0}},
    )


def test_markdown_escapes_report_text() -> None:
    md = terms_markdown(_hostile_series())
    assert "\\[附件\\](x)\\|\\*重点\\*" in md
    assert "a\\|b" in md
    assert "[附件]" not in md


def test_csv_defuses_formulas_and_quotes_cells() -> None:
    text = terms_csv(_hostile_series())
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["kind", "report", "rank", "term", "count", "rate"]
    assert rows[1] == ["new", "c", "1", "'=见[附件](x)|*重点*", "2", "200.0"]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "argv",
    [
        ["terms", "yangpu-2022"],
        ["terms", "no-such-report-id", "yangpu-2022"],
        ["terms", "missing-file.txt", "yangpu-2022"],
        ["terms", "yangpu-2022", "yangpu-2023", "--top", "0"],
        ["terms", "yangpu-2022", "--term", " "],
    ],
)
def test_cli_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(argv, capsys)
    assert code != 0
    assert out == ""
    assert err.startswith("reportdiff: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_cli_term_series_of_two_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text("政府工作报告\n\n一、回顾\n\n经济平稳发展。\n", encoding="utf-8")
    two.write_text("政府工作报告\n\n一、回顾\n\n坚持“新提法”。推进新提法落实。\n", encoding="utf-8")
    code, out, _ = _run(["terms", str(one), str(two), "--term", "新提法", "-f", "json"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["reports"] == ["one", "two"]
    assert doc["frequency"]["新提法"]["one"] == 0
    assert doc["frequency"]["新提法"]["two"] > 0


def test_cli_lists_a_quoted_formulation_as_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text("政府工作报告\n\n一、回顾\n\n经济平稳发展，人民生活改善。\n", encoding="utf-8")
    two.write_text(
        "政府工作报告\n\n一、回顾\n\n经济平稳发展。坚持“三个代表”重要思想。\n", encoding="utf-8"
    )
    out_file = tmp_path / "terms.csv"
    code, out, _ = _run(["terms", str(one), str(two), "-f", "csv", "-o", str(out_file)], capsys)
    assert code == 0 and out == ""
    rows = list(csv.reader(io.StringIO(out_file.read_text(encoding="utf-8-sig"))))
    assert ["new", "two", "1", "三个代表", "1"] == rows[1][:5]


def test_terms_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["terms", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "reportdiff terms" in out and "--term" in out and "reportdiff.terms/1" in out


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="和谐社会三个代表“”《》的是在2001年十五，。\n科学发展观 a", max_size=80))
def test_candidates_never_crash_and_hold_no_number(text: str) -> None:
    found = compute_candidates(text)
    for term, count in found.counts.items():
        assert count >= 1 and term
        assert not any(c.isdigit() for c in term)
        assert not is_number_or_date(term)


def test_person_names_are_not_new_terms_unless_asked(corpus_dir: Path) -> None:
    """1979's report mourns 周恩来同志 (a name with a form of address), 1988's receives
    西哈努克亲王: neither is a new term of its year unless ``names=True`` (``--names``),
    while the formulations built on a name (邓小平理论) and 有关同志 are no names."""
    from reportdiff.core.analysis.termcands import is_person_name
    from reportdiff.core.storage.resolve import resolve_report

    pair = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in ("1978", "1979")]
    plain = [tc.term for tc in analyse_terms(pair).new["1979"]]
    named = [tc.term for tc in analyse_terms(pair, names=True).new["1979"]]
    assert "周恩来同志" in named and "周恩来同志" not in plain
    assert not [t for t in plain if is_person_name(t)]
    pair = [resolve_report(str(corpus_dir / f"{y}.txt")) for y in ("1987", "1988")]
    assert "西哈努克亲王" not in [tc.term for tc in analyse_terms(pair, top=300).new["1988"]]
    for term in ("邓小平理论", "邓小平文选", "有关同志", "负责同志", "法律援助"):
        assert not is_person_name(term), term
    assert all(map(is_person_name, ("小平同志", "李鹏总理", "习近平", "西哈努克")))


def test_terms_names_flag(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(corpus_dir / f"{y}.txt") for y in ("1978", "1979")]
    assert main(["terms", *files, "-f", "csv"]) == 0
    assert "周恩来同志" not in capsys.readouterr().out
    assert main(["terms", *files, "-f", "csv", "--names"]) == 0
    assert "周恩来同志" in capsys.readouterr().out
