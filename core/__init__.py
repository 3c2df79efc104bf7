"""The reportdiff library: report model, parsing, comparison and export.

Nothing here imports the UI (textual, rich or :mod:`reportdiff.tui`); a test proves it.
Importing this package reads no files, loads no dictionary and imports none of its
modules: the names below load on first use (PEP 562), so ``reportdiff A B`` does not pay
for the comparison model before its first frame.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOME = {
    "AlignedRow": "comparison",
    "Comparison": "comparison",
    "NodeRef": "comparison",
    "NumberPair": "comparison",
    "Quantity": "comparison",
    "SharedPhrase": "comparison",
    "ReportError": "errors",
    "Block": "model",
    "Report": "model",
    "ReportMeta": "model",
    "Section": "model",
    "Span": "model",
}

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


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is not None:
        value = getattr(import_module(f"{__name__}.{module}"), name)
    else:
        # ``reportdiff.core.model`` after ``import reportdiff.core``, as when the
        # submodules were imported eagerly.
        try:
            value = import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
