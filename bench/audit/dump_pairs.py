"""Dump every number pair the engine makes (both sides present) for the audit's report pairs.

Usage: .venv/bin/python bench/audit/dump_pairs.py OUT.json
(with REPORTDIFF_CORPUS=/work/shared/corpus; a fresh REPORTDIFF_HOME to compare code states).
Each pair: its indicator and, for each side, the figure, its indicator, its sentence (the
figure in 【】), year, years, role, period, stock, subject and whether it is a change.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from pathlib import Path
from typing import Any

from reportdiff.core.analysis.compare import compare
from reportdiff.core.comparison import Quantity
from reportdiff.core.model import Report, Span
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.samples import SAMPLE_IDS, load_sample

CORPUS = [(1954, 1955), (1955, 1956), (1956, 1957), (1957, 1960), (1960, 1964), (1964, 1975),
          (1975, 1978), (1978, 1983), (1988, 1994), (1994, 1995), (1994, 1996), (2004, 2009)]  # fmt: skip


def sentence(text: str, span: Span, limit: int = 140) -> str:
    lo = span.start
    while lo > 0 and lo > span.start - limit and text[lo - 1] not in "。！？!?\n；;":
        lo -= 1
    hi = span.end
    while hi < len(text) and hi < span.end + limit and text[hi - 1] not in "。！？!?\n；;":
        hi += 1
    return f"{text[lo : span.start]}【{text[span.start : span.end]}】{text[span.end : hi]}"


def side(r: Report, q: Quantity) -> dict[str, Any]:
    return {"text": q.text, "ind": q.indicator, "sent": sentence(r.text, q.span).replace("\n", " "),
            "year": q.year, "years": q.years, "role": q.role, "period": q.period,
            "plabel": q.period_label, "stock": q.stock, "subject": q.subject,
            "change": q.is_change, "start": q.span.start}  # fmt: skip


def dump(ra: Report, rb: Report) -> list[dict[str, Any]]:
    out = []
    for p in compare([ra, rb], use_cache=False).numbers:
        a, b = p.values
        if a is not None and b is not None:
            out.append({"indicator": p.indicator, "a": side(ra, a), "b": side(rb, b)})
    return out


def main() -> None:
    corpus = Path(os.environ.get("REPORTDIFF_CORPUS", "/work/shared/corpus")) / "national"
    res = {}
    for a, b in CORPUS:
        ra, rb = (resolve_report(str(corpus / f"{y}.txt")) for y in (a, b))
        res[f"{a}-{b}"] = dump(ra, rb)
    for x, y in itertools.combinations(SAMPLE_IDS, 2):
        res[f"{x}-{y}"] = dump(load_sample(x), load_sample(y))
    Path(sys.argv[1]).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    print({k: len(v) for k, v in res.items()})


if __name__ == "__main__":
    main()
