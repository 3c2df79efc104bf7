"""Benchmark `reportdiff export`: a pair and all samples at once, cold and warm, with peak memory.

Run: ``python bench/bench_compare.py [--repeat N]``. Each measurement is a new process
(``python -m reportdiff export … --format md -o FILE``) so import time, jieba's dictionary
load and the on-disk cache all count, as they do for a user. *Cold* points
``REPORTDIFF_HOME`` at a fresh empty directory (no cache, no jieba dictionary cache);
*warm* reuses the directory the cold run filled. Peak memory is the child's
``ru_maxrss``. Targets (2-core machine): all eight cold < 2 s; a pair warm < 0.3 s.
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

PAIR = ["yangpu-2022", "yangpu-2023"]


def _all_ids() -> list[str]:
    from reportdiff.core.storage.samples import SAMPLE_IDS

    return list(SAMPLE_IDS)


def _run(ids: list[str], home: Path, out: Path) -> tuple[float, float]:
    """One export in a child process; returns (wall seconds, child peak RSS in MB)."""
    env = dict(os.environ, REPORTDIFF_HOME=str(home))
    cmd = [sys.executable, "-m", "reportdiff", "export", *ids, "--format", "md", "-o", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage (RUSAGE_CHILDREN would be the max over all runs).
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"export failed ({proc.returncode}): {err.strip()}")
    return wall, usage.ru_maxrss / 1024.0  # Linux reports KiB


def _measure(label: str, ids: list[str], repeat: int) -> None:
    colds: list[float] = []
    warms: list[float] = []
    peak_cold = peak_warm = 0.0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="reportdiff-bench-") as tmp:
            home = Path(tmp) / "home"
            out = Path(tmp) / "out.md"
            wall, rss = _run(ids, home, out)
            colds.append(wall)
            peak_cold = max(peak_cold, rss)
            wall, rss = _run(ids, home, out)
            warms.append(wall)
            peak_warm = max(peak_warm, rss)
            size = out.stat().st_size
    print(
        f"{label:<28} cold {statistics.median(colds):6.3f} s (min {min(colds):.3f})   "
        f"warm {statistics.median(warms):6.3f} s (min {min(warms):.3f})   "
        f"peak RSS cold {peak_cold:4.0f} MB, warm {peak_warm:4.0f} MB   output {size:,} bytes"
    )


def _in_process(ids: list[str]) -> None:
    """Where the cold time goes, measured in this process with the cache off."""
    os.environ["REPORTDIFF_HOME"] = tempfile.mkdtemp(prefix="reportdiff-bench-")
    from reportdiff.core.analysis import align, phrases, tokens
    from reportdiff.core.analysis.changes import add_changes
    from reportdiff.core.analysis.compare import compare
    from reportdiff.core.analysis.export import to_markdown
    from reportdiff.core.analysis.export_html import to_html
    from reportdiff.core.storage.samples import load_sample

    t = time.perf_counter()
    reports = [load_sample(i) for i in ids]
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    tokens.warm_up()
    t_jieba = time.perf_counter() - t
    t = time.perf_counter()
    toks = [align.report_tokens(r) for r in reports]
    t_tok = time.perf_counter() - t
    t = time.perf_counter()
    rows = align.align_reports(reports, tokens=toks)
    t_align = time.perf_counter() - t
    t = time.perf_counter()
    add_changes(rows, reports, toks)
    t_changes = time.perf_counter() - t
    t = time.perf_counter()
    phrases.shared_phrases(reports)
    t_phr = time.perf_counter() - t
    t = time.perf_counter()
    cmp = compare(reports, use_cache=False)
    t_cmp = time.perf_counter() - t
    t = time.perf_counter()
    to_markdown(cmp)
    t_md = time.perf_counter() - t
    t = time.perf_counter()
    to_html(cmp)
    t_html = time.perf_counter() - t
    print(
        f"  in-process, {len(ids)} reports: load {t_load:.3f} s, jieba init {t_jieba:.3f} s, "
        f"tokenize {t_tok:.3f} s, align {t_align:.3f} s, in-paragraph changes "
        f"{t_changes:.3f} s, phrases {t_phr:.3f} s, compare (all, no cache) {t_cmp:.3f} s, "
        f"markdown {t_md:.3f} s, html {t_html:.3f} s"
    )


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (median shown)")
    args = parser.parse_args()
    every = _all_ids()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    # Other processes on a 2-core machine slow every figure: print the load with them.
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load}")
    _measure(f"all {len(every)} samples", every, args.repeat)
    _measure("pair yangpu-2022/2023", PAIR, args.repeat)
    _in_process(every)


if __name__ == "__main__":
    main()
