"""The same migrations on the PostgreSQL server: the schema matches the models, a newer schema is
refused untouched, two clients starting together migrate once, and what a clerk reads when the
server cannot be reached or refuses the login."""

from __future__ import annotations

import multiprocessing

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.context import DatabaseOpenError, open_context
from app.models import Base
from app.models.migrate import alembic_config, head_revision
from app.models.server_engine import make_server_engine
from app.models.server_migrate import inspect_server, upgrade_server
from app.paths import server_paths
from app.server_target import make_target, parse_server_url
from app.services.server import credentials

pytestmark = pytest.mark.postgres


@pytest.fixture
def blank(pg_cluster):
    """A new, empty server database (what the county's IT creates)."""
    target = pg_cluster.new_database(prefix="blank")
    yield target
    pg_cluster.drop_database(target.dbname)


def test_empty_server_database_to_head_matches_the_models(blank, tmp_path):
    ctx = open_context(server_paths(blank, tmp_path), load_demo=False)
    try:
        with ctx.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert inspect_server(ctx.engine).revision == head_revision()
        assert upgrade_server(ctx.engine) is False
    finally:
        ctx.close()


def test_a_newer_schema_on_the_server_is_refused_untouched(blank, pg_cluster, tmp_path):
    ctx = open_context(server_paths(blank, tmp_path), load_demo=True)
    ctx.close()
    pg_cluster.sql("UPDATE alembic_version SET version_num = '0099fake'", blank.dbname)
    before = pg_cluster.sql("SELECT count(*), max(id) FROM audit_log", blank.dbname)
    with pytest.raises(DatabaseOpenError) as err:
        open_context(server_paths(blank, tmp_path), load_demo=False)
    assert "更新版本" in err.value.message and "服务器上的数据库未作任何修改" in err.value.message
    assert pg_cluster.sql("SELECT count(*), max(id) FROM audit_log", blank.dbname) == before


def test_a_database_of_another_program_is_refused(blank, pg_cluster, tmp_path):
    pg_cluster.sql("CREATE TABLE payroll (id int)", blank.dbname)
    with pytest.raises(DatabaseOpenError) as err:
        open_context(server_paths(blank, tmp_path), load_demo=False)
    assert "不是法治工作台的数据库" in err.value.message


def _start_client(url: str, start, queue) -> None:
    engine = make_server_engine(parse_server_url(url))
    try:
        start.wait(60)
        queue.put(upgrade_server(engine))
    except Exception as exc:  # reported to the test, which fails on it
        queue.put(repr(exc))
    finally:
        engine.dispose()


@pytest.mark.parametrize("start_at", [None, "0004"], ids=["new", "from-0004"])
def test_two_clients_starting_together_migrate_once(blank, start_at):
    if start_at:
        engine = make_server_engine(blank)
        command.upgrade(alembic_config(engine), start_at)
        engine.dispose()
    mp = multiprocessing.get_context("spawn")
    start, queue = mp.Barrier(2), mp.Queue()
    procs = [mp.Process(target=_start_client, args=(blank.url_text(), start, queue)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert sorted(results, key=str) == [False, True]  # one migrated, the other waited and found it done
    engine = make_server_engine(blank)
    try:
        assert inspect_server(engine).revision == head_revision()
    finally:
        engine.dispose()


def test_an_unreachable_server_is_said_in_chinese(tmp_path):
    target = make_target(str(tmp_path / "no-server-here"), "fazhi", "clerk", 5999)
    with pytest.raises(DatabaseOpenError) as err:
        open_context(server_paths(target, tmp_path), load_demo=False)
    assert "无法连接数据库服务器" in err.value.message and "Connection" not in err.value.message


def test_the_password_comes_from_the_credential_store_and_a_wrong_one_is_said(blank, pg_cluster, tmp_path,
                                                                                 memory_keyring, caplog):
    caplog.set_level("DEBUG")
    # members of pw_users must log in with a password (the test cluster's pg_hba.conf)
    pg_cluster.sql("DROP ROLE IF EXISTS pw_clerk")
    if not pg_cluster.sql("SELECT 1 FROM pg_roles WHERE rolname = 'pw_users'"):
        pg_cluster.sql("CREATE ROLE pw_users NOLOGIN")
    pg_cluster.sql("CREATE ROLE pw_clerk LOGIN PASSWORD 'zheng-que' IN ROLE pw_users")
    pg_cluster.sql(f'ALTER DATABASE "{blank.dbname}" OWNER TO pw_clerk')
    target = make_target(blank.host, blank.dbname, "pw_clerk", blank.port)
    with pytest.raises(DatabaseOpenError) as err:
        open_context(server_paths(target, tmp_path), load_demo=False)
    assert "用户名或密码不正确" in err.value.message
    credentials.set_password(target, "zheng-que")
    assert memory_keyring.kept == {(credentials.SERVICE, target.credential_key): "zheng-que"}
    ctx = open_context(server_paths(target, tmp_path), load_demo=False)
    try:
        assert ctx.services.units.list_units() == []
    finally:
        ctx.close()
    assert caplog.records and "zheng-que" not in caplog.text  # never in a log line
