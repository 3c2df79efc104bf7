"""End to end: a GBK text, an HTML page, a PDF and a DOCX go into the library and read like the samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core.analysis.compare import compare
from reportdiff.core.model import Report
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.samples import load_sample
from reportdiff.core.text.outline import format_outline

FIXTURES = Path(__file__).resolve().parent / "fixtures"


GOV_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>杨浦区政府工作报告_上海市杨浦区人民政府</title>
<style>.nav{{color:red}} p {{margin:0}}</style>
<script>var s = "<p>脚本里的文字</p>"; document.write(s);</script></head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a>办事服务</a></div>
<div id="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<div class="wrap">
 <h1 class="article-title">{title}</h1>
 <div class="info">发布日期：2023-01-10 字号：<a>大</a> <a>中</a> <a>小</a></div>
 <div class="TRS_Editor" id="zoom">
{body}
 </div>
 <div class="share">分享到：微信 微博</div>
 <ul class="related-list"><li><a href="#">相关链接：2022年政府工作报告</a></li></ul>
</div>
<footer>版权所有 &copy; 上海市杨浦区人民政府 沪ICP备00000000号</footer>
<noscript>请启用脚本</noscript>
</body></html>
"""


def gov_page(seed_text: str, *, title: str = "杨浦区政府工作报告", spacers: bool = False) -> str:
    """Wrap a seed's lines as the paragraphs of a typical Chinese government web page.

    Each line becomes a ``<p>`` with the indentation and entities such pages use, and
    long lines are broken in the HTML source as CMS editors do. With ``spacers``, the
    seed's blank lines become ``<p>&nbsp;</p>``, as editors space an outline.
    """
    paras = []
    for line in seed_text.splitlines():
        line = line.strip()
        if not line:
            if spacers and paras and paras[-1] != "  <p>&nbsp;</p>":
                paras.append("  <p>&nbsp;</p>")
            continue
        escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if len(escaped) > 60:
            escaped = escaped[:40] + "\n      " + escaped[40:]
        paras.append(f"  <p>&emsp;&emsp;{escaped}</p>")
    return GOV_PAGE.format(title=title, body="\n".join(paras))


def test_html_page_gives_article_text_only(seeds_dir: Path, tmp_path: Path) -> None:
    seed = (seeds_dir / "002_7593e2e4601e9f0f.txt").read_text(encoding="utf-8")
    path = tmp_path / "report.html"
    path.write_bytes(gov_page(seed).encode("gb18030"))
    got = read_document(path)
    lines = [line for line in got.splitlines() if line]
    assert lines[0] == "杨浦区政府工作报告"
    assert lines[1:] == [line.strip() for line in seed.splitlines() if line.strip()]
    # Each <p> is a block of its own, a blank line apart, as in the seed.
    assert got == "\n\n".join(lines)
    assert "\n\n◆抓防控战疫情,人民生命健康全力守护\n\n" in got
    for boilerplate in ("首页", "当前位置", "分享到", "相关链接", "版权所有", "脚本", "发布日期"):
        assert boilerplate not in got


