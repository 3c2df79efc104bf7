"""Startup benchmark: time to first screen with report text vs a minimal Textual app.

Both programs run as a user runs them: a fresh interpreter on a pseudo-terminal of
120×40, with Textual's real terminal driver. reportdiff is the real command line
(``reportdiff yangpu-2022 yangpu-2023``, through :func:`reportdiff.cli.main`, exactly
what the console script calls); the minimal app shows one line of text. The benchmark
reads what each writes to the terminal, with escape sequences removed, and takes the
time from launch until

* the text is on screen: the minimal app's line, or the first words of the first
  report's opening paragraph;
* (reportdiff) the highlights are shown: the legend's sample ``⟨←old Δ%⟩``, which
  appears only once the comparison has arrived.

Then it presses the quit key; a small wrapper around each program writes its peak
memory, and its child processes' (the analysis runs in one), at exit.

The two programs run in pairs, one of each, the order alternating from pair to pair, so a
machine whose load drifts slows both alike; the ratio is given as the ratio of the medians
and as the median of the pairs' ratios, with the quartiles of those. Beside wall time, the
CPU time each program's threads had used when the text appeared (from
``/proc/PID/task/*/schedstat``, in nanoseconds) gives a figure that the machine's other
work blurs much less: on a busy machine, the wall ratio swings with the load, the CPU
ratio shows what the program itself does before its first frame. The load average is
printed before and after.

    .venv/bin/python bench/bench_startup.py [--runs 30] [REPORT ...]

Target (issue 13): reportdiff's time to text ≤ 1.2 × the minimal app's, for the national pair
(``bench_startup.py ../shared/corpus/national/2004.txt ../shared/corpus/national/2005.txt``).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

COLUMNS, LINES = 120, 40
TIMEOUT = 30.0

# Both programs run under the same wrapper, so it costs them alike: at exit it writes
# the peak RSS (KiB) of the process and of its waited-for children to $BENCH_RSS.
WRAPPER = r"""
import atexit, os, sys

def _peaks():
    import resource
    with open(os.environ["BENCH_RSS"], "w") as out:
        out.write(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} "
                  f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")

atexit.register(_peaks)
"""

MINIMAL = (
    WRAPPER
    + r"""
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("一行文字 one line of text")

Minimal().run()
"""
)

REPORTDIFF = (
    WRAPPER
    + r"""
from reportdiff.cli import main
sys.exit(main(sys.argv[1:]))
"""
)

MINIMAL_TEXT = "一行文字 one line of text"
HIGHLIGHTS_TEXT = "⟨←old Δ%⟩"
_ESCAPE = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
"""CSI sequences (colours, cursor moves), OSC strings and two-byte escapes."""


def opening_words(report_id: str) -> str:
    """The first words of the report's first paragraph: on screen once its text is."""
    from reportdiff.core.storage.resolve import resolve_report

    report = resolve_report(report_id)
    for _path, _i, block in report.blocks():
        if block.kind == "paragraph":
            words = report.text[block.span.start : block.span.end].strip()[:6]
            if len(words) >= 4:
                return words
    raise SystemExit(f"{report_id}: no paragraph to look for on screen")


class _Screen:
    """What a program has written to its terminal, without escape sequences.

    Each chunk is cleaned once (a sequence cut by the chunk's end waits for the next).
    """

    def __init__(self) -> None:
        self.text = b""
        self._held = b""

    def feed(self, chunk: bytes) -> None:
        data = self._held + chunk
        cut = data.rfind(b"\x1b")
        if cut != -1 and not _complete(data, cut):
            data, self._held = data[:cut], data[cut:]
        else:
            self._held = b""
        self.text += _ESCAPE.sub(b"", data)


def _complete(data: bytes, at: int) -> bool:
    """Whether the escape sequence starting at ``at`` ends within ``data``."""
    if data[at + 1 : at + 2] == b"]":  # OSC: only its terminator ends it
        return b"\x07" in data[at:] or b"\x1b\\" in data[at + 1 :]
    found = _ESCAPE.match(data, at)
    return found is not None


def _cpu_seconds(pid: int) -> float:
    """CPU seconds the process's threads have used so far (0.0 where /proc says nothing).

    schedstat's first field is nanoseconds on a CPU, per thread; /proc/PID/stat's ticks
    (10 ms) are too coarse for a start-up of a few hundred milliseconds.
    """
    total = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0.0
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat", encoding="ascii") as f:
                total += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue
    return total / 1e9


def run_once(
    code: str, args: list[str], markers: dict[str, str], quit_key: bytes, home: str
) -> dict[str, float]:
    """Run one program on a pseudo-terminal; seconds to each marker, and peak MiB.

    ``<marker>_CPU`` is the CPU time the program had used when the marker appeared.

    Args:
        code: The program (run with ``python -c``).
        args: Its arguments.
        markers: Event name → text whose appearance on screen is that event; the last
            one ends the run.
        quit_key: What to type to quit once every marker has been seen.
        home: REPORTDIFF_HOME for the program (a fresh one means cold caches).
    """
    rss_file = os.path.join(home, "rss")
    env = dict(os.environ, TERM="xterm-256color", REPORTDIFF_HOME=home, BENCH_RSS=rss_file)
    env.pop("TEXTUAL", None)
    # Let the untimed first run write bytecode, as pip does at install: otherwise an
    # editable checkout is compiled from source on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.makedirs(home, exist_ok=True)
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal, then become the program
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
            os.execve(sys.executable, [sys.executable, "-c", code, *args], env)
        finally:
            os._exit(127)
    pending = {name: text.encode() for name, text in markers.items()}
    out: dict[str, float] = {}
    screen = _Screen()
    try:
        while pending and time.perf_counter() - start < TIMEOUT:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:  # the program has exited
                break
            if not chunk:
                break
            screen.feed(chunk)
            for name, text in list(pending.items()):
                if text in screen.text:
                    out[name] = time.perf_counter() - start
                    out[name + "_CPU"] = _cpu_seconds(pid)
                    del pending[name]
        if pending:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            shown = screen.text.decode("utf-8", "replace")[-1500:]
            raise SystemExit(f"never saw {sorted(pending)} on screen; last output:\n{shown}")
        os.write(fd, quit_key)
        _drain_until_exit(pid, fd)
    finally:
        os.close(fd)
    with open(rss_file, encoding="utf-8") as f:
        own, children = (int(v) / 1024 for v in f.read().split())
    out["RSS"], out["CHILD_RSS"] = own, children
    return out


