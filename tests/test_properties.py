"""Property tests: random and adversarial Unicode never crashes, and every offset is in its text."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportdiff.core.analysis.align import align_reports
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export import to_csv, to_json, to_markdown
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.comparison import AlignedRow, Quantity
from reportdiff.core.errors import ReportError
from reportdiff.core.model import Block, Report, Section, Span
from reportdiff.core.sources.html_text import html_to_text
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.sources.pdf_layout import PdfLine, layout
from reportdiff.core.storage.library import add_report, load_user_report
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.load import load_text

# Pieces real attacks and real reports are made of: markup that Rich/Textual/Markdown would
# interpret, terminal escapes, invisible characters, and the markers the parser keys on.
HOSTILE = [
    "[bold]",
    "[/]",
    "[/bold]",
    "[red on blue]",
    "[link=http://x]",
    "[@click=app.quit]",
    "\x1b[31m",
    "\x1b[0m",
    "\x1b]8;;http://x\x1b\\",
    "\x1b[2J",
    "\x07",
    "\x08",
    "\r",
    "<script>alert(1)</script>",
    "<b>",
    "&amp;",
    "&#0;",
    "| a | b |",
    "|---|",
    "`",
    "*",
    "_",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u202e",
    "\u2028",
    "\u2029",
    "\x85",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\ud7ff",
    "\U0001f600",
    "\U00020000",
    "一、",
    "（一）",
    "(一)",
    "▶",
    "◆",
    "●",
    "- ",
    "1.",
    "——2024年1月23日在上海市第十六届人民代表大会第二次会议上",
    "政府工作报告",
    "名词解释",
    "注释",
    "二〇二三年工作回顾",
    "增长8%",
    "154.99亿元",
    "约3%左右",
    "1.37万亿斤",
    "十四五",
    "。",
    "，",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\u3000",
]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), max_size=60).map(
    "".join
)

#: Examples per property (REPORTDIFF_EXAMPLES=5000 for a long hunt before a release).
EXAMPLES = int(os.environ.get("REPORTDIFF_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(hostile_text)
def test_html_to_text_never_crashes(text: str) -> None:
    out = html_to_text(text)
    assert isinstance(out, str)
    assert "\n\n" not in out and not out.startswith("\n")


@SETTINGS
@given(
    st.one_of(
        st.binary(max_size=400),
        hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
        hostile_text.map(lambda t: t.encode("gb18030", "ignore")),
        hostile_text.map(lambda t: b"<html><body>" + t.encode("utf-8", "ignore")),
        hostile_text.map(lambda t: b"%PDF-1.4\n" + t.encode("utf-8", "ignore")),
        hostile_text.map(lambda t: b"PK\x03\x04" + t.encode("utf-8", "ignore")),
    ),
    st.sampled_from([".txt", ".html", ".pdf", ".docx", ""]),
)
def test_any_bytes_read_or_fail_with_one_line(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(data)
        try:
            text = read_document(path)
        except ReportError as exc:
            assert "\n" not in str(exc) and str(exc)
        else:
            assert text.strip() and "\r" not in text and "\x00" not in text


# ---------------------------------------------------------------- cleaning and parsing


def report_spans(report: Report) -> list[tuple[str, Span]]:
    """Every span a parsed report carries, named for the failure message."""
    spans: list[tuple[str, Span]] = []

    def blocks(where: str, items: tuple[Block, ...]) -> None:
        for i, block in enumerate(items):
            spans.append((f"{where}.block{i}", block.span))
            if block.lead is not None:
                spans.append((f"{where}.block{i}.lead", block.lead))
            spans.extend((f"{where}.block{i}.item{k}", s) for k, s in enumerate(block.items))

    def sections(where: str, items: tuple[Section, ...]) -> None:
        for i, section in enumerate(items):
            name = f"{where}{i}"
            spans.append((name, section.span))
            spans.append((f"{name}.heading", section.heading))
            blocks(name, section.blocks)
            sections(f"{name}.", section.children)

    blocks("preamble", report.preamble)
    sections("section", report.sections)
    sections("appendix", report.appendices)
    return spans


def assert_spans_inside(report: Report) -> None:
    n = len(report.text)
    for name, span in report_spans(report):
        assert 0 <= span.start <= span.end <= n, f"{name} {span} outside text of length {n}"
    for path, section in report.walk():
        assert section.span.contains(section.heading), path
        for block in section.blocks:
            assert section.span.contains(block.span), path
            if block.lead is not None:
                assert block.span.contains(block.lead), path
            for item in block.items:
                assert block.span.contains(item), path


report_like = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=12),
        st.sampled_from(["▶ 优存量、扩增量，经济发展稳中有进\n", "- 区级财政收入完成154.99亿元\n"]),
    ),
    max_size=80,
).map("".join)


@SETTINGS
@given(report_like)
def test_clean_text_never_crashes(raw: str) -> None:
    # Idempotence is the parser's own property (tests/test_parse*.py); here: no exception.
    cleaned = clean_text(raw)
    assert cleaned == "" or cleaned.endswith("\n")


@SETTINGS
@given(report_like)
def test_load_text_spans_stay_inside_the_text(raw: str) -> None:
    try:
        report = load_text(raw, source="hypothesis.txt")
    except ReportError as exc:
        assert "\n" not in str(exc)
        return
    assert_spans_inside(report)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_seed_slices_with_hostile_insertions_parse(seeds_dir: Path, data: st.DataObject) -> None:
    """Real report text cut anywhere, with attack strings spliced in, still parses cleanly."""
    seed = data.draw(st.sampled_from(sorted(seeds_dir.glob("0*.txt"))))
    text = seed.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 3000)))
    piece = text[start:end]
    for _ in range(data.draw(st.integers(0, 5))):
        at = data.draw(st.integers(0, len(piece)))
        piece = piece[:at] + data.draw(st.sampled_from(HOSTILE)) + piece[at:]
    try:
        report = load_text(piece, source=seed.name)
    except ReportError:
        return
    assert_spans_inside(report)


# ---------------------------------------------------------------- numbers, alignment, exports


def assert_quantities_inside(report: Report, quantities: tuple[Quantity, ...]) -> None:
    n = len(report.text)
    for q in quantities:
        assert 0 <= q.span.start <= q.span.end <= n, q
        assert report.slice(q.span) == q.text, q
        if q.indicator_span is not None:
            assert 0 <= q.indicator_span.start <= q.indicator_span.end <= n, q


def assert_rows_inside(reports: tuple[Report, ...], rows: tuple[AlignedRow, ...]) -> None:
    for row in rows:
        assert len(row.nodes) == len(reports)
        for score in (row.score, row.heading_score, row.body_score):
            assert 0.0 <= score <= 1.0, row
        for report, node in zip(reports, row.nodes, strict=True):
            if node is None:
                continue
            n = len(report.text)
            assert 0 <= node.span.start <= node.span.end <= n, node
            if node.label_span is not None:
                assert node.span.contains(node.label_span) or (
                    0 <= node.label_span.start <= node.label_span.end <= n
                ), node
        assert_rows_inside(reports, row.children)


def _load_or_none(raw: str, source: str) -> Report | None:
    try:
        return load_text(raw, source=source)
    except ReportError:
        return None


@settings(max_examples=EXAMPLES // 3 or 1, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_engine_on_hostile_reports(seeds_dir: Path, data: st.DataObject) -> None:
    """Seed slices with attack strings, and pure noise: numbers, alignment, comparison and
    every export run without an exception, every offset lies inside its report's text, and
    no export lets markup or terminal escapes through."""
    reports: list[Report] = []
    for k in range(2):
        if data.draw(st.booleans(), label=f"noise{k}"):
            raw = data.draw(report_like, label=f"raw{k}")
        else:
            seed = data.draw(st.sampled_from(sorted(seeds_dir.glob("0*.txt"))), label=f"seed{k}")
            text = seed.read_text(encoding="utf-8")
            start = data.draw(st.integers(0, len(text)), label=f"start{k}")
            raw = text[start : start + data.draw(st.integers(0, 4000), label=f"len{k}")]
            for _ in range(data.draw(st.integers(0, 6), label=f"attacks{k}")):
                at = data.draw(st.integers(0, len(raw)))
                raw = raw[:at] + data.draw(st.sampled_from(HOSTILE)) + raw[at:]
        report = _load_or_none(raw, f"r{k}.txt")
        if report is not None:
            reports.append(report)
    if len(reports) < 2:
        return
    pair = tuple(reports)
    for report in pair:
        assert_quantities_inside(report, extract_quantities(report))
    assert_rows_inside(pair, align_reports(pair))
    cmp = compare(pair, use_cache=False)
    assert_rows_inside(cmp.reports, cmp.alignment)
    for phrase in cmp.phrases:
        for report, spans in zip(cmp.reports, phrase.spans, strict=True):
            for span in spans:
                assert 0 <= span.start <= span.end <= len(report.text), phrase
    for report, spans in zip(cmp.reports, cmp.unique, strict=True):
        for span in spans:
            assert 0 <= span.start <= span.end <= len(report.text)
    for pair_ in cmp.numbers:
        for report, q in zip(cmp.reports, pair_.values, strict=True):
            if q is not None:
                assert_quantities_inside(report, (q,))
    md, js, csv_text = to_markdown(cmp), to_json(cmp), to_csv(cmp)
    for out in (md, js, csv_text):
        assert "\x1b" not in out
    assert "<script>" not in md
    json.loads(js)
    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff"))))
    assert all(len(row) == len(rows[0]) for row in rows)


pdf_lines = st.lists(
    st.builds(
        PdfLine,
        hostile_text.map(str.strip).filter(bool),
        st.one_of(st.none(), st.floats(-1e4, 1e4)),
        st.one_of(st.none(), st.floats(-1e4, 1e4)),
        st.floats(0, 50),
    ),
    max_size=30,
)


@SETTINGS
@given(st.lists(pdf_lines, max_size=4))
def test_pdf_layout_keeps_every_character(pages: list[list[PdfLine]]) -> None:
    """Whatever positions a PDF reports, layout only adds or removes line breaks."""
    out = layout(pages)
    squeeze = str.maketrans("", "", " \n")
    assert out.translate(squeeze) == "".join(
        line.text for page in pages for line in page
    ).translate(squeeze)


@settings(
    max_examples=max(EXAMPLES // 5, 10), deadline=None, suppress_health_check=list(HealthCheck)
)
@given(report_like, st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_library_round_trip_keeps_hostile_text(raw: str, encoding: str) -> None:
    """Whatever a file holds, the library gives back exactly the report the file parses to."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REPORTDIFF_HOME"] = tmp  # the autouse fixture restores it after the test
        path = Path(tmp) / "report.txt"
        path.write_bytes(raw.encode(encoding, errors="ignore"))
        try:
            expected = load_text(read_document(path), source=str(path))
            (meta,) = add_report(path, id="prop-2023", year=2023)
        except ReportError as exc:
            assert "\n" not in str(exc)
            return
        loaded = load_user_report("prop-2023")
        assert meta == loaded.meta
        assert loaded.text == expected.text
        assert loaded.sections == expected.sections and loaded.preamble == expected.preamble
