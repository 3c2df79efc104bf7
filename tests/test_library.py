"""The user's library: add, list, load, replace, remove — atomic, locked, and honest about damage."""

from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core.errors import ReportError
from reportdiff.core.storage import library
from reportdiff.core.storage.library import (
    add_report,
    add_reports,
    damaged_entries,
    library_dir,
    load_user_report,
    remove_report,
    shadows_bundled,
    user_metas,
)

SEED_002 = "002_7593e2e4601e9f0f.txt"  # yangpu-2022
SEED_003 = "003_c7b044fd7b48fcbf.txt"  # xuhui-2022
SEED_004 = "004_22cd1e946852648b.txt"  # compilation of four


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the library but the lock file, with its content."""
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != ".lock"}


def test_added_report_lists_and_loads_like_the_file(seeds_dir: Path) -> None:
    from reportdiff.core.text.load import load_text

    path = seeds_dir / SEED_002
    (meta,) = add_report(path, id="my-yangpu")
    assert (meta.id, meta.region, meta.year) == ("my-yangpu", "杨浦区", 2022)
    assert meta.source == str(path)
    assert user_metas() == [meta]
    report = load_user_report("my-yangpu")
    direct = load_text(path.read_text(encoding="utf-8"), source=str(path))
    assert report.meta == meta
    assert report.text == direct.text
    assert report.sections == direct.sections and report.preamble == direct.preamble
    assert library.user_text_size("my-yangpu") == len(direct.text)


def test_default_id_is_pinyin_and_year_and_bundled_ids_are_protected(seeds_dir: Path) -> None:
    # The seed xuhui-2022 is built from is that bundled report: nothing to add. A copy that
    # differs is another report under a bundled id, refused without --replace.
    assert add_report(seeds_dir / SEED_003) == []
    assert user_metas() == []
    changed = library_dir().parent / "xuhui.txt"
    changed.write_text(
        (seeds_dir / SEED_003).read_text(encoding="utf-8") + "\n另外，新建三所学校。\n",
        encoding="utf-8",
    )
    with pytest.raises(ReportError, match=r"'xuhui-2022' is a bundled report; use --replace"):
        add_report(changed)
    assert user_metas() == []
    (meta,) = add_report(seeds_dir / SEED_003, replace=True)
    assert meta.id == "xuhui-2022"
    assert shadows_bundled("xuhui-2022")
    assert not shadows_bundled("yangpu-2022")


def test_list_says_which_report_replaces_a_bundled_one(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    add_report(seeds_dir / SEED_003, replace=True)
    add_report(seeds_dir / SEED_002, id="mine-2022")
    code, out, err = run(capsys, "list")
    assert code == 0, err
    rows = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()[1:]}
    assert rows["xuhui-2022"][-1] == "user (replaces bundled)"
    assert rows["mine-2022"][-1] == "user"
    assert rows["yangpu-2022"][-1] == "bundled"


def test_same_id_twice_needs_replace_and_replacing_keeps_one_text(seeds_dir: Path) -> None:
    add_report(seeds_dir / SEED_002, id="mine")
    before = snapshot(library_dir())
    with pytest.raises(ReportError, match=r"already has a report 'mine'; use --replace"):
        add_report(seeds_dir / SEED_003, id="mine")
    assert snapshot(library_dir()) == before
    (meta,) = add_report(seeds_dir / SEED_003, id="mine", replace=True)
    assert meta.region == "徐汇区"
    assert load_user_report("mine").meta.region == "徐汇区"
    files = sorted(snapshot(library_dir()))
    assert len(files) == 2 and files[1] == "mine.json" and files[0].startswith("mine.")


def test_overrides_set_region_year_and_id(seeds_dir: Path) -> None:
    (meta,) = add_report(seeds_dir / SEED_002, region="闵行区", year=2030)
    assert (meta.id, meta.region, meta.year) == ("minhang-2030", "闵行区", 2030)


def test_any_chinese_region_romanises_and_an_id_can_still_be_given(seeds_dir: Path) -> None:
    (meta,) = add_report(seeds_dir / SEED_002, region="火星区")
    assert (meta.id, meta.level) == ("huoxing-2022", "county")
    (meta,) = add_report(seeds_dir / SEED_002, region="火星区", id="mars-2022")
    assert meta.region == "火星区"


def test_adding_many_files_never_fails_for_want_of_an_id(tmp_path: Path) -> None:
    """A file whose text names no region or year still gets an id: from its file name."""
    named = tmp_path / "江苏.txt"
    named.write_text(
        "政府工作报告\n\n——2025年1月14日在江苏省第十四届人民代表大会第三次会议上\n\n"
        "江苏省省长 许昆林\n\n各位代表：\n\n现在，我代表省人民政府，向大会报告工作。\n",
        encoding="utf-8",
    )
    bare = tmp_path / "会议材料 3.txt"
    bare.write_text("各位代表：\n\n过去一年，我们做了很多工作，成绩来之不易。\n", encoding="utf-8")
    metas = add_reports([named, bare])
    assert [m.id for m in metas] == ["jiangsu-2024", "hui-yi-cai-liao-3"]
    assert (metas[1].region, metas[1].level, metas[1].year) == ("", "unknown", 0)


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "(and 1 more file failed)"), ("zh", "（另有 1 个文件失败）")]
)
def test_add_reports_counts_the_other_failures_in_the_users_language(
    tmp_path: Path, lang: str, said: str
) -> None:
    """The API adds all or nothing: its one error names the first failure and counts the
    rest, in words the catalog translates."""
    from reportdiff.core.i18n import set_language

    missing = [tmp_path / "无此文件.txt", tmp_path / "也没有.txt"]
    set_language(lang)
    try:
        with pytest.raises(ReportError) as exc:
            add_reports(missing)
    finally:
        set_language("en")
    assert said in str(exc.value)
    assert snapshot(library_dir()) == {}


def test_dry_run_writes_nothing(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, err = run(capsys, "add", str(seeds_dir / SEED_002), "--id", "mine", "--dry-run")
    assert code == 0, err
    assert out.split("\t")[:4] == ["would add", "mine", "杨浦区", "2022"]
    assert snapshot(library_dir()) == {}


def test_split_dry_run_lists_the_four_bundled_reports(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    """The issue's acceptance check: seed 004 yields the four reports that ship, text and
    metadata, so adding it adds nothing: each is the bundled one, unchanged."""
    from reportdiff.core.storage.samples import bundled_metas

    code, out, err = run(capsys, "add", str(seeds_dir / SEED_004), "--split", "--dry-run")
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines()]
    bundled = {m.id: m for m in bundled_metas()}
    assert [r[1] for r in rows] == ["shanghai-2023", "pudong-2023", "huangpu-2023", "jingan-2023"]
    for row in rows:
        meta = bundled[row[1]]
        assert row[0] == "unchanged"
        assert row[2:7] == [meta.region, str(meta.year), meta.date or "-", meta.kind, meta.title]
        assert row[7] == "bundled with reportdiff: nothing to add"
    assert snapshot(library_dir()) == {}


def test_split_adds_each_report(seeds_dir: Path) -> None:
    metas = add_report(seeds_dir / SEED_004, split=True, replace=True)
    assert [m.id for m in metas] == ["shanghai-2023", "pudong-2023", "huangpu-2023", "jingan-2023"]
    assert [m.id for m in user_metas()] == sorted(m.id for m in metas)
    assert "浦东" in load_user_report("pudong-2023").text


def test_id_with_split_of_many_is_refused(seeds_dir: Path) -> None:
    with pytest.raises(ReportError, match="--id names one report, but .* holds 4"):
        add_report(seeds_dir / SEED_004, split=True, id="all-of-them")


@pytest.mark.parametrize("fail_on", ["text", "json"])
@pytest.mark.parametrize(
    ("error", "seen"), [(KeyboardInterrupt, KeyboardInterrupt), (OSError, ReportError)]
)
def test_interrupted_add_leaves_library_as_it_was(
    seeds_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    fail_on: str,
    error: type[BaseException],
    seen: type[BaseException],
) -> None:
    """Ctrl-C, or a full disk (reported as one line), in the middle of an add."""
    add_report(seeds_dir / SEED_002, id="mine")
    before = snapshot(library_dir())
    target = "atomic_write_bytes" if fail_on == "text" else "atomic_write_text"

    def boom(*args: object, **kwargs: object) -> None:
        raise error()

    monkeypatch.setattr(f"reportdiff.core.atomic.{target}", boom)
    monkeypatch.setattr(f"reportdiff.core.storage.library.{target}", boom, raising=False)
    for kwargs in ({"id": "mine", "replace": True}, {"id": "other"}):
        with pytest.raises(seen):
            add_report(seeds_dir / SEED_003, **kwargs)  # type: ignore[arg-type]
        assert snapshot(library_dir()) == before
    assert load_user_report("mine").meta.region == "杨浦区"


def test_leftovers_of_a_killed_add_are_ignored_then_swept(seeds_dir: Path) -> None:
    """A process killed mid-add leaves a temp file or an unreferenced text: never shown."""
    add_report(seeds_dir / SEED_002, id="mine")
    folder = library_dir()
    (folder / "other.0123456789.txt").write_text("半截", encoding="utf-8")
    (folder / "my notes.txt").write_text("用户自己的文件", encoding="utf-8")
    (folder / ".mine.json.abc123.tmp").write_text("{", encoding="utf-8")
    assert [m.id for m in user_metas()] == ["mine"] and damaged_entries() == []
    add_report(seeds_dir / SEED_003, id="second")
    assert not (folder / "other.0123456789.txt").exists()
    assert not (folder / ".mine.json.abc123.tmp").exists()
    assert (folder / "my notes.txt").read_text(encoding="utf-8") == "用户自己的文件"
    assert [m.id for m in user_metas()] == ["mine", "second"]


def test_corrupt_entry_is_named_and_the_others_still_list(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    add_report(seeds_dir / SEED_002, id="good")
    add_report(seeds_dir / SEED_003, id="bad")
    bad_json = library_dir() / "bad.json"
    bad_json.write_text('{"format": 1, "meta": {"id": "bad", ', encoding="utf-8")
    assert [m.id for m in user_metas()] == ["good"]
    (damaged,) = damaged_entries()
    assert damaged.id == "bad" and damaged.path == bad_json
    with pytest.raises(ReportError) as exc:
        load_user_report("bad")
    msg = str(exc.value)
    assert str(bad_json) in msg and "not valid JSON" in msg and "reportdiff remove bad" in msg
    assert "\n" not in msg
    code, out, err = run(capsys, "list")
    assert code == 0 and "Traceback" not in err
    assert "good" in out
    assert err.startswith("reportdiff: library entry 'bad' is damaged") and str(bad_json) in err
    code, out, err = run(capsys, "show", "bad")
    assert code == 1 and "library entry 'bad' is damaged" in err and "unknown" not in err
    code, out, err = run(capsys, "remove", "bad", "--yes")
    assert code == 0, err
    assert damaged_entries() == [] and [m.id for m in user_metas()] == ["good"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: r.update(format=99),
        lambda r: r["meta"].update(year="二〇二二"),
        lambda r: r["meta"].update(kind="novel"),
        lambda r: r["meta"].update(id="someone-else"),
        lambda r: r.pop("sha256"),
        lambda r: r.update(text_file="../../etc/passwd"),
    ],
    ids=["format", "year", "kind", "id", "checksum", "path"],
)
def test_wrong_fields_are_damage_not_tracebacks(seeds_dir: Path, damage: object) -> None:
    add_report(seeds_dir / SEED_002, id="mine")
    path = library_dir() / "mine.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    damage(record)  # type: ignore[operator]
    path.write_text(json.dumps(record), encoding="utf-8")
    assert user_metas() == []
    with pytest.raises(ReportError, match="library entry 'mine' is damaged"):
        load_user_report("mine")


def test_an_entry_stored_before_level_and_delivered_existed_still_loads(seeds_dir: Path) -> None:
    add_report(seeds_dir / SEED_003, id="old-xuhui")
    path = library_dir() / "old-xuhui.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["meta"].pop("level") == "county" and record["meta"].pop("delivered") == 2023
    path.write_text(json.dumps(record), encoding="utf-8")
    (meta,) = user_metas()
    assert (meta.id, meta.region, meta.level, meta.delivered) == (
        "old-xuhui",
        "徐汇区",
        "unknown",
        None,
    )
    assert load_user_report("old-xuhui").meta.year == 2022


def test_edited_text_fails_its_checksum(seeds_dir: Path) -> None:
    add_report(seeds_dir / SEED_002, id="mine")
    (text_file,) = library_dir().glob("mine.*.txt")
    text_file.write_text("被改过的文字", encoding="utf-8")
    with pytest.raises(ReportError, match="does not match its checksum"):
        load_user_report("mine")


def test_cli_add_prints_what_it_added(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, err = run(capsys, "add", str(seeds_dir / SEED_002), "--id", "mine")
    assert code == 0, err
    fields = out.rstrip("\n").split("\t")
    assert fields[:4] == ["added", "mine", "杨浦区", "2022"]
    code, out, err = run(capsys, "show", "mine")
    assert code == 0, err
    assert "抓纾困促重振" in out


class FakeTerminal(io.StringIO):
    """stdin that claims to be a terminal, with the user's answer already typed."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("answer", "removed"),
    [("y\n", True), ("yes\n", True), ("\n", False), ("n\n", False), ("", False)],
)
def test_remove_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    seeds_dir: Path,
    answer: str,
    removed: bool,
) -> None:
    add_report(seeds_dir / SEED_002, id="mine")
    monkeypatch.setattr("sys.stdin", FakeTerminal(answer))
    code, _, err = run(capsys, "remove", "mine")
    assert "remove mine (杨浦区 2022" in err and "[y/N]" in err
    assert (code == 0) is removed
    assert ([m.id for m in user_metas()] == []) is removed


