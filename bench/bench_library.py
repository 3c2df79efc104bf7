"""Library benchmark: bulk ``add`` of 1,000 files, ``list``, ``list --year``, ``search``.

Each command runs as a user runs it, in a fresh interpreter (``python -m reportdiff …``),
with REPORTDIFF_HOME in the benchmark's directory (never the user's library). Times are
printed in seconds and as ratios to a floor measured in the same run: a bare
``import jieba; jieba.initialize()`` with a fresh jieba cache, in a subprocess. Peak
memory and CPU time (user + system) are each command's own and its children's (the
add's worker processes), from ``resource.getrusage`` in a small wrapper around it: on a
busy machine the CPU time says more than the wall-clock time.

    .venv/bin/python bench/make_library.py /tmp/libbench        # the 1,000 files
    .venv/bin/python bench/bench_library.py /tmp/libbench [--runs 3]

Targets (issue 13): ``list`` and ``search`` ≤ 0.5 s each with 1,000 reports.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# Runs the command in a child and reports its peak RSS and its descendants' (KiB).
WRAPPER = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"code": code, "seconds": elapsed, "cpu": cpu, "peak_kib": usage.ru_maxrss}))
"""

FLOOR = r"""
import sys, jieba
jieba.dt.tmp_dir = sys.argv[1]
jieba.setLogLevel(60)
jieba.initialize()
"""


def measure(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Time one command in a fresh process; its exit code, seconds and peak memory."""
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, *cmd], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def floor(env: dict[str, str]) -> dict[str, float]:
    """``import jieba; jieba.initialize()`` with a fresh cache directory."""
    with tempfile.TemporaryDirectory() as cache:
        return measure([sys.executable, "-c", FLOOR, cache], env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="the directory bench/make_library.py made")
    parser.add_argument("--runs", type=int, default=3, help="runs of each quick command")
    args = parser.parse_args()
    files = args.dir / "files"
    if not files.is_dir():
        sys.exit(f"bench_library: run bench/make_library.py {args.dir} first")
    home = args.dir / "home"
    shutil.rmtree(home, ignore_errors=True)
    env = dict(os.environ, REPORTDIFF_HOME=str(home))
    rd = [sys.executable, "-m", "reportdiff"]

    floors = [floor(env) for _ in range(args.runs)]
    base = statistics.median(f["seconds"] for f in floors)
    cpu_base = statistics.median(f["cpu"] for f in floors)
    print(
        f"floor (import jieba; jieba.initialize(), fresh cache): {base:.3f} s "
        f"({cpu_base:.3f} s CPU), {max(f['peak_kib'] for f in floors) / 1024:.0f} MiB"
    )
    print(
        f"{'command':42} {'seconds':>8} {'× floor':>8} {'CPU s':>7} {'× floor':>8} {'peak MiB':>9}"
    )

    def row(name: str, runs: list[dict[str, float]]) -> None:
        secs = statistics.median(r["seconds"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        peak = max(r["peak_kib"] for r in runs) / 1024
        codes = {int(r["code"]) for r in runs}
        note = "" if codes <= {0} else f"  (exit {sorted(codes)})"
        print(
            f"{name:42} {secs:8.3f} {secs / base:8.2f} {cpu:7.3f} {cpu / cpu_base:8.2f} "
            f"{peak:9.0f}{note}",
            flush=True,
        )

    count = sum(1 for _ in files.rglob("*.txt") if not _.name.startswith("."))
    added = measure([*rd, "add", str(files)], env)
    row(f"add DIR ({count} files, {os.cpu_count()} cores)", [added])
    commands = {
        "list": ["list"],
        "list --year 2000-2005": ["list", "--year", "2000-2005"],
        "list --region 杭州 --level prefecture": [
            "list",
            "--region",
            "杭州",
            "--level",
            "prefecture",
        ],
        "search 农业 (2 chars: instr scan)": ["search", "农业"],
        "search 科技创新 (4 chars: trigram index)": ["search", "科技创新"],
        "search 社会主义市场经济 (8 chars)": ["search", "社会主义市场经济"],
    }
    for name, argv in commands.items():
        row(name, [measure([*rd, *argv], env) for _ in range(args.runs)])
    index = home / "data" / "index.sqlite3"
    library = home / "data" / "reports"
    lib_size = sum(p.stat().st_size for p in library.iterdir())
    print(
        f"library {lib_size / 1e6:.0f} MB in {sum(1 for _ in library.glob('*.json'))} entries; "
        f"index {index.stat().st_size / 1e6:.0f} MB"
    )
    # The index rebuilt from the files (deleted, as if lost).
    index.unlink()
    row("list, index missing (rebuilt)", [measure([*rd, "list"], env)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
