"""Keep one copy of a text that a saved page holds several times over.

Portals print an article again in hidden blocks (a print view, a paged view, a mobile
view): a saved page can hold the report 5–12 times. Copies are found by content, not by
any page structure: a long line that comes again after the current copy began, followed by
the same long lines in the same order, starts a new copy. The copy with the most text is
kept (copies can differ slightly: a print view may lack the last page); any other copy is
dropped only when nearly all of its sentences are in the kept one, so text that is merely
quoted twice, or a passage that is not a copy, is never lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz.fuzz import ratio
from reportdiff.core.text.furniture import han_count

ANCHOR_HAN = 12
"""A line with this many Han characters is an anchor: two equal ones are the same passage."""

CONFIRM = 3
"""A restart counts when this many of the next CONFIRM_WINDOW anchors come again too."""
CONFIRM_WINDOW = 5

MIN_COPY_ANCHORS = 2
"""A copy has at least this many anchors: one repeated line is a quotation, not a copy."""

COVERED_SHARE = 0.8
"""Share of a copy's sentence text that must be in the kept copy for it to be dropped."""

NEAR_EQUAL = 85.0
"""Lines this similar (rapidfuzz ratio) are one line in two copies that differ slightly."""

SENTENCE_HAN = 8
_SENTENCE_RE = re.compile(r"[^。！？!?\n]+[。！？!?]")
_SPACE_RE = re.compile(r"\s+")


def line_key(line: str) -> str:
    """A line compared without any whitespace (copies differ in indentation and spacing)."""
    return _SPACE_RE.sub("", line)


def keep_one_copy(lines: list[str]) -> list[str]:
    """Drop repeated copies of the text in ``lines`` (blank lines included), keeping one.

    Returns ``lines`` itself when the text holds no repeated copy.
    """
    rows = [i for i, ln in enumerate(lines) if ln.strip()]
    keys = [line_key(lines[i]) for i in rows]
    hans = [han_count(k) for k in keys]
    anchors = [r for r, h in enumerate(hans) if h >= ANCHOR_HAN]
    starts = _copy_starts(keys, anchors)
    if not starts:
        return lines
    segments = list(zip(starts, [*starts[1:], len(rows)], strict=True))
    best = max(range(len(segments)), key=lambda s: (sum(hans[slice(*segments[s])]), -s))
    b0, b1 = segments[best]
    kept_keys = set(keys[b0:b1])
    # A copy's lines are the kept copy's lines again: each line's sentences found once.
    memo: dict[str, list[str]] = {}

    def sentences(key: str) -> list[str]:
        found = memo.get(key)
        if found is None:
            found = memo[key] = _sentences(key)
        return found

    kept_sentences = {s for k in keys[b0:b1] for s in sentences(k)}
    drop = [False] * len(rows)
    for s, (r0, r1) in enumerate(segments):
        if s == best or not _covered(keys[r0:r1], kept_sentences, sentences):
            continue
        # The copy ends at its last line the kept copy has too; what follows it (an
        # appendix after the last copy) is not part of the copy and stays.
        seen = [
            r for r in range(r0, r1) if _line_covered(keys[r], kept_keys, kept_sentences, sentences)
        ]
        for r in range(r0, seen[-1] + 1 if seen else r0):
            drop[r] = True
    for r in range(starts[0]):
        # Lines before the first copy that the kept copy repeats (a title printed twice).
        drop[r] = keys[r] in kept_keys
    ends = [*rows[1:], len(lines)]
    out: list[str] = list(lines[: rows[0]])
    for r, i in enumerate(rows):
        if not drop[r]:
            out.extend(lines[i : ends[r]])
    return out


