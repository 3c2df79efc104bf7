"""The hand-checked gold in bench/gold: well-formed, and the engine makes none of its 'never' pairs.

The gold is read by ``bench/bench_quality.py`` (which prints precision and recall); this test
holds the part that must never regress: no number pair from a gold file's ``never`` list and
no aligned row from its ``never_sections`` list. Corpus-based gold files need
``../shared/corpus`` (or $REPORTDIFF_CORPUS); they are skipped without it, and fail in CI.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent


def _bench() -> ModuleType:
    name = "reportdiff_bench_quality"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "bench_quality.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is built
        spec.loader.exec_module(module)
    return sys.modules[name]


bq = _bench()
GOLD_FILES = bq.gold_files()
HOLDOUT_FILES = sorted((REPO / "bench" / "holdout").glob("*.json"))
"""Held-out gold: checked for form here (contexts copied exactly), never run through the
engine by a test, so no test is ever fitted to it (see bench/holdout/README.md)."""


def test_there_is_gold() -> None:
    assert len(GOLD_FILES) >= 2
    assert len(HOLDOUT_FILES) >= 2


def _needs_sources(gold: Any) -> None:
    """Skip (or fail in CI) when a gold file's corpus reports are not on this machine."""
    if all(bq.source_ref(s) is not None for s in gold.sources):
        return
    message = f"{gold.name}: corpus not found (../shared/corpus or $REPORTDIFF_CORPUS)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@cache
def _raw(source: str) -> str:
    text = bq.raw_text(source)
    assert text is not None
    return str(text)


@cache
def _comparison(path: Path) -> Any:
    return bq.compare_for_gold(bq.load_gold(path))


@pytest.mark.parametrize(
    "path",
    [*GOLD_FILES, *HOLDOUT_FILES],
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_gold_is_well_formed(path: Path) -> None:
    """Every context is copied exactly from its report and holds its quantity; headings exist."""
    gold = bq.load_gold(path)
    _needs_sources(gold)
    raws = [_raw(s) for s in gold.sources]
    quantities = [
        *((0, gp.a) for gp in (*gold.pairs, *gold.never)),
        *((1, gp.b) for gp in (*gold.pairs, *gold.never)),
        *gold.alone,
    ]
    problems = []
    for side, q in quantities:
        for ctx in q.contexts:
            if ctx not in raws[side]:
                problems.append(f"{'AB'[side]}: context not in the report: {ctx!r}")
            if q.text not in ctx:
                problems.append(f"{'AB'[side]}: {q.text!r} not in its context {ctx!r}")
    folded = [bq.fold(r) for r in raws]
    for a, b in (*gold.sections, *gold.never_sections):
        for side, headings in ((0, a), (1, b)):
            for heading in headings:
                if bq.fold(heading) not in folded[side]:
                    problems.append(f"{'AB'[side]}: heading not in the report: {heading!r}")
    assert gold.pairs or gold.sections, "a gold file needs number or section pairs"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_engine_makes_no_never_pair(path: Path) -> None:
    """No engine number pair is one the gold lists as never (target vs result, 城镇 vs 农村 …)."""
    gold = bq.load_gold(path)
    _needs_sources(gold)
    result = bq.score(gold, _comparison(path))
    if result.never_made:
        pytest.fail("never pairs made:\n" + "\n".join(result.never_made), pytrace=False)


KNOWN_NEVER_SECTIONS: dict[str, str] = {
    "1980-1981": "1980's numbered point 加强材料工业… meets 1981's energy section (提高能源的利用效率…): "
    "found while this file was held out (struct13's numbered points), kept as a bug to fix",
    "2004-2005": "2004's 适应新的形势，提高对外开放水平 meets 2005's 加强市场体系建设, whose body holds "
    "2005's opening-up paragraph (今年，我国对外开放面临不少新情况) outlined inside it",
}
"""Gold files whose never_sections the engine is known to make: strict xfail, so the test
says so when it is fixed. Kept short; an entry is a bug, not a waiver."""


def _never_section_params() -> list[Any]:
    return [
        pytest.param(
            p,
            id=p.stem,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_NEVER_SECTIONS[p.stem])]
            if p.stem in KNOWN_NEVER_SECTIONS
            else [],
        )
        for p in GOLD_FILES
    ]


@pytest.mark.parametrize("path", _never_section_params())
def test_engine_aligns_no_never_section(path: Path) -> None:
    """No aligned row pairs sections the gold lists as never (review vs tasks …)."""
    gold = bq.load_gold(path)
    _needs_sources(gold)
    result = bq.score(gold, _comparison(path))
    if result.sec_never_made:
        pytest.fail("never sections aligned:\n" + "\n".join(result.sec_never_made), pytrace=False)


def test_a_paragraph_without_a_lead_is_named_by_its_opening() -> None:
    """The bench names a row side with no label by its text's opening, which a gold key must
    begin (not merely hold): shanghai-2023's headline paragraph 一年来,全市经济社会发展稳中有进…
    is found by those words, and a key from inside a paragraph names nothing."""
    gold = bq.load_gold(REPO / "bench" / "gold" / "shanghai-2023-jingan-2023.json")
    _needs_sources(gold)
    comparison = _comparison(REPO / "bench" / "gold" / "shanghai-2023-jingan-2023.json")
    text = comparison.reports[0].text
    names = [
        bq._row_name(row.nodes[0], text)
        for row in bq.walk_rows(comparison.alignment)
        if row.nodes[0] is not None and not row.nodes[0].label
    ]
    opening = bq.fold("一年来,全市经济社会发展稳中有进")
    assert any(bq._names(n, [opening]) for n in names), names
    assert not any(bq._names(n, [bq.fold("地方一般公共预算收入增长9.3%")]) for n in names)
    assert bq._names(bq.fold("营商环境持续优化"), [bq.fold("营商环境")])
