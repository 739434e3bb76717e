"""Undo of an import: the plan goes, and with it what the import alone brought in — the cover
notice, the units and issuers it created — unless the clerk has changed or used them since."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models import Assignment, Issuer, Notice, NoticeIssuer, Plan, Unit
from app.models.database import session_scope
from app.models.issued import IssuedRecord
from app.services import audit

if TYPE_CHECKING:
    from app.services.importing.store import StoreReport

_NOTICE_FIELDS = ("doc_prefix", "doc_year", "doc_serial", "title", "recipients", "body", "attachments",
                  "sign_date", "signature_mode", "note", "cc", "printed_by", "print_date", "status", "plan_id")


def notice_fingerprint(notice: Notice, **override) -> str:
    """A hash of what the clerk can edit in a notice, to tell later whether it was changed."""
    values = {f: str(override.get(f, getattr(notice, f, ""))) for f in _NOTICE_FIELDS}
    values["issuers"] = [ni.issuer_id for ni in notice.issuers]
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def remove_import(session_factory: sessionmaker[Session], report: StoreReport) -> list[str]:
    """Deletes the imported plan and what came with it; returns notes on what was kept (and why)."""
    notes: list[str] = []
    with session_scope(session_factory) as s:
        plan = s.get(Plan, report.plan_id)
        if plan is not None:
            audit.record(s, "plan", plan.id, "unimport", plan.title)
            s.delete(plan)
            s.flush()
        if report.notice_id is not None:
            _remove_notice(s, report, notes)
        for unit_id in report.created_unit_ids:
            unit = s.get(Unit, unit_id)
            if unit is None:
                continue
            used = s.scalar(select(func.count()).where(Assignment.unit_id == unit_id)) or 0
            if used or unit.aliases or unit.contact_person or unit.phone or unit.short_name:
                notes.append(f"单位“{unit.name}”已在别处使用或补充过信息，保留在名录中。")
                continue
            s.delete(unit)
        for unit_id in report.reactivated_unit_ids:
            unit = s.get(Unit, unit_id)
            used = s.scalar(select(func.count()).where(Assignment.unit_id == unit_id)) or 0
            if unit is not None and not used:
                unit.active = False
        s.flush()
        for issuer_id in report.created_issuer_ids:
            issuer = s.get(Issuer, issuer_id)
            used = s.scalar(select(func.count()).where(NoticeIssuer.issuer_id == issuer_id)) or 0
            if issuer is not None and not used:
                s.delete(issuer)
    return notes


def _remove_notice(s: Session, report: StoreReport, notes: list[str]) -> None:
    notice = s.scalar(select(Notice).where(Notice.id == report.notice_id)
                      .options(selectinload(Notice.issuers)))
    if notice is None:
        return
    later = s.scalar(select(func.count()).where(Notice.lineage_id == notice.id, Notice.id != notice.id)) or 0
    # the plan's deletion set plan_id to NULL; the fingerprint was taken with the plan's id
    if later or notice_fingerprint(notice, plan_id=report.plan_id) != report.notice_fingerprint:
        notes.append(f"通知《{notice.title}》导入后已修改，保留在“公文”中。")
        return
    # an imported notice that came in issued was archived at import: the archive goes with it
    record = s.scalar(select(IssuedRecord).where(IssuedRecord.notice_id == notice.id))
    if record is not None:
        s.delete(record)
        s.flush()
    s.delete(notice)
