"""DESIGN.md §3 rule 1 for the importer: no Qt anywhere under app/services, and the pure pipeline
never reaches for the database (only store.py does)."""

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[3] / "app" / "services"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


def test_no_pyside6_under_services():
    offenders = [p for p in SERVICES.rglob("*.py") if any(m.split(".")[0] in ("PySide6", "shiboken6")
                                                           for m in imported_modules(p))]
    assert offenders == []


def test_pure_pipeline_does_not_touch_the_database():
    db_modules = ("sqlalchemy", "app.models")
    importing = SERVICES / "importing"
    offenders = [p.name for p in importing.glob("*.py") if p.name != "store.py"
                 and any(m.startswith(db_modules) for m in imported_modules(p))]
    assert offenders == []


def test_modules_stay_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (SERVICES / "importing").glob("*.py")}
    assert max(sizes.values()) <= 500, sizes
