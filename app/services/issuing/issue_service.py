"""标记为已印发, and everything read back from an issued notice afterwards.

At issue the notice's render-ready model is built once and laid out once; the PDF and the DOCX
in every print mode are written from that layout and stored with their SHA-256 in the same
transaction that sets the status. Opening, exporting and printing an issued notice then read
those bytes (checked against the hash), so later edits of the plan, merged units, other fonts
or other settings never reach it. A new version is made with 新建修订版."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models import IssuedFile, IssuedRecord, Notice, NoticeIssuer, Plan
from app.models.database import session_scope
from app.services import audit
from app.services.documents import model_codec
from app.services.documents.model import PRINT_MODES, NoticeDocument
from app.services.dto import IssuedDTO, IssuedFileDTO, NoticeDTO
from app.services.errors import DomainError, NotFoundError, ValidationError
from app.services.notices import check_issuable, notice_dto

if TYPE_CHECKING:
    from app.services.documents.renderer import DocumentService
    from app.services.documents.service import RenderResult

FORMATS = ("pdf", "docx")


class IssuedFileDamagedError(DomainError):
    pass


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_dto(r: IssuedRecord) -> IssuedDTO:
    return IssuedDTO(notice_id=r.notice_id, issued_at=r.issued_at, pages=r.pages,
                     notes=tuple(json.loads(r.notes or "[]")), backfilled=r.backfilled,
                     files=tuple(IssuedFileDTO(f.format, f.mode, f.size, f.sha256) for f in r.files))


class IssueService:
    def __init__(self, session_factory: sessionmaker[Session], documents: Callable[[], DocumentService]):
        self._sf = session_factory
        self._documents = documents

    # ---- issuing -------------------------------------------------------------------------
    def issue(self, notice_id: int, control=None) -> NoticeDTO:
        """Marks the notice 已印发 and keeps its model and files; control (a TaskControl) may cancel
        before anything is written."""
        with session_scope(self._sf) as s:
            notice = _notice(s, notice_id)
            check_issuable(notice)
            before = notice_dto(notice)
        record = self._render(notice_id, control)
        with session_scope(self._sf, immediate=True) as s:
            notice = _notice(s, notice_id)
            check_issuable(notice)
            if notice_dto(notice) != before:
                raise ValidationError("公文在印发过程中被修改，未印发。请核对后再点一次“标记为已印发”。")
            notice.status = "已印发"
            plan = s.get(Plan, notice.plan_id) if notice.plan_id is not None else None
            if plan is not None and plan.status == "草稿":
                plan.status = "已印发"
            s.add(record)
            audit.record(s, "notice", notice.id, "issue",
                         f"{before.doc_number} 第{notice.revision}版 pdf sha256 {record.files[0].sha256}")
            s.flush()
            return notice_dto(notice)

    def _render(self, notice_id: int, control=None, backfilled: bool = False) -> IssuedRecord:
        from app.services.checks import check_notice
        from app.services.documents.service import notice_bundle

        documents = self._documents()
        doc = documents.notice_model(notice_id)
        if control is not None:
            control.progress(1, 3, "正在排版…")
        files, layout = notice_bundle(doc, documents.fonts())
        if control is not None:
            control.progress(2, 3, "正在保存印发文件…")
        notes = [*(f.text() for f in check_notice(doc)), *layout.warnings,
                 *(f"字体：{line}" for line in layout.substitutions)]
        record = IssuedRecord(notice_id=notice_id, issued_at=datetime.now().replace(microsecond=0),  # local time
                              model_json=model_codec.dumps(doc), pages=len(layout.pages),
                              notes=json.dumps(notes, ensure_ascii=False), backfilled=backfilled)
        record.files = [IssuedFile(format=fmt, mode=mode, data=files[fmt, mode], sha256=sha256(files[fmt, mode]),
                                   size=len(files[fmt, mode])) for fmt in FORMATS for mode in PRINT_MODES]
        return record

    # ---- reading back --------------------------------------------------------------------
    def record(self, notice_id: int) -> IssuedDTO | None:
        """The issued record; a notice issued before records were kept gets one now."""
        with session_scope(self._sf) as s:
            notice = _notice(s, notice_id)
            if notice.status != "已印发":
                return None
            found = _record(s, notice_id)
            if found is not None:
                return record_dto(found)
        return self._backfill(notice_id)

    def file(self, notice_id: int, fmt: str, mode: str = "color") -> bytes:
        """The exact bytes issued, checked against their SHA-256."""
        if fmt not in FORMATS or mode not in PRINT_MODES:
            raise ValidationError(f"存档中没有 {fmt}（{mode}）格式的文件。")
        if self.record(notice_id) is None:
            raise ValidationError("该公文尚未印发，没有印发存档。")
        with session_scope(self._sf) as s:
            stored = s.scalar(select(IssuedFile).join(IssuedRecord).where(
                IssuedRecord.notice_id == notice_id, IssuedFile.format == fmt, IssuedFile.mode == mode))
            if stored is None:
                raise NotFoundError(f"印发存档中缺少 {fmt.upper()} 文件。")
            data = bytes(stored.data)
            if sha256(data) != stored.sha256:
                raise IssuedFileDamagedError("印发存档文件校验失败（内容与印发时不一致），数据库可能已损坏。"
                                             "请从备份文件夹恢复数据库。")
            return data

    def export(self, notice_id: int, pdf: Path | None = None, docx: Path | None = None,
               mode: str = "color", overwrite: bool = False) -> RenderResult | None:
        """Writes the issued files as they were issued, all of them or none; None when the notice
        is not issued."""
        from app.services.documents.service import RenderResult
        from app.services.output_files import write_files

        record = self.record(notice_id)
        if record is None:
            return None
        result = RenderResult(pages=record.pages, warnings=[f"已印发的公文按印发时保存的文件输出（{record.issued_at:%Y-%m-%d}）。"])
        wanted = [(Path(path), self.file(notice_id, fmt, mode)) for fmt, path in (("pdf", pdf), ("docx", docx))
                  if path is not None]
        result.written = write_files(wanted, overwrite)
        return result

    def model(self, notice_id: int) -> NoticeDocument:
        """The render-ready model as issued (its tables feed the 分工表 exported from the notice)."""
        if self.record(notice_id) is None:
            raise ValidationError("该公文尚未印发，没有印发存档。")
        with session_scope(self._sf) as s:
            return model_codec.loads(_record(s, notice_id).model_json)

    def issued_versions(self, plan_id: int) -> list[NoticeDTO]:
        """Issued notices of the plan, every version, newest first."""
        with session_scope(self._sf) as s:
            q = (select(Notice).where(Notice.plan_id == plan_id, Notice.status == "已印发")
                 .order_by(Notice.id.desc())
                 .options(selectinload(Notice.issuers).selectinload(NoticeIssuer.issuer)))
            return [notice_dto(n) for n in s.scalars(q)]

    def _backfill(self, notice_id: int) -> IssuedDTO:
        record = self._render(notice_id, backfilled=True)
        try:
            with session_scope(self._sf, immediate=True) as s:
                if _record(s, notice_id) is None:
                    s.add(record)
                    audit.record(s, "notice", notice_id, "archive", "issued before records were kept")
        except IntegrityError:
            pass  # stored meanwhile by another reader (preview and export at once)
        with session_scope(self._sf) as s:
            return record_dto(_record(s, notice_id))


def _notice(s: Session, notice_id: int) -> Notice:
    notice = s.get(Notice, notice_id)
    if notice is None:
        raise NotFoundError("找不到该公文，可能已被删除。")
    return notice


def _record(s: Session, notice_id: int) -> IssuedRecord | None:
    return s.scalar(select(IssuedRecord).where(IssuedRecord.notice_id == notice_id)
                    .options(selectinload(IssuedRecord.files)))
