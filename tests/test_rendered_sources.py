"""The same report from a real PDF and a real DOCX reads as it does from its .txt.

Four State Council reports of different eras and a Shanghai district summary are laid out
on a narrow page (tests/rendered.py) and printed by Debian's chromium — with its printed
header and footer (date, title, file URL, page n/m on every page; for one report also
without them, for another with paragraphs spaced apart instead of indented) — and written
as a Word document with Title and Heading styles. Read back through :func:`read_document`
and :func:`load_text`, each must give the .txt reading's metadata, every body sentence
(folded for character width and spaces), none of the printed header and footer, the same
sections and the same paragraphs.

Skipped with a reason where chromium or playwright is missing; CI installs both (.ci/run).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS
from rendered import SPACED_CSS, browser_or_skip, render_pdfs, report_html, write_docx
from reportdiff.core.model import Report
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.load import load_text, split_front_matter

#: Reports of different eras and layouts: 1979 (long paragraphs, 一、 parts), 1993
#: (whole text in few lines), 2004 (numbered sections), 2009 (full-width digits), and a
#: district summary with (一) headings and outline items (Xuhui, 2023).
SOURCES = [
    CORPUS / "1979.txt",
    CORPUS / "1993.txt",
    CORPUS / "2004.txt",
    CORPUS / "2009.txt",
    SEEDS / "003_c7b044fd7b48fcbf.txt",
]
#: The one report also printed without header and footer.
PLAIN = CORPUS / "2004.txt"
#: The one report also printed with paragraphs spaced apart instead of indented.
SPACED = CORPUS / "1979.txt"

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"[^。！？；\n]+(?:[。！？；]|$)", re.MULTILINE)


def fold(text: str) -> str:
    """Compatibility-folded (２００９ → 2009, ﬁ → fi) and without any white space."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def body_sentences(report: Report) -> list[str]:
    """The body's sentences (ending in 。！？； or at a line's end, as an outline's items do)
    with 4 or more Han characters, folded."""
    _, body = split_front_matter(report.text, source=report.meta.source)
    out = [fold(s) for s in _SENTENCE.findall(body)]
    return [s for s in dict.fromkeys(out) if len(_HAN.findall(s)) >= 4]


def headings(report: Report) -> list[str]:
    return [fold(section.marker + report.slice(section.heading)) for _, section in report.walk()]


#: What chromium prints in its header and footer: the date and time, the file URL, n/m.
PRINTED = [
    re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},?\s*\d{1,2}:\d{2}"),
    re.compile(r"file:|ﬁle:|/tmp/|\.html"),
    re.compile(r"^\s*\d+\s*/\s*\d+\s*$", re.MULTILINE),
]


@pytest.fixture(scope="session")
def cleaned(corpus_dir: Path, seeds_dir: Path) -> dict[str, str]:
    """The cleaned text of every source: what is laid out on the page."""
    return {p.name: clean_text(read_document(p)) for p in SOURCES}


@pytest.fixture(scope="session")
def txt_readings(cleaned: dict[str, str]) -> dict[str, Report]:
    return {name: load_text(text, source=name) for name, text in cleaned.items()}


@pytest.fixture(scope="session")
def rendered(
    cleaned: dict[str, str],
    txt_readings: dict[str, Report],
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    """``<name>.pdf`` (with header and footer), ``<name>.plain.pdf`` and ``<name>.docx``
    for every source, made once per session (one chromium run prints every PDF)."""
    browser_or_skip()
    folder = tmp_path_factory.mktemp("rendered")
    out: dict[str, Path] = {}
    jobs = []
    for name, text in cleaned.items():
        stem = Path(name).stem
        page = folder / f"{stem}.html"
        title = txt_readings[name].meta.title
        page.write_text(report_html(text, source=name, title=title), encoding="utf-8")
        out[f"{name}.pdf"] = folder / f"{stem}.pdf"
        jobs.append((page, out[f"{name}.pdf"], True))
        if name == PLAIN.name:
            out[f"{name}.plain.pdf"] = folder / f"{stem}.plain.pdf"
            jobs.append((page, out[f"{name}.plain.pdf"], False))
        if name == SPACED.name:
            spaced = folder / f"{stem}.spaced.html"
            spaced.write_text(
                report_html(text, source=name, title=title, css=SPACED_CSS), encoding="utf-8"
            )
            out[f"{name}.spaced.pdf"] = folder / f"{stem}.spaced.pdf"
            jobs.append((spaced, out[f"{name}.spaced.pdf"], True))
        out[f"{name}.docx"] = write_docx(text, folder / f"{stem}.docx", source=name)
    render_pdfs(jobs)
    return out


CASES = [(p.name, fmt) for p in SOURCES for fmt in ("pdf", "docx")] + [
    (PLAIN.name, "plain.pdf"),
    (SPACED.name, "spaced.pdf"),
]


@pytest.fixture(scope="session")
def readings(rendered: dict[str, Path]) -> dict[str, Report]:
    return {key: load_text(read_document(path), source=path.name) for key, path in rendered.items()}


def _ids(case: tuple[str, str]) -> str:
    return f"{Path(case[0]).stem}.{case[1]}"


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_the_metadata_is_the_same(
    case: tuple[str, str], txt_readings: dict[str, Report], readings: dict[str, Report]
) -> None:
    want, got = txt_readings[case[0]].meta, readings[f"{case[0]}.{case[1]}"].meta
    assert (got.region, got.level, got.kind) == (want.region, want.level, want.kind)
    assert (got.year, got.delivered, got.date) == (want.year, want.delivered, want.date)
    assert fold(got.title) == fold(want.title)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_every_body_sentence_survives(
    case: tuple[str, str], txt_readings: dict[str, Report], readings: dict[str, Report]
) -> None:
    got = readings[f"{case[0]}.{case[1]}"]
    _, body = split_front_matter(got.text, source=got.meta.source)
    text = fold(body)
    lost = [s for s in body_sentences(txt_readings[case[0]]) if s not in text]
    assert lost == []


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_no_printed_header_or_footer_is_left(
    case: tuple[str, str], readings: dict[str, Report]
) -> None:
    text = readings[f"{case[0]}.{case[1]}"].text
    left = [m.group() for pattern in PRINTED for m in pattern.finditer(text)]
    assert left == []


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_the_sections_are_the_same(
    case: tuple[str, str], txt_readings: dict[str, Report], readings: dict[str, Report]
) -> None:
    assert headings(readings[f"{case[0]}.{case[1]}"]) == headings(txt_readings[case[0]])


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_the_paragraphs_are_the_same(
    case: tuple[str, str], txt_readings: dict[str, Report], readings: dict[str, Report]
) -> None:
    """Stricter than sentence by sentence: every paragraph, heading and item line as the
    .txt reading has it, exactly (no space inserted, none lost, no line split or joined)."""
    want = [line for line in txt_readings[case[0]].text.splitlines() if line.strip()]
    got = [line for line in readings[f"{case[0]}.{case[1]}"].text.splitlines() if line.strip()]
    assert got == want
