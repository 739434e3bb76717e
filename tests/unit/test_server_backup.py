"""Backups of a server database with pg_dump, or a clear message when it is not installed."""

from __future__ import annotations

import subprocess

import pytest

from app.cli import main
from app.services.errors import DomainError
from app.services.server import pg_backup

pytestmark = pytest.mark.postgres


@pytest.fixture
def server_db(pg_cluster, tmp_path):
    target = pg_cluster.new_database(template=pg_cluster.template("demo"))
    yield target
    pg_cluster.drop_database(target.dbname)


def test_backup_of_the_server_is_a_pg_dump_that_pg_restore_reads(server_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FAZHI_DB", server_db.url_text())
    monkeypatch.setattr("app.paths.user_data_dir", lambda *a, **k: str(tmp_path / "pc"))
    assert main(["backup"]) == 0
    assert "已备份服务器数据库" in capsys.readouterr().out
    dumps = pg_backup.list_dumps(tmp_path / "pc" / "backups")
    assert len(dumps) == 1 and dumps[0].path.suffix == ".dump"
    listing = subprocess.run([str(pg_backup.find_tool("pg_restore")), "--list", str(dumps[0].path)],
                             capture_output=True, text=True, check=True).stdout
    assert "TABLE DATA public plan_node" in listing and "TABLE DATA public progress_entry" in listing
    assert not list((tmp_path / "pc" / "backups").glob(".*"))  # no temporary left
    assert main(["backup", "--list"]) == 0 and dumps[0].path.name in capsys.readouterr().out
    assert main(["backup", "--restore"]) == 2
    assert "pg_restore" in capsys.readouterr().err


def test_without_pg_dump_the_clerk_is_told_what_to_install(server_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FAZHI_DB", server_db.url_text())
    monkeypatch.setattr("app.paths.user_data_dir", lambda *a, **k: str(tmp_path / "pc"))
    monkeypatch.setattr(pg_backup, "find_tool", lambda _name: None)
    assert main(["backup"]) == 2
    err = capsys.readouterr().err
    assert "pg_dump" in err and "PostgreSQL 客户端工具" in err and "docs/server.md" in err
    assert not (tmp_path / "pc" / "backups").exists() or not any((tmp_path / "pc" / "backups").iterdir())


def test_a_pg_dump_older_than_the_server_is_its_own_error(tmp_path):
    """Told apart by type (the start-up migration goes on without a local backup then), not by
    searching the Chinese sentence."""
    from app.server_target import parse_server_url

    old = tmp_path / "pg_dump"
    old.write_text("#!/bin/sh\necho 'pg_dump: error: aborting because of server version mismatch' >&2\nexit 1\n",
                   encoding="utf-8")
    old.chmod(0o755)
    target = parse_server_url("postgresql://fazhi@127.0.0.1:1/fazhi")
    with pytest.raises(pg_backup.PgDumpTooOldError, match="版本比服务器旧"):
        pg_backup._run(old, ["--version"], target, None)
    other = tmp_path / "pg_dump2"
    other.write_text("#!/bin/sh\necho 'permission denied for table plan' >&2\nexit 1\n", encoding="utf-8")
    other.chmod(0o755)
    with pytest.raises(DomainError) as err:
        pg_backup._run(other, [], target, None)
    assert not isinstance(err.value, pg_backup.PgDumpTooOldError) and "权限" in err.value.message
