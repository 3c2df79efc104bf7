"""Every highlight meets WCAG AA contrast (4.5:1) in every bundled theme.

Computed from the styles the running app resolves (theme variables, mark styles, the
pane's own colours), the way a terminal draws them: ``reverse`` swaps ink and paper,
``dim`` blends the ink towards the paper by Textual's dim factor.
"""

from __future__ import annotations

import pytest
from reportdiff.core.storage.samples import load_sample
from reportdiff.tui.app import ReportDiffApp
from reportdiff.tui.screens.diff_view import DiffText
from reportdiff.tui.themes import THEME_NAMES
from reportdiff.tui.widgets.mark_styles import LAYER_STYLES, MarkStyles
from revisions import revised
from rich.style import Style
from textual.constants import DIM_FACTOR
from tui_support import aio, analysed

AA = 4.5


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour.

    >>> round(luminance((255, 255, 255)), 3), luminance((0, 0, 0))
    (1.0, 0.0)
    """

    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio, 1 to 21.

    >>> contrast((0, 0, 0), (255, 255, 255))
    21.0
    """
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def drawn(style: Style) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """Ink and paper of a resolved style as the terminal shows them."""
    assert style.color is not None and style.bgcolor is not None, style
    ink, paper = tuple(style.color.get_truecolor()), tuple(style.bgcolor.get_truecolor())
    if style.reverse:
        ink, paper = paper, ink
    if style.dim:
        ink = tuple(round(p + (i - p) * DIM_FACTOR) for i, p in zip(ink, paper, strict=True))
    return ink, paper  # type: ignore[return-value]


def test_the_contrast_formula_knows_a_failing_pair() -> None:
    # #777 on white is the classic just-failing grey (4.48:1)
    assert 4.4 < contrast((0x77, 0x77, 0x77), (255, 255, 255)) < AA
    assert drawn(Style(color="#ffffff", bgcolor="#000000", reverse=True)) == (
        (0, 0, 0),
        (255, 255, 255),
    )


@pytest.mark.parametrize("theme", THEME_NAMES)
@aio
async def test_every_highlight_meets_wcag_aa(theme: str) -> None:
    base = load_sample("yangpu-2023")
    app = ReportDiffApp([base, revised(base)])
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(pilot)
        app.theme = theme
        await pilot.pause()
        holder = app.reader.query_one(MarkStyles)
        surfaces = {
            "pane": app.reader.panes[0].rich_style,
            "legend": app.reader.query_one("#legend").rich_style,
        }
        await pilot.press("w")
        await pilot.pause()
        surfaces["word diff"] = app.screen.query(DiffText).first().rich_style
        failures = []
        for where, paper in surfaces.items():
            for name in LAYER_STYLES:
                ink, bg = drawn(paper + holder.style(name))
                ratio = contrast(ink, bg)
                if ratio < AA:
                    failures.append(f"{name} in the {where}: {ratio:.2f}:1")
        assert not failures, f"{theme}: " + "; ".join(failures)
