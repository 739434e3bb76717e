"""Copying a whole database between a SQLite file and a server, then proving the copy.

Both sides are at this program's schema (the source opened and migrated the usual way, the target
migrated when new). The target must hold no rows. Every table is copied in one transaction, parents
before children (a table that points at itself gets those links in a second pass, since a task's
parent may have a later id than the task); the server's id counters are moved past the copied ids.
Then both sides are read again and compared table by table: the number of rows and a SHA-256 of
every row in primary-key order. Any difference is reported and the command fails."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, Table, func, select, text

from app.models import Base
from app.services.errors import DomainError

log = logging.getLogger(__name__)

BATCH = 500


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int
    sha256: str


class CopyMismatchError(DomainError):
    pass


def tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _self_links(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _kept_on_update(table: Table) -> list[str]:
    """Columns an UPDATE would stamp (updated_at): the second pass writes their copied values."""
    return [c.name for c in table.columns if c.onupdate is not None]


def ensure_empty(conn: Connection) -> None:
    for table in tables():
        if conn.execute(select(func.count()).select_from(table)).scalar():
            raise DomainError(f"目标数据库不是空的（表 {table.name} 中已有数据），为免混入或覆盖数据，没有复制。"
                              "请使用一个新建的空数据库。")


def copy_all(source: Engine, target: Engine, say: Callable[[str], None] = lambda _m: None) -> None:
    with source.connect() as src, target.begin() as dst:
        ensure_empty(dst)
        for table in tables():
            links = _self_links(table)
            second = links + _kept_on_update(table) if links else []
            pk = list(table.primary_key.columns)
            rows = src.execute(select(table).order_by(*pk)).mappings()
            batch, count, later = [], 0, []
            for row in rows:
                values = dict(row)
                if links:
                    later.append({"_pk": values[pk[0].name], **{c: values[c] for c in second}})
                    values.update({c: None for c in links})
                batch.append(values)
                if len(batch) >= BATCH:
                    dst.execute(table.insert(), batch)
                    count += len(batch)
                    batch = []
            if batch:
                dst.execute(table.insert(), batch)
                count += len(batch)
            if later:
                key = pk[0]
                stmt = table.update().where(key == _bind(key)).values({c: _bind(table.c[c]) for c in second})
                dst.execute(stmt, [{"b_" + key.name: r["_pk"], **{"b_" + c: r[c] for c in second}} for r in later])
            say(f"{table.name}：{count} 行")
        if target.dialect.name == "postgresql":
            _move_sequences(dst)


def _bind(column):
    from sqlalchemy import bindparam

    return bindparam("b_" + column.name, type_=column.type)


def _move_sequences(dst: Connection) -> None:
    """Explicit ids were copied: each serial counter must start after the highest one."""
    for table in tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or pk[0].name != "id":
            continue
        dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                         f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"))


def _norm(value) -> str:
    if value is None:
        return "\u2205"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    return str(value)


def checksums(engine: Engine) -> list[TableCheck]:
    """Rows and a SHA-256 per table, independent of the database kind (keys sorted here, not by
    the server's collation)."""
    out = []
    with engine.connect() as conn:
        for table in tables():
            pk_names = [c.name for c in table.primary_key.columns]
            names = [c.name for c in table.columns]
            digests = []
            for row in conn.execute(select(table)).mappings():
                key = tuple(_sort_key(row[k]) for k in pk_names)
                line = "\x1f".join(f"{n}={_norm(row[n])}" for n in names)
                digests.append((key, hashlib.sha256(line.encode("utf-8")).digest()))
            digests.sort(key=lambda d: d[0])
            whole = hashlib.sha256(b"".join(d for _, d in digests)).hexdigest()
            out.append(TableCheck(table.name, len(digests), whole))
    return out


def _sort_key(value):
    return (0, value, "") if isinstance(value, int) else (1, 0, str(value))


def verify(source: Engine, target: Engine) -> list[TableCheck]:
    """The target's checks, when every table matches the source's; else CopyMismatchError."""
    want, got = checksums(source), checksums(target)
    bad = [f"{a.table}（源 {a.rows} 行，目标 {b.rows} 行{'，内容不同' if a.rows == b.rows else ''}）"
           for a, b in zip(want, got, strict=True) if a != b]
    if bad:
        raise CopyMismatchError("复制后的校验未通过：" + "；".join(bad) + "。请勿使用目标数据库，源数据库未作改动。")
    return got
