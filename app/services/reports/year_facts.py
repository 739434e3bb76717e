"""What the report is drafted from, read once: every task of the tracked year with its final report
(the last entry of its 牵头单位), 销号 evidence, 延期 and 中止, its units; the plan's parts; next
year's draft plan when there is one; and how the year was supervised (通报, returned forms)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import FormReturn, Plan, TrackingDocument
from app.services.dto import NodeDTO
from app.services.tracking.dto import ClosureDTO, ExtensionDTO
from app.services.tracking.ledger import Ledger
from app.services.tracking.stats import is_done, is_overdue


@dataclass(frozen=True)
class PartFact:
    id: int | None
    label: str  # 一、
    heading: str


@dataclass
class TaskFact:
    serial: int
    part_id: int | None
    title: str
    text: str
    lead: list[str]
    support: list[str]
    status: str  # the last status reported (已销号 once closed); "" when never reported
    percent: int | None
    progress: str
    problems: str
    evidence: str
    deadline_text: str
    deadline: date | None
    effective_deadline: date | None
    closure: ClosureDTO | None
    extension: ExtensionDTO | None
    done: bool
    overdue: bool


@dataclass
class NextPlan:
    title: str
    parts: list[tuple[str, list[str]]]  # (part heading, its tasks' titles)


@dataclass
class YearFacts:
    plan_id: int
    plan_title: str
    year: int
    as_of: date
    parts: list[PartFact]
    tasks: list[TaskFact]
    next_plan: NextPlan | None = None
    bulletins: int = 0
    forms_returned: int = 0
    notes: list[str] = field(default_factory=list)

    def tasks_of(self, part_id: int | None) -> list[TaskFact]:
        return [t for t in self.tasks if t.part_id == part_id]


def facts_from(ledger: Ledger, roots: list[NodeDTO]) -> YearFacts:
    parts = [PartFact(n.id, n.label, n.heading.strip()) for n in roots if not n.is_task]
    if any(n.is_task for n in roots):
        parts.append(PartFact(None, "", "其他工作"))
    rows = {r.task.node_id: r for r in ledger.task_rows()}
    units = ledger.units
    tasks = []
    for t in ledger.tasks:
        row = rows.get(t.node_id)
        last = row.last if row is not None else None
        tasks.append(TaskFact(
            t.serial, t.part_id, t.title, t.text, [units.get(u, "") for u in t.lead_unit_ids],
            [units.get(u, "") for u in t.support_unit_ids], row.status_text if row is not None else "",
            last.percent if last else None, last.values.text if last else "", last.values.problems if last else "",
            last.values.evidence if last else "", t.deadline_text, t.deadline, t.effective_deadline, t.closure,
            t.extension, bool(row is not None and is_done(row)), bool(row is not None and is_overdue(row, ledger))))
    year = ledger.plan_year or ledger.period.due.year
    return YearFacts(ledger.plan_id, ledger.plan_title, year, ledger.as_of, parts, tasks)


def supervision_counts(s: Session, plan_id: int) -> tuple[int, int]:
    """(通报 drafted, returned forms taken in) over the year."""
    bulletins = s.scalar(select(func.count()).select_from(TrackingDocument).where(
        TrackingDocument.plan_id == plan_id, TrackingDocument.kind == "通报")) or 0
    returned = s.scalar(select(func.count()).select_from(FormReturn).where(FormReturn.plan_id == plan_id)) or 0
    return bulletins, returned


def next_year_plan_id(s: Session, plan_id: int, year: int) -> int | None:
    """Next year's 工作要点 (a draft is fine): the newest plan of year + 1 other than this one."""
    return s.scalar(select(Plan.id).where(Plan.year == year + 1, Plan.id != plan_id,
                                          Plan.kind.in_(("年度工作要点", "其他")))
                    .order_by(Plan.id.desc()).limit(1))


def next_plan_from(title: str, roots: list[NodeDTO]) -> NextPlan:
    from app.services.tracking.ledger import _tasks, short_title

    parts: dict[int | None, tuple[str, list[str]]] = {}
    order: list[int | None] = []
    for node, part in _tasks(roots):
        key = part.id if part is not None else None
        if key not in parts:
            parts[key] = (part.heading.strip() if part is not None else "其他工作", [])
            order.append(key)
        parts[key][1].append(short_title(node))
    return NextPlan(title, [parts[k] for k in order])
