"""The numbers Word prints before its auto-numbered paragraphs (一、 （一） 1. ①).

A heading numbered by a Word list (a multilevel list on 标题 1/标题 2, or a paragraph's own
numbering) holds no number in its text: the number is drawn from ``numbering.xml``. Without
it 一、2023年工作回顾 would read as 2023年工作回顾, and the report's parts and sections
lose the marks that tell their rank. This module counts the lists as Word does and gives
each paragraph its label: the level's ``lvlText`` (``%1、``, ``（%2）``, ``%1.%2``) with every
``%n`` in level n's format (decimal, chineseCounting 一 十一 二十, full-width digits, ①,
甲乙丙, letters, roman numerals), counters starting at each level's ``start`` and
restarting when a level above moves on. Bullets and unknown formats give no label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int
    restart: int | None = None
    """Restarts when a level up to this one (0-based) moves; None: any level above; -1: never."""
    suffix: str = "tab"
    """What follows the label: tab, space or nothing."""


@dataclass
class Numbering:
    """A document's lists: which numbering a paragraph uses and its counters so far."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)
    """numId → abstractNumId."""
    starts: dict[tuple[str, int], int] = field(default_factory=dict)
    """(numId, level) → a start override of that list instance."""
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)
    """styleId → (numId, level) a paragraph style numbers its paragraphs with."""
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, paragraph: Any) -> str:
        """The label Word prints before ``paragraph`` ('' when it is not numbered)."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        abstract_id = self.nums.get(num_id)
        levels = self.abstract.get(abstract_id or "")
        if not levels or level not in levels:
            return ""
        counts = self.counters.setdefault(abstract_id or "", [None] * 9)
        if num_id not in self.started:
            # A list instance with a start override starts its count afresh.
            self.started.add(num_id)
            for (nid, at), start in self.starts.items():
                if nid == num_id:
                    counts[at] = start - 1
        lvl = levels[level]
        current = counts[level]
        counts[level] = lvl.start if current is None else current + 1
        for deeper in range(level + 1, 9):
            below = levels.get(deeper)
            if below is None or below.restart is None or level <= below.restart:
                counts[deeper] = None
        if lvl.fmt in ("bullet", "none"):
            return ""

        def fill(m: re.Match[str]) -> str:
            n = int(m.group(1)) - 1
            own = levels.get(n, Level("decimal", "", 1))
            value = counts[n]
            return format_number(own.start if value is None else value, own.fmt)

        label = _PLACEHOLDER.sub(fill, lvl.text).strip()
        if not label or lvl.suffix == "nothing" or ord(label[-1]) >= 0x2E80:
            return label  # 一、改革 and （一）改革 run on; 1. 改革 keeps a space
        return label + " "

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        p_pr = paragraph._p.pPr
        num_pr = p_pr.find(f"{_W}numPr") if p_pr is not None else None
        style_id = None
        if p_pr is not None and (style := p_pr.find(f"{_W}pStyle")) is not None:
            style_id = style.get(f"{_W}val")
        from_style = self.styles.get(style_id or "")
        if num_pr is None:
            return from_style
        num_id = _val(num_pr.find(f"{_W}numId"))
        ilvl = _val(num_pr.find(f"{_W}ilvl"))
        if num_id is None:
            return from_style
        if num_id == "0":
            return None  # numbering switched off for this paragraph
        level = int(ilvl) if ilvl and ilvl.isdigit() else (from_style[1] if from_style else 0)
        return num_id, min(level, 8)


def numbering_of(document: Any) -> Numbering:
    """The lists of a python-docx ``document`` (empty when it has none)."""
    out = Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        root = None
    if root is not None:
        for abstract in root.iter(f"{_W}abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                ilvl = lvl.get(f"{_W}ilvl", "0")
                if not ilvl.isdigit():
                    continue
                start = _val(lvl.find(f"{_W}start"))
                restart = _val(lvl.find(f"{_W}lvlRestart"))
                levels[int(ilvl)] = Level(
                    fmt=_val(lvl.find(f"{_W}numFmt")) or "decimal",
                    text=_val(lvl.find(f"{_W}lvlText")) or "",
                    start=int(start) if start and start.isdigit() else 1,
                    restart=int(restart) - 1 if restart and restart.isdigit() else None,
                    suffix=_val(lvl.find(f"{_W}suff")) or "tab",
                )
            out.abstract[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            out.nums[num_id] = _val(num.find(f"{_W}abstractNumId")) or ""
            for override in num.iter(f"{_W}lvlOverride"):
                start = _val(override.find(f"{_W}startOverride"))
                ilvl = override.get(f"{_W}ilvl", "0")
                if start and start.isdigit() and ilvl.isdigit():
                    out.starts[(num_id, int(ilvl))] = int(start)
    out.styles = _style_numbering(document)
    return out


def _style_numbering(document: Any) -> dict[str, tuple[str, int]]:
    """styleId → (numId, level) for paragraph styles that number (標題 on a multilevel list),
    following each style's basedOn chain."""
    try:
        root = document.styles.element
    except AttributeError:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in root.iter(f"{_W}style"):
        sid = style.get(f"{_W}styleId", "")
        if (base := style.find(f"{_W}basedOn")) is not None:
            based[sid] = base.get(f"{_W}val", "")
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            ilvl = _val(num_pr.find(f"{_W}ilvl"))
            own[sid] = (
                _val(num_pr.find(f"{_W}numId")),
                int(ilvl) if ilvl and ilvl.isdigit() else None,
            )
    out: dict[str, tuple[str, int]] = {}
    for sid in {*own, *based}:
        num_id: str | None = None
        level: int | None = None
        seen: set[str] = set()
        at: str | None = sid
        while at and at not in seen and (num_id is None or level is None):
            seen.add(at)
            got = own.get(at)
            if got is not None:
                num_id = num_id if num_id is not None else got[0]
                level = level if level is not None else got[1]
            at = based.get(at)
        if num_id and num_id != "0":
            out[sid] = (num_id, level or 0)
    return out


def _val(element: Any) -> str | None:
    return None if element is None else element.get(f"{_W}val")


def format_number(n: int, fmt: str) -> str:
    """``n`` in a Word number format: 12 → 十二 (chineseCounting), １２, ⑫, 12 …"""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
    ):
        return chinese_counting(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt in ("ideographZodiac",) and 1 <= n <= 12:
        return _BRANCHES[n - 1]
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 4000:
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(n)


def chinese_counting(n: int) -> str:
    """一 … 十, 十一, 二十, 一百零五: how a Chinese document counts its parts."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _CN_DIGITS[rest] if rest < 10 else _tens(rest))
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _tens(n: int) -> str:
    return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")


def _roman(n: int) -> str:
    out = []
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)
