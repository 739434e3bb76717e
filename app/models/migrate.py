"""Alembic migrations, shipped inside the package and applied at start-up."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.models.database import backup_file

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer version of the program."""

    def __init__(self, revision: str):
        self.revision = revision
        super().__init__(
            f"数据库由更新版本的法治工作台创建（结构版本 {revision}），本程序无法打开。"
            "请安装最新版本后再打开，原文件未作任何修改。"
        )


class BackupFailedError(RuntimeError):
    """The copy taken before a migration could not be written; nothing was migrated."""

    def __init__(self, backup_dir: Path, reason: str):
        super().__init__(
            f"数据库需要升级，但升级前的备份无法写入备份文件夹“{backup_dir}”：{reason}。"
            "原文件未作修改；请检查该文件夹是否可写、磁盘空间是否充足。"
        )


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).scalar_one()
    return rows > 0


def upgrade_to_head(engine: Engine, db_path: Path | None, backup_dir: Path | None) -> bool:
    """Bring the database to the newest schema. Returns True when a migration ran.

    The file is copied to the backup folder before any migration touches it, and a file
    from a newer program version is refused untouched."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return False
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:  # alembic raises several kinds for an unknown id
            raise SchemaTooNewError(current) from exc
    if db_path is not None and backup_dir is not None and has_user_tables(engine):
        try:
            backup_file(db_path, backup_dir, f"before-migration-{current or 'none'}")
        except (OSError, sqlite3.Error) as exc:
            raise BackupFailedError(backup_dir, getattr(exc, "strerror", None) or str(exc)) from exc
    log.info("migrating database %s -> %s", current, head)
    command.upgrade(alembic_config(engine), "head")
    return True
