"""Quality benchmark: the engine's number pairs and alignment against hand-checked gold.

Run: ``python bench/bench_quality.py [--verbose] [GOLD.json …]`` (default: every file in
``bench/gold/``). Each gold file names two reports (corpus files under ``../shared/corpus``
or bundled sample ids); both are loaded and compared exactly as ``reportdiff export A B -f
json`` does (:func:`resolve_report` then :func:`compare`), in this process.

Every gold quantity is located in the engine's cleaned text by its ``context`` (a snippet
copied from the report; full-/half-width and whitespace are folded for the search only).
The report text may hold several copies, so a context can have several occurrences. An
engine quantity *is* a gold quantity when it lies inside one of those occurrences and its
text is the same (folded). Then, per gold file and overall:

- numbers: recall = gold pairs found / gold pairs; precision = correct / judged, where
  judged = engine pairs (both values present) whose A or B quantity is annotated in the
  gold (in a gold pair, a ``never`` pair or ``alone``), and correct = those that are gold
  pairs. ``never`` pairs the engine made are listed. Engine pairs that touch no annotated
  quantity are counted as unjudged.
- sections: recall = gold section pairs found as an aligned row (at any depth) whose
  sides are named by the gold's ``a`` and ``b``: a key names a side whose label holds it
  or whose text's opening it begins (a paragraph without a lead phrase has only its
  opening; a lead paragraph's key may copy more of its first clause than its label);
  precision = correct / judged rows (rows with both sides whose A or B name holds a gold
  or ``never_sections`` substring). A row that is no gold pair but has one side named by a
  gold pair's key and the other inside the node the pair's other key names (a paragraph of
  the gold's section against the gold's lead paragraph) is a finer pair the gold does not
  judge: it is neither correct nor wrong, counted apart as *inside a gold pair* (listed
  with ``--verbose``) and left out of the precision, as unjudged number pairs are.

A gold context that cannot be found in the cleaned text is reported as *unlocatable* (and
its pair counts as not found); it never crashes the run, since the cleaning changes.
The gold format is described in ``bench/gold/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
GOLD_DIR = BENCH / "gold"


# --- locating the corpus and the reports -------------------------------------------------


def corpus_root() -> Path | None:
    """The shared corpus folder: $REPORTDIFF_CORPUS, else ``shared/corpus`` beside an ancestor."""
    env = os.environ.get("REPORTDIFF_CORPUS")
    if env:
        return Path(env) if Path(env).is_dir() else None
    for parent in REPO.parents:
        cand = parent / "shared" / "corpus"
        if cand.is_dir():
            return cand
    return None


def source_ref(source: str) -> str | None:
    """What :func:`resolve_report` takes for a gold ``source``; None if the corpus is missing.

    ``corpus:national/2004.txt`` is a corpus file; ``sample:yangpu-2022`` a bundled sample.
    """
    kind, _, rest = source.partition(":")
    if kind == "sample":
        return rest
    if kind == "corpus":
        root = corpus_root()
        if root is None or not (root / rest).is_file():
            return None
        return str(root / rest)
    raise ValueError(f"unknown gold source {source!r} (use corpus:… or sample:…)")


def raw_text(source: str) -> str | None:
    """The source as a person reads it before cleaning: the decoded file, or the sample's text."""
    ref = source_ref(source)
    if ref is None:
        return None
    if source.startswith("corpus:"):
        return Path(ref).read_bytes().decode("gb18030")
    from reportdiff.core.storage.resolve import resolve_report

    return resolve_report(ref).text


# --- folding text for the search -----------------------------------------------------------


_MID_DOT_RE = re.compile(r"(?<=\d)[·・‧](?=\d)")
"""A middle dot between digits is a decimal point (1999 prints 19·5％; cleaning reads 19.5％)."""


