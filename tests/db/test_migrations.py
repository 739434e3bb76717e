import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.context import DatabaseOpenError, open_context
from app.models import Base
from app.models.database import make_engine
from app.models.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from app.paths import resolve_paths

FIXTURES = Path(__file__).parent / "fixtures"


def test_empty_to_head_matches_the_models(tmp_path):
    engine = make_engine(tmp_path / "a.sqlite3")
    assert upgrade_to_head(engine, tmp_path / "a.sqlite3", tmp_path / "bk") is True
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []  # a model change without a migration fails here
    assert not (tmp_path / "bk").exists()  # nothing to back up in a new file
    assert upgrade_to_head(engine, tmp_path / "a.sqlite3", tmp_path / "bk") is False


def test_pragmas(tmp_path):
    engine = make_engine(tmp_path / "p.sqlite3")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.sqlite3")), ids=lambda p: p.stem)
def test_released_schema_fixtures_upgrade_with_backup(tmp_path, fixture):
    db = tmp_path / "old.sqlite3"
    shutil.copy(fixture, db)
    ctx = open_context(resolve_paths(db), load_demo=False)
    try:
        assert current_revision(ctx.engine) == head_revision()
        plans = ctx.services.plans.list_plans()
        assert plans and plans[0].task_count > 0  # the data survived
        assert ctx.services.units.list_units()
    finally:
        ctx.close()
    old_rev = fixture.stem.removeprefix("schema-")
    if old_rev != head_revision():
        backups = list((tmp_path / "backups").glob("*.sqlite3"))
        assert len(backups) == 1
        assert sqlite3.connect(backups[0]).execute("select version_num from alembic_version").fetchone() == (old_rev,)


def test_fixtures_exist_for_every_released_schema():
    assert (FIXTURES / "schema-0001.sqlite3").is_file()


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_newer_schema_is_refused_untouched(tmp_path, journal):
    db = tmp_path / "f.sqlite3"
    engine = make_engine(db)
    command.upgrade(alembic_config(engine), "head")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num='0000fake'")
    engine.dispose()
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA journal_mode={journal}")  # a newer program may well use another journal mode
    con.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseOpenError) as err:
        open_context(resolve_paths(db), load_demo=False)
    assert "更新版本" in err.value.message and "原文件未作任何修改" in err.value.message
    assert db.read_bytes() == before  # not a byte changed: no WAL switch, no change counter


def test_garbage_file_is_refused_with_a_chinese_message(tmp_path):
    db = tmp_path / "not-a-db.sqlite3"
    db.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DatabaseOpenError) as err:
        open_context(resolve_paths(db), load_demo=False)
    assert "不是法治工作台的数据库" in err.value.message
    assert db.read_bytes() == b"this is not sqlite at all" * 100


def test_a_backup_that_cannot_be_written_stops_the_migration_with_a_chinese_message(tmp_path):
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema-0001.sqlite3", db)
    (tmp_path / "backups").write_text("a file where the backup folder should be", encoding="utf-8")
    before = db.read_bytes()
    with pytest.raises(DatabaseOpenError) as err:
        open_context(resolve_paths(db), load_demo=False)
    assert "备份" in err.value.message and "原文件未作任何修改" in err.value.message
    assert db.read_bytes() == before
