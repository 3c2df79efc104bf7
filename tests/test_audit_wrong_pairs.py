"""No number pair the precision audit judged wrong is made again (bench/audit/: every pair of
report pairs no gold covers, read by a person with both sentences).

The audit's wrong pairs are a "never" list like the gold's: each was made once and removed by a
general rule (tests/test_pair_kinds.py); this keeps every one of them from coming back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, require
from reportdiff.core.analysis.compare import compare
from reportdiff.core.model import Report
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.samples import SAMPLE_IDS, load_sample

AUDIT = Path(__file__).resolve().parent.parent / "bench" / "audit"
WRONG = [
    (path.stem, pair)
    for path in sorted(AUDIT.glob("*.json"))
    for pair in json.loads(path.read_text(encoding="utf-8"))["pairs"]
    if pair["verdict"] == "wrong"
]


def _report(name: str) -> Report:
    if name in SAMPLE_IDS:
        return load_sample(name)
    folder = require(CORPUS, "State Council corpus")
    return resolve_report(str(folder / f"{name}.txt"))


def _sides(stem: str) -> tuple[str, str]:
    """The two reports of an audit file's name (1994-1995, yangpu-2023-plan-xuhui-2022)."""
    for a in [*SAMPLE_IDS, *(str(y) for y in range(1949, 2030))]:
        if stem.startswith(a + "-") and (
            stem[len(a) + 1 :] in SAMPLE_IDS or stem[len(a) + 1 :].isdigit()
        ):
            return a, stem[len(a) + 1 :]
    raise AssertionError(f"cannot split {stem}")


def test_the_audit_has_wrong_pairs_to_guard() -> None:
    assert len(WRONG) >= 8


def _at(r: Report, side: dict) -> int:  # type: ignore[type-arg]
    """Where an audited figure stands in its report: its sentence (the figure in 【】) found
    in the text. A figure is kept by its place, not its name: a rule that renames it (2009's
    8.4%, read as rural income at the audit, is the urban income's now) must not let the
    same wrong pair back under the new name."""
    sent = side["sent"]
    plain = sent.replace("【", "").replace("】", "").strip()
    at = r.text.find(plain)
    assert at >= 0, f"the audited sentence is no longer in {r.meta.id}: {plain[:40]}"
    start = at + sent.index("【")
    assert r.text.startswith(side["text"], start)
    return start


@pytest.mark.parametrize(
    ("stem", "pair"), WRONG, ids=[f"{s}:{p['a']['text']}-{p['b']['text']}" for s, p in WRONG]
)
def test_no_pair_the_audit_judged_wrong_is_made(stem: str, pair: dict) -> None:  # type: ignore[type-arg]
    a, b = _sides(stem)
    ra, rb = _report(a), _report(b)
    made = {
        (qa.span.start, qb.span.start)
        for p in compare([ra, rb]).numbers
        if (qa := p.values[0]) is not None and (qb := p.values[1]) is not None
    }
    assert (_at(ra, pair["a"]), _at(rb, pair["b"])) not in made, pair["why"]
