"""The engine for a shared PostgreSQL database (psycopg 3).

Sessions there behave like the SQLite ones: times are UTC (SQLite's CURRENT_TIMESTAMP), a lock is
waited for a bounded time and then reported in Chinese, and a writer that asks for `immediate`
(read-then-write, see database.session_scope) takes one transaction-scoped advisory lock, the server's
counterpart of SQLite's BEGIN IMMEDIATE. Rows that must not be handed out twice (文号) are locked
as rows as well (SELECT … FOR UPDATE)."""

from __future__ import annotations

from sqlalchemy import URL, Engine, create_engine, text
from sqlalchemy.orm import Session

from app.server_target import ServerTarget

LOCK_TIMEOUT_MS = 15_000
CONNECT_TIMEOUT_S = 10
# Advisory-lock keys (any 64-bit numbers unique to this program): the write lane and migrations.
WRITE_LANE_LOCK = 0x46A2_0001
MIGRATION_LOCK = 0x46A2_0002
CHANGES_CHANNEL = "fazhi_changes"


def server_url(target: ServerTarget, password: str | None = None) -> URL:
    query = {"sslmode": target.sslmode, "application_name": "fazhi-desk",
             "connect_timeout": str(CONNECT_TIMEOUT_S)}
    if target.is_socket:
        query["host"] = target.host
        query["port"] = str(target.port)
        return URL.create("postgresql+psycopg", username=target.user, password=password,
                          database=target.dbname, query=query)
    return URL.create("postgresql+psycopg", username=target.user, password=password, host=target.host,
                      port=target.port, database=target.dbname, query=query)


def make_server_engine(target: ServerTarget, password: str | None = None, pool_size: int = 4) -> Engine:
    """password: from the typed URL or the credential store; None lets libpq use its own ways
    (a .pgpass file, PGPASSWORD, or a server that trusts this PC)."""
    options = f"-c timezone=UTC -c lock_timeout={LOCK_TIMEOUT_MS} -c idle_in_transaction_session_timeout=600000"
    return create_engine(server_url(target, password or target.password), pool_pre_ping=True,
                         pool_size=pool_size, max_overflow=4, connect_args={"options": options})


def take_write_lane(session: Session) -> None:
    """The server's BEGIN IMMEDIATE: one read-then-write unit of work at a time, until commit."""
    session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LANE_LOCK})


def is_server(bind) -> bool:
    return bind is not None and bind.dialect.name == "postgresql"
