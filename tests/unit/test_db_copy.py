"""`db copy`: a county's SQLite file onto an empty server database and back, verified table by table."""

from __future__ import annotations

import pytest

from app.cli import main
from app.context import open_context
from app.models.database import make_engine
from app.paths import resolve_paths, server_paths
from app.services.server.db_copy import CopyMismatchError, verify
from tests.unit.tracking.conftest import tracked_context


@pytest.fixture
def office_file(tmp_path):
    """A used database: the demo plan, its notices and a 督办 year with entries, 延期 and 销号."""
    t = tracked_context(tmp_path / "office.sqlite3")
    t.ctx.services.notices.allocate_serial("示政办发", 2026)
    t.ctx.close()
    return tmp_path / "office.sqlite3"


@pytest.mark.postgres
def test_round_trip_file_to_server_and_back_is_verified(office_file, pg_cluster, tmp_path, capsys):
    target = pg_cluster.new_database(prefix="copy")
    src = open_context(resolve_paths(office_file), load_demo=False)
    next_serial = src.services.notices.suggest_serial("示政办发", 2026)
    src.close()
    try:
        assert main(["--db", str(office_file), "db", "copy", "--to", target.url_text()]) == 0
        out = capsys.readouterr().out
        assert "校验" in out and "progress_entry：" in out
        # the office works on the server: new rows get ids after the copied ones
        ctx = open_context(server_paths(target, tmp_path / "pc"), load_demo=False)
        try:
            assert ctx.services.plans.list_plans()[0].task_count > 0
            assert ctx.services.notices.allocate_serial("示政办发", 2026) == next_serial > 1
            unit = ctx.services.units.add_unit("新设的县数据局")
            assert unit.id > max(u.id for u in ctx.services.units.list_units() if u.id != unit.id)
        finally:
            ctx.close()
        back = tmp_path / "back" / "offline.sqlite3"
        assert main(["--db", str(back), "db", "copy", "--from", target.url_text()]) == 0
        assert "行数和每个表的校验值" in capsys.readouterr().out
        offline = open_context(resolve_paths(back), load_demo=False)
        try:  # what was done on the server came back
            assert "新设的县数据局" in [u.name for u in offline.services.units.list_units()]
            assert offline.services.notices.suggest_serial("示政办发", 2026) == next_serial + 1
        finally:
            offline.close()
        # copying onto a database that already holds the office is refused, nothing mixed
        assert main(["--db", str(office_file), "db", "copy", "--to", target.url_text()]) == 2
        assert "不是空的" in capsys.readouterr().err
    finally:
        pg_cluster.drop_database(target.dbname)


def test_a_difference_is_found_and_named(office_file, tmp_path):
    import shutil
    import sqlite3

    other = tmp_path / "other.sqlite3"
    shutil.copy(office_file, other)
    con = sqlite3.connect(other)
    con.execute("UPDATE plan_node SET text = text || '。' WHERE id = (SELECT min(id) FROM plan_node)")
    con.commit()
    con.close()
    a, b = make_engine(office_file), make_engine(other)
    try:
        with pytest.raises(CopyMismatchError) as err:
            verify(a, b)
        assert "plan_node" in err.value.message and "内容不同" in err.value.message
        assert "unit" not in err.value.message.replace("plan_node", "")
    finally:
        a.dispose()
        b.dispose()


def test_copy_needs_a_server_address_and_a_new_file(office_file, capsys):
    assert main(["--db", str(office_file), "db", "copy", "--to", "somewhere.sqlite3"]) == 2
    assert "服务器地址" in capsys.readouterr().err
    assert main(["--db", str(office_file), "db", "copy", "--from", "postgresql://x@h/db"]) == 2
    assert "已存在" in capsys.readouterr().err
