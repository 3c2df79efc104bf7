"""A text file's encoding: the BOM, strict UTF-8, a page's declared charset, or the legacy
Chinese encoding (GB18030 or Big5) whose decoding reads as common Chinese.

Every failure is a :class:`~reportdiff.core.errors.ReportError` with one line saying what.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
from collections import Counter

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _

#: Encodings tried, in order, when none is given (after the BOM and strict UTF-8).
#: cp950 is Microsoft's Big5, a superset of plain Big5 that real files use.
LEGACY_ENCODINGS = ("gb18030", "cp950")
#: Share of non-ASCII characters that must be common Han/punctuation to trust a guess.
MIN_COMMON_SHARE = 0.6
#: How many characters the encoding guess looks at (enough to judge, cheap on big files).
SCORE_SAMPLE = 200_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Users say gbk or gb2312 (Windows "ANSI" on Chinese systems); gb18030 decodes both and more.
_ENCODING_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "big5": "cp950"}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def check_encoding(encoding: str) -> str:
    """The codec name of an encoding a user gave (gbk → gb18030), or a ReportError."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ReportError(
            _("unknown encoding {encoding} (try utf-8, gb18030, big5 or utf-16)").format(
                encoding=repr(encoding)
            )
        ) from None
    return _ENCODING_ALIASES.get(name, name)


