"""A realistic year of 督办 for the demo plan, up to the demo's current period: tasks finished early
and on time, behind 序时, overdue, long-running, units that did not report, one 延期 and one 销号 —
so a first start shows every light."""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    ExtensionRequest,
    FormReturn,
    Issuer,
    Milestone,
    Plan,
    ProgressEntry,
    ReportingPeriod,
    ReportingSchedule,
    TaskClosure,
    Unit,
)
from app.services.plan_tree import load_tree
from app.services.tracking.ledger import COLLECTIVE, _tasks, short_title
from app.services.tracking.schedule import write_periods

# task serial → how its year goes (tasks not listed run on as 长期推进)
STORY = {1: "ontime", 4: "ontime", 5: "ontime", 10: "overdue", 11: "extended", 13: "closed", 14: "behind_red",
         15: "early", 16: "ontime", 19: "ontime", 24: "behind_yellow", 25: "ontime", 26: "behind_yellow",
         28: "milestones", 29: "ontime", 30: "stalled"}
LATE_UNITS = ("县信访局", "县统计局")  # did not return the last form that fell due
PEOPLE = ("王静", "李明", "张磊", "刘洋", "陈晨", "杨帆", "赵敏", "黄涛", "周丽", "吴昊", "徐亮", "孙颖")


def _pct_text(title: str, pct: int, step: int) -> str:
    if pct <= 0:
        return f"“{title}”尚在研究部署，拟于下月制定工作方案。"
    if pct < 35:
        return (f"已制定“{title}”工作方案，明确责任分工和时间节点，"
                f"召开部署会{step}次，正在开展摸底调查。")
    if pct < 70:
        return f"摸底调查已完成，正按方案组织实施，已完成主要工作量的{pct}%，每月调度一次。"
    if pct < 100:
        return f"主体工作基本完成（约{pct}%），正在查漏补缺、完善制度文本并整理佐证材料。"
    return f"“{title}”各项工作已全面完成，形成工作总结，佐证材料已整理归档。"


def _expected(start: date, deadline: date | None, at: date) -> int:
    if deadline is None or deadline <= start:
        return 0
    return max(0, min(100, round(100 * (at - start).days / (deadline - start).days)))


def _values(story: str, title: str, start: date, deadline: date | None, period, step: int) -> dict | None:
    """status, percent and text for one period of one task's story; None: nothing to report yet."""
    exp = _expected(start, deadline, period.due)
    due_passed = deadline is not None and period.end >= deadline
    if story == "ontime":
        if due_passed:
            return {"status": "已完成", "percent": 100}
        return {"status": "推进中", "percent": min(95, exp + 3)}
    if story == "early":
        pct = min(100, exp + 35)
        return {"status": "已完成" if pct >= 100 else "推进中", "percent": pct}
    if story == "closed":
        return {"status": "已完成", "percent": 100}
    if story == "overdue":
        return {"status": "推进中", "percent": min(85, max(5, exp - 5))}
    if story == "extended":
        return {"status": "推进中", "percent": min(80, max(10, exp - 12))}
    if story == "behind_red":
        return {"status": "推进中", "percent": max(5, exp - 38)}
    if story == "behind_yellow":
        return {"status": "推进中", "percent": max(5, exp - 16)}
    if story == "milestones":
        return {"status": "推进中", "percent": min(60, 10 + 6 * step)}
    if story == "stalled":
        return {"status": "未启动", "percent": 0} if step < 4 else {"status": "推进中", "percent": 8 * (step - 3)}
    return {"status": "长期推进", "percent": None}


OFFICE = ("中共示例县委全面依法治县委员会办公室", "中共示例县委全面依法治县委员会办公室文件", "示法办发")


