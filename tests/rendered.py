"""Render a report's text as a real PDF (Debian's chromium) and a real DOCX (python-docx).

Test support for tests/test_rendered_sources.py: the same report as the corpus .txt holds
it, laid out the way a government office publishes it — a title, the ——date…会议上 line,
indented paragraphs and numbered headings — on a narrow page, so that every paragraph is
hard-wrapped mid-sentence (and mid-number) by a real renderer, with or without the
browser's printed header and footer (date, title, file URL, page n/m on every page).
"""

from __future__ import annotations

import html
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

CHROMIUM = os.environ.get("REPORTDIFF_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def browser_or_skip():  # type: ignore[no-untyped-def]
    """playwright's ``sync_playwright`` when it and Debian's chromium are here; otherwise the
    test is skipped, or fails under CI (where .ci/run installs chromium)."""
    import pytest

    reason = ""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright is not installed (pip install '.[test]')"
        sync_playwright = None
    if not reason and not Path(CHROMIUM).exists():
        reason = f"no chromium at {CHROMIUM} (apt-get install chromium)"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return sync_playwright


#: A narrow page (a little over A6 width) with a common Chinese body style: 首行缩进 two
#: characters, justified lines (which spread the characters of a line), headings centred
#: or bold. About 22 Han characters fit on a line.
PAGE_CSS = """
@page { size: 120mm 170mm; margin: 16mm 12mm; }
body { font-family: "WenQuanYi Micro Hei", serif; font-size: 10.5pt; line-height: 1.5; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 .6em; }
h2 { font-size: 12pt; margin: .8em 0 .3em; }
h3 { font-size: 10.5pt; margin: .5em 0 .2em; text-indent: 2em; }
p { margin: 0 0 .2em; text-indent: 2em; text-align: justify; }
p.front { text-align: center; text-indent: 0; }
"""
#: The same page as a web office prints it: paragraphs apart by a blank line's space and
#: not indented, so only the spacing tells where a paragraph starts.
SPACED_CSS = PAGE_CSS.replace(
    "p { margin: 0 0 .2em; text-indent: 2em;", "p { margin: 0 0 1em; text-indent: 0;"
)


def report_lines(text: str, *, source: str) -> Iterable[tuple[str, str]]:
    """The lines of a cleaned report ``text`` as ``(role, text)``: role ``title``, ``front``,
    ``heading1``, ``heading2`` or ``body``, from the text's own reading (front matter,
    section headings)."""
    from reportdiff.core.text.load import load_text, split_front_matter

    _, body = split_front_matter(text, source=source)
    start = len(text) - len(body)
    report = load_text(text, source=source)
    depth = {start + section.span.start: len(path) for path, section in report.walk()}
    first = True
    offset = 0
    for line in text.split("\n"):
        at, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        if at < start:
            yield ("title" if first else "front"), stripped
            first = False
        elif at in depth:
            yield ("heading1" if depth[at] == 1 else "heading2"), stripped
        else:
            yield "body", stripped


def report_html(text: str, *, source: str, title: str, css: str = PAGE_CSS) -> str:
    """A small HTML page holding a cleaned report ``text``, as a government site prints it;
    ``title`` is the page's title (chromium prints it in the page header)."""
    out = []
    for role, line in report_lines(text, source=source):
        t = html.escape(line)
        if role == "title":
            out.append(f"<h1>{t}</h1>")
        elif role == "front":
            out.append(f'<p class="front">{t}</p>')
        elif role == "heading1":
            out.append(f"<h2>{t}</h2>")
        elif role == "heading2":
            out.append(f"<h3>{t}</h3>")
        else:
            out.append(f"<p>{t}</p>")
    body = "\n".join(out)
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{css}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def write_docx(text: str, path: Path, *, source: str) -> Path:
    """A cleaned report ``text`` as Word holds it: Title and Heading styles, paragraphs."""
    import docx

    document = docx.Document()
    for role, line in report_lines(text, source=source):
        style = {
            "title": "Title",
            "heading1": "Heading 1",
            "heading2": "Heading 2",
        }.get(role, "Normal")
        document.add_paragraph(line, style=style)
    document.save(str(path))
    return path


def render_pdfs(jobs: list[tuple[Path, Path, bool]]) -> None:
    """Print each ``(html, pdf, header_footer)`` job with one chromium run for them all.

    With ``header_footer``, chromium prints its own header and footer on every page (the
    date and time, the page's title; the file URL and ``n/m``), as "Print to PDF" does
    when the box is left ticked.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            for source, target, header_footer in jobs:
                page.goto(source.as_uri())
                page.pdf(
                    path=str(target),
                    display_header_footer=header_footer,
                    prefer_css_page_size=True,
                )
        finally:
            browser.close()
