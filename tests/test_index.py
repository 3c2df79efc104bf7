"""The library's index: list reads it, filters work, and it is rebuilt whenever it cannot be trusted."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core.storage.index import SCHEMA_VERSION, index_path
from reportdiff.core.storage.library import add_reports, library_dir

BUNDLED = {
    "huangpu-2023",
    "jingan-2023",
    "pudong-2023",
    "shanghai-2023",
    "xuhui-2022",
    "yangpu-2022",
    "yangpu-2023",
    "yangpu-2023-plan",
}
NATIONAL = {"national-1994", "national-1999", "national-2004"}


def listed(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, list[str]]:
    code = main(["list", *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("id\tregion\tyear")
    return {line.split("\t")[0]: line.split("\t") for line in lines[1:]}


@pytest.fixture
def national(corpus_dir: Path) -> None:
    """Three real State Council reports in the library (delivered 1995, 2000, 2005)."""
    add_reports([corpus_dir / "1995.txt", corpus_dir / "2000.txt", corpus_dir / "2005.txt"])


@pytest.mark.usefixtures("national")
def test_list_shows_library_and_bundled_reports_from_the_index(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = listed(capsys)
    assert set(rows) == BUNDLED | NATIONAL
    assert rows["national-1999"][1:4] == ["全国", "1999", "2000"]
    assert rows["national-1999"][-1] == "user" and rows["yangpu-2022"][-1] == "bundled"
    assert index_path().is_file()
    with sqlite3.connect(index_path()) as conn:
        ids = {r[0] for r in conn.execute("SELECT id FROM reports WHERE origin = 'user'")}
    assert ids == NATIONAL


@pytest.mark.usefixtures("national")
def test_list_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert set(listed(capsys, "--year", "1999")) == {"national-1999"}
    assert set(listed(capsys, "--year", "1994-2000")) == {"national-1994", "national-1999"}
    assert set(listed(capsys, "--level", "national")) == NATIONAL
    assert set(listed(capsys, "--region", "全国")) == NATIONAL
    assert set(listed(capsys, "--region", "national")) == NATIONAL
    assert set(listed(capsys, "--region", "杨浦")) == {
        "yangpu-2022",
        "yangpu-2023",
        "yangpu-2023-plan",
    }
    assert set(listed(capsys, "--region", "yangpu", "--year", "2023")) == {
        "yangpu-2023",
        "yangpu-2023-plan",
    }
    assert set(listed(capsys, "--level", "county", "--year", "2022")) == {
        "xuhui-2022",
        "yangpu-2022",
    }
    assert listed(capsys, "--year", "1960") == {}


@pytest.mark.usefixtures("national")
@pytest.mark.parametrize("query", ["上海", "shanghai"])
def test_region_filter_takes_the_places_under_it(
    capsys: pytest.CaptureFixture[str], query: str
) -> None:
    """The bundled samples are 上海市's own report and five of its districts' (杨浦区,
    徐汇区…): a filter on 上海 lists them all, not the State Council's, and says why."""
    code = main(["list", "--region", query])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert {line.split("\t")[0] for line in out.splitlines()[1:]} == BUNDLED
    assert err.startswith(f"reportdiff: --region {query}: 上海市; the places under 上海市: ")
    for district in ("黄浦区", "静安区", "浦东新区", "徐汇区", "杨浦区"):
        assert district in err
    # a district's own name matches only itself, and says nothing more
    assert set(listed(capsys, "--region", "徐汇")) == {"xuhui-2022"}
    assert capsys.readouterr().err == ""
    # a province with no report in the library: nothing, not Shanghai's districts
    assert listed(capsys, "--region", "江苏") == {}


