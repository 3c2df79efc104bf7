"""Dump every number pair and aligned section row the engine makes, for a before/after diff.

Run: ``python bench/pair_dump.py OUT.txt`` (then ``diff`` two dumps, or ``--only numbers`` /
``--only rows``). It compares every two consecutive State Council reports of the corpus
(``$REPORTDIFF_CORPUS`` or ``../shared/corpus/national``), each read as a user's file is, and
the 28 pairs of the eight bundled samples, and writes one line per two-sided number pair
(``1999-2000 N 国内生产总值 | 7.8% ↔ 7.1%``) and one per aligned row with both sides
(``1999-2000 R 一、… ↔ 二、…``, paragraph rows with their lead phrase or first words).

An engine change whose effect is not meant to move pairs should leave the dump unchanged; one
that is meant to should move only what it names, and every moved line is read by hand. The
dump is no gold: it says what moved, not whether it is right (``bench_quality.py`` says that).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportdiff.core.comparison import AlignedRow, Comparison, NodeRef

HERE = Path(__file__).resolve().parent
CORPUS = Path(
    os.environ.get("REPORTDIFF_CORPUS", HERE.parent.parent / "shared" / "corpus")
).resolve()


def _corpus_dir() -> Path:
    national = CORPUS / "national"
    return national if national.is_dir() else CORPUS


def _label(report_text: str, node: NodeRef) -> str:
    # A block's path ends in its index among the blocks, a section's in its index among the
    # sections: the kind tells which (2.3.0 can be either).
    path = ("§" if node.kind == "section" else "") + ".".join(str(i) for i in node.path)
    label = node.label
    if label:
        return f"{path} {label[:40]}"
    span = node.span
    return f"{path} ¶" + report_text[span.start : span.start + 24].replace("\n", " ")


def _rows(comparison: Comparison) -> list[str]:
    out: list[str] = []
    texts = [r.text for r in comparison.reports]

    def walk(rows: tuple[AlignedRow, ...]) -> None:
        for row in rows:
            a, b = row.nodes
            if a is not None and b is not None:
                out.append(f"{_label(texts[0], a)} ↔ {_label(texts[1], b)}")
            walk(row.children)

    walk(comparison.alignment)
    return out


def _numbers(comparison: Comparison) -> list[str]:
    out = []
    for p in comparison.numbers:
        a, b = p.values
        if a is not None and b is not None:
            out.append(f"{p.indicator} | {a.text} ↔ {b.text}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", choices=("numbers", "rows"))
    args = parser.parse_args(argv)

    from reportdiff.core.analysis.compare import compare
    from reportdiff.core.storage.resolve import resolve_report
    from reportdiff.core.storage.samples import SAMPLE_IDS

    folder = _corpus_dir()
    files = sorted(folder.glob("*.txt"))
    cases: list[tuple[str, str, str]] = [
        (f"{x.stem}-{y.stem}", str(x), str(y)) for x, y in itertools.pairwise(files)
    ]
    cases += [(f"{a}|{b}", a, b) for a, b in itertools.combinations(SAMPLE_IDS, 2)]
    lines: list[str] = []
    for name, a, b in cases:
        comparison = compare([resolve_report(a), resolve_report(b)])
        if args.only != "rows":
            lines += [f"{name} N {line}" for line in _numbers(comparison)]
        if args.only != "numbers":
            lines += [f"{name} R {line}" for line in _rows(comparison)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(cases)} pairs, {len(lines)} lines → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
