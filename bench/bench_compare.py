"""Benchmark comparisons and the series, cold and warm, as ratios to a jieba floor, with peak memory.

Run: ``python bench/bench_compare.py [--repeat N] [--only NAME ...] [--corpus DIR]``.

Each measurement is a new process (``python -m reportdiff export … --format json -o FILE``,
or ``reportdiff terms … --format json`` for the series), so imports, the tokenizer's
dictionary load and the on-disk cache all count, as they do for a user. *Cold* points
``REPORTDIFF_HOME`` at a fresh empty directory (no cache); *warm* reuses the directory
the cold run filled. Peak memory is the child's ``ru_maxrss`` (``os.wait4``).

Every time is also printed as a ratio to a *floor* measured around each case in the same
run: a bare ``import jieba; jieba.initialize()`` with a fresh cache dir (the least any
word-based analysis paid before), so figures from a busy 2-core machine stay comparable;
the ratio of CPU times (user + system of the child) is printed too, as it is less
sensitive to other processes than wall time.

Cases: a pair of samples; all eight samples; ten State Council reports N-way
(1996–2005); a pair of reports eight times national length (each eight consecutive
whole reports of the corpus in one file, 1988–1995 against 1989–1996); the 40-report
series (``reportdiff terms`` on every corpus report but the last).

Targets (ratios to the floor): all eight cold ≤ 1.5; ten national N-way cold ≤ 3;
the 8× pair cold ≤ 3; the series cold ≤ 10, warm ≤ 1.

An export or series uses every core (``core/parallel.py``): the CPU time counts its
worker processes too (the child waits for them), so with more than one worker the CPU
ratio shows the work done and the wall ratio what the user waits. ``--workers N`` sets
``REPORTDIFF_WORKERS`` for the measured runs (1: a single process, as before).

reportdiff runs from cached bytecode, as after ``pip install`` (which compiles it; jieba, the
floor, has its own from its install): with ``PYTHONDONTWRITEBYTECODE`` set and an editable
checkout, every run would otherwise compile some 110 modules from source (about 0.1–0.2 s of
CPU that no user pays). The bytecode is written before the first measurement.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = (
    Path(os.environ.get("REPORTDIFF_CORPUS", HERE.parent.parent / "shared" / "corpus")) / "national"
)
PAIR = ["yangpu-2022", "yangpu-2023"]
FLOOR = (
    "import tempfile, warnings, logging\n"
    "warnings.simplefilter('ignore')\n"
    "import jieba\n"
    "jieba.setLogLevel(logging.CRITICAL)\n"
    "jieba.dt.tmp_dir = tempfile.mkdtemp()\n"
    "jieba.initialize()\n"
)


def _all_ids() -> list[str]:
    from reportdiff.core.storage.samples import SAMPLE_IDS

    return list(SAMPLE_IDS)


_WORKERS: dict[str, str] = {}
"""Set from ``--workers``: the environment the measured runs get it in."""


def _child(cmd: list[str], home: Path) -> tuple[float, float, float]:
    """Run ``cmd``; returns (wall seconds, CPU seconds, the child's peak RSS in MB)."""
    env = dict(os.environ, REPORTDIFF_HOME=str(home), **_WORKERS)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage (RUSAGE_CHILDREN would be the max over all runs).
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} … failed ({proc.returncode}): {err.strip()}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024.0  # Linux reports KiB


def _write_bytecode() -> str:
    """Compile reportdiff's modules to cached bytecode, as pip does at install; say so."""
    import compileall
    import importlib.util
    import re

    spec = importlib.util.find_spec("reportdiff")
    if spec is None or spec.origin is None:
        return "reportdiff's bytecode: package not found"
    root = Path(spec.origin).parent
    skip = re.compile(r"[/\\](\.venv|\.git|tests|bench|tools|build|dist)[/\\]")
    done = compileall.compile_dir(root, quiet=2, rx=skip, legacy=False)
    return f"reportdiff's bytecode: {'cached' if done else 'NOT all cached'}, as after pip install"


