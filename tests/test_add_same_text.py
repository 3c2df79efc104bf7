"""Re-adding a report the library already holds is a no-op, whatever id it would get now.

Issue 13: the same text and metadata again is "unchanged"; a changed file under a taken id
needs --replace. Ids have changed under entries already stored (a county name several
cities share now gets its city in front, beijing-chaoyang-2023, where chaoyang-2023 was
stored), and a report may have been added under an --id of the user's choosing: adding
the very same file again without --id must find it by its text, not store a second copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core.storage import adding, entries
from reportdiff.core.storage.library import library_dir, load_user_report, user_metas

# State Council reports of the corpus (GBK web pages), which no bundled sample shadows.
R1995 = "1995.txt"  # national-1994
R1998 = "1998.txt"  # national-1997
SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def files_of_library() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in library_dir().iterdir() if p.is_file()}


def test_a_report_added_under_its_own_id_is_unchanged_when_added_again(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    seed = str(corpus_dir / R1995)
    assert run(capsys, "add", seed, "--id", "my-1994")[0] == 0
    before = files_of_library()
    code, out, err = run(capsys, "add", seed)
    assert (code, err) == (0, "")
    fields = out.rstrip("\n").split("\t")
    assert fields[:2] == ["unchanged", "my-1994"]
    assert fields[-1] == "already in your library as my-1994 (it would be national-1994 now)"
    assert [m.id for m in user_metas()] == ["my-1994"]
    assert files_of_library() == before


def test_a_dry_run_says_unchanged_for_what_the_library_holds(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    """--dry-run shows what the real run would do: a stored text is unchanged, not "would add"."""
    assert run(capsys, "add", str(corpus_dir / R1995), "--id", "my-1994")[0] == 0
    before = files_of_library()
    code, out, err = run(
        capsys, "add", "--dry-run", str(corpus_dir / R1995), str(corpus_dir / R1998)
    )
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert [f[:2] for f in lines] == [["would add", "national-1997"], ["unchanged", "my-1994"]]
    assert "would add 1 of 2 files; 1 unchanged" in err
    assert files_of_library() == before


def chaoyang_report(folder: Path) -> Path:
    """A district report that names its city (北京市朝阳区): a real report, renamed."""
    body = (SAMPLES / "yangpu-2023.txt").read_text(encoding="utf-8").replace("杨浦", "朝阳")
    head = (
        "北京市朝阳区政府工作报告\n\n"
        "——2024年1月8日在北京市朝阳区第十七届人民代表大会第四次会议上\n\n"
    )
    path = folder / "朝阳.txt"
    path.write_text(head + body, encoding="utf-8")
    return path


def test_a_report_stored_before_ids_named_the_city_is_not_stored_twice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportdiff.core.text import regions

    report = chaoyang_report(tmp_path)
    # As reportdiff stored it before a shared county name got its city in front.
    with monkeypatch.context() as before_parents:
        before_parents.setattr(regions, "parent_pinyin", lambda region, head: None)
        assert run(capsys, "add", str(report))[1].startswith("added\tchaoyang-2023\t")
    assert adding.default_id(
        load_user_report("chaoyang-2023").meta, source=str(report), head="北京市朝阳区"
    ) == ("beijing-chaoyang-2023")
    before = files_of_library()
    code, out, err = run(capsys, "add", str(report))
    assert (code, err) == (0, "")
    assert out.startswith("unchanged\tchaoyang-2023\t")
    assert "already in your library as chaoyang-2023" in out
    assert [m.id for m in user_metas()] == ["chaoyang-2023"]
    assert files_of_library() == before


def test_in_a_folder_the_report_found_by_its_text_counts_as_unchanged(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in (R1995, R1998):
        shutil.copy(corpus_dir / seed, folder / seed)
    assert run(capsys, "add", str(folder / R1995), "--id", "my-1994")[0] == 0
    code, out, err = run(capsys, "add", str(folder))
    assert code == 0
    rows = [line.split("\t")[:2] for line in out.splitlines()]
    assert rows == [["added", "national-1997"], ["unchanged", "my-1994"]]
    assert err.splitlines()[-1] == "reportdiff: added 1 of 2 files; 1 unchanged"
    assert [m.id for m in user_metas()] == ["my-1994", "national-1997"]


def test_the_text_is_looked_up_in_the_index_not_in_every_entry(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With several entries stored, only the one holding the same text is read."""
    for seed, id in ((R1995, "a-1994"), (R1998, "b-1997"), (R1998, "c-1997")):
        assert run(capsys, "add", str(corpus_dir / seed), "--id", id)[0] == 0
    read: list[str] = []
    real = entries._read_entry

    def counted(path: Path) -> object:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(entries, "_read_entry", counted)
    monkeypatch.setattr(adding, "_read_entry", counted)
    code, out, _ = run(capsys, "add", str(corpus_dir / R1995))
    assert code == 0 and out.startswith("unchanged\ta-1994\t")
    assert read == ["a-1994.json"]


