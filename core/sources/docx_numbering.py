"""The numbers Word prints before its auto-numbered paragraphs (一、 （一） 1. ①).

A heading numbered by a Word list (a multilevel list on 标题 1/标题 2, or a paragraph's own
numbering) holds no number in its text: the number is drawn from ``numbering.xml``. Without
it 一、2023年工作回顾 would read as 2023年工作回顾, and the report's parts and sections
lose the marks that tell their rank. This module counts the lists as Word does and gives
each paragraph its label: the level's ``lvlText`` (``%1、``, ``（%2）``, ``%1.%2``) with every
``%n`` in level n's format (decimal, chineseCounting 一 十一 二十, full-width digits, ①,
甲乙丙, letters, roman numerals; the levels above in decimal under ``isLgl``), counters
starting at each level's ``start`` and restarting when a level above moves on (or the one
``lvlRestart`` names). A heading style naming only the list is on the level that names it
(``w:pStyle``); instances of one list share its count, each restarting the levels it gives
a ``startOverride`` at its first use; a list made from a list style (``numStyleLink``) is
that style's list. Bullets and unknown formats give no label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
    legal: bool = False
    """``isLgl``: the levels above are shown in decimal here (一 → 1 in 1.2)."""


@dataclass
class Numbering:
    """A document's lists: which numbering a paragraph uses and its counters so far."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    links: dict[str, dict[str, int]] = field(default_factory=dict)
    """abstractNumId → {styleId: level} from its levels' ``w:pStyle``."""
    nums: dict[str, str] = field(default_factory=dict)
    """numId → abstractNumId."""
    overrides: dict[str, dict[int, Level]] = field(default_factory=dict)
    """numId → levels that list instance draws its own way (``lvlOverride/lvl``)."""
    starts: dict[tuple[str, int], int] = field(default_factory=dict)
    """(numId, level) → a start override of that list instance."""
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)
    """styleId → (numId, level) a paragraph style numbers its paragraphs with."""
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def levels_of(self, num_id: str) -> dict[int, Level]:
        """The levels of list instance ``num_id``: its abstract list's, with its level
        overrides, and its start overrides as the levels' starts (ECMA-376 17.9.27: the
        override is the start whenever the level starts or restarts in this instance)."""
        levels = dict(self.abstract.get(self.nums.get(num_id, ""), {}))
        for at, own in self.overrides.get(num_id, {}).items():
            # Word ignores lvlRestart in an override's level (MS-OI29500 on 17.9.11).
            levels[at] = replace(own, restart=levels[at].restart if at in levels else None)
        for (nid, at), start in self.starts.items():
            if nid == num_id and at in levels:
                levels[at] = replace(levels[at], start=start)
        return levels

    def label(self, paragraph: Any) -> str:
        """The label Word prints before ``paragraph`` ('' when it is not numbered)."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        abstract_id = self.nums.get(num_id)
        levels = self.levels_of(num_id)
        if not levels or level not in levels:
            return ""
        # Instances of one abstract list share its count (Word continues it across them).
        counts = self.counters.setdefault(abstract_id or "", [None] * 9)
        if num_id not in self.started:
            # A list instance with a start override restarts those levels at its first use.
            self.started.add(num_id)
            for nid, at in self.starts:
                if nid == num_id:
                    counts[at] = None
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
            fmt = "decimal" if lvl.legal and n != level else own.fmt
            return format_number(own.start if value is None else value, fmt)

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
    style_lists: dict[str, str] = {}
    """abstractNumId → the list style (``numStyleLink``) whose list it is."""
    if root is not None:
        for abstract in root.iter(f"{_W}abstractNum"):
            abstract_id = abstract.get(f"{_W}abstractNumId", "")
            levels: dict[int, Level] = {}
            links: dict[str, int] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                ilvl = lvl.get(f"{_W}ilvl", "0")
                if ilvl.isdigit():
                    levels[int(ilvl)] = _level(lvl)
                    if style := _val(lvl.find(f"{_W}pStyle")):
                        links.setdefault(style, int(ilvl))
            out.abstract[abstract_id] = levels
            out.links[abstract_id] = links
            if style := _val(abstract.find(f"{_W}numStyleLink")):
                style_lists[abstract_id] = style
        for num in root.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            out.nums[num_id] = _val(num.find(f"{_W}abstractNumId")) or ""
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = override.get(f"{_W}ilvl", "0")
                if not ilvl.isdigit():
                    continue
                if (lvl := override.find(f"{_W}lvl")) is not None:
                    out.overrides.setdefault(num_id, {})[int(ilvl)] = _level(lvl)
                start = _val(override.find(f"{_W}startOverride"))
                if start and start.isdigit():
                    out.starts[(num_id, int(ilvl))] = int(start)
    out.styles = _style_numbering(
        document, lambda num_id: out.links.get(out.nums.get(num_id, ""), {})
    )
    # A list defined by a list style (numStyleLink, 17.9.21) is that style's list: the
    # style's numId names the abstract list holding the levels (and so the count).
    linked = False
    for num_id, abstract_id in out.nums.items():
        if (style := style_lists.get(abstract_id)) and (target := out.styles.get(style)):
            resolved = out.nums.get(target[0], "")
            if resolved and resolved not in style_lists and out.abstract.get(resolved):
                out.nums[num_id] = resolved
                linked = True
    if linked:  # the paragraph styles' levels may come from the lists now reached
        out.styles = _style_numbering(
            document, lambda num_id: out.links.get(out.nums.get(num_id, ""), {})
        )
    return out


def _level(lvl: Any) -> Level:
    start = _val(lvl.find(f"{_W}start"))
    restart = _val(lvl.find(f"{_W}lvlRestart"))
    return Level(
        fmt=_val(lvl.find(f"{_W}numFmt")) or "decimal",
        text=_val(lvl.find(f"{_W}lvlText")) or "",
        start=int(start) if start and start.isdigit() else 1,
        restart=int(restart) - 1 if restart and restart.isdigit() else None,
        suffix=_val(lvl.find(f"{_W}suff")) or "tab",
        legal=_on(lvl.find(f"{_W}isLgl")),
    )


def _on(element: Any) -> bool:
    """An OOXML on/off element: on when present, unless its val says off."""
    return element is not None and _val(element) not in ("0", "false", "off")


def _style_numbering(
    document: Any, links_of: Callable[[str], dict[str, int]]
) -> dict[str, tuple[str, int]]:
    """styleId → (numId, level) for paragraph styles that number (标题 on a multilevel list),
    following each style's basedOn chain. A style naming the list without a level takes the
    level whose ``w:pStyle`` names it (``links_of(numId)``, ECMA-376 17.9.24): Word's heading
    numbering puts 标题 2 on level 1 that way. A style's own ilvl comes first, as Word keeps
    it (MS-OI29500 on 17.3.1.19); with neither, level 0."""
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
        chain: list[str] = []
        at: str | None = sid
        while at and at not in chain:
            chain.append(at)
            at = based.get(at)
        num_id = next((n for s in chain if (n := own.get(s, (None, None))[0]) is not None), None)
        if not num_id or num_id == "0":
            continue
        links = links_of(num_id)
        level = 0
        for s in chain:
            if (explicit := own.get(s, (None, None))[1]) is not None:
                level = explicit
                break
            if s in links:
                level = links[s]
                break
        out[sid] = (num_id, level)
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
