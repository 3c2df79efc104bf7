"""Headings a report prints without a number, and numbers that do not start a part.

Three things a reader sees by the form of the text, not by its words:

- **Unnumbered headings.** A short line without sentence-final punctuation, standing
  between paragraphs, is a heading (a bold line on the page). Its level comes from its
  position among the numbered headings: after the last numbered section of the report's
  last part it is a closing part (加强政府自身建设 / 国防 / 港澳台 / 外交 after 三、…'s
  （十）); after the last section of an earlier part, an unnumbered section of that part;
  in a part without numbered sections, one of a set (two at least) of unnumbered sections.
  A short line with numbered sections after it in its part is left alone: a sub-heading
  inside a section, or a stray line, is not guessed at.
- **Closing passages.** After a part's last section, 各位代表！ opens text that belongs to
  the part, not to that section: its summing-up (2003 一's 各位代表！五年来，我国各方面的
  成就…), or after the last part's tasks the report's closing (国防, 港澳台, 外交 and the
  final call). Each becomes an untitled section of the part instead of the tail of the
  section before it. In a part without sections, each 各位代表！ after its opening does
  the same (2004 三、加强政府自身建设 goes on with 各位代表！… 国防 …).
- **Unnumbered parts.** When such a heading comes before every numbered one (1988), the
  unnumbered headings are the parts and the numbered ones their sections.
- **Numbering.** A 一、 heading that does not count on from the part before (1986 二、 holds
  一、确定适度的经济增长率… 五、…, the plan's five points) is a section of that part.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportdiff.core.text.headings import (
    BULLET,
    PART_RE,
    SALUTATION_RE,
    HeadingMatch,
    ends_sentence,
    is_date_line,
)
from reportdiff.core.text.units import cn_number

UNMARKED_MIN = 4
UNMARKED_MAX = 40
"""An unnumbered heading is as long as numbered ones: a phrase, not a sentence."""

NOT_IN_HEADING = "。！？!?：:；;…"


@dataclass(frozen=True)
class BodyLine:
    """What the heading inference needs of a block: its text if it is one line, its kind."""

    text: str
    """The block's text (its lines joined)."""
    one_line: bool
    """Whether the block is a single line."""
    heading: HeadingMatch | None
    """The numbered (or otherwise marked) heading the block is, if any."""


def is_unmarked_heading_line(line: str) -> bool:
    """Whether ``line`` has the form of an unnumbered heading (a short phrase, no sentence end)."""
    return (
        UNMARKED_MIN <= len(line) <= UNMARKED_MAX
        and not any(c in line for c in NOT_IN_HEADING)
        and not line.endswith(("，", ",", "、"))
        and not line.startswith((BULLET, "——"))
        and not SALUTATION_RE.match(line)
        and not is_date_line(line)
        and any("\u4e00" <= c <= "\u9fff" for c in line)
    )


def renumber_parts(lines: list[BodyLine]) -> list[HeadingMatch | None]:
    """The blocks' headings, with part headings of a list inside a part made sections.

    Parts count 一、二、三… A 一、 after the first part starts a list inside the current
    part (1986 二、 enumerates 一、确定适度的经济增长率… to 五、…); the list goes on while its
    numerals go on counting, and the next part is the heading that takes up the parts'
    count again. Where a list item and the next part would carry the same numeral, the
    line printed like the list's items (ending in 。 or not) is the item. A numeral the
    parts have passed already (a second 二、) is a section too.
    """
    out: list[HeadingMatch | None] = []
    expected: int | None = None
    inner: int | None = None
    inner_stop = False
    for line in lines:
        h = line.heading
        n = _part_number(h)
        if h is None or n is None:
            out.append(h)
            continue
        stop = line.text.endswith("。")
        continues_list = inner is not None and n == inner + 1
        if continues_list and n == expected:
            continues_list = stop == inner_stop
        restarts = expected is not None and n == 1 and expected > 1
        if continues_list or restarts:
            if restarts:
                inner_stop = stop
            inner = n
            out.append(HeadingMatch("section", h.marker, h.text_start))
            continue
        inner = None
        if expected is not None and n < expected:
            out.append(HeadingMatch("section", h.marker, h.text_start))
            continue
        expected = n + 1
        out.append(h)
    return out


