"""What an aim holds or moves: the noun after 把 or after a causative 使.

努力把全年零售物价上涨幅度控制在百分之十以内 and 力争使全国人口增长率降到千分之十左右 say
what is aimed at after 把 / 使; the words before (努力, 我们要力争) are the speaker's.
"""

from __future__ import annotations

import re

_HELD_RE = re.compile(r"把|(?<=要|争|取|力|须|以|并)使(?![用得])")
"""把, and 使 after a word of aiming (要使, 力争使, 争取使, 努力使, 必须使, 以使, 并使): not
使用, 使得 (a verb of their own), nor 大使, 即使."""


def held_start(key: str, lo: int, hi: int) -> int:
    """Where the name of what is held or moved starts in ``key[lo:hi]``: after the last 把
    or causative 使 when a name follows it (two characters after 把; three after 使, whose
    object may be a bare scope, 要使全国80％以上的人口地区…, with the noun after the
    figure); else ``lo``."""
    found = list(_HELD_RE.finditer(key, lo, hi))
    if not found:
        return lo
    last = found[-1]
    least = 2 if last.group() == "把" else 3
    return last.end() if hi - last.end() >= least else lo
