"""core/ must be usable without the UI: no textual, rich or reportdiff.tui in sys.modules."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest
import reportdiff.core

CORE_MODULES = sorted(
    f"reportdiff.core.{m.name}" for m in pkgutil.iter_modules(reportdiff.core.__path__)
)


def python_out(code: str) -> str:
    """What ``code`` prints in a fresh interpreter (whose sys.modules is its own)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def test_core_has_modules() -> None:
    assert "reportdiff.core.model" in CORE_MODULES


@pytest.mark.parametrize("module", ["reportdiff.core", *CORE_MODULES])
def test_core_module_imports_no_ui(module: str) -> None:
    """Import each core module in a fresh interpreter and check no UI module came along."""
    code = (
        "import sys, importlib\n"
        f"importlib.import_module({module!r})\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
        " or m.startswith('reportdiff.tui'))\n"
        "print(','.join(bad))\n"
    )
    out = python_out(code).strip()
    assert out == "", f"{module} pulled in UI modules: {out}"


def test_core_package_loads_its_names_on_first_use() -> None:
    """``import reportdiff.core`` imports none of its modules (``reportdiff A B`` does not pay
    for the comparison model before its first frame), yet every exported name resolves."""
    code = (
        "import sys\n"
        "import reportdiff.core\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('reportdiff.core.'))))\n"
        "from reportdiff.core import Comparison, Report\n"
        "print(Comparison.__module__, Report.__module__)\n"
    )
    out = python_out(code).splitlines()
    assert out == ["", "reportdiff.core.comparison reportdiff.core.model"]
    for name in reportdiff.core.__all__:
        assert getattr(reportdiff.core, name).__module__.startswith("reportdiff.core.")
    assert set(reportdiff.core.__all__) <= set(dir(reportdiff.core))
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        reportdiff.core.Nope  # noqa: B018
    # Submodules as attributes, as when the package imported them eagerly.
    assert python_out(
        "import reportdiff.core\nprint(reportdiff.core.samples.load_sample.__name__)\n"
    ).split() == ["load_sample"]
