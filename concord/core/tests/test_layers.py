"""Reads never write: no selector imports a services module, its own app's or another's, so a
read cannot reach a write path however it is changed later."""

import ast
from pathlib import Path

import concord

ROOT = Path(concord.__file__).parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, with `from . import services` read as `.services`."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
            dot = "" if base.endswith(".") else "."
            names.update(f"{base}{dot}{alias.name}" for alias in node.names)
    return names


def selector_modules() -> list[Path]:
    return sorted([*ROOT.glob("*/selectors.py"), *ROOT.glob("*/selectors/*.py")])


def test_no_selector_imports_services():
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in imported_modules(path) if "services" in m)
        for path in selector_modules()
    }
    assert selector_modules(), "no selectors found"
    assert {path: found for path, found in offenders.items() if found} == {}


def test_the_check_sees_relative_and_absolute_imports(tmp_path):
    sample = tmp_path / "selectors.py"
    sample.write_text(
        "from . import rules, services\n"
        "from .services import MEETING_BODIES\n"
        "from concord.meetings import services as meetings\n"
        "import concord.audit.services\n"
        "def f():\n    from ..inbox.services import send\n"
    )
    assert {m for m in imported_modules(sample) if "services" in m} == {
        ".services",
        ".services.MEETING_BODIES",
        "concord.meetings.services",
        "concord.audit.services",
        "..inbox.services",
        "..inbox.services.send",
    }
