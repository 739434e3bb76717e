"""Databases for the reliability cases: a real, migrated file with some rows, and ways to damage it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.context import open_context
from app.paths import resolve_paths


def make_database(path: Path, rows: int = 200) -> Path:
    """A migrated database with `rows` units (several pages), closed and checkpointed."""
    ctx = open_context(resolve_paths(path), load_demo=False)
    try:
        with ctx.engine.begin() as conn:
            conn.exec_driver_sql(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                "INSERT INTO unit (name, short_name, category, contact_person, phone, sort_order, active) "
                "SELECT '单位' || i || '号（测试用的较长名称，以便占用更多页面）', '', '其他', '', '', i, 1 FROM n",
                (rows,))
    finally:
        ctx.close()
    return path


def page_size(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()


def damage_one_page(db: Path, table: str = "unit") -> int:
    """Overwrites the root page of `table` with garbage (what a bad sector or a stray write does);
    returns the page number."""
    con = sqlite3.connect(db)
    try:
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
        size = con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(size)))
    return root
