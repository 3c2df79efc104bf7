"""Whether compared reports run back in time: a note the reader and the exports share.

Kept out of :mod:`reportdiff.core.analysis.export` so that the reader, which says it as it
starts, does not import the exporters (some 15 ms) on its start-up path.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportdiff.core.i18n import _
from reportdiff.core.model import Report


def time_order_notes(reports: Sequence[Report]) -> list[str]:
    """A note when a report comes before one that reviews an earlier year: Δ and Δ% run
    from the first report to the others, so a figure that rose over the years shows a fall.
    Said once, naming the first pair out of order; nothing when a year is unknown (None or
    0, as a report whose text names no year has)."""
    years = [r.meta.year for r in reports]
    keys = [r.meta.id or r.meta.source for r in reports]
    for i, a in enumerate(years):
        for j in range(i + 1, len(years)):
            b = years[j]
            if a and b and a > b:
                return [
                    _(
                        "the reports run back in time ({later} reviews {year}, {earlier} "
                        "{year2}): Δ and Δ% run from the first report to the others, so a "
                        "figure that rose over the years shows a fall"
                    ).format(later=keys[i], year=a, earlier=keys[j], year2=b)
                ]
    return []
