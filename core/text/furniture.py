"""Page furniture: what a saved web page, an e-paper or a PDF prints around a report's text.

Furniture is recognised by its form, the same for any portal: a short line without sentence
punctuation made of chrome words (【字体：大 中 小】, 打印 收藏 关闭, 上一页 1 2 3 下一页), a
``label：value`` line (责任编辑：…, 来源：…, 发布时间：…), a breadcrumb (当前位置：首页>>…), a
site line (门户网站 www.… 2006年02月16日 来源：新华社), a news dateline (新华社北京3月5日电), a
photo caption (…新华社记者 姚大伟摄), a newspaper's print notes ((上接第4版), (《人民日报》…
第2版)), a licence footer (版权所有, 仅供学习研究使用 …) and a PDF page footer (- 3 -,
第 3 页). None of these ever ends a sentence of a report, so no body sentence is dropped: a
line carrying 。 is furniture only in the caption and licence forms, whose wording says so.
Licence footers are dropped by :mod:`.licence`.
"""

from __future__ import annotations

import itertools
import re

from reportdiff.core.text.headings import ends_sentence, match_heading
from reportdiff.core.text.unwrap import join_pieces

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN_RE = re.compile(f"[{HAN}]+")

# --------------------------------------------------------------------------- remnants

_R_ESCAPE_RE = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")
"""R and some scrapers write a character they cannot encode as ``<U+00A0>``."""

HTML_COMMENT_MAX = 5000
"""A comment longer than this is no comment: an unclosed ``<!--`` must not eat the report."""

_LONE_COMMENT_MARK_RE = re.compile(r"^\s*(?:<!--|-->)\s*$", re.MULTILINE)
_SPACE_ENTITY_RE = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#12288|#x3000);", re.IGNORECASE)


