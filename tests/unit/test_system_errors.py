"""OS and SQLite errors said in Chinese: no English fragment reaches the clerk."""

import errno
import sqlite3

import pytest

from app.services.system_errors import (
    BUSY_MESSAGE,
    DatabaseBusyError,
    DatabaseDamagedError,
    DiskFullError,
    as_domain_error,
)
from tests.reliability.proc import cjk_line


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EPERM, errno.EEXIST, errno.EROFS, errno.ENOENT,
                                  errno.EIO, errno.ENAMETOOLONG, errno.EISDIR, 9999])
def test_os_errors(code):
    err = as_domain_error(OSError(code, "Some English words", "报告.pdf"))
    assert cjk_line(err.message) and "报告.pdf" in err.message
    assert isinstance(err, DiskFullError) == (code == errno.ENOSPC)


def test_sqlite_errors_from_a_real_database(tmp_path):
    db = tmp_path / "x.sqlite3"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(db, timeout=0.05, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as locked:
        other.execute("BEGIN IMMEDIATE")
    busy = as_domain_error(locked.value)
    assert isinstance(busy, DatabaseBusyError) and busy.message == BUSY_MESSAGE
    holder.execute("ROLLBACK")
    full = sqlite3.connect(db, isolation_level=None)
    pages = full.execute("PRAGMA page_count").fetchone()[0]
    full.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(sqlite3.OperationalError) as no_room:
        full.execute("INSERT INTO t SELECT randomblob(5000) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3)")
    said = as_domain_error(no_room.value)
    assert isinstance(said, DiskFullError) and "磁盘空间不足" in said.message and cjk_line(said.message)
    garbage = tmp_path / "g.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    with pytest.raises(sqlite3.DatabaseError) as notadb:
        sqlite3.connect(garbage).execute("SELECT * FROM sqlite_master")
    assert isinstance(as_domain_error(notadb.value), DatabaseDamagedError)


def test_programming_errors_are_not_disguised():
    assert as_domain_error(ValueError("bug")) is None
    assert as_domain_error(sqlite3.ProgrammingError("bug")) is None
