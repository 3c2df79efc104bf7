"""Our own themes: read ``themes/*.tcss`` (``$name: value;`` lines) into Textual Themes."""

from __future__ import annotations

import re

from reportdiff.core.paths import PACKAGE_ROOT
from textual.theme import Theme

THEME_NAMES: tuple[str, ...] = ("reportdiff-dark", "reportdiff-light")
"""Our themes, by file name under ``themes/`` (without ``.tcss``)."""

DEFAULT_THEME = "reportdiff-dark"

_FIELDS = frozenset(
    {
        "primary",
        "secondary",
        "warning",
        "error",
        "success",
        "accent",
        "foreground",
        "background",
        "surface",
        "panel",
        "boost",
    }
)
_DECL = re.compile(r"^\s*\$([a-z0-9-]+)\s*:\s*([^;]+);", re.MULTILINE)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def parse_theme(name: str, source: str) -> Theme:
    """Build a Theme from ``$variable: value;`` declarations.

    Theme fields (primary, accent, background …) and ``$dark`` set the Theme's
    attributes; any other variable goes to :attr:`Theme.variables`.

    >>> parse_theme("t", "$dark: false; $primary: #123456;").dark
    False
    """
    values = dict(_DECL.findall(_COMMENT.sub("", source).replace(";", ";\n")))
    fields = {k: v.strip() for k, v in values.items() if k in _FIELDS}
    variables = {k: v.strip() for k, v in values.items() if k not in _FIELDS and k != "dark"}
    if "primary" not in fields:
        raise ValueError(f"theme {name} has no $primary")
    dark = values.get("dark", "true").strip().lower() != "false"
    return Theme(name=name, dark=dark, variables=variables, **fields)


def load_themes() -> list[Theme]:
    """Our themes from the package data (read when the app starts, not at import)."""
    folder = PACKAGE_ROOT / "themes"
    return [
        parse_theme(name, (folder / f"{name}.tcss").read_text(encoding="utf-8"))
        for name in THEME_NAMES
    ]
