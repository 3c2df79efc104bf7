"""A portal page that prints the report's head above the article, whose text opens with the
head again, reads as the report does: the repeated title, date line and speaker are front
matter, not the first paragraphs of the body.

The page is a modern portal's article page (navigation, breadcrumb, a date/source/font-size
bar, share and print buttons, 【我要纠错】 责任编辑, related links, licence footer) around the
State Council's 2008 report as the corpus holds it.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from conftest import CORPUS
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.frontmatter import read_front_matter
from reportdiff.core.text.load import load_text


def portal_page(report_text: str, *, head_above: bool) -> str:
    paragraphs = "\n".join(
        f'<p style="text-indent:2em">{html.escape(p.strip())}</p>'
        for p in report_text.split("\n\n")
        if p.strip()
    )
    above = (
        '<p style="text-align:center">——2008年3月5日在第十一届全国人民代表大会第一次会议上</p>\n'
        '<p style="text-align:center">国务院总理 温家宝</p>\n'
        if head_above
        else ""
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府工作报告_中国政府网</title>
<script>var _hmt = _hmt || [];</script></head><body>
<div class="header"><a href="/">首页</a> | <a>简</a> | <a>繁</a> | <a>EN</a> | <a>登录</a>
<div class="nav"><a>国务院</a><a>总理</a><a>新闻</a><a>政策</a><a>互动</a><a>服务</a><a>数据</a></div></div>
<div class="crumb">当前位置：<a>首页</a> &gt; <a>政策</a> &gt; <a>政府工作报告</a></div>
<div class="article"><h1>政府工作报告</h1>
<div class="bar">2008-03-19 08:00 来源： 新华社 <span>字号：<a>默认</a> <a>大</a> <a>超大</a></span> | <a>打印</a> | <a>分享</a></div>
<div class="content">
{above}{paragraphs}
</div>
<div class="editor">【我要纠错】 责任编辑：王洋</div>
<div class="related">相关稿件<ul><li><a>政府工作报告全文</a></li><li><a>图解政府工作报告</a></li></ul></div></div>
<div class="footer"><a>网站说明</a> | <a>网站地图</a> | <a>联系我们</a><br>
中华人民共和国国务院办公厅 版权所有 京ICP备05070218号</div>
</body></html>"""


@pytest.mark.parametrize("head_above", [False, True], ids=["head-in-text", "head-twice"])
def test_the_portal_page_reads_as_the_report(
    head_above: bool, tmp_path: Path, corpus_dir: Path
) -> None:
    saved = clean_text(read_document(CORPUS / "2008.txt"))
    want = load_text(saved, source="2008.txt")
    page = tmp_path / "2008.html"
    page.write_text(portal_page(saved, head_above=head_above), encoding="utf-8")
    got = load_text(clean_text(read_document(page)), source="2008.html")
    assert (got.meta.title, got.meta.date, got.meta.region, got.meta.year) == (
        want.meta.title,
        want.meta.date,
        want.meta.region,
        want.meta.year,
    )
    assert got.text == want.text
    assert got.text.startswith("各位代表：")


def test_only_the_same_head_is_taken_again() -> None:
    text = (
        "政府工作报告\n\n——2008年3月5日在第十一届全国人民代表大会第一次会议上\n\n国务院总理 温家宝\n\n"
        "——2007年3月5日在第十届全国人民代表大会第五次会议上\n\n各位代表：\n\n现在，我代表国务院，向大会报告工作。\n"
    )
    front = read_front_matter(text)
    # Another session's date line is no repetition: the head ends at the speaker.
    assert text[front.end :].lstrip().startswith("——2007年3月5日")


def _with_line_after_head(text: str, line: str) -> tuple[str, int]:
    """``text`` with ``line`` put right after its head (the title, date line and speaker),
    where a page prints the report's own first lines, and where that line starts."""
    at = read_front_matter(text).end
    return text[:at] + "\n\n" + line + text[at:], at + 2


# A line repeats the head's title only when all it adds is the year, the issuer (国务院, a
# place, …人民政府) and a bracketed tag; the real heads below are the State Council's 2008
# report (政府工作报告 / ——2008年3月5日… / 国务院总理 温家宝) and seed 004's Shanghai report.
REPEATED_TITLES = [
    ("2008.txt", "2008年国务院政府工作报告"),
    ("2008.txt", "二〇〇八年国务院政府工作报告"),
    ("2008.txt", "2008年国务院《政府工作报告》"),
    ("2008.txt", "政府工作报告（全文）"),
    ("2008.txt", "中华人民共和国国务院政府工作报告"),
    ("004", "2024年上海市人民政府工作报告"),
    ("004", "上海市人民政府政府工作报告(2024年)"),
    ("004", "上海市黄浦区政府工作报告（摘要）"),
]
OTHER_TITLES = [
    ("004", "黄浦区政府工作报告解读要点"),
    ("004", "上海市政府工作报告要点"),
    ("004", "图解政府工作报告"),
    ("2008.txt", "政府工作报告全文解读"),
    ("2008.txt", "2008年政府工作报告辅导读本"),
    ("2008.txt", "学习政府工作报告"),
    ("2008.txt", "国务院政府工作报告图解"),
]


def _real_head_text(which: str, corpus_dir: Path, seeds_dir: Path) -> str:
    if which == "004":
        return clean_text(read_document(seeds_dir / "004_22cd1e946852648b.txt"))
    return clean_text(read_document(corpus_dir / which))


@pytest.mark.parametrize(("which", "line"), REPEATED_TITLES)
def test_the_title_with_its_year_issuer_or_tag_is_the_head_again(
    which: str, line: str, corpus_dir: Path, seeds_dir: Path
) -> None:
    text = _real_head_text(which, corpus_dir, seeds_dir)
    plain = read_front_matter(text)
    got, at = _with_line_after_head(text, line)
    front = read_front_matter(got)
    assert front.end == at + len(line)
    assert (front.title, front.date, front.speaker) == (plain.title, plain.date, plain.speaker)
    assert got[front.end :] == text[plain.end :]


@pytest.mark.parametrize(("which", "line"), OTHER_TITLES)
def test_a_title_that_adds_other_words_opens_the_body(
    which: str, line: str, corpus_dir: Path, seeds_dir: Path
) -> None:
    text = _real_head_text(which, corpus_dir, seeds_dir)
    plain = read_front_matter(text)
    got, _ = _with_line_after_head(text, line)
    front = read_front_matter(got)
    assert (front.title, front.date, front.speaker, front.end) == (
        plain.title,
        plain.date,
        plain.speaker,
        plain.end,
    )
    assert got[front.end :].lstrip().startswith(line + "\n")
    assert load_text(got, source="page.txt").text.startswith(line + "\n")
