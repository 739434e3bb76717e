"""The throwaway PostgreSQL cluster of the tests.

test.sh starts it (scripts/pg_test_server.sh) and exports its admin address as FAZHI_TEST_PG; a bare
`pytest` run starts one itself. When FAZHI_TEST_PG is set but the server does not answer, the tests
marked postgres fail loudly: they never skip. Each test gets a database of its own, copied from a
template that is migrated once (and, for the demo, filled once) per run."""

from __future__ import annotations

import itertools
import os
import subprocess
from pathlib import Path

from app.server_target import ServerTarget, parse_server_url

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "pg_test_server.sh"
_names = itertools.count(1)


class PgCluster:
    def __init__(self, admin_url: str, started_here: bool):
        self.admin_url = admin_url
        self.admin = parse_server_url(admin_url)
        self.started_here = started_here
        self._templates: dict[str, str] = {}

    @classmethod
    def obtain(cls) -> PgCluster:
        url = os.environ.get("FAZHI_TEST_PG")
        if url:
            cluster = cls(url, started_here=False)
            problem = cluster.ping()
            if problem:
                raise RuntimeError(f"FAZHI_TEST_PG is set by test.sh but the server does not answer: {problem}")
            return cluster
        done = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or not done.stdout.strip():
            raise RuntimeError(f"could not start the test PostgreSQL cluster: {done.stderr.strip()}")
        return cls(done.stdout.strip(), started_here=True)

    def stop(self) -> None:
        if self.started_here:
            subprocess.run(["bash", str(SCRIPT), "stop", self.admin_url], timeout=120, check=False)

    def _connect(self, dbname: str = "postgres"):
        import psycopg

        a = self.admin
        return psycopg.connect(host=a.host, port=a.port, user=a.user, dbname=dbname, autocommit=True)

    def ping(self) -> str:
        try:
            with self._connect() as conn:
                conn.execute("SELECT 1")
        except Exception as exc:
            return str(exc)
        return ""

    def sql(self, statement: str, dbname: str = "postgres", params=None) -> list[tuple]:
        with self._connect(dbname) as conn:
            cur = conn.execute(statement, params)
            return cur.fetchall() if cur.description else []

    def new_database(self, template: str | None = None, prefix: str = "t") -> ServerTarget:
        name = f"{prefix}_{os.getpid()}_{next(_names)}"
        tpl = f" TEMPLATE {template}" if template else " TEMPLATE template0"
        self.sql(f'CREATE DATABASE "{name}"{tpl}')
        return self.admin.with_database(name)

    def drop_database(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def template(self, kind: str) -> str:
        """A database migrated to head ("empty") or holding the demo too ("demo"), made once per run."""
        if kind not in self._templates:
            from app.context import open_context
            from app.paths import server_paths

            target = self.new_database(prefix=f"tpl_{kind}")
            folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"fazhi-pgtpl-{os.getpid()}"
            ctx = open_context(server_paths(target, folder), load_demo=(kind == "demo"))
            ctx.close()
            self._templates[kind] = target.dbname
        return self._templates[kind]


def backend_paths(request, tmp_path: Path, backend: str, template: str = "empty"):
    """For a test marked both_databases: the AppPaths of a fresh server database made from `template`
    (dropped after the test), or None on SQLite, where the caller names its own file."""
    if backend != "postgres":
        return None
    from app.paths import server_paths

    cluster = request.getfixturevalue("pg_cluster")
    target = cluster.new_database(template=cluster.template(template))
    request.addfinalizer(lambda: cluster.drop_database(target.dbname))
    return server_paths(target, tmp_path / "pc")


def same_database(paths, folder: Path):
    """The database of `paths` as a second program (another clerk's PC) opens it: the same server
    database with a folder of its own, or the same SQLite file."""
    return paths_for(address_of(paths), folder)


def address_of(paths) -> str:
    """What a worker process is given to open the same database."""
    return paths.server.url_text() if paths.server else str(paths.db_path)


def paths_for(address: str, folder: Path):
    """The AppPaths of a database address (a file or a postgresql:// address, as a worker process
    is given it); a server's local files go to `folder`."""
    from app.paths import resolve_paths, server_paths
    from app.server_target import is_server_url

    return server_paths(parse_server_url(address), Path(folder)) if is_server_url(address) else resolve_paths(address)
