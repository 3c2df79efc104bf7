"""The message catalog is complete and current, and no user-facing literal bypasses it.

Both checks are ``tools/i18n.py``'s own (``check`` and ``scan``), so what fails here is what
the lead runs after merging a branch: ``python tools/i18n.py extract`` lists the new
messages, ``check`` the untranslated ones.
"""

from __future__ import annotations

import ast
import gettext
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytest.importorskip("babel", reason="Babel (a test dependency) reads and extracts catalogs")


def _tools():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("i18n_tools", REPO / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalog_is_complete_current_and_compiled() -> None:
    """Every message in the code is translated, none is unused, placeholders agree, and
    the committed .mo is compiled from the .po."""
    assert _tools().problems() == []


def test_compiled_catalog_is_what_gettext_loads() -> None:
    tools = _tools()
    catalog = gettext.GNUTranslations(tools.MO.open("rb"))
    assert catalog.gettext("Comparison: {title}") == "报告对比：{title}"
    assert catalog.gettext("usage: ") == "用法："
    assert len(catalog._catalog) > 400  # type: ignore[attr-defined]


def test_no_user_facing_literal_outside_the_catalog() -> None:
    """argparse help/description, ReportError, notify, Binding descriptions and tooltips,
    dialogs, Text/Static/Label contents: a literal with English words there is a bug."""
    assert list(_tools().stray_literals()) == []


def test_scan_finds_a_stray_literal(tmp_path: Path) -> None:
    """The scan itself catches each kind of call it is meant to (so an empty result means
    something)."""
    tools = _tools()
    source = tmp_path / "stray.py"
    source.write_text(
        "raise ReportError(f'no such report: {x}')\n"
        "Binding('q', 'quit', 'Quit', tooltip=N_('Quit reportdiff'))\n"
        "self.notify('export cancelled')\n"
        "p.add_argument('--x', help='some help text')\n"
        "ok = ReportError(_('translated {x}').format(x=1))\n"
        "Static('·')\n",
        encoding="utf-8",
    )
    tools.ROOT = tmp_path
    found = list(tools.stray_literals([source]))
    assert [line.split(": ", 1)[1].split("(")[0] for line in found] == [
        "ReportError",
        "Binding",
        "notify",
        "add_argument",
    ]


def test_placeholders_are_checked() -> None:
    tools = _tools()
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="zh_CN")
    catalog.add("cannot write {path}: {strerror}", "无法写入 {path}")
    catalog.add("{name} is empty", "{name} 是空文件")
    assert tools.placeholder_mismatches(catalog) == ["'cannot write {path}: {strerror}'"]


def test_every_class_level_binding_is_marked() -> None:
    """Binding descriptions are made at import time: they must be N_() (translated per
    instance by tui/localize.py), never _() (which would freeze the import-time language)."""
    for path in sorted((REPO / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding":
                for arg in [*node.args[2:3], *(k.value for k in node.keywords)]:
                    if isinstance(arg, ast.Call) and getattr(arg.func, "id", None) == "_":
                        pytest.fail(f"{path.name}:{arg.lineno}: Binding text with _(), use N_()")
