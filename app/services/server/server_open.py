"""Opening a server database: the password from the credential store, a backup with pg_dump before
a migration, and the migration itself under the server-side lock (models.server_migrate)."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from app.models.server_engine import make_server_engine
from app.models.server_migrate import upgrade_server
from app.paths import AppPaths
from app.services.errors import DomainError
from app.services.server.credentials import get_password
from app.services.server.pg_backup import PgDumpMissingError, PgDumpTooOldError, dump_server

log = logging.getLogger(__name__)


class ServerBackupFailedError(DomainError):
    """The pg_dump taken before a migration failed; nothing was migrated."""


def server_password(paths: AppPaths) -> str | None:
    target = paths.server
    assert target is not None
    return target.password or get_password(target)


def open_server_engine(paths: AppPaths) -> Engine:
    """An engine on the server's database, migrated to this program's schema."""
    target = paths.server
    assert target is not None
    password = server_password(paths)
    engine = make_server_engine(target, password)

    def backup(revision: str | None) -> None:
        try:
            dump_server(target, password, paths.backup_dir, f"before-migration-{revision or 'none'}")
        except PgDumpMissingError:  # the migration is one transaction: a failure leaves the old schema whole
            log.warning("no pg_dump on this PC: migrating the server database without a backup from here")
        except PgDumpTooOldError:
            log.warning("pg_dump older than the server: migrating without a backup from here")
        except DomainError as exc:
            raise ServerBackupFailedError(f"服务器上的数据库需要升级，但升级前的备份未能完成：{exc.message}"
                                          "数据库未作任何修改。") from exc

    try:
        upgrade_server(engine, backup)
    except BaseException:
        engine.dispose()
        raise
    return engine