LIST_PARAGRAPHS = 2
"""Members of a numbered run printed as paragraphs that make it a list, not headings."""


def items_of_paragraph_lists(lines: list[BodyLine]) -> list[BodyLine]:
    """The blocks, with the heading-shaped members of a list of numbered paragraphs unmade.

    A count 一、二、三… that opens with a paragraph (一、 followed by its sentences, not a
    heading line) and prints two of its members so at least is a list inside the text: its
    other members are items too, even when one sentence long. 1982 lists the five rules
    国务院作出了以下规定 as 一、固定资产投资总规模，…。 / 二、大中型基本建设项目…审批。 /
    三、所有建设项目必须严格按照基本建设程序办事。 / 四、…。 / 五、…。; its 二、三、五、 are
    not sections that would hold the 第二…第四 measures after them. A single numbered
    paragraph is no list (a part heading printed with its text could be one).
    """
    out = list(lines)
    i = 0
    while i < len(lines):
        if lines[i].heading is not None or _point_number(lines[i].text) != 1:
            i += 1
            continue
        members = [i]
        for j in range(i + 1, len(lines)):
            n = _point_number(lines[j].text)
            h = lines[j].heading
            if n == len(members) + 1:
                members.append(j)
            elif n is not None or (h is not None and h.marker):
                break
        if sum(1 for k in members if lines[k].heading is None) >= LIST_PARAGRAPHS:
            for k in members:
                out[k] = BodyLine(lines[k].text, lines[k].one_line, None)
        i = members[-1] + 1
    return out


def _point_number(text: str) -> int | None:
    """The numeral of a line that opens with 一、 (a part's marker), or None."""
    m = PART_RE.match(text)
    return cn_number(m.group(1)[:-1]) if m else None


def _part_number(h: HeadingMatch | None) -> int | None:
    if h is None or h.level != "part" or not h.marker.endswith("、"):
        return None
    return cn_number(h.marker[:-1])


UNTITLED = "untitled"
"""Marks a block that opens an untitled section (a passage 各位代表！ opens)."""


def infer_headings(lines: list[BodyLine]) -> list[HeadingMatch | str | None]:
    """Every body block's heading: the marked ones, unnumbered ones, and closing passages.

    Returns, per block: a :class:`HeadingMatch` (unnumbered headings have marker ''),
    :data:`UNTITLED` for a block that opens an untitled section, or None for a block of
    running text.
    """
    lines = items_of_paragraph_lists(lines)
    heads: list[HeadingMatch | str | None] = list(renumber_parts(lines))
    end = next(
        (i for i, h in enumerate(heads) if isinstance(h, HeadingMatch) and h.level == "appendix"),
        len(heads),
    )
    _rank_by_first_use(heads, end)
    marked = [i for i in range(end) if heads[i] is not None]
    _unnumbered_parts(lines, heads, marked, end)
    marked = [i for i in range(end) if heads[i] is not None]
    if not marked:
        return heads
    parts = [i for i in marked if _level(heads[i]) == "part"]
    ranges = _ranges(parts, marked[0], end)
    for k, (start, stop) in enumerate(ranges):
        last_range = k == len(ranges) - 1
        sections = [i for i in range(start + 1 if parts else start, stop) if heads[i] is not None]
        candidates = [
            i for i in range(start + 1, stop) if heads[i] is None and _between_paragraphs(lines, i)
        ]
        if sections:
            trailing = [i for i in candidates if i > sections[-1]]
            level = "part" if parts and last_range else "section"
            for i in trailing:
                heads[i] = HeadingMatch(level, "", 0)  # type: ignore[arg-type]
            after = max([sections[-1], *trailing])
            _mark_closing(lines, heads, after, stop)
        elif parts and len(candidates) >= 2:
            for i in candidates:
                heads[i] = HeadingMatch("section", "", 0)
            _mark_closing(lines, heads, candidates[-1], stop)
        elif parts:
            # A part of running text: each 各位代表！ after its opening turns to a new
            # matter (2004 三、加强政府自身建设 → 国防, 港澳台, 外交 → the closing call).
            _mark_closing(lines, heads, start + 1, stop)
    return heads