def test_remove_without_terminal_needs_yes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seeds_dir: Path
) -> None:
    add_report(seeds_dir / SEED_002, id="mine")
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, out, err = run(capsys, "remove", "mine")
    assert code != 0 and len(err.splitlines()) == 1
    assert err.startswith("reportdiff: not removing 'mine' without confirmation") and "--yes" in err
    assert [m.id for m in user_metas()] == ["mine"]
    code, out, err = run(capsys, "remove", "mine", "--yes")
    assert code == 0 and out == "removed mine\n"
    assert user_metas() == [] and snapshot(library_dir()) == {}


def test_remove_api_returns_the_meta(seeds_dir: Path) -> None:
    (meta,) = add_report(seeds_dir / SEED_002, id="mine")
    assert remove_report("mine") == meta
    with pytest.raises(ReportError, match="no report 'mine'"):
        remove_report("mine")


@pytest.mark.parametrize("command", ["add", "remove"])
def test_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: reportdiff {command}" in out
    words = (
        [
            "--id",
            "--region",
            "--year",
            "--encoding",
            "--replace",
            "--split",
            "--dry-run",
            "GB18030",
            "Big5",
            "PDF",
            "DOCX",
        ]
        if command == "add"
        else ["--yes", "confirmation", "bundled"]
    )
    for word in words:
        assert word in out or word in out.lower()


