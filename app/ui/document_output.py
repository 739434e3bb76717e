"""The GUI's door to the document engine (DocumentService) and the format checker.

Kept in one place so the pages only deal with plain results: a preview, an export, warnings.
The functions run inside TaskRunner work (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.context import AppContext
from app.services.checks import check_notice
from app.services.documents.service import notice_pdf
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


def preview(ctx: AppContext, notice_id: int, mode: str) -> Preview:
    """The notice as PDF bytes, with the format checker's findings first (one document model, no file)."""
    service = ctx.document_service()
    doc = service.notice_model(notice_id)
    pdf, layout = notice_pdf(doc, mode, service.fonts())
    return Preview(pdf, len(layout.pages), [*(f.text() for f in check_notice(doc)), *_notes(layout)])


def export(ctx: AppContext, notice_id: int, kind: str, path: Path, mode: str, overwrite: bool = False) -> Exported:
    """overwrite: the clerk agreed to replace a read-only file."""
    service = ctx.document_service()
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