def decode_remnants(text: str) -> str:
    """Undo HTML left in a text file: ``<U+00A0>`` escapes, ``<!-- -->`` comments, ``&nbsp;``.

    A no-break space becomes a plain space (it only ever spaced a page out). Other markup
    (``<p>``, ``<script>``) is left alone: in a text file it may be what the author wrote.
    """

    def unescape(m: re.Match[str]) -> str:
        code = int(m.group(1), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    text = _strip_comments(_R_ESCAPE_RE.sub(unescape, text))
    text = _LONE_COMMENT_MARK_RE.sub("", text)
    text = _SPACE_ENTITY_RE.sub(" ", text)
    return text.replace("\xa0", " ")


def _strip_comments(text: str) -> str:
    """Remove ``<!-- … -->`` comments in one pass (each ``-->`` is searched for once)."""
    out: list[str] = []
    pos = 0
    close = -1
    while (start := text.find("<!--", pos)) != -1:
        if close < start + 4:
            close = text.find("-->", start + 4)
        if close == -1:
            break
        if close - start > HTML_COMMENT_MAX:
            out.append(text[pos : start + 4])
            pos = start + 4
            continue
        out.append(text[pos:start])
        pos = close + 3
    out.append(text[pos:])
    return "".join(out)


# ------------------------------------------------------------------------ line forms

CHROME_WORDS = tuple(
    sorted(
        (
            "字体 字号 加大 还原 减小 放大 缩小 默认 大 中 小 打印 打印本页 打印此页 关闭 关闭窗口 "
            "本页 窗口 收藏 加入收藏 收藏本页 全屏 全文 下载 附件下载 分享 分享到 转发 返回 顶部 "
            "返回顶部 返回首页 首页 上一页 下一页 上一篇 下一篇 上一版 下一版 上一期 下一期 尾页 末页 版面 导航 推荐 纠错 我要纠错 评论 "
            "发表评论 复制 复制链接 链接 网址 扫一扫 扫码 二维码 手机 打开 当前页 在 用 微信 微博 朋友圈 空间 好友 阅读 "
            "浏览 次数 点击 保存 背景色 护眼 视力保护色 语音 播报 朗读 无障碍 繁体 简体 繁 简 "
            "英文版 手机版 登录 注册 搜索 相关 相关链接 相关阅读 相关新闻 责任编辑 编辑 来源 作者 "
            "发布 时间 日期 字 版 第 页 共 条 人 次 显示 隐藏 原文 图片 视频 音频 专题 "
            "网站地图 站点地图 联系我们 关于我们 使用帮助 帮助 隐私声明 隐私政策 免责声明 法律声明 "
            "网站声明 意见反馈 "
            "email e-mail qq wechat weibo print close share rss"
        ).split(),
        key=len,
        reverse=True,
    )
)
"""Words of a page's toolbars, pagers and share bars (a line of nothing else is chrome)."""

_CHROME_RE = re.compile("|".join(re.escape(w) for w in CHROME_WORDS), re.IGNORECASE)
_CHROME_FILLER_RE = re.compile(
    r"[\s\d０-９【】\[\]（）()<>《》«»‹›|｜/／\\:：,，、·•.。\-—–_=+*~～>＞»›#@!！?？&'\"“”‘’]+"
)
CHROME_LINE_MAX = 60
"""Toolbars, pagers and label lines are short; a line beyond this is left alone."""

LABELS = (
    "本版责任编辑 本版编辑 本版责编 责任编辑 责编 编辑 审核 审校 校对 作者 撰稿 摄影 来源 稿源 信息来源 文章来源 出处 发布时间 "
    "发布日期 发布机构 发文机关 发文日期 成文日期 更新时间 时间 日期 浏览次数 访问量 点击数 点击率 "
    "阅读数 阅读量 阅读次数 字号 字体 分享 分享到 索引号 主题分类 打印 主办单位 主办 承办 协办 当前报纸名称 报纸名称 版面 版次 期数 "
    "技术支持 网站标识码 网站地图 联系我们 联系电话 地址 邮编 "
    "相关链接 友情链接 相关文章 相关阅读 相关新闻 相关稿件 延伸阅读"
).split()
_LABEL_ALTERNATIVES = "|".join(sorted(LABELS, key=len, reverse=True))
_LABEL_RE = re.compile(rf"^[【\[（(]?\s*(?:{_LABEL_ALTERNATIVES})\s*[:：]")
"""``label：value`` page metadata: 责任编辑：郭桢, 来源：新华社, 发布时间：2024-01-05."""
BYLINE_LABELS = (
    "本版责任编辑 本版编辑 本版责编 责任编辑 责编 编辑 作者 来源 稿源 信息来源 文章来源 "
    "发布时间 发布日期 更新时间 浏览次数 访问量 点击数 点击率 阅读数 阅读量 阅读次数 字号 字体"
).split()
"""The labels of a page's byline: who published (来源), when (发布时间), who edited and wrote
it (责任编辑, 作者), how often it was read (浏览次数) and its font-size bar (字号). No report
writes them after a date, unlike 时间, 日期, 地址 or 主办 (an open day's hours, a venue)."""
_BYLINE_ALTERNATIVES = "|".join(sorted(BYLINE_LABELS, key=len, reverse=True))
_BYLINE_RE = re.compile(rf"^[【\[（(]?\s*(?:{_BYLINE_ALTERNATIVES})\s*[:：]")
LABEL_LINE_MAX = 120
"""A label line can carry several (发布时间：… 来源：… 【字体：大 中 小】【打印】)."""

_BREADCRUMB_RE = re.compile(
    r"^(?:当前位置|您的位置|你的位置|您现在的位置|您当前的位置|所在位置|当前页面)\s*[:：]"
    r"|首页\s*(?:>|＞|»|›|→|/|／|\\|-)"
)
_URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:gov\.cn|com\.cn|org\.cn|cn|com|net|org)\b",
    re.IGNORECASE,
)
_PUB_DATE_RE = re.compile(
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:：时]\s*\d{1,2}\s*分?(?:\s*[:：]\s*\d{1,2})?)?"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?$"
)
"""A date alone on a line with a time or in numeric form (2026-01-23, 2006年02月16日 10:21): a
publication stamp. A plain 2024年1月17日 stays (it can be a report's own date line)."""
_NUMERIC_DATE_RE = re.compile(r"^\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}")
_PAGE_LABEL_RE = re.compile(
    rf"^第?\s*[A-Za-z]?[\d０-９]{{1,3}}\s*版\s*(?:[:：]\s*[{HAN}]{{0,10}})?$"
)
"""An e-paper's page label: 第A02版：要闻, 02版."""
_WEEKDAY_RE = re.compile(r"^(?:星期|周)[一二三四五六日天]$")
_MASTHEAD = r"(?:门户网站|网站|数字报刊平台|数字报刊|数字报|电子报|电子版|客户端)(?:阅读机|阅读器)?"
_MASTHEAD_RE = re.compile(
    rf"^[{HAN}A-Za-z]{{0,16}}{_MASTHEAD}(?:\s*[-_|｜—]\s*[^。！？]{{1,60}})?$"
)
"""A site's or e-paper's name alone on a line (中央政府门户网站, 电子报阅读机), or before
the headline as a browser's title bar shows it (杨浦时报数字报刊平台-加快打造…)."""
_SITE_NAME_RE = re.compile(rf"^[{HAN}A-Za-z]{{2,20}}(?:网站|网|门户|客户端|频道|平台)$")
_TRAILING_SITE_NAME_RE = re.compile(rf"\s([{HAN}A-Za-z]{{2,20}}(?:网站|网|客户端))$")
"""A site's name one space after a title (中央政府门户网站, 人民网, 新华社客户端): a name that
says it is a site; a title may well end in …平台 or …频道."""

