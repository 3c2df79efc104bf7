"""``reportdiff open`` (``reportdiff A B``, the reader) and ``reportdiff serve`` (it in a browser)."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace


def add_open(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``open``."""
    p = sub.add_parser(
        "open",
        help=_("open reports side by side in the TUI (the default command)"),
        description=_(
            "Open two or more reports side by side. `reportdiff A B` is short "
            "for `reportdiff open A B`."
        ),
    )
    p.add_argument("reports", nargs="+", help=_("report ids or file paths"))
    p.set_defaults(handler=cmd_open)


def cmd_open(args: argparse.Namespace | SimpleNamespace) -> int:
    from reportdiff.core.storage.resolve import resolve_report

    # Reading a file (a PDF above all) makes garbage: the collector is still on here.
    reports = [resolve_report(ref) for ref in args.reports]
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Without a terminal Textual would write escape codes into a pipe and wait forever.
        # Suggest a command that works: export compares, so it needs two reports.
        if len(reports) < 2:
            import shlex

            raise ReportError(
                _("the reader needs a terminal; to print the report use `{command}`").format(
                    command="reportdiff show " + shlex.quote(args.reports[0])
                ),
                exit_code=2,
            )
        raise ReportError(
            _("the reader needs a terminal; for a file use `{command}`").format(
                command="reportdiff export " + " ".join(args.reports) + " -o comparison.md"
            ),
            exit_code=2,
        )
    # No garbage collection while Textual loads: what it allocates lives as long as the
    # app, and repeated scans of it cost ~10 ms of start-up. The app turns collection back
    # on after its first frame (ReportDiffApp.run); this is for the way there.
    gc.disable()
    try:
        from reportdiff.tui.app import run_app

        return run_app(reports)
    finally:
        gc.enable()


def add_serve(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``serve``."""
    p = sub.add_parser(
        "serve",
        help=_("open reports in a web browser (the same reader, served by textual-serve)"),
        description=_(
            "Serve the reader on this machine: each browser tab that opens the "
            "address runs `reportdiff A B` in a terminal drawn in the page. Exports from it "
            "are downloads. Only loopback addresses (127.0.0.1, ::1, localhost) are served: "
            "the reader can open any file the server can read. Stop it with Ctrl+C. "
            "Needs textual-serve (pip install 'reportdiff[serve]')."
        ),
    )
    p.add_argument(
        "reports", nargs="+", metavar="REPORT", help=_("two or more report ids or file paths")
    )
    p.add_argument("--port", type=int, default=8000, help=_("TCP port (default: 8000)"))
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help=_("loopback address to listen on (default: 127.0.0.1)"),
    )
    p.set_defaults(handler=_cmd_serve)


def _cmd_serve(args: argparse.Namespace) -> int:
    import ipaddress
    import shlex
    from pathlib import Path

    from reportdiff.core.storage.resolve import resolve_report

    try:
        loopback = args.host == "localhost" or ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ReportError(
            _("--host {host}: only loopback addresses are served (127.0.0.1, ::1)").format(
                host=args.host
            ),
            exit_code=2,
        )
    if not 0 < args.port < 65536:
        raise ReportError(
            _("--port {port}: not a TCP port (1–65535)").format(port=args.port), exit_code=2
        )
    if len(args.reports) < 2:
        raise ReportError(_("serve needs at least two reports to compare"), exit_code=2)
    refs = []
    for ref in args.reports:
        resolve_report(ref)  # an unknown id or unreadable file fails here, in one line
        # The app runs as a child of the server: give it paths that do not depend on a cwd.
        refs.append(str(Path(ref).resolve()) if Path(ref).exists() else ref)
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ReportError(
            _("serving needs textual-serve: pip install 'reportdiff[serve]'")
        ) from None
    from reportdiff.core.i18n import current_language

    # The reader in each browser speaks the language this command was given or chose.
    lang = ["--lang", current_language()]
    command = shlex.join([sys.executable, "-m", "reportdiff.tui.served", *lang, *refs])
    # The page's title is fixed: a path given on the command line is not for the page.
    server = Server(command, host=args.host, port=args.port, title="reportdiff")
    try:
        server.serve()
    except OSError as exc:  # the port is taken, the address is not this machine's
        raise ReportError(
            _("cannot serve on {host}:{port}: {reason}").format(
                host=args.host, port=args.port, reason=exc.strerror or exc
            )
        ) from None
    return 0
