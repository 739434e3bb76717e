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
from tests.pg import backend_paths

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
    # tests marked both_databases: the same year on the server
    t = tracked_context(tmp_path / "tracked.sqlite3", backend_paths(request, tmp_path, backend))
    yield t
    t.ctx.close()