_DATELINE_RE = re.compile(
    rf"^[(（]?(?:新华社|中新社|中新网|人民网|新华网|央视网|本报|本刊|央广网)[{HAN}]{{0,8}}"
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*电(?:\s*[(（][^)）]{0,30}[)）])?[)）]?$"
)
"""新华社北京２００７年３月１７日电 alone on a line: the wire's dateline, not the session date."""

_CAPTION_CREDIT_RE = re.compile(
    rf"(?:(?:记者|摄影|通讯员|供图)\s*[:：]?\s*[{HAN}·]{{2,8}}(?:\s*[、,，和]\s*[{HAN}·]{{2,4}})*\s*摄影?"
    rf"|[(（][{HAN}·\s]{{0,12}}摄[)）]|[{HAN}]{{2,4}}\s*/\s*摄)\s*[)）]?\s*$"
)
"""A photo credit at the end of a line: 新华社记者 姚大伟摄, (张三 摄), 李四/摄."""
_CAPTION_MAX = 200
_PHOTO_LEAD_RE = re.compile(r"^(?:图为|图片为|图[:：])")

_CITATION_RE = re.compile(
    r"^[(（]\s*《[^》]{1,20}》[\s\d０-９年月日.,，-]*第?\s*[\d０-９]{1,3}\s*版\s*[)）]$"
)
"""(《人民日报》1956 06 16 第2 版): an online library's citation of the printed page."""
_SOURCE_NOTE_RE = re.compile(
    r"(?:^|(?<=[。！？!?）)]))\s*[(（]\s*(?:《[^》]{1,20}》[\s\d０-９年月日.,，至-]*(?:第?\s*[\d０-９]{1,3}(?:\s*至\s*[\d０-９]{1,3})?\s*版)?"
    rf"|(?:新华社|中新社|本报)[{HAN}]{{0,4}}[\d０-９〇○零一二三四五六七八九十\s年月日]{{4,20}}[讯电])\s*[)）]$"
)
"""(《人民日报》1 9 5 5 0 7 0 8), (新华社一九七五年一月二十日讯): an online library's note of
where it took the text from, alone or after the last sentence."""
_PRINT_NOTE_RE = re.compile(
    r"[(（](?:上接|下转|接上|转下|紧接|转接|续)第?\s*[\d０-９一二三四五六七八九十]{1,3}\s*版[)）]"
)
"""(上接第4版), (下转第2版): a newspaper's continuation note, alone or at a line's edge."""

