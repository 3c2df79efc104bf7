"""The one exception type the CLI turns into a one-line message for the user."""

CANNOT_WRITE = 2
"""The exit code of every output that cannot be written (``-o`` into a missing folder, a
refused or read-only place, a full disk, a closed standard output): like an unknown id, an
argument the command cannot use (the README's exit codes)."""


class ReportError(Exception):
    """A problem the user can fix: unknown id, unreadable file, bad option.

    The message is one line, says what is wrong and, where it can, what to do.
    The CLI prints it as ``reportdiff: <message>`` and exits with :attr:`exit_code`.
    """

    exit_code: int = 1

    def __init__(self, message: str, *, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
