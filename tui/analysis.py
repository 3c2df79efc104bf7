"""Run ``compare()`` in a child process, so the UI never waits for the GIL.

jieba's dictionary load and the alignment are pure Python holding the GIL in long
stretches; run in a thread of the UI process they delayed key presses by ~250 ms on a
first run. A child interpreter (``python -m reportdiff.tui.analysis``: no Textual
imported, ~0.1 s to start) does the work; the reports go in and the Comparison comes back
as pickles over its stdin/stdout, and the app's thread worker only waits on the pipe.
A plain subprocess rather than multiprocessing: multiprocessing's fd passing failed
under Textual's driver (``bad value(s) in fds_to_keep``).
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from dataclasses import replace

from reportdiff.core.comparison import Comparison
from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import Report


class AnalysisCrashed(Exception):
    """compare() raised something other than a ReportError, or the child died."""


def main() -> None:
    """The child: read the reports from stdin, write ``(kind, payload)`` to stdout."""
    from reportdiff.core.fastre import speed_up

    speed_up()  # before the engine's modules compile their patterns (core/fastre.py)
    reports: list[Report] = pickle.load(sys.stdin.buffer)
    result: tuple[str, object]
    try:
        from reportdiff.core.analysis.compare import compare

        result = ("ok", compare(reports))
    except ReportError as exc:
        result = ("error", str(exc))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which shows it
        result = ("crash", f"{type(exc).__name__}: {exc}")
    pickle.dump(result, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()


class AnalysisProcess:
    """One comparison in a child process; :meth:`stop` ends it early (on quit)."""

    def __init__(self, reports: list[Report]) -> None:
        self.reports = reports
        self._process: subprocess.Popen[bytes] | None = None

    def run(self) -> Comparison:
        """Start the child and block until it answers (call from a worker thread).

        Raises:
            ReportError: compare() refused the reports (e.g. fewer than two).
            AnalysisCrashed: compare() failed otherwise, or the child died.
        """
        process = subprocess.Popen(
            [sys.executable, "-m", "reportdiff.tui.analysis"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._process = process
        data = pickle.dumps(self.reports, protocol=pickle.HIGHEST_PROTOCOL)
        out, err = process.communicate(data)
        if process.returncode != 0 or not out:
            last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise AnalysisCrashed(_("the analysis process failed: {value}").format(value=last[0]))
        kind, payload = pickle.loads(out)
        if kind == "ok":
            assert isinstance(payload, Comparison)
            # The caller's own Report objects, not the unpickled copies.
            return replace(payload, reports=tuple(self.reports))
        if kind == "error":
            raise ReportError(str(payload))
        raise AnalysisCrashed(str(payload))

    def stop(self) -> None:
        """End the child if it is still working (the user quit during the analysis)."""
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()


if __name__ == "__main__":
    main()
