"""Check that a speed change changed no result: byte-identical exports and quality figures.

Run: ``python bench/check_same.py save DIR`` before a change (writes the outputs to DIR),
then ``python bench/check_same.py check DIR`` after it (writes them again to a fresh
directory and compares byte for byte; exit 1 and the names of the differing outputs if any
differs). Each output is made by a new process with a fresh empty ``REPORTDIFF_HOME`` (cold),
then made again with the same home (warm, from the cache), and both must be the same.

Outputs: ``reportdiff export … -f json`` of a pair of samples, all eight samples N-way,
1999↔2000, 2004↔2005, ten State Council reports 1996–2005 N-way and the pair eight times
national length (``bench_compare.py``'s, made in a temporary folder); ``reportdiff terms``
of the 40-report series; ``bench/bench_quality.py`` on the gold and on the held-out gold.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = (
    Path(os.environ.get("REPORTDIFF_CORPUS", HERE.parent.parent / "shared" / "corpus")) / "national"
).resolve()


def _cases(folder: Path) -> dict[str, list[str]]:
    from reportdiff.core.storage.samples import SAMPLE_IDS

    sys.path.insert(0, str(HERE))
    from bench_compare import _long_pair

    nat = sorted(p.stem for p in CORPUS.glob("*.txt"))

    def c(*years: int | str) -> list[str]:
        return [str(CORPUS / f"{y}.txt") for y in years]

    py = [sys.executable]
    exp = [*py, "-m", "reportdiff", "export"]
    return {
        "pair.json": [*exp, "yangpu-2022", "yangpu-2023", "-f", "json"],
        "eight.json": [*exp, *SAMPLE_IDS, "-f", "json"],
        "1999-2000.json": [*exp, *c(1999, 2000), "-f", "json"],
        "2004-2005.json": [*exp, *c(2004, 2005), "-f", "json"],
        "ten.json": [*exp, *c(*range(1996, 2006)), "-f", "json"],
        "x8.json": [*exp, *_long_pair(CORPUS, folder), "-f", "json"],
        "series.json": [*py, "-m", "reportdiff", "terms", *c(*nat[:40]), "-f", "json"],
        "quality.txt": [*py, str(HERE / "bench_quality.py")],
        "quality-holdout.txt": [
            *py,
            str(HERE / "bench_quality.py"),
            *sorted(str(p) for p in (HERE / "holdout").glob("*.json")),
        ],
    }


def _run(cmd: list[str], home: Path) -> bytes:
    env = dict(os.environ, REPORTDIFF_HOME=str(home))
    proc = subprocess.run(cmd, env=env, capture_output=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[2:5])} … failed: {proc.stderr.decode()[-500:]}")
    return proc.stdout


def _make(out: Path, only: set[str] | None) -> list[str]:
    """Write every output to ``out``; returns the names whose warm run differed from cold."""
    out.mkdir(parents=True, exist_ok=True)
    unstable = []
    # The 8× pair's files at the same place each time: their paths are in the export.
    folder = Path(tempfile.gettempdir()) / "reportdiff-same-x8"
    folder.mkdir(exist_ok=True)
    for name, cmd in _cases(folder).items():
        if only and name not in only:
            continue
        with tempfile.TemporaryDirectory(prefix="reportdiff-same-") as tmp:
            cold = _run(cmd, Path(tmp))
            warm = _run(cmd, Path(tmp))
        (out / name).write_bytes(cold)
        if warm != cold:
            unstable.append(name)
        print(f"{name}: {len(cold):,} bytes{'' if warm == cold else ' (WARM DIFFERS)'}")
    return unstable


def main() -> None:
    """Save or check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["save", "check"])
    parser.add_argument("dir", type=Path, help="where the saved outputs are")
    parser.add_argument("--only", nargs="*", default=None, help="output names to make")
    args = parser.parse_args()
    only = set(args.only) if args.only else None
    if args.mode == "save":
        bad = _make(args.dir, only)
        raise SystemExit(1 if bad else 0)
    with tempfile.TemporaryDirectory(prefix="reportdiff-same-") as tmp:
        new = Path(tmp)
        bad = _make(new, only)
        for f in sorted(new.iterdir()):
            if f.read_bytes() != (args.dir / f.name).read_bytes():
                bad.append(f.name)
    print("SAME" if not bad else f"DIFFERENT: {', '.join(sorted(set(bad)))}")
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
