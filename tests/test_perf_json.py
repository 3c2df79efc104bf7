"""The export's compact JSON encoder is json.dumps, made once (it uses json's C encoder,
whose constructor is not public API: this checks it writes what json.dumps writes)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from reportdiff.core.analysis.export import _compact_encoder
from reportdiff.core.analysis.export_json import _phrase_json, _phrase_lines
from reportdiff.core.comparison import SharedPhrase
from reportdiff.core.model import Span

_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(), max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(_VALUES)
def test_the_compact_encoder_writes_what_json_dumps_writes(value: object) -> None:
    expected = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert _compact_encoder()(value) == expected


def test_report_text_with_escapes_and_brackets_is_written_as_json_dumps_writes() -> None:
    value = {"text": "[bold]杨浦\x1b[31m“区”\n\t\\", "span": [0, 12], "score": 0.1 + 0.2}
    expected = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert _compact_encoder()(value) == expected


def _phrase(draw: st.DrawFn) -> SharedPhrase:
    n = 3
    present = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3))
    ends = st.tuples(st.integers(0, 50), st.integers(0, 50)).map(sorted)
    spans = tuple(tuple(Span(a, b) for a, b in draw(st.lists(ends, max_size=3))) for _ in range(n))
    number = st.integers() | st.floats() | st.booleans()
    return SharedPhrase(
        text=draw(st.text(max_size=12)),
        spans=spans,
        reports=tuple(present),
        distinctiveness=draw(number),
        rank=draw(number),  # type: ignore[arg-type]  # a float or bool: the encoder writes it
    )


@given(
    st.lists(st.composite(_phrase)(), max_size=5),
    st.sampled_from([["a", "b", "c"], ["杨浦-2022", "x#2", '\x1b"q'], ["a", "a", "b"]]),
)
def test_phrase_lines_are_what_the_encoder_writes_of_each_phrase(
    phrases: list[SharedPhrase], keys: list[str]
) -> None:
    dump = _compact_encoder()
    expected = [dump(_phrase_json(ph, keys)) for ph in phrases]
    assert _phrase_lines(phrases, keys, dump) == expected


def test_phrase_lines_of_a_real_comparison() -> None:
    from reportdiff.core.analysis.compare import compare
    from reportdiff.core.analysis.export_format import report_keys
    from reportdiff.core.storage.samples import SAMPLE_IDS, load_sample

    cmp = compare([load_sample(rid) for rid in SAMPLE_IDS[:3]], use_cache=False)
    keys = report_keys(cmp)
    dump = _compact_encoder()
    assert cmp.phrases
    assert _phrase_lines(cmp.phrases, keys, dump) == [
        dump(_phrase_json(ph, keys)) for ph in cmp.phrases
    ]
