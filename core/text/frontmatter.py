"""Read a report's front matter: its title, ——date…会议上 line and speaker line.

The front matter opens a report (after any web-page chrome) and ends at the salutation
(各位代表：), the first heading or the first sentence. Its lines are metadata, not text
to compare: :attr:`FrontMatter.end` says where the body starts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reportdiff.core.text.headings import match_heading
from reportdiff.core.text.regions import split_units

HEAD_MAX_LINES = 40
"""Lines searched for front matter: a saved web page puts breadcrumbs, the portal's name
and a publication date before the title (the State Council's pages, 1954–2009)."""

SENTENCE_LINE_MIN = 30
"""A line this long with a 。 is running text: the front matter is over."""

TITLE_MAX = 80
AUTHOR_MAX = 30
CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUM = r"[0-9〇○零Ｏ一二三四五六七八九十]"
DATE_RE = re.compile(rf"({NUM}{{4}})\s*年\s*({NUM}{{1,3}})\s*月\s*({NUM}{{1,3}})\s*日")
"""2024年1月16日, 2024 年 1 月 16 日, ２００９年３月５日 (after NFKC), 一九九五年三月五日."""

MEETING_RE = re.compile(
    rf"(?:^|[在日\s])(?P<place>[\u4e00-\u9fff]{{0,24}}?)第?{NUM}{{1,4}}\s*届\s*"
    r"(?P<nat>全国)?(?:人民代表大会|人大)"
)
"""在江苏省第十四届人民代表大会…, 在第八届全国人民代表大会…, 杨浦区十七届人大五次会议."""

SPEAKER_RE = re.compile(
    r"^(?P<place>[\u4e00-\u9fff]{0,24}?)(?:人民政府)?"
    r"(?P<office>(?:代理|代|副)?(?:省长|市长|区长|县长|州长|盟长|旗长|主席|总理|专员))"
    r"(?:\s*[\u4e00-\u9fff·]{1,6}(?:\s[\u4e00-\u9fff]{1,3})?)?$"
)
"""江苏省省长 许昆林, 国务院总理 温家宝, 上海市市长 龚 正, 浦东新区代理区长 吴金城."""

SALUTATION_RE = re.compile(r"^[\u4e00-\u9fff、，,]{2,20}[：:！!]$")
"""各位代表： — the body starts here."""

NBSP_LITERAL = "<U+00A0>"
CONTINUATION_START = tuple("与和及暨的、")
TITLE_TAIL_RE = re.compile(r"^[(（]\s*(?:摘要|\d{4}\s*年|草案|节选)\s*[)）]$")
CHROME_HINTS = (
    "www.",
    "http",
    "来源",
    "当前位置",
    "【",
    "首页",
    "字体",
    "责任编辑",
    "新华社",
    "电讯",
)


@dataclass(frozen=True)
class HeadLine:
    """A non-blank line of the head: its stripped text and offsets in the text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class FrontMatter:
    """What the opening lines say, each as printed ('' or None when absent)."""

    title: str
    """The title joined across wrapped lines: 政府工作报告, 关于…的报告."""
    date: tuple[int, int, int] | None
    """The session date (year, month, day) from the ——…日在…会议上 line."""
    meeting: str
    """The date line's meeting text from 在 on (在江苏省第十四届人民代表大会第三次会议上)."""
    speaker: str
    """The speaker line: 江苏省省长 许昆林."""
    end: int
    """Offset where the body starts: after the last front-matter line read (0 if none)."""


def head_lines(text: str) -> list[HeadLine]:
    """The head's non-blank lines, up to the salutation, first heading or first sentence."""
    out: list[HeadLine] = []
    pos = 0
    for raw in text.split("\n"):
        # A saved web page may carry the literal text <U+00A0> where a no-break space was.
        spaced = raw.replace(NBSP_LITERAL, " " * len(NBSP_LITERAL))
        trimmed = spaced.strip()
        if trimmed:
            start = pos + spaced.index(trimmed[0])
            end = start + len(trimmed)
            stripped = re.sub(r"\s+", " ", trimmed)
            if (
                SALUTATION_RE.match(stripped)
                or match_heading(stripped)
                or (
                    len(stripped) >= SENTENCE_LINE_MIN
                    and "。" in stripped
                    and not _is_date_line(stripped)
                )
            ):
                break
            out.append(HeadLine(stripped, start, end))
            if len(out) >= HEAD_MAX_LINES:
                break
        pos += len(raw) + 1
    return out


def fold(line: str) -> str:
    """Full-width digits, letters and spaces folded (NFKC) for matching: ２００９ → 2009;
    spaces inside a number dropped (——1 9 9 8 年3 月5 日, the State Council's 1998 page)."""
    return re.sub(r"(?<=\d) (?=\d)", "", unicodedata.normalize("NFKC", line))


def cn_number(s: str) -> int | None:
    """2024, ２０２４, 一九九五, 二〇〇九, 十, 十二, 二十三, 三十一 → int; None if not a number."""
    s = fold(s)
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = CN_DIGITS.get(tens, -1) if tens else 1
        o = CN_DIGITS.get(ones, -1) if ones else 0
        return t * 10 + o if t >= 0 and o >= 0 and len(tens) <= 1 and len(ones) <= 1 else None
    digits = [CN_DIGITS.get(c) for c in s]
    if any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def parse_date(line: str) -> tuple[tuple[int, int, int], int] | None:
    """The first plausible date in ``line`` and where it ends, or None."""
    for m in DATE_RE.finditer(fold(line)):
        y, mo, d = (cn_number(g) for g in m.groups())
        if y and mo and d and 1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
            return (y, mo, d), m.end()
    return None


def _is_date_line(line: str) -> bool:
    """A session date line: a date followed by the meeting (在…会议上, …会议审议通过)."""
    got = parse_date(line)
    if got is None:
        return False
    rest = fold(line)[got[1] :]
    return bool(rest.lstrip().startswith("在") or MEETING_RE.search(rest) or "会议" in rest)


def _titlelike(line: str) -> bool:
    return (
        len(line) <= TITLE_MAX
        and not any(c in line for c in "。！？!?")
        and not line.endswith(("：", ":"))
        and not any(h in line for h in CHROME_HINTS)
        and not _is_date_line(line)
    )


def read_front_matter(text: str) -> FrontMatter:
    """Read the title, session date, meeting and speaker from the head of ``text``."""
    head = head_lines(text)
    date, meeting, date_i, title_prefix = None, "", None, ""
    for i, hl in enumerate(head):
        line = hl.text
        # A wrapped date line: ——2025年2月3日在上海市闵行区第七届 / 人民代表大会第五次会议上.
        joined = line
        if i + 1 < len(head) and "会议" not in line and len(head[i + 1].text) <= 30:
            joined = line + head[i + 1].text
        if not (_is_date_line(line) or _is_date_line(joined)) or "电" in _after_date(joined):
            continue
        got = parse_date(joined)
        assert got is not None
        date, date_i = got[0], i
        after = fold(joined)[got[1] :].strip()
        meeting = after if "会议" in after or "人民代表大会" in after or "人大" in after else ""
        before = re.split(rf"[—－]{{1,2}}|-{{2}}|[(（](?=\s*{NUM})", line)[0].strip()
        if before and parse_date(before) is None:
            title_prefix = before  # 政府工作报告——２００９年３月５日在…
        if joined != line and "会议" not in line:
            date_i = i + 1
        break
    title, title_last = _find_title(head, date_i, title_prefix)
    speaker, speaker_i = "", None
    for i in range(len(head)):
        if SPEAKER_RE.match(head[i].text) and len(head[i].text) <= 40:
            speaker, speaker_i = head[i].text, i
            break
    if speaker_i is None and date_i is not None and date_i + 1 < len(head):
        # The line under the date line names who reports: 杨浦区发展和改革委员会.
        nxt = head[date_i + 1].text
        if len(nxt) <= AUTHOR_MAX and not any(c in nxt for c in "。，,：:；;！？"):
            speaker, speaker_i = nxt, date_i + 1
    if not meeting:
        for i, hl in enumerate(head[:HEAD_MAX_LINES]):
            if MEETING_RE.search(hl.text) and ("会议" in hl.text or "人大" in hl.text):
                meeting = hl.text
                break
    last = max((i for i in (date_i, title_last, speaker_i) if i is not None), default=None)
    if last is not None:
        # A page that prints the head above its article, whose text opens with it again
        # (2008年国务院政府工作报告 / 政府工作报告 / ——2008年3月5日… / 国务院总理 温家宝).
        while last + 1 < len(head) and _repeats_head(head[last + 1].text, title, date, speaker):
            last += 1
    end = head[last].end if last is not None else 0
    return FrontMatter(title, date, meeting, speaker, end)


def _repeats_head(line: str, title: str, date: tuple[int, int, int] | None, speaker: str) -> bool:
    """Whether ``line`` says again what the head said: the same session date line, the
    speaker line, or the title with nothing added but its year, its issuer and a bracketed
    tag (2008年国务院政府工作报告, 2024年上海市人民政府工作报告, 政府工作报告（全文）).

    A line adding anything else is another text's title and the body's first line:
    黄浦区政府工作报告解读要点, 图解政府工作报告, 政府工作报告全文解读.
    """
    key = re.sub(r"\s+", "", line)
    if date is not None and _is_date_line(line):
        got = parse_date(line)
        return got is not None and got[0] == date
    if speaker and key == re.sub(r"\s+", "", speaker):
        return True
    want = re.sub(r"\s+", "", title)
    if not want or not _titlelike(line):
        return False
    key = fold(key)
    want = fold(want)
    at = key.find(want)
    while at != -1:
        before, after = key[:at], key[at + len(want) :]
        if before.endswith("《") and after.startswith("》"):
            before, after = before[:-1], after[1:]  # 2008年国务院《政府工作报告》
        if _only_year_issuer_tags(before, want.startswith("政府")) and _only_year_issuer_tags(
            after, False
        ):
            return True
        at = key.find(want, at + 1)
    return False


REPEAT_YEAR_RE = re.compile(rf"{NUM}{{4}}年度?")
"""The report's year before its title: 2008年, 二〇〇八年, 2023年度."""
REPEAT_TAG_RE = re.compile(rf"[(（](?:摘要|全文|草案|节选|{NUM}{{4}}年)[)）]")
"""A bracketed tag after a title: (摘要), （全文）, (2024年)."""
NATION_ISSUERS = ("中华人民共和国国务院", "国务院", "中华人民共和国")
ISSUER_TAILS = ("人民政府", "政府")


def _only_year_issuer_tags(s: str, title_opens_with_government: bool) -> bool:
    """Whether ``s`` (spaces gone, folded) is nothing but years, issuers and bracketed tags.

    An issuer is 国务院 or a place (上海市, 黄浦区, 上海市黄浦区, 江苏省) with or without
    人民政府; before a title opening with 政府 the place may end in 人民 (上海市人民政府工作报告).
    """
    pos = 0
    while pos < len(s):
        m = REPEAT_YEAR_RE.match(s, pos) or REPEAT_TAG_RE.match(s, pos)
        if m is not None:
            pos = m.end()
            continue
        nation = next((n for n in NATION_ISSUERS if s.startswith(n, pos)), None)
        if nation is not None:
            pos += len(nation)
            continue
        place = _place_at(s, pos)
        if place == 0:
            return False
        pos += place
        tail = next((t for t in ISSUER_TAILS if s.startswith(t, pos)), None)
        if tail is not None:
            pos += len(tail)
        elif title_opens_with_government and s[pos:] == "人民":
            pos = len(s)
    return True


def _place_at(s: str, pos: int) -> int:
    """The length of the longest run of administrative units at ``pos`` (0 if none)."""
    for end in range(len(s), pos + 1, -1):
        if split_units(s[pos:end]):
            return end - pos
    return 0


def _after_date(line: str) -> str:
    got = parse_date(line)
    return fold(line)[got[1] : got[1] + 3] if got else ""


def _find_title(head: list[HeadLine], date_i: int | None, prefix: str) -> tuple[str, int | None]:
    """The title and the index of its last line.

    With a date line: the text before its dash, else the title-like lines just above it.
    Without: the first head line naming a 报告. A 关于… title runs to the line ending in
    报告; a line opening with 与/和/及 continues the line above; (摘要) or (2024年) alone
    on the next line belongs to the title.
    """
    if prefix:
        return _title_chunk(prefix), date_i
    lines = [hl.text for hl in head]
    stop = date_i if date_i is not None else len(lines)
    idx = None
    if date_i is not None:
        for i in range(date_i - 1, max(-1, date_i - 4), -1):
            if _titlelike(lines[i]) and "报告" in lines[i]:
                idx = i
                break
    if idx is None:
        idx = next((i for i in range(stop) if _titlelike(lines[i]) and "报告" in lines[i]), None)
    if idx is None:
        # A 关于… title wrapped before its 报告: 关于…执行情况与 / 2024年…草案的报告.
        for i in range(stop - 1):
            if lines[i].startswith("关于") and _titlelike(lines[i]):
                idx = i
                break
    if idx is None:
        return "", None
    first = idx
    while (
        first > 0 and lines[first].startswith(CONTINUATION_START) and _titlelike(lines[first - 1])
    ):
        first -= 1
    last = idx
    if lines[first].startswith("关于"):
        while (
            not lines[last].rstrip("）)").endswith(("报告", "摘要", "草案"))
            and last + 1 < stop
            and last - first < 3
            and _titlelike(lines[last + 1])
        ):
            last += 1
    if last + 1 < stop and TITLE_TAIL_RE.match(lines[last + 1]):
        last += 1
    pieces = lines[first : last + 1]
    title = pieces[0] if len(pieces) == 1 else _join(pieces)
    return (title if pieces[0].startswith("关于") else _title_chunk(title)), last


def _join(pieces: list[str]) -> str:
    """Join wrapped title lines; a space only between two Latin/digit ends."""
    out = pieces[0]
    for p in pieces[1:]:
        if out[-1:].isascii() and out[-1:].isalnum() and p[:1].isascii() and p[:1].isalnum():
            out += " "
        out += p
    return out


def _title_chunk(line: str) -> str:
    """A headline before the title on one line (加快打造人民城市建设标杆 《政府工作报告》摘要):
    the title starts at the first space-separated chunk naming the report."""
    if re.fullmatch(r"[\u4e00-\u9fff]( [\u4e00-\u9fff])+", line):
        line = line.replace(" ", "")  # letter-spaced: 政 府 工 作 报 告
    if line.startswith("关于"):
        return line
    # Two titles run together, the page's and the report's own: 1956年国务院政府工作报告关于
    # 1955年国家决算和1956年国家预算的报告. The 关于… title is the report's.
    glued = line.find("报告关于")
    if glued > 0:
        return line[glued + 2 :]
    chunks = line.split()
    k = next((i for i, c in enumerate(chunks) if "报告" in c), 0)
    return line[line.index(chunks[k]) :] if chunks else line
