"""Charts of a series: a text plot for the terminal (plotext), SVG/PNG images (matplotlib)
and word clouds (wordcloud), with a font that has Han characters.

The CLI and the reader's chart screen draw through here, so a chart looks the same in both.
Everything heavy is imported inside the function that needs it: ``reportdiff --help`` pays
for none of it.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _

if TYPE_CHECKING:
    from reportdiff.core.analysis.terms import TermSeries
    from reportdiff.core.analysis.timeline import Timeline

__all__ = [
    "FONT_PACKAGE",
    "Chart",
    "chart_image",
    "han_font",
    "new_terms_weights",
    "term_chart",
    "text_plot",
    "timeline_chart",
    "word_cloud",
]

FONT_PACKAGE = "fonts-wqy-microhei"
"""The Debian package named when no font with Han characters is found."""
FONT_ENV = "REPORTDIFF_HAN_FONT"
"""An environment variable naming a font file to use instead of searching."""


@dataclass(frozen=True)
class Chart:
    """Lines over a shared x axis; a None value is a gap (a year with nothing)."""

    title: str
    unit: str
    """The y axis' unit (%, 亿元, per 10,000 characters)."""
    x: tuple[str, ...]
    """The x axis labels, in order (years, or report ids)."""
    lines: tuple[tuple[str, tuple[float | None, ...]], ...]
    """(label, one value or None per x) for each line."""


def timeline_chart(tl: Timeline) -> Chart:
    """The results and targets of a timeline, one x per year."""
    x = tuple(str(r.year) for r in tl.rows)
    result = tuple(r.result.value if r.result else None for r in tl.rows)
    target = tuple(r.target.value if r.target else None for r in tl.rows)
    return Chart(tl.label, tl.unit, x, ((_("result"), result), (_("target"), target)))


def term_chart(series: TermSeries, terms: Sequence[str]) -> Chart:
    """Each term's rate per 10,000 Han characters in every report of the series."""
    lines = tuple(
        (t, tuple(series.frequency.get(t, {}).get(k) for k in series.reports)) for t in terms
    )
    return Chart("、".join(terms), _("per 10,000 characters"), series.reports, lines)


