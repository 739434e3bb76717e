"""Databases from before the first-start dialog, which received the fictional 示例县 at their first
start: recognising one the clerk never worked in, and removing the sample from it (once, if asked).

"Untouched" is proven, not guessed. All of these must hold:
- the program itself loaded the sample here (setting demo_loaded) and the file is not a sample
  database of its own (setting sample_database);
- every table other than those the sample fills is empty: the audit log gets a line for every
  change a clerk makes to units, plans, tasks, notices and 文号, so an edit leaves a trace there;
- no setting a clerk chooses (county, default issuer, print mode, fonts, imported files) was set;
- the content of the sample's tables, every row and column the sample writes, is byte for byte
  the sample as a released version shipped it (SHA-256 in resources/samples/sample_fingerprints.json).
Anything else counts as a database the clerk has worked in, and is never changed."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from app.models.database import BackupError, backup_file, session_scope
from app.services.errors import DomainError
from app.services.system_errors import os_reason

log = logging.getLogger(__name__)

FINGERPRINTS_FILE = Path("samples") / "sample_fingerprints.json"

# The columns the sample writes, as in the schema that shipped it (later columns are left out so a
# migration does not change the fingerprint). Order matters: children before parents for deletion.
SAMPLE_TABLES: dict[str, tuple[str, ...]] = {
    "notice_issuer": ("id", "notice_id", "issuer_id", "position"),
    "notice": ("id", "plan_id", "doc_prefix", "doc_year", "doc_serial", "title", "recipients", "body",
               "attachments", "sign_date", "signature_mode", "note", "cc", "printed_by", "print_date",
               "status", "lineage_id", "revision", "is_current"),
    "assignment": ("id", "node_id", "unit_id", "role", "position", "note"),
    "plan_node": ("id", "plan_id", "parent_id", "position", "level", "heading", "text", "is_task",
                  "original_label", "deadline_text", "deadline", "responsible_person", "measures"),
    "plan": ("id", "title", "kind", "year", "period", "issuer_text", "preamble", "closing", "status",
             "source_file", "numbering", "superior_plan_id"),
    "unit_alias": ("id", "unit_id", "alias"),
    "unit": ("id", "name", "short_name", "category", "contact_person", "phone", "sort_order", "active"),
    "issuer": ("id", "name", "header_text", "prefix"),
}
PROGRAM_TABLES = ("setting", "alembic_version")
# Settings only a clerk sets; the window's geometry and the last plan shown are the program's own.
CLERK_SETTINGS = {"county_name": ("示例县",), "default_issuer_id": (None,), "print_mode": ("color",),
                  "font_paths": ({},), "recent_files": ([],)}


class SampleNotRemovableError(DomainError):
    pass


def sample_fingerprint(conn: Connection) -> str:
    """SHA-256 of the sample tables' rows (in id order, the sample's columns only)."""
    dump = {}
    for table, columns in sorted(SAMPLE_TABLES.items()):
        rows = conn.execute(text(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")).all()
        dump[table] = [list(r) for r in rows]
    raw = json.dumps(dump, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def released_fingerprints(resources: Path) -> frozenset[str]:
    try:
        data = json.loads((resources / FINGERPRINTS_FILE).read_text(encoding="utf-8"))
        return frozenset(f["sha256"] for f in data["fingerprints"])
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("sample fingerprints missing or damaged: no database is taken for an untouched sample")
        return frozenset()


def _settings(conn: Connection) -> dict:
    values = {}
    for key, raw in conn.execute(text("SELECT key, value FROM setting")).all():
        try:
            values[key] = json.loads(raw)
        except (TypeError, ValueError):
            values[key] = raw
    return values


def _other_tables_empty(conn: Connection) -> bool:
    for name in inspect(conn).get_table_names():  # a file or a server alike
        if name in SAMPLE_TABLES or name in PROGRAM_TABLES:
            continue
        if conn.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1')).first() is not None:
            return False
    return True


def untouched(s: Session, known: frozenset[str]) -> bool:
    conn = s.connection()
    settings = _settings(conn)
    if settings.get("demo_loaded") is not True or settings.get("sample_database"):
        return False
    if any(key in settings and settings[key] not in allowed for key, allowed in CLERK_SETTINGS.items()):
        return False
    if not _other_tables_empty(conn):
        return False
    return sample_fingerprint(conn) in known


def holds_untouched_sample(session_factory: sessionmaker[Session], resources: Path) -> bool:
    known = released_fingerprints(resources)
    if not known:
        return False
    with session_scope(session_factory) as s:
        return untouched(s, known)


def remove_sample(session_factory: sessionmaker[Session], resources: Path, db_path: Path,
                  backup_dir: Path) -> Path:
    """Copies the file to the backup folder, then empties the sample's tables in one transaction,
    proving again, inside it, that nothing changed since the offer. Returns the backup's path."""
    known = released_fingerprints(resources)
    if not known or not holds_untouched_sample(session_factory, resources):
        raise SampleNotRemovableError("数据库中的示例数据已被修改过，为保护您的数据，程序不会删除它。")
    try:
        backup = backup_file(db_path, backup_dir, "before-sample-removal")
    except (OSError, sqlite3.Error, BackupError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        raise SampleNotRemovableError(f"删除示例数据前的备份无法写入“{backup_dir}”：{reason}。数据库未作修改。") from exc
    with session_scope(session_factory, immediate=True) as s:
        if not untouched(s, known):  # another window changed something after the offer
            raise SampleNotRemovableError("数据库中的示例数据刚刚被修改过，程序不会删除它。")
        for table in SAMPLE_TABLES:
            s.execute(text(f"DELETE FROM {table}"))
        s.execute(text("DELETE FROM setting WHERE key IN ('demo_loaded', 'last_plan_id', 'county_name')"))
    log.info("untouched sample removed from %s (backup %s)", db_path.name, backup.name)
    return backup