def _copy_starts(keys: list[str], anchors: list[int]) -> list[int]:
    """Row indices where copies start (the first copy's start first), [] if none repeats."""
    starts: list[int] = []
    # Copies of a page can open differently (one prints the page title above the report's
    # title, the next does not): a line between two copies that the text opened with
    # starts the next copy, whatever the walk back found.
    head = set(keys[: anchors[0]]) if anchors else set()
    last_seen: dict[str, int] = {}
    current = 0  # ordinal in ``anchors`` where the current copy starts
    for n, row in enumerate(anchors):
        m = last_seen.get(keys[row])
        last_seen[keys[row]] = n
        if m is None or m < current or not _confirmed(keys, anchors, n, m):
            continue
        floor = starts[-1] if starts else 0
        new, old = _walk_back(keys, row, anchors[m], floor)
        new = next((r for r in range(anchors[n - 1] + 1, new) if keys[r] in head), new)
        if not starts:
            starts.append(old)
        if new <= starts[-1]:
            continue
        starts.append(new)
        current = n
    return starts


def _confirmed(keys: list[str], anchors: list[int], n: int, m: int) -> bool:
    """Whether the anchors after ``n`` come again after ``m`` (copies may lack a line)."""
    after_new = [keys[anchors[k]] for k in range(n + 1, min(n + 1 + CONFIRM_WINDOW, len(anchors)))]
    after_old = {keys[anchors[k]] for k in range(m + 1, min(m + 3 + CONFIRM_WINDOW, n))}
    span = n - m  # anchors of the copy before the restart
    if span < MIN_COPY_ANCHORS or not after_new:
        return False
    same = sum(k in after_old for k in after_new)
    return same >= max(1, min(CONFIRM, len(after_new), span - 1))


def _walk_back(keys: list[str], new: int, old: int, floor: int) -> tuple[int, int]:
    """Extend a restart backwards over the lines both copies open with (title, date line…).

    Copies may break a line in different places (a PDF printed from the page joins the date
    line and the speaker line on one page and not on the next): two lines of one copy that
    make one line of the other are the same opening.
    """
    while old > floor and new - 1 > old:
        if _same(keys[new - 1], keys[old - 1]):
            new, old = new - 1, old - 1
        elif new - 2 > old and _same(keys[new - 2] + keys[new - 1], keys[old - 1]):
            new, old = new - 2, old - 1
        elif old - 1 > floor and _same(keys[new - 1], keys[old - 2] + keys[old - 1]):
            new, old = new - 1, old - 2
        else:
            break
    return new, old


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= 10 and ratio(a, b) >= NEAR_EQUAL


def _sentences(key: str) -> list[str]:
    return [s for s in _SENTENCE_RE.findall(key) if han_count(s) >= SENTENCE_HAN]


def _line_covered(
    key: str,
    kept_keys: set[str],
    kept_sentences: set[str],
    sentences_of: Callable[[str], list[str]] = _sentences,
) -> bool:
    """Whether the kept copy has this line, or every sentence of it."""
    if key in kept_keys:
        return True
    sentences = sentences_of(key)
    return bool(sentences) and all(s in kept_sentences for s in sentences)


def _covered(
    keys: list[str], kept: set[str], sentences_of: Callable[[str], list[str]] = _sentences
) -> bool:
    """Whether nearly all of the sentence text of ``keys`` is in the kept copy."""
    total = covered = 0
    for key in keys:
        for s in sentences_of(key):
            total += len(s)
            covered += len(s) if s in kept else 0
    return covered >= COVERED_SHARE * total


def distinct_reports(parts: list[str]) -> list[str]:
    """Drop the parts of a split document that are copies of another part.

    A saved page that holds one report six times looks like a compilation of six reports
    (each copy opens with the title and the ——date line). A part whose sentences are
    nearly all in a fuller part is a copy of it; the fullest of each group stays, and the
    parts keep their document order.
    """
    sentences = [
        {s for ln in part.splitlines() for s in _sentences(line_key(ln))} for part in parts
    ]
    order = sorted(range(len(parts)), key=lambda i: (-sum(map(len, sentences[i])), i))
    holders: dict[str, list[int]] = {}  # sentence -> kept parts that have it
    kept: list[int] = []
    for i in order:
        total = sum(map(len, sentences[i]))
        shared: dict[int, int] = {}
        for s in sentences[i]:
            for k in holders.get(s, ()):
                shared[k] = shared.get(k, 0) + len(s)
        if total and any(n >= COVERED_SHARE * total for n in shared.values()):
            continue
        kept.append(i)
        for s in sentences[i]:
            holders.setdefault(s, []).append(i)
    return [parts[i] for i in sorted(kept)]