def test_the_same_text_with_other_metadata_is_not_taken_for_it(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    """Only the same text *and* metadata is the same report: another year is added."""
    seed = str(corpus_dir / R1995)
    assert run(capsys, "add", seed, "--id", "my-1994")[0] == 0
    code, out, _ = run(capsys, "add", seed, "--year", "2021")
    assert code == 0 and out.startswith("added\tnational-2021\t")
    assert [m.id for m in user_metas()] == ["my-1994", "national-2021"]


def test_an_explicit_new_id_still_stores_a_copy(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    """--id names where the user wants the report: a second id for one text is theirs to make."""
    seed = str(corpus_dir / R1995)
    assert run(capsys, "add", seed)[0] == 0
    code, out, _ = run(capsys, "add", seed, "--id", "national-copy")
    assert code == 0 and out.startswith("added\tnational-copy\t")
    assert [m.id for m in user_metas()] == ["national-1994", "national-copy"]


def test_a_seed_a_bundled_sample_is_made_from_is_unchanged_not_a_failure(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    """A new user adds a folder that holds a report reportdiff ships (the seed yangpu-2023 is
    built from, byte for byte): it is there already, so it is unchanged and said to be the
    bundled one, not a failure asking for --replace; the library is left alone, and a
    report of that folder that is not bundled is still added."""
    folder = Path(library_dir()).parent / "mine"
    folder.mkdir(parents=True)
    shutil.copy(seeds_dir / "000_c0cf95335cf428a1.txt", folder / "yangpu.txt")
    code, out, err = run(capsys, "add", "--dry-run", str(folder / "yangpu.txt"))
    assert code == 0, err
    assert out.split("\t")[:2] == ["unchanged", "yangpu-2023"]
    code, out, err = run(capsys, "add", str(folder))
    assert code == 0, err
    fields = out.rstrip("\n").split("\t")
    assert fields[:2] == ["unchanged", "yangpu-2023"]
    assert fields[-1] == "bundled with reportdiff: nothing to add"
    assert "failed" not in err and "--replace" not in err
    assert user_metas() == []


def test_a_changed_copy_of_a_bundled_report_still_needs_replace(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    """Only the very text and metadata bundled are the bundled report: a copy with a line
    more is another report under a bundled id, refused without --replace as before."""
    folder = Path(library_dir()).parent / "mine"
    folder.mkdir(parents=True)
    raw = (seeds_dir / "000_c0cf95335cf428a1.txt").read_text(encoding="utf-8")
    (folder / "yangpu.txt").write_text(raw + "\n另外，我们还新建了三所学校。\n", encoding="utf-8")
    code, _out, err = run(capsys, "add", str(folder / "yangpu.txt"))
    assert code == 1
    assert "bundled report; use --replace" in err


def test_unchanged_in_chinese_says_the_report_is_there_not_that_a_figure_is_flat(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    """持平 is what a figure that did not move is called; a report added again is 未变 (the
    library's word, as 已添加 is for added)."""
    seed = str(corpus_dir / R1995)
    assert run(capsys, "add", seed)[0] == 0
    code, out, err = run(capsys, "--lang", "zh", "add", seed)
    assert (code, err) == (0, "")
    assert out.split("\t")[:2] == ["未变", "national-1994"]
