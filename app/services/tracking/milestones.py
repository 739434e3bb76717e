"""序时目标 (optional per task): by a date, a percentage; they replace the straight-line 序时进度."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Milestone, PlanNode
from app.models.database import session_scope
from app.services import audit
from app.services.errors import NotFoundError, ValidationError
from app.services.tracking.dto import MilestoneDTO


class MilestoneService:
    def __init__(self, session_factory: sessionmaker[Session]):
        self._sf = session_factory

    def list(self, node_id: int) -> list[MilestoneDTO]:
        with session_scope(self._sf) as s:
            return [MilestoneDTO(m.node_id, m.due, m.target_percent, m.text) for m in s.scalars(
                select(Milestone).where(Milestone.node_id == node_id).order_by(Milestone.due))]

    def set(self, node_id: int, milestones: list[MilestoneDTO]) -> list[MilestoneDTO]:
        """Replaces the task's 序时目标; returns the old ones (for undo). Targets may not go down."""
        ordered = sorted(milestones, key=lambda m: m.due)
        dues: set[date] = set()
        last = -1
        for m in ordered:
            if m.due in dues:
                raise ValidationError(f"序时目标的日期 {m.due:%Y-%m-%d} 重复。")
            dues.add(m.due)
            if not 0 <= int(m.target_percent) <= 100:
                raise ValidationError("序时目标的进度应为 0 到 100 之间的整数。")
            if m.target_percent < last:
                raise ValidationError("序时目标应随时间递增：后一个目标不能低于前一个。")
            last = m.target_percent
            if len(m.text or "") > 200:
                raise ValidationError("序时目标的说明请控制在 200 字以内。")
        old = self.list(node_id)
        with session_scope(self._sf) as s:
            if s.get(PlanNode, node_id) is None:
                raise NotFoundError("找不到该项任务，可能已被删除。")
            s.execute(delete(Milestone).where(Milestone.node_id == node_id))
            for m in ordered:
                s.add(Milestone(node_id=node_id, due=m.due, target_percent=int(m.target_percent),
                                text=(m.text or "").strip()))
            audit.record(s, "milestone", node_id, "set",
                         "；".join(f"{m.due:%Y-%m-%d} {m.target_percent}%" for m in ordered) or "清空")
        return old
