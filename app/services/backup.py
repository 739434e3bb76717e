"""Backups of the database file: on demand, before migrations, and a bounded history."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.models.database import backup_file
from app.services.errors import DomainError

KEEP = 30  # older manual backups are pruned past this many


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int


def create_backup(db_path: Path, backup_dir: Path, reason: str = "manual") -> BackupInfo:
    if not db_path.is_file():
        raise DomainError(f"数据库文件“{db_path.name}”不存在，无法备份。")
    try:
        target = backup_file(db_path, backup_dir, reason)
    except (OSError, sqlite3.Error) as exc:
        raise DomainError(f"备份失败：{exc}。请检查备份文件夹是否可写、磁盘空间是否充足。") from exc
    prune(backup_dir, KEEP)
    return _info(target)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    if not backup_dir.is_dir():
        return []
    return sorted((_info(p) for p in backup_dir.glob("*.sqlite3")), key=lambda b: b.created, reverse=True)


def prune(backup_dir: Path, keep: int) -> None:
    """Removes the oldest manual backups; migration backups are always kept."""
    manual = [b for b in list_backups(backup_dir) if "-manual" in b.path.name]
    for old in manual[keep:]:
        old.path.unlink(missing_ok=True)


def _info(path: Path) -> BackupInfo:
    st = path.stat()
    return BackupInfo(path, datetime.fromtimestamp(st.st_mtime), st.st_size)
