"""Architecture rules of DESIGN.md §3 that a test can hold."""

import ast
import tomllib
from pathlib import Path

import app
from app._version import VERSION

APP_DIR = Path(app.__file__).parent
REPO = APP_DIR.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_models_and_services_never_import_qt():
    offenders = [
        str(p.relative_to(REPO))
        for layer in ("models", "services")
        for p in (APP_DIR / layer).rglob("*.py")
        if any(m.split(".")[0] in {"PySide6", "shiboken6"} for m in imported_modules(p))
    ]
    assert offenders == []


def test_ui_never_touches_a_session():
    offenders = [
        str(p.relative_to(REPO))
        for p in (APP_DIR / "ui").rglob("*.py")
        if any(m.startswith(("sqlalchemy", "app.models")) for m in imported_modules(p))
    ]
    assert offenders == []


def test_no_module_is_too_long():
    long = {str(p.relative_to(REPO)): n for p in APP_DIR.rglob("*.py")
            if "migrations" not in p.parts and (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert long == {}


def test_fallback_version_matches_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert VERSION == project["version"] == app.__version__
