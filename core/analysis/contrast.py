"""A clause set against the one before it: 钢产量前三年共增加了一百五十万吨，而１９５６年就增加了
一百六十一万吨.

``而`` + a time + ``就``/``也``/``又`` says the same thing of another time: when nothing but a
verb of change is left of its words, its figure counts what the clause before counted
(钢产量), at its own time; when a noun is left (而１９５６年就开垦荒地), that noun.
"""

from __future__ import annotations

import re

__all__ = ["contrast_name"]

_CONTRAST_RE = re.compile(
    r"而\s*(?:\d{4}\s*年|[一二][九〇○零][〇○零一二三四五六七八九]{2}年|今年|去年|当年|同年)?"
    r"(?:这一年)?(?:就|也|又|却|则)"
)
_SPAN_RE = re.compile(r"(?:在[\u4e00-\u9fff]{0,6}的)?前[两二三四五六七八九十]年(?:的|共)?")
_VERB_ONLY_RE = re.compile(r"(?:增加|增长|减少|扩大|提高|降低|下降)?了?")


def contrast_name(words: str, before: str | None) -> str | None:
    """The name of a figure whose words before it (``words``) open on 而…就, given the name
    of the figure before it in its sentence (``before``); None when ``words`` is no such
    clause."""
    m = _CONTRAST_RE.match(words)
    if m is None:
        return None
    rest = words[m.end() :]
    if not _VERB_ONLY_RE.fullmatch(rest):
        return rest
    # the span of the clause before is its own time, not the name: 钢产量前三年 → 钢产量
    name = _SPAN_RE.sub("", before or "")
    return name if len(name) >= 2 else None