def _floor(runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of the floor (each run with a fresh jieba cache)."""
    with tempfile.TemporaryDirectory(prefix="reportdiff-bench-") as tmp:
        got = [_child([sys.executable, "-c", FLOOR], Path(tmp)) for _ in range(runs)]
    return statistics.median(g[0] for g in got), statistics.median(g[1] for g in got)


def _export(refs: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "reportdiff", "export", *refs, "--format", "json", "-o", str(out)]


def _terms(refs: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "reportdiff", "terms", *refs, "--format", "json", "-o", str(out)]


def _measure(label: str, refs: list[str], repeat: int, *, series: bool) -> None:
    """Cold and warm runs with the floor measured around them (the machine's load drifts)."""
    colds: list[tuple[float, float]] = []
    warms: list[tuple[float, float]] = []
    floors: list[tuple[float, float]] = []
    peak_cold = peak_warm = 0.0
    size = 0
    for _ in range(repeat):
        floors.append(_floor(2))
        with tempfile.TemporaryDirectory(prefix="reportdiff-bench-") as tmp:
            home = Path(tmp) / "home"
            out = Path(tmp) / "out.json"
            cmd = (_terms if series else _export)(refs, out)
            wall, cpu, rss = _child(cmd, home)
            colds.append((wall, cpu))
            peak_cold = max(peak_cold, rss)
            wall, cpu, rss = _child(cmd, home)
            warms.append((wall, cpu))
            peak_warm = max(peak_warm, rss)
            size = out.stat().st_size
        floors.append(_floor(2))
    fw = statistics.median(f[0] for f in floors)
    fc = statistics.median(f[1] for f in floors)
    cw, cc = (statistics.median(x[i] for x in colds) for i in (0, 1))
    ww, wc = (statistics.median(x[i] for x in warms) for i in (0, 1))
    print(
        f"{label:<30} cold {cw:6.2f} s = {cw / fw:5.2f}× (CPU {cc / fc:5.2f}×)   "
        f"warm {ww:6.2f} s = {ww / fw:5.2f}× (CPU {wc / fc:5.2f}×)   "
        f"peak RSS cold {peak_cold:4.0f} MB, warm {peak_warm:4.0f} MB   "
        f"[floor {fw:.2f} s, CPU {fc:.2f} s; output {size:,} bytes]",
        flush=True,
    )


def _long_pair(corpus: Path, folder: Path) -> list[str]:
    """Two files each holding eight consecutive whole reports (cleaned, so no copies)."""
    os.environ.setdefault("REPORTDIFF_HOME", str(folder / "prep"))
    from reportdiff.core.storage.resolve import resolve_report

    texts = {y: resolve_report(str(corpus / f"{y}.txt")).text for y in range(1988, 1997)}
    out = []
    for first in (1988, 1989):
        path = folder / f"national-x8-{first}.txt"
        path.write_text("\n\n".join(texts[y] for y in range(first, first + 8)), encoding="utf-8")
        out.append(str(path))
    return out


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per case (median shown)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the national corpus")
    parser.add_argument(
        "--only", nargs="*", default=None, help="case names: pair eight ten x8 series"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="REPORTDIFF_WORKERS for the runs (default: all cores)",
    )
    args = parser.parse_args()
    if args.workers is not None:
        _WORKERS["REPORTDIFF_WORKERS"] = str(args.workers)
    only = set(args.only or ["pair", "eight", "ten", "x8", "series"])
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    # Other processes on a 2-core machine slow every figure: print the load with them.
    workers = _WORKERS.get("REPORTDIFF_WORKERS", "all cores")
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load}, workers: {workers}"
    )
    print(_write_bytecode())
    print("floor: import jieba; jieba.initialize() with a fresh cache, measured around each case")
    corpus = args.corpus
    years = sorted(p.stem for p in corpus.glob("*.txt")) if corpus.is_dir() else []
    with tempfile.TemporaryDirectory(prefix="reportdiff-bench-") as tmp:
        if "pair" in only:
            _measure("pair yangpu-2022/2023", PAIR, args.repeat, series=False)
        if "eight" in only:
            every = _all_ids()
            _measure(f"all {len(every)} samples", every, args.repeat, series=False)
        if not years:
            print(f"(no corpus at {corpus}: national cases skipped)")
            return
        if "ten" in only:
            ten = [str(corpus / f"{y}.txt") for y in range(1996, 2006)]
            _measure("ten national 1996–2005 N-way", ten, args.repeat, series=False)
        if "x8" in only:
            _measure(
                "pair 8× national length", _long_pair(corpus, Path(tmp)), args.repeat, series=False
            )
        if "series" in only:
            forty = [str(corpus / f"{y}.txt") for y in years[:40]]
            _measure(f"series of {len(forty)} (terms)", forty, args.repeat, series=True)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at the end {load}")


if __name__ == "__main__":
    main()
