"""Message catalogs: every user-facing string goes through ``_()``.

English is the source language and the default; simplified Chinese comes from the gettext
catalog ``locale/zh_CN/LC_MESSAGES/reportdiff.mo`` (domain ``reportdiff``). The language is,
first to last: ``--lang zh|en`` (the CLI calls :func:`set_language`), the ``"language"``
key of the user's ``config.json``, then the environment the way gettext reads it
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``). Only the variables are read, never
``setlocale``, so Chinese works where the zh_CN locale is not installed.

Wrap every new user-facing literal: ``_("no such report: {id}").format(id=x)`` — format
*after* translating, so the catalog holds the message with its placeholders. ``tools/i18n.py``
extracts the messages and lists the untranslated ones.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # gettext and json are imported when needed: English, the default, needs neither.
    import gettext as _gettext
    from collections.abc import Mapping

DOMAIN = "reportdiff"
"""The gettext domain: ``locale/<lang>/LC_MESSAGES/reportdiff.mo``."""

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
"""The catalogs inside the installed package."""

LANGUAGES = ("en", "zh")
"""Interface languages: English (the messages as written) and simplified Chinese."""

_CATALOG = {"zh": "zh_CN"}
"""Language → catalog directory under ``locale/``."""

ENV_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""The variables gettext reads, in its order: the first one set decides."""

_language: str | None = None
_translations: _gettext.NullTranslations | None = None
"""The Chinese catalog while Chinese is the language; None for English."""


def parse_language(value: str) -> str | None:
    """``"zh"`` or ``"en"`` for one locale name (``zh_CN.UTF-8``, ``zh-Hans``, ``en_GB``), else None.

    Every Chinese locale gives the simplified catalog, the only one there is: zh_TW, zh_HK
    and zh-Hant included, since the reports themselves are in simplified characters and a
    reader of them reads simplified better than English. ``C`` and ``POSIX`` mean English.
    """
    name = value.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if not name:
        return None
    if name in ("c", "posix") or name == "en" or name.startswith("en_"):
        return "en"
    if name == "zh" or name.startswith("zh_") or name == "chinese":
        return "zh"
    return None


def env_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, as gettext reads it; English by default.

    The first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set decides. LANGUAGE may be
    a priority list (``fr:zh_CN``): the first entry with a catalog, or English, wins, as
    with gettext, where a language without a catalog falls through to the next.
    """
    env = os.environ if environ is None else environ
    for variable in ENV_VARIABLES:
        value = env.get(variable, "")
        if not value:
            continue
        for entry in value.split(":"):
            language = parse_language(entry)
            if language is not None:
                return language
        return "en"
    return "en"


def config_language() -> str | None:
    """The ``"language"`` key of the user's ``config.json`` ("zh", "en"), or None.

    Read here rather than in tui/config.py because the CLI needs it too and core may not
    import tui. A missing or broken file is None: the reader reports a broken config itself.
    """
    import json

    from reportdiff.core.paths import config_dir

    try:
        data = json.loads((config_dir() / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    value = data.get("language") if isinstance(data, dict) else None
    if not isinstance(value, str) or value.strip().lower() in ("", "auto"):
        return None
    return parse_language(value)


def choose_language(cli: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``--lang`` if given, else the config setting, else the environment, else English."""
    if cli:
        language = parse_language(cli)
        if language is not None:
            return language
    return config_language() or env_language(environ)


def set_language(language: str | None) -> str:
    """Use ``language`` ("zh", "en"; None: choose it from config and environment) from now on.

    Returns the language set. Strings already made keep their language: call this before
    building help text or screens (the CLI does it first thing).
    """
    global _language, _translations
    chosen = choose_language() if language is None else parse_language(language)
    if chosen is None:
        chosen = "en"
    translations = None
    if chosen != "en":
        import gettext

        translations = gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[_CATALOG[chosen]], fallback=True
        )
    _language, _translations = chosen, translations
    return chosen


def current_language() -> str:
    """The interface language ("en" or "zh"), chosen on first use if nobody set it."""
    if _language is None:
        set_language(None)
    assert _language is not None
    return _language


def _(message: str) -> str:
    """The message in the interface language (English where the catalog has none)."""
    if _language is None:
        set_language(None)
    return message if _translations is None else _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for ``n`` in the interface language."""
    if _language is None:
        set_language(None)
    if _translations is None:
        return singular if n == 1 else plural
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the interface language, where the same English word means two things.

    ``pgettext("library", "added")`` (a report added to the library, 已添加) is not the
    legend's "added" (text added to a paragraph, 新增).
    """
    if _language is None:
        set_language(None)
    return message if _translations is None else _translations.pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now.

    For strings made at import time (class-level tables): translate them with ``_()`` where
    they are shown, so the language chosen at start-up applies.
    """
    return message


def install_argparse() -> None:
    """Send argparse's own messages ("usage:", "options", "error: …") through our catalog.

    argparse looks up ``_``/``ngettext`` in its module globals on every call (it imported
    them from gettext under its own domain, which has no Chinese catalog): pointing those
    names at ours translates the messages listed in ``core/argparse_messages.py``; any other
    stays English. A help section's heading gets the colon of ``_("%(heading)s:")``
    (full-width ``：`` in Chinese), which Python 3.11 hard-codes as ASCII.
    """
    import argparse

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    section = argparse.HelpFormatter._Section
    if not getattr(section, "_reportdiff_heading", False):

        class _Section(section):  # type: ignore[misc,valid-type]
            """A help section whose heading's colon is the language's (``选项：``)."""

            _reportdiff_heading = True

            def format_help(self) -> str:
                text: str = super().format_help()
                heading = self.heading
                if isinstance(heading, str) and heading != argparse.SUPPRESS:
                    # Python 3.11 appends a bare ':'; 3.12+ looks up '%(heading)s:' itself,
                    # so there the ASCII form is not found and nothing changes.
                    local = _("%(heading)s:") % {"heading": heading}
                    text = text.replace(f"{heading}:\n", f"{local}\n", 1)
                return text

        setattr(argparse.HelpFormatter, "_Section", _Section)  # noqa: B010 (a nested class)
