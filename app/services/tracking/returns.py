"""Returned forms on record: which file came back from whom for which period."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import FormReturn, ProgressEntry, ReportingPeriod, Unit
from app.models.database import session_scope
from app.services.tracking.dto import FormReturnDTO


class ReturnService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self._sf = session_factory

    def count_entries(self, period_id: int) -> int:
        with session_scope(self._sf) as s:
            return s.scalar(select(func.count()).select_from(ProgressEntry)
                            .where(ProgressEntry.period_id == period_id)) or 0

    def unit_history(self, plan_id: int, unit_id: int) -> dict[int, dict[int, tuple[str, int | None]]]:
        """node_id → period_id → (status, percent) of every report the unit made on the plan."""
        with session_scope(self._sf) as s:
            rows = s.execute(select(ProgressEntry.node_id, ProgressEntry.period_id, ProgressEntry.status,
                                    ProgressEntry.percent)
                             .join(ReportingPeriod, ReportingPeriod.id == ProgressEntry.period_id)
                             .where(ReportingPeriod.plan_id == plan_id, ProgressEntry.unit_id == unit_id))
            out: dict[int, dict[int, tuple[str, int | None]]] = {}
            for node_id, period_id, status, percent in rows:
                out.setdefault(node_id, {})[period_id] = (status, percent)
            return out

    def list(self, plan_id: int, unit_id: int | None = None) -> list[FormReturnDTO]:
        with session_scope(self._sf) as s:
            q = (select(FormReturn, Unit.name, ReportingPeriod.label)
                 .join(ReportingPeriod, ReportingPeriod.id == FormReturn.period_id)
                 .outerjoin(Unit, Unit.id == FormReturn.unit_id)
                 .where(FormReturn.plan_id == plan_id).order_by(FormReturn.id.desc()))
            if unit_id is not None:
                q = q.where(FormReturn.unit_id == unit_id)
            return [FormReturnDTO(r.id, r.plan_id, r.period_id, r.unit_id, name or "", label, r.file_name,
                                  r.reported_by, r.imported_at, r.accepted, r.rejected, r.unchanged)
                    for r, name, label in s.execute(q)]

    def find_by_hash(self, file_hash: str) -> FormReturnDTO | None:
        with session_scope(self._sf) as s:
            r = s.scalar(select(FormReturn).where(FormReturn.file_hash == file_hash).order_by(FormReturn.id.desc()))
            if r is None:
                return None
            unit = s.get(Unit, r.unit_id) if r.unit_id else None
            period = s.get(ReportingPeriod, r.period_id)
            return FormReturnDTO(r.id, r.plan_id, r.period_id, r.unit_id, unit.name if unit else "",
                                 period.label if period else "", r.file_name, r.reported_by, r.imported_at,
                                 r.accepted, r.rejected, r.unchanged)
