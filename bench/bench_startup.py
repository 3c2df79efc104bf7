"""Startup benchmark: time to first screen with report text vs a minimal Textual app.

Each run is a fresh interpreter (so imports count, as for a user typing the command),
started headless. The child reports on stdout when the first frame showing text has been
displayed (Textual's ``Ready`` event), then, for reportdiff, when the highlights are shown,
and finally its peak memory. The parent measures wall time from launching the process.

    .venv/bin/python bench/bench_startup.py [--runs 5] [REPORT ...]

Target: reportdiff's time to text ≤ 1.3 × the minimal app's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

MINIMAL = r"""
import resource, sys
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("一行文字 one line of text")

    def on_ready(self):
        print("TEXT", flush=True)
        self.exit()

Minimal().run(headless=True, size=(120, 40))
print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

REPORTDIFF = r"""
import resource, sys
from reportdiff.tui.app import ReportDiffApp

try:  # what `reportdiff A B` does; needs the user library module
    from reportdiff.core.resolve import resolve_report
    reports = [resolve_report(ref) for ref in sys.argv[1:]]
except ImportError:
    from reportdiff.core.samples import load_sample
    reports = [load_sample(ref) for ref in sys.argv[1:]]

class Timed(ReportDiffApp):
    def on_ready(self):
        shown = [p.visible_text() for p in self.reader.panes if p.display]
        assert all(t.strip() for t in shown), "first frame without report text"
        print("TEXT", flush=True)

    def on_report_diff_app_highlights_shown(self, event):
        print("HIGHLIGHTS", flush=True)
        self.exit()

    def on_report_diff_app_analysis_failed(self, event):
        print("FAILED", event.reason, flush=True)
        self.exit()

Timed(reports).run(headless=True, size=(120, 40))
print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
# The comparison runs in a child interpreter (jieba lives there): its peak too.
print("CHILD_RSS", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, flush=True)
"""


def run_once(code: str, args: list[str], home: str | None = None) -> dict[str, float]:
    """Run one child; return seconds to each event and peak RSS in MiB.

    Args:
        code: The child program.
        args: Its arguments.
        home: A REPORTDIFF_HOME for the child (a fresh one means cold caches).
    """
    env = dict(os.environ)
    if home is not None:
        env["REPORTDIFF_HOME"] = home
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    out: dict[str, float] = {}
    for line in proc.stdout:
        word, _, rest = line.strip().partition(" ")
        if word in ("TEXT", "HIGHLIGHTS"):
            out[word] = time.perf_counter() - start
        elif word in ("RSS", "CHILD_RSS"):
            out[word] = int(rest) / 1024
        elif word == "FAILED":
            out["FAILED"] = 1.0
            print(f"  analysis failed: {rest}", file=sys.stderr)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.wait() != 0 or "TEXT" not in out:
        raise SystemExit(f"child failed (exit {proc.returncode}):\n{err[-2000:]}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", default=["yangpu-2022", "yangpu-2023"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        # Cold: a fresh home, so jieba's dictionary cache and the comparison cache are
        # built from scratch (a user's very first run).
        cold = run_once(REPORTDIFF, args.reports, home=os.path.join(tmp, "cold"))
        warm_home = os.path.join(tmp, "warm")
        # One untimed run of each warms the OS file cache and the app's caches.
        run_once(MINIMAL, [])
        run_once(REPORTDIFF, args.reports, home=warm_home)
        # Interleaved, so a busy machine slows both sides alike.
        minimal: list[dict[str, float]] = []
        app: list[dict[str, float]] = []
        for _ in range(args.runs):
            minimal.append(run_once(MINIMAL, []))
            app.append(run_once(REPORTDIFF, args.reports, home=warm_home))

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows if key in r)

    t_min, t_app = med(minimal, "TEXT"), med(app, "TEXT")
    print(f"runs: {args.runs} each, median; reports: {' '.join(args.reports)}")
    print(f"minimal Textual app, first text on screen: {t_min * 1000:7.0f} ms")
    print(f"reportdiff, first report text on screen:   {t_app * 1000:7.0f} ms")
    print(f"ratio: {t_app / t_min:.2f}x (target <= 1.30x)")
    if any("HIGHLIGHTS" in r for r in app):
        print(f"reportdiff, highlights shown (warm cache): {med(app, 'HIGHLIGHTS') * 1000:7.0f} ms")
        if "HIGHLIGHTS" in cold:
            print(
                f"reportdiff, highlights shown (first run):  {cold['HIGHLIGHTS'] * 1000:7.0f} ms"
                f" (text after {cold['TEXT'] * 1000:.0f} ms)"
            )
    else:
        print("reportdiff, highlights shown: never (comparison unavailable)")
    print(
        f"peak memory: minimal {med(minimal, 'RSS'):.0f} MiB, reportdiff UI {med(app, 'RSS'):.0f} MiB"
        f" + analysis process {med(app, 'CHILD_RSS'):.0f} MiB"
        f" (first run: {cold.get('RSS', 0):.0f} + {cold.get('CHILD_RSS', 0):.0f} MiB, jieba loaded)"
    )


if __name__ == "__main__":
    main()
