"""How well and how fast `reportdiff timeline` reads the State Council corpus.

For each hand-checked gold timeline in bench/gold_timeline/: how many of the gold's
(year, result|target) values the engine gives and agrees on, how many it leaves out, and how
many it gives wrongly (a value the gold does not have, or one the gold lists as wrong). Time
is printed as a ratio to a floor measured in the same run, bench_compare's: a fresh process
that loads jieba with a fresh cache (``import jieba; jieba.initialize()``), the median of
three runs before the timelines and three after (the machine's load drifts). Loading the
reports is not the floor: from the analysis cache it takes ~0.05 s, and every ratio to it
read 14-15x whatever the timeline cost.

    .venv/bin/python bench/bench_timeline.py [../shared/corpus/national]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_compare import FLOOR  # the same floor as the comparison's (bench/ is on the path)
from reportdiff.core.analysis.timeline import build_timeline
from reportdiff.core.storage.resolve import resolve_report

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "national"


def _floor_runs(runs: int) -> list[float]:
    """Wall seconds of ``runs`` floor processes, each with a fresh jieba cache."""
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", FLOOR], check=True, capture_output=True)
        out.append(time.perf_counter() - t0)
    return out


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    paths = sorted(corpus.glob("*.txt"))
    t0 = time.perf_counter()
    reports = [resolve_report(str(p)) for p in paths]
    loading = time.perf_counter() - t0
    floors = _floor_runs(3)
    lines = []
    for gold_file in sorted((HERE / "gold_timeline").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        tl = build_timeline(reports, gold["indicator"])
        took = time.perf_counter() - t0
        expected = {(v["year"], v["role"]): v["value"] for v in gold["values"]}
        agreed, wrong = 0, []
        for row in tl.rows:
            for role in ("result", "target"):
                p = getattr(row, role)
                if p is None:
                    continue
                g = expected.get((row.year, role))
                if g is not None and abs(p.value - g) < 1e-6 * max(1.0, abs(g)):
                    agreed += 1
                else:
                    wrong.append(f"{row.year} {role} {p.text} ({p.report})")
        missed = len(expected) - agreed
        lines.append((gold, agreed, expected, missed, wrong, took))
    floors += _floor_runs(3)
    floor = statistics.median(floors)
    print(
        f"floor: import jieba; jieba.initialize() with a fresh cache, {floor:.2f} s "
        f"(median of {len(floors)}, {min(floors):.2f}-{max(floors):.2f} s); "
        f"loading the {len(reports)} reports took {loading:.2f} s (not timed below)"
    )
    for gold, agreed, expected, missed, wrong, took in lines:
        print(
            f"{gold['indicator']}: {agreed} of {len(expected)} gold values given and agreed, "
            f"{missed} left out, {len(wrong)} wrong {wrong or ''}; "
            f"time {took / floor:.2f}x the floor ({took:.2f} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
