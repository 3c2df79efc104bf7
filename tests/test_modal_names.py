"""A modal verb before the verb that links a name to its figure (可以达到, 可能增加) says how
sure the figure is, not what it counts: it is no name, and no part of one."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.core.analysis.numbers import extract_quantities
from reportdiff.core.storage.resolve import resolve_report


def _names(corpus_dir: Path, name: str, printed: str, words: str) -> set[str]:
    report = resolve_report(str(corpus_dir / name))
    return {
        q.indicator
        for q in extract_quantities(report)
        if q.text == printed and words in report.text[q.span.start - 40 : q.span.end]
    }


@pytest.mark.parametrize(
    ("name", "printed", "words"),
    [
        ("1982.txt", "百分之六点四", "一九八二年计划为百分之四，预计可以达到"),
        ("1958.txt", "五百亿元", "供应社会的商品总量，可以达到"),
        ("1955.txt", "五十六万千瓦", "发电能力可以达到"),
        ("1955.txt", "百分之五十", "比别的杂粮可能增加"),
    ],
)
def test_a_modal_verb_is_no_name(corpus_dir: Path, name: str, printed: str, words: str) -> None:
    names = _names(corpus_dir, name, printed, words)
    assert names, (name, printed)
    assert not any(n.endswith(("可以", "可能", "能够")) for n in names), names
