"""core/fastre.py compiles every pattern to the code Python's own ``re`` compiles it to."""

from __future__ import annotations

import json
import re
import re._compiler as rc  # type: ignore[import-not-found]
import re._parser as rp  # type: ignore[import-not-found]
import subprocess
import sys
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportdiff.core import fastre

# Every pattern compiled while importing every module of reportdiff (outside tests and
# bench), recorded in a fresh interpreter so that none is already in re's cache.
_RECORD = """
import importlib, json, pkgutil, sys, re._compiler as rc
import reportdiff
seen = []
compile_ = rc.compile
def record(p, flags=0):
    if isinstance(p, str):
        seen.append((p, int(flags)))
    return compile_(p, flags)
rc.compile = record
for m in pkgutil.walk_packages(reportdiff.__path__, prefix="reportdiff."):
    if m.name.split(".")[1] in ("tests", "bench", "tools", "__main__"):
        continue
    importlib.import_module(m.name)
json.dump(seen, sys.stdout)
"""


def _code(pattern: str, flags: int) -> list[int]:
    parsed = rp.parse(pattern, flags)
    return list(rc._code(parsed, flags))


@pytest.fixture
def original() -> Iterator[None]:
    """Python's own charset optimizer during the test (the test process may have either)."""
    saved = rc._optimize_charset
    rc._optimize_charset = fastre._original
    try:
        yield
    finally:
        rc._optimize_charset = saved


def _both(pattern: str, flags: int) -> tuple[list[int], list[int]]:
    rc._optimize_charset = fastre._original
    before = _code(pattern, flags)
    assert fastre.speed_up()
    return before, _code(pattern, flags)


@pytest.mark.usefixtures("original")
def test_every_pattern_of_reportdiff_compiles_to_the_same_code() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _RECORD], capture_output=True, text=True, check=True
    ).stdout
    patterns = json.loads(out)
    han = [p for p, _ in patterns if "一-" in p or r"\u4e00-" in p]
    assert len(patterns) > 200 and len(han) > 20  # the engine's own, Han classes among them
    differ = []
    for pattern, flags in patterns:
        before, after = _both(pattern, flags)
        if before != after:
            differ.append(pattern)
    assert differ == []


_POINT = st.one_of(
    st.integers(0x20, 0x7E),  # ASCII
    st.integers(0xA0, 0x2FF),  # Latin
    st.integers(0x3000, 0x303F),  # CJK punctuation
    st.integers(0x3400, 0x9FFF),  # Han
    st.integers(0xF900, 0xFFFF),  # compatibility Han, full-width forms, the BMP's end
    st.integers(0x10000, 0x10FFFF),  # beyond the BMP
)


@st.composite
def _class(draw: st.DrawFn) -> str:
    """A bracketed class of literals, ranges and categories, maybe negated."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["literal", "range", "range", "category"]))
        if kind == "category":
            parts.append(draw(st.sampled_from([r"\d", r"\s", r"\w", r"\D", r"\S"])))
            continue
        a = draw(_POINT)
        if kind == "literal":
            parts.append(re.escape(chr(a)))
        else:
            b = min(a + draw(st.integers(0, 70_000)), 0x10FFFF)
            parts.append(re.escape(chr(a)) + "-" + re.escape(chr(b)))
    return "[" + ("^" if draw(st.booleans()) else "") + "".join(parts) + "]"


@pytest.mark.usefixtures("original")
@settings(max_examples=300, deadline=None)
@given(_class(), st.sampled_from([0, re.IGNORECASE, re.ASCII]))
def test_random_classes_compile_to_the_same_code(cls: str, flags: int) -> None:
    before, after = _both(cls + "+x" + cls, flags)  # the class twice: once from the memo
    assert before == after


@pytest.mark.usefixtures("original")
def test_an_unknown_optimizer_is_left_in_place() -> None:
    def other(charset, iscased=None, fixup=None, fixes=None):  # type: ignore[no-untyped-def]
        return fastre._original(charset, iscased, fixup, fixes)

    rc._optimize_charset = other
    assert not fastre.speed_up()
    assert rc._optimize_charset is other