def add(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    """Run ``reportdiff add`` and return the fields of the one report it added."""
    code = main(["add", *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    (line,) = out.splitlines()
    fields = line.split("\t")
    assert fields[0] == "added"
    return fields


def body_outline(report: Report) -> str:
    """The outline without the metadata header (id and source differ by design)."""
    return format_outline(report).split("\n\n", 1)[1]


def make_gbk(seeds_dir: Path, tmp_path: Path) -> Path:
    """Seed 003 as a Windows colleague saves it: GBK ("ANSI"), CRLF."""
    text = (seeds_dir / "003_c7b044fd7b48fcbf.txt").read_text(encoding="utf-8")
    path = tmp_path / "徐汇区政府工作报告.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    return path


def make_html(seeds_dir: Path, tmp_path: Path) -> Path:
    """Seed 002 inside a government web page (nav, scripts, share bar, footer), in GB2312."""
    text = (seeds_dir / "002_7593e2e4601e9f0f.txt").read_text(encoding="utf-8")
    path = tmp_path / "yangpu.html"
    path.write_bytes(gov_page(text).encode("gb18030"))
    return path


def make_docx(seeds_dir: Path, tmp_path: Path) -> Path:
    """Seed 003 typed into Word: one paragraph per line, empty paragraphs as spacing."""
    import docx

    document = docx.Document()
    for line in (seeds_dir / "003_c7b044fd7b48fcbf.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line.strip())
    path = tmp_path / "xuhui.docx"
    document.save(str(path))
    return path


def test_gbk_text_reads_exactly_like_the_sample(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    fields = add(capsys, str(make_gbk(seeds_dir, tmp_path)), "--id", "gbk-xuhui-2022")
    assert fields[1:6] == ["gbk-xuhui-2022", "徐汇区", "2022", "2023-01-04", "summary"]
    mine, bundled = resolve_report("gbk-xuhui-2022"), load_sample("xuhui-2022")
    assert mine.text == bundled.text
    assert mine.sections == bundled.sections
    assert body_outline(mine) == body_outline(bundled)


def test_html_page_reads_like_the_sample(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    fields = add(capsys, str(make_html(seeds_dir, tmp_path)), "--id", "html-yangpu-2022")
    assert fields[1:4] == ["html-yangpu-2022", "杨浦区", "2022"]
    mine, bundled = resolve_report("html-yangpu-2022"), load_sample("yangpu-2022")
    assert body_outline(mine) == body_outline(bundled)
    for chrome in ("首页", "当前位置", "分享到", "版权所有", "脚本里的文字"):
        assert chrome not in mine.text


@pytest.mark.parametrize(
    ("seed", "sample"),
    [
        ("003_c7b044fd7b48fcbf.txt", "xuhui-2022"),
        ("002_7593e2e4601e9f0f.txt", "yangpu-2022"),
        ("000_c0cf95335cf428a1.txt", "yangpu-2023"),
    ],
)
def test_html_page_spaced_with_empty_paragraphs(
    seeds_dir: Path, tmp_path: Path, seed: str, sample: str
) -> None:
    """An outline page (003) spaced with <p>&nbsp;</p>: the groups between spacers are kept."""
    from reportdiff.core.text.load import load_text

    path = tmp_path / "page.html"
    page = gov_page((seeds_dir / seed).read_text(encoding="utf-8"), spacers=True)
    # No headline or <title> naming a report: the page is the seed's text alone.
    page = page.replace('<h1 class="article-title">杨浦区政府工作报告</h1>', "")
    page = page.replace("<title>杨浦区政府工作报告_上海市杨浦区人民政府</title>", "")
    path.write_text(page, encoding="utf-8")
    mine = load_text(read_document(path), source=str(path))
    bundled = load_sample(sample)
    assert body_outline(mine) == body_outline(bundled)
    assert mine.text == bundled.text


def test_pdf_reads_like_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    fields = add(capsys, str(FIXTURES / "yangpu-2023.pdf"), "--id", "pdf-yangpu-2023")
    assert fields[1:7] == [
        "pdf-yangpu-2023",
        "杨浦区",
        "2023",
        "-",
        "summary",
        "《政府工作报告》摘要",
    ]
    mine, bundled = resolve_report("pdf-yangpu-2023"), load_sample("yangpu-2023")
    assert mine.text == bundled.text
    assert mine.sections == bundled.sections
    assert body_outline(mine) == body_outline(bundled)


def test_docx_reads_exactly_like_the_sample(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    fields = add(capsys, str(make_docx(seeds_dir, tmp_path)), "--id", "docx-xuhui-2022")
    assert fields[1:4] == ["docx-xuhui-2022", "徐汇区", "2022"]
    mine, bundled = resolve_report("docx-xuhui-2022"), load_sample("xuhui-2022")
    assert mine.text == bundled.text
    assert body_outline(mine) == body_outline(bundled)


def test_a_format_that_reads_as_a_sample_is_that_sample_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The PDF print of yangpu-2023 reads to the bundled report's text and metadata: its
    default id is the sample's, and adding it adds nothing (unchanged, bundled)."""
    code = main(["add", str(FIXTURES / "yangpu-2023.pdf")])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    fields = out.rstrip("\n").split("\t")
    assert fields[:2] == ["unchanged", "yangpu-2023"]
    assert fields[-1] == "bundled with reportdiff: nothing to add"


def test_user_formats_compare_with_bundled_reports(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    """The issue's check: a GBK text, an HTML page and a PDF (and a DOCX) compared with the
    bundled reports give the comparison the samples give."""
    add(capsys, str(make_gbk(seeds_dir, tmp_path)), "--id", "gbk-xuhui-2022")
    add(capsys, str(make_docx(seeds_dir, tmp_path)), "--id", "docx-xuhui-2022")
    add(capsys, str(make_html(seeds_dir, tmp_path)), "--id", "html-yangpu-2022")
    add(capsys, str(FIXTURES / "yangpu-2023.pdf"), "--id", "pdf-yangpu-2023")
    gbk, docx_, html, pdf = (
        resolve_report(i)
        for i in ("gbk-xuhui-2022", "docx-xuhui-2022", "html-yangpu-2022", "pdf-yangpu-2023")
    )

    # A user's copy against the bundled report of the same text: every section matches,
    # and no number differs.
    for mine, bundled_id in ((pdf, "yangpu-2023"), (gbk, "xuhui-2022"), (docx_, "xuhui-2022")):
        bundled = load_sample(bundled_id)
        cmp = compare([mine, bundled], use_cache=False)
        assert cmp.alignment
        for row in cmp.alignment:
            assert all(node is not None for node in row.nodes), row
            assert row.score >= 0.95, row
        assert "changed" not in {pair.status for pair in cmp.numbers}
        if mine.text == bundled.text:
            # Nothing lost on the way in: the same comparison as the sample with itself.
            itself = compare([bundled, bundled], use_cache=False)
            assert [(p.indicator, p.status) for p in cmp.numbers] == [
                (p.indicator, p.status) for p in itself.numbers
            ]

    # Last year's page against this year's PDF: the news a reader wants.
    cmp = compare([html, pdf], use_cache=False)
    revenue = next(p for p in cmp.numbers if p.indicator == "区级财政收入")
    assert revenue.status == "changed"
    assert [q.text if q else None for q in revenue.values] == ["143.5亿元", "154.99亿元"]
    assert revenue.delta == pytest.approx(11.49)
    # And against the bundled 2023 report the page compares as the bundled 2022 one does.
    ours = compare([html, load_sample("yangpu-2023")], use_cache=False)
    theirs = compare([load_sample("yangpu-2022"), load_sample("yangpu-2023")], use_cache=False)
    assert [(p.indicator, p.status) for p in ours.numbers] == [
        (p.indicator, p.status) for p in theirs.numbers
    ]
    assert [round(r.score, 6) for r in ours.alignment] == [
        round(r.score, 6) for r in theirs.alignment
    ]
