"""The reportdiff library: report model, parsing, comparison and export.

Nothing here imports the UI (textual, rich or :mod:`reportdiff.tui`); a test proves it.
Importing this package reads no files and loads no dictionary.
"""

from reportdiff.core.comparison import (
    AlignedRow,
    Comparison,
    NodeRef,
    NumberPair,
    Quantity,
    SharedPhrase,
)
from reportdiff.core.errors import ReportError
from reportdiff.core.model import Block, Report, ReportMeta, Section, Span

__all__ = [
    "AlignedRow",
    "Block",
    "Comparison",
    "NodeRef",
    "NumberPair",
    "Quantity",
    "Report",
    "ReportError",
    "ReportMeta",
    "Section",
    "SharedPhrase",
    "Span",
]