# ---------------------------------------------------------------- two processes at once


def _add_in_process(args: tuple[str, str, str, bool]) -> str:
    home, path, id, replace = args
    import os

    os.environ["REPORTDIFF_HOME"] = home
    try:
        add_report(path, id=id, replace=replace)
    except ReportError as exc:
        return f"error: {exc}"
    return "ok"


def test_concurrent_adds_do_not_corrupt_the_library(seeds_dir: Path) -> None:
    import os

    home = os.environ["REPORTDIFF_HOME"]
    seeds = [str(seeds_dir / SEED_002), str(seeds_dir / SEED_003)]
    jobs = [(home, seeds[i % 2], f"report-{i}", False) for i in range(8)]
    # The same id from several processes at once: one text wins; the same text again is
    # a no-op ("unchanged", issue 13), the other text is told the id is taken.
    jobs += [(home, seeds[i % 2], "contested", False) for i in range(4)]
    with multiprocessing.get_context("spawn").Pool(6) as pool:
        results = pool.map(_add_in_process, jobs)
    assert results[:8] == ["ok"] * 8
    assert results[8:].count("ok") == 2
    assert len({job[1] for job, r in zip(jobs[8:], results[8:]) if r == "ok"}) == 1
    assert all("already has a report 'contested'" in r for r in results[8:] if r != "ok")
    assert damaged_entries() == []
    ids = [m.id for m in user_metas()]
    assert ids == sorted([f"report-{i}" for i in range(8)] + ["contested"])
    for id in ids:
        assert load_user_report(id).text  # checksums verified on load
    names = sorted(snapshot(library_dir()))
    assert len(names) == 2 * len(ids) and not any(n.endswith(".tmp") for n in names)