def decode(data: bytes, name: str, encoding: str | None, *, html: bool) -> str:
    """Decode a text or HTML file: forced encoding, BOM, UTF-8, declared charset, guess."""
    if encoding is not None:
        return _decode_forced(data, name, encoding)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _decode_cut(data[len(bom) :], enc)
            except UnicodeDecodeError as exc:
                raise ReportError(
                    _(
                        "{name} starts with a {value} byte-order mark but is not valid {value} (byte {start:,}); is it damaged?"
                    ).format(name=name, value=enc.upper(), start=exc.start)
                ) from None
    if _looks_binary(data):
        order = _utf16_chinese(data)
        if order or _looks_utf16(data):
            hint = order or "utf-16-le (or utf-16-be)"
            raise ReportError(
                _(
                    "{name} looks like UTF-16 without a byte-order mark; pass --encoding {hint}"
                ).format(name=name, hint=hint)
            )
        raise ReportError(
            _("{name} is a binary file, not text (it contains NUL bytes)").format(name=name)
        )
    try:
        # Before a page's declared charset: pages re-saved as UTF-8 keep their old
        # <meta charset=gb2312>, and UTF-8 bytes decode as GB18030 without error (into nonsense).
        return _decode_cut(data, "utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            with contextlib.suppress(UnicodeDecodeError):
                return data.decode(declared)
    best = _guess_legacy(data) or _mostly_utf8(data)
    if best is None:
        raise ReportError(
            _(
                "cannot read {name}: it is not text in UTF-8, UTF-16, GB18030/GBK or Big5 (a binary file?); if you know its encoding, pass --encoding"
            ).format(name=name)
        )
    return best


def _decode_cut(data: bytes, encoding: str) -> str:
    """Decode strictly, but forgive a character cut off at the very end of the file.

    Files cut at a byte limit (a download, a ``head -c``) end inside a multi-byte
    character; that last partial character is dropped rather than the whole file refused.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.end < len(data) or len(data) - exc.start > 3:
            raise
        return data[: exc.start].decode(encoding)


#: Most bad bytes per 1,000 that a UTF-8 file may have and still be read (as U+FFFD).
MAX_BAD_UTF8_PER_MILLE = 1


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (shown as U+FFFD), or None if more is wrong.

    A copy-paste or a disk error can spoil a byte or two of an otherwise good file; such
    a file is worth reading. Anything worse is not UTF-8 at all.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return text if bad <= max(1, len(data) * MAX_BAD_UTF8_PER_MILLE // 1000) else None


def _decode_forced(data: bytes, name: str, encoding: str) -> str:
    if encoding.startswith("utf-8"):
        data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReportError(
            _(
                "{name} cannot be decoded as {encoding} (bad byte at offset {start:,}); try another --encoding, or leave it out to detect the encoding"
            ).format(name=name, encoding=encoding, start=exc.start)
        ) from None


def _looks_binary(data: bytes) -> bool:
    # git's rule: a NUL in the first 8 KB means binary (UTF-16/32 were caught by their BOM).
    return b"\x00" in data[:8192]


def _looks_utf16(data: bytes) -> bool:
    """Whether NULs sit on every other byte, as ASCII-heavy UTF-16 text has them."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > len(sample) // 8 and min(even, odd) == 0


def _utf16_chinese(data: bytes) -> str | None:
    """The UTF-16 byte order (``utf-16-le``/``-be``) that reads ``data`` as common Chinese.

    Chinese in UTF-16 has NUL bytes only beside its ASCII (digits, line breaks), too few
    for :func:`_looks_utf16`; but decoded in the right byte order it is common Han
    characters and punctuation, in the wrong one rare characters and unassigned points.
    """
    sample = data[:8192]
    sample = sample[: len(sample) // 2 * 2]
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        if common_share(text, "gb18030") >= MIN_COMMON_SHARE:
            return enc
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _ENCODING_ALIASES.get(name, name)


def _guess_legacy(data: bytes) -> str | None:
    """Decode with GB18030 or Big5, whichever reads as common Chinese; None if neither does.

    Both decoders accept most byte strings — GB18030 reads Big5 bytes as rare characters
    and private-use symbols, Big5 reads GBK bytes as a jumble of traditional characters —
    so a strict decode proves little. Real text, though, is made almost entirely of common
    characters: the 3,755 of GB2312 level 1 for simplified text, the 5,401 of Big5's
    常用字 for traditional text. A wrong decoding scores about half that.
    """
    best: tuple[float, str] | None = None
    for enc in LEGACY_ENCODINGS:
        try:
            text = _decode_cut(data, enc)
        except UnicodeDecodeError:
            continue
        score = common_share(text, enc)
        if score >= MIN_COMMON_SHARE and (best is None or score > best[0]):
            best = (score, text)
    return None if best is None else best[1]


def common_share(text: str, enc: str) -> float:
    """Share of the non-ASCII characters in (a sample of) ``text`` that are common ones."""
    common = _common_chars(enc)
    total = hits = 0
    # Counted per distinct character (a few thousand in 200,000 characters of text).
    for ch, n in Counter(text[:SCORE_SAMPLE]).items():
        if ch < "\x80":
            continue
        total += n
        if ch in common:
            hits += n
    return 1.0 if total == 0 else hits / total


@functools.cache
def _common_chars(enc: str) -> frozenset[str]:
    """Common Han characters of an encoding's script, plus CJK and full-width punctuation.

    Derived from the codecs themselves (GB2312 level 1 rows 0xB0–0xD7; Big5 0xA440–0xC67E),
    so no table has to ship with the package.
    """
    if enc == "gb18030":
        raw = bytes(b for lead in range(0xB0, 0xD8) for t in range(0xA1, 0xFF) for b in (lead, t))
        han = raw.decode("gb2312", errors="ignore")
    else:
        trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
        raw = bytes(b for lead in range(0xA4, 0xC7) for t in trails for b in (lead, t))
        han = raw.decode("big5", errors="ignore")
    punct = "".join(chr(c) for c in range(0x3000, 0x3020))  # 、。〈〉《》「」『』【】〔〕 …
    punct += "".join(chr(c) for c in range(0xFF01, 0xFF5F))  # ，（）：；？！ full-width ASCII
    punct += "‘’“”…—–·•●○■□▲△◆◇▶►★☆※°±×÷≤≥√％‰№"
    punct += "\u00a0\u00b7\u2022\u2014\u2018\u2019\u201c\u201d\u2026\u2030"
    return frozenset(han + punct)
