"""The demo year's 台账: periods, lights of every colour with reasons, entries written and undone,
extension and 销号, and the 台账 surviving plan and task delete + undo."""

from collections import Counter
from datetime import date

import pytest

from app.services.errors import InUseError, ValidationError
from app.services.tracking.dto import EntryValues
from app.services.tracking.entries import EntryKey

pytestmark = pytest.mark.both_databases  # the services on SQLite and on the PostgreSQL server


def row_of(ledger, serial, role="lead"):
    return next(r for r in ledger.rows if r.task.serial == serial and r.role == role)


def test_demo_shows_every_light_with_reasons(tracked):
    ledger = tracked.service.ledger(tracked.plan_id)
    assert ledger.period.label == "2026年11月" and ledger.as_of == date(2026, 11, 25)
    assert set(Counter(r.light.color for r in ledger.rows)) == {"红", "黄", "绿", "灰"}
    assert all(r.light.reasons for r in ledger.rows)
    assert row_of(ledger, 10).light.color == "红" and "已超过完成时限" in row_of(ledger, 10).light.explain()
    assert row_of(ledger, 13).status_text == "已销号"
    assert "未按时报送" in row_of(ledger, 24).light.explain()  # 县信访局 missed November
    assert row_of(ledger, 11).task.effective_deadline == date(2026, 12, 31)  # the approved 延期


def test_a_past_period_is_seen_as_at_its_due_date(tracked):
    sched = tracked.service.schedule(tracked.plan_id)
    may = sched.by_key("2026-05")
    ledger = tracked.service.ledger(tracked.plan_id, may.id)
    assert ledger.as_of == may.due and ledger.period_closed
    assert row_of(ledger, 10).light.color != "红"  # the September deadline was still ahead in May


def test_entry_put_replace_and_restore(tracked):
    svc = tracked.service
    ledger = svc.ledger(tracked.plan_id)
    row = row_of(ledger, 24)
    key = EntryKey(row.task.node_id, row.unit_id, ledger.period.id)
    assert svc.entries.put(key, EntryValues("推进中", 88, "已补报。")) is None
    after = svc.ledger(tracked.plan_id)
    assert row_of(after, 24).entry.values.text == "已补报。" and "未按时报送" not in row_of(after, 24).light.explain()
    old = svc.entries.put(key, EntryValues("已完成", None, "完成。"))
    assert old.values.percent == 88
    assert svc.entries.get(key).values.percent == 100  # 已完成 without a percentage means 100 %
    svc.entries.restore([(key, None)])
    assert svc.entries.get(key) is None


@pytest.mark.parametrize(("values", "words"), [
    (EntryValues("完成了"), "状态"), (EntryValues("推进中", 101), "0 到 100"),
    (EntryValues("推进中", None, "字" * 2001), "2000 字"),
])
def test_bad_values_are_refused_in_chinese(tracked, values, words):
    ledger = tracked.service.ledger(tracked.plan_id)
    row = ledger.rows[0]
    with pytest.raises(ValidationError, match=words):
        tracked.service.entries.put(EntryKey(row.task.node_id, row.unit_id, ledger.period.id), values)


def test_an_unassigned_unit_cannot_report(tracked):
    ledger = tracked.service.ledger(tracked.plan_id)
    row = ledger.rows[0]
    stranger = next(uid for uid in ledger.units if uid not in (r.unit_id for r in ledger.rows
                                                                if r.task.node_id == row.task.node_id))
    with pytest.raises(ValidationError, match="不承担"):
        tracked.service.entries.put(EntryKey(row.task.node_id, stranger, ledger.period.id), EntryValues("推进中"))


