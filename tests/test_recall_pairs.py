"""Pairs an analyst would make that the engine missed, found by the recall audit
(bench/audit/recall/): each test reads the real reports the pair is in and asserts the
rule that finds it, and that the traps around it stay apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, require
from engine_support import national, pairs, partner, quantity
from reportdiff.core.analysis.facts import fact_name
from reportdiff.core.analysis.oldnames import gross_output_name
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report


def test_a_sectors_production_total_is_its_gross_output_value() -> None:
    assert gross_output_name("工农业生产总值") == "工农业总产值"
    assert gross_output_name("国内生产总值") == "国内生产总值"
    ps = pairs(national(1956), national(1957))
    # 1956's plan: 工业生产总值比１９５５年将增长１９．７％; 1957's: 工业总产值…将增长百分之四点五
    assert partner(ps, 0, "１９．７％") == "百分之四点五"
    # 1955's result (比１９５４年增长８％) never meets 1957's plan
    assert partner(ps, 1, "百分之四点五") != "８％"


def test_a_note_on_what_a_name_includes_neither_cuts_nor_ends_it() -> None:
    r = national(1956)
    # １９５５年完成的基本建设投资额（包括经济、文教、行政方面的基本建设）共为８６．３亿元
    assert quantity(r, "８６．３亿元").indicator.startswith("基本建设投资额")
    assert quantity(r, "１４０亿元").indicator.startswith("全国基本建设（包括")
    assert fact_name(quantity(r, "１４０亿元").indicator) == "基本建设的投资"


def test_a_noun_after_a_figure_names_it_when_before_it_stand_only_when_and_where() -> None:
    b = national(1957)
    # １９５６年全国完成了将近一百四十亿元的基本建设投资额: not 全国
    assert quantity(b, "一百四十亿元").indicator == "基本建设投资额"
    ps = pairs(national(1956), b)
    # 1955's completed investment (1956's review) meets 1956's (1957's review) ...
    assert partner(ps, 0, "８６．３亿元") == "一百四十亿元"
    # ... and 1956's plan of 140亿元 does not meet 1956's result
    assert partner(ps, 1, "一百四十亿元") != "１４０亿元"


RECALL = Path(__file__).resolve().parent.parent / "bench" / "audit" / "recall"
HELD_OUT = {"1978-1983"}  # 1983 is a held-out report: its notes are read, never tested
NEVER = [
    (path.stem, pair)
    for path in sorted(RECALL.glob("*.json"))
    if path.stem not in HELD_OUT
    for pair in json.loads(path.read_text(encoding="utf-8"))["never"]
]


def _at(r: Report, side: dict) -> tuple[int, int]:  # type: ignore[type-arg]
    """Where a note's figure stands in the report's text (its context located)."""
    context = r.text.index(side["context"])
    start = context + side["context"].index(side["text"])
    return start, start + len(side["text"])


@pytest.mark.parametrize(
    ("stem", "pair"), NEVER, ids=[f"{s}:{p['a']['text']}-{p['b']['text']}" for s, p in NEVER]
)
def test_no_trap_the_recall_notes_list_is_paired(stem: str, pair: dict) -> None:  # type: ignore[type-arg]
    folder = require(CORPUS, "State Council corpus")
    a, b = (resolve_report(str(folder / f"{y}.txt")) for y in stem.split("-"))
    where = _at(a, pair["a"]), _at(b, pair["b"])
    for p in pairs(a, b):
        qa, qb = p.values
        if qa is not None and qb is not None:
            assert ((qa.span.start, qa.span.end), (qb.span.start, qb.span.end)) != where
