"""Other clerks' changes are noticed without a restart: server notifications, SQLite's data_version."""

from __future__ import annotations

import pytest

from app.context import open_context
from app.paths import resolve_paths, server_paths
from app.services.changes import summary
from app.services.clerk import make_clerk

pytestmark = pytest.mark.both_databases


def test_changes_of_another_program_are_seen_and_ones_own_are_not(empty_ctx, tmp_path):
    paths = empty_ctx.paths
    other_paths = server_paths(paths.server, tmp_path / "li") if paths.server else resolve_paths(paths.db_path)
    li = open_context(other_paths, load_demo=False, clerk=make_clerk("李四"))
    try:
        watcher = empty_ctx.changes
        assert watcher.poll() == []
        empty_ctx.services.units.add_unit("县司法局")  # this program's own change
        assert watcher.poll() == []
        li.services.units.add_unit("县公安局")
        plan = li.services.plans.create_plan("2026年工作要点", year=2026)
        seen = watcher.poll()
        assert [(c.clerk, c.entity, c.action) for c in seen] == [("李四", "unit", "create"), ("李四", "plan", "create")]
        assert summary(seen) == "李四修改了单位名录、工作要点，已刷新。"
        assert watcher.poll() == []  # each change is told once
        li.services.plans.update_plan(plan.id, title="2026年法治政府建设工作要点")
        assert [c.action for c in watcher.poll()] == ["update"]
    finally:
        li.close()
