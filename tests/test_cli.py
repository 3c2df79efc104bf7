"""The command line: help, version, list, show, unknown ids, paths, python -m."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportdiff import __version__
from reportdiff.cli import main

SAMPLE_IDS = [
    "huangpu-2023",
    "jingan-2023",
    "pudong-2023",
    "shanghai-2023",
    "xuhui-2022",
    "yangpu-2022",
    "yangpu-2023",
    "yangpu-2023-plan",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for word in ("list", "show", "open", "reportdiff yangpu-2022 yangpu-2023"):
        assert word in out


@pytest.mark.parametrize("command", ["list", "show", "open"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert f"reportdiff {command}" in out
    assert len(out.splitlines()) >= 3


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"reportdiff {__version__}"


def test_list_piped_is_tsv_of_all_samples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t") == ["id", "region", "year", "delivered", "title", "size", "origin"]
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[1:]}
    assert sorted(rows) == SAMPLE_IDS
    assert rows["yangpu-2022"][1:4] == ["杨浦区", "2022", "unknown"]
    assert rows["shanghai-2023"][1:4] == ["上海市", "2023", "2024"]
    assert all(int(r[5]) > 1000 for r in rows.values())
    assert {r[6] for r in rows.values()} == {"bundled"}


def test_show_prints_metadata_and_outline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "yangpu-2022")
    assert code == 0, err
    assert "杨浦区" in out and "2022" in out
    assert "抓防控战疫情" in out and "抓作风增效能" in out
    assert "经济指标企稳回升" in out


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("yangpu2022", "yangpu-2022"), ("杨浦-2022", "yangpu-2022"), ("xuhui-2021", "xuhui-2022")],
)
def test_unknown_id_names_closest(
    capsys: pytest.CaptureFixture[str], typed: str, expected: str
) -> None:
    code, out, err = run(capsys, "show", typed)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("reportdiff: unknown report id")
    assert expected in err


def test_path_works_where_an_id_does(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, err = run(capsys, "show", str(seeds_dir / "002_7593e2e4601e9f0f.txt"))
    assert code == 0, err
    assert "抓纾困促重振" in out


def test_missing_path_is_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "show", str(tmp_path / "nope.txt"))
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_python_dash_m_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportdiff", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"reportdiff {__version__}"


def test_help_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom reportdiff.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules, 'jieba' in sys.modules, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stderr.strip() == "False False"


def test_a_path_never_takes_a_known_id(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    """A user's copy of yangpu-2022 is known by its file name, not as a second yangpu-2022."""
    copy = tmp_path / "yangpu-2022.txt"
    copy.write_bytes((seeds_dir / "002_7593e2e4601e9f0f.txt").read_bytes())
    code, out, err = run(capsys, "show", str(copy))
    assert code == 0, err
    assert "id:     yangpu-2022-file" in out
    code, out, err = run(capsys, "show", str(seeds_dir / "002_7593e2e4601e9f0f.txt"))
    assert "id:     002_7593e2e4601e9f0f" in out
    code, out, err = run(capsys, "export", str(copy), "yangpu-2022", "--format", "csv")
    assert code == 0, err
    header = out.lstrip("\ufeff").splitlines()[0]
    assert "yangpu-2022-file" in header and "yangpu-2022#2" not in header


def test_show_text_prints_the_text_offsets_point_into(capsys: pytest.CaptureFixture[str]) -> None:
    from reportdiff.core.storage.samples import load_sample

    code, out, _ = run(capsys, "show", "yangpu-2022", "--text")
    assert code == 0
    assert out == load_sample("yangpu-2022").text


def test_empty_id_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "")
    assert code == 2
    assert err.startswith("reportdiff: empty report id")


def test_reader_without_a_terminal_refuses_instead_of_hanging() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportdiff", "yangpu-2022", "yangpu-2023"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("reportdiff: the reader needs a terminal")
    assert len(proc.stderr.splitlines()) == 1


def test_one_report_without_a_terminal_suggests_a_command_that_works() -> None:
    """Export needs two reports: with one the suggestion is ``show``, and it runs."""
    proc = subprocess.run(
        [sys.executable, "-m", "reportdiff", "yangpu-2022"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1
    assert "export" not in proc.stderr
    suggested = proc.stderr.split("`")[1]
    assert suggested == "reportdiff show yangpu-2022"
    shown = subprocess.run(
        [sys.executable, "-m", "reportdiff", *suggested.split()[1:]],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    assert "yangpu-2022" in shown.stdout


def test_open_needs_no_parser_and_restores_collection() -> None:
    """``reportdiff A B`` is the reader's start-up path: no argparse, and the garbage
    collector it turns off while Textual loads is back on when it returns (here with the
    no-terminal error)."""
    code = (
        "import gc, sys\n"
        "from reportdiff.cli import main\n"
        "code = main(['yangpu-2022', 'yangpu-2023'])\n"
        "print(code, 'argparse' in sys.modules, gc.isenabled())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.stdout.split() == ["2", "False", "True"]
    assert proc.stderr.startswith("reportdiff: the reader needs a terminal")


def test_open_unknown_id_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "yangpu-2022", "yangpu-2099")
    assert code == 2
    assert out == ""
    assert err.startswith("reportdiff: ") and "yangpu-2099" in err
    assert len(err.splitlines()) == 1


def test_open_with_an_option_still_parses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["yangpu-2022", "--help"])
    assert exc.value.code == 0
    assert "reportdiff open" in capsys.readouterr().out


def test_an_id_with_the_year_delivered_names_the_report_delivered_then(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    """Ids carry the year a report reviews: the 1994 report is national-1993. Someone who
    types national-1994 (the year on its title) is told of national-1993, first, and why;
    shanghai-2024 (the 2024 report) of shanghai-2023."""
    for year in (1994, 1999, 1955):
        assert run(capsys, "add", str(corpus_dir / f"{year}.txt"))[0] == 0
    code, out, err = run(capsys, "--lang", "en", "show", "national-1994")
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(
        "reportdiff: unknown report id 'national-1994'; did you mean national-1993"
    ), err
    assert "delivered in 1994" in err
    code, _out, err = run(capsys, "--lang", "en", "show", "shanghai-2024")
    assert code == 2
    assert "did you mean shanghai-2023" in err and "delivered in 2024" in err
