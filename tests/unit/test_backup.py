import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.services import backup
from app.services.errors import DomainError

FIXTURES = Path(__file__).resolve().parent.parent / "db" / "fixtures"


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
    shutil.copy(FIXTURES / "schema-0001.sqlite3", bk / "x-before-migration-0001.sqlite3")
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


def test_a_backup_is_one_self_contained_file(ctx, tmp_path):
    info = backup.create_backup(ctx.paths.db_path, tmp_path / "bk")
    assert sorted(p.name for p in (tmp_path / "bk").iterdir()) == [info.path.name]  # no -wal, no .part
    con = sqlite3.connect(info.path)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_list_never_offers_a_torn_or_damaged_file(ctx, tmp_path):
    bk = tmp_path / "bk"
    good = backup.create_backup(ctx.paths.db_path, bk).path
    data = good.read_bytes()
    (bk / "fazhi-20200101-000000-000000-manual.sqlite3").write_bytes(data[: len(data) // 2])  # cut short
    hot = bk / "fazhi-20200101-000001-000000-manual.sqlite3"
    hot.write_bytes(data)
    (bk / (hot.name + "-journal")).write_bytes(b"\xd9\xd5\x05\xf9" + b"\0" * 508)  # a copy killed mid-way
    garbage = bytearray(data)
    garbage[len(data) // 2: len(data) // 2 + 4096] = b"\xff" * 4096
    (bk / "fazhi-20200101-000002-000000-manual.sqlite3").write_bytes(bytes(garbage))
    (bk / "notsqlite-manual.sqlite3").write_bytes(b"x" * 4096)
    (bk / ".fazhi-20200101-manual.abc.part").write_bytes(data)
    assert [b.path for b in backup.list_backups(bk)] == [good]
    assert backup.latest_good_backup(bk).path == good


def test_a_damaged_database_is_not_backed_up(tmp_path):
    from tests.reliability.hostile_db import damage_one_page, make_database

    db = make_database(tmp_path / "d.sqlite3", rows=300)
    damage_one_page(db)
    with pytest.raises(DomainError, match="已损坏"):
        backup.create_backup(db, tmp_path / "bk")
    assert not list((tmp_path / "bk").glob("*"))


def test_restore_puts_back_the_latest_good_backup_and_keeps_the_damaged_file(ctx, tmp_path):
    bk = ctx.paths.backup_dir
    good = backup.create_backup(ctx.paths.db_path, bk)
    ctx.close()
    db = ctx.paths.db_path
    db.write_bytes(db.read_bytes()[:8192] + b"\xff" * 8192)
    kept = backup.restore_backup(good.path, db)
    assert kept is not None and kept.exists() and not kept.name.endswith(".sqlite3")
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from plan_node where is_task").fetchone() == (30,)
    assert [b.path for b in backup.list_backups(bk)] == [good.path]  # the replaced file is not offered


def test_backup_restore_command(tmp_path, capsys, qapp):  # qapp: see test_cli's selftest test
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "backup"]) == 0
    capsys.readouterr()
    db.write_bytes(b"SQLite format 3\x00" + b"\x01" * 9000)
    assert main(["--db", str(db), "selftest"]) == 2
    err = capsys.readouterr().err
    assert "已损坏" in err and "backup --restore" in err
    assert main(["--db", str(db), "backup", "--restore"]) == 0
    assert "已恢复" in capsys.readouterr().out
    assert main(["--db", str(db), "selftest"]) in (0, 1)
    assert "[通过] 数据库" in capsys.readouterr().out


def test_temporaries_of_a_killed_backup_are_removed_by_the_next_one(ctx, tmp_path):
    import subprocess
    import sys

    bk = tmp_path / "bk"
    bk.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stem = f".fazhi-x-manual.pid{dead.stdout.strip()}.abc.part"
    left = [bk / stem, bk / f"{stem}-journal"]
    for p in left:
        p.write_bytes(b"torn")
    mine = bk / f".fazhi-y-manual.pid{os.getpid()}.def.part"  # a backup still being written
    mine.write_bytes(b"busy")
    backup.create_backup(ctx.paths.db_path, bk)
    assert not any(p.exists() for p in left) and mine.exists()
