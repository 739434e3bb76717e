"""Writes tests/db/fixtures/schema-<head>.sqlite3: the demo data in the current schema.

Run once per released schema (before the next migration lands), so later versions are tested
upgrading every schema that clerks may have on disk."""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app.context import open_context  # noqa: E402
from app.models.migrate import head_revision  # noqa: E402
from app.paths import resolve_paths  # noqa: E402


def main() -> int:
    target = REPO / "tests" / "db" / "fixtures" / f"schema-{head_revision()}.sqlite3"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "fixture.sqlite3"
        ctx = open_context(resolve_paths(db), load_demo=True)
        ctx.close()
        con = sqlite3.connect(db)
        con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        con.execute("VACUUM")
        con.close()
        target.write_bytes(db.read_bytes())
    print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
