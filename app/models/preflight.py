"""Looking at a database file before touching it.

The file is opened read-only: its header, a quick integrity check and the schema version decide
whether it may be opened, must be migrated (after a backup), or is refused. Nothing here writes to
the file, so "原文件未作任何修改" stays true whatever is decided."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    exists: bool
    revision: str | None = None  # alembic_version, None when the table is missing
    has_tables: bool = False
    problem: str = ""  # "" | "not_sqlite" | "damaged"
    detail: str = ""  # SQLite's own words, for the log

    @property
    def is_new(self) -> bool:
        return not self.exists


def readonly_uri(path: Path) -> str:
    """file:///…?mode=ro, with every special character of the path (? # % and Chinese) escaped."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def connect_readonly(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(path), uri=True, timeout=timeout)


def has_sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def integrity(con: sqlite3.Connection, full: bool = False) -> str:
    """"ok", or SQLite's first complaint. quick_check reads every page (O(size)) but skips the
    index cross-checks that make integrity_check slow on large files."""
    pragma = "integrity_check(5)" if full else "quick_check(5)"
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:  # a damaged page can stop the check itself
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise
        return str(exc)
    return "ok" if rows == ["ok"] else "; ".join(rows)


def inspect_file(path: Path, check: bool = True) -> FileState:
    """What the file is, read-only. An absent or empty file is a new database."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return FileState(exists=False)
    if size == 0:
        return FileState(exists=False)
    if not has_sqlite_header(path):
        return FileState(exists=True, problem="not_sqlite")
    try:
        con = connect_readonly(path)
    except sqlite3.OperationalError as exc:
        return FileState(exists=True, problem="damaged", detail=str(exc))
    try:
        if check:
            verdict = integrity(con)
            if verdict != "ok":
                return FileState(exists=True, problem="damaged", detail=verdict)
        names = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")}
        revision = None
        if "alembic_version" in names:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return FileState(exists=True, revision=revision, has_tables=bool(names - {"alembic_version"}))
    except sqlite3.DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise
        return FileState(exists=True, problem="damaged", detail=str(exc))
    finally:
        con.close()
