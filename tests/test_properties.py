"""Property tests: random and adversarial Unicode never crashes, and every offset is in its text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportdiff.core.errors import ReportError
from reportdiff.core.ingest import read_document
from reportdiff.core.ingest_html import html_to_text

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

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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
