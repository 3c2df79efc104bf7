"""The reportdiff Textual app: ``run_app(reports)`` opens the reports side by side.

The text shows at once; the comparison (jieba, alignment, numbers) runs in a thread
worker and its result is posted back as a message, so keys stay responsive throughout.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import N_, _, current_language
from reportdiff.core.model import Report
from reportdiff.tui.config import load_config, load_state, remember
from reportdiff.tui.localize import localize_bindings
from reportdiff.tui.screens.reader import ReaderScreen
from reportdiff.tui.themes import DEFAULT_THEME, THEME_NAMES, load_themes
from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from reportdiff.core.comparison import Comparison
    from reportdiff.tui.analysis import AnalysisProcess
    from rich.console import RenderableType
    from textual.app import SystemCommand
    from textual.command import Provider


def _private_filter_refresh(app: App[Any]) -> Callable[[Any], None] | None:
    """Textual's private setter of the ANSI colour filter, where this Textual has one."""
    refresh = getattr(app, "_refresh_truecolor_filter", None)
    return refresh if callable(refresh) else None


class ReportDiffApp(App[int]):
    """Read and compare reports side by side."""

    # Absolute, so subclasses defined elsewhere (benchmarks, tests) still find it.
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "reportdiff"
    # A callable, so textual.command (~15 ms to import) loads when the palette opens.
    COMMANDS = App.COMMANDS | {lambda: _report_commands()}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", N_("Quit"), id="quit", tooltip=N_("Quit reportdiff")),
        Binding("question_mark,f1", "help", N_("Help"), id="help", tooltip=N_("List every key")),
        Binding(
            "e",
            "export",
            N_("Export"),
            id="export",
            tooltip=N_("Write the comparison as Markdown (asks where; downloads when served)"),
        ),
        Binding(
            "a",
            "pick_report('open')",
            N_("Add report"),
            id="open-report",
            show=False,
            tooltip=N_("Open another report in a new pane (or add a file to the library)"),
        ),
        Binding(
            "r",
            "pick_report('swap')",
            N_("Swap report"),
            id="swap-report",
            show=False,
            tooltip=N_("Show another report in the focused pane"),
        ),
        Binding(
            "T",
            "targets",
            N_("Targets"),
            id="targets-view",
            show=False,
            tooltip=N_("The oldest report's targets beside the next one's results"),
        ),
        Binding(
            "g",
            "chart",
            N_("Chart"),
            id="chart",
            show=False,
            tooltip=N_("Chart a term's rate or an indicator across the reports"),
        ),
        Binding(
            "t",
            "cycle_theme",
            N_("Theme"),
            id="cycle-theme",
            show=False,
            tooltip=N_("Switch between the reportdiff dark and light themes"),
        ),
    ]

    @dataclass
    class AnalysisReady(Message):
        """The comparison worker finished."""

        comparison: Comparison

    class HighlightsShown(Message):
        """Posted after the first refresh that displays the comparison's highlights."""

    @dataclass
    class AnalysisFailed(Message):
        """The comparison could not be computed; reading still works."""

        reason: str
        reports: list[Report] | None = None
        """The reports it was for (None: the ones on screen)."""

    def __init__(
        self,
        reports: list[Report],
        *,
        export_dir: Path | None = None,
        analyse: bool = True,
        search: str | None = None,
    ) -> None:
        """Create the app.

        Args:
            reports: The reports to show, in comparison order.
            export_dir: The folder ``e`` offers (default: the last one used, else the
                current directory).
            analyse: Run the comparison (off only for looking at the bare reader).
            search: Search for this once the text is on screen, so the reader opens at
                its first match (``reportdiff search Q --open``).
        """
        super().__init__()
        localize_bindings(self)
        # Chinese labels are two cells a character: app.tcss tightens the Footer for them.
        self.set_class(current_language() == "zh", "-lang-zh")
        self.reports = reports
        self.export_dir = export_dir
        self.analyse_on_mount = analyse
        self.initial_search = search
        self.comparison: Comparison | None = None
        self._analysis: AnalysisProcess | None = None
        self._theme_loaded = False
        self._first_frame = threading.Event()
        self._startup_gc = False
        """The collector is off until the first frame (set by :meth:`run`)."""
        self._leaving = False
        for theme in load_themes():
            self.register_theme(theme)
        config = load_config()  # read once: this is the start-up path
        self.config_problem = config.problem
        """Why config.json was ignored this run (reported once the screen is up), or None."""
        # The theme chosen in the app last time wins over config.json's default theme.
        saved = load_state().get("theme", config.settings.get("theme"))
        self._start_theme(
            saved if isinstance(saved, str) and saved in self.available_themes else DEFAULT_THEME
        )
        self._theme_loaded = True
        keymap = config.settings.get("keymap")
        self.user_keymap: dict[str, str] = {}
        """Keys the user remapped by binding id in config.json (``{"keymap": {"next-paragraph": "x"}}``)."""
        if isinstance(keymap, dict):
            self.user_keymap = {str(k): str(v) for k, v in keymap.items()}
            self.set_keymap(self.user_keymap)

    _theme_chosen = False
    """False while Textual's ``App.__init__`` runs (see :meth:`get_css_variables`)."""

    def get_css_variables(self) -> dict[str, str]:
        """The CSS variables of the current theme (as :meth:`App.get_css_variables`).

        ``App.__init__`` asks for them once with Textual's default theme, before ours is
        chosen; that result would be replaced at once (:meth:`_start_theme`), so it is not
        computed (generating a theme's colour system takes ~1.5 ms of start-up).
        """
        if not self._theme_chosen:
            return {}
        return super().get_css_variables()

    def _start_theme(self, name: str) -> None:
        """Make ``name`` the theme before anything is styled.

        Assigning ``self.theme`` runs Textual's watcher, which queues a ``refresh_css``:
        once the screen is up it parses every stylesheet a second time and re-styles
        every widget, several ms of the first frame. Nothing is styled yet, so the
        watcher's work is done here directly: the value, the mode classes, the ANSI
        colour filter and the CSS variables the first parse will use.

        Only public API is relied on: the ANSI colour filter has no public setter, so
        where this Textual has no ``_refresh_truecolor_filter`` (it is private and may
        go) the theme is assigned the public way, which costs the extra re-style but
        draws the same (``test_theme_switch_is_remembered`` checks the saved theme is
        the one drawn, on whatever Textual the tested range installs).
        """
        refresh_filter = _private_filter_refresh(self)
        if refresh_filter is None:
            self._theme_chosen = True
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        theme = self.current_theme
        self.set_class(theme.dark, "-dark-mode", update=False)
        self.set_class(not theme.dark, "-light-mode", update=False)
        self.add_class(f"-theme-{name}", update=False)
        refresh_filter(self.ansi_theme)
        self._theme_chosen = True
        self.stylesheet.set_variables(self.get_css_variables())

    def run(self, **kwargs: Any) -> int | None:
        """Run the app (arguments as :meth:`textual.app.App.run`).

        The garbage collector is off until the first frame is shown: start-up allocates
        some 300k objects that nearly all live as long as the process (Textual's modules,
        the parsed reports, the widgets), and each collection would scan them again,
        several milliseconds of the time to first text. After the first frame they are
        frozen (kept out of every later scan) and collection resumes. The little garbage
        made on the way (about 3k objects, half a MiB: replaced style caches) is frozen
        with them, a fixed cost chosen over a full collection in the first frame. Reports
        are read before this, with the collector on (a PDF's parse makes much garbage).
        Only here, not in ``__init__``: a test process creates many apps and their
        garbage must stay collectable. (``reportdiff A B`` also turns collection off
        while it imports Textual.)
        """
        self._startup_gc = True
        gc.disable()
        try:
            return super().run(**kwargs)
        finally:
            gc.enable()

    def _first_frame_shown(self) -> None:
        """The reports' text is on screen: let the analysis start; resume collection."""
        if self._startup_gc:
            self._startup_gc = False
            gc.freeze()
            gc.enable()
        self._first_frame.set()

    def get_default_screen(self) -> Screen[None]:
        """The reader is the base screen."""
        return ReaderScreen(self.reports)

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen: the uppermost on the stack (see :meth:`show_reports`)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        raise AssertionError("no reader screen on the stack")

    def on_mount(self) -> None:
        """Start the comparison in the background, once the first frame is shown."""
        self.call_after_refresh(self._first_frame_shown)
        if self.initial_search:
            query = self.initial_search
            self.call_after_refresh(lambda: self.reader.search(query))
        if self.config_problem:
            self.notify(self.config_problem, severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self._note_time_order)
        if self.analyse_on_mount and self.comparing:
            self.analyse()

    def _note_time_order(self) -> None:
        """Say so when the reports run back in time: Δ runs from the first to the others."""
        from reportdiff.core.timeorder import time_order_notes

        if self.comparing:
            for note in time_order_notes(self.reports):
                self.notify(note, severity="warning", timeout=10, markup=False)

    @property
    def comparing(self) -> bool:
        """Whether a comparison runs: it needs two reports (one open is read alone)."""
        return len(self.reports) >= 2

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No Export in the Footer with one report: there is nothing to compare (``e`` says so,
        see :meth:`ReaderScreen.on_key`)."""
        if action == "export":
            return self.comparing
        return True

    def watch_theme(self, theme: str) -> None:
        """Remember the theme the user chose."""
        if self._theme_loaded:
            try:
                remember("theme", theme)
            except OSError as exc:
                self.notify(
                    _("could not save the theme: {exc}").format(exc=exc),
                    severity="warning",
                    markup=False,
                )

    @work(thread=True, exclusive=True, group="analysis")
    def analyse(self) -> None:
        """Run the comparison in a child process; this thread only waits and posts back."""
        # Start the child interpreter once the first frame is out: spawning it costs
        # the UI ~15 ms of CPU, and the reports' text comes first. (The worker itself
        # starts at mount, so whoever waits for the workers waits for the analysis.)
        self._first_frame.wait(timeout=2.0)
        if self._leaving:
            return
        from reportdiff.tui.analysis import AnalysisCrashed, AnalysisProcess

        reports = self.reports
        process = AnalysisProcess(reports)
        self._analysis = process
        try:
            cmp = process.run()
        except ReportError as exc:
            self.post_message(self.AnalysisFailed(str(exc), reports))
            return
        except AnalysisCrashed as exc:
            # The reader stays usable without highlights; the user sees what failed.
            self.post_message(
                self.AnalysisFailed(_("analysis failed ({exc})").format(exc=exc), reports)
            )
            return
        finally:
            if self._analysis is process:  # a newer comparison may have started meanwhile
                self._analysis = None
        self.post_message(self.AnalysisReady(cmp))

    def exit(
        self,
        result: int | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """Quit; a comparison still running is stopped rather than waited for."""
        self._leaving = True
        self._first_frame.set()  # a worker still waiting for it gives up at once
        if self._analysis is not None:
            self._analysis.stop()
        super().exit(result, return_code, message)

    def show_reports(self, reports: list[Report], *, focus: int = 0) -> None:
        """Show ``reports`` instead (another report opened or swapped in), then compare them.

        A new reader replaces the old one, as at start: the text at once, the comparison
        in the background. One still running for the old reports is stopped.
        """
        if self._analysis is not None:
            self._analysis.stop()
        self.reports = reports
        self.comparison = None
        reader = ReaderScreen(reports, focus=focus)
        if self.reader is self.screen_stack[0]:
            # Textual cannot switch away from the base screen (it has no result callback to
            # pop): the first new reader goes on top of it, later ones replace that one.
            # The base stays underneath, hidden, holding the reports of the first start.
            self.push_screen(reader)
        else:
            self.switch_screen(reader)
        self.refresh_bindings()  # Export comes or goes with the second report
        self._note_time_order()
        if self.analyse_on_mount and self.comparing:
            self.analyse()

    def _stale(self, reports: tuple[Report, ...] | list[Report] | None) -> bool:
        """Whether an analysis result is for reports no longer on screen."""
        return reports is not None and list(reports) != list(self.reports)

    @on(AnalysisReady)
    def _analysis_ready(self, event: AnalysisReady) -> None:
        if self._stale(event.comparison.reports):
            return
        self.comparison = event.comparison
        self.reader.show_comparison(event.comparison)
        self.call_after_refresh(self.post_message, self.HighlightsShown())

    @on(AnalysisFailed)
    def _analysis_failed(self, event: AnalysisFailed) -> None:
        if self._stale(event.reports):
            return
        self.reader.show_analysis_failed(event.reason)
        self.notify(
            _("no highlights: {reason}").format(reason=event.reason),
            severity="warning",
            markup=False,
        )

    # ----- actions ------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands, their titles and help in the interface language."""
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))

    def action_command_palette(self) -> None:
        """The Ctrl+P palette, its placeholder in the interface language."""
        from reportdiff.tui.textual_messages import PALETTE_PLACEHOLDER
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder=_(PALETTE_PLACEHOLDER))
            )

    def search_themes(self) -> None:
        """Textual's theme palette (palette → Theme), its placeholder in the interface language.

        The themes keep their names (``textual-dark`` …): names, as ``config.json`` takes them.
        """
        from reportdiff.tui.textual_messages import THEME_PLACEHOLDER
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=_(THEME_PLACEHOLDER))
        )

    def action_help(self) -> None:
        """Show every binding."""
        from reportdiff.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_pick_report(self, mode: str) -> None:
        """Choose a report to open in a new pane (``open``) or in the focused one (``swap``)."""
        from reportdiff.tui.switching import pick_report

        if self.screen is self.reader:
            pick_report(self, "swap" if mode == "swap" else "open")

    def action_targets(self) -> None:
        """Open the targets view (oldest report's targets, the next one's results)."""
        from reportdiff.tui.screens.targets import open_targets

        open_targets(self)

    def action_cycle_theme(self) -> None:
        """Switch between our dark and light themes."""
        if self.theme in THEME_NAMES:
            i = THEME_NAMES.index(self.theme)
            self.theme = THEME_NAMES[(i + 1) % len(THEME_NAMES)]
        else:
            self.theme = DEFAULT_THEME
        self.notify(_("theme: {theme}").format(theme=self.theme), timeout=2, markup=False)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG of the screen (the palette's "Save screenshot").

        Textual saves into the user's Downloads folder, which many machines do not have,
        and the write then fails: the screenshot goes to the folder exports go to (the last
        one used, else the working directory). Textual reports the outcome.
        """
        from reportdiff.tui.export import start_folder

        folder = Path(path) if path else start_folder(self.export_dir)
        self.deliver_screenshot(filename, str(folder))

    def action_chart(self) -> None:
        """Open the chart screen on the mouse selection, else the last search (tui/screens/chart.py)."""
        from reportdiff.tui.screens.chart import ChartScreen

        reader = self.reader
        term = (reader.get_selected_text() or "").strip() or reader.search_query
        self.push_screen(ChartScreen(list(reader.reports), term.split("\n")[0][:40]))

    def action_export(self) -> None:
        """Ask where to write the comparison as Markdown, then write it (tui/export.py)."""
        cmp = self.comparison
        if not self.comparing:
            self.notify(
                _("one report open: nothing to compare (a opens another)"),
                severity="warning",
                markup=False,
            )
            return
        if cmp is None:
            self.notify(
                _("still analysing: nothing to export yet"), severity="warning", markup=False
            )
            return
        from reportdiff.tui.export import ask_and_export

        ask_and_export(self, cmp)


def _report_commands() -> type[Provider]:
    from reportdiff.tui.commands import ReportCommands

    return ReportCommands


def run_app(reports: list[Report]) -> int:
    """Open the TUI on ``reports``; return the exit code."""
    result = ReportDiffApp(reports).run()
    return 0 if result is None else int(result)
