"""0004 replaces the old, unused progress_entry: any row a file still holds is kept in the audit log,
and the downgrade gives the old table back."""

import shutil
import sqlite3
from pathlib import Path

from alembic import command

from app.models.database import make_engine
from app.models.migrate import alembic_config

FIXTURES = Path(__file__).parent / "fixtures"


def test_old_progress_rows_survive_in_the_audit_log_and_downgrade_works(tmp_path):
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema-0002.sqlite3", db)
    con = sqlite3.connect(db)
    con.execute("INSERT INTO progress_entry (node_id, unit_id, period, status, text) "
                "VALUES (1, 1, '2026-05', '推进中', '老版本留下的进展')")
    con.commit()
    con.close()
    engine = make_engine(db)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "0004")
    with engine.connect() as conn:
        kept = conn.exec_driver_sql("SELECT detail FROM audit_log WHERE action = 'migrate'").scalars().all()
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(progress_entry)")}
    assert kept == ["升级前的进展记录：单位1，2026-05 ，推进中：老版本留下的进展"]
    assert {"period_id", "percent", "evidence", "source_file"} <= columns
    command.downgrade(cfg, "0002")
    with engine.connect() as conn:
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(progress_entry)")}
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "period" in columns and "reporting_period" not in tables
    engine.dispose()
