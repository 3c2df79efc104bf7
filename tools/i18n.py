"""The message catalogs' tooling: extract, check, compile, scan.

    python tools/i18n.py extract   # every _()/N_()/ngettext() message → locale/reportdiff.pot,
                                   # merged into locale/zh_CN/LC_MESSAGES/reportdiff.po
    python tools/i18n.py check     # lists untranslated, fuzzy and unused messages; exit 1 if any
    python tools/i18n.py compile   # reportdiff.po → reportdiff.mo (committed, so a plain
                                   # `pip install .` needs no build step)
    python tools/i18n.py scan      # user-facing literals that bypass _() (see STRAY_CALLS)

After merging a branch with new ``_()`` strings: ``extract``, translate the entries ``check``
lists (using docs/glossary.md), ``compile``, commit the .pot, .po and .mo. Needs Babel (a test
dependency); the installed package needs only the standard library's gettext.
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository root, which is the ``reportdiff`` package."""

LOCALE = ROOT / "locale"
POT = LOCALE / "reportdiff.pot"
PO = LOCALE / "zh_CN" / "LC_MESSAGES" / "reportdiff.po"
MO = PO.with_suffix(".mo")

SOURCE_DIRS = ("", "core", "tui")
"""Where the interface's messages live: cli.py and cmd_*.py at the root, core/, tui/."""

SKIP_PARTS = {".venv", "tests", "bench", "tools", "build", "sample_data", "locale"}

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
"""What marks a message (Babel keyword spec): ``_()``, ``N_()``, ``ngettext()``, ``pgettext()``."""


def source_files() -> list[Path]:
    """The package's Python files that may hold interface messages, sorted."""
    files = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if SKIP_PARTS & set(rel.parts[:-1]):
            continue
        if len(rel.parts) > 1 and rel.parts[0] not in SOURCE_DIRS:
            continue
        files.append(path)
    return files


def extract_catalog():  # -> babel.messages.catalog.Catalog
    """A template catalog of every marked message in the package, with its locations."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract

    catalog = Catalog(project="reportdiff", domain="reportdiff", fuzzy=False, msgid_bugs_address="")
    for path in source_files():
        rel = path.relative_to(ROOT).as_posix()
        with path.open("rb") as handle:
            for lineno, message, comments, context in extract(
                "python", handle, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
            ):
                catalog.add(message, None, [(rel, lineno)], auto_comments=comments, context=context)
    return catalog


def read_po(path: Path = PO):
    from babel.messages.pofile import read_po as _read

    with path.open("rb") as handle:
        return _read(handle, locale="zh_CN", domain="reportdiff")


def _write_po(catalog, path: Path, **options) -> None:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, **options)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def extract() -> int:
    """Write the .pot and merge it into the .po (new messages empty, gone ones dropped)."""
    from babel.messages.catalog import Catalog

    template = extract_catalog()
    _write_po(template, POT, sort_output=True, include_lineno=False)
    if PO.exists():
        catalog = read_po()
    else:
        catalog = Catalog(locale="zh_CN", domain="reportdiff", project="reportdiff")
    # no_fuzzy_matching: a guessed translation of a similar message is worse than none.
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.fuzzy = False  # the header: a fuzzy header would keep the catalog out of the .mo
    _write_po(catalog, PO, sort_output=True, include_lineno=False)
    missing = untranslated(catalog)
    print(f"{len(template)} messages; {len(missing)} untranslated in {PO.relative_to(ROOT)}")
    return 0


def untranslated(catalog) -> list[str]:
    """Messages with no translation (or a fuzzy one) in ``catalog``."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def problems() -> list[str]:
    """Everything that keeps the catalog from being complete and current, one line each."""
    template = extract_catalog()
    catalog = read_po()
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    lines = [f"untranslated: {m!r}" for m in untranslated(catalog) if m in wanted]
    lines += [f"not in the catalog (run extract): {m!r}" for m in sorted(wanted - have)]
    lines += [f"unused (run extract): {m!r}" for m in sorted(have - wanted)]
    lines += [f"placeholders differ: {p}" for p in placeholder_mismatches(catalog)]
    if not MO.exists() or MO.read_bytes() != compiled(catalog):
        lines.append(f"{MO.relative_to(ROOT)} is not compiled from the .po (run compile)")
    return lines


