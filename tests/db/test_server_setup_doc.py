"""The least-privilege set-up of docs/server.md works as written: its SQL runs, a clerk's own login
migrates the empty database, the tables belong to the role that cannot log in, and the clerk is no
superuser and cannot create databases."""

from __future__ import annotations

import re

import psycopg
import pytest

from app.context import open_context
from app.paths import server_paths
from app.server_target import make_target
from tests.pg import REPO

pytestmark = pytest.mark.postgres


def doc_sql() -> str:
    text = (REPO / "docs" / "server.md").read_text(encoding="utf-8")
    return re.search(r"```sql\n(.*?)```", text, re.S)[1]


def run_as_admin(cluster, sql: str) -> None:
    """The statements the way psql runs them, including its \\c to switch database."""
    a = cluster.admin
    conn = psycopg.connect(host=a.host, port=a.port, user=a.user, dbname="postgres", autocommit=True)
    try:
        for line in sql.splitlines():
            line = line.split("--")[0].strip()
            if line.startswith("\\c "):
                conn.close()
                conn = psycopg.connect(host=a.host, port=a.port, user=a.user, dbname=line[3:], autocommit=True)
            elif line:
                conn.execute(line.rstrip(";"))
    finally:
        conn.close()


def test_the_documented_roles_work(pg_cluster, tmp_path):
    dbname = "fazhi"  # as written (the cluster is the tests' own)
    for stmt in (f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)', "DROP ROLE IF EXISTS zhangsan",
                 "DROP ROLE IF EXISTS fazhi"):
        pg_cluster.sql(stmt)
    sql = doc_sql()
    assert "NOSUPERUSER NOCREATEDB NOCREATEROLE" in sql and "REVOKE ALL ON DATABASE fazhi FROM PUBLIC" in sql
    run_as_admin(pg_cluster, sql)
    try:
        clerk = make_target(pg_cluster.admin.host, dbname, "zhangsan", pg_cluster.admin.port)
        ctx = open_context(server_paths(clerk, tmp_path), load_demo=False)
        try:
            ctx.services.units.add_unit("县司法局")
        finally:
            ctx.close()
        owners = {r[0] for r in pg_cluster.sql("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'", dbname)}
        assert owners == {"fazhi"}
        rights = pg_cluster.sql("SELECT rolsuper, rolcreatedb, rolcreaterole, rolcanlogin FROM pg_roles "
                                "WHERE rolname IN ('zhangsan', 'fazhi') ORDER BY rolname")
        assert rights == [(False, False, False, False), (False, False, False, True)]
    finally:
        pg_cluster.sql(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        pg_cluster.sql("DROP ROLE IF EXISTS zhangsan")
        pg_cluster.sql("DROP ROLE IF EXISTS fazhi")