def test_extension_request_decide_and_refusals(tracked):
    svc = tracked.service
    task = row_of(svc.ledger(tracked.plan_id), 30).task
    with pytest.raises(ValidationError, match="原因"):
        svc.extensions.request(task.node_id, None, "", date(2027, 3, 31))
    with pytest.raises(ValidationError, match="晚于"):
        svc.extensions.request(task.node_id, None, "人手不足", date(2026, 6, 30))
    x = svc.extensions.request(task.node_id, None, "人手不足", date(2027, 3, 31))
    assert "延期申请待审批" in row_of(svc.ledger(tracked.plan_id), 30).light.explain()
    with pytest.raises(ValidationError, match="待审批"):
        svc.extensions.request(task.node_id, None, "再申请", date(2027, 4, 30))
    svc.extensions.decide(x.id, True)
    assert row_of(svc.ledger(tracked.plan_id), 30).task.effective_deadline == date(2027, 3, 31)
    svc.extensions.undecide(x.id)
    svc.extensions.withdraw(x.id)
    assert row_of(svc.ledger(tracked.plan_id), 30).task.effective_deadline == date(2026, 12, 31)


def test_close_reopen_logged(tracked):
    svc = tracked.service
    task = row_of(svc.ledger(tracked.plan_id), 4).task
    with pytest.raises(ValidationError, match="佐证"):
        svc.closures.close(task.node_id, "")
    c = svc.closures.close(task.node_id, "示编发〔2026〕3号")
    assert row_of(svc.ledger(tracked.plan_id), 4).status_text == "已销号"
    svc.closures.reopen(task.node_id, "抽查发现清单未公开")
    assert row_of(svc.ledger(tracked.plan_id), 4).status_text == "已完成"
    history = svc.closures.history(task.node_id)
    assert history[-1].id == c.id and history[-1].reopen_reason == "抽查发现清单未公开"
    from app.models import AuditLog
    from app.models.database import session_scope
    with session_scope(tracked.ctx.session_factory) as s:
        actions = [a.action for a in s.query(AuditLog).filter(AuditLog.entity == "closure")]
    assert actions == ["close", "reopen"]


def test_plan_delete_and_undo_keep_the_whole_ledger(tracked):
    plans = tracked.ctx.services.plans
    before = tracked.service.ledger(tracked.plan_id)
    returns = len(tracked.service.returns.list(tracked.plan_id))
    snap = plans.delete_plan(tracked.plan_id)
    restored = plans.restore_plan(snap)
    after = tracked.service.ledger(restored.id)
    assert after.period.key == before.period.key
    assert [(r.task.serial, r.unit_name, r.status_text, r.light) for r in after.rows] == \
        [(r.task.serial, r.unit_name, r.status_text, r.light) for r in before.rows]
    assert returns > 0 and len(tracked.service.returns.list(restored.id)) == returns


def test_task_delete_and_undo_keep_its_entries(tracked):
    plans = tracked.ctx.services.plans
    row = row_of(tracked.service.ledger(tracked.plan_id), 11)
    history = tracked.service.entries.history(row.task.node_id, row.unit_id)
    snap = plans.delete_node(row.task.node_id)
    new_id = plans.restore_node(snap)
    assert [h[1].values for h in tracked.service.entries.history(new_id, row.unit_id)] == [h[1].values for h in history]
    assert tracked.service.extensions.list(new_id)[0].decision == "同意"


def test_next_year_copy_starts_a_fresh_ledger(tracked):
    copy = tracked.ctx.services.plans.clone_plan(tracked.plan_id)
    ledger = tracked.service.ledger(copy.id)
    assert all(r.last is None for r in ledger.rows) and ledger.period.key.startswith("2027")


def test_units_with_reports_are_merged_not_deleted(tracked):
    units = tracked.ctx.services.units
    ledger = tracked.service.ledger(tracked.plan_id)
    statistics = next(uid for uid, name in ledger.units.items() if name == "县统计局")
    tracked.ctx.services.plans.set_assignments(row_of(ledger, 27).task.node_id, lead=[], support=[])
    with pytest.raises(InUseError, match="督办进展记录"):
        units.delete_unit(statistics)
    target = next(uid for uid, name in ledger.units.items() if name == "县审计局")
    units.merge_units(statistics, target)
    assert tracked.service.entries.history(row_of(ledger, 27).task.node_id, target)


