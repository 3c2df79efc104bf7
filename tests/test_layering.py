"""core/ must be usable without the UI: no textual, rich or reportdiff.tui in sys.modules."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
import reportdiff.core

CORE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(reportdiff.core.__path__, prefix="reportdiff.core.")
)
CORE_DIR = Path(reportdiff.core.__path__[0])
# The stages of core/, earliest first: a module may import from its own stage or an
# earlier one, never a later one. The foundation (model, comparison, errors, paths,
# atomic) sits at the top of core/ and imports no stage.
STAGES = {"sources": 1, "text": 2, "storage": 3, "analysis": 4}


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
        "import reportdiff.core\nprint(reportdiff.core.model.Report.__name__)\n"
    ).split() == ["Report"]


def _stage(module: str) -> int:
    """A ``reportdiff.core`` module's stage number (0 for the foundation)."""
    parts = module.split(".")
    return STAGES.get(parts[2], 0) if len(parts) > 2 else 0


def test_core_stages_import_only_earlier_stages() -> None:
    """Every import inside core/ runs from a later stage to an earlier one (or within one)."""
    assert {p.name for p in CORE_DIR.iterdir() if p.is_dir() and p.name in STAGES} == set(STAGES)
    bad = []
    for path in CORE_DIR.rglob("*.py"):
        rel = path.relative_to(CORE_DIR).with_suffix("")
        module = "reportdiff.core." + ".".join(rel.parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module]
                if node.module in ("reportdiff.core", *(f"reportdiff.core.{s}" for s in STAGES)):
                    targets = [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for target in targets:
                if target.startswith("reportdiff.core.") and _stage(target) > _stage(module):
                    bad.append(f"{module} imports {target}")
    assert bad == []


def test_reader_start_up_imports_no_analysis() -> None:
    """The reader's first frame shows text only: importing the app brings neither the
    comparison model nor any analysis module (they arrive with the comparison)."""
    out = python_out(
        "import sys\nimport reportdiff.tui.app\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(("
        "'reportdiff.core.comparison', 'reportdiff.core.analysis')))))\n"
    ).strip()
    assert out == ""