_PAGE_FOOTER_RE = re.compile(
    r"^(?:[-－—–]\s*[\d０-９]{1,3}\s*[-－—–]|第\s*[\d０-９]{1,3}\s*页(?:\s*[/，,]?\s*共\s*[\d０-９]{1,3}\s*页)?"
    r"|[\d０-９]{1,3}\s*/\s*[\d０-９]{1,3}|(?:page|p\.)\s*\d{1,3}(?:\s*of\s*\d{1,3})?)$",
    re.IGNORECASE,
)
"""A PDF page footer alone on a line: - 3 -, —3—, 第 3 页, 第3页 共20页, 3/20."""

_FIRST_NUMBER_RE = re.compile(r"[\d０-９]+")


def han_count(text: str) -> int:
    """How many Han characters ``text`` holds."""
    return sum(map(len, _HAN_RUN_RE.findall(text)))  # runs, not characters: fewer strings


def is_toolbar(line: str) -> bool:
    """Whether ``line`` is nothing but chrome words, numbers and separators.

    【字体：大 中 小】, 打印本页 关闭窗口, 上一页 1 2 3 下一页, 【E-mail推荐, 分享到：. One-character
    words (大 中 小 第 页) count only three together, so 人人 or a lone 中 stays.
    """
    t = line.strip()
    if not t or len(t) > CHROME_LINE_MAX or ends_sentence(t) or match_heading(t):
        return False
    if _CHROME_FILLER_RE.sub("", _CHROME_RE.sub("", t)):
        return False
    words = [m.group(0) for m in _CHROME_RE.finditer(t)]
    return any(len(w) >= 2 for w in words) or len(words) >= 3


def is_label_line(line: str) -> bool:
    """Whether ``line`` is page metadata: 责任编辑：郭桢, 来源：新华社, 时间：… 来源：… (short),
    also after toolbar buttons in brackets (【我要纠错】 责任编辑：张三, 【打印】 来源：…)."""
    t = _after_buttons(line.strip())
    return len(t) <= LABEL_LINE_MAX and "。" not in t and _LABEL_RE.match(t) is not None


_BUTTON_RE = re.compile(r"【([^】]{1,12})】\s*")


def _after_buttons(line: str) -> str:
    """``line`` without the toolbar buttons opening it (【我要纠错】, 【打印】【关闭】): bracketed
    groups of chrome words only; 【专栏1】 or any other bracketed text stays."""
    pos = 0
    while (m := _BUTTON_RE.match(line, pos)) and is_toolbar(m.group(1)):
        pos = m.end()
    return line[pos:]


def is_breadcrumb(line: str) -> bool:
    """当前位置：首页>>中国概况, 首页 > 政务公开 > 规划计划 (short, no sentence)."""
    t = line.strip()
    return len(t) <= 100 and not ends_sentence(t) and _BREADCRUMB_RE.search(t) is not None


def is_publication_stamp(line: str) -> bool:
    """A date with a time, a weekday or in numeric form alone on a line: a page's stamp.

    2024年1月17日 alone stays: a report can print its own date so (never with a weekday).
    """
    t = line.strip()
    if _WEEKDAY_RE.match(t) or _PAGE_LABEL_RE.match(t):
        return True
    m = _PUB_DATE_RE.match(t)
    return m is not None and (
        _NUMERIC_DATE_RE.match(t) is not None or any(c in t for c in ":：时星周")
    )


