"""`reportdiff timeline`: an indicator's results and targets per year, against hand-checked gold.

The gold (bench/gold_timeline/*.json) was read off the State Council reports by hand: each
report's result for the year it reviews and the one-year target it sets for its own year,
with the sentence, plus years where a value would be wrong (a five-year average, a growth
over five years, a target for another year). The engine may leave a year out; it must never
give a year a value the report does not give it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core.analysis.timeline import Timeline, build_timeline, name_key
from reportdiff.core.analysis.timeline_export import timeline_csv, timeline_json
from reportdiff.core.storage.resolve import resolve_report

GOLD = Path(__file__).resolve().parent.parent / "bench" / "gold_timeline"


@pytest.fixture(scope="module")
def corpus_reports(corpus_dir: Path) -> list:  # type: ignore[type-arg]
    # shuffled on purpose: the timeline sorts by the year reviewed
    paths = sorted(corpus_dir.glob("*.txt"), key=lambda p: (int(p.stem) * 7919) % 101)
    return [resolve_report(str(p)) for p in paths]


@pytest.fixture(scope="module")
def timelines(corpus_reports: list) -> dict[str, Timeline]:  # type: ignore[type-arg]
    out = {}
    for name in ("gdp_growth", "grain_output"):
        gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
        out[name] = build_timeline(corpus_reports, gold["indicator"])
    return out


@pytest.mark.parametrize(("name", "floor"), [("gdp_growth", 14), ("grain_output", 12)])
def test_timeline_agrees_with_gold_on_every_year_it_reports(
    timelines: dict[str, Timeline], name: str, floor: int
) -> None:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    tl = timelines[name]
    assert tl.kind == gold["kind"] and tl.unit == gold["unit"]
    expected = {(v["year"], v["role"]): v for v in gold["values"]}
    wrong = {(v["year"], v["role"]) for v in gold["none"]}
    agreed = 0
    for row in tl.rows:
        for role in ("result", "target"):
            p = getattr(row, role)
            if p is None:
                continue
            key = (row.year, role)
            assert key not in wrong, f"{key}: {p.text} in {p.report} is no {role} of {row.year}"
            assert key in expected, f"{key}: {p.text} ({p.report}) is not in the gold"
            g = expected[key]
            assert p.report == g["report"], key
            assert p.value == pytest.approx(g["value"]), (key, p.text, g["text"])
            if "high" in g:
                assert p.high == pytest.approx(g["high"]), key
            assert p.sentence and p.text in p.sentence
            agreed += 1
    # a floor, so that an engine reporting nothing cannot pass
    assert agreed >= floor, f"only {agreed} years agree"


def test_spans_point_at_the_text_as_printed(
    timelines: dict[str, Timeline],
    corpus_reports: list,  # type: ignore[type-arg]
) -> None:
    by_id = {r.meta.id: r for r in corpus_reports}
    for tl in timelines.values():
        for row in tl.rows:
            for p in (row.result, row.target):
                if p is not None:
                    assert by_id[p.report].text[p.start : p.end] == p.text


def test_units_are_normalised_across_the_years(timelines: dict[str, Timeline]) -> None:
    """亿斤, 亿公斤 and 万吨 all become 万吨; 百分之十一点八 becomes 11.8 %."""
    grain = timelines["grain_output"]
    printed = {p.text[-2:] for r in grain.rows for p in (r.result, r.target) if p}
    assert {"亿斤", "公斤", "万吨"} <= printed
    gdp = timelines["gdp_growth"]
    r1994 = next(r for r in gdp.rows if r.year == 1994)
    assert r1994.result is not None and r1994.result.text == "百分之十一点八"
    assert r1994.result.value == pytest.approx(11.8)


def test_years_without_values_are_missing_and_the_rows_run_without_gaps(
    timelines: dict[str, Timeline],
) -> None:
    tl = timelines["gdp_growth"]
    years = [r.year for r in tl.rows]
    assert years == list(range(years[0], years[-1] + 1))
    r2000 = next(r for r in tl.rows if r.year == 2000)
    assert r2000.result is None  # the 2001 report gives a five-year average only
    assert r2000.reviewed_by == "2001"
    doc = json.loads(timeline_json(tl))
    y2000 = next(y for y in doc["years"] if y["year"] == 2000)
    assert y2000["result_status"] == "missing"
    # no report of the corpus reviews 1962 (1960.txt reviews 1959, 1964.txt 1963)
    grain = json.loads(timeline_json(timelines["grain_output"]))
    y1962 = next(y for y in grain["years"] if y["year"] == 1962)
    assert y1962["result"] is None and y1962["result_status"] == "no report"


def test_level_and_growth_are_separate_series(corpus_reports: list) -> None:  # type: ignore[type-arg]
    level = build_timeline(corpus_reports, "国内生产总值")
    assert level.kind == "level" and level.unit in ("亿元", "万亿元")
    assert any("国内生产总值增长" in n for n in level.notes)


def test_name_key_merges_wordings_of_one_statistic_only() -> None:
    assert name_key("全国粮食总产量") == name_key("粮食产量")
    assert name_key("国内生产总值") != name_key("国民生产总值")
    assert name_key("人均国内生产总值") != name_key("国内生产总值")


def test_json_schema_shape(timelines: dict[str, Timeline]) -> None:
    doc = json.loads(timeline_json(timelines["grain_output"]))
    assert doc["schema"] == "reportdiff.timeline/1"
    assert set(doc) >= {"indicator", "kind", "label", "unit", "years", "reports", "names"}
    point = next(y["result"] for y in doc["years"] if y["result"])
    assert set(point) >= {"value", "text", "report", "span", "sentence"}
    reviewed = [r["reviewed"] for r in doc["reports"] if r["reviewed"] is not None]
    assert reviewed == sorted(reviewed)


def test_csv_cells_are_neutralised(timelines: dict[str, Timeline]) -> None:
    tl = timelines["gdp_growth"]
    row = next(r for r in tl.rows if r.result is not None)
    assert row.result is not None
    hostile_point = replace(row.result, sentence="=HYPERLINK(1)")
    hostile = replace(tl, rows=(replace(row, result=hostile_point, target=None),))
    text = timeline_csv(hostile)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["year", "role", "status", "value"]
    assert rows[1][-1] == "'=HYPERLINK(1)"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_markdown_has_the_table_and_a_text_plot(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(corpus_dir / f"{y}.txt") for y in (2005, 2004, 1999, 1998)]
    code, out, err = _run(["timeline", *paths, "--indicator", "国内生产总值增长"], capsys)
    assert code == 0, err
    assert "| 2004 | 9.5 (9．5％, 2005) | 7 (７％左右, 2004) |" in out
    assert "| 1998 | 7.8 (7.8％, 1999) | 8 (8％, 1998) |" in out
    assert "```text" in out and "\x1b" not in out  # the plot, without colour codes


def test_cli_json_to_a_file(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "t.json"
    paths = [str(corpus_dir / f"{y}.txt") for y in (1995, 1996)]
    code, _out, err = _run(
        ["timeline", *paths, "-i", "粮食总产量", "-f", "json", "-o", str(out_file)], capsys
    )
    assert code == 0, err
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    y1994 = next(y for y in doc["years"] if y["year"] == 1994)
    assert y1994["result"]["value"] == pytest.approx(4445)
    assert doc["unit"] == "亿公斤"


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "yangpu-2022", "yangpu-2023", "-i", "粮食"],  # no such indicator
        ["timeline", "no-such-report", "-i", "国内生产总值"],
        ["timeline", "yangpu-2022", "-i", "区级财政收入", "-f", "svg"],  # an image needs -o
        ["timeline", "yangpu-2022", "-i", " "],
        # a timeline is one region's, with one report per year
        ["timeline", "yangpu-2022", "pudong-2023", "-i", "区级财政收入"],
        ["timeline", "yangpu-2023", "yangpu-2023-plan", "-i", "区级财政收入"],
    ],
)
def test_cli_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(argv, capsys)
    assert code != 0
    assert out == ""
    assert err.startswith("reportdiff: ") and err.count("\n") == 1


def test_cli_ambiguous_name_lists_candidates(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(corpus_dir / f"{y}.txt") for y in (1995, 1996)]
    code, _out, err = _run(["timeline", *paths, "-i", "粮食"], capsys)
    assert code == 2
    assert "粮食产量" in err and err.count("\n") == 1


def test_timeline_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["timeline", "--help"])
    out = capsys.readouterr().out
    assert "--indicator" in out and "reportdiff.timeline/1" in out


def test_doctests() -> None:
    import doctest

    import reportdiff.core.analysis.timeline as module

    assert doctest.testmod(module).failed == 0


def test_district_reports_with_unknown_delivery_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(["timeline", "yangpu-2023", "yangpu-2022", "-i", "区级财政收入"], capsys)
    assert code == 0
    assert "| 2022 | 143.5 (143.5亿元, yangpu-2022) |" in out
    assert "| 2023 | 154.99 (154.99亿元, yangpu-2023) |" in out
    assert "yangpu-2022: the year it was delivered is unknown; its targets are left out" in out


def test_a_city_report_gives_its_growth_and_next_years_target() -> None:
    """全市生产总值…增长5% (2023's result) and 生产总值增长5%左右 (2024's target): a city's
    生产总值, asked for as 地区生产总值增长, as a person would."""
    from reportdiff.core.storage.samples import load_sample

    tl = build_timeline([load_sample("shanghai-2023")], "地区生产总值增长")
    rows = {r.year: r for r in tl.rows}
    assert rows[2023].result is not None and rows[2023].result.value == 5
    assert rows[2024].target is not None and rows[2024].target.text == "5%"
    assert "左右" in rows[2024].target.qualifiers
    assert rows[2023].target is None and rows[2024].result is None


def test_another_series_of_one_year_is_counted_in_the_singular(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1994, 1999, 2006: grain output's change in amount has one year (2005's 增产), and the
    note naming that series says so in English as a person writes it, not "(1 years)"."""
    paths = [str(corpus_dir / f"{y}.txt") for y in (1994, 1999, 2006)]
    code, out, err = _run(["--lang", "en", "timeline", *paths, "-i", "粮食产量"], capsys)
    assert code == 0, err
    note = next(line for line in out.splitlines() if line.startswith("- also a series:"))
    assert note.endswith("(1 year)"), note