def test_schedule_change_keeps_periods_with_entries(tracked):
    svc = tracked.service
    with pytest.raises(ValidationError, match="已有"):
        svc.schedules.set_schedule(tracked.plan_id, "quarterly", 5, True)
    empty = tracked.ctx.services.plans.create_plan("另一份工作要点", year=2026)
    sched = svc.schedules.set_schedule(empty.id, "quarterly", 5, True)
    assert [p.key for p in sched.periods] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    moved = svc.schedules.set_due(sched.periods[0].id, date(2026, 4, 8))
    assert moved.due == date(2026, 4, 8)


def test_a_report_changed_by_another_clerk_is_a_conflict(tracked):
    from app.models.database import make_session_factory
    from app.services.clerk import make_clerk
    from app.services.tracking.entries import EntryService, EntryWrite
    from app.services.versions import ConflictError

    svc = tracked.service
    ledger = svc.ledger(tracked.plan_id)
    row = row_of(ledger, 24)  # 县信访局 has not reported November
    key = EntryKey(row.task.node_id, row.unit_id, ledger.period.id)
    li = EntryService(make_session_factory(tracked.ctx.engine, make_clerk("李四").info))
    zhang = EntryService(make_session_factory(tracked.ctx.engine, make_clerk("张三").info))
    zhang.write([EntryWrite(key, EntryValues("推进中", 40, "张三录入。"), expected_version=0)])
    with pytest.raises(ConflictError) as err:  # 李四's screen still showed no report
        li.write([EntryWrite(key, EntryValues("推进中", 50, "李四录入。"), expected_version=0)])
    assert "张三" in err.value.message and "进展" in err.value.message
    seen = li.get(key)
    assert (seen.values.text, seen.version, seen.changed_by) == ("张三录入。", 1, "张三")
    li.write([EntryWrite(key, EntryValues("推进中", 50, "李四录入。"), expected_version=seen.version)])
    with pytest.raises(ConflictError):
        zhang.write([EntryWrite(key, None, expected_version=1)])  # a removal based on the old one
    assert li.get(key).values.text == "李四录入。"


def test_the_servers_ranked_picks_equal_the_correlated_ones(tracked):
    from sqlalchemy import select

    from app.models.database import session_scope
    from app.services.tracking.ledger_queries import correlated_picks, ranked_picks

    unit = row_of(tracked.service.ledger(tracked.plan_id), 24).unit_id
    seen = []
    with session_scope(tracked.ctx.session_factory) as s:
        for seq in (1, 5, 11, 12):
            for only in (None, unit):
                a = correlated_picks(tracked.plan_id, seq, only).subquery()
                b = ranked_picks(tracked.plan_id, seq, only).subquery()
                order = lambda q: select(q).order_by(q.c.node_id, q.c.unit_id)  # noqa: E731
                got, want = s.execute(order(b)).all(), s.execute(order(a)).all()
                assert got == want
                seen += want
    assert any(r.prev_id for r in seen) and any(r.done_seq for r in seen) and any(r.last_id is None for r in seen)


def test_a_joint_tasks_state_is_its_lead_units(tracked):
    """When the 牵头单位 reports 已完成, its 配合单位 are done with it (green, the lead named as the
    reason); when the lead takes it back, they are again units that need not report on their own."""
    svc = tracked.service
    ledger = svc.ledger(tracked.plan_id)
    done = next(r for r in ledger.rows if r.role == "lead" and r.status_text == "已完成"
                and any(s.task.node_id == r.task.node_id and s.role == "support" for s in ledger.rows))
    supports = [r for r in ledger.rows if r.task.node_id == done.task.node_id and r.role == "support"]
    assert all(r.light.color == "绿" and "牵头单位已报告完成" in r.light.explain() for r in supports)
    key = EntryKey(done.task.node_id, done.unit_id, ledger.period.id)
    svc.entries.put(key, EntryValues("推进中", 60, "尚有收尾工作。"))
    again = [r for r in svc.ledger(tracked.plan_id).rows if r.task.node_id == done.task.node_id and r.role == "support"
             and r.entry is None]
    assert again and all(r.light.color == "灰" and "可不单独报送" in r.light.explain() for r in again)
