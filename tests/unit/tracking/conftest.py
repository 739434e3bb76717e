"""A demo database whose 督办 year and clock stand still at 1 December 2026."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from app.context import AppContext, open_context
from app.models.database import session_scope
from app.paths import resolve_paths
from app.services.demo_data import load_demo
from app.services.tracking import TrackingService

TODAY = date(2026, 12, 1)


@dataclass
class Tracked:
    ctx: AppContext
    service: TrackingService
    plan_id: int


def tracked_context(path, paths=None) -> Tracked:
    ctx = open_context(paths or resolve_paths(path), load_demo=False)
    with session_scope(ctx.session_factory) as s:
        plan_id = load_demo(s, ctx.resources / "samples", TODAY)
    ctx.demo_plan_id = plan_id
    return Tracked(ctx, TrackingService(ctx.session_factory, ctx.settings, clock=lambda: TODAY), plan_id)


@pytest.fixture
def tracked(request, tmp_path, backend) -> Tracked:
    paths = None
    if backend == "postgres":  # tests marked both_databases: the same year on the server
        from app.paths import server_paths

        cluster = request.getfixturevalue("pg_cluster")
        target = cluster.new_database(template=cluster.template("empty"))
        request.addfinalizer(lambda: cluster.drop_database(target.dbname))
        paths = server_paths(target, tmp_path / "pc")
    t = tracked_context(tmp_path / "tracked.sqlite3", paths)
    yield t
    t.ctx.close()