def placeholder_mismatches(catalog) -> list[str]:
    """Messages whose translation lacks or adds a {placeholder} or %-format."""
    import re

    pattern = re.compile(r"\{[A-Za-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}|%\([a-z_]+\)[sr]|%[sr]")
    out = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        want = sorted(pattern.findall(ids[-1]))
        for string in strings:
            if string and sorted(pattern.findall(string)) != want:
                out.append(repr(ids[0]))
    return out


def compiled(catalog) -> bytes:
    """The .mo bytes for ``catalog`` (Babel's writer: sorted, so the same .po gives the same bytes)."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_mo() -> int:
    MO.write_bytes(compiled(read_po()))
    print(f"wrote {MO.relative_to(ROOT)}")
    return 0


def check() -> int:
    lines = problems()
    for line in lines:
        print(line)
    print(f"{len(lines)} problem(s)" if lines else "catalog complete")
    return 1 if lines else 0


# --- literals that bypass _() -------------------------------------------------------------

STRAY_CALLS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    # call name: (positional argument indexes, keyword names) that reach a user's eyes
    "ReportError": ((0,), ()),
    "ArgumentTypeError": ((0,), ()),
    "notify": ((0,), ("title",)),
    "Binding": ((2,), ("description", "tooltip")),
    "add_argument": ((), ("help",)),
    "add_parser": ((), ("help", "description", "epilog")),
    "ArgumentParser": ((), ("description", "epilog")),
    "add_subparsers": ((), ("title", "help")),
    "Hit": ((2,), ("help",)),
    "DiscoveryHit": ((0,), ("help",)),
    "Label": ((0,), ()),
    "Button": ((0,), ()),
    "Input": ((), ("placeholder",)),
    "Static": ((0,), ()),
    "Checkbox": ((0,), ()),
    "SystemCommand": ((0, 1), ()),
    "ConfirmScreen": ((0,), ()),
    "ExportDialog": ((), ("title", "hint")),
    "PickerScreen": ((0,), ()),
    "Config": ((1,), ()),
    "Text": ((0,), ()),
    "AnalysisFailed": ((0,), ()),
    "post_message": ((0,), ()),
    "_status": ((0,), ()),
    "damaged": ((0,), ()),
    "AnalysisCrashed": ((0,), ()),
}
"""Calls whose text arguments a user reads: a bare literal there must be ``_()`` instead."""

STRAY_ATTRIBUTES = {
    "border_title",
    "border_subtitle",
    "placeholder",
    "tooltip",
    "message",
    "title",
    "hint",
    "note",
    "problem",
    "what",
    "summary",
}
"""Attributes and variables a user reads (``self.border_title = …``, ``title = …``): a
literal assigned to one must be ``_()`` instead."""

ALLOWED_LITERALS = {
    "reportdiff",  # the program's name
    "",
    "·",
    "→",
}
"""Literals that are no prose: names and symbols, the same in every language."""


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _is_prose(node: ast.AST) -> bool:
    """A literal (or f-string) with a Latin word in it, not in the allow-list."""
    import re

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    elif isinstance(node, ast.BinOp):  # "a " + "b", "x" % y
        return _is_prose(node.left) or _is_prose(node.right)
    else:
        return False
    return text not in ALLOWED_LITERALS and re.search(r"[A-Za-z]{2,}", text) is not None


def stray_literals(paths: list[Path] | None = None) -> Iterator[str]:
    """``path:line: call(...)`` for each user-facing literal not wrapped in ``_()``."""
    for path in paths if paths is not None else source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and _is_prose(node.value):
                for target in node.targets:
                    name = getattr(target, "attr", None) or getattr(target, "id", None)
                    if name in STRAY_ATTRIBUTES:
                        rel = path.relative_to(ROOT).as_posix()
                        yield f"{rel}:{node.lineno}: {name} = {ast.unparse(node.value)[:60]}"
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            if name not in STRAY_CALLS:
                continue
            positions, keywords = STRAY_CALLS[name]
            args = [node.args[i] for i in positions if i < len(node.args)]
            args += [k.value for k in node.keywords if k.arg in keywords]
            for arg in args:
                if _is_prose(arg):
                    rel = path.relative_to(ROOT).as_posix()
                    yield f"{rel}:{arg.lineno}: {name}({ast.unparse(arg)[:70]})"


def scan() -> int:
    lines = list(stray_literals())
    for line in lines:
        print(line)
    print(f"{len(lines)} literal(s) outside _()" if lines else "no stray literals")
    return 1 if lines else 0


COMMANDS = {"extract": extract, "check": check, "compile": compile_mo, "scan": scan}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
