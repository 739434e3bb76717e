"""The 对照表 as an attachment of the plan's own notice (关于印发《…》的通知): added after the
分工表, or replacing the 对照表 it already has; a notice already issued is left as it is."""

from __future__ import annotations

from app.services.coverage.dto import Coverage
from app.services.coverage.export import attachment_dict
from app.services.dto import NoticeDTO
from app.services.errors import FrozenError, NotFoundError
from app.services.notices import NoticeService


def plan_notice(notices: NoticeService, plan_id: int) -> NoticeDTO:
    found = [n for n in notices.list_notices() if n.plan_id == plan_id]
    if not found:
        raise NotFoundError("该工作要点还没有印发通知，请先在“公文”页起草通知，再把对照表附上。")
    drafts = [n for n in found if n.status != "已印发"]
    if not drafts:
        raise FrozenError("该工作要点的通知已印发，不能再加附件；如需附上对照表，请在“公文”页建立修订版。")
    return drafts[0]


def attach(notices: NoticeService, coverage: Coverage) -> tuple[int, list[dict]]:
    """Adds (or replaces) the 对照表; returns the notice id and its attachments before, for undo."""
    notice = plan_notice(notices, coverage.plan_id)
    before = [dict(a) for a in notice.attachments]
    new = attachment_dict(coverage)
    kept = [a for a in before if not (a.get("source") == "coverage" and a.get("title") == new["title"])]
    notices.update_notice(notice.id, attachments=[*kept, new])
    return notice.id, before


def restore(notices: NoticeService, notice_id: int, attachments: list[dict]) -> None:
    notices.update_notice(notice_id, attachments=attachments)
