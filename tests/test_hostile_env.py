"""A hostile environment: odd locales, a home that is a file, broken caches, odd arguments.

Each used to end in a traceback; now each is one line (or just works).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportdiff.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "yangpu-2023.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str, *needles: str) -> None:
    assert code != 0 and out == ""
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1 and err.startswith("reportdiff: "), err
    for needle in needles:
        assert needle in err


def cli(
    *argv: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The installed command in a fresh interpreter (locale settings act at start-up)."""
    return subprocess.run(
        [sys.executable, "-m", "reportdiff", *argv],
        env={**os.environ, **(env or {})},
        cwd=cwd,
        capture_output=True,
        timeout=300,
        check=False,
    )


def test_posix_locale_without_utf8_mode(tmp_path: Path) -> None:
    """`LC_ALL=POSIX PYTHONUTF8=0`: ASCII stdout, file names as undecodable bytes."""
    env = {"LC_ALL": "POSIX", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    (tmp_path / "闵行报告.txt").write_bytes(SAMPLE.read_bytes())
    for argv in (
        ("list",),
        ("show", "yangpu-2023"),
        ("show", "闵行报告.txt"),
        ("add", "闵行报告.txt", "--region", "闵行区"),
        ("export", "闵行报告.txt", "yangpu-2022"),
        ("export", "闵行报告.txt", "yangpu-2022", "-f", "csv", "-o", "out.csv"),
        ("show", "nowhere-2020"),
    ):
        done = cli(*argv, env=env, cwd=tmp_path)
        assert b"Traceback" not in done.stderr, (argv, done.stderr.decode("utf-8", "replace"))
        if argv[1:] != ("nowhere-2020",):
            assert done.returncode == 0, (argv, done.stderr.decode("utf-8", "replace"))
    listed = cli("list", env=env, cwd=tmp_path).stdout.decode("utf-8")
    assert "闵行区" in listed and "杨浦区" in listed
    assert "闵行报告" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")


def test_a_300_character_id(capsys: pytest.CaptureFixture[str]) -> None:
    long_id = "a" * 300
    for argv in (("show", long_id), ("export", long_id, "yangpu-2022"), ("remove", long_id, "-y")):
        code, out, err = run(capsys, *argv)
        assert_one_line_error(code, out, err)
    code, out, err = run(capsys, long_id, "yangpu-2022")
    assert_one_line_error(code, out, err)


def test_home_that_is_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("REPORTDIFF_HOME", str(home))
    code, out, err = run(capsys, "list")
    assert code == 0 and "yangpu-2022" in out and err == ""
    code, out, err = run(capsys, "export", "yangpu-2022", "yangpu-2023")
    assert code == 0 and "Traceback" not in err and out.startswith("# ")


def _cache_is_a_file(cache: Path) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("not a directory", encoding="utf-8")


def _jieba_cache_is_a_directory(cache: Path) -> None:
    (cache / "jieba.cache").mkdir(parents=True)


@pytest.mark.parametrize("breakage", [_cache_is_a_file, _jieba_cache_is_a_directory])
def test_a_broken_cache_is_worked_around_quietly(tmp_path: Path, breakage: object) -> None:
    """jieba used to print its own traceback and leave a 9 MB temp file on every cold run."""
    home = tmp_path / "home"
    cache = home / "cache"
    breakage(cache)  # type: ignore[operator]
    before = sorted(p.name for p in cache.iterdir()) if cache.is_dir() else None
    env = {"REPORTDIFF_HOME": str(home), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    done = cli("export", "yangpu-2022", "yangpu-2023", "-f", "json", env=env)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    if before is not None:
        assert sorted(p.name for p in cache.iterdir()) == sorted([*before, "analysis"])
    assert list((tmp_path / "tmp").iterdir()) == []  # the fallback scratch dir is gone


@pytest.mark.parametrize("year", ["99999", "-1", "0", "1800", "二〇二三"])
def test_year_out_of_range_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, year: str
) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(SAMPLE.read_bytes())
    with pytest.raises(SystemExit) as exc:
        main(["add", str(path), f"--year={year}"])
    out, err = capsys.readouterr()
    assert exc.value.code == 2 and out == ""
    assert "argument --year" in err and "Traceback" not in err


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom_names_its_encoding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, order: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode(order))
    code, out, err = run(capsys, "add", str(path))
    assert_one_line_error(code, out, err, "UTF-16 without a byte-order mark", f"--encoding {order}")
    code, out, err = run(capsys, "add", str(path), "--encoding", order, "--id", "mine-2023")
    assert code == 0, err


def test_aes_encrypted_pdf_is_called_encrypted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """pypdf opens it with the empty password, then needs `cryptography` for each page."""
    pytest.importorskip("pypdf")
    try:
        import cryptography  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("with `cryptography` installed pypdf reads AES PDFs")
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    writer = PdfWriter(clone_from=FIXTURES / "yangpu-2023.pdf")
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    # The key check of revision 4 is revision 3's: only the stream filter says AES.
    entry = writer._encrypt_entry
    assert entry is not None
    entry[NameObject("/V")] = NumberObject(4)
    entry[NameObject("/R")] = NumberObject(4)
    aes = {"/CFM": NameObject("/AESV2"), "/AuthEvent": NameObject("/DocOpen")}
    std = DictionaryObject({NameObject(k): v for k, v in aes.items()})
    std[NameObject("/Length")] = NumberObject(16)
    entry[NameObject("/CF")] = DictionaryObject({NameObject("/StdCF"): std})
    entry[NameObject("/StmF")] = NameObject("/StdCF")
    entry[NameObject("/StrF")] = NameObject("/StdCF")
    path = tmp_path / "aes.pdf"
    writer.write(path)
    code, out, err = run(capsys, "show", str(path))
    assert_one_line_error(code, out, err, "is an encrypted PDF (AES)")
    assert "damaged" not in err


def test_every_command_name_is_a_reserved_id() -> None:
    """`reportdiff terms` must never be read as a report id (new commands included)."""
    from reportdiff.cli import COMMANDS
    from reportdiff.core.storage.library import RESERVED_IDS

    assert set(COMMANDS) <= RESERVED_IDS
