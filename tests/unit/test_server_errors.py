"""PostgreSQL's errors said in Chinese: refused connection, failed login, lock timeout, serialization
failure, a full disk, a missing database; a real lock held by another clerk's program."""

from __future__ import annotations

import threading

import psycopg
import pytest
from psycopg import errors

from app.services.system_errors import (
    DatabaseBusyError,
    DiskFullError,
    ServerUnreachableError,
    as_domain_error,
    server_error,
)


@pytest.mark.parametrize(("exc", "kind", "words"), [
    (errors.LockNotAvailable("canceling statement due to lock timeout"), DatabaseBusyError, "等待超时"),
    (errors.SerializationFailure("could not serialize access"), DatabaseBusyError, "同时发生"),
    (errors.DeadlockDetected("deadlock detected"), DatabaseBusyError, "同时发生"),
    (errors.DiskFull("could not extend file"), DiskFullError, "磁盘空间不足"),
    (errors.InvalidPassword("password authentication failed"), None, "用户名或密码不正确"),
    (errors.InsufficientPrivilege("permission denied for table plan"), None, "权限不足"),
    (errors.TooManyConnections("sorry, too many clients already"), None, "连接数已满"),
    (psycopg.OperationalError('connection failed: FATAL:  password authentication failed for user "x"'), None,
     "用户名或密码不正确"),
    (psycopg.OperationalError('connection failed: FATAL:  database "fazhi" does not exist'), None, "没有这个数据库"),
    (psycopg.OperationalError('connection failed: FATAL:  role "zhangsan" does not exist'), None, "用户名不存在"),
    (psycopg.OperationalError("connection failed: Connection refused\n\tIs the server running on that host"),
     ServerUnreachableError, "无法连接数据库服务器"),
    (psycopg.OperationalError("connection failed: server does not support SSL, but SSL was required"), None,
     "没有开启加密连接"),
])
def test_server_errors_are_chinese_sentences(exc, kind, words):
    said = server_error(exc)
    assert said is not None and words in said.message and said.message.endswith("。")
    assert not any(c.isascii() and c.isalpha() for c in said.message.replace("pg_hba.conf", "")
                   .replace("docs/server.md", "").replace("TLS", "").replace("max_connections", ""))
    if kind is not None:
        assert isinstance(said, kind)
    assert as_domain_error(exc).message == said.message


def test_a_programming_error_is_not_dressed_up():
    assert server_error(errors.UndefinedColumn("column x does not exist")) is None
    assert server_error(ValueError("x")) is None


@pytest.mark.postgres
def test_a_row_held_by_another_program_times_out_in_chinese(pg_cluster, tmp_path, monkeypatch):
    from app.context import open_context
    from app.models import server_engine
    from app.paths import server_paths

    monkeypatch.setattr(server_engine, "LOCK_TIMEOUT_MS", 300)
    target = pg_cluster.new_database(template=pg_cluster.template("demo"))
    ctx = open_context(server_paths(target, tmp_path), load_demo=True)
    try:
        node = next(n for n in ctx.services.plans.tree(ctx.settings.last_plan_id)[0].children)
        held, release = threading.Event(), threading.Event()

        def other_program():
            a = pg_cluster.admin
            with psycopg.connect(host=a.host, port=a.port, user=a.user, dbname=target.dbname) as conn:
                conn.execute("SELECT 1 FROM plan_node WHERE id = %s FOR UPDATE", (node.id,))
                held.set()
                release.wait(120)

        t = threading.Thread(target=other_program)
        t.start()
        try:
            assert held.wait(60)
            with pytest.raises(DatabaseBusyError) as err:
                ctx.services.plans.update_node(node.id, expected_version=node.version, heading="改")
        finally:
            release.set()
            t.join()
        assert "等待超时" in err.value.message
        assert ctx.services.plans.get_node(node.id).heading == node.heading  # nothing saved
    finally:
        ctx.close()
        pg_cluster.drop_database(target.dbname)
