"""Opening the SQLite file: pragmas, sessions, and migrations applied at start-up."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.models.preflight import connect_readonly, integrity
from app.models.server_engine import is_server, take_write_lane
from app.services.system_errors import server_error, sqlite_error

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def make_engine(db_path: Path | str) -> Engine:
    """An engine with foreign keys on, WAL and a busy timeout.

    pysqlite's own transaction handling is switched off so that we emit BEGIN ourselves;
    that is what lets a writer ask for BEGIN IMMEDIATE (see `immediate`)."""
    url = "sqlite://" if str(db_path) == ":memory:" else f"sqlite:///{Path(db_path)}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if url != "sqlite://":
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def make_session_factory(engine: Engine, info: dict | None = None) -> sessionmaker[Session]:
    """info: who works through these sessions (services.clerk), read by the audit log."""
    return sessionmaker(bind=engine, expire_on_commit=False, info=dict(info or {}))


@contextmanager
def session_scope(factory: sessionmaker[Session], *, immediate: bool = False,
                  row_locks: bool = False) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error.

    immediate=True takes SQLite's write lock at BEGIN, so read-then-write sequences (such as
    allocating the next 文号) cannot interleave with another writer. On a server it takes the write
    lane (server_engine) instead, unless row_locks=True: the caller then locks the rows it reads
    (SELECT … FOR UPDATE), and clerks working on other rows do not wait for each other."""
    session = factory()
    try:
        if immediate:
            if is_server(session.get_bind()):
                if not row_locks:
                    take_write_lane(session)
            else:
                session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        yield session
        session.commit()
    except DBAPIError as exc:
        _rollback_quietly(session)
        said = _said(session, exc)
        if said is not None:  # busy, disk full, read-only, damaged, server gone: Chinese, nothing saved
            log.warning("database operation failed: %s", exc.orig)
            raise said from exc
        raise
    except BaseException:
        _rollback_quietly(session)
        raise
    finally:
        session.close()


def _said(session: Session, exc: DBAPIError):
    bind = session.get_bind()
    if isinstance(exc.orig, sqlite3.Error):
        return sqlite_error(exc.orig, bind.url.database if bind is not None else None)
    return server_error(exc.orig)


def _rollback_quietly(session: Session) -> None:
    """A rollback after a full disk, a lost lock or a lost server may fail too; the transaction is
    void either way."""
    try:
        session.rollback()
    except DBAPIError:
        log.warning("rollback failed", exc_info=True)


class BackupError(RuntimeError):
    """The copy could not be made; `reason` is a Chinese phrase. Nothing was left in the folder."""

    def __init__(self, reason: str, damaged_source: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.damaged_source = damaged_source


def backup_file(db_path: Path, backup_dir: Path, reason: str, check_source: bool = True) -> Path:
    """Copies a live SQLite file (WAL included) with SQLite's backup API, whole or not at all.

    The source is opened read-only and fully checked first (a damaged file must not become the
    newest "good" backup). The copy is written under a hidden temporary name, switched to a
    self-contained rollback-journal file, checked, synced, and only then renamed to its final
    name: a crash at any moment leaves either no backup or a complete one."""
    if backup_dir.exists() and not backup_dir.is_dir():
        raise BackupError("那里有一个同名的文件，不是文件夹")
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    # hidden, never listed as a backup; the pid lets a later backup remove what a killed one left
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.pid{os.getpid()}.", suffix=".part", dir=backup_dir)
    os.close(fd)
    tmp = Path(name)
    try:
        src = connect_readonly(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            if check_source:
                verdict = integrity(src, full=True)
                if verdict != "ok":
                    log.error("not backing up damaged %s: %s", db_path, verdict)
                    raise BackupError("数据库文件已损坏，为免用损坏的文件顶替完好的备份，没有备份", damaged_source=True)
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                if integrity(dst) != "ok":
                    raise BackupError("备份副本校验未通过")
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync_dir(backup_dir)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    log.info("backup written: %s", target.name)
    return target


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    """Makes the rename itself durable (POSIX); Windows has no directory handles for this."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
