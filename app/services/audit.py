"""One line in the audit log per change a clerk makes."""

from sqlalchemy.orm import Session

from app.models import AuditLog


def record(session: Session, entity: str, entity_id: int | None, action: str, detail: str = "") -> None:
    session.add(AuditLog(entity=entity, entity_id=entity_id, action=action, detail=detail[:2000]))
