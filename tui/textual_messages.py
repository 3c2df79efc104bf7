"""Textual's own words that reportdiff shows, marked so tools/i18n.py puts them in our catalog.

Textual has no message catalogs. Its binding descriptions reach the Footer and the help
screen through :func:`reportdiff.tui.localize.localize_bindings`; its palette commands
through ``ReportDiffApp.get_system_commands``. These are Textual 8.2's words (pinned in
pyproject); a word a later Textual changes simply stays English until extracted again.
"""

from __future__ import annotations

from reportdiff.core.i18n import N_

BINDINGS = (
    # App and Screen
    N_("Quit"),
    N_("Quit the app and return to the command prompt."),
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Copy selected text"),
    N_("palette"),
    N_("Open the command palette"),
    # a report pane's scrolling keys (ScrollView)
    N_("Scroll Up"),
    N_("Scroll Down"),
    N_("Scroll Left"),
    N_("Scroll Right"),
    N_("Scroll Home"),
    N_("Scroll End"),
    N_("Page Up"),
    N_("Page Down"),
    N_("Page Left"),
    N_("Page Right"),
)
"""Descriptions of Textual's bindings that the Footer or the help screen can show."""

SYSTEM_COMMANDS = (
    N_("Bell"),
    N_("Ring the bell"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
"""Textual's commands in the Ctrl+P palette (titles and help lines)."""

PALETTE_PLACEHOLDER = N_("Search for commands…")
"""The palette's input placeholder."""

THEME_PLACEHOLDER = N_("Search for themes…")
"""The theme palette's placeholder (``App.search_themes``, overridden to translate it)."""