def test_interrupted_split_adds_none_of_the_reports(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the third report of a compilation is written: the first two go too."""
    # An entry the split will replace.
    add_report(seeds_dir / SEED_002, id="shanghai-2023", replace=True)
    before = snapshot(library_dir())
    real = library.atomic_write_text
    calls: list[str] = []

    def third_fails(path: Path, text: str, **kwargs: object) -> None:
        calls.append(Path(path).name)
        if len(calls) == 4:
            raise KeyboardInterrupt
        real(path, text)

    monkeypatch.setattr(library, "atomic_write_text", third_fails)
    with pytest.raises(KeyboardInterrupt):
        add_report(seeds_dir / SEED_004, split=True, replace=True)
    # The journal (commit record) first, then the entries; Ctrl-C drops the journal too.
    assert calls[0].startswith(".pending-") and calls[0].endswith(".journal")
    assert calls[1:] == ["shanghai-2023.json", "pudong-2023.json", "huangpu-2023.json"]
    assert snapshot(library_dir()) == before
    assert load_user_report("shanghai-2023").meta.region == "杨浦区"


def test_a_file_that_cannot_be_added_never_stops_the_others(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    """Each file whole or not at all; the others still go in; a summary and exit 1."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(
        capsys,
        "add",
        str(empty),
        str(seeds_dir / SEED_002),
        str(seeds_dir / SEED_003),
        "--replace",
    )
    assert code == 1
    assert [line.split("\t")[1] for line in out.splitlines()] == ["yangpu-2022", "xuhui-2022"]
    assert err.splitlines() == [
        f"reportdiff: {empty} is empty",
        "reportdiff: added 2 of 3 files; 1 failed (see above)",
    ]
    assert [m.id for m in user_metas()] == ["xuhui-2022", "yangpu-2022"]
    # The same files again: already there with the same text, so nothing is written
    # (issue 13: re-adding is a no-op, said as "unchanged").
    code, out, err = run(capsys, "add", str(seeds_dir / SEED_002), str(seeds_dir / SEED_003))
    assert code == 0
    assert [line.split("\t")[:2] for line in out.splitlines()] == [
        ["unchanged", "yangpu-2022"],
        ["unchanged", "xuhui-2022"],
    ]
    assert err == "reportdiff: added 0 of 2 files; 2 unchanged\n"


