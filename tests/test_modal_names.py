"""A modal verb before the verb that links a name to its figure (可以达到, 可能增加) says how
sure the figure is, not what it counts: it is no name, and no part of one."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import printed_near


def _names(corpus_dir: Path, name: str, printed: str, words: str) -> set[str]:
    return {q.indicator for q in printed_near(corpus_dir, name, printed, words, 40)}


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
