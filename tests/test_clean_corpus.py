"""Cleaning on every real file: the body survives sentence by sentence, the furniture goes.

The national corpus (41 State Council reports saved from a web portal, each page holding
the report 5–12 times among toolbars, breadcrumbs and HTML debris) and the five seeds.
The checks here read the raw text on their own terms, not through the cleaner's rules:
a body sentence is any run ending in 。！？ with 8 or more Han characters outside HTML
comments, photo captions (a line ending with a photographer's credit) and a page's
licence notice.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS
from reportdiff.core.sources.ingest import read_document
from reportdiff.core.text.clean import clean_text
from reportdiff.core.text.headings import DATE_LINE_RE
from reportdiff.core.text.spacing import dot_decimals
from reportdiff.core.text.split import split_compilation

FILES = sorted(CORPUS.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]")
_SPACE = re.compile(r"\s+")

#: The chrome the issue lists, as a reader would spot it in the cleaned text.
FURNITURE = [
    r"<!--",
    r"-->",
    r"<U\+[0-9A-F]{4}>",
    r"\xa0",
    r"&nbsp;",
    r"当前位置",
    r"首页\s*>",
    r"【字体",
    r"【字号",
    r"字号[:：]",
    r"分享(?:到)?[:：]",
    r"^来源[:：]",
    r"责任编辑",
    r"E-mail推荐",
    r"www\.",
    r"门户网站",
    r"上一页|下一页",
    r"微信扫一扫|版权声明|联系客服",
    r"[(（](?:上接|下转)第",
    r"^[-—]\s*\d+\s*[-—]$",
    r"^第\s*\d+\s*页$",
    r"^(?:新华社|本报)\S{0,12}电$",
    r"记者\s*\S{0,6}\s*摄$",
    r"^(?:打印|下载|全屏|收藏|关闭|[】）])$",
    r"[(（]《人民日报》",
    r"[(（]新华社\S{0,15}[讯电][)）]$",
]


def _key(text: str) -> str:
    return _SPACE.sub("", text)


def _raw_sentences(raw: str) -> list[str]:
    """Body sentences of the raw text (every copy), as whitespace-free keys."""
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL).replace("<U+00A0>", " ")
    raw = dot_decimals(raw)  # the one rewrite of body text: 7·8％ is 7.8％
    lines = raw.splitlines()
    notice = [i for i, ln in enumerate(lines[-20:]) if ln.strip() in ("版权声明", "免责声明")]
    if notice:
        lines = lines[: len(lines) - 20 + notice[0]]
    out = []
    for line in lines:
        t = line.strip().removeprefix("- ")
        if re.search(r"摄\s*$", t):
            continue
        out.extend(k for k in map(_key, _SENTENCE.findall(t)) if len(_HAN.findall(k)) >= 8)
    return out


@pytest.fixture(scope="module")
def cleaned(corpus_dir: Path, seeds_dir: Path) -> dict[Path, tuple[str, str]]:
    """Raw and cleaned text of every file (cleaned once for all the tests here); the
    fixtures fail in CI, and skip elsewhere, when the shared material is missing."""
    out = {}
    for path in FILES:
        raw = read_document(path)
        out[path] = (raw, clean_text(raw))
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_body_sentence_survives(path: Path, cleaned: dict[Path, tuple[str, str]]) -> None:
    raw, text = cleaned[path]
    body = _key(text)
    lost = [s for s in dict.fromkeys(_raw_sentences(raw)) if s not in body]
    assert lost == []


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_furniture_is_left(path: Path, cleaned: dict[Path, tuple[str, str]]) -> None:
    _, text = cleaned[path]
    left = [ln for ln in text.splitlines() if any(re.search(p, ln.strip()) for p in FURNITURE)]
    assert left == []


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_the_text_appears_once(path: Path, cleaned: dict[Path, tuple[str, str]]) -> None:
    """No long sentence occurs more often than it does in one copy of the raw page."""
    raw, text = cleaned[path]
    in_raw = Counter(_raw_sentences(raw))
    copies = min(in_raw.values())
    in_text = Counter(map(_key, _SENTENCE.findall(text)))
    twice = [
        s
        for s, n in in_raw.items()
        if len(_HAN.findall(s)) >= 15 and in_text[s] > max(1, n // copies)
    ]
    assert twice == []


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_title_and_date_line_lead_the_text(
    path: Path, cleaned: dict[Path, tuple[str, str]]
) -> None:
    """The metadata reader finds the report's title first and the session date line near it."""
    _, text = cleaned[path]
    head = [ln for ln in text.splitlines() if ln][:6]
    assert "报告" in head[0]
    date = next(ln for ln in head if DATE_LINE_RE.match(ln))
    assert date.endswith("上") or "会议" in date


