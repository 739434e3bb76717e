"""The GUI's door to the document engine (DocumentService) and the format checker.

Kept in one place so the pages only deal with plain results: a preview, an export, warnings.
The functions run inside TaskRunner work (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.context import AppContext
from app.services.checks import check_layout, check_notice
from app.services.documents.service import notice_pdf, table_xlsx, write_bytes
from app.services.errors import ValidationError


@dataclass
class Preview:
    pdf: bytes
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Exported:
    path: Path
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


def _notes(result) -> list[str]:
    return [*result.warnings, *(f"字体：{line}" for line in result.substitutions)]


ISSUED_NOTE = "已印发存档"  # the first line beside an issued notice's preview: about the file, not a finding


def issued_note(record) -> str:
    return (f"{ISSUED_NOTE}：{record.issued_at:%Y-%m-%d %H:%M} 印发时保存的文件，共 {record.pages} 页，"
            f"校验码 {record.sha256()[:12]}。")


def preview(ctx: AppContext, notice_id: int, mode: str) -> Preview:
    """The notice as PDF bytes, with the format checker's findings first (one document model, no
    file). An issued notice shows the bytes kept when it was issued."""
    record = ctx.issuing.record(notice_id)
    if record is not None:
        return Preview(ctx.issuing.file(notice_id, "pdf", mode), record.pages, [issued_note(record), *record.notes])
    service = ctx.document_service()
    doc = service.notice_model(notice_id)
    pdf, layout = notice_pdf(doc, mode, service.fonts(), compress=False)  # shown, never saved: not packed
    findings = [*check_notice(doc), *check_layout(layout)]
    return Preview(pdf, len(layout.pages), [*(f.text() for f in findings), *_notes(layout)])


def issued_table(ctx: AppContext, notice_id: int, kind: str = "division"):
    """The table as it was attached to the issued notice, or None."""
    doc = ctx.issuing.model(notice_id)
    attachments = [*(doc.issued.attachments if doc.issued else []), *doc.attachments]
    return next((a.table for a in attachments if a.table is not None and a.table.kind == kind), None)


def export(ctx: AppContext, notice_id: int, kind: str, path: Path, mode: str, overwrite: bool = False) -> Exported:
    """overwrite: the clerk agreed to replace a read-only file."""
    service = ctx.document_service()
    record = ctx.issuing.record(notice_id)
    if record is not None:
        if kind != "xlsx":
            result = ctx.issuing.export(notice_id, **{kind: path}, mode=mode, overwrite=overwrite)
            return Exported(Path(path), result.pages, list(record.notes))  # as noted when it was issued
        table = issued_table(ctx, notice_id)
        if table is not None:
            write_bytes(path, table_xlsx(table), overwrite)
            return Exported(Path(path), 0, [])
    if kind == "xlsx":
        notice = ctx.services.notices.get_notice(notice_id)
        if notice.plan_id is None:
            raise ValidationError("该公文没有关联工作要点，无法导出重点任务分工表。")
        result = service.render_table(notice.plan_id, "division", xlsx=path, overwrite=overwrite)
    elif kind == "docx":
        result = service.render_notice(notice_id, docx=path, mode=mode, overwrite=overwrite)
    else:
        result = service.render_notice(notice_id, pdf=path, mode=mode, overwrite=overwrite)
    return Exported(Path(path), result.pages, _notes(result))