def text_plot(chart: Chart, width: int = 80, height: int = 20) -> str:
    """The chart drawn in characters (plotext), without colour codes, for a terminal or a
    Markdown code block. Line labels are listed under the plot: plotext counts a Han
    character as one cell where a terminal draws two."""
    import plotext as plt

    plt.clear_figure()
    plt.plotsize(width, height)
    plt.theme("clear")
    xs = list(range(len(chart.x)))
    markers = ("dot", "x", "+", "o", "*")
    legend: list[str] = []
    for i, (label, values) in enumerate(chart.lines):
        runs = value_runs(values)
        if not runs:
            continue
        marker = markers[i % len(markers)]
        for run in runs:  # a year with nothing is a gap, not a line across it
            plt.plot(run, [values[x] for x in run], marker=marker, color=i + 1)
        legend.append(f"{marker}: {label}")
    step = max(1, len(xs) // max(1, width // 8))
    plt.xticks(xs[::step], list(chart.x)[::step])
    out = plt.build() if legend else _("(nothing to plot)")
    plt.clear_figure()
    out = "\n".join(line.rstrip() for line in _ANSI.sub("", out).splitlines())
    return out + "\n" + "   ".join(legend) + "\n"


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def value_runs(values: Sequence[float | None]) -> list[list[int]]:
    """The indexes of each run of consecutive values that are not None."""
    runs: list[list[int]] = []
    for i, v in enumerate(values):
        if v is None:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


@lru_cache(maxsize=1)
def han_font() -> str:
    """The path of a font with Han characters: ``$REPORTDIFF_HAN_FONT``, else fontconfig's
    (``fc-list :lang=zh``), else any font matplotlib knows that has 中 and 年.

    Raises:
        ReportError: naming the package to install when there is none.
    """
    given = os.environ.get(FONT_ENV)
    if given:
        if not os.path.isfile(given):
            raise ReportError(
                _("{var} names no font file: {path}").format(var=FONT_ENV, path=given)
            )
        return given
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run(
                [fc_list, ":lang=zh", "file"],
                check=False,
                capture_output=True,
                text=True,
                timeout=20,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        files = sorted(line.strip().rstrip(":") for line in out.splitlines() if line.strip())
        files = [f for f in files if os.path.isfile(f)]
        if files:
            # Sans fonts first (Hei, Sans): a chart reads better without serifs.
            return min(files, key=lambda f: "sans" not in f.lower() and "hei" not in f.lower())
    found = _font_with_han()
    if found:
        return found
    raise ReportError(
        _(
            "no font with Chinese characters found: install one (Debian: apt-get install {pkg}) "
            "or set {var} to a font file"
        ).format(pkg=FONT_PACKAGE, var=FONT_ENV)
    )


def _font_with_han() -> str | None:
    from fontTools.ttLib import TTCollection, TTFont
    from matplotlib import font_manager

    for path in sorted(font_manager.findSystemFonts()):
        try:
            fonts = (
                TTCollection(path, lazy=True).fonts
                if path.lower().endswith(".ttc")
                else [TTFont(path, lazy=True)]
            )
            cmap = fonts[0].getBestCmap() or {}
        except Exception:  # noqa: BLE001, S112 - an unreadable font is no candidate
            continue
        if ord("中") in cmap and ord("年") in cmap:
            return path
    return None


def _need(module: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise ReportError(
            _("images need {module}: pip install 'reportdiff[charts]'").format(module=module)
        )


def chart_image(chart: Chart, fmt: str) -> bytes:
    """The chart as an SVG or PNG image (matplotlib). In SVG the text stays text (its Han
    characters searchable and copyable), set in the Han font's family."""
    if fmt not in ("svg", "png"):
        raise ValueError(fmt)
    font_path = han_font()
    _need("matplotlib")
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    font_manager.fontManager.addfont(font_path)
    family = font_manager.FontProperties(fname=font_path).get_name()
    rc: dict[str, Any] = {
        "svg.fonttype": "none",
        "font.family": "sans-serif",
        "font.sans-serif": [family, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.hashsalt": "reportdiff",  # the same chart gives the same file
    }
    with matplotlib.rc_context(rc):  # type: ignore[arg-type]
        fig = Figure(figsize=(9, 4.8), dpi=100)
        ax = fig.add_subplot()
        xs = list(range(len(chart.x)))
        for (label, values), style in zip(chart.lines, ("o-", "s--", "^-.", "d:"), strict=False):
            if any(v is not None for v in values):
                # NaN breaks the line: a year with nothing is a gap
                ys = [float("nan") if v is None else v for v in values]
                ax.plot(xs, ys, style, label=label)
        step = max(1, len(xs) // 20)
        ax.set_xticks(xs[::step], list(chart.x)[::step], rotation=45, ha="right")
        ax.set_title(chart.title)
        ax.set_ylabel(chart.unit)
        ax.grid(alpha=0.3)
        if any(any(v is not None for v in vals) for _label, vals in chart.lines):
            ax.legend()
        fig.tight_layout()
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {}
        fig.savefig(buf, format=fmt, metadata=metadata)
    return buf.getvalue()


def new_terms_weights(series: TermSeries) -> dict[str, float]:
    """The new terms of every report but the first (which has nothing earlier to be new
    against), each weighted by its rate per 10,000 characters where it is new."""
    weights: dict[str, float] = {}
    for key in series.reports[1:]:
        for tc in series.new.get(key, ()):
            rate = series.frequency.get(tc.term, {}).get(key, 0.0) or float(tc.count)
            weights[tc.term] = max(weights.get(tc.term, 0.0), rate)
    return weights


def word_cloud(
    weights: Mapping[str, float], fmt: str, *, width: int = 1000, height: int = 600
) -> bytes:
    """A word cloud of ``weights`` (term → weight) as PNG or SVG, set in the Han font."""
    if not weights:
        raise ReportError(_("no terms to draw a word cloud of"))
    _need("wordcloud")
    from wordcloud import WordCloud

    cloud = WordCloud(
        font_path=han_font(),
        width=width,
        height=height,
        background_color="white",
        random_state=0,  # the same terms give the same picture
        prefer_horizontal=1.0,
        collocations=False,
    ).generate_from_frequencies(dict(weights))
    if fmt == "svg":
        svg: str = cloud.to_svg()
        return svg.encode("utf-8")
    buf = io.BytesIO()
    cloud.to_image().save(buf, format="PNG")
    return buf.getvalue()
