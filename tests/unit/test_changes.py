"""Other clerks' changes are noticed without a restart: server notifications, SQLite's data_version."""

from __future__ import annotations

import time

import pytest

from app.context import open_context
from app.services.changes import summary
from app.services.clerk import make_clerk
from tests.pg import same_database


def seen_within(watcher, seconds: float = 10.0) -> list:
    """Poll as the window's timer does: a server's notification reaches the listening connection a
    moment after the other program's commit, so one look right after it may still find nothing."""
    deadline = time.monotonic() + seconds
    while not (seen := watcher.poll()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return seen


@pytest.mark.both_databases
def test_changes_of_another_program_are_seen_and_ones_own_are_not(empty_ctx, tmp_path):
    li = open_context(same_database(empty_ctx.paths, tmp_path / "li"), load_demo=False, clerk=make_clerk("李四"))
    try:
        watcher = empty_ctx.changes
        assert watcher.poll() == []
        empty_ctx.services.units.add_unit("县司法局")  # this program's own change
        assert watcher.poll() == []
        li.services.units.add_unit("县公安局")
        plan = li.services.plans.create_plan("2026年工作要点", year=2026)
        seen = seen_within(watcher)
        assert [(c.clerk, c.entity, c.action) for c in seen] == [("李四", "unit", "create"), ("李四", "plan", "create")]
        assert summary(seen) == "李四修改了单位名录、工作要点，已刷新。"
        assert watcher.poll() == []  # each change is told once
        li.services.plans.update_plan(plan.id, title="2026年法治政府建设工作要点")
        assert [c.action for c in seen_within(watcher)] == ["update"]
    finally:
        li.close()


@pytest.mark.parametrize("backend", ["postgres"])  # only a server has two writers at once
def test_a_save_that_commits_after_a_later_one_is_still_seen(empty_ctx, tmp_path):
    from app.services import audit

    li = open_context(same_database(empty_ctx.paths, tmp_path / "li"), load_demo=False, clerk=make_clerk("李四"))
    try:
        watcher = empty_ctx.changes
        assert watcher.poll() == []
        slow = li.session_factory()
        try:
            audit.record(slow, "node", 1, "update")
            slow.flush()  # its audit id is taken now; other programs see the line only at commit
            li.services.units.add_unit("县公安局")  # a later id, committed first
            assert [(c.entity, c.action) for c in seen_within(watcher)] == [("unit", "create")]
            slow.commit()
        finally:
            slow.close()
        assert [(c.entity, c.action) for c in seen_within(watcher)] == [("node", "update")]
        assert watcher.poll() == []
    finally:
        li.close()