def _unnumbered_parts(
    lines: list[BodyLine], heads: list[HeadingMatch | str | None], marked: list[int], end: int
) -> None:
    """Make the unnumbered headings parts when the report opens with one.

    1988 prints its parts without numbers (过去五年国内工作的基本总结 / 今后五年建设和改革
    的目标、方针和任务 / 关于外交工作) and numbers the points inside them 一、…五、 and
    一、…十、. When an unnumbered heading comes before every numbered one, and there are
    two at least, they are the parts and the numbered parts are their sections.
    """
    candidates = [i for i in range(end) if heads[i] is None and _between_paragraphs(lines, i)]
    if len(candidates) < 2 or (marked and candidates[0] > marked[0]):
        return
    for i in candidates:
        heads[i] = HeadingMatch("part", "", 0)
    for i in marked:
        h = heads[i]
        if isinstance(h, HeadingMatch) and h.level == "part":
            heads[i] = HeadingMatch("section", h.marker, h.text_start)


def _rank_by_first_use(heads: list[HeadingMatch | str | None], end: int) -> None:
    """Make the （一） headings parts when the report numbers its top level so.

    A report ranks its numbering styles by first use: 1981 opens with （一）当前的经济形势 and
    （二）今后经济建设的方针, which holds the ten policies 一、…十、, then goes on with （三）我国
    经济发展的前景; 1958's （三） holds 第一、关于基本建设 … 第五、. When the first numbered
    heading is a （一） and headings numbered otherwise stand between two （…） headings,
    the （…） headings are the parts and the others their sections.
    """
    numbered = [
        i for i in range(end) if isinstance(h := heads[i], HeadingMatch) and _numbered(h.marker)
    ]
    parens = [i for i in numbered if _paren(heads[i])]
    if not parens or parens[0] != numbered[0]:
        return
    inside = [i for i in numbered if not _paren(heads[i]) and parens[0] < i < parens[-1]]
    if not inside:
        return
    for i in numbered:
        h = heads[i]
        assert isinstance(h, HeadingMatch)
        level = "part" if i in parens else "section"
        heads[i] = HeadingMatch(level, h.marker, h.text_start)  # type: ignore[arg-type]


def _numbered(marker: str) -> bool:
    return bool(marker) and marker[0] in "（(一二三四五六七八九十第"


def _paren(h: HeadingMatch | str | None) -> bool:
    return isinstance(h, HeadingMatch) and h.marker.startswith(("（", "("))


def _level(h: HeadingMatch | str | None) -> str | None:
    return h.level if isinstance(h, HeadingMatch) else None


def _ranges(parts: list[int], first: int, end: int) -> list[tuple[int, int]]:
    """Block ranges of each part (from its heading), or the whole body when there are none."""
    if not parts:
        return [(first, end)]
    bounds = [*parts, end]
    return [(bounds[k], bounds[k + 1]) for k in range(len(parts))]


def _between_paragraphs(lines: list[BodyLine], i: int) -> bool:
    """A one-line heading-shaped block after running text (or a heading) and before a paragraph.

    A line right after the title block (国务院代总理李鹏 before 各位代表！) is the speaker's,
    and a bare 各位代表！ is no paragraph: neither makes a heading of a short line.
    """
    line = lines[i]
    if not line.one_line or not is_unmarked_heading_line(line.text):
        return False
    if i == 0 or i + 1 >= len(lines):
        return False
    prev, nxt = lines[i - 1], lines[i + 1]
    if prev.heading is None and not ends_sentence(prev.text):
        return False
    return (
        nxt.heading is None
        and ends_sentence(nxt.text)
        and not nxt.text.startswith(BULLET)
        and not _bare_salutation(nxt.text)
    )


def _bare_salutation(text: str) -> bool:
    m = SALUTATION_RE.match(text)
    return m is not None and not text[m.end() :].strip()


def _mark_closing(
    lines: list[BodyLine], heads: list[HeadingMatch | str | None], after: int, stop: int
) -> None:
    """Mark each salutation after the last heading of a range as opening an untitled section.

    A section, not a part, even after the report's last part: a report cut short (2009
    stops after 一's 各位代表！…过去一年的成就来之不易) cannot be told from a whole one, and
    the passage is the part's own closing there.
    """
    for i in range(after + 1, stop):
        if heads[i] is None and SALUTATION_RE.match(lines[i].text):
            heads[i] = UNTITLED
