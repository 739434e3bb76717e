"""DESIGN.md §3 rule 1 for the importer: the pure pipeline never reaches for the database
(only store.py, its undo store_undo.py, and the ImportService that wraps them, do). No-Qt is checked in tests/unit/test_layering.py."""

from pathlib import Path

from tests.unit.test_layering import imported_modules

SERVICES = Path(__file__).resolve().parents[3] / "app" / "services"


def test_pure_pipeline_does_not_touch_the_database():
    db_modules = ("sqlalchemy", "app.models", "app.services.units")
    importing = SERVICES / "importing"
    offenders = [p.name for p in importing.glob("*.py") if p.name not in ("store.py", "store_undo.py", "service.py")
                 and any(m.startswith(db_modules) for m in imported_modules(p))]
    assert offenders == []


def test_modules_stay_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (SERVICES / "importing").glob("*.py")}
    assert max(sizes.values()) <= 500, sizes
