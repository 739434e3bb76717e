"""Two clerks, one task: a save based on an older version is refused, never silently written over.

Tasks (their fields and units), notices and progress entries carry a version. A save names the
version the clerk's screen showed; when the row has moved on since, ConflictError says who changed
what and when (from the audit log, which records each change with the version it made), and the
clerk chooses: reload theirs, or keep mine (saved again over the newer version). Both choices are
written to the audit log. The row is locked while it is checked and written (FOR UPDATE on a server;
SQLite's write lock), so two saves can never both pass the check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import AuditLog
from app.models.database import session_scope
from app.services import audit
from app.services.errors import DomainError

FIELD_LABELS = {
    "heading": "标题", "text": "内容", "is_task": "重点任务", "deadline_text": "完成时限", "deadline": "完成时限",
    "responsible_person": "责任人", "measures": "工作措施", "title": "标题", "recipients": "主送机关",
    "body": "正文", "sign_date": "成文日期", "signature_mode": "署名方式", "note": "附注", "cc": "抄送",
    "printed_by": "印发机关", "print_date": "印发日期", "doc_prefix": "发文字号", "doc_year": "发文字号",
    "doc_serial": "发文字号", "copy_no": "份号", "secrecy": "密级", "urgency": "紧急程度", "signers": "签发人",
    "seal_image": "印章图片", "plan_id": "所属工作要点", "issuers": "发文机关", "attachments": "附件",
}
ACTION_WORDS = {"assign": "责任单位", "create": "新填了进展", "delete": "删除了", "update": "修改了",
                "conflict-keep": "保留了自己的修改", "move": "移动了"}


@dataclass(frozen=True)
class ChangeNote:
    """One change made by someone else since the clerk's version."""

    clerk: str
    at: datetime | None  # UTC, as stored
    action: str
    detail: str

    def when(self) -> str:
        if self.at is None:
            return ""
        return self.at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")

    def what(self) -> str:
        if self.action == "assign":
            return "修改了责任单位"
        if self.action == "update" and self.detail and "=" not in self.detail:
            labels = dict.fromkeys(FIELD_LABELS.get(f, f) for f in self.detail.split(",") if f)
            return "修改了" + "、".join(labels)
        if self.action == "update":
            return "修改了进展"
        return ACTION_WORDS.get(self.action, "修改了")

    def sentence(self) -> str:
        who = self.clerk or "另一位同事"
        when = self.when()
        return f"{who}{'于 ' + when + ' ' if when else ''}{self.what()}"


class ConflictError(DomainError):
    """The row changed (or went) after the clerk's screen showed it; nothing was saved."""

    def __init__(self, entity: str, entity_id: int, what: str, expected: int | None, current: int | None,
                 notes: list[ChangeNote]):
        self.entity, self.entity_id, self.what = entity, entity_id, what
        self.expected, self.current, self.notes = expected, current, notes
        if current is None:
            told = f"{what}在您打开之后已被删除"
            if notes:
                told += f"（{notes[-1].sentence().replace('删除了', '删除')}）"
        else:
            told = f"{what}在您打开之后已被修改：" + "；".join(n.sentence() for n in notes[-3:] or
                                                     [ChangeNote("", None, "update", "")])
        super().__init__(f"{told}。您的修改还没有保存。")

    @property
    def deleted(self) -> bool:
        return self.current is None


def lock(s: Session, model, row_id: int):
    """The row, locked until commit on a server (SQLite's caller holds the write lock already)."""
    return s.get(model, row_id, with_for_update=True, populate_existing=True)


def check(s: Session, entity: str, entity_id: int, current: int | None, expected: int | None, what: str,
          match: str = "") -> None:
    """expected None: no check (undo of the clerk's own step, the command line, imports)."""
    if expected is None or expected == current:
        return
    raise ConflictError(entity, entity_id, what, expected, current,
                        changes_since(s, entity, entity_id, expected or 0, match))


def bump(s: Session, row) -> int:
    row.version = (row.version or 0) + 1
    row.changed_by = s.info.get("clerk", "")
    return row.version


def changes_since(s: Session, entity: str, entity_id: int, version: int, match: str = "") -> list[ChangeNote]:
    q = (select(AuditLog).where(AuditLog.entity == entity, AuditLog.entity_id == entity_id)
         .where((AuditLog.entity_version > version) | AuditLog.entity_version.is_(None))
         .order_by(AuditLog.id.desc()).limit(20))
    rows = [r for r in s.scalars(q) if not match or r.detail.startswith(match)]
    rows = [r for r in rows if r.entity_version is not None or r.action == "delete"][:5]
    return [ChangeNote(r.clerk, r.at, r.action, r.detail) for r in reversed(rows)]


def record_choice(session_factory: sessionmaker[Session], conflict: ConflictError, keep_mine: bool) -> None:
    """The clerk's answer to a conflict, kept in the audit log."""
    with session_scope(session_factory) as s:
        action = "conflict-keep" if keep_mine else "conflict-reload"
        others = "、".join(dict.fromkeys(n.clerk for n in conflict.notes if n.clerk)) or "另一位同事"
        audit.record(s, conflict.entity, conflict.entity_id, action,
                     f"v{conflict.expected}→v{conflict.current} {others}")
