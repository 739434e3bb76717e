"""Backups of the database file: on demand, before migrations, a bounded history, and restoring.

A backup appears whole or not at all (app.models.database.backup_file). The list offers only
files that pass a check: a torn copy left by an older version, a file with a hot journal beside
it, or one that fails SQLite's quick check is never offered, so a restore cannot pick it."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.models.database import BackupError, backup_file
from app.models.preflight import SQLITE_MAGIC, integrity
from app.services.errors import DomainError, NotFoundError
from app.services.system_errors import DatabaseDamagedError, DiskFullError, is_disk_full, os_reason

log = logging.getLogger(__name__)

KEEP = 30  # older manual backups are pruned past this many
STALE_PART_S = 3600  # a temporary copy this old belongs to a writer that died


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int


def create_backup(db_path: Path, backup_dir: Path, reason: str = "manual") -> BackupInfo:
    if not db_path.is_file():
        raise DomainError(f"数据库文件“{db_path.name}”不存在，无法备份。")
    remove_stale_parts(backup_dir)
    try:
        target = backup_file(db_path, backup_dir, reason)
    except BackupError as exc:
        if exc.damaged_source:
            raise DatabaseDamagedError(f"{exc.reason}。请从已有的备份恢复（fazhi backup --restore）。") from exc
        raise DomainError(f"备份失败：{exc.reason}。") from exc
    except OSError as exc:
        cls = DiskFullError if is_disk_full(exc) else DomainError
        raise cls(f"备份失败：{os_reason(exc)}。没有留下不完整的备份；请检查备份文件夹是否可写、磁盘空间是否充足。") from exc
    except sqlite3.Error as exc:
        if is_disk_full(exc):
            raise DiskFullError("备份失败：磁盘空间不足。没有留下不完整的备份。") from exc
        raise DomainError("备份失败：无法读取数据库文件（可能正被其他程序独占或已损坏）。") from exc
    prune(backup_dir, KEEP)
    return _info(target)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Complete, checked backups, newest first."""
    if not backup_dir.is_dir():
        return []
    found = [_info(p) for p in backup_dir.glob("*.sqlite3") if is_good_backup(p)]
    # two copies made within one clock tick share an mtime; the name's microsecond stamp decides
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


_verdicts: dict[tuple[str, int, int], bool] = {}  # (path, size, mtime) → checked good


def is_good_backup(path: Path) -> bool:
    """A hidden temporary, a file with a journal beside it (a copy interrupted in the middle),
    a file that is not SQLite, or one that fails the quick check is not a backup."""
    if path.name.startswith("."):
        return False
    try:
        st = path.stat()
    except OSError:
        return False
    if st.st_size < 512 or st.st_size % 512:
        return False
    for sibling in ("-journal", "-wal"):
        side = path.with_name(path.name + sibling)
        with contextlib.suppress(OSError):
            if side.stat().st_size > 0:
                return False
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _verdicts:
        _verdicts[key] = _check(path)
    return _verdicts[key]


def _check(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return False
        # immutable: no lock, no -wal/-shm files made in the backup folder
        con = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
        try:
            if integrity(con) != "ok":
                return False
            return con.execute("SELECT count(*) FROM sqlite_master WHERE name='alembic_version'").fetchone()[0] == 1
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return False


def latest_good_backup(backup_dir: Path) -> BackupInfo | None:
    backups = list_backups(backup_dir)
    return backups[0] if backups else None


def find_backup(backup_dir: Path, name: str | None) -> BackupInfo:
    backups = list_backups(backup_dir)
    if not backups:
        raise NotFoundError(f"备份文件夹“{backup_dir}”中没有完好的备份，无法恢复。")
    if not name:
        return backups[0]
    for b in backups:
        if b.path.name == name or b.path.name == Path(name).name:
            return b
    raise NotFoundError(f"没有名为“{name}”的完好备份。可用 backup --list 查看可恢复的备份。")


def restore_backup(backup: Path, db_path: Path) -> Path | None:
    """Puts a checked backup in place of the database. The file it replaces (with its -wal and
    -shm, which must never be applied to the restored copy) is kept beside the backups as
    “…-replaced-<time>.sqlite3.bad”; returns that path, or None when there was no file."""
    backup = Path(backup)
    if not is_good_backup(backup):
        raise DomainError(f"备份“{backup.name}”不完整或已损坏，不能用于恢复。")
    folder = db_path.parent
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept_dir = backup.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".restoring", dir=folder)
        with os.fdopen(fd, "wb") as out, open(backup, "rb") as src:
            while chunk := src.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(name)
        cls = DiskFullError if is_disk_full(exc) else DomainError
        raise cls(f"无法恢复备份：{os_reason(exc)}。数据库文件未作改动。") from exc
    kept = None
    try:
        if db_path.exists():
            kept = kept_dir / f"{db_path.stem}-replaced-{stamp}.sqlite3.bad"
            os.replace(db_path, kept)
        for side in ("-wal", "-shm", "-journal"):
            old = db_path.with_name(db_path.name + side)
            if old.exists():
                os.replace(old, kept_dir / f"{db_path.stem}-replaced-{stamp}.sqlite3{side}.bad")
        os.replace(name, db_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise DomainError(f"无法恢复备份：{os_reason(exc)}。原数据库文件已另存为“{kept}”。" if kept else
                          f"无法恢复备份：{os_reason(exc)}。") from exc
    log.warning("database %s restored from %s (replaced file kept as %s)", db_path, backup.name, kept)
    return kept


def prune(backup_dir: Path, keep: int) -> None:
    """Removes the oldest manual backups; migration backups are always kept."""
    manual = [b for b in list_backups(backup_dir) if "-manual" in b.path.name]
    for old in manual[keep:]:
        old.path.unlink(missing_ok=True)


def remove_stale_parts(backup_dir: Path) -> None:
    """Temporary copies (and their journals) left by a backup that was killed: those of a process
    that no longer runs, and any older than an hour."""
    if not backup_dir.is_dir():
        return
    now = time.time()
    for p in backup_dir.glob(".*.part*"):
        with contextlib.suppress(OSError):
            m = re.search(r"\.pid(\d+)\.", p.name)
            if now - p.stat().st_mtime > STALE_PART_S or (m and not _running(int(m[1]))):
                p.unlink()


def _running(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there: trust the age alone
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _info(path: Path) -> BackupInfo:
    st = path.stat()
    return BackupInfo(path, datetime.fromtimestamp(st.st_mtime), st.st_size)