def site_chunk_start(line: str) -> int | None:
    """Where a site line starts in ``line`` (0 for the whole line), else None.

    A site line names the portal and says where and when the page was published: chunks
    (apart by two or more spaces) such as 中央政府门户网站 / www.gov.cn / 2006年02月16日 /
    来源：新华社. A title can stand before it on the same line; it is kept.
    """
    t = line.rstrip()
    if len(t) > 200 or ends_sentence(t):
        return None
    chunks = _split_chunks(t)
    kinds = [_site_kind(c) for _, c in chunks]
    if not any(k == "strong" for k in kinds):
        return None
    first = next(i for i, k in enumerate(kinds) if k)
    if not all(kinds[first:]):
        return None
    site = [c for _, c in chunks[first:]]
    if first and not (
        any(_BYLINE_RE.match(c) for c in site)
        or (len(site) > 1 and any(_URL_RE.fullmatch(c) for c in site))
    ):
        # After the report's own words, a plain label (第六届进博会  时间：2023年11月5日…)
        # or a lone URL (数据来源于  www.stats.gov.cn) is its text: only a byline (来源：,
        # 发布时间：, 责任编辑：) or a URL with more of the page's chrome makes a site line.
        return None
    if (
        first
        and (name := _TRAILING_SITE_NAME_RE.search(chunks[first - 1][1]))
        and _publishes([c for _, c in chunks[first:]])
    ):
        # The site name kept one space from the title before it (a PDF's spacing).
        return chunks[first - 1][0] + name.start(1)
    return chunks[first][0]


def _split_chunks(line: str) -> list[tuple[int, str]]:
    """Chunks of a line apart by two or more spaces or by ideographic spaces, with offsets.

    A label right after a date is a chunk of its own too (2009年03月16日来源：新华社): text
    taken from a PDF or copied from a page can lose the spaces between them.
    """
    out: list[tuple[int, str]] = []
    pos = 0
    for m in [*_CHUNK_GAP_RE.finditer(line), None]:
        end = m.start() if m else len(line)
        seg = line[pos:end]
        if seg.strip():
            at = pos + len(seg) - len(seg.lstrip())
            seg = seg.strip()
            cuts = [0, *(c.start() for c in _DATE_LABEL_RE.finditer(seg)), len(seg)]
            out.extend((at + a, seg[a:b]) for a, b in itertools.pairwise(cuts) if a < b)
        pos = m.end() if m else end
    return out


_CHUNK_GAP_RE = re.compile(r"[ \t]{2,}|[ \t]*\u3000[ \t\u3000]*")
_DATE_LABEL_RE = re.compile(rf"(?<=[日时分秒\d])(?=(?:{_BYLINE_ALTERNATIVES})\s*[:：])")
"""A byline label glued to the date before it (2009年03月16日来源：新华社); a plain label
(…15日时间：9:00, …12345地址：…) is the report's own text."""


def _publishes(chunks: list[str]) -> bool:
    """Whether ``chunks`` are a site line's own (URLs, dates, byline labels, toolbars), with
    at least a date or a byline label saying when or by whom the page was published."""
    says = [bool(_PUB_DATE_RE.match(c) or _BYLINE_RE.match(c)) for c in chunks]
    rest = (s or _URL_RE.fullmatch(c) or is_toolbar(c) for s, c in zip(says, chunks, strict=True))
    return any(says) and all(rest)


def _site_kind(chunk: str) -> str | None:
    """'strong' for a URL or a 来源：/发布时间： label, 'weak' for a site name or a date."""
    if _URL_RE.fullmatch(chunk) or _LABEL_RE.match(chunk):
        return "strong"
    if _SITE_NAME_RE.match(chunk) or _PUB_DATE_RE.match(chunk) or is_toolbar(chunk):
        return "weak"
    return None


def is_dateline(line: str) -> bool:
    """新华社北京２００７年３月１７日电 alone on a line."""
    return _DATELINE_RE.match(line.strip()) is not None


def is_caption(line: str) -> bool:
    """A photo caption: a short paragraph ending with a photo credit, or opening 图为…."""
    t = line.strip()
    if len(t) > _CAPTION_MAX:
        return False
    if "摄" in t and _CAPTION_CREDIT_RE.search(t):  # a credit says 摄: else no regex search
        return True
    return len(t) <= 100 and _PHOTO_LEAD_RE.match(t) is not None


