"""Strings from outside the report text (file names, metadata, config) made safe to print.

Report text is cleaned by :mod:`reportdiff.core.text.clean`, which drops control and
format characters (Unicode categories Cc and Cf: ESC, BEL, zero-width) so an escape
sequence's printable rest stays visible and nothing is obeyed. File names, ``--region``,
hand-edited library entries and config values never pass through that cleaner, so an OSC 52
sequence in a file name (``\\x1b]52;c;…\\x07``) would reach the terminal and set the
clipboard. The same rule is applied to them here, in two forms:

* :func:`clean_field` for a value that is stored or shown as data (a region, a title, an
  id made from a file name): control and format characters dropped like in report text,
  line and paragraph breaks folded to one space, so a field is always one line (``list``
  prints tab-separated values).
* :func:`printable` for a value echoed back to the user (a path in a message): every
  control character is shown as its escape (``\\x1b``), so the user sees what is there.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = ["clean_field", "drop_controls", "is_unsafe", "printable"]

# Categories the report text cleaner drops; Zl/Zp (U+2028/9) and the C1 NEL break lines.
_DROPPED = ("Cc", "Cf")
_BREAKS = ("Zl", "Zp")


@cache
def _never_dropped_re() -> re.Pattern[str]:
    """Runs of characters that are neither Cc nor Cf (printable ASCII, CJK punctuation, Han,
    full-width forms): most of a report, and none of them is looked up.

    Compiled on first use (0.7 ms: the Han range): the reader's start-up only cleans fields.
    """
    return re.compile("[\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]+")


def _undo_surrogate_escapes(text: str) -> str:
    """File names the OS gave as bytes it could not decode (``LC_ALL=POSIX`` without UTF-8
    mode turns 闵行.txt into ``\udce9\udc97…``), decoded as UTF-8; other lone surrogates,
    which no encoder accepts, become U+FFFD."""
    if text.isprintable() or not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def drop_controls(text: str, *, keep: str = "") -> str:
    """``text`` without control and format characters (Cc, Cf: ESC, BEL, zero-width), but
    those in ``keep``: the one rule for report text (``keep="\\n\\t"``) and metadata alike.

    Each distinct character is looked up once (a report's text of 20,000 characters holds
    some 1,500 distinct ones), and the text is left as it is when none is dropped. The
    distinct characters are those left once runs that hold none to drop are taken out in
    C (a saved web page of 100,000 characters keeps some 2,000): making a set of every
    character was nine tenths of the time.
    """
    rest = _never_dropped_re().sub("", text)
    dropped = {
        ord(ch): None for ch in set(rest) if ch not in keep and unicodedata.category(ch) in _DROPPED
    }
    return text.translate(dropped) if dropped else text


def is_unsafe(ch: str) -> bool:
    """Whether ``ch`` may be obeyed by a terminal or break a line: Cc, Cf, Zl, Zp."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def clean_field(value: str) -> str:
    r"""A metadata value as the report text cleaner would leave it, on one line.

    >>> clean_field("闵行区\x1b]52;c;aGk=\x07\n 2023\t年")
    '闵行区]52;c;aGk= 2023 年'
    """
    kept = []
    for ch in _undo_surrogate_escapes(value):
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in _BREAKS:
            kept.append(" ")
        elif cat not in _DROPPED:
            kept.append(ch)
    return " ".join("".join(kept).split())


def printable(value: object) -> str:
    r"""``value`` as a string with control and format characters escaped, not obeyed.

    >>> printable("evil\x1b[2J\nname.txt")
    'evil\\x1b[2J\\nname.txt'
    """
    text = _undo_surrogate_escapes(str(value))
    if text.isprintable():  # C speed; False for every unsafe character (and a few safe ones)
        return text
    return "".join(
        c.encode("unicode_escape").decode("ascii") if not c.isprintable() and is_unsafe(c) else c
        for c in text
    )
