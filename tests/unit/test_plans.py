from datetime import date

import pytest

from app.services.errors import NotFoundError, ValidationError
from app.services.plan_tree import iter_nodes

pytestmark = pytest.mark.both_databases  # the services on SQLite and on the PostgreSQL server


def labels(tree):
    return [(n.label, n.heading) for n in iter_nodes(tree)]


@pytest.fixture
def plan(empty_ctx):
    plans = empty_ctx.services.plans
    p = plans.create_plan("示例县2026年法治政府建设工作要点", year=2026)
    a = plans.add_node(p.id, heading="甲")
    b = plans.add_node(p.id, heading="乙")
    a1 = plans.add_node(p.id, a, heading="甲一", is_task=True)
    a2 = plans.add_node(p.id, a, heading="甲二", is_task=True)
    return plans, p, {"甲": a, "乙": b, "甲一": a1, "甲二": a2}


def test_labels_follow_the_tree(plan):
    plans, p, ids = plan
    assert labels(plans.tree(p.id)) == [("一、", "甲"), ("（一）", "甲一"), ("（二）", "甲二"), ("二、", "乙")]
    plans.move_up(ids["甲二"])
    plans.move_down(ids["甲"])
    assert labels(plans.tree(p.id)) == [("一、", "乙"), ("二、", "甲"), ("（一）", "甲二"), ("（二）", "甲一")]


def test_indent_and_outdent(plan):
    plans, p, ids = plan
    assert plans.indent(ids["甲二"]) is True
    tree = plans.tree(p.id)
    assert labels(tree)[:3] == [("一、", "甲"), ("（一）", "甲一"), ("1．", "甲二")]
    assert plans.get_node(ids["甲二"]).level == 3
    assert plans.indent(ids["甲一"]) is False  # no previous sibling
    assert plans.outdent(ids["甲二"]) is True
    assert plans.outdent(ids["甲二"]) is True
    assert labels(plans.tree(p.id)) == [("一、", "甲"), ("（一）", "甲一"), ("二、", "甲二"), ("三、", "乙")]
    assert plans.get_node(ids["甲二"]).level == 1
    assert plans.outdent(ids["甲"]) is False


def test_move_into_own_subtree_is_refused(plan):
    plans, _p, ids = plan
    with pytest.raises(ValidationError):
        plans.move_node(ids["甲"], ids["甲一"], 0)


def test_continuous_numbering(plan):
    plans, p, ids = plan
    b1 = plans.add_node(p.id, ids["乙"], heading="乙一")
    plans.add_node(p.id, ids["甲一"], heading="甲一1")
    plans.add_node(p.id, b1, heading="乙一1")
    plans.update_plan(p.id, numbering="continuous")
    assert ("（三）", "乙一") in labels(plans.tree(p.id))
    assert ("1．", "乙一1") in labels(plans.tree(p.id))
    plans.update_plan(p.id, numbering="continuous:2,3")
    assert ("2．", "乙一1") in labels(plans.tree(p.id))


def test_numbering_specs_round_trip():
    from app.services.numbering import continuous_levels, numbering_spec

    for levels in ((), (2,), (2, 3), (3,)):
        assert continuous_levels(numbering_spec(levels)) == frozenset(levels)
    assert numbering_spec(()) == "restart" and numbering_spec([2]) == "continuous"


def test_delete_and_restore_node(plan, empty_ctx):
    plans, p, ids = plan
    unit = empty_ctx.services.units.add_unit("县司法局")
    plans.set_assignments(ids["甲一"], lead=[unit.id], support=[])
    snap = plans.delete_node(ids["甲"])
    assert labels(plans.tree(p.id)) == [("一、", "乙")]
    new_id = plans.restore_node(snap)
    tree = plans.tree(p.id)
    assert labels(tree) == [("一、", "甲"), ("（一）", "甲一"), ("（二）", "甲二"), ("二、", "乙")]
    assert tree[0].id == new_id
    assert tree[0].children[0].lead_units == ["县司法局"]