def fold(text: str) -> str:
    """Full-width to half-width (NFKC), no whitespace, a middle dot between digits read as
    the decimal point: ``９．１％`` → ``9.1%``, ``19·5％`` → ``19.5%``."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())
    return _MID_DOT_RE.sub(".", folded)


@dataclass
class FoldedText:
    """A text folded for search, with the original offset of every folded character."""

    text: str
    folded: str = ""
    origin: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        out: list[str] = []
        for i, ch in enumerate(self.text):
            for c in unicodedata.normalize("NFKC", ch):
                if not c.isspace():
                    out.append(c)
                    self.origin.append(i)
        # one character for one: the offsets in origin still hold
        self.folded = _MID_DOT_RE.sub(".", "".join(out))
        self.origin.append(len(self.text))

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Original ``(start, end)`` ranges of every occurrence of folded ``needle``."""
        key = fold(needle)
        if not key:
            return []
        spans = []
        start = self.folded.find(key)
        while start >= 0:
            end = start + len(key)
            spans.append((self.origin[start], self.origin[end - 1] + 1))
            start = self.folded.find(key, start + 1)
        return spans


# --- the gold ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuantity:
    """One side of a gold annotation: the quantity as printed and where it is."""

    text: str
    contexts: tuple[str, ...]
    sentence: str = ""

    @classmethod
    def parse(cls, obj: dict[str, Any]) -> GoldQuantity:
        ctx = obj["context"]
        contexts = (ctx,) if isinstance(ctx, str) else tuple(ctx)
        return cls(text=obj["text"], contexts=contexts, sentence=obj.get("sentence", ""))

    def label(self) -> str:
        return f"{self.text} «{self.contexts[0]}»"


@dataclass(frozen=True)
class GoldPair:
    a: GoldQuantity
    b: GoldQuantity
    note: str


@dataclass(frozen=True)
class Gold:
    path: Path
    name: str
    sources: tuple[str, str]
    pairs: tuple[GoldPair, ...]
    never: tuple[GoldPair, ...]
    alone: tuple[tuple[int, GoldQuantity], ...]
    sections: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    """Aligned (A, B) heading substrings; each side a tuple of alternatives."""
    never_sections: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


def _alts(value: str | list[str]) -> tuple[str, ...]:
    """A heading substring, or a list of alternatives (either counterpart is right)."""
    return (value,) if isinstance(value, str) else tuple(value)