def test_the_corpus_pages_shrink_to_one_copy(cleaned: dict[Path, tuple[str, str]]) -> None:
    """Each page holds its report at least five times: the cleaned text is at most a fifth."""
    for path in CORPUS.glob("*.txt"):
        raw, text = cleaned[path]
        assert len(_HAN.findall(text)) < len(_HAN.findall(raw)) / 4.5, path.name


def test_cleaning_the_largest_page_stays_fast(cleaned: dict[Path, tuple[str, str]]) -> None:
    """1955.txt (690 KB, six copies) cleans in well under the time a quadratic scan takes."""
    largest = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    raw, _ = cleaned[largest]
    start = time.perf_counter()
    clean_text(raw)
    assert time.perf_counter() - start < 5.0


def _seed_reports() -> list[tuple[str, str]]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        raw = read_document(path)
        parts = split_compilation(raw)
        out.extend((f"{path.name[:3]}-{i}", part) for i, part in enumerate(parts))
    return out


@pytest.mark.parametrize("copies", [2, 3])
def test_a_seed_held_several_times_cleans_as_if_held_once(
    copies: int, cleaned: dict[Path, tuple[str, str]]
) -> None:
    """Newspaper, PDF, outline and web layouts alike: the copies go, nothing else changes."""
    for name, report in _seed_reports():
        once = clean_text(report)
        assert clean_text("\n\n".join([report] * copies)) == once, name


def test_a_page_holding_one_report_many_times_is_no_compilation(
    cleaned: dict[Path, tuple[str, str]],
) -> None:
    """Each copy opens with the title and the ——date line, like the reports of a compilation;
    copies count once, so `reportdiff add` takes the page as one report."""
    for path in CORPUS.glob("*.txt"):
        raw, _ = cleaned[path]
        assert split_compilation(raw) == [raw], path.name
    compilation = read_document(next(SEEDS.glob("004_*.txt")))
    assert len(split_compilation(compilation)) == 4


def test_the_corpus_and_seeds_are_here(corpus_dir: Path, seeds_dir: Path) -> None:
    """The tests above are made from the files found: none found must not pass unnoticed."""
    assert len(FILES) == len(list(corpus_dir.glob("*.txt"))) + len(list(seeds_dir.glob("*.txt")))
    assert FILES


def test_a_sub_heading_a_blank_line_above_its_bullets_leads_them(seeds_dir: Path) -> None:
    """Word and PDF print a list's sub-heading as a paragraph of its own (003's 产业能级持续
    提升 over its - items): spaced apart, it still leads its list, as in the seed's reading."""
    text = clean_text(read_document(seeds_dir / "003_c7b044fd7b48fcbf.txt"))
    led = re.findall(r"^[^-\n].*\n- ", text, flags=re.MULTILINE)
    assert len(led) > 20
    spaced = re.sub(r"^([^-\n].*)\n(?=- )", r"\1\n\n", text, flags=re.MULTILINE)
    assert spaced != text
    assert clean_text(spaced) == text