def is_print_note(line: str) -> bool:
    """(上接第4版) alone, or an online library's citation (《人民日报》… 第2 版)."""
    t = line.strip()
    return bool(_CITATION_RE.match(t) or (_PRINT_NOTE_RE.fullmatch(t)))


def is_page_footer(line: str) -> bool:
    """- 3 -, 第 3 页, 第3页 共20页, 3/20 alone on a line."""
    return _PAGE_FOOTER_RE.match(line.strip()) is not None


_BRACKETS = frozenset("【】[]（）()〔〕<>|｜")


def is_bare_punctuation(line: str) -> bool:
    """A line of brackets only (the 】 or ） left of a toolbar the page wrapped).

    Other marks stay: a PDF can wrap a sentence right before its ， (seed 001).
    """
    t = line.replace(" ", "").strip()
    # The first character alone settles almost every line (a paragraph opens with a word).
    return bool(t) and t[0] in _BRACKETS and set(t) <= _BRACKETS


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture of any of the forms of this module (but licences)."""
    return _furniture_but_site(line) or site_chunk_start(line) == 0


def _furniture_but_site(line: str) -> bool:
    """:func:`is_furniture` but a whole site line (:func:`site_chunk_start`)."""
    return (
        is_toolbar(line)
        or is_label_line(line)
        or is_breadcrumb(line)
        or is_publication_stamp(line)
        or is_dateline(line)
        or is_caption(line)
        or is_print_note(line)
        or is_bare_punctuation(line)
        or _MASTHEAD_RE.match(line.strip()) is not None
    )


# --------------------------------------------------------------------------- passes


def drop_furniture(lines: list[str], *, page_footers: bool = True) -> list[str]:
    """Drop furniture lines; cut a site line off a title; rejoin paragraphs a footer split.

    Args:
        lines: The text's lines (blank lines included).
        page_footers: Drop PDF page footers and rejoin the paragraph they split
            (…加快 / - 3 - / 推进…). The PDF unwrapper reads page numbers itself, so it
            passes False and gets every footer as ``- 3 -``.
    """
    out: list[str] = []
    rejoin = False
    for line in lines:
        t = line.strip()
        if not t:
            out.append(line)
            continue
        if is_page_footer(t):
            if page_footers:
                rejoin = True
            else:
                number = _FIRST_NUMBER_RE.search(t)
                out.append(f"- {number.group(0)} -" if number else t)
            continue
        t = _strip_notes(t)
        if not t or _furniture_but_site(t):
            continue
        cut = site_chunk_start(t)  # once: is_furniture's last test
        if cut == 0:
            continue
        if cut:
            t = t[:cut].rstrip()
        if rejoin:
            rejoin = False
            k = _last_text(out)
            if k is not None and _continues(out[k].strip(), t):
                out[k] = join_pieces(out[k].rstrip(), t)
                del out[k + 1 :]
                continue
        out.append(t if t != line.strip() else line)
    return out


SOURCE_NOTE_MAX = 80
"""A source note is short: only a line's last characters are searched (linear time)."""


def _strip_notes(line: str) -> str:
    """Remove print notes ((上接第4版)) and a trailing source note from a line."""
    if _PRINT_NOTE_RE.search(line):
        line = _PRINT_NOTE_RE.sub("", line).strip()
    if not line.endswith((")", "）", ")\n", "）\n")):  # a note ends with ) (or before $'s \n)
        return line
    m = _SOURCE_NOTE_RE.search(line, max(0, len(line) - SOURCE_NOTE_MAX))
    return line[: m.start()].rstrip() if m else line


def _last_text(lines: list[str]) -> int | None:
    for k in range(len(lines) - 1, -1, -1):
        if lines[k].strip():
            return k
    return None


def _continues(before: str, after: str) -> bool:
    """Whether ``after`` goes on with the paragraph ``before`` (cut by a page break)."""
    return not (
        ends_sentence(before)
        or before.endswith(("：", ":"))
        or match_heading(before)
        or match_heading(after)
        or after.startswith("- ")
    )