def load_gold(path: Path) -> Gold:
    """Read one gold file (format: ``bench/gold/README.md``)."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def pair(obj: dict[str, Any], note_key: str) -> GoldPair:
        return GoldPair(
            GoldQuantity.parse(obj["a"]), GoldQuantity.parse(obj["b"]), obj.get(note_key, "")
        )

    return Gold(
        path=path,
        name=path.stem,
        sources=(data["a"]["source"], data["b"]["source"]),
        pairs=tuple(pair(p, "indicator") for p in data.get("numbers", [])),
        never=tuple(pair(p, "why") for p in data.get("never", [])),
        alone=tuple(("ab".index(q["side"]), GoldQuantity.parse(q)) for q in data.get("alone", [])),
        sections=tuple((_alts(s["a"]), _alts(s["b"])) for s in data.get("sections", [])),
        never_sections=tuple(
            (_alts(s["a"]), _alts(s["b"])) for s in data.get("never_sections", [])
        ),
    )


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


# --- matching the engine against the gold --------------------------------------------------


@dataclass
class Located:
    """Where a gold quantity's contexts are in one report's cleaned text."""

    ranges: list[tuple[int, int]]

    @property
    def found(self) -> bool:
        return bool(self.ranges)


def locate(ft: FoldedText, q: GoldQuantity) -> Located:
    """The occurrences of ``q`` in the text: the quantity inside each context occurrence."""
    ranges: list[tuple[int, int]] = []
    key = fold(q.text)
    for ctx in q.contexts:
        for start, end in ft.find_all(ctx):
            # Narrow to the quantity inside the context (every occurrence of it there).
            sub = FoldedText(ft.text[start:end])
            inner = sub.find_all(q.text) if key else []
            if inner:
                ranges.extend((start + s, start + e) for s, e in inner)
            else:
                ranges.append((start, end))
    return Located(ranges)


def is_quantity(quantity: Any, q: GoldQuantity, loc: Located) -> bool:
    """Whether an engine Quantity is the gold quantity: same text, inside an occurrence."""
    if quantity is None or fold(quantity.text) != fold(q.text):
        return False
    s, e = quantity.span.start, quantity.span.end
    return any(start <= s and e <= end for start, end in loc.ranges)


def walk_rows(rows: Sequence[Any]) -> Iterator[Any]:
    for row in rows:
        yield row
        yield from walk_rows(row.children)


@dataclass
class Result:
    """What one gold file scored."""

    name: str
    skipped: str = ""
    gold_pairs: int = 0
    found: int = 0
    judged: int = 0
    correct: int = 0
    unjudged: int = 0
    never_made: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    unlocatable: list[str] = field(default_factory=list)
    unjudged_pairs: list[str] = field(default_factory=list)
    sec_gold: int = 0
    sec_found: int = 0
    sec_judged: int = 0
    sec_correct: int = 0
    sec_never_made: list[str] = field(default_factory=list)
    sec_missed: list[str] = field(default_factory=list)
    sec_wrong: list[str] = field(default_factory=list)
    sec_inside: list[str] = field(default_factory=list)


def compare_for_gold(gold: Gold) -> Any:
    """The engine's comparison of the gold's two reports, as ``reportdiff export`` makes it."""
    from reportdiff.core.analysis.compare import compare
    from reportdiff.core.storage.resolve import resolve_report

    refs = [source_ref(s) for s in gold.sources]
    if None in refs:
        return None
    return compare([resolve_report(r) for r in refs if r is not None])


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)`` in ``text``, for a human reading a miss."""
    left = max(text.rfind(c, 0, start) for c in "。；\n") + 1
    rights = [i for i in (text.find(c, end) for c in "。；\n") if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()[:160]


OPENING = 40
"""Characters of a node's text that name it when it has no label (folded, marked by ``^``)."""


def _row_name(node: Any, text: str) -> str:
    """A row side's name for matching gold keys: its label and ``^`` and its text's opening
    (only the latter when it has no label)."""
    opening = "^" + fold(text[node.span.start : node.span.end])[:OPENING]
    if node.label:
        return fold(node.label) + "\n" + opening
    return opening


BULLETS = "—-–·•●◆■□◇*"
"""Marks that open an item (——重点建设取得了新的成绩): a gold key may copy them, the engine's
labels drop them; they are no part of a name."""


_ORDINAL_RE = re.compile(
    r"^(?:第[一二三四五六七八九十]+[,、]|[(][一二三四五六七八九十\d]+[)]|[一二三四五六七八九十]+、|\d+[.、](?!\d))"
)
"""A number that opens an item (第五，/（三）/三、/3．, folded): no part of its name."""


def _bare(text: str) -> str:
    """A folded name or key without the item marks and the number that open it."""
    return _ORDINAL_RE.sub("", text.lstrip(BULLETS), count=1)


def _names(name: str, keys: Sequence[str]) -> bool:
    """Whether a gold key names a row side: inside its label, or beginning its text's
    opening (leading item marks and numbers aside: 第五，加强物价管理…): a key may copy a lead paragraph's whole first clause
    (加强物价管理，稳定国内市场，安排好人民生活) where the engine's label is its lead phrase
    (加强物价管理)."""
    bare = [_bare(k) for k in keys]
    label, _, opening = ("\n" + name if name.startswith("^") else name).partition("\n^")
    opening = _bare(opening)
    return any(k and (opening.startswith(k) or k in label) for k in bare)


def _shown(name: str, node: Any) -> str:
    return f"«{name[1:]}…»" if name.startswith("^") else str(node.label)


def score(gold: Gold, comparison: Any) -> Result:
    """Score one comparison against one gold file."""
    res = Result(gold.name)
    texts = [r.text for r in comparison.reports]
    folded = [FoldedText(t) for t in texts]
    cache: dict[tuple[int, GoldQuantity], Located] = {}

    def loc(side: int, q: GoldQuantity) -> Located:
        if (side, q) not in cache:
            cache[(side, q)] = locate(folded[side], q)
            if not cache[(side, q)].found:
                res.unlocatable.append(f"{'AB'[side]}: {q.label()}")
        return cache[(side, q)]

    # One decision per distinct pair of sentences: a text that holds several copies of the
    # report (the corpus pages do) must not count the same pair once per copy.
    engine = []
    seen_pairs: set[tuple[str, ...]] = set()
    for p in comparison.numbers:
        if len(p.values) != 2 or not all(p.values):
            continue
        key = tuple(
            fold(x)
            for side, q in enumerate(p.values)
            for x in (q.text, _sentence(texts[side], q.span.start, q.span.end))
        )
        if key not in seen_pairs:
            seen_pairs.add(key)
            engine.append(p)

    def makes(gp: GoldPair) -> list[Any]:
        la, lb = loc(0, gp.a), loc(1, gp.b)
        return [
            p
            for p in engine
            if is_quantity(p.values[0], gp.a, la) and is_quantity(p.values[1], gp.b, lb)
        ]

    def describe(p: Any) -> str:
        qa, qb = p.values
        return (
            f"{qa.text} ↔ {qb.text}  [{p.indicator}]\n"
            f"      A: {_sentence(texts[0], qa.span.start, qa.span.end)}\n"
            f"      B: {_sentence(texts[1], qb.span.start, qb.span.end)}"
        )

    res.gold_pairs = len(gold.pairs)
    correct_ids: set[int] = set()
    for gp in gold.pairs:
        made = makes(gp)
        if made:
            res.found += 1
            correct_ids.update(id(p) for p in made)
        else:
            res.missed.append(f"{gp.a.label()} ↔ {gp.b.label()}  [{gp.note}]")
    for gp in gold.never:
        for p in makes(gp):
            res.never_made.append(f"{describe(p)}\n      why never: {gp.note}")

    annotated: list[list[tuple[GoldQuantity, Located]]] = [[], []]
    for gp in (*gold.pairs, *gold.never):
        annotated[0].append((gp.a, loc(0, gp.a)))
        annotated[1].append((gp.b, loc(1, gp.b)))
    for side, q in gold.alone:
        annotated[side].append((q, loc(side, q)))
    for p in engine:
        touched = any(
            is_quantity(p.values[side], q, lq) for side in (0, 1) for q, lq in annotated[side]
        )
        if not touched:
            res.unjudged += 1
            res.unjudged_pairs.append(describe(p))
            continue
        res.judged += 1
        if id(p) in correct_ids:
            res.correct += 1
        else:
            res.wrong.append(describe(p))

    # Sections: rows (any depth) with both sides whose labels contain the gold substrings;
    # a side without a label (a paragraph with no lead phrase) is named by its text's
    # opening, which a gold key must begin. Rows count once per distinct pair of names
    # (the copies again).
    labels = []
    seen_rows: set[tuple[str, str]] = set()
    for r in walk_rows(comparison.alignment):
        if len(r.nodes) != 2 or not all(r.nodes):
            continue
        key = (
            _row_name(r.nodes[0], texts[0]),
            _row_name(r.nodes[1], texts[1]),
        )
        if key[0] and key[1] and key not in seen_rows:
            seen_rows.add(key)
            labels.append((*key, r))

    def row_has(a: tuple[str, ...], b: tuple[str, ...]) -> list[Any]:
        fa, fb = [fold(x) for x in a], [fold(x) for x in b]
        return [r for la, lb, r in labels if _names(la, fa) and _names(lb, fb)]

    res.sec_gold = len(gold.sections)
    good_rows: set[int] = set()
    for a, b in gold.sections:
        hit = row_has(a, b)
        if hit:
            res.sec_found += 1
            good_rows.update(id(r) for r in hit)
        else:
            res.sec_missed.append(f"{' | '.join(a)} ↔ {' | '.join(b)}")
    for a, b in gold.never_sections:
        for r in row_has(a, b):
            res.sec_never_made.append(
                f"{r.nodes[0].label} ↔ {r.nodes[1].label}  (never: {a[0]} ↔ {b[0]})"
            )
    keys_a = [fold(x) for a, _ in (*gold.sections, *gold.never_sections) for x in a]
    keys_b = [fold(x) for _, b in (*gold.sections, *gold.never_sections) for x in b]
    # Every node of either report with its name, to find what a gold key names.
    named: list[list[tuple[str, Any]]] = [[], []]
    for r in walk_rows(comparison.alignment):
        for side, node in enumerate(r.nodes[:2]):
            if node is not None:
                named[side].append((_row_name(node, texts[side]), node))

    def inside_gold(r: Any) -> bool:
        """Whether one side of ``r`` is named by a gold pair's key and the other side lies
        inside the node the pair's other key names: a finer pair within a gold pair (a
        paragraph of the gold's section against the gold's lead paragraph)."""
        for a, b in gold.sections:
            keys = ([fold(x) for x in a], [fold(x) for x in b])
            for side in (0, 1):
                if not _names(_row_name(r.nodes[side], texts[side]), keys[side]):
                    continue
                other = r.nodes[1 - side]
                if any(
                    _names(name, keys[1 - side])
                    and node.span.start <= other.span.start
                    and other.span.end <= node.span.end
                    for name, node in named[1 - side]
                ):
                    return True
        return False

    for la, lb, r in labels:
        if not (_names(la, keys_a) or _names(lb, keys_b)):
            continue
        if id(r) in good_rows:
            res.sec_judged += 1
            res.sec_correct += 1
        elif inside_gold(r):
            res.sec_inside.append(f"{_shown(la, r.nodes[0])} ↔ {_shown(lb, r.nodes[1])}")
        else:
            res.sec_judged += 1
            res.sec_wrong.append(f"{_shown(la, r.nodes[0])} ↔ {_shown(lb, r.nodes[1])}  ({r.kind})")
    return res


# --- printing ------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> str:
    return f"{num}/{den} = {num / den:.2f}" if den else f"{num}/0 = –"


def report(res: Result, verbose: bool) -> None:
    print(f"== {res.name}")
    if res.skipped:
        print(f"   skipped: {res.skipped}")
        return
    print(
        f"   numbers   recall {_ratio(res.found, res.gold_pairs):<16} "
        f"precision {_ratio(res.correct, res.judged):<16} unjudged engine pairs {res.unjudged}"
    )
    print(
        f"   sections  recall {_ratio(res.sec_found, res.sec_gold):<16} "
        f"precision {_ratio(res.sec_correct, res.sec_judged):<16} "
        f"inside a gold pair (unjudged) {len(res.sec_inside)}"
    )
    print(
        f"   never pairs made: {len(res.never_made)}   never sections made: {len(res.sec_never_made)}"
    )
    for line in res.never_made:
        print(f"     NEVER {line}")
    for line in res.sec_never_made:
        print(f"     NEVER section {line}")
    if res.unlocatable:
        print(f"   unlocatable gold contexts: {len(res.unlocatable)}")
        for line in res.unlocatable:
            print(f"     {line}")
    if verbose:
        for line in res.missed:
            print(f"     missed  {line}")
        for line in res.wrong:
            print(f"     wrong   {line}")
        for line in res.unjudged_pairs:
            print(f"     unjudged {line}")
        for line in res.sec_missed:
            print(f"     missed section  {line}")
        for line in res.sec_wrong:
            print(f"     wrong section   {line}")
        for line in res.sec_inside:
            print(f"     inside a gold pair  {line}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "gold", nargs="*", type=Path, help="gold files (default: bench/gold/*.json)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and wrong pairs")
    args = parser.parse_args(argv)
    paths = args.gold or gold_files()
    results: list[Result] = []
    for path in paths:
        gold = load_gold(path)
        comparison = compare_for_gold(gold)
        if comparison is None:
            res = Result(gold.name, skipped="corpus not found (set REPORTDIFF_CORPUS)")
        else:
            res = score(gold, comparison)
        results.append(res)
        report(res, args.verbose)
        sys.stdout.flush()
    done = [r for r in results if not r.skipped]
    total = Result("overall")
    for r in done:
        for name in (
            "gold_pairs",
            "found",
            "judged",
            "correct",
            "unjudged",
            "sec_gold",
            "sec_found",
            "sec_judged",
            "sec_correct",
        ):
            setattr(total, name, getattr(total, name) + getattr(r, name))
        total.never_made += r.never_made
        total.sec_never_made += r.sec_never_made
        total.unlocatable += r.unlocatable
        total.sec_inside += r.sec_inside
    print(f"== overall ({len(done)} of {len(results)} gold files)")
    print(
        f"   numbers   recall {_ratio(total.found, total.gold_pairs):<16} "
        f"precision {_ratio(total.correct, total.judged):<16} unjudged engine pairs {total.unjudged}"
    )
    print(
        f"   sections  recall {_ratio(total.sec_found, total.sec_gold):<16} "
        f"precision {_ratio(total.sec_correct, total.sec_judged):<16} "
        f"inside a gold pair (unjudged) {len(total.sec_inside)}"
    )
    print(
        f"   never pairs made: {len(total.never_made)}   never sections made: "
        f"{len(total.sec_never_made)}   unlocatable contexts: {len(total.unlocatable)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
