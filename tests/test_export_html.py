"""The HTML export, opened in a real browser (Debian's chromium driven by playwright).

Skipped with a reason where no browser is installed; CI installs one (.ci/run) and there
a missing browser fails the tests instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rendered import CHROMIUM, browser_or_skip
from reportdiff.cli import main
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export_html import to_html
from reportdiff.core.storage.samples import load_sample
from revisions import EDITS, revised

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src="http://example.invalid/x.png" onerror="alert(2)">'


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """yangpu-2023 against a draft with four edits and two hostile insertions, as HTML."""
    base = load_sample("yangpu-2023")
    hostile = (
        ("全年推进100项规模体量大、发展前景好、带动作用强的重大工程项目，", "", SCRIPT),
        ("开放合作活力涌现。", "", IMG),
    )
    edits = tuple(sorted((*EDITS, *hostile), key=lambda e: base.text.index(e[0] + e[1])))
    draft = revised(base, edits)
    path = tmp_path_factory.mktemp("html") / "cmp.html"
    path.write_text(to_html(compare([base, draft], use_cache=False)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    sync_playwright = browser_or_skip()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def _open(browser, path: Path, **context):  # type: ignore[no-untyped-def]
    """A page showing ``path`` with every request but the page itself blocked and recorded."""
    ctx = browser.new_context(**context)
    requests: list[str] = []
    dialogs: list[str] = []
    url = path.as_uri()

    def block(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url != url:
            requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    ctx.route("**/*", block)
    page = ctx.new_page()
    page.on("request", lambda r: r.url != url and requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, requests, dialogs


def test_no_request_leaves_the_page_and_report_text_stays_text(browser, page_file) -> None:  # type: ignore[no-untyped-def]
    page, requests, dialogs = _open(browser, page_file)
    assert requests == []
    assert dialogs == []
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    body = page.inner_text("body")
    assert SCRIPT in body and IMG in body
    # the hostile text is an insertion: it sits, literally, inside an <ins>
    assert any(SCRIPT in t for t in page.locator("ins").all_inner_texts())


def test_ins_and_del_are_visible_and_not_colour_only(browser, page_file) -> None:  # type: ignore[no-untyped-def]
    page, _requests, _dialogs = _open(browser, page_file)
    for tag, decoration in (("ins", "underline"), ("del", "line-through")):
        marks = page.locator(f".cell {tag}")
        assert marks.count() >= 3
        first = marks.first
        assert first.is_visible()
        box = first.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        style = first.evaluate("e => getComputedStyle(e).textDecorationLine")
        assert decoration in style
    dropped = page.locator(".cell del").all_inner_texts()
    added = page.locator(".cell ins").all_inner_texts()
    assert "5800" in dropped and "6100" in added and "低空" in dropped
    # where the draft inserted text, the base shows a caret; the draft its <ins>
    base_cell = page.locator(".cell", has=page.locator("del", has_text="5800")).first
    assert base_cell.locator(".caret").count() >= 2
    assert "‸" not in "".join(page.locator(".cell ins").all_inner_texts())


def test_toc_links_jump_to_their_rows(browser, page_file) -> None:  # type: ignore[no-untyped-def]
    page, _requests, _dialogs = _open(browser, page_file, viewport={"width": 1200, "height": 700})
    links = page.locator("nav.toc a")
    assert links.count() >= 4
    for k in (3, 1):
        link = links.nth(k)
        target = link.get_attribute("href")
        assert target and target.startswith("#")
        link.click()
        page.wait_for_function(f"location.hash === {target!r}")
        top = page.evaluate(f"document.getElementById({target[1:]!r}).getBoundingClientRect().top")
        assert abs(top) < 5, f"{target} is at {top}px, not at the top"
        heading = page.locator(target).inner_text()
        assert heading.split(" ↔ ")[0] in link.inner_text()


def test_a_phone_gets_one_column_and_no_sideways_scrolling(browser, page_file) -> None:  # type: ignore[no-untyped-def]
    page, _requests, _dialogs = _open(
        browser, page_file, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    row = page.locator("main .row:not(.heading)").nth(2)
    cells = row.locator(".cell")
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert first and second and second["y"] >= first["y"] + first["height"] - 1
    assert cells.nth(1).locator(".who").is_visible()  # each cell says whose text it is


def test_printed_marks_do_not_rely_on_colour(browser, page_file, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _requests, _dialogs = _open(browser, page_file)
    page.emulate_media(media="print")
    ins = page.locator(".cell ins").first
    assert "underline" in ins.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert ins.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_export_command_writes_html(tmp_path: Path) -> None:
    out = tmp_path / "cmp.html"
    assert main(["export", "yangpu-2022", "yangpu-2023", "--format", "html", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in text and "http://" not in text and "https://" not in text


def test_parts_without_a_heading_are_named_by_their_words_as_in_markdown(
    corpus_dir: Path,
) -> None:
    """1994 ↔ 1999: the parts that open on 各位代表！ have no heading. The page's contents and
    titles name each by its opening words, as the Markdown export does, never eleven
    indistinguishable "(no heading)" links."""
    import re

    from reportdiff.core.storage.resolve import resolve_report

    reports = [resolve_report(str(corpus_dir / f"{year}.txt")) for year in (1994, 1999)]
    page = to_html(compare(reports))
    assert "(no heading)" not in page
    toc = page[page.index('<nav class="toc"') : page.index("</nav>")]
    links = re.findall(r'<a href="#row-\d+">(.*?)</a>', toc)
    untitled = [link for link in links if "「" in link]
    assert len(untitled) >= 5
    assert any(link.startswith("「各位代表！") for link in untitled)
    assert len(set(untitled)) == len(untitled)
