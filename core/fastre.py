"""Compile the engine's regular expressions faster: the same compiled code, less work.

Python's ``re`` compiles a character class through ``re._compiler._optimize_charset``, which
marks each character of a range in a map one at a time, in Python: a class of Han
characters (``[一-鿿]``, 20,992 of them) costs about a millisecond, every time a pattern
holds one. The engine's modules compile some 350 patterns holding some 1,200 classes, a
few hundred of them Han ranges, many the same class again: 0.09–0.18 s of CPU in every
process that analyses, before its first worker is forked (so on the path every core waits
on). :func:`speed_up` replaces that function, in this process only, by one that

* gives a class seen before (case-sensitive, so the map depends on the class alone) the
  value it gave the first time (the caller only reads it);
* marks a range in one slice assignment, and numbers a large map's 256-character blocks
  with C loops (``dict.fromkeys`` keeps their first-seen order, as the original's loop
  numbered them);
* hands every case-insensitive class to the original (its case folding is left alone).

Its result is the original's, value for value, so every compiled pattern is the same
(``tests/test_fastre.py`` checks the code of every engine pattern and random classes
against the original). It is installed only over the exact function it was written from
(its bytecode, Python 3.11–3.13); on any other the original stays. The command line
installs it for its commands (:func:`reportdiff.cli.main`; not for the reader's own
start-up, whose patterns are Textual's: no gain there), as does the reader's analysis
process; a program importing the engine as a library keeps Python's own.
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Callable, Sequence
from typing import Any, cast

# re's compiler has no type stubs (it is private): its names are Any here.
_rc: Any = importlib.import_module("re._compiler")

_Item = tuple[Any, Any]
"""One member of a parsed class: (op, argument), as re's parser makes it."""

__all__ = ["speed_up"]

_KNOWN = {
    # (crc32 of co_code, its length, crc32 of (co_consts, co_names)) of
    # re._compiler._optimize_charset, the function optimize() reproduces.
    (1913333135, 1900, 3396994810),  # 3.11
    (1388265117, 1600, 3396994810),  # 3.12
    (1233845447, 1724, 3396994810),  # 3.13
}

_MEMO_MAX = 4096
"""Classes remembered; a process with more distinct ones starts over (the engine has ~400)."""

_original: Callable[..., tuple[list[_Item], bool]] = _rc._optimize_charset
_memo: dict[tuple[_Item, ...], tuple[list[_Item], bool]] = {}


def _signature(func: Callable[..., object]) -> tuple[int, int, int]:
    code = func.__code__
    rest = repr((code.co_consts, code.co_names)).encode()
    return zlib.crc32(code.co_code), len(code.co_code), zlib.crc32(rest)


def speed_up() -> bool:
    """Install :func:`optimize` in ``re``'s compiler; whether it is (or already was) installed."""
    if _rc._optimize_charset is _optimize_charset:
        return True
    if _signature(_rc._optimize_charset) not in _KNOWN:
        return False
    _rc._optimize_charset = _optimize_charset
    return True


def _optimize_charset(
    charset: Sequence[_Item],
    iscased: object = None,
    fixup: object = None,
    fixes: object = None,
) -> tuple[list[_Item], bool]:
    """``re._compiler._optimize_charset``: the same value, remembered per class."""
    if fixup is not None:
        return _original(charset, iscased, fixup, fixes)
    key = tuple(charset)
    hit = _memo.get(key)
    if hit is None:
        if len(_memo) >= _MEMO_MAX:
            _memo.clear()
        hit = _memo[key] = optimize(charset)
    return hit


def optimize(charset: Sequence[_Item]) -> tuple[list[_Item], bool]:
    """The original's case-sensitive branch (no ``fixup``), with its loops in C.

    Statement for statement it is CPython's code (3.11–3.13, identical there) with two
    loops replaced: a range is marked by slice assignment (up to the map's end, then
    ``IndexError`` as the original's per-character loop raised it there), and the blocks
    of a large map are numbered in first-seen order by ``dict.fromkeys``.
    """
    literal, range_, negate = _rc.LITERAL, _rc.RANGE, _rc.NEGATE
    out: list[_Item] = []
    tail: list[_Item] = []
    charmap = bytearray(256)
    for op, av in charset:
        while True:
            try:
                if op is literal:
                    charmap[av] = 1
                elif op is range_:
                    lo, hi = av
                    size = len(charmap)
                    if hi < size:
                        charmap[lo : hi + 1] = b"\1" * (hi + 1 - lo)
                    else:
                        if lo < size:
                            charmap[lo:size] = b"\1" * (size - lo)
                        raise IndexError
                elif op is negate:
                    out.append((op, av))
                else:
                    tail.append((op, av))
            except IndexError:
                if len(charmap) == 256:
                    # character set contains non-UCS1 character codes
                    charmap += b"\0" * 0xFF00
                    continue
                # Character set contains non-BMP character codes (no fixup: kept as is).
                tail.append((op, av))
            break

    # compress character map
    runs: list[tuple[int, int]] | None = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        assert runs is not None
        if len(runs) >= 2:
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))
            break
        runs.append((p, q))
    if runs is not None:
        # use literal/range
        for p, q in runs:
            if q - p == 1:
                out.append((literal, p))
            else:
                out.append((range_, (p, q - 1)))
        out += tail
        # if the new representation is more compact (no fixup: the case never changed)
        if len(out) < len(charset):
            return out, False
        # else original character set is good enough
        return cast(list[_Item], charset), False

    # use bitmap
    if len(charmap) == 256:
        out.append((_rc.CHARSET, _rc._mk_bitmap(charmap)))
        out += tail
        return out, False

    # A big charset: the map cut into 256-character blocks, each distinct block numbered
    # in the order first seen, the block numbers, then the blocks' bits.
    whole = bytes(charmap)
    chunks = [whole[i : i + 256] for i in range(0, 65536, 256)]
    order = dict.fromkeys(chunks)
    number = dict(zip(order, range(len(order)), strict=True))
    mapping = bytearray(map(number.__getitem__, chunks))
    data = _rc._mk_bitmap(bytearray().join(order))
    data[0:0] = [len(order), *_rc._bytes_to_codes(mapping)]
    out.append((_rc.BIGCHARSET, data))
    out += tail
    return out, False
