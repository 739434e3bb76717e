"""One unit's tasks (牵头 / 配合, with deadlines) across plans: the list a clerk sends to that unit,
shown on the 责任单位 page and exported as an Excel sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Assignment, Plan, PlanNode
from app.models.database import session_scope
from app.services.documents.model import Column, Table, TableRow
from app.services.documents.tables import task_text
from app.services.dto import NodeDTO, PlanSummary
from app.services.errors import NotFoundError
from app.services.plan_tree import iter_nodes
from app.services.plans import PlanService
from app.services.units import UnitService

ROLE_LABEL = {"lead": "牵头", "support": "配合"}


@dataclass(frozen=True)
class UnitTask:
    plan_id: int
    plan_title: str
    node_id: int
    serial: int  # the task's number in the plan's 分工表 (tasks numbered in outline order)
    path: str  # printed labels from the top: 二、（三）
    text: str
    role: str  # lead | support
    deadline_text: str
    deadline: date | None
    partners: str  # the other units: “牵头：… 配合：…”


def _paths(roots: list[NodeDTO]) -> dict[int, str]:
    out: dict[int, str] = {}

    def walk(nodes: list[NodeDTO], prefix: str) -> None:
        for n in nodes:
            out[n.id] = prefix + n.label
            walk(n.children, out[n.id])

    walk(roots, "")
    return out


def tasks_in(plan_id: int, title: str, roots: list[NodeDTO], unit_id: int) -> list[UnitTask]:
    """The unit's tasks in one plan's tree, in outline order."""
    paths = _paths(roots)
    out = []
    tasks = [n for n in iter_nodes(roots) if n.is_task]
    for serial, n in enumerate(tasks, start=1):
        mine = next((a for a in n.assignments if a.unit_id == unit_id), None)
        if mine is None:
            continue
        lead = [a.unit_name for a in n.assignments if a.role == "lead" and a.unit_id != unit_id]
        sup = [a.unit_name for a in n.assignments if a.role == "support" and a.unit_id != unit_id]
        partners = "；".join(p for p in (("牵头：" + "、".join(lead)) if lead else "",
                                        ("配合：" + "、".join(sup)) if sup else "") if p)
        out.append(UnitTask(plan_id, title, n.id, serial, paths[n.id].rstrip("、．"), task_text(n), mine.role,
                            n.deadline_text, n.deadline, partners))
    return out


class UnitTaskService:
    def __init__(self, session_factory: sessionmaker[Session], plans: PlanService, units: UnitService):
        self._sf = session_factory
        self._plans = plans
        self._units = units

    def plans_of(self, unit_id: int) -> list[PlanSummary]:
        """The plans in which the unit has a task, newest first."""
        with session_scope(self._sf) as s:
            ids = set(s.scalars(select(PlanNode.plan_id).join(Assignment, Assignment.node_id == PlanNode.id)
                                .where(Assignment.unit_id == unit_id, PlanNode.is_task)))
        return [p for p in self._plans.list_plans() if p.id in ids]

    def tasks(self, unit_id: int, plan_id: int | None = None) -> list[UnitTask]:
        """The unit's tasks in one plan, or (plan_id None) in every plan, newest plan first."""
        self._units.get(unit_id)  # a unit deleted meanwhile: a clear message
        plans = self.plans_of(unit_id)
        if plan_id is not None:
            with session_scope(self._sf) as s:
                if s.get(Plan, plan_id) is None:
                    raise NotFoundError("找不到该工作要点，可能已被删除。")
            plans = [p for p in plans if p.id == plan_id]
        out: list[UnitTask] = []
        for p in plans:
            out += tasks_in(p.id, p.title, self._plans.tree(p.id), unit_id)
        return out

    def table(self, unit_id: int, plan_id: int | None = None) -> Table:
        """The list as a table (the 责任清单 of one unit), grouped by plan."""
        unit = self._units.get(unit_id)
        tasks = self.tasks(unit_id, plan_id)
        if not tasks:
            raise NotFoundError(f"“{unit.name}”在所选工作要点中没有承担任务。")
        cols = [Column("序号", 15, "center"), Column("重点任务", 115, "justify"), Column("责任类型", 20, "center"),
                Column("其他责任单位", 45), Column("完成时限", 30, "center")]
        rows: list[TableRow] = []
        for pid in dict.fromkeys(t.plan_id for t in tasks):
            mine = [t for t in tasks if t.plan_id == pid]
            lead = sum(t.role == "lead" for t in mine)
            rows.append(TableRow([f"《{mine[0].plan_title}》（牵头{lead}项，配合{len(mine) - lead}项）"], section=True))
            rows += [TableRow([str(t.serial), t.text, ROLE_LABEL[t.role], t.partners, t.deadline_text]) for t in mine]
        return Table("unit-list", f"{unit.name}任务清单", cols, rows, note="序号与该工作要点的重点任务分工表一致。")

    def export_xlsx(self, unit_id: int, path: Path, plan_id: int | None = None) -> int:
        """Writes the list as .xlsx; returns the number of tasks written."""
        from app.services.documents.service import table_xlsx, write_bytes  # openpyxl only when exporting

        table = self.table(unit_id, plan_id)
        write_bytes(Path(path), table_xlsx(table))
        return sum(1 for r in table.rows if not r.section)
