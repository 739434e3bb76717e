"""The 督办 rows of a plan or a task as plain data, so deleting a plan or a task and undoing it gives
the 台账 back whole (plan_snapshot.py calls these). Periods are referred to by key, units by id."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    ExtensionRequest,
    FormReturn,
    Milestone,
    Notice,
    ProgressEntry,
    ReportingPeriod,
    ReportingSchedule,
    TaskClosure,
    TrackingDocument,
    Unit,
)

_ENTRY = ("unit_id", "status", "percent", "text", "problems", "evidence", "reported_by", "source", "source_file",
          "entered_at", "updated_at")
_EXT = ("unit_id", "reason", "requested_deadline", "requested_on", "decision", "decided_on", "approved_deadline",
        "decision_note", "source_file")
_CLOSURE = ("closed_on", "evidence", "note", "reopened_on", "reopen_reason")
_RETURN = ("unit_id", "file_name", "file_hash", "reported_by", "imported_at", "accepted", "rejected", "unchanged")


def _plain(v):
    return v.isoformat() if isinstance(v, (date, datetime)) else v


def _row(obj, names) -> dict:
    return {n: _plain(getattr(obj, n)) for n in names}


def _typed(model, values: dict) -> dict:
    """ISO strings back into dates and datetimes, by the column's type."""
    out = {}
    for k, v in values.items():
        col = model.__table__.columns.get(k)
        if isinstance(v, str) and col is not None:
            py = col.type.python_type
            if py is datetime:
                v = datetime.fromisoformat(v)
            elif py is date:
                v = date.fromisoformat(v)
        out[k] = v
    return out


def plan_tracking(s: Session, plan_id: int) -> dict | None:
    sched = s.scalar(select(ReportingSchedule).where(ReportingSchedule.plan_id == plan_id))
    if sched is None:
        return None
    periods = s.scalars(select(ReportingPeriod).where(ReportingPeriod.plan_id == plan_id)
                        .order_by(ReportingPeriod.seq)).all()
    keys = {p.id: p.key for p in periods}
    return {
        "schedule": _row(sched, ("rhythm", "due_day", "due_next_month", "start_date")),
        "periods": [_row(p, ("seq", "key", "label", "start", "end", "due")) for p in periods],
        "returns": [{"period": keys[r.period_id], **_row(r, _RETURN)} for r in s.scalars(
            select(FormReturn).where(FormReturn.plan_id == plan_id).order_by(FormReturn.id))],
        "documents": [{"period": keys.get(d.period_id), "kind": d.kind, "notice_id": d.notice_id}
                      for d in s.scalars(select(TrackingDocument).where(TrackingDocument.plan_id == plan_id))],
    }


def node_tracking(s: Session, node_ids: list[int]) -> dict[int, dict]:
    """Per task: its entries, 序时目标, extension requests and 销号 records (only tasks that have any)."""
    out: dict[int, dict] = {}

    def bucket(nid: int) -> dict:
        return out.setdefault(nid, {"entries": [], "milestones": [], "extensions": [], "closures": []})

    for chunk in range(0, len(node_ids), 500):  # keeps IN lists within every database's limits
        ids = node_ids[chunk:chunk + 500]
        for e, key in s.execute(select(ProgressEntry, ReportingPeriod.key)
                                .join(ReportingPeriod, ReportingPeriod.id == ProgressEntry.period_id)
                                .where(ProgressEntry.node_id.in_(ids)).order_by(ProgressEntry.id)):
            bucket(e.node_id)["entries"].append({"period": key, **_row(e, _ENTRY)})
        for m in s.scalars(select(Milestone).where(Milestone.node_id.in_(ids)).order_by(Milestone.due)):
            bucket(m.node_id)["milestones"].append(_row(m, ("due", "target_percent", "text")))
        for x in s.scalars(select(ExtensionRequest).where(ExtensionRequest.node_id.in_(ids))
                           .order_by(ExtensionRequest.id)):
            bucket(x.node_id)["extensions"].append(_row(x, _EXT))
        for c in s.scalars(select(TaskClosure).where(TaskClosure.node_id.in_(ids)).order_by(TaskClosure.id)):
            bucket(c.node_id)["closures"].append(_row(c, _CLOSURE))
    return out


def load_plan_tracking(s: Session, plan_id: int, data: dict | None) -> None:
    """Recreates the schedule and periods (before the tasks, whose entries refer to them)."""
    if not data:
        return
    s.add(ReportingSchedule(plan_id=plan_id, **_typed(ReportingSchedule, data["schedule"])))
    for p in data["periods"]:
        s.add(ReportingPeriod(plan_id=plan_id, **_typed(ReportingPeriod, p)))
    s.flush()


def load_plan_links(s: Session, plan_id: int, data: dict | None) -> None:
    """Returned-form records and the notices drafted for periods (after the plan's periods exist)."""
    if not data:
        return
    periods = _period_ids(s, plan_id)
    units = set(s.scalars(select(Unit.id)))
    for r in data.get("returns", []):
        values = _typed(FormReturn, {k: v for k, v in r.items() if k != "period"})
        if values.get("unit_id") not in units:
            values["unit_id"] = None
        s.add(FormReturn(plan_id=plan_id, period_id=periods[r["period"]], **values))
    notices = set(s.scalars(select(Notice.id)))
    for d in data.get("documents", []):
        s.add(TrackingDocument(plan_id=plan_id, period_id=periods.get(d["period"]), kind=d["kind"],
                               notice_id=d["notice_id"] if d["notice_id"] in notices else None))
    s.flush()


def load_node_tracking(s: Session, plan_id: int, node_id: int, data: dict | None, cache: dict) -> None:
    if not data:
        return
    if "periods" not in cache:
        cache["periods"] = _period_ids(s, plan_id)
    periods = cache["periods"]
    for e in data.get("entries", []):
        if e["period"] in periods:  # a period removed meanwhile takes its entries with it
            values = _typed(ProgressEntry, {k: v for k, v in e.items() if k != "period"})
            s.add(ProgressEntry(node_id=node_id, period_id=periods[e["period"]], **values))
    for m in data.get("milestones", []):
        s.add(Milestone(node_id=node_id, **_typed(Milestone, m)))
    for x in data.get("extensions", []):
        values = _typed(ExtensionRequest, x)
        if values.get("unit_id") is not None and s.get(Unit, values["unit_id"]) is None:
            values["unit_id"] = None  # the unit went meanwhile (ON DELETE SET NULL, as if it had been there)
        s.add(ExtensionRequest(node_id=node_id, **values))
    for c in data.get("closures", []):
        s.add(TaskClosure(node_id=node_id, **_typed(TaskClosure, c)))


def _period_ids(s: Session, plan_id: int) -> dict[str, int]:
    return {k: i for k, i in s.execute(select(ReportingPeriod.key, ReportingPeriod.id)
                                        .where(ReportingPeriod.plan_id == plan_id))}
