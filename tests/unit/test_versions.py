"""Two clerks on one database: a save based on an older version is refused and says who changed what;
reload or keep mine, both recorded; two programs saving the same task at once lose nothing."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import select

from app.context import open_context
from app.models import AuditLog
from app.models.database import session_scope
from app.services.clerk import make_clerk
from app.services.errors import NotFoundError
from app.services.plan_tree import iter_nodes
from app.services.versions import ConflictError, record_choice
from tests.pg import address_of, paths_for

pytestmark = pytest.mark.both_databases


def _open_as(db: str, folder: Path, name: str):
    return open_context(paths_for(db, folder), load_demo=False, clerk=make_clerk(name))


@pytest.fixture
def two_clerks(empty_ctx, tmp_path):
    """张三 and 李四, each with a program of their own on the same database, and one task."""
    plans = empty_ctx.services.plans
    plan = plans.create_plan("2026年工作要点", year=2026)
    node_id = plans.add_node(plan.id, heading="加强领导", text="原文", is_task=True)
    zhang = _open_as(address_of(empty_ctx.paths), tmp_path / "zhang", "张三")
    li = _open_as(address_of(empty_ctx.paths), tmp_path / "li", "李四")
    yield zhang, li, node_id
    zhang.close()
    li.close()


def _audit(ctx, entity: str, entity_id: int) -> list[tuple[str, str, int | None]]:
    with session_scope(ctx.session_factory) as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.entity == entity, AuditLog.entity_id == entity_id)
                         .order_by(AuditLog.id))
        return [(r.clerk, r.action, r.entity_version) for r in rows]


def test_a_save_over_a_newer_change_names_who_what_and_is_refused(two_clerks):
    zhang, li, node_id = two_clerks
    seen_by_li = li.services.plans.get_node(node_id)
    seen_by_zhang = zhang.services.plans.get_node(node_id)
    v = zhang.services.plans.update_node(node_id, expected_version=seen_by_zhang.version, heading="加强党的领导",
                                         deadline_text="2026年6月底前")
    assert v == seen_by_zhang.version + 1
    with pytest.raises(ConflictError) as err:
        li.services.plans.update_node(node_id, expected_version=seen_by_li.version, text="李四的内容")
    message = err.value.message
    assert "张三" in message and "标题" in message and "完成时限" in message and "没有保存" in message
    node = li.services.plans.get_node(node_id)
    assert (node.heading, node.text, node.changed_by) == ("加强党的领导", "原文", "张三")  # nothing of 李四's
    # keep mine: recorded, then saved over the newer version
    record_choice(li.session_factory, err.value, keep_mine=True)
    li.services.plans.update_node(node_id, expected_version=err.value.current, text="李四的内容")
    node = zhang.services.plans.get_node(node_id)
    assert (node.heading, node.text, node.changed_by) == ("加强党的领导", "李四的内容", "李四")
    assert _audit(zhang, "node", node_id)[-3:] == [("张三", "update", v), ("李四", "conflict-keep", None),
                                                   ("李四", "update", v + 1)]


def test_units_of_a_task_carry_the_version_too(two_clerks):
    zhang, li, node_id = two_clerks
    unit = zhang.services.units.add_unit("县司法局")
    other = zhang.services.units.add_unit("县公安局")
    version = li.services.plans.get_node(node_id).version
    zhang.services.plans.set_assignments(node_id, [unit.id], [], expected_version=version)
    with pytest.raises(ConflictError) as err:
        li.services.plans.set_assignments(node_id, [other.id], [], expected_version=version)
    assert "责任单位" in err.value.message and "张三" in err.value.message
    assert zhang.services.plans.get_node(node_id).lead_units == ["县司法局"]
    record_choice(li.session_factory, err.value, keep_mine=False)  # reload theirs
    assert _audit(li, "node", node_id)[-1] == ("李四", "conflict-reload", None)


def test_a_task_deleted_by_someone_else_is_a_conflict_not_a_crash(two_clerks):
    zhang, li, node_id = two_clerks
    version = li.services.plans.get_node(node_id).version
    zhang.services.plans.delete_node(node_id)
    with pytest.raises(ConflictError) as err:
        li.services.plans.update_node(node_id, expected_version=version, heading="x")
    assert err.value.deleted and "删除" in err.value.message and "张三" in err.value.message
    with pytest.raises(NotFoundError):  # without a version (the command line): as before
        li.services.plans.update_node(node_id, heading="x")


def test_notice_saves_carry_a_version(two_clerks):
    zhang, li, _node = two_clerks
    issuer = zhang.services.notices.add_issuer("示例县人民政府办公室", prefix="示政办发")
    notice = zhang.services.notices.create_notice([issuer.id], title="关于印发的通知")
    saved = zhang.services.notices.update_notice(notice.id, expected_version=notice.version, body="张三的正文")
    assert saved.version == notice.version + 1 and saved.changed_by == "张三"
    with pytest.raises(ConflictError) as err:
        li.services.notices.update_notice(notice.id, expected_version=notice.version, title="李四的标题")
    assert "正文" in err.value.message and "张三" in err.value.message
    assert li.services.notices.get_notice(notice.id).title == "关于印发的通知"


def _edit_in_process(db: str, folder: str, name: str, node_id: int, field: str, value: str, start, queue) -> None:
    """Loads the task, waits for the other program, saves; on a conflict reloads theirs and saves again."""
    ctx = _open_as(db, Path(folder), name)
    try:
        seen = ctx.services.plans.get_node(node_id)
        start.wait(60)  # both have read the task before either saves
        try:
            ctx.services.plans.update_node(node_id, expected_version=seen.version, **{field: value})
            queue.put((name, "saved", ""))
        except ConflictError as exc:
            record_choice(ctx.session_factory, exc, keep_mine=False)
            fresh = ctx.services.plans.get_node(node_id)  # reload theirs, then make my change on it
            ctx.services.plans.update_node(node_id, expected_version=fresh.version, **{field: value})
            queue.put((name, "conflict", exc.message))
    finally:
        ctx.close()


def test_two_programs_saving_one_task_at_once_lose_nothing(empty_ctx, tmp_path):
    plans = empty_ctx.services.plans
    plan = plans.create_plan("2026年工作要点", year=2026)
    node_id = plans.add_node(plan.id, heading="原标题", text="原内容", is_task=True)
    mp = multiprocessing.get_context("spawn")
    start, queue = mp.Barrier(2), mp.Queue()
    db = address_of(empty_ctx.paths)
    procs = [mp.Process(target=_edit_in_process, args=(db, str(tmp_path / name), name, node_id, field, value,
                                                        start, queue))
             for name, field, value in (("张三", "heading", "张三的标题"), ("李四", "text", "李四的内容"))]
    for p in procs:
        p.start()
    results = {name: (how, said) for name, how, said in (queue.get(timeout=120) for _ in procs)}
    for p in procs:
        p.join(timeout=60)
    assert sorted(how for how, _ in results.values()) == ["conflict", "saved"]  # exactly one was told
    loser = next(name for name, (how, _) in results.items() if how == "conflict")
    winner = "李四" if loser == "张三" else "张三"
    assert winner in results[loser][1]
    node = next(n for n in iter_nodes(plans.tree(plan.id)) if n.id == node_id)
    assert (node.heading, node.text) == ("张三的标题", "李四的内容")  # both changes are there
    log = _audit(empty_ctx, "node", node_id)
    assert [a for _, a, _ in log].count("update") == 2 and (loser, "conflict-reload", None) in log
