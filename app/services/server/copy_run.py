"""The two directions of `db copy`, each side opened the way the program always opens it (migrated,
refused when newer), the copy made, then verified."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from app.context import open_context
from app.models.database import make_engine
from app.models.migrate import upgrade_to_head
from app.models.preflight import inspect_file
from app.paths import AppPaths, server_paths
from app.server_target import parse_server_url
from app.services.errors import DomainError
from app.services.server.db_copy import TableCheck, copy_all, verify
from app.services.server.server_open import open_server_engine

log = logging.getLogger(__name__)


def copy_file_to_server(paths: AppPaths, url: str, say: Callable[[str], None]) -> list[TableCheck]:
    if not paths.db_path.is_file():
        raise DomainError(f"数据库文件“{paths.db_path}”不存在，没有可复制的内容。")
    source = open_context(paths, load_demo=False)  # migrated to this version first (with its backup)
    try:
        target = open_server_engine(server_paths(parse_server_url(url), paths.data_dir))
        try:
            return _copy(source.engine, target, say)
        finally:
            target.dispose()
    finally:
        source.close()


def copy_server_to_file(url: str, db_path: Path, backup_dir: Path, say: Callable[[str], None]) -> list[TableCheck]:
    if inspect_file(db_path, check=False).exists:
        raise DomainError(f"文件“{db_path.name}”已存在。为免覆盖数据，请指定一个新文件名。")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    source = open_server_engine(server_paths(parse_server_url(url), db_path.parent))
    try:
        target = make_engine(db_path)
        try:
            upgrade_to_head(target, db_path, None)
            return _copy(source, target, say)
        except BaseException:
            target.dispose()
            for leftover in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
                leftover.unlink(missing_ok=True)  # a new file that did not pass: nothing half-made is left
            raise
        finally:
            target.dispose()
    finally:
        source.dispose()


def _copy(source: Engine, target: Engine, say: Callable[[str], None]) -> list[TableCheck]:
    copy_all(source, target, say)
    checks = verify(source, target)
    log.info("database copied and verified: %d tables", len(checks))
    return checks