def _drain_until_exit(pid: int, fd: int) -> None:
    """Read the terminal (so the program never blocks writing) until it exits."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            return
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 1 << 16)
            except OSError:
                pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise SystemExit("the program did not quit within 10 s of its quit key")


def _bytecode_note() -> str:
    """Whether reportdiff ran from cached bytecode (as after pip install) or from source."""
    import importlib.util

    spec = importlib.util.find_spec("reportdiff.tui.app")
    origin = spec.origin if spec is not None else None
    if origin and os.path.exists(importlib.util.cache_from_source(origin)):
        return "reportdiff's bytecode: cached, as after pip install"
    return "reportdiff's bytecode: NOT cached (compiled from source every run; slower)"


def _load() -> str:
    """The load averages (1, 5, 15 minutes), as `uptime` prints them."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def _spread(values: list[float]) -> tuple[float, float, float]:
    """Median and the quartiles (the middle half of the runs lies between them)."""
    if len(values) < 2:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4)
    return q2, q1, q3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", default=["yangpu-2022", "yangpu-2023"])
    parser.add_argument("--runs", type=int, default=30, help="pairs of runs (default: 30)")
    args = parser.parse_args()

    app_markers = {"TEXT": opening_words(args.reports[0]), "HIGHLIGHTS": HIGHLIGHTS_TEXT}

    def minimal(home: str) -> dict[str, float]:
        return run_once(MINIMAL, [], {"TEXT": MINIMAL_TEXT}, b"\x11", home)  # Ctrl+Q

    def reportdiff(home: str) -> dict[str, float]:
        return run_once(REPORTDIFF, args.reports, app_markers, b"q", home)

    load_before = _load()
    with tempfile.TemporaryDirectory() as tmp:
        # Cold: a fresh home, so jieba's dictionary cache and the comparison cache are
        # built from scratch (a user's very first run).
        cold = reportdiff(os.path.join(tmp, "cold"))
        warm_home = os.path.join(tmp, "warm")
        # One untimed run of each warms the OS file cache and the app's caches.
        minimal(os.path.join(tmp, "minimal"))
        reportdiff(warm_home)
        # In pairs, the order alternating, so a busy machine slows both sides alike.
        mins: list[dict[str, float]] = []
        apps: list[dict[str, float]] = []
        for i in range(args.runs):
            if i % 2:
                apps.append(reportdiff(warm_home))
                mins.append(minimal(os.path.join(tmp, "minimal")))
            else:
                mins.append(minimal(os.path.join(tmp, "minimal")))
                apps.append(reportdiff(warm_home))
    load_after = _load()

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    def ms(rows: list[dict[str, float]], key: str) -> str:
        m, q1, q3 = _spread([r[key] * 1000 for r in rows])
        return f"{m:7.0f} ms (quartiles {q1:.0f}-{q3:.0f})"

    def ratio_line(key: str) -> str:
        pairs = [a[key] / m[key] for m, a in zip(mins, apps, strict=True)]
        m, q1, q3 = _spread(pairs)
        return (
            f"{med(apps, key) / med(mins, key):.2f}x (ratio of medians); per pair: median "
            f"{m:.2f}x, quartiles {q1:.2f}x-{q3:.2f}x, range {min(pairs):.2f}x-{max(pairs):.2f}x"
        )

    print(_bytecode_note())
    print(
        f"runs: {args.runs} pairs, order alternating; reports: {' '.join(args.reports)}; "
        f"terminal {COLUMNS}x{LINES} (pty)"
    )
    print(f"load average before: {load_before}; after: {load_after} ({os.cpu_count()} CPUs)")
    print(f"minimal Textual app, first text on screen: {ms(mins, 'TEXT')}")
    print(f"reportdiff, first report text on screen:   {ms(apps, 'TEXT')}")
    print(f"wall ratio: {ratio_line('TEXT')} (target <= 1.20x)")
    print(f"minimal Textual app, CPU until its text:   {ms(mins, 'TEXT_CPU')}")
    print(f"reportdiff, CPU until the report's text:   {ms(apps, 'TEXT_CPU')}")
    print(f"CPU ratio:  {ratio_line('TEXT_CPU')}")
    print(f"reportdiff, highlights shown (warm cache): {med(apps, 'HIGHLIGHTS') * 1000:7.0f} ms")
    print(
        f"reportdiff, highlights shown (first run):  {cold['HIGHLIGHTS'] * 1000:7.0f} ms"
        f" (text after {cold['TEXT'] * 1000:.0f} ms)"
    )
    print(
        f"peak memory: minimal {med(mins, 'RSS'):.0f} MiB, reportdiff UI {med(apps, 'RSS'):.0f} MiB"
        f" + analysis process {med(apps, 'CHILD_RSS'):.0f} MiB"
        f" (first run: {cold['RSS']:.0f} + {cold['CHILD_RSS']:.0f} MiB, jieba loaded)"
    )


if __name__ == "__main__":
    main()
