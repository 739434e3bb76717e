"""The queries behind a Ledger, written for speed (300 tasks × 60 units × 12 periods within the 200 ms
of a refresh): Core rows instead of ORM objects, and only the entries shown (the latest and the one
before it per task × unit) fetched, not the whole year."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from app.models import (
    Assignment,
    ExtensionRequest,
    Milestone,
    PlanNode,
    ProgressEntry,
    ReportingPeriod,
    TaskClosure,
)
from app.services.dto import AssignmentDTO, NodeDTO
from app.services.plan_tree import assign_labels
from app.services.tracking.dto import ClosureDTO, EntryDTO, EntryValues, ExtensionDTO

_NODE_COLS = (PlanNode.id, PlanNode.parent_id, PlanNode.position, PlanNode.level, PlanNode.heading, PlanNode.text,
              PlanNode.is_task, PlanNode.deadline_text, PlanNode.deadline)


def tree(s: Session, plan_id: int, numbering: str, unit_names: dict[int, str]) -> list[NodeDTO]:
    """The outline as NodeDTOs with labels, from two Core queries (no ORM objects)."""
    assigns: dict[int, list[AssignmentDTO]] = {}
    q = (select(Assignment.node_id, Assignment.unit_id, Assignment.role)
         .join(PlanNode, PlanNode.id == Assignment.node_id)
         .where(PlanNode.plan_id == plan_id).order_by(Assignment.node_id, Assignment.position))
    for node_id, unit_id, role in s.execute(q):
        assigns.setdefault(node_id, []).append(AssignmentDTO(unit_id, unit_names.get(unit_id, ""), role))
    dtos = {}
    for r in s.execute(select(*_NODE_COLS).where(PlanNode.plan_id == plan_id)):
        dtos[r.id] = NodeDTO(id=r.id, plan_id=plan_id, parent_id=r.parent_id, position=r.position, level=r.level,
                             label="", heading=r.heading, text=r.text, is_task=r.is_task,
                             deadline_text=r.deadline_text, deadline=r.deadline, assignments=assigns.get(r.id, []))
    roots: list[NodeDTO] = []
    for d in dtos.values():
        (dtos[d.parent_id].children if d.parent_id in dtos else roots).append(d)
    for d in dtos.values():
        d.children.sort(key=lambda c: c.position)
    roots.sort(key=lambda c: c.position)
    assign_labels(roots, numbering)
    return roots


def task_extras(s: Session, plan_id: int):
    """序时目标, the latest extension request (and the approved deadline), the active 销号, per task."""
    node_ids = select(PlanNode.id).where(PlanNode.plan_id == plan_id)
    milestones: dict[int, list[tuple[date, int]]] = {}
    for nid, due, pct in s.execute(select(Milestone.node_id, Milestone.due, Milestone.target_percent)
                                   .where(Milestone.node_id.in_(node_ids))):
        milestones.setdefault(nid, []).append((due, pct))
    extensions: dict[int, ExtensionDTO] = {}
    approved: dict[int, date] = {}
    for x in s.execute(select(ExtensionRequest.__table__).where(ExtensionRequest.node_id.in_(node_ids))
                       .order_by(ExtensionRequest.id)):
        extensions[x.node_id] = ExtensionDTO(x.id, x.node_id, x.unit_id, x.reason, x.requested_deadline,
                                             x.requested_on, x.decision, x.decided_on, x.approved_deadline,
                                             x.decision_note, x.source_file)
        if x.decision == "同意" and x.approved_deadline is not None:
            approved[x.node_id] = x.approved_deadline
    closures = {c.node_id: ClosureDTO(c.id, c.node_id, c.closed_on, c.evidence, c.note, c.reopened_on,
                                      c.reopen_reason)
                for c in s.execute(select(TaskClosure.__table__).where(TaskClosure.node_id.in_(node_ids),
                                                                      TaskClosure.reopened_on.is_(None)))}
    return milestones, extensions, approved, closures


def correlated_picks(plan_id: int, seq: int, unit_id: int | None):
    """Per task × unit: the latest entry up to period `seq`, the one before it, and the first period
    reported 已完成, from correlated subqueries on the (task, unit, period) index (SQLite)."""

    def of_row(*extra):
        return (select(*extra).select_from(ProgressEntry)
                .join(ReportingPeriod, ReportingPeriod.id == ProgressEntry.period_id)
                .where(ProgressEntry.node_id == Assignment.node_id, ProgressEntry.unit_id == Assignment.unit_id,
                       ReportingPeriod.seq <= seq).correlate(Assignment))

    def nth(n: int):
        return of_row(ProgressEntry.id).order_by(ReportingPeriod.seq.desc()).limit(1).offset(n).scalar_subquery()

    done = of_row(func.min(ReportingPeriod.seq)).where(ProgressEntry.status == "已完成").scalar_subquery()
    q = (select(Assignment.node_id, Assignment.unit_id, nth(0).label("last_id"), nth(1).label("prev_id"),
                done.label("done_seq"))
         .join(PlanNode, PlanNode.id == Assignment.node_id).where(PlanNode.plan_id == plan_id))
    if unit_id is not None:
        q = q.where(Assignment.unit_id == unit_id)
    return q


def ranked_picks(plan_id: int, seq: int, unit_id: int | None):
    """The same picks as correlated_picks, from one ranked pass over the entries (a window function):
    what a PostgreSQL server answers fastest."""
    e, p = ProgressEntry, ReportingPeriod
    rank = func.row_number().over(partition_by=(e.node_id, e.unit_id), order_by=p.seq.desc())
    ranked = (select(e.id, e.node_id, e.unit_id, e.status, p.seq, rank.label("rn"))
              .join(p, p.id == e.period_id).join(PlanNode, PlanNode.id == e.node_id)
              .where(PlanNode.plan_id == plan_id, p.seq <= seq))
    if unit_id is not None:
        ranked = ranked.where(e.unit_id == unit_id)
    r = ranked.subquery()
    q = (select(Assignment.node_id, Assignment.unit_id,
                func.max(case((r.c.rn == 1, r.c.id))).label("last_id"),
                func.max(case((r.c.rn == 2, r.c.id))).label("prev_id"),
                func.min(case((r.c.status == "已完成", r.c.seq))).label("done_seq"))
         .join(PlanNode, PlanNode.id == Assignment.node_id)
         .outerjoin(r, (r.c.node_id == Assignment.node_id) & (r.c.unit_id == Assignment.unit_id))
         .where(PlanNode.plan_id == plan_id).group_by(Assignment.node_id, Assignment.unit_id))
    if unit_id is not None:
        q = q.where(Assignment.unit_id == unit_id)
    return q


class EntryIndex:
    """Per (task, unit): the latest entry up to the period, this period's, the one before, and the
    first period reported 已完成, picked in the database (correlated_picks, or ranked_picks on a
    server), so a year of entries is never walked in Python."""

    def __init__(self, s: Session, plan_id: int, seq: int, unit_id: int | None = None):
        self.last: dict[tuple[int, int], tuple[int, int, str, int | None]] = {}  # key → (seq, id, status, %)
        self.prev_id: dict[tuple[int, int], int] = {}
        self.this_id: dict[tuple[int, int], int] = {}
        self.done_seq: dict[tuple[int, int], int] = {}
        self.entries: dict[int, EntryDTO] = {}

        if s.get_bind().dialect.name == "postgresql":  # the server's planner runs the subqueries twice a row
            q = ranked_picks(plan_id, seq, unit_id)
        else:
            q = correlated_picks(plan_id, seq, unit_id)
        picks = q.subquery()
        # the two entries side by side on one row per task × unit: no id lists sent back and forth
        cols, sides = [picks.c.node_id, picks.c.unit_id, picks.c.done_seq], []
        for name in ("last_id", "prev_id"):
            e, p = aliased(ProgressEntry), aliased(ReportingPeriod)
            sides.append((e, p, name))
            cols += [e.id, e.period_id, e.status, e.percent, e.text, e.problems, e.evidence, e.reported_by, e.source,
                     e.source_file, p.seq, e.version]
        q = select(*cols)
        frm = picks
        for e, p, name in sides:
            frm = frm.outerjoin(e, e.id == getattr(picks.c, name)).outerjoin(p, p.id == e.period_id)
        width = 12
        for row in s.execute(q.select_from(frm)):
            node_id, uid, first_done = row[0], row[1], row[2]
            key = (node_id, uid)
            if first_done is not None:
                self.done_seq[key] = first_done
            found = []
            for k in range(2):
                eid, pid, status, pct, text, problems, evidence, who, source, file, pseq, version = row[
                    3 + k * width: 3 + (k + 1) * width]
                if eid is None:
                    found.append(None)
                    continue
                self.entries[eid] = EntryDTO(eid, node_id, uid, pid, EntryValues(status, pct, text, problems, evidence),
                                             who, source, file, version=version or 0)
                found.append((eid, pseq, status, pct))
            latest, before = found
            if latest is None:
                continue
            self.last[key] = (latest[1], latest[0], latest[2], latest[3])
            if latest[1] == seq:
                self.this_id[key] = latest[0]
                if before is not None:
                    self.prev_id[key] = before[0]
            else:
                self.prev_id[key] = latest[0]

    def get(self, entry_id: int | None) -> EntryDTO | None:
        return self.entries.get(entry_id) if entry_id is not None else None
