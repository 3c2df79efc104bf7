"""Charts as images: the timeline's SVG/PNG and the word cloud of new terms.

The files must exist, be valid (the SVG parses as XML; the PNG has its signature and the
size drawn) and carry the title's Han characters as text, set in a font that has them.
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from reportdiff import charts
from reportdiff.charts import Chart, chart_image, han_font, text_plot, word_cloud
from reportdiff.cli import main
from reportdiff.core.errors import ReportError

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def font() -> str:
    try:
        return han_font()
    except ReportError as exc:
        if __import__("os").environ.get("CI"):
            raise
        pytest.skip(str(exc))


def _svg_texts(data: bytes) -> str:
    root = ET.fromstring(data)
    assert root.tag == SVG_NS + "svg"
    return "".join("".join(el.itertext()) for el in root.iter(SVG_NS + "text"))


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _hand_chart() -> Chart:
    return Chart(
        "粮食产量",
        "万吨",
        ("1994", "1995", "1996"),
        (("result", (44450.0, None, 48000.0)), ("target", (None, 45500.0, None))),
    )


def test_svg_chart_keeps_han_title_as_text(font: str) -> None:
    data = chart_image(_hand_chart(), "svg")
    texts = _svg_texts(data)
    assert "粮食产量" in texts and "万吨" in texts
    assert "1995" in texts


def test_png_chart_is_a_png_of_the_drawn_size(font: str) -> None:
    data = chart_image(_hand_chart(), "png")
    assert _png_size(data) == (900, 480)


def test_cli_timeline_svg_and_png_files(
    font: str, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(corpus_dir / f"{y}.txt") for y in (2004, 2005)]
    for fmt in ("svg", "png"):
        out = tmp_path / f"gdp.{fmt}"
        code = main(["timeline", *paths, "-i", "国内生产总值增长", "-f", fmt, "-o", str(out)])
        assert code == 0, capsys.readouterr().err
        data = out.read_bytes()
        if fmt == "svg":
            assert "国内生产总值增长" in _svg_texts(data)
        else:
            assert _png_size(data) == (900, 480)


def test_no_han_font_is_one_line_naming_the_package(
    monkeypatch: pytest.MonkeyPatch,
    corpus_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(charts.FONT_ENV, raising=False)
    monkeypatch.setattr(charts.shutil, "which", lambda _name: None)
    monkeypatch.setattr(charts, "_font_with_han", lambda: None)
    han_font.cache_clear()
    try:
        out = tmp_path / "x.svg"
        code = main(["timeline", str(corpus_dir / "2005.txt"), "-i", "国内生产总值增长",
                     "-f", "svg", "-o", str(out)])  # fmt: skip
    finally:
        han_font.cache_clear()
    err = capsys.readouterr().err
    assert code != 0 and not out.exists()
    assert charts.FONT_PACKAGE in err and err.count("\n") == 1


def test_text_plot_leaves_gaps_and_lists_its_lines() -> None:
    plot = text_plot(_hand_chart(), width=60, height=12)
    assert "\x1b" not in plot
    assert "result" in plot.splitlines()[-1] and "target" in plot.splitlines()[-1]
    assert "1994" in plot and "1996" in plot


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_word_cloud_files(font: str, fmt: str) -> None:
    data = word_cloud(
        {"新质生产力": 5.0, "高质量发展": 3.0, "[bold]": 1.0}, fmt, width=400, height=200
    )
    if fmt == "png":
        assert _png_size(data) == (400, 200)
    else:
        texts = _svg_texts(data)
        assert "新质生产力" in texts and "[bold]" in texts


def test_cli_terms_word_cloud_and_term_chart(
    font: str, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(corpus_dir / f"{y}.txt") for y in (2004, 2005)]
    cloud = tmp_path / "cloud.png"
    assert main(["terms", *paths, "-f", "png", "-o", str(cloud)]) == 0
    assert _png_size(cloud.read_bytes()) == (1000, 600)
    chart = tmp_path / "term.svg"
    assert main(["terms", *paths, "-t", "科学发展观", "-f", "svg", "-o", str(chart)]) == 0
    assert "科学发展观" in _svg_texts(chart.read_bytes())
    code = main(["terms", *paths, "-f", "svg"])  # an image on stdout: refused
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "-o" in err
