"""Snapshot of the reader's targets view (``T``) on the State Council's 2005 and 2006 reports."""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.storage.resolve import resolve_report
from reportdiff.tui.app import ReportDiffApp


def test_targets_view(snap_compare, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """120×30, ``T`` with 2005 and 2006 open: the header line "targets of 2005 for 2005 ·
    results in 2006 · 3 met · 1 not reported" and the rules line (以上 floor · 以内/控制在
    ceiling · 左右 ±0.5 point); then four rows, each indicator with the target's own words:
    gdp · 国内生产总值 8％左右 9.9% met (green), jobs · 城镇新增就业 900万人 970万人 met,
    unemployment · 城镇登记失业率 4．6％ — not reported (dim), prices · 居民消费价格总水平涨幅
    4％ 1.8% met, each with its reason (band, floor, ceiling); the footer shows Back and Go
    to target."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await pilot.press("T")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    reports = [resolve_report(str(corpus_dir / f)) for f in ("2005.txt", "2006.txt")]
    app = ReportDiffApp(reports, analyse=False)
    assert snap_compare(app, terminal_size=(120, 30), run_before=run_before)