def test_region_filter_keeps_apart_names_found_in_two_places() -> None:
    """朝阳区 is a district of 北京市 and of 长春市: a filter on 北京 does not claim it,
    while 海淀区 (only in 北京市) and 昆山市 (under 苏州市 under 江苏省) are found."""
    from reportdiff.core.storage.regionfilter import match_regions

    found = match_regions("北京", ["朝阳区", "海淀区", "北京市", "杨浦区"])
    assert (found.direct, found.under, found.parents) == (("北京市",), ("海淀区",), ("北京市",))
    found = match_regions("江苏", ["昆山市", "苏州市", "杨浦区"])
    assert found.under == ("昆山市", "苏州市") and found.parents == ("江苏省",)
    assert match_regions("苏州", ["昆山市"]).under == ("昆山市",)


@pytest.mark.parametrize("bad", ["20x5", "2005-2000", "1800"])
def test_a_bad_year_filter_is_one_line(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["list", "--year", bad])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--year" in err and "Traceback" not in err


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database" * 100)


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _newer_schema(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def _deleted(path: Path) -> None:
    path.unlink()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


@pytest.mark.usefixtures("national")
@pytest.mark.parametrize("damage", [_deleted, _garbage, _truncate, _newer_schema])
def test_an_index_that_cannot_be_trusted_is_rebuilt_from_the_files(
    capsys: pytest.CaptureFixture[str], damage: object
) -> None:
    listed(capsys)  # the index exists and is up to date
    for extra in ("-wal", "-shm"):  # as after a clean close: one file holds it all
        Path(f"{index_path()}{extra}").unlink(missing_ok=True)
    damage(index_path())  # type: ignore[operator]
    rows = listed(capsys)
    assert set(rows) == BUNDLED | NATIONAL
    code = main(["search", "社会主义市场经济", "--year", "1994-2004"])
    out = capsys.readouterr().out
    assert code == 0 and {line.split("\t")[0] for line in out.splitlines()[:-1]} >= NATIONAL
    with sqlite3.connect(index_path()) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.usefixtures("national")
def test_entries_written_behind_the_index_are_picked_up(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An entry an older reportdiff wrote (no index then) appears; one deleted by hand goes."""
    listed(capsys)
    aside = tmp_path / "aside"
    aside.mkdir()
    for path in library_dir().glob("national-1994.*"):
        shutil.move(path, aside / path.name)
    assert "national-1994" not in listed(capsys)
    for path in aside.iterdir():
        shutil.move(path, library_dir() / path.name)
    rows = listed(capsys)
    assert rows["national-1994"][1:3] == ["全国", "1994"]
    # An entry damaged by hand is listed as damaged, not silently dropped.
    (library_dir() / "national-1999.json").write_text("{ not json", encoding="utf-8")
    code = main(["list"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "national-1999" in err and "damaged" in err
    row = next(line for line in out.splitlines() if line.startswith("national-1999\t"))
    assert row.endswith("\tdamaged")


def test_an_unwritable_data_dir_still_lists(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    """The index is a copy: where it cannot be written it is built in memory."""
    add_reports([corpus_dir / "1995.txt"])
    _deleted(index_path())
    index_path().mkdir()  # a directory where the index file should be
    assert set(listed(capsys)) == BUNDLED | {"national-1994"}


def test_reading_without_a_library_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """list and search before the first add: the samples are there, no file is created."""
    assert set(listed(capsys)) == BUNDLED
    assert main(["search", "科技创新"]) == 0
    capsys.readouterr()
    assert not index_path().parent.exists()


@pytest.mark.usefixtures("national")
def test_level_in_chinese_as_show_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    """show prints 地区：上海市（省级）; a zh reader types 省级 (or 省, 县, 区) back to filter."""
    assert set(listed(capsys, "--level", "国家级")) == NATIONAL
    assert set(listed(capsys, "--level", "全国")) == NATIONAL
    assert set(listed(capsys, "--level", "省级")) == set(listed(capsys, "--level", "province"))
    assert "shanghai-2023" in listed(capsys, "--level", "省")
    assert set(listed(capsys, "--level", "区")) == set(listed(capsys, "--level", "county"))
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "en", "list", "--level", "乡"])
    assert exit_.value.code == 2
    assert "invalid choice: '乡'" in capsys.readouterr().err
