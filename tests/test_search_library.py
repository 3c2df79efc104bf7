"""``reportdiff search``: every report of the library, counts, sentences, filters, --open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.cmd_search import reader_at_first_hit
from reportdiff.core.storage.library import add_reports
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.search import search_library
from tui_support import aio

NATIONAL = ["national-1994", "national-1999", "national-2004"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def national(corpus_dir: Path) -> None:
    """Three real State Council reports (delivered 2005, 1995, 2000: given out of order)."""
    add_reports([corpus_dir / "2005.txt", corpus_dir / "1995.txt", corpus_dir / "2000.txt"])


def _counts(query: str, ids: list[str]) -> dict[str, int]:
    """What a reader would count by hand: non-overlapping occurrences in the cleaned text."""
    return {i: resolve_report(i).text.count(query) for i in ids}


@pytest.mark.usefixtures("national")
@pytest.mark.parametrize("query", ["农业", "社会主义市场经济", "国有企业改革"])
def test_counts_and_order_match_the_texts(capsys: pytest.CaptureFixture[str], query: str) -> None:
    """Two characters go through the text scan, more through the trigram index: same answer."""
    code, out, err = run(capsys, "search", query, "--format", "json", "--level", "national")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "reportdiff.search/1"
    expected = {i: n for i, n in _counts(query, NATIONAL).items() if n}
    assert expected  # each query is in the corpus
    found = {r["id"]: r["count"] for r in data["reports"]}
    assert found == expected
    assert [r["year"] for r in data["reports"]] == sorted(r["year"] for r in data["reports"])
    assert data["hits_total"] == sum(expected.values())
    for r in data["reports"]:
        text = resolve_report(r["id"]).text
        for hit in r["hits"]:
            assert text[hit["start"] : hit["end"]] == query  # offsets into the cleaned text
            s = hit["sentence"]
            assert s[hit["at"] : hit["at"] + len(query)] == query
            assert s.strip("…") in text and "\n" not in s


@pytest.mark.usefixtures("national")
def test_text_output_marks_hits_in_their_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "农业", "--hits", "2", "--year", "1994-1999")
    assert code == 0
    lines = out.splitlines()
    counts = _counts("农业", ["national-1994", "national-1999"])
    headers = [line.split("\t") for line in lines if not line.startswith("  ")][:-1]
    assert [(h[0], h[3]) for h in headers] == [(i, f"{n} hits") for i, n in counts.items()]
    sentences = [line for line in lines if line.startswith("  ")]
    # two hits a report, marked; two hits of one sentence share its line (1995's 农业…农业)
    assert sum(s.count("⟦农业⟧") for s in sentences) == 4 and all("⟦农业⟧" in s for s in sentences)
    assert len(sentences) == 3
    assert lines[-1] == f"{sum(counts.values())} hits in 2 reports"


def test_bundled_samples_are_searched_and_nothing_found_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "search", "科技创新", "--limit", "2")
    assert code == 0
    headers = [line for line in out.splitlines() if not line.startswith("  ")]
    assert len(headers) == 3 and "(2 shown; --limit 0 shows all)" in headers[-1]
    code, out, _ = run(capsys, "search", "不存在的说法")
    assert (code, out) == (1, "0 hits in 0 reports\n")
    code, _, err = run(capsys, "search", "  ")
    assert code == 2 and err.count("\n") == 1


def test_markup_and_escapes_in_a_hit_show_literally(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "杭州.txt"
    report.write_text(
        "杭州市2020年政府工作报告\n——2020年1月8日在杭州市第十三届人民代表大会第五次会议上\n\n"
        "各位代表：\n"
        "一、过去一年的工作\n"
        "推进[bold]数字经济[/bold]与**数字经济**`一号工程`,\x1b[31m数字经济\x1b[0m提质增效。\n",
        encoding="utf-8",
    )
    add_reports([report])
    code, out, _ = run(capsys, "search", "数字经济")
    assert code == 0
    # one sentence, its three hits marked on one line
    assert "[bold]⟦数字经济⟧[/bold]与**⟦数字经济⟧**`一号工程`" in out
    assert "\x1b" not in out  # the escape sequence never reaches the terminal
    code, out, _ = run(capsys, "search", "数字经济", "--region", "杭州")
    assert out.splitlines()[-1] == "3 hits in 1 report"  # the bundled reports have it too
    code, out, _ = run(capsys, "search", "数字经济", "-f", "json")
    assert "\x1b" not in out and "[bold]" in json.loads(out)["reports"][0]["hits"][0]["sentence"]


@aio
@pytest.mark.usefixtures("national")
async def test_open_brings_the_reader_to_the_first_hit() -> None:
    result = search_library("乡镇企业", None)
    first = result.reports[0]
    assert first.report.meta.id == "national-1994"  # the earliest year that has it
    app = reader_at_first_hit(result)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        reader = app.reader
        assert [p.report.meta.id for p in reader.panes] == ["national-1994"]
        assert reader.matches[0][0] == (first.hits[0].start, first.hits[0].end)
        assert reader.match_cursor == [0]
        assert "乡镇企业" in reader.panes[0].visible_text()
        # The report's opening is scrolled away: the hit is deep in the text.
        assert reader.panes[0].scroll_y > 0


@pytest.mark.parametrize("command", ["search", "add", "list"])
def test_help_names_the_new_options(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert f"reportdiff {command}" in out
    expected = {
        "search": ["--open", "--limit", "--year"],
        "add": ["FILE|DIR", "unchanged"],
        "list": ["--region", "--level", "--year"],
    }[command]
    assert all(word in out for word in expected)


def test_search_in_a_region_reaches_its_districts(capsys: pytest.CaptureFixture[str]) -> None:
    """``search --region 上海`` finds 就业 in 上海市's report and in its districts' (杨浦区,
    徐汇区…), and says on stderr which districts it took."""
    code, out, err = run(capsys, "search", "就业", "--region", "上海")
    assert code == 0
    ids = {line.split("\t")[0] for line in out.splitlines() if "\t" in line}
    assert {"shanghai-2023", "yangpu-2022", "xuhui-2022"} <= ids
    assert "the places under 上海市" in err and "杨浦区" in err
