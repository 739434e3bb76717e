"""The same Alembic migrations on a PostgreSQL server, in the same order as for a file.

1. A read-only look (a READ ONLY transaction): the schema version, and whether the database holds
   tables of some other program. A newer version is refused before anything is written.
2. A backup (pg_dump, when the caller can make one) before an existing database is migrated.
3. The migration inside one transaction that first takes a server-wide advisory lock and re-reads
   the version under it: when several clients start together, the first migrates and the others
   wait, find the newest version and go on. PostgreSQL's DDL is transactional, so a failure leaves
   the old schema whole."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from app.models.migrate import (
    MIGRATIONS_DIR,
    ForeignDatabaseError,
    SchemaTooNewError,
    alembic_config,
    known_revision,
)
from app.models.server_engine import MIGRATION_LOCK

log = logging.getLogger(__name__)

MIGRATION_WAIT_S = 300  # another client's migration is waited for this long


@dataclass(frozen=True)
class ServerState:
    revision: str | None
    has_tables: bool


def inspect_server(engine: Engine) -> ServerState:
    with engine.connect() as conn, conn.begin():
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        names = set(conn.execute(text(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).scalars())
        revision = None
        if "alembic_version" in names:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return ServerState(revision, bool(names - {"alembic_version"}))


def check_server(state: ServerState, script: ScriptDirectory) -> None:
    if state.revision is not None and not known_revision(script, state.revision):
        raise SchemaTooNewError(state.revision, server=True)
    if state.revision is None and state.has_tables:
        raise ForeignDatabaseError("tables without alembic_version")


def upgrade_server(engine: Engine, backup: Callable[[str | None], object] | None = None) -> bool:
    """Brings the server's database to the newest schema. True when this client migrated it."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    state = inspect_server(engine)
    check_server(state, script)
    if state.revision == head:
        return False
    if backup is not None and state.has_tables:
        backup(state.revision)
    with engine.connect() as conn, conn.begin():
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{MIGRATION_WAIT_S}s'")
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return False  # another client migrated it while we waited for the lock
        if current is not None and not known_revision(script, current):
            raise SchemaTooNewError(current, server=True)
        log.info("migrating server database %s -> %s", current, head)
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
