"""DocumentService: stored notices and plans → files, for the CLI and (later) the GUI."""

from __future__ import annotations

from pathlib import Path

from app.services.documents.builder import notice_document
from app.services.documents.fonts import FontChoice
from app.services.documents.model import NoticeDocument
from app.services.documents.seal_image import prepare_seal
from app.services.documents.service import (
    RenderResult,
    check_mode,
    font_choice,
    notice_files,
    table_docx,
    table_pdf,
    table_xlsx,
)
from app.services.documents.tables import TABLE_KINDS, build_table
from app.services.errors import NotFoundError, ValidationError
from app.services.notices import NoticeService
from app.services.output_files import check_targets, write_files
from app.services.plans import PlanService


class DocumentService:
    def __init__(self, plans: PlanService, notices: NoticeService, resources: Path | None = None,
                 font_paths: dict[str, str] | None = None):
        self.plans = plans
        self.notices = notices
        self.resources = resources
        if font_paths is not None and not isinstance(font_paths, dict):
            raise ValidationError("设置中的“字体文件”格式不正确（应为“字体角色 → 文件路径”的对应表），请在“设置”中重新选择字体。")
        self.font_paths = font_paths or {}

    def fonts(self) -> FontChoice:
        return font_choice(self.resources, self.font_paths)

    def notice_model(self, notice_id: int, seal_image: Path | None = None) -> NoticeDocument:
        notice = self.notices.get_notice(notice_id)
        plan = roots = None
        if notice.plan_id is not None:
            plan = self.plans.get_plan(notice.plan_id)
            roots = self.plans.tree(notice.plan_id)
        if seal_image is None and notice.seal_image:
            seal_image = Path(notice.seal_image)  # the picture chosen on the notice itself
        if seal_image is not None:
            seal_image = prepare_seal(Path(seal_image))  # checked, and reduced when it is huge
        return notice_document(notice, plan, roots, seal_image)

    def render_model(self, doc: NoticeDocument, pdf: Path | None = None, docx: Path | None = None,
                     mode: str = "color", overwrite: bool = False) -> RenderResult:
        if pdf is None and docx is None:
            raise ValidationError("请至少指定一个输出文件（--pdf 或 --docx）。")
        check_targets([p for p in (pdf, docx) if p is not None], overwrite)
        pdf_bytes, docx_bytes, layout = notice_files(doc, check_mode(mode), self.fonts(), pdf is not None,
                                                     docx is not None)
        result = RenderResult(pages=len(layout.pages), substitutions=layout.substitutions,
                              warnings=list(layout.warnings), layout=layout)
        outputs = [(p, data) for p, data in ((pdf, pdf_bytes), (docx, docx_bytes)) if p is not None]
        result.written = write_files(outputs, overwrite)
        return result

    def render_notice(self, notice_id: int, pdf: Path | None = None, docx: Path | None = None,
                      mode: str = "color", seal_image: Path | None = None, overwrite: bool = False) -> RenderResult:
        return self.render_model(self.notice_model(notice_id, seal_image), pdf, docx, mode, overwrite)

    def render_table(self, plan_id: int, kind: str, pdf: Path | None = None, docx: Path | None = None,
                     xlsx: Path | None = None, unit: str | None = None, mode: str = "color",
                     overwrite: bool = False) -> RenderResult:
        if kind not in TABLE_KINDS:
            raise ValidationError(f"未知的表格类型“{kind}”，可选：division、unit-list、matrix。")
        if pdf is None and docx is None and xlsx is None:
            raise ValidationError("请至少指定一个输出文件（--pdf、--docx 或 --xlsx）。")
        check_targets([p for p in (pdf, docx, xlsx) if p is not None], overwrite)
        roots = self.plans.tree(plan_id)
        table = build_table(kind, roots, unit)
        if not table.rows:
            raise NotFoundError("该工作要点没有可列入表格的任务" + (f"（单位“{unit}”）" if unit else "") + "。")
        plan = self.plans.get_plan(plan_id)
        if kind == "division":
            table.title = f"{plan.title}重点任务分工表" if plan.title else table.title
        result = RenderResult()
        outputs: list[tuple[Path, bytes]] = []
        if pdf is not None:
            data, layout = table_pdf(table, check_mode(mode), self.fonts())
            result.pages = len(layout.pages)
            result.substitutions = layout.substitutions
            outputs.append((pdf, data))
        if docx is not None:
            outputs.append((docx, table_docx(table, check_mode(mode), self.fonts())))
        if xlsx is not None:
            outputs.append((xlsx, table_xlsx(table, self.fonts())))
        result.written = write_files(outputs, overwrite)  # all of them or none
        return result
