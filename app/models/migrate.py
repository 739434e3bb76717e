"""Alembic migrations, shipped inside the package and applied at start-up.

Order matters for a file we did not create: look at it read-only (preflight.py), refuse it or
back it up, and only then open it for writing. The migration itself runs inside one SQLite write
transaction (BEGIN IMMEDIATE) that re-reads the version under the lock, so two programs starting
together on a new or old file never both migrate, and neither sees half a schema."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from app.models import database
from app.models.database import BackupError, backup_file
from app.models.preflight import FileState, inspect_file
from app.models.revisions import shipped_head
from app.services.system_errors import DatabaseBusyError, as_domain_error, is_disk_full, os_reason

if TYPE_CHECKING:  # Alembic loads only when a database is not at the newest revision
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer version of the program."""

    def __init__(self, revision: str, server: bool = False):
        self.revision = revision
        untouched = "服务器上的数据库未作任何修改" if server else "原文件未作任何修改"
        super().__init__(
            f"数据库由更新版本的法治工作台创建（结构版本 {revision}），本程序无法打开。"
            f"请安装最新版本后再打开，{untouched}。"
        )


class BackupFailedError(RuntimeError):
    """The copy taken before a migration could not be written; nothing was migrated."""

    def __init__(self, backup_dir: Path, reason: str):
        super().__init__(
            f"数据库需要升级，但升级前的备份无法写入备份文件夹“{backup_dir}”：{reason}。"
            "原文件未作任何修改；请检查该文件夹是否可写、磁盘空间是否充足。"
        )


class ForeignDatabaseError(RuntimeError):
    """A SQLite file with tables of some other program, or not a SQLite file at all."""


class DamagedDatabaseError(RuntimeError):
    """The quick integrity check at start failed."""

    def __init__(self, detail: str):
        self.detail = detail
        super().__init__(detail)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).scalar_one()
    return rows > 0


def known_revision(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def check_file(state: FileState, script: ScriptDirectory) -> None:
    """Refusals decided on the read-only look, before anything is written."""
    if state.problem == "not_sqlite":
        raise ForeignDatabaseError("not a SQLite file")
    if state.problem == "damaged":
        raise DamagedDatabaseError(state.detail)
    if state.revision is not None and not known_revision(script, state.revision):
        raise SchemaTooNewError(state.revision)
    if state.revision is None and state.has_tables:
        raise ForeignDatabaseError("tables without alembic_version")


def upgrade_to_head(engine: Engine, db_path: Path | None, backup_dir: Path | None) -> bool:
    """Brings the database to the newest schema. Returns True when this call migrated it.

    SQLite answers "busy" at once, without waiting in its busy handler, in a few moments another
    program creates, opens or closes the same file: a read-only look while the other one turns a new
    file to WAL or removes its -wal on closing, or two transactions that would deadlock. Those are
    tried again within the same wait the busy handler allows; a lock held longer is said as busy."""
    deadline = time.monotonic() + database.BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _upgrade_once(engine, db_path, backup_dir)
        except Exception as exc:
            if not _is_busy(exc) or time.monotonic() >= deadline:
                raise
            log.info("database %s busy at once while opening; trying again", db_path)
            time.sleep(0.05)


def _is_busy(exc: BaseException) -> bool:
    return isinstance(as_domain_error(exc), DatabaseBusyError)  # SQLite's busy, locked or protocol


def _upgrade_once(engine: Engine, db_path: Path | None, backup_dir: Path | None) -> bool:
    state = inspect_file(db_path) if db_path is not None else None
    if state is not None and not state.problem and state.revision is not None and state.revision == shipped_head():
        return False  # the usual start: nothing to check or migrate, Alembic is not even loaded
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    if state is not None:
        check_file(state, script)
        if state.revision == head:
            return False
        if backup_dir is not None and state.has_tables:
            _backup_before(db_path, backup_dir, state.revision)
    return _migrate_locked(engine, script, head)


def _backup_before(db_path: Path, backup_dir: Path, revision: str | None) -> None:
    try:
        backup_file(db_path, backup_dir, f"before-migration-{revision or 'none'}")
    except BackupError as exc:
        raise BackupFailedError(backup_dir, exc.reason) from exc
    except OSError as exc:
        raise BackupFailedError(backup_dir, os_reason(exc)) from exc
    except sqlite3.Error as exc:
        raise BackupFailedError(backup_dir, "磁盘空间不足" if is_disk_full(exc) else "复制数据库时出错") from exc


def _migrate_locked(engine: Engine, script: ScriptDirectory, head: str | None) -> bool:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            current = MigrationContext.configure(conn).get_current_revision()
            if current == head:
                return False  # another program migrated it while we waited for the lock
            if current is not None and not known_revision(script, current):
                raise SchemaTooNewError(current)
            log.info("migrating database %s -> %s", current, head)
            cfg = alembic_config(engine)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return True
