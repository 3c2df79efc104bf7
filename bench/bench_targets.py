"""Score `reportdiff targets` against the hand-checked gold in bench/gold_targets.

Run: ``python bench/bench_targets.py [--corpus DIR]``.

Each gold file ``<A>-<B>.json`` lists the targets of report A's plan (State Council reports,
named by the year delivered: 1998.txt sets 1998's targets, 1999.txt reviews 1998), each with
the target as printed and the words before it (``context``, found once in A's cleaned text),
the result B gives for that year (or null) and the status a reader gives it by the rules of
:mod:`reportdiff.core.analysis.targets`. Per pair and overall it prints:

- ``gold``: targets in the gold; ``found``: of them, rows the tool gives for the same place;
- ``right``: found rows with the gold's status (and, when a result is given, the same
  result place);
- ``wrong``: found rows whose status is definite (met / missed) and not the gold's, or met /
  missed on another result than the gold's. This must stay 0: a wrong answer is worse than
  none; ``unsure``: found rows the tool calls unclear / not reported where the gold knows more;
- ``extra``: rows the tool gives that the gold does not list.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold_targets"
CORPUS = HERE.parent.parent / "shared" / "corpus" / "national"
DEFINITE = ("met", "missed")


@dataclass
class Score:
    """Counts for one pair (or all)."""

    gold: int = 0
    found: int = 0
    right: int = 0
    wrong: int = 0
    unsure: int = 0
    extra: int = 0
    wrong_rows: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "right", "wrong", "unsure", "extra"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong_rows += other.wrong_rows


def gold_files() -> list[Path]:
    """Every gold file, in name order."""
    return sorted(GOLD.glob("*.json"))


def _start(text: str, item: dict[str, str]) -> int:
    at = text.find(item["context"])
    if at < 0:
        raise ValueError(f"gold context not in the report: {item['context']}")
    return at + len(item["context"]) - len(item["text"])


def score_pair(gold_path: Path, corpus: Path) -> Score:
    """Run the tool on a gold file's pair and count against its rows."""
    from reportdiff.core.analysis.targets import targets_against_results
    from reportdiff.core.storage.resolve import resolve_report

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    plan = resolve_report(str(corpus / Path(gold["plan"]).name))
    review = resolve_report(str(corpus / Path(gold["review"]).name))
    result = targets_against_results(plan, review)
    by_start = {row.target_span.start: row for row in result.rows if row.target_span}
    score = Score(gold=len(gold["rows"]))
    matched: set[int] = set()
    for g in gold["rows"]:
        start = _start(plan.text, g["target"])
        row = by_start.get(start)
        if row is None:
            continue
        matched.add(start)
        score.found += 1
        g_result = None if g["result"] is None else _start(review.text, g["result"])
        t_result = None if row.result_span is None else row.result_span.start
        # the same figure: the tool's result starts inside the gold's (近５００亿元: the tool
        # keeps 近 as a qualifier, its figure starts at ５)
        same_result = (
            g_result == t_result
            or (
                g_result is not None
                and t_result is not None
                and g_result <= t_result < g_result + len(g["result"]["text"])
            )
            or row.status not in DEFINITE
        )
        if row.status == g["status"] and same_result:
            score.right += 1
        elif row.status in DEFINITE:
            score.wrong += 1
            score.wrong_rows.append(
                f"{gold_path.stem}: {g['target']['context']} → {row.status} on "
                f"{row.result_text or '—'} (gold: {g['status']})"
            )
        else:
            score.unsure += 1
    score.extra = len(by_start.keys() - matched)
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    total = Score()
    print(f"{'pair':12} {'gold':>5} {'found':>6} {'right':>6} {'wrong':>6} {'unsure':>7} "
          f"{'extra':>6}")  # fmt: skip
    for path in gold_files():
        s = score_pair(path, args.corpus)
        total.add(s)
        print(f"{path.stem:12} {s.gold:5} {s.found:6} {s.right:6} {s.wrong:6} {s.unsure:7} "
              f"{s.extra:6}")  # fmt: skip
    print(f"{'all':12} {total.gold:5} {total.found:6} {total.right:6} {total.wrong:6} "
          f"{total.unsure:7} {total.extra:6}")  # fmt: skip
    if total.gold:
        print(f"found {total.found / total.gold:.0%} of gold targets; "
              f"right status {total.right / total.gold:.0%} of them all; wrong {total.wrong}")  # fmt: skip
    for line in total.wrong_rows:
        print("WRONG", line)
    return 1 if total.wrong else 0


if __name__ == "__main__":
    sys.exit(main())
