"""Message catalogs: every user-facing string goes through ``_()``.

This is the interface the rest of the code uses; issue 15 gives it real gettext
catalogs (English default, simplified Chinese chosen from the environment or
``--lang``). Wrap every new user-facing literal: ``_("No such report: {id}").format(id=x)``.
"""

from __future__ import annotations


def _(message: str) -> str:
    """The message in the interface language (for now: as given)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for ``n`` in the interface language."""
    return singular if n == 1 else plural
