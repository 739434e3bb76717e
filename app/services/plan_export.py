"""Exports of a plan without any notice (工作要点 page → 导出): the Word 审阅稿, and each summary
table (分工表, 责任清单, 单位任务汇总表) as Excel, PDF or Word, through the document engine."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.services.errors import ValidationError

if TYPE_CHECKING:
    from app.services.documents.renderer import DocumentService
    from app.services.documents.service import RenderResult

WHAT = {"review": "审阅稿", "division": "重点任务分工表", "unit-list": "责任清单", "matrix": "单位任务汇总表"}
FORMATS = {"docx": ("Word 文档 (*.docx)", ".docx"), "xlsx": ("Excel 工作簿 (*.xlsx)", ".xlsx"),
           "pdf": ("PDF 文件 (*.pdf)", ".pdf")}
OFFERED = {"review": ("docx",), "division": ("xlsx", "pdf", "docx"), "unit-list": ("xlsx", "pdf", "docx"),
           "matrix": ("xlsx", "pdf", "docx")}


def file_name(plan_title: str, what: str, fmt: str) -> str:
    """A suggested file name: 《title》+ what, without characters Windows refuses."""
    base = "".join("＿" if ch in '\\/:*?"<>|' else ch for ch in (plan_title or "工作要点")).strip()
    suffix = "（审阅稿）" if what == "review" else WHAT[what]
    return f"{base}{suffix}{FORMATS[fmt][1]}"


def export_plan(service: DocumentService, plan_id: int, what: str, fmt: str, path: Path) -> RenderResult:
    """Writes one export; the result lists the file, pages (PDF) and font substitutions."""
    if fmt not in OFFERED.get(what, ()):
        raise ValidationError(f"不能把{WHAT.get(what, what)}导出为 {fmt} 文件。")
    path = Path(path)
    if what == "review":
        from app.services.documents.review import review_docx
        from app.services.documents.service import RenderResult, write_bytes

        plan = service.plans.get_plan(plan_id)
        roots = service.plans.tree(plan_id)
        if not roots and not plan.preamble.strip():
            raise ValidationError("该工作要点还没有内容，无法导出审阅稿。")
        # Word and WPS take the fonts by name on the reader's PC: nothing is substituted here
        return RenderResult(written=[write_bytes(path, review_docx(plan, roots, service.fonts()))])
    return service.render_table(plan_id, what, **{fmt: path})
