"""0005 adds the annual report and coverage tables to a 0004 database with its data, the partial
unique indexes and the one-target check hold, and the downgrade takes them away again."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.exc import IntegrityError

from app.models.database import make_engine
from app.models.migrate import alembic_config

FIXTURES = Path(__file__).parent / "fixtures"
NEW = {"annual_report", "report_section", "report_figure", "report_figure_return", "indicator_system", "indicator",
       "coverage_link", "coverage_note"}


def tables(engine) -> set[str]:
    with engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}


def test_upgrade_from_0004_keeps_data_and_downgrade_removes_the_tables(tmp_path):
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema-0004.sqlite3", db)
    engine = make_engine(db)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "0005")
    assert tables(engine) >= NEW
    with engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM progress_entry").scalar() > 0
        node = conn.exec_driver_sql("SELECT id, plan_id FROM plan_node WHERE is_task = 1 LIMIT 2").all()
        (n1, plan), (n2, _p) = node
        conn.exec_driver_sql("INSERT INTO coverage_link (plan_id, node_id, superior_node_id, state) "
                             f"VALUES ({plan}, {n1}, {n2}, 'confirmed')")
    for sql in (f"INSERT INTO coverage_link (plan_id, node_id, superior_node_id, state) VALUES ({plan}, {n1}, {n2}, 'rejected')",
                f"INSERT INTO coverage_link (plan_id, node_id, state) VALUES ({plan}, {n1}, 'confirmed')"):
        with pytest.raises(IntegrityError), engine.begin() as conn:  # duplicate link; a link with no target
            conn.exec_driver_sql(sql)
    command.downgrade(cfg, "0004")
    assert not NEW & tables(engine)
    engine.dispose()
    assert sqlite3.connect(db).execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
