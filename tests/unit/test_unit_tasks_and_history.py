"""One unit's task list (and its .xlsx), and undo of the registry's edits: snapshots and merges."""

import pytest
from openpyxl import load_workbook

from app.services.errors import InUseError, NotFoundError
from app.services.plan_tree import iter_nodes

pytestmark = pytest.mark.both_databases  # the services on SQLite and on the PostgreSQL server


def uid(services, name):
    return services.units.match(name).unit.id


def test_a_units_tasks_with_roles_deadlines_and_partners(services, ctx):
    judicial = uid(services, "县司法局")
    rows = services.unit_tasks.tasks(judicial)
    assert len(rows) == services.units.get(judicial).usage
    first = rows[0]
    assert (first.path, first.serial, first.role, first.deadline_text) == ("一、（一）", 1, "lead", "2026年年底前")
    assert first.partners == "配合：县委宣传部、县委组织部、县直各部门"
    assert first.text.startswith("深化习近平法治思想学习宣传。将习近平法治思想")
    support = next(r for r in rows if r.role == "support")
    assert support.partners.startswith("牵头：")
    nested = next(r for r in rows if r.path == "五、（二）1")
    assert nested.role == "lead"
    assert [p.id for p in services.unit_tasks.plans_of(judicial)] == [ctx.demo_plan_id]


def test_tasks_in_several_plans_and_one(services, ctx):
    clone = services.plans.clone_plan(ctx.demo_plan_id)
    audit = uid(services, "县审计局")
    both = services.unit_tasks.tasks(audit)
    assert [r.plan_id for r in both] == [clone.id, ctx.demo_plan_id]  # newest plan first
    assert [r.plan_id for r in services.unit_tasks.tasks(audit, ctx.demo_plan_id)] == [ctx.demo_plan_id]
    table = services.unit_tasks.table(audit)
    sections = [r.cells[0] for r in table.rows if r.section]
    assert sections == [f"《{clone.title}》（牵头1项，配合0项）", "《示例县2026年法治政府建设工作要点》（牵头1项，配合0项）"]


def test_export_the_list_as_xlsx(services, ctx, tmp_path):
    out = tmp_path / "司法局.xlsx"
    judicial = uid(services, "县司法局")
    count = services.unit_tasks.export_xlsx(judicial, out, ctx.demo_plan_id)
    assert count == services.units.get(judicial).usage
    rows = [r for r in load_workbook(out).active.iter_rows(values_only=True) if any(r)]
    assert rows[0][0] == "县司法局任务清单"
    assert rows[1] == ("序号", "重点任务", "责任类型", "其他责任单位", "完成时限")
    assert rows[2][0].startswith("《示例县2026年")
    assert rows[3][0] == 1 and rows[3][2] == "牵头" and rows[3][4] == "2026年年底前"


def test_a_unit_without_tasks_says_so(services):
    spare = services.units.add_unit("县临时专班")
    assert services.unit_tasks.tasks(spare.id) == []
    with pytest.raises(NotFoundError, match="没有承担任务"):
        services.unit_tasks.table(spare.id)


def test_snapshots_put_units_back_with_their_ids(services):
    history = services.unit_history
    before = history.snapshot()
    new = services.units.add_unit("县档案馆", aliases=["县档案局"])
    judicial = uid(services, "县司法局")
    services.units.update_unit(judicial, name="县司法行政局", aliases=["司法局"])
    touched = [new.id, judicial]
    after = history.snapshot(touched)
    history.restore({i: before.get(i) for i in touched})
    assert services.units.match("县档案馆").unit is None and services.units.match("县档案局").unit is None
    assert services.units.get(judicial).name == "县司法局"
    history.restore(after)
    assert services.units.get(judicial).name == "县司法行政局" and services.units.match("县档案局").unit.id == new.id


def test_a_deleted_unit_comes_back_with_its_id(services):
    spare = services.units.add_unit("县临时专班", short_name="专班", aliases=["临时专班"])
    kept = services.unit_history.snapshot([spare.id])
    services.units.delete_unit(spare.id)
    assert services.unit_history.snapshot([spare.id]) == {spare.id: None}
    services.unit_history.restore(kept)
    back = services.units.get(spare.id)
    assert (back.name, back.short_name, back.aliases) == ("县临时专班", "专班", ("临时专班",))


def test_undoing_an_add_of_a_unit_in_use_is_refused(services, ctx):
    new = services.units.add_unit("县档案馆")
    node = next(n for n in iter_nodes(services.plans.tree(ctx.demo_plan_id)) if n.is_task)
    services.plans.set_assignments(node.id, lead=[new.id], support=[])
    with pytest.raises(InUseError, match="无法撤销"):
        services.unit_history.restore({new.id: None})


def test_merge_and_unmerge(services, ctx):
    history = services.unit_history
    tree_before = services.plans.tree(ctx.demo_plan_id)
    source, target = uid(services, "县司法局"), uid(services, "县委依法治县办")
    usage = services.units.get(source).usage
    merged, record = history.merge(source, target)
    assert merged.id == target and services.units.match("县司法局").unit.id == target
    assert not services.unit_tasks.plans_of(source)
    history.unmerge(record)
    assert services.units.get(source).usage == usage
    assert services.units.match("县司法局").unit.id == source
    assert "县司法局" not in services.units.get(target).aliases
    after = services.plans.tree(ctx.demo_plan_id)
    assert [(n.id, [(a.unit_id, a.role) for a in n.assignments]) for n in iter_nodes(after)] == [
        (n.id, [(a.unit_id, a.role) for a in n.assignments]) for n in iter_nodes(tree_before)]
    merged, _again = history.merge(source, target)  # redo
    assert services.units.match("县司法局").unit.id == target


def _tracking_rows(ctx, *unit_ids):
    from sqlalchemy import select

    from app.models import ProgressEntry
    from app.models.database import session_scope

    with session_scope(ctx.session_factory) as s:
        return sorted((p.id, p.node_id, p.unit_id, p.period_id, p.status, p.text) for p in s.scalars(
            select(ProgressEntry).where(ProgressEntry.unit_id.in_(unit_ids))))


def test_unmerge_brings_back_the_督办_records_the_merge_moved_or_dropped(services, ctx):
    from app.services.tracking.dto import EntryValues
    from app.services.tracking.entries import EntryKey

    history = services.unit_history
    source, target = uid(services, "县司法局"), uid(services, "县委依法治县办")
    mine = _tracking_rows(ctx, source)
    assert mine, "the demo year has entries of 县司法局"
    # the target reported the same task in the same period: the merge keeps the target's report
    _id, node, _unit, period, _status, _text = mine[0]
    task = services.plans.get_node(node)
    lead = [a.unit_id for a in task.assignments if a.role == "lead"]
    support = [a.unit_id for a in task.assignments if a.role == "support"]
    services.plans.set_assignments(node, lead, [*support, target])
    services.tracking.entries.put(EntryKey(node, target, period), EntryValues("已完成", 100, "依法治县办代报"))
    before = _tracking_rows(ctx, source, target)
    _merged, record = history.merge(source, target)
    assert not _tracking_rows(ctx, source) and len(_tracking_rows(ctx, target)) == len(before) - 1
    history.unmerge(record)
    assert _tracking_rows(ctx, source, target) == before
