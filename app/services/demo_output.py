"""What `demo --out DIR` writes: the outline as text, the demo notice (PDF, DOCX) and its
tables (PDF, DOCX, XLSX)."""

from __future__ import annotations

from pathlib import Path

from app.services.notices import NoticeService
from app.services.outline_text import outline_text
from app.services.output_files import write_files
from app.services.plans import PlanService


def write_demo_outputs(plans: PlanService, notices: NoticeService, plan_id: int, out: Path,
                       report: list[str] | None = None) -> list[Path]:
    from app.services.documents.renderer import DocumentService

    plan = plans.get_plan(plan_id)
    written = []
    txt = out / "示例工作要点.txt"
    write_files([(txt, outline_text(plan, plans.tree(plan_id)).encode("utf-8"))])
    written.append(txt)
    docs = DocumentService(plans, notices)
    notice = next((n for n in notices.list_notices() if n.plan_id == plan_id), None)
    if notice is not None:
        result = docs.render_notice(notice.id, out / "示例通知.pdf", out / "示例通知.docx")
        written += result.written
        if report is not None:
            report += result.substitutions + result.warnings
    names = {"division": "重点任务分工表", "unit-list": "责任清单", "matrix": "单位任务汇总表"}
    for kind, name in names.items():
        result = docs.render_table(plan_id, kind, out / f"{name}.pdf", out / f"{name}.docx", out / f"{name}.xlsx")
        written += result.written
    return written