def load_demo_tracking(s: Session, plan_id: int, today: date) -> None:
    if s.scalar(select(Issuer).where(Issuer.name == OFFICE[0])) is None:
        s.add(Issuer(name=OFFICE[0], header_text=OFFICE[1], prefix=OFFICE[2]))  # signs 催报, 督办通知 and 通报
    plan = s.get(Plan, plan_id)
    year = plan.year
    start = date(year, 3, 20)
    sched = ReportingSchedule(plan_id=plan_id, rhythm="monthly", due_day=25, due_next_month=False, start_date=start)
    s.add(sched)
    write_periods(s, plan_id, year, sched)
    now = min(max(today, date(year, 3, 26)), date(year, 12, 31))
    periods = s.scalars(select(ReportingPeriod).where(ReportingPeriod.plan_id == plan_id)
                        .order_by(ReportingPeriod.seq)).all()
    closed = [p for p in periods if p.due < now]
    open_ = next((p for p in periods if p.due >= now), None)
    units = {u.id: u for u in s.scalars(select(Unit))}
    rnd = random.Random(year)
    tasks = _tasks(load_tree(s, plan))
    for serial, (node, _part) in enumerate(tasks, start=1):
        if STORY.get(serial) == "milestones":
            for due, pct, text in ((date(year, 6, 30), 40, "完成平台建设方案"), (date(year, 9, 30), 70, "完成主要模块上线"),
                                   (date(year, 11, 30), 90, "完成试运行")):
                s.add(Milestone(node_id=node.id, due=due, target_percent=pct, text=text))
    returned: dict[tuple[int, int], int] = {}
    last_closed = closed[-1] if closed else None
    for step, period in enumerate(closed + ([open_] if open_ else []), start=1):
        is_open = period is open_
        for serial, (node, _part) in enumerate(tasks, start=1):
            story = STORY.get(serial, "long")
            title = short_title(node)
            deadline = date(year, 12, 31) if story == "extended" and period.end.month >= 6 else node.deadline
            for a in node.assignments:
                unit = units[a.unit_id]
                if unit.category == COLLECTIVE:
                    continue
                if is_open and a.unit_id % 3:
                    continue  # most units return the open period's form near its due date
                if period is last_closed and unit.name in LATE_UNITS:
                    continue
                if a.role == "support" and (a.unit_id % 2 or step % 3):
                    continue  # some 配合单位 add their part every quarter; the others leave it to the lead
                v = _values(story, title, start, deadline, period, step)
                if story == "closed" and step > 1:
                    continue  # closed after its first report: nothing more is asked
                if a.role == "support":
                    v = {"status": "长期推进" if v["status"] == "长期推进" else "推进中", "percent": None}
                    text = f"配合{unit.name.removeprefix('县')}牵头单位推进，已按分工提供相关材料。"
                elif v["status"] == "长期推进":
                    text = (f"持续抓好“{title}”，本月召开专题会议1次，"
                            f"办理相关事项{rnd.randint(3, 30)}件，未发现突出问题。")
                else:
                    text = _pct_text(title, v["percent"] or 0, step)
                problems = ""
                if story in ("behind_red", "behind_yellow", "overdue") and a.role == "lead":
                    problems = "专业力量不足，部分单位配合进度较慢，拟加强调度。"
                if story == "extended" and period.end.month == 6 and a.role == "lead":
                    v = {"status": "申请延期", "percent": v["percent"]}
                    problems = "部分乡镇合法性审核人员尚未配齐，需待编制调整后完成。"
                evidence = f"示司发〔{year}〕{10 + serial}号；工作总结" if v["status"] == "已完成" else ""
                who = f"{PEOPLE[a.unit_id % len(PEOPLE)]}（{unit.short_name or unit.name}）"
                file_name = f"{unit.name}-{period.label}进展情况报表.xlsx"
                when = datetime.combine(period.due - timedelta(days=(a.unit_id % 5)), datetime.min.time())
                s.add(ProgressEntry(node_id=node.id, unit_id=a.unit_id, period_id=period.id, status=v["status"],
                                    percent=v["percent"], text=text, problems=problems, evidence=evidence,
                                    reported_by=who, source="报表", source_file=file_name, entered_at=when,
                                    updated_at=when))
                returned[(a.unit_id, period.id)] = returned.get((a.unit_id, period.id), 0) + 1
    by_id = {p.id: p for p in periods}
    for (unit_id, period_id), n in returned.items():
        name = f"{units[unit_id].name}-{by_id[period_id].label}进展情况报表.xlsx"
        s.add(FormReturn(plan_id=plan_id, period_id=period_id, unit_id=unit_id, file_name=name,
                         file_hash=hashlib.sha256(name.encode()).hexdigest(),
                         reported_by=f"{PEOPLE[unit_id % len(PEOPLE)]}",
                         imported_at=datetime.combine(by_id[period_id].due, datetime.min.time()), accepted=n))
    for serial, (node, _part) in enumerate(tasks, start=1):
        story = STORY.get(serial)
        if story == "extended" and now > date(year, 6, 20):
            s.add(ExtensionRequest(node_id=node.id, unit_id=node.assignments[0].unit_id,
                                   reason="部分乡镇合法性审核人员尚未配齐，需待编制调整后完成。",
                                   requested_deadline=date(year, 12, 31), requested_on=date(year, 6, 20),
                                   decision="同意", decided_on=date(year, 6, 24), approved_deadline=date(year, 12, 31),
                                   decision_note="经县委依法治县办主任会议研究同意。"))
        if story == "closed" and now > date(year, 4, 10):
            s.add(TaskClosure(node_id=node.id, closed_on=date(year, 4, 10),
                              evidence=f"示政办发〔{year}〕8号《关于公布{year}年度重大行政决策事项目录的通知》",
                              note="目录已按时公布，经审核同意销号。"))
    s.flush()
