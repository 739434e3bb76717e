"""销号: closing a finished task with its evidence; reopening it is possible and logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import PlanNode, TaskClosure
from app.models.database import session_scope
from app.services import audit
from app.services.errors import NotFoundError, ValidationError
from app.services.tracking.dto import ClosureDTO


def closure_dto(c: TaskClosure) -> ClosureDTO:
    return ClosureDTO(c.id, c.node_id, c.closed_on, c.evidence, c.note, c.reopened_on, c.reopen_reason)


class ClosureService:
    def __init__(self, session_factory: sessionmaker[Session], clock: Callable[[], date] = date.today):
        self._sf = session_factory
        self._clock = clock

    def history(self, node_id: int) -> list[ClosureDTO]:
        with session_scope(self._sf) as s:
            return [closure_dto(c) for c in s.scalars(
                select(TaskClosure).where(TaskClosure.node_id == node_id).order_by(TaskClosure.id))]

    def close(self, node_id: int, evidence: str, note: str = "", closed_on: date | None = None) -> ClosureDTO:
        evidence = (evidence or "").strip()
        if not evidence:
            raise ValidationError("销号须注明佐证材料（如验收文件、文号或存档位置）。")
        if len(evidence) > 1000:
            raise ValidationError("佐证材料说明请控制在 1000 字以内。")
        with session_scope(self._sf) as s:
            if s.get(PlanNode, node_id) is None:
                raise NotFoundError("找不到该项任务，可能已被删除。")
            if _active(s, node_id) is not None:
                raise ValidationError("这项任务已经销号。")
            c = TaskClosure(node_id=node_id, closed_on=closed_on or self._clock(), evidence=evidence,
                            note=(note or "").strip()[:200])
            s.add(c)
            s.flush()
            audit.record(s, "closure", node_id, "close", evidence[:80])
            return closure_dto(c)

    def reopen(self, node_id: int, reason: str, on: date | None = None) -> ClosureDTO:
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("恢复督办须写明原因。")
        with session_scope(self._sf) as s:
            c = _active(s, node_id)
            if c is None:
                raise ValidationError("这项任务没有销号，无需恢复。")
            c.reopened_on, c.reopen_reason = on or self._clock(), reason[:200]
            audit.record(s, "closure", node_id, "reopen", reason[:80])
            return closure_dto(c)

    def undo_reopen(self, closure_id: int) -> None:
        with session_scope(self._sf) as s:
            c = self._get(s, closure_id)
            if _active(s, c.node_id) is not None:
                raise ValidationError("这项任务已再次销号，不能撤销恢复。")
            c.reopened_on, c.reopen_reason = None, ""
            audit.record(s, "closure", c.node_id, "undo-reopen", "")

    def remove(self, closure_id: int) -> None:
        """Undo of a 销号: the closing row goes (the audit log keeps that it happened)."""
        with session_scope(self._sf) as s:
            c = self._get(s, closure_id)
            audit.record(s, "closure", c.node_id, "undo-close", c.evidence[:80])
            s.delete(c)

    @staticmethod
    def _get(s: Session, closure_id: int) -> TaskClosure:
        c = s.get(TaskClosure, closure_id)
        if c is None:
            raise NotFoundError("找不到该销号记录。")
        return c


def _active(s: Session, node_id: int) -> TaskClosure | None:
    return s.scalar(select(TaskClosure).where(TaskClosure.node_id == node_id, TaskClosure.reopened_on.is_(None)))
