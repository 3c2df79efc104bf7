"""Both ends of 由A…B when a comma parts them and the end is said with 为 after its verb.

1980.txt: 积累率由１９７８年的３６．５％，降为３３．６％: ３６．５％ is 1978's rate, the
start; ３３．６％ the rate it fell to, the end (not 1978's, not a fall of 33.6 points).
"""

from __future__ import annotations

from engine_support import national
from reportdiff.core.analysis.numbers import extract_quantities


def test_a_comma_and_wei_still_close_a_from_to() -> None:
    report = national(1980)
    at = report.text.index("积累率由１９７８年的３６．５％，降为３３．６％")
    got = {
        q.text: (q.end, q.year) for q in extract_quantities(report) if at <= q.span.start < at + 25
    }
    assert got["３６．５％"] == ("from", 1978)
    assert got["３３．６％"][0] == "to"
