"""The report picker: open another report, swap a pane's, add a file, from inside the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import list_entries
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.picker import looks_like_file, picker_rows, rank
from reportdiff.tui.screens.picker import PickerScreen
from textual.widgets import Input, OptionList, Static
from tui_support import aio, analysed

SIZE = (120, 40)


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [load_sample("yangpu-2022"), load_sample("yangpu-2023")]


def test_rank_is_fuzzy_over_ids_regions_years_and_titles() -> None:
    rows = picker_rows(list_entries())
    assert [r.id for r in rank(rows, "")] == [e.id for e in list_entries()]
    # A misspelt id, a region in Chinese with a year, a word of a title.
    assert rank(rows, "yanpu 2023")[0].id == "yangpu-2023"
    found = rank(rows, "杨浦 2022")
    assert found[0].id == "yangpu-2022"
    assert {r.id for r in rank(rows, "杨浦区")} == {
        "yangpu-2022",
        "yangpu-2023",
        "yangpu-2023-plan",
    }
    assert rank(rows, "国民经济和社会发展计划")[0].id == "yangpu-2023-plan"
    assert rank(rows, "zzzzqqq") == []


def test_a_year_in_the_query_is_found_exactly_not_fuzzily() -> None:
    """2021 is one digit from 2022 and 2023 (a fuzzy score of 75): no sample report is of
    2021, so none is offered; 2022 finds only reports that say 2022 somewhere."""
    rows = picker_rows(list_entries())
    assert all("2021" not in r.haystack for r in rows)
    assert rank(rows, "2021") == []
    found = rank(rows, "2022")
    assert found and all("2022" in r.haystack for r in found)
    assert len(found) < len(rows)
    assert rank(rows, "杨浦 2021") == []


def test_a_path_is_a_file_to_add_not_a_query() -> None:
    assert looks_like_file("~/reports/minhang.pdf")
    assert looks_like_file("report.docx")
    assert not looks_like_file("杨浦 2023")
    assert not looks_like_file("")


async def _pick(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    box = pilot.app.screen.query_one("#picker-query", Input)
    box.value = query
    await pilot.pause()
    await pilot.press("enter")


@aio
async def test_a_opens_another_report_in_a_new_pane_and_compares_again(
    reports: list[Report],
) -> None:
    app = ReportDiffApp(list(reports))
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, PickerScreen)
        # The reports on screen are listed but refused.
        await _pick(pilot, "yangpu-2022")
        assert isinstance(app.screen, PickerScreen)
        status = str(app.screen.query_one("#picker-status", Static).render())
        assert "already on screen" in status
        await _pick(pilot, "徐汇")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        cmp = await analysed(pilot)
        assert [r.meta.id for r in cmp.reports] == ["yangpu-2022", "yangpu-2023", "xuhui-2022"]
        panes = app.reader.panes
        assert [p.report.meta.id for p in panes] == ["yangpu-2022", "yangpu-2023", "xuhui-2022"]
        # The new pane is on screen and focused, even where not all three fit.
        assert panes[2].display and panes[2].has_focus
        assert app.reader.comparison is cmp


@aio
async def test_r_swaps_the_focused_panes_report(reports: list[Report]) -> None:
    app = ReportDiffApp(list(reports))
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        app.reader.panes[1].focus()
        await pilot.pause()
        await pilot.press("r")
        title = str(app.screen.query_one("#picker-title", Static).render())
        assert "yangpu-2023 (pane 2)" in title
        await _pick(pilot, "huangpu")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        cmp = await analysed(pilot)
        assert [r.meta.id for r in cmp.reports] == ["yangpu-2022", "huangpu-2023"]
        assert app.reader.panes[1].has_focus


@aio
async def test_a_file_is_added_to_the_library_from_the_picker(
    reports: list[Report], tmp_path: Path
) -> None:
    src = tmp_path / "minhang.txt"
    src.write_text(
        "上海市闵行区政府工作报告\n\n一、2023年工作回顾\n\n全区地区生产总值增长5%。\n",
        encoding="utf-8",
    )
    app = ReportDiffApp(list(reports), analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        # A missing file: one line saying why, the picker stays.
        await _pick(pilot, str(tmp_path / "missing.txt"))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#picker-status", Static).render())
        assert status.startswith("not added:") and "\n" not in status
        await _pick(pilot, str(src))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        added = app.screen.query_one("#picker-query", Input).value
        assert added in {e.id for e in list_entries()}, "stored in the library"
        assert app.screen.shown[0].id == added  # type: ignore[attr-defined]
        assert app.screen.query_one(OptionList).highlighted == 0
        assert "added" in str(app.screen.query_one("#picker-status", Static).render())
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.report.meta.id for p in app.reader.panes][-1] == added


@aio
async def test_a_file_the_library_holds_already_is_found_not_a_crash(
    reports: list[Report], corpus_dir: Path, seeds_dir: Path
) -> None:
    """Typing the path of a report already there (added before, or a seed a bundled report is
    built from) adds nothing: the picker says where it is and Enter opens it (it raised
    IndexError: add returned no id)."""
    from reportdiff.cli import main

    assert main(["add", str(corpus_dir / "1994.txt")]) == 0
    app = ReportDiffApp(list(reports), analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        for path, expected in (
            (corpus_dir / "1994.txt", "national-1993"),
            (seeds_dir / "003_c7b044fd7b48fcbf.txt", "xuhui-2022"),
        ):
            await _pick(pilot, str(path))
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen.query_one("#picker-query", Input).value == expected
            status = str(app.screen.query_one("#picker-status", Static).render())
            assert "already" in status and expected in status, status
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.report.meta.id for p in app.reader.panes][-1] == "xuhui-2022"


@aio
async def test_reports_newest_first_are_said_to_run_back_in_time() -> None:
    """yangpu-2023 then yangpu-2022: the reader says the Δ runs back in time, at start and
    after a swap that puts them out of order; in time order it says nothing."""
    later, earlier = load_sample("yangpu-2023"), load_sample("yangpu-2022")

    def said(app: ReportDiffApp) -> list[str]:
        return [n.message for n in app._notifications if "back in time" in n.message]

    app = ReportDiffApp([later, earlier], analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (note,) = said(app)
        assert "yangpu-2023 reviews 2023" in note and "yangpu-2022 2022" in note
    app = ReportDiffApp([earlier, load_sample("xuhui-2022")], analyse=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert said(app) == []  # two reports of 2022: no step back
        await pilot.press("r")  # the first pane's 2022 swapped for 2023
        await _pick(pilot, "yangpu-2023")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.report.meta.id for p in app.reader.panes] == ["yangpu-2023", "xuhui-2022"]
        (note,) = said(app)
        assert "yangpu-2023 reviews 2023" in note