def test_deleting_a_node_reads_the_plan_in_a_fixed_number_of_queries(plan, empty_ctx):
    from sqlalchemy import event

    plans, p, ids = plan
    unit = empty_ctx.services.units.add_unit("县司法局")
    statements: list[str] = []
    event.listen(empty_ctx.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    def delete_queries(part: int) -> int:
        for _ in range(3):  # a subtree whose every task has a unit, and siblings with subtrees
            task = plans.add_node(p.id, part, heading="任务", is_task=True)
            plans.set_assignments(task, lead=[unit.id], support=[])
        statements.clear()
        plans.delete_node(part)
        return len(statements)

    few = delete_queries(ids["甲"])
    for i in range(6):
        extra = plans.add_node(p.id, heading=f"部分{i}")
        plans.set_assignments(plans.add_node(p.id, extra, heading="任务", is_task=True), lead=[unit.id], support=[])
    assert delete_queries(ids["乙"]) == few


def test_assignments_roles_and_missing_units(plan, empty_ctx):
    plans, _p, ids = plan
    units = empty_ctx.services.units
    a = units.add_unit("县司法局")
    b = units.add_unit("县财政局")
    plans.set_assignments(ids["甲一"], lead=[a.id], support=[b.id, a.id])
    node = plans.get_node(ids["甲一"])
    assert (node.lead_units, node.support_units) == (["县司法局"], ["县财政局"])
    with pytest.raises(NotFoundError):
        plans.set_assignments(ids["甲一"], lead=[9999], support=[])
    assert plans.get_node(ids["甲一"]).lead_units == ["县司法局"]  # nothing lost on error


def test_clone_into_next_year(ctx):
    plans = ctx.services.plans
    src = plans.get_plan(ctx.demo_plan_id)
    new = plans.clone_plan(src.id)
    assert new.year == 2027 and "2027" in new.title and "2026" not in new.title
    old_tasks = [n for n in iter_nodes(plans.tree(src.id)) if n.is_task]
    new_tasks = [n for n in iter_nodes(plans.tree(new.id)) if n.is_task]
    assert len(new_tasks) == len(old_tasks) == 30
    for o, n in zip(old_tasks, new_tasks, strict=True):
        assert (o.label, o.heading, o.lead_units, o.support_units) == (n.label, n.heading, n.lead_units, n.support_units)
        assert n.deadline_text == o.deadline_text.replace("2026", "2027")
        if o.deadline:
            assert n.deadline == date(o.deadline.year + 1, o.deadline.month, o.deadline.day)
    assert plans.get_plan(src.id).title == src.title  # the source is untouched


def test_delete_plan_and_undo(ctx):
    plans = ctx.services.plans
    before = plans.tree(ctx.demo_plan_id)
    snap = plans.delete_plan(ctx.demo_plan_id)
    assert plans.list_plans() == []
    restored = plans.restore_plan(snap)
    after = plans.tree(restored.id)
    strip = lambda tree: [(n.label, n.heading, n.text, n.lead_units, n.support_units, n.deadline)  # noqa: E731
                          for n in iter_nodes(tree)]
    assert strip(after) == strip(before)


def test_undo_of_a_plan_delete_relinks_its_notices(ctx):
    plans, notices = ctx.services.plans, ctx.services.notices
    notice = next(n for n in notices.list_notices() if n.plan_id == ctx.demo_plan_id)
    child = plans.create_plan("示例县2026年法治政府建设工作要点任务分工方案", kind="任务分工方案",
                              superior_plan_id=ctx.demo_plan_id)
    snap = plans.delete_plan(ctx.demo_plan_id)
    assert notices.get_notice(notice.id).plan_id is None  # ON DELETE SET NULL
    restored = plans.restore_plan(snap)
    assert notices.get_notice(notice.id).plan_id == restored.id
    assert plans.get_plan(child.id).superior_plan_id == restored.id


def test_plan_validation(empty_ctx):
    plans = empty_ctx.services.plans
    with pytest.raises(ValidationError):
        plans.create_plan("  ")
    with pytest.raises(ValidationError):
        plans.create_plan("标题", kind="不存在")
    with pytest.raises(NotFoundError):
        plans.get_plan(42)


def test_demo_plan_shape(ctx):
    plans = ctx.services.plans
    tree = plans.tree(ctx.demo_plan_id)
    tasks = [n for n in iter_nodes(tree) if n.is_task]
    assert 8 <= len(tree) <= 10
    assert len(tasks) == 30
    assert all(t.lead_units for t in tasks)
    assert any(t.deadline_text == "长期坚持" and t.deadline is None for t in tasks)
    assert any(t.deadline == date(2026, 6, 30) for t in tasks)
    assert len(ctx.services.units.list_units()) >= 35
