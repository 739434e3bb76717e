"""One line in the audit log per change a clerk makes: what, which clerk, from which program.

On a server the line also wakes the other clerks' programs (NOTIFY, delivered at commit), so their
views follow without a restart; on SQLite they notice the change themselves (services.changes)."""

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.models import AuditLog
from app.models.server_engine import CHANGES_CHANNEL, is_server


def record(session: Session, entity: str, entity_id: int | None, action: str, detail: str = "",
           version: int | None = None) -> None:
    """version: the row's version after this change (tasks, notices, progress entries)."""
    info = session.info
    session.add(AuditLog(entity=entity, entity_id=entity_id, action=action, detail=detail[:2000],
                         clerk=info.get("clerk", ""), client=info.get("client", ""), entity_version=version))
    if is_server(session.get_bind()):
        session.execute(text("SELECT pg_notify(:channel, :client)"),
                        {"channel": CHANGES_CHANNEL, "client": info.get("client", "")})
