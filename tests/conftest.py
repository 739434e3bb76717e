"""Shared fixtures. Qt runs offscreen in every test (DESIGN.md §7)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from app.context import AppContext, open_context
from app.paths import resolve_paths

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = REPO / "resources" / "samples"


BACKENDS = ("sqlite", "postgres")


def pytest_generate_tests(metafunc):
    """Tests marked both_databases run once on a SQLite file and once on the PostgreSQL server."""
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_databases"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


def pytest_collection_modifyitems(config, items):
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend") == "postgres":
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_cluster():
    """The tests' PostgreSQL cluster (test.sh's, or one started for this run). Never skips."""
    from tests.pg import PgCluster

    cluster = PgCluster.obtain()
    yield cluster
    cluster.stop()


@pytest.fixture
def memory_keyring():
    """The credential store of the operating system, played by a dictionary for one test."""
    import keyring

    from tests.memory_keyring import MemoryKeyring

    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


@pytest.fixture
def backend(request) -> str:
    return getattr(request, "param", "sqlite")


def _open(request, tmp_path, backend: str, load_demo: bool) -> AppContext:
    if backend == "sqlite":
        name = "fazhi.sqlite3" if load_demo else "empty.sqlite3"
        return open_context(resolve_paths(tmp_path / name), load_demo=load_demo)
    from app.paths import server_paths

    cluster = request.getfixturevalue("pg_cluster")
    target = cluster.new_database(template=cluster.template("demo" if load_demo else "empty"))
    c = open_context(server_paths(target, tmp_path / "pc"), load_demo=load_demo)
    if load_demo:
        c.demo_plan_id = c.settings.last_plan_id  # the template loaded it; its id is the same here
    request.addfinalizer(lambda: cluster.drop_database(target.dbname))
    return c


@pytest.fixture
def ctx(request, tmp_path, backend) -> AppContext:
    """A fresh database with the demo data loaded (on the server too, for tests marked both_databases)."""
    c = _open(request, tmp_path, backend, load_demo=True)
    yield c
    c.close()


@pytest.fixture
def empty_ctx(request, tmp_path, backend) -> AppContext:
    """A fresh, migrated, empty database."""
    c = _open(request, tmp_path, backend, load_demo=False)
    yield c
    c.close()


@pytest.fixture
def services(ctx):
    return ctx.services
