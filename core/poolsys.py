"""What the worker pool (:mod:`reportdiff.core.parallel`) leaves with the system.

Workers hand results back as files in a folder of their caller's (memory-backed
``/dev/shm`` where it can be written); a caller killed before it cleaned up leaves its
folder behind, which the next pool sweeps. A worker is ended by the kernel when its
caller ends, however it ends.
"""

from __future__ import annotations

import contextlib
import os

RESULTS_PREFIX = "reportdiff-pool-"
"""Results folders are ``<prefix><pid of the caller>-<random>``."""


def die_with(parent: int) -> None:
    """Have the kernel end this worker when its parent ends, however it ends (the TUI
    terminates its analysis process when the user quits: its workers must not go on)."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)


def results_base() -> str:
    """Where workers leave their results: memory-backed /dev/shm if writable, else temp."""
    import tempfile

    shm = "/dev/shm"
    return shm if os.access(shm, os.W_OK) else tempfile.gettempdir()


def sweep(base: str) -> None:
    """Remove results folders left by callers that were killed (they never cleaned up)."""
    import shutil

    with contextlib.suppress(OSError), os.scandir(base) as entries:
        for entry in entries:
            if not entry.name.startswith(RESULTS_PREFIX):
                continue
            pid = entry.name[len(RESULTS_PREFIX) :].split("-", 1)[0]
            if not pid.isdigit() or int(pid) == os.getpid():
                continue
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:  # its caller is gone
                shutil.rmtree(entry.path, ignore_errors=True)
            except OSError:
                pass  # alive (another user's process)
