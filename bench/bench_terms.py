"""Benchmark and check `reportdiff terms` on the State Council series (../shared/corpus).

Run: ``python bench/bench_terms.py [--corpus DIR] [--repeat N]``.

Quality: for every gold year in ``bench/gold_terms/*.json`` (formulations commentators named
as new that year, each checked absent from every earlier report of the corpus), how many
stand among the first 50 ``new`` terms listed for that report, and whether any of those 50
is a number or a date. A gold term counts as found when a listed term is it or contains it
(社会主义市场经济体制 shows 社会主义市场经济). Target: at least 3 in 4 over all gold terms.

Speed: each measurement is a new process (``python -m reportdiff terms … --format json``),
so imports, jieba's dictionary and the on-disk cache count as they do for a user. *Cold*
points ``REPORTDIFF_HOME`` at a fresh directory; *warm* reuses it. Times are printed as a
ratio to a *floor* measured in the same run: a bare ``import jieba; jieba.initialize()``
with a fresh cache dir — the least any word-based analysis pays. For scale, a pair
comparison (``reportdiff export A B``) of two whole reports of the same corpus is timed
cold too, and the series' cost per report set against the pair's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold_terms"
CORPUS = HERE.parent.parent / "shared" / "corpus" / "national"
TOP = 50


def _child(cmd: list[str], home: Path) -> float:
    env = dict(os.environ, REPORTDIFF_HOME=str(home), XDG_CACHE_HOME=str(home / "xdg"))
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, check=False, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} … failed: {proc.stderr.strip()}")
    return wall


def _floor(tmp: Path) -> float:
    code = (
        "import os, warnings; warnings.simplefilter('ignore'); import jieba;"
        f"os.makedirs({str(tmp / 'jieba')!r}, exist_ok=True);"
        f"jieba.dt.tmp_dir = {str(tmp / 'jieba')!r}; jieba.setLogLevel(60); jieba.initialize()"
    )
    return _child([sys.executable, "-c", code], tmp)


# The bench's own test of "a number or a date", written apart from the analyzer's filters
# so that it checks them: any digit; a date word; or nothing but numerals and units
# (十五, 十六大, 三年, 第十; not 三个代表, 一国两制 or 三农).
_DATE_WORDS = re.compile(
    r"今年|去年|明年|本年|当年|前年|年底|年初|年内|年末|年度|上半年|下半年|同期|世纪|年代"
    r"|今后|目前|当前|近年|今天|明天|昨天|本月|上月|下月|今明|[一二三四五六七八九十]月"
)
_NUMERALS = re.compile(r"[第]?[零〇一二三四五六七八九十百千万亿两几]+")
_UNITS = set("年月日号届大次个项倍%％元期")


def _is_number_or_date(term: str) -> bool:
    if any(c.isdigit() for c in term) or _DATE_WORDS.search(term):
        return True
    rest = _NUMERALS.sub("", term)
    return rest != term and all(c in _UNITS for c in rest)


def _quality(doc: dict[str, object]) -> tuple[int, int]:
    new: dict[str, list[dict[str, object]]] = doc["new"]  # type: ignore[assignment]
    found_all = total = exact_all = 0
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        report = gold["report"]
        listed = [str(item["term"]) for item in new.get(report, [])[:TOP]]
        hits, misses = [], []
        for entry in gold["terms"]:
            term = entry["term"]
            rank = next((i for i, t in enumerate(listed, 1) if term in t), None)
            exact = term in listed
            exact_all += exact
            label = (
                f"{term}#{rank}"
                if exact
                else f"{term}#{rank}(in {listed[rank - 1]})"
                if rank
                else term
            )
            (hits if rank else misses).append(label)
        numbers = [t for t in listed if _is_number_or_date(t)]
        found_all += len(hits)
        total += len(gold["terms"])
        print(
            f"{report}: {len(hits)}/{len(gold['terms'])} in the first {TOP}"
            f"   found {' '.join(hits) or '-'}   missed {' '.join(misses) or '-'}"
            f"   numbers/dates among {TOP}: {', '.join(numbers) or 'none'}"
        )
    print(
        f"all gold years: {found_all}/{total} = {found_all / max(total, 1):.0%} (target 75%);"
        f" listed as such (not inside a longer term): {exact_all}/{total}"
    )
    return found_all, total


def _breakdown(files: list[str]) -> None:
    """Where the cold time goes, in this process: loading the pages, jieba, the analysis."""
    os.environ["REPORTDIFF_HOME"] = tempfile.mkdtemp(prefix="reportdiff-bench-")
    from reportdiff.core.analysis.termcands import tokenizer_loaded
    from reportdiff.core.analysis.terms import analyse_terms
    from reportdiff.core.analysis.tokens import warm_up
    from reportdiff.core.storage.resolve import resolve_report

    t = time.perf_counter()
    reports = [resolve_report(f) for f in files]
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    warm_up()
    tokenizer_loaded()
    t_jieba = time.perf_counter() - t
    t = time.perf_counter()
    analyse_terms(reports)
    t_cold = time.perf_counter() - t
    t = time.perf_counter()
    analyse_terms(reports)
    t_warm = time.perf_counter() - t
    print(
        f"in process: loading {len(files)} pages (clean, parse) {t_load:.2f} s; jieba and its "
        f"tag table {t_jieba:.2f} s; analysis {t_cold:.2f} s cold, {t_warm:.2f} s warm"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    files = sorted(str(p) for p in args.corpus.glob("*.txt"))
    if not files:
        raise SystemExit(f"no reports in {args.corpus}")
    terms = [sys.executable, "-m", "reportdiff", "terms", *files, "--format", "json", "-o"]
    pair = [f for f in files if Path(f).stem in ("2004", "2005")] or files[-2:]
    floors, colds, warms, pairs = [], [], [], []
    doc: dict[str, object] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="reportdiff-bench-") as tmp:
            floors.append(_floor(Path(tmp) / "floor"))
        with tempfile.TemporaryDirectory(prefix="reportdiff-bench-") as tmp:
            home, out = Path(tmp) / "home", Path(tmp) / "terms.json"
            colds.append(_child([*terms, str(out)], home))
            warms.append(_child([*terms, str(out)], home))
            doc = json.loads(out.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="reportdiff-bench-") as tmp:
            home = Path(tmp) / "home"
            cmd = [sys.executable, "-m", "reportdiff", "export", *pair, "-f", "json", "-o"]
            pairs.append(_child([*cmd, str(Path(tmp) / "pair.json")], home))
    _quality(doc)
    _breakdown(files)
    floor, cold, warm, two = (statistics.median(x) for x in (floors, colds, warms, pairs))
    n = len(files)
    print(f"floor (import jieba; initialize, fresh cache): {floor:.2f} s")
    print(f"series of {n} reports cold: {cold:.2f} s = {cold / floor:.1f}x floor")
    print(f"series of {n} reports warm: {warm:.2f} s = {warm / floor:.1f}x floor")
    print(
        f"pair comparison ({' vs '.join(Path(p).stem for p in pair)}) cold: {two:.2f} s = "
        f"{two / floor:.1f}x floor, {two / 2:.2f} s per report; the series costs "
        f"{cold / n:.2f} s per report cold, {warm / n:.2f} s warm"
    )


if __name__ == "__main__":
    main()
