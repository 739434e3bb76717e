"""延期申请: asked (before the deadline, with a reason and a date), then approved or refused.
An approved request moves the task's deadline for the light rules; the original stays on record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import ExtensionRequest, PlanNode
from app.models.database import session_scope
from app.services import audit
from app.services.errors import NotFoundError, ValidationError
from app.services.tracking.dto import ExtensionDTO

DECISIONS = ("待审批", "同意", "不同意")


def extension_dto(x: ExtensionRequest) -> ExtensionDTO:
    return ExtensionDTO(x.id, x.node_id, x.unit_id, x.reason, x.requested_deadline, x.requested_on, x.decision,
                        x.decided_on, x.approved_deadline, x.decision_note, x.source_file)


class ExtensionService:
    def __init__(self, session_factory: sessionmaker[Session], clock: Callable[[], date] = date.today):
        self._sf = session_factory
        self._clock = clock

    def list(self, node_id: int) -> list[ExtensionDTO]:
        with session_scope(self._sf) as s:
            return [extension_dto(x) for x in s.scalars(
                select(ExtensionRequest).where(ExtensionRequest.node_id == node_id).order_by(ExtensionRequest.id))]

    def request(self, node_id: int, unit_id: int | None, reason: str, new_deadline: date,
                requested_on: date | None = None, source_file: str = "") -> ExtensionDTO:
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("申请延期须写明原因。")
        if len(reason) > 1000:
            raise ValidationError("延期原因请控制在 1000 字以内。")
        with session_scope(self._sf) as s:
            node = s.get(PlanNode, node_id)
            if node is None:
                raise NotFoundError("找不到该项任务，可能已被删除。")
            current = _effective_deadline(s, node)
            if current is not None and new_deadline <= current:
                raise ValidationError(f"申请延期至的日期应晚于现在的完成时限（{current:%Y-%m-%d}）。")
            pending = s.scalar(select(ExtensionRequest).where(ExtensionRequest.node_id == node_id,
                                                              ExtensionRequest.decision == "待审批"))
            if pending is not None:
                raise ValidationError("这项任务已有一份待审批的延期申请，请先审批。")
            x = ExtensionRequest(node_id=node_id, unit_id=unit_id, reason=reason, requested_deadline=new_deadline,
                                 requested_on=requested_on or self._clock(), source_file=source_file[:300])
            s.add(x)
            s.flush()
            audit.record(s, "extension", node_id, "request", f"→ {new_deadline} {reason[:60]}")
            return extension_dto(x)

    def decide(self, extension_id: int, approve: bool, deadline: date | None = None, note: str = "",
               decided_on: date | None = None) -> ExtensionDTO:
        """同意 (optionally with another date than asked) or 不同意."""
        with session_scope(self._sf) as s:
            x = self._get(s, extension_id)
            if x.decision != "待审批":
                raise ValidationError(f"这份延期申请已经{x.decision}，不能再次审批。")
            x.decision = "同意" if approve else "不同意"
            x.decided_on = decided_on or self._clock()
            x.approved_deadline = (deadline or x.requested_deadline) if approve else None
            x.decision_note = (note or "").strip()[:200]
            audit.record(s, "extension", x.node_id, "decide", f"{x.decision} {x.approved_deadline or ''}")
            return extension_dto(x)

    def undecide(self, extension_id: int) -> ExtensionDTO:
        """Back to 待审批 (undo of a decision)."""
        with session_scope(self._sf) as s:
            x = self._get(s, extension_id)
            x.decision, x.decided_on, x.approved_deadline, x.decision_note = "待审批", None, None, ""
            audit.record(s, "extension", x.node_id, "undecide", "")
            return extension_dto(x)

    def withdraw(self, extension_id: int) -> ExtensionDTO:
        """Deletes a request (entered by mistake, or undo of a request); returns it for the record."""
        with session_scope(self._sf) as s:
            x = self._get(s, extension_id)
            dto = extension_dto(x)
            audit.record(s, "extension", x.node_id, "withdraw", f"{x.requested_deadline} {x.decision}")
            s.delete(x)
            return dto

    @staticmethod
    def _get(s: Session, extension_id: int) -> ExtensionRequest:
        x = s.get(ExtensionRequest, extension_id)
        if x is None:
            raise NotFoundError("找不到该延期申请，可能已被撤回。")
        return x


def _effective_deadline(s: Session, node: PlanNode) -> date | None:
    approved = s.scalar(select(ExtensionRequest.approved_deadline).where(
        ExtensionRequest.node_id == node.id, ExtensionRequest.decision == "同意")
        .order_by(ExtensionRequest.id.desc()).limit(1))
    return approved or node.deadline
