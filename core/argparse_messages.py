"""argparse's own messages, marked so tools/i18n.py puts them in our catalog.

argparse translates through gettext under its own domain, which ships no Chinese;
:func:`reportdiff.core.i18n.install_argparse` sends its lookups through our catalog
instead. These are the messages a user of ``reportdiff`` can see (Python 3.11–3.13 wording);
a message argparse words differently in another version simply stays English.
"""

from __future__ import annotations

from reportdiff.core.i18n import N_, ngettext

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("%(heading)s:"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _plurals(n: int) -> tuple[str, ...]:
    # Never called: marks argparse's plural messages for extraction.
    return (ngettext("expected %s argument", "expected %s arguments", n),)
