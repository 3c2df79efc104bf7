"""Reader key latency on long reports: every key must change the screen within 0.1 s.

Run: ``python bench/bench_reader.py [--times 8] [--corpus DIR] [--years 2004 2005]``.

Builds two reports ``--times`` times national length (a whole cleaned State Council
report repeated, parsed as one report, as the issue measured), compares them (cached
under a temporary ``REPORTDIFF_HOME``, or ``--home``), opens the real reader with
Textual's Pilot at 160×45 and times each key from the press until the app is idle again
(the key handled and the refresh it asked for done). The floor is the same measurement on
a minimal app whose key changes one line of text, so figures from a busy machine stay
comparable.

Pilot finds an app idle by sleeping in steps of 20 ms until a step passes without
work, so that wall time includes some 90 ms of waiting even for the minimal app. Each
key's *screen* time is also printed: from the press until the last frame the key caused
was composed (the end of the screen update that writes it to the terminal; headless,
the writing itself is skipped), which is what "changes the screen within 0.1 s" asks.

Notifications are shown, as in a terminal (Pilot hides them unless asked): a toggle's
toast is part of what the key puts on screen. ``--no-notifications`` measures without them.

Target: every key ≤ 0.1 s on reports eight times national length.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = (
    Path(os.environ.get("REPORTDIFF_CORPUS", HERE.parent.parent / "shared" / "corpus")) / "national"
)
KEYS = [
    "j",
    "j",
    "k",
    "c",
    "c",
    "c",
    "u",
    "1",
    "1",
    "2",
    "2",
    "3",
    "3",
    "4",
    "4",
    "5",
    "5",
    "pagedown",
    "pagedown",
    "end",
    "home",
    "n",
    "tab",
    "c",
]


Timing = tuple[str, float, float, float, int]
"""(key, wall seconds until idle, CPU seconds of this process, seconds until its last frame,
frames composed)."""


async def _time_keys(app, keys: list[str], ready, notifications: bool = False) -> list[Timing]:  # type: ignore[no-untyped-def]
    """The timings of each key."""
    from textual.screen import Screen

    frames: list[float] = []
    compose = Screen._compositor_refresh

    def composed(screen: Screen[object]) -> None:
        compose(screen)
        frames.append(time.perf_counter())

    out: list[Timing] = []
    Screen._compositor_refresh = composed  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(160, 45), notifications=notifications) as pilot:
            await ready(pilot)
            for key in keys:
                c0 = time.process_time()
                t0 = time.perf_counter()
                frames.clear()
                await pilot.press(key)
                await pilot.pause()
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                last = (frames[-1] - t0) if frames else float("nan")
                out.append((key, wall, cpu, last, len(frames)))
    finally:
        Screen._compositor_refresh = compose  # type: ignore[method-assign]
    return out


async def _floor(runs: int) -> tuple[float, float, float]:
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App[None]):
        BINDINGS = [("x", "bump", "bump")]  # noqa: RUF012

        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("一行文字 one line of text", id="line")

        def action_bump(self) -> None:
            line = self.query_one("#line", Static)
            line.update(f"一行文字 {time.perf_counter():.6f}")

    async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()

    times = await _time_keys(Minimal(), ["x"] * runs, ready)
    return (
        statistics.median(t[1] for t in times),
        statistics.median(t[2] for t in times),
        statistics.median(t[3] for t in times),
    )


def _reports(corpus: Path, years: list[str], times: int):  # type: ignore[no-untyped-def]
    from reportdiff.core.storage.resolve import resolve_report
    from reportdiff.core.text.parse import parse_report

    out = []
    for y in years:
        r = resolve_report(str(corpus / f"{y}.txt"))
        text = "\n\n".join([r.text] * times)
        out.append(parse_report(text, replace(r.meta, id=f"{r.meta.id}-x{times}")))
    return out


async def _reader(reports, keys: list[str], notifications: bool) -> list[Timing]:  # type: ignore[no-untyped-def]
    from reportdiff.tui.app import ReportDiffApp
    from reportdiff.tui.screens.reader import ReaderScreen

    # Pilot runs the app headless, where the reader leaves the collector alone (a test
    # process runs many apps); in a terminal it freezes the comparison's objects.
    ReaderScreen.freeze_gc = True

    async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if pilot.app.comparison is None:
            raise SystemExit("the comparison did not arrive")

    return await _time_keys(ReportDiffApp(list(reports)), keys, ready, notifications)


def main() -> None:
    """Print per-key times and their ratio to the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, default=8, help="report length, × national")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--years", nargs=2, default=["2004", "2005"])
    parser.add_argument(
        "--home", type=Path, help="REPORTDIFF_HOME to keep the comparison in (default: a new one)"
    )
    parser.add_argument(
        "--no-notifications",
        dest="notifications",
        action="store_false",
        help="hide notifications (toasts), as Pilot does by default",
    )
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="reportdiff-bench-"))
    os.environ["REPORTDIFF_HOME"] = str(home)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load}")
    reports = _reports(args.corpus, args.years, args.times)
    print(f"reports: {', '.join(f'{r.meta.id} {len(r.text):,} chars' for r in reports)}")
    from reportdiff.core.analysis.compare import compare

    t0 = time.perf_counter()
    compare(reports)  # into the cache, so the reader's worker finds it
    print(f"comparison (in-process, cache {home}): {time.perf_counter() - t0:.1f} s", flush=True)
    floor, floor_cpu, floor_screen = asyncio.run(_floor(15))
    print(
        f"floor: a key on a minimal app {floor * 1000:.1f} ms until idle, "
        f"CPU {floor_cpu * 1000:.1f} ms, on screen after {floor_screen * 1000:.1f} ms"
    )
    times = asyncio.run(_reader(reports, KEYS, args.notifications))
    print(f"notifications {'shown' if args.notifications else 'hidden'}")
    print("  key       until idle (wall)   CPU (this process)   on screen after   frames")
    for key, t, c, s, n in times:
        flag = "" if not s > 0.1 else "   > 0.1 s"
        shown = "no frame" if math.isnan(s) else f"{s * 1000:6.1f} ms = {s / floor_screen:5.1f}×"
        print(
            f"  {key:<9} {t * 1000:7.1f} ms = {t / floor:4.1f}×  "
            f"{c * 1000:6.1f} ms = {c / floor_cpu:5.1f}×  {shown}  {n}{flag}"
        )
    walls, cpus = [t[1] for t in times], [t[2] for t in times]
    screens = [t[3] for t in times if not math.isnan(t[3])]  # keys that drew a frame
    print(
        f"until idle: worst {max(walls) * 1000:.1f} ms ({max(walls) / floor:.1f}× floor), "
        f"median {statistics.median(walls) * 1000:.1f} ms "
        f"({statistics.median(walls) / floor:.1f}×); median CPU "
        f"{statistics.median(cpus) / floor_cpu:.1f}× floor"
    )
    print(
        f"on screen: worst {max(screens) * 1000:.1f} ms ({max(screens) / floor_screen:.1f}× "
        f"floor), median {statistics.median(screens) * 1000:.1f} ms; "
        f"{sum(s <= 0.1 for s in screens)} of {len(screens)} keys that drew within 0.1 s; "
        f"{sum(t[4] for t in times)} frames for {len(times)} keys"
    )


if __name__ == "__main__":
    main()
