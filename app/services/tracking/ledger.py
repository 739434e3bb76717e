"""The 台账 of one plan at one reporting period: every task × responsible unit with its entries and
its light. Loaded in a handful of queries; everything shown in the grid, the dashboard, the forms and
the 通报 is read from here, so each number traces back to the same entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Plan, Unit
from app.services.documents.tables import task_text
from app.services.dto import NodeDTO
from app.services.errors import NotFoundError
from app.services.tracking import ledger_queries as Q
from app.services.tracking.dto import ClosureDTO, EntryDTO, ExtensionDTO, PeriodDTO, ScheduleDTO
from app.services.tracking.lights import Light, RowFacts, compute_light
from app.services.tracking.policy import CLOSED, GREEN, GREY, LightPolicy

COLLECTIVE = "集合"  # “各乡镇人民政府”: not a unit that can return a form


@dataclass
class TaskInfo:
    node_id: int
    serial: int  # 序号 as in the 重点任务分工表
    part_id: int | None
    part_name: str  # “二、依法全面履行政府职能”
    title: str
    text: str
    deadline_text: str
    deadline: date | None  # as in the plan
    effective_deadline: date | None  # moved by an approved extension
    extension: ExtensionDTO | None = None  # the latest request
    closure: ClosureDTO | None = None  # the active 销号
    milestones: tuple[tuple[date, int], ...] = ()
    lead_unit_ids: tuple[int, ...] = ()
    support_unit_ids: tuple[int, ...] = ()

    @property
    def number(self) -> str:
        return f"第{self.serial}项"


@dataclass
class LedgerRow:
    task: TaskInfo
    unit_id: int
    unit_name: str
    role: str  # lead | support
    entry: EntryDTO | None  # this period's report
    last: EntryDTO | None  # the latest report up to this period
    last_label: str  # the period of `last`
    previous: EntryDTO | None  # the latest report before this period (what the form is pre-filled with)
    light: Light
    done_seq: int | None = None  # first period reported 已完成

    @property
    def primary(self) -> bool:
        """The first 牵头单位: its entry is the task's state."""
        return self.role == "lead" and self.task.lead_unit_ids[:1] == (self.unit_id,)

    @property
    def status_text(self) -> str:
        if self.task.closure is not None:
            return CLOSED
        return self.last.status if self.last is not None else ""

    @property
    def role_text(self) -> str:
        return "牵头" if self.role == "lead" else "配合"


@dataclass
class Ledger:
    plan_id: int
    plan_title: str
    plan_year: int | None
    schedule: ScheduleDTO
    period: PeriodDTO
    today: date
    as_of: date
    rows: list[LedgerRow]
    tasks: list[TaskInfo]
    units: dict[int, str] = field(default_factory=dict)

    @property
    def period_closed(self) -> bool:
        return self.today > self.period.due

    def task_rows(self) -> list[LedgerRow]:
        """One row per task: its first 牵头单位's (tasks without one are left out)."""
        return [r for r in self.rows if r.primary]

    def rows_of_unit(self, unit_id: int) -> list[LedgerRow]:
        return [r for r in self.rows if r.unit_id == unit_id]


def _tasks(roots: list[NodeDTO]) -> list[tuple[NodeDTO, NodeDTO | None]]:
    out = []

    def walk(nodes: list[NodeDTO], part: NodeDTO | None) -> None:
        for n in nodes:
            if n.is_task:
                out.append((n, part))
            walk(n.children, part if part is not None else n)

    walk(roots, None)
    return out


def short_title(node: NodeDTO, limit: int = 40) -> str:
    head = node.heading.strip().rstrip("。；;")
    if head:
        return head[:limit]
    text = node.text.strip()
    for stop in "。；":
        if stop in text:
            text = text.split(stop, 1)[0]
    return text[:limit]


def load_ledger(s: Session, schedule: ScheduleDTO, period: PeriodDTO, today: date, policy: LightPolicy,
                unit_id: int | None = None) -> Ledger:
    """unit_id: only that unit's rows (what importing one unit's returned form needs)."""
    plan = s.get(Plan, schedule.plan_id)
    if plan is None:
        raise NotFoundError("找不到该工作要点，可能已被删除。")
    units = {uid: (name, cat) for uid, name, cat in s.execute(select(Unit.id, Unit.name, Unit.category))}
    roots = Q.tree(s, plan.id, plan.numbering, {u: n for u, (n, _c) in units.items()})
    milestones, extensions, approved, closures = Q.task_extras(s, plan.id)
    index = Q.EntryIndex(s, plan.id, period.seq, unit_id)
    labels = {p.seq: p.label for p in schedule.periods}
    as_of = min(today, period.due)
    closed = today > period.due
    start = schedule.start_date
    tasks: list[TaskInfo] = []
    rows: list[LedgerRow] = []
    last = index.last
    for serial, (node, part) in enumerate(_tasks(roots), start=1):
        concrete = [a for a in node.assignments if units.get(a.unit_id, ("", COLLECTIVE))[1] != COLLECTIVE]
        info = TaskInfo(
            node.id, serial, part.id if part else None, f"{part.label}{part.heading.strip()}" if part else "",
            short_title(node), task_text(node), node.deadline_text, node.deadline,
            approved.get(node.id, node.deadline), extensions.get(node.id), closures.get(node.id),
            tuple(sorted(milestones.get(node.id, ()))),
            tuple(a.unit_id for a in concrete if a.role == "lead"),
            tuple(a.unit_id for a in concrete if a.role == "support"))
        tasks.append(info)
        ext = info.extension
        pending = ext is not None and ext.decision == "待审批"
        lead_key = (node.id, info.lead_unit_ids[0]) if info.lead_unit_ids else None
        lead_done = lead_key in last and last[lead_key][2] == "已完成"
        closed_on = info.closure.closed_on if info.closure else None
        for a in concrete:
            if unit_id is not None and a.unit_id != unit_id:
                continue
            key = (node.id, a.unit_id)
            got = last.get(key)
            if a.role == "support" and info.closure is None and (got is None or lead_done):
                # the task's state is the lead's: done when the lead says so, else a 配合单位 need not report
                light = Light(GREEN, ("牵头单位已报告完成",)) if lead_done else Light(GREY, ("配合单位，可不单独报送",))
                if got is None:
                    rows.append(LedgerRow(info, a.unit_id, units[a.unit_id][0], a.role, None, None, "", None, light))
                    continue
            else:
                light = None
            facts = RowFacts(
                role=a.role, status=got[2] if got else None, percent=got[3] if got else None,
                reported=key in index.this_id, period_label=period.label, period_due=period.due, as_of=as_of,
                period_closed=closed, start=start, deadline=info.effective_deadline,
                extended=node.id in approved, extension_pending=pending, closed_on=closed_on,
                milestones=info.milestones)
            rows.append(LedgerRow(
                info, a.unit_id, units[a.unit_id][0], a.role, index.get(index.this_id.get(key)),
                index.get(got[1]) if got else None, labels.get(got[0], "") if got else "",
                index.get(index.prev_id.get(key)), light or compute_light(facts, policy), index.done_seq.get(key)))
    return Ledger(plan.id, plan.title, plan.year, schedule, period, today, as_of, rows, tasks,
                  {uid: name for uid, (name, _c) in units.items()})
