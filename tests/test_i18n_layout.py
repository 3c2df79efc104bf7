"""The reader at 80×24 in both languages: the legend, footer, pane titles and status rows
show every item whole, read from the painted screen (a Han character is two cells)."""

from __future__ import annotations

import pytest
from reportdiff.core.i18n import set_language
from reportdiff.core.storage.samples import load_sample
from rich.cells import cell_len
from tui_support import aio, analysed

SIZE = (80, 24)


async def _screen_rows(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of every row as painted (the compositor's strips: what the terminal gets)."""
    await pilot.pause()
    strips = pilot.app.screen._compositor.render_strips()
    return [strip.text for strip in strips]


def _legend_labels(language: str) -> list[list[str]]:
    """Each legend item's words that must show, in ``language``: key digit and its label."""
    set_language(language)
    from reportdiff.core.i18n import _

    return [
        ["1 " + _("shared"), _("common")],
        ["2 " + _("changed")],
        ["3 " + _("same")],
        ["4 "],  # its label may be the short one ("unique" for "only here")
        ["5 " + _("added"), _("dropped")],
    ]


@pytest.mark.parametrize(
    ("language", "ids"),
    [
        ("en", ["yangpu-2022", "yangpu-2023"]),
        ("zh", ["yangpu-2022", "yangpu-2023"]),
        ("en", ["yangpu-2022", "yangpu-2023", "xuhui-2022"]),
        ("zh", ["yangpu-2022", "yangpu-2023", "xuhui-2022"]),
    ],
)
@aio
async def test_legend_shows_every_item_at_80_columns(language: str, ids: list[str]) -> None:
    """Every layer's key, label, count and ✓ is on the painted screen; with two reports the
    legend is one line, beside the page note (three reports) it may wrap but never cuts."""
    from reportdiff.tui.app import ReportDiffApp
    from reportdiff.tui.widgets.legend import Legend

    labels = _legend_labels(language)
    app = ReportDiffApp([load_sample(i) for i in ids])
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        legend = app.reader.query_one(Legend)
        region = legend.region
        assert region.right <= SIZE[0]
        rows = await _screen_rows(pilot)
        # Whole rows: a Han character before the legend (the page note) is one str index
        # but two cells, so the rows are not sliced at the legend's x.
        painted = "\n".join(rows[region.y : region.bottom])
        lines = legend._lines(region.width)
        assert len(lines) == region.height  # the widget is as tall as its wrapped lines
        if len(ids) == 2:
            assert region.height == 1, painted
        for line in lines:
            assert cell_len(line.plain) <= region.width, line.plain
        for words in labels:
            for word in words:
                assert word in painted, (word, painted)
        counts = legend.counts
        assert counts is not None
        for layer in ("shared", "changed", "same", "unique", "edits"):
            assert f" {counts[layer]}✓" in painted or f" {counts[layer]} ✓" in painted, layer
        assert painted.count("✓") == 5, painted


@pytest.mark.parametrize(
    "ids",
    [["yangpu-2022", "yangpu-2023"], ["yangpu-2022", "yangpu-2023", "xuhui-2022"]],
)
@pytest.mark.usefixtures("zh_interface")
@aio
async def test_reader_rows_whole_at_80_columns_in_chinese(ids: list[str]) -> None:
    """Footer keys lie wholly on screen or not at all (none half-covered by the palette key),
    their labels painted whole; pane titles and the page note fit their width."""
    from reportdiff.tui.app import ReportDiffApp
    from textual.widgets._footer import FooterKey

    app = ReportDiffApp([load_sample(i) for i in ids])
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        rows = await _screen_rows(pilot)
        footer_row = rows[-1]
        keys = list(app.screen.query(FooterKey))
        palette = [k for k in keys if k.has_class("-command-palette")]
        assert palette and "^p " + palette[0].description in footer_row
        limit = palette[0].region.x
        # A key whose label starts left of the palette key is shown; its left padding alone
        # peeping out is blank.
        pad = {k: k.get_component_styles("footer-key--key").padding.left for k in keys}
        # (a key left out because it would not fit is not displayed at all)
        shown = [k for k in keys if k.display and k.region.x + pad[k] < limit and k not in palette]
        for key in shown:
            assert key.region.right <= limit, (key.description, key.region, limit)
            assert f"{key.key_display} {key.description}" in footer_row, key.description
        # The keys a reader needs most are among them, in Chinese.
        descriptions = {k.description for k in shown}
        assert {"下段", "下章", "搜索", "退出", "帮助"} <= descriptions, descriptions
        if len(ids) == 3:
            assert {"后页", "前页"} <= descriptions
            pages = app.reader.query_one("#pages")
            note = str(pages.render())
            assert "共 3 份" in note and note.strip() in rows[pages.region.y]
            assert pages.region.right <= SIZE[0]
        for pane in app.reader.panes:
            if pane.display:
                assert pane.region.right <= SIZE[0]
                assert pane.report.meta.region in rows[pane.region.y]  # leads the title
