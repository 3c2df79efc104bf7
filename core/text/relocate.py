"""Put back paragraphs a newspaper layout printed away from their section (seed 000).

A newspaper summary opens each section with a highlight list that repeats facts of the
section's paragraphs. When the page layout pushes paragraphs out of place (000 prints
six paragraphs of its first two sections after its last one), the highlights say where
each belongs: the section whose list the paragraph repeats.
"""

from __future__ import annotations

import itertools

from reportdiff.core.text.headings import BULLET, ends_sentence, lead_bounds, match_heading

Block = list[str]

REPEAT_THRESHOLD = 0.7
"""Share of a highlight's character bigrams a paragraph must contain to repeat it."""


def body_range(blocks: list[Block]) -> tuple[int, int]:
    """Indices of the first heading block and of the first appendix heading (or the end)."""
    first = next((i for i, b in enumerate(blocks) if match_heading(b[0])), len(blocks))
    end = next(
        (
            i
            for i, b in enumerate(blocks)
            if (h := match_heading(b[0])) is not None and h.level == "appendix"
        ),
        len(blocks),
    )
    return first, end


def _is_highlights(block: Block) -> bool:
    return any(ln.startswith(BULLET) for ln in block)


def _is_paragraph(block: Block) -> bool:
    return len(block) == 1 and not _is_highlights(block) and match_heading(block[0]) is None


def _groups(blocks: list[Block], first: int, end: int) -> list[tuple[int, int]]:
    """``(heading index, end index)`` of each heading's run of blocks in the body."""
    heads = [i for i in range(first, end) if match_heading(blocks[i][0])]
    return [(h, heads[k + 1] if k + 1 < len(heads) else end) for k, h in enumerate(heads)]


def _opening_items(blocks: list[Block], group: tuple[int, int]) -> list[str]:
    """The highlight items that open a section (right after its heading), if any."""
    h, e = group
    if h + 1 < e and _is_highlights(blocks[h + 1]):
        return [ln[len(BULLET) :] for ln in blocks[h + 1] if ln.startswith(BULLET)]
    return []


def join_truncated_tail(blocks: list[Block]) -> list[Block]:
    """Rejoin the cut-off end of a truncated last paragraph with its printed continuation.

    000 stops mid-sentence (…国家企业技术中心6家、民营) while its second section has, right
    after the highlight list, a paragraph with no lead phrase (企业总部19家，…) — no
    section's running text starts like that, so it is the rest of the cut paragraph,
    printed in another column (民营 + 企业总部 = 民营企业总部). Joined only when there is
    exactly one such orphan, so nothing is guessed.
    """
    first, end = body_range(blocks)
    if end - first < 3 or not _is_paragraph(blocks[end - 1]):
        return blocks
    tail = blocks[end - 1][0]
    if ends_sentence(tail) or lead_bounds(tail) is None:
        return blocks
    orphans = [
        i
        for i in range(first + 2, end - 1)
        if _is_paragraph(blocks[i])
        and lead_bounds(blocks[i][0]) is None
        and _is_highlights(blocks[i - 1])
        and match_heading(blocks[i - 2][0]) is not None
    ]
    if len(orphans) != 1:
        return blocks
    k = orphans[0]
    out = [b for i, b in enumerate(blocks) if i != k]
    out[end - 2] = [tail + blocks[k][0]]
    return out


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in itertools.pairwise(chars)}


def repeats(paragraph: str, item: str) -> bool:
    """Whether ``paragraph`` repeats the highlight ``item`` (most of its bigrams are in it)."""
    grams = _bigrams(item)
    if not grams:
        return False
    return len(grams & _bigrams(paragraph)) / len(grams) >= REPEAT_THRESHOLD


def _score(paragraph: str, items: list[str]) -> int:
    return sum(repeats(paragraph, it) for it in items)


def relocate_repeated_paragraphs(blocks: list[Block]) -> list[Block]:
    """Move each paragraph that repeats none of its own section's highlights but repeats
    another section's to that section, right after its highlight list.

    Only sections that open with a highlight list can receive paragraphs; the moved ones
    keep their order and go before the section's other paragraphs, because the displaced
    paragraphs are the ones that began the section. Running it again moves nothing.
    """
    first, end = body_range(blocks)
    groups = _groups(blocks, first, end)
    items = [_opening_items(blocks, g) for g in groups]
    if sum(1 for it in items if it) < 2:
        return blocks
    moves: dict[int, list[int]] = {}
    for gi, (h, e) in enumerate(groups):
        for i in range(h + 1, e):
            if not _is_paragraph(blocks[i]) or _score(blocks[i][0], items[gi]) > 0:
                continue
            scores = [_score(blocks[i][0], it) for it in items]
            best = max(scores)
            if best >= 1 and scores.count(best) == 1:
                moves.setdefault(scores.index(best), []).append(i)
    if not moves:
        return blocks
    moved = {i for lst in moves.values() for i in lst}
    out: list[Block] = []
    for gi, (h, e) in enumerate(groups):
        for i in range(h, e):
            if i in moved:
                continue
            out.append(blocks[i])
            if i == h + 1 and gi in moves:
                out.extend(blocks[k] for k in moves[gi])
    return blocks[:first] + out + blocks[end:]
