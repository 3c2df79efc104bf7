"""argparse's own messages, marked so tools/i18n.py puts them in our catalog.

argparse translates through gettext under its own domain, which ships no Chinese;
:func:`reportdiff.core.i18n.install_argparse` sends its lookups through our catalog
instead. These are the messages a user of ``reportdiff`` can see (Python 3.11–3.13 wording);
a message argparse words differently in another version simply stays English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportdiff.core.i18n import N_, _, ngettext

if TYPE_CHECKING:
    import argparse

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


METAVARS = (
    N_("REPORT"),
    N_("report"),
    N_("reports"),
    N_("FILE"),
    N_("FILE|DIR"),
    N_("DIR"),
    N_("SEEDS_DIR"),
    N_("ID"),
    N_("YEAR"),
    N_("YEAR[-YEAR]"),
    N_("REGION"),
    N_("ENCODING"),
    N_("PORT"),
    N_("HOST"),
    N_("QUERY"),
    N_("PLAN"),
    N_("REVIEW"),
    N_("NAME"),
    N_("COMMAND"),
)
"""The placeholders ``--help`` shows for values (``-o FILE``), ours or argparse's own
(``--region REGION``, from the option's name). One-letter ones (N, K, T) stay as they are."""


def localize_metavars(parser: argparse.ArgumentParser) -> None:
    """Show the value placeholders of ``parser`` and its sub-commands in the interface
    language (``-o 文件``), in help, usage and error messages alike.

    argparse never translates a metavar, and derives the missing ones from the option's
    name (``--region`` → ``REGION``, positional ``reports``): each is set here, translated,
    so the descriptions that name them (``写到 文件 而不是标准输出``) can say the same.
    """
    import argparse

    base: Any = parser.formatter_class  # a class, typed by typeshed as a callable
    if isinstance(base, type) and not issubclass(base, _CellWidths):
        cells: Any = type(f"Cells{base.__name__}", (_CellWidths, base), {})
        parser.formatter_class = cells
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in {id(p): p for p in action.choices.values()}.values():
                localize_metavars(sub)
        if action.nargs == 0 or (action.metavar is None and action.choices is not None):
            continue  # a flag, or choices shown as {md,json}
        metavar = action.metavar
        if metavar is None:
            metavar = action.dest.upper() if action.option_strings else action.dest
        if isinstance(metavar, str):
            action.metavar = _(metavar)


def _cells(text: str) -> int:
    """Terminal cells of ``text``: a Han character takes two."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


class _CellWidths:
    """A help formatter mixin that lines the help column up by terminal cells.

    argparse pads an option's invocation with ``%-*s`` (characters): ``目标报告`` is four
    characters but eight cells, and its help started four cells right of the others'.
    """

    def _format_action(self, action: argparse.Action) -> str:
        text: str = super()._format_action(action)  # type: ignore[misc]
        header: str = self._format_action_invocation(action)  # type: ignore[attr-defined]
        extra = _cells(header) - len(header)
        at = text.find(header)
        end = at + len(header)
        rest = text[end:]
        gap = len(rest) - len(rest.lstrip(" "))
        if extra <= 0 or at < 0 or not gap:
            return text  # no wide character, or the help is on the next line already
        if gap >= extra + 2:
            return text[:end] + rest[extra:]
        # Too wide for the help's column once counted in cells: the help goes below.
        return text[:end] + "\n" + " " * (end + gap) + rest[gap:]
