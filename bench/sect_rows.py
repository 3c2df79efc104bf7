"""Measure candidate signals on paragraph ↔ paragraph rows before writing an alignment rule.

Run: ``python bench/sect_rows.py [--list] [GOLD.json …]`` (default: every dev gold file in
``bench/gold/``; never run it on ``bench/holdout/``: held-out rows are measured through
``bench_quality.py``'s printed figures only). For every aligned row of two paragraphs it
gives the row's verdict as ``bench_quality.py`` scores it (right, wrong, inside a gold pair,
or unjudged), its heading and body scores, and two signals that are not body likeness:

- ``rare``: the phrases the two paragraphs share that are particular to few paragraphs:
  runs of three-character pieces (no punctuation, digit or space) found in at most two
  paragraphs of each report (价格关系, 中苏关系 …);
- ``names``: the indicator names both paragraphs count (``extract_quantities`` and
  ``facts.fact_name`` over the figures inside each paragraph), and how many each counts.

It prints each row of the rows whose lead phrases are unlike (heading < 0.3: the pair rests
on the bodies) with ``--list``, and the distributions of both signals for the right and the
wrong rows. The measurement and what it showed are in README.md (issue 10's section rows).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_quality as bq

UNLIKE = 0.3
"""Heading likeness under which two paragraphs are paired by their bodies alone."""
NOT_WORD = frozenset(
    "，。、；：！？“”‘’（）《》,.;:!?()—-–…·•　 \t\r\n0123456789０１２３４５６７８９％%．"
)


def verdicts(gold: bq.Gold, comparison: Any) -> list[tuple[str, Any]]:
    """Every two-sided row with its verdict, as :func:`bench_quality.score` judges it."""
    texts = [r.text for r in comparison.reports]
    labels: list[tuple[str, str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for r in bq.walk_rows(comparison.alignment):
        if len(r.nodes) != 2 or not all(r.nodes):
            continue
        key = (bq._row_name(r.nodes[0], texts[0]), bq._row_name(r.nodes[1], texts[1]))
        if key not in seen:
            seen.add(key)
            labels.append((*key, r))
    good: set[int] = set()
    for a, b in gold.sections:
        fa, fb = [bq.fold(x) for x in a], [bq.fold(x) for x in b]
        good.update(id(r) for la, lb, r in labels if bq._names(la, fa) and bq._names(lb, fb))
    keys_a = [bq.fold(x) for a, _ in (*gold.sections, *gold.never_sections) for x in a]
    keys_b = [bq.fold(x) for _, b in (*gold.sections, *gold.never_sections) for x in b]
    named: list[list[tuple[str, Any]]] = [[], []]
    for r in bq.walk_rows(comparison.alignment):
        for side, node in enumerate(r.nodes[:2]):
            if node is not None:
                named[side].append((bq._row_name(node, texts[side]), node))

    def inside(r: Any) -> bool:
        for a, b in gold.sections:
            keys = ([bq.fold(x) for x in a], [bq.fold(x) for x in b])
            for side in (0, 1):
                if not bq._names(bq._row_name(r.nodes[side], texts[side]), keys[side]):
                    continue
                o = r.nodes[1 - side]
                if any(
                    bq._names(name, keys[1 - side])
                    and n.span.start <= o.span.start
                    and o.span.end <= n.span.end
                    for name, n in named[1 - side]
                ):
                    return True
        return False

    out = []
    for la, lb, r in labels:
        if not (bq._names(la, keys_a) or bq._names(lb, keys_b)):
            out.append(("unjudged", r))
        elif id(r) in good:
            out.append(("right", r))
        else:
            out.append(("inside" if inside(r) else "wrong", r))
    return out


def pieces(text: str) -> set[str]:
    return {
        text[i : i + 3] for i in range(len(text) - 2) if not NOT_WORD.intersection(text[i : i + 3])
    }


def paragraph_counts(report: Any) -> Counter[str]:
    counts: Counter[str] = Counter()
    for _, _, block in report.blocks():
        counts.update(pieces(report.text[block.span.start : block.span.end]))
    return counts


def shared_rare(a: str, b: str, ca: Counter[str], cb: Counter[str], most: int = 2) -> int:
    """Runs in ``a`` of pieces also in ``b`` and in at most ``most`` paragraphs of each report."""
    in_b = pieces(b)
    runs, last = 0, -2
    for i in range(len(a) - 2):
        p = a[i : i + 3]
        if p in in_b and ca[p] <= most and cb[p] <= most and not NOT_WORD.intersection(p):
            runs += i != last + 1
            last = i
    return runs


def rows(paths: Sequence[Path]) -> list[dict[str, Any]]:
    from reportdiff.core.analysis.facts import fact_name
    from reportdiff.core.analysis.numbers import extract_quantities

    out: list[dict[str, Any]] = []
    for path in paths:
        gold = bq.load_gold(path)
        comparison = bq.compare_for_gold(gold)
        if comparison is None:
            continue
        reps = comparison.reports
        counts = [paragraph_counts(r) for r in reps]
        quantities = [extract_quantities(r) for r in reps]
        for verdict, r in verdicts(gold, comparison):
            a, b = r.nodes
            if a.kind != "paragraph" or b.kind != "paragraph":
                continue
            ta = reps[0].text[a.span.start : a.span.end]
            tb = reps[1].text[b.span.start : b.span.end]
            names = [
                {fact_name(q.indicator) for q in qs if n.span.start <= q.span.start < n.span.end}
                for qs, n in zip(quantities, (a, b), strict=True)
            ]
            out.append(
                {
                    "gold": gold.name,
                    "verdict": verdict,
                    "heading": r.heading_score,
                    "body": r.body_score,
                    "moved": r.moved,
                    "rare": shared_rare(ta, tb, counts[0], counts[1]),
                    "names": (len(names[0]), len(names[1]), len(names[0] & names[1])),
                    "a": (a.label or ta)[:24],
                    "b": (b.label or tb)[:24],
                }
            )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "gold", nargs="*", type=Path, help="gold files (default: bench/gold/*.json)"
    )
    parser.add_argument(
        "--list", action="store_true", help="print every row on unlike lead phrases"
    )
    args = parser.parse_args(argv)
    found = rows(args.gold or bq.gold_files())
    print("verdicts of all paragraph rows:", dict(Counter(r["verdict"] for r in found)))
    unlike = [r for r in found if r["heading"] < UNLIKE]
    if args.list:
        for r in unlike:
            if r["verdict"] in ("right", "wrong"):
                na, nb, shared = r["names"]
                print(
                    f"{r['verdict']:6} {r['gold']:24} h {r['heading']:.2f} b {r['body']:.2f} "
                    f"rare {r['rare']:2} names {na}/{nb} shared {shared}  {r['a']} ↔ {r['b']}"
                )
    for verdict in ("right", "wrong"):
        sel = [r for r in unlike if r["verdict"] == verdict]
        print(f"heading < {UNLIKE}, {verdict} ({len(sel)}):")
        print("   rare phrases shared:", sorted(r["rare"] for r in sel))
        print("   indicator names shared:", sorted(r["names"][2] for r in sel))
        print("   rows where both count something:", sum(1 for r in sel if min(r["names"][:2]) > 0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