def test_two_files_with_one_id_add_the_first(seeds_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes((seeds_dir / SEED_002).read_bytes())
    outcome = library.add_files([seeds_dir / SEED_002, copy], replace=True)
    assert [m.id for m in outcome.added] == ["yangpu-2022"]
    ((source, message),) = [(f.source, f.message) for f in outcome.failed]
    assert source == str(copy) and "would get the id 'yangpu-2022' like" in message
    assert [m.id for m in user_metas()] == ["yangpu-2022"]


def _add_then_die(home: str, path: str) -> None:
    """Child process: replace an entry, but die (no cleanup, no rollback) mid-write."""
    import os

    os.environ["REPORTDIFF_HOME"] = home

    def crash(*args: object, **kwargs: object) -> None:
        os._exit(3)  # like SIGKILL or a power cut: no finally blocks run

    library.atomic_write_text = crash  # type: ignore[assignment]
    add_report(path, id="mine", replace=True)


def test_a_process_killed_mid_add_leaves_the_old_entry(seeds_dir: Path) -> None:
    import os

    add_report(seeds_dir / SEED_002, id="mine")
    before = load_user_report("mine")
    ctx = multiprocessing.get_context("spawn")
    proc = ctx.Process(
        target=_add_then_die, args=(os.environ["REPORTDIFF_HOME"], str(seeds_dir / SEED_003))
    )
    proc.start()
    proc.join(120)
    assert proc.exitcode == 3
    assert damaged_entries() == []
    assert load_user_report("mine") == before
    # The new text file it managed to write is an orphan: never listed, swept next time.
    assert len(list(library_dir().glob("mine.*.txt"))) == 2
    add_report(seeds_dir / SEED_002, id="other")
    assert len(list(library_dir().glob("mine.*.txt"))) == 1


def test_source_is_stored_as_an_absolute_path(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "r.txt").write_bytes((seeds_dir / SEED_002).read_bytes())
    monkeypatch.chdir(tmp_path)
    (meta,) = add_report("r.txt", id="mine")
    assert meta.source == str(tmp_path / "r.txt")
    monkeypatch.chdir(seeds_dir)
    assert load_user_report("mine").meta.source == str(tmp_path / "r.txt")


def test_removing_a_shadowing_report_brings_the_bundled_one_back(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    add_report(seeds_dir / SEED_002, id="xuhui-2022", replace=True)
    code, out, err = run(capsys, "remove", "xuhui-2022", "--yes")
    assert code == 0, err
    assert out == "removed xuhui-2022 (the bundled xuhui-2022 is back in `reportdiff list`)\n"
    code, out, _ = run(capsys, "list")
    row = next(line.split("\t") for line in out.splitlines() if line.startswith("xuhui-2022\t"))
    assert row[1] == "徐汇区" and row[-1] == "bundled"


def test_a_compilation_added_without_split_is_refused(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    """Stored whole, seed 004 would read as one 上海市 report with its parts four times over."""
    code = main(["add", str(seeds_dir / "004_22cd1e946852648b.txt"), "--id", "comp"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.startswith("reportdiff: ") and "holds 4 reports" in err and "--split" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["list"]) == 0
    assert "comp\t" not in capsys.readouterr().out
