"""The program ``reportdiff serve`` runs for each browser: the reader, on textual-serve's driver.

``python -m reportdiff.tui.served A B`` resolves the reports and runs the app. It is
started by textual-serve with ``TEXTUAL_DRIVER`` set to Textual's web driver, so it has
no terminal of its own (``reportdiff open`` would refuse to start without one).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reportdiff.core.errors import ReportError


def main(argv: Sequence[str] | None = None) -> int:
    """Open the reader on the given report ids or paths; return the exit code."""
    refs = list(sys.argv[1:] if argv is None else argv)
    if refs[:1] == ["--lang"] and len(refs) >= 2:
        # `reportdiff serve --lang zh …` passes its language on to each browser's reader.
        from reportdiff.core.i18n import set_language

        set_language(refs[1])
        refs = refs[2:]
    from reportdiff.core.storage.resolve import resolve_report

    try:
        reports = [resolve_report(ref) for ref in refs]
    except ReportError as exc:
        print(f"reportdiff: {exc}", file=sys.stderr)
        return exc.exit_code
    from reportdiff.tui.app import run_app

    return run_app(reports)


if __name__ == "__main__":
    raise SystemExit(main())
