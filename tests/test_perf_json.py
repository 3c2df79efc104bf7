"""The export's compact JSON encoder is json.dumps, made once (it uses json's C encoder,
whose constructor is not public API: this checks it writes what json.dumps writes)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from reportdiff.core.analysis.export import _compact_encoder

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
