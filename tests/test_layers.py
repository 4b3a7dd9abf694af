"""The layers import downwards only: bot, then conversations, then storage and analysis.

At the bottom, analysis is pure (text in, data out) and imports no other layer;
storage may use analysis's data types (a report's summary), never the reverse.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
# Each package, and the packages above it that it must never import.
FORBIDDEN = {
    "storage": {"conversations", "bot"},
    "analysis": {"conversations", "bot", "storage"},
    "conversations": {"bot"},
}


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports, wherever in the module the import is."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_layer_never_imports_a_layer_above_it(package):
    upward = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & FORBIDDEN[package])
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    assert {module: names for module, names in upward.items() if names} == {}


def test_the_check_sees_an_upward_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from bot.settings import Settings\n")
    assert imported_packages(module) == {"bot"}


def test_no_test_module_imports_another():
    helpers = {"tests.support", "tests.e2e.harness"}
    imports = {}
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tests")
        }
        if modules - helpers:
            imports[str(path.relative_to(ROOT))] = sorted(modules - helpers)
    assert imports == {}


MODULE_LINE_LIMIT = 500


def test_no_module_is_longer_than_a_newcomer_can_hold_in_mind():
    long_modules = {
        str(path.relative_to(ROOT)): lines
        for package in ("bot", "conversations", "storage", "analysis")
        for path in sorted((ROOT / package).rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINE_LIMIT
    }
    assert long_modules == {}
