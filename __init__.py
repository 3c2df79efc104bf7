"""reportdiff: read and compare long Chinese government reports in the terminal.

The package is a library first (:mod:`reportdiff.core`, which knows nothing of the
UI) with a command line (:mod:`reportdiff.cli`) and a Textual app
(:mod:`reportdiff.tui`) on top. Importing this package does no work.
"""

__version__ = "0.1.0"
