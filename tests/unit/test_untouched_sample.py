"""Old databases that received the 示例县 sample at their first start: the untouched ones may have it
removed (once, on request); one the clerk has worked in is never changed."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.context import open_context
from app.paths import resolve_paths
from app.services.first_start.untouched_sample import (
    SampleNotRemovableError,
    holds_untouched_sample,
    remove_sample,
)

FIXTURES = Path(__file__).resolve().parents[1] / "db" / "fixtures"
# what the released versions that loaded the sample at the first start wrote (0.1.0: schemas 0001
# and 0002); later schema fixtures hold today's sample, which only ever goes into sample databases
RELEASED = [FIXTURES / "schema-0001.sqlite3", FIXTURES / "schema-0002.sqlite3"]


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture(params=RELEASED, ids=lambda p: p.stem)
def old_db(request, tmp_path):
    db = tmp_path / "fazhi.sqlite3"
    shutil.copy(request.param, db)
    return db


def opened(db: Path):
    return open_context(resolve_paths(db))


def test_an_untouched_old_sample_is_recognised_and_removed_with_a_backup(old_db):
    ctx = opened(old_db)
    try:
        assert ctx.settings.county_name == "示例县"  # read as it always was, nothing written
        assert not ctx.services.first_start.needed(ctx.settings)
        assert holds_untouched_sample(ctx.session_factory, ctx.resources)
        units_before = len(ctx.services.units.list_units())
        backup = remove_sample(ctx.session_factory, ctx.resources, ctx.paths.db_path, ctx.paths.backup_dir)
        assert ctx.services.units.list_units() == [] and ctx.services.plans.list_plans() == []
        assert ctx.services.notices.list_notices() == [] and ctx.services.notices.list_issuers() == []
        settings = ctx.services.settings.load()
        assert settings.county_name == "" and not settings.demo_loaded and settings.last_plan_id is None
        assert ctx.services.first_start.needed(settings)  # now the first-start dialog
        assert not holds_untouched_sample(ctx.session_factory, ctx.resources)
    finally:
        ctx.close()
    con = sqlite3.connect(backup)
    assert con.execute("select count(*) from unit").fetchone() == (units_before,)
    con.close()


def _rename_unit(ctx):
    u = ctx.services.units.list_units()[0]
    ctx.services.units.update_unit(u.id, name=u.name, short_name=u.short_name)  # saved unchanged: still an edit


def _edit_task(ctx):
    node = ctx.services.plans.tree(ctx.demo_plan_id or 1)[0].children[0]
    ctx.services.plans.update_node(node.id, heading=node.heading + "。")


def _county(ctx):
    ctx.services.settings.set("county_name", "郸城县")


def _issuer_prefix(ctx):
    issuer = ctx.services.notices.list_issuers()[0]
    ctx.services.notices.update_issuer(issuer.id, issuer.name, issuer.header_text, "郸政办发")


def _issuer_without_audit(ctx):
    # a change that leaves no line in the audit log is still seen by the content fingerprint
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE issuer SET prefix = '郸政办发'")


def _number(ctx):
    ctx.services.notices.allocate_serial("示政办发", 2026)


def _progress(ctx):
    from app.services.tracking.dto import EntryValues
    from app.services.tracking.entries import EntryKey

    tracking = ctx.services.tracking
    plan = ctx.services.plans.list_plans()[0]
    period = tracking.schedule(plan.id).periods[0]
    task = next(n for root in ctx.services.plans.tree(plan.id) for n in root.children if n.lead_units)
    unit = ctx.services.units.match(task.lead_units[0]).unit
    tracking.entries.put(EntryKey(task.id, unit.id, period.id), EntryValues("推进中", text="已召开专题会议"))


def _add_then_delete(ctx):
    unit = ctx.services.units.add_unit("县档案馆", category="县政府部门")
    ctx.services.units.delete_unit(unit.id)  # back to the sample's rows, but the audit log remembers


def _import(ctx):
    ctx.services.settings.set("recent_files", ["上年工作要点.docx"])


WORK = [_rename_unit, _edit_task, _county, _issuer_prefix, _issuer_without_audit, _number, _progress,
        _add_then_delete, _import]


@pytest.mark.parametrize("work", WORK, ids=lambda f: f.__name__.strip("_"))
def test_a_database_the_clerk_worked_in_is_never_changed(tmp_path, work):
    db = tmp_path / "fazhi.sqlite3"
    shutil.copy(RELEASED[-1], db)
    ctx = opened(db)
    try:
        work(ctx)
    finally:
        ctx.close()
    before = dump(db)
    backups = sorted((tmp_path / "backups").glob("*"))  # the migration's own, from the first opening
    ctx = opened(db)
    try:
        assert not holds_untouched_sample(ctx.session_factory, ctx.resources)
        with pytest.raises(SampleNotRemovableError) as exc:
            remove_sample(ctx.session_factory, ctx.resources, ctx.paths.db_path, ctx.paths.backup_dir)
        assert "不会删除" in exc.value.message
        assert not ctx.services.first_start.needed(ctx.settings)
    finally:
        ctx.close()
    assert dump(db) == before
    assert sorted((tmp_path / "backups").glob("*")) == backups  # no backup: nothing was to be removed


def test_sample_databases_and_new_ones_are_not_offered(ctx, empty_ctx):
    assert not holds_untouched_sample(ctx.session_factory, ctx.resources)  # made to hold the sample
    assert not holds_untouched_sample(empty_ctx.session_factory, empty_ctx.resources)


def test_without_the_fingerprint_file_nothing_counts_as_untouched(old_db, tmp_path):
    ctx = opened(old_db)
    try:
        assert not holds_untouched_sample(ctx.session_factory, tmp_path)  # no resources/samples here
        with pytest.raises(SampleNotRemovableError):
            remove_sample(ctx.session_factory, tmp_path, ctx.paths.db_path, ctx.paths.backup_dir)
        assert len(ctx.services.units.list_units()) > 40
    finally:
        ctx.close()


def test_a_backup_that_cannot_be_written_stops_the_removal(old_db, tmp_path):
    ctx = opened(old_db)
    try:
        blocked = tmp_path / "blocked"
        blocked.write_text("a file where the backup folder should be", encoding="utf-8")
        with pytest.raises(SampleNotRemovableError) as exc:
            remove_sample(ctx.session_factory, ctx.resources, ctx.paths.db_path, blocked)
        assert "数据库未作修改" in exc.value.message
        assert len(ctx.services.units.list_units()) > 40
    finally:
        ctx.close()
