import sqlite3

import pytest

from app.cli import main
from app.services import backup
from app.services.errors import DomainError


def test_backup_is_a_complete_copy(ctx, tmp_path):
    info = backup.create_backup(ctx.paths.db_path, tmp_path / "bk")
    con = sqlite3.connect(info.path)
    assert con.execute("select count(*) from plan_node where is_task").fetchone() == (30,)
    assert backup.list_backups(tmp_path / "bk")[0].path == info.path


def test_missing_database_gives_a_chinese_message(tmp_path):
    with pytest.raises(DomainError, match="不存在"):
        backup.create_backup(tmp_path / "none.sqlite3", tmp_path / "bk")


def test_prune_keeps_migration_backups(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "KEEP", 2)
    bk = tmp_path / "bk"
    bk.mkdir()
    (bk / "x-before-migration-0001.sqlite3").write_bytes(b"")
    made = [backup.create_backup(ctx.paths.db_path, bk) for _ in range(4)]
    names = {b.path.name for b in backup.list_backups(bk)}
    assert "x-before-migration-0001.sqlite3" in names
    assert len([n for n in names if "-manual" in n]) == 2
    assert made[-1].path.name in names


def test_backup_command(tmp_path, capsys):
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "backup"]) == 0
    assert "已备份" in capsys.readouterr().out
    assert main(["--db", str(db), "backup", "--list"]) == 0
    assert "-manual" in capsys.readouterr().out
