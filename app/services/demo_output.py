"""What `demo --out DIR` writes. The document engine adds its PDF, DOCX and XLSX files here."""

from __future__ import annotations

from pathlib import Path

from app.services.notices import NoticeService
from app.services.outline_text import outline_text
from app.services.plans import PlanService


def write_demo_outputs(plans: PlanService, notices: NoticeService, plan_id: int, out: Path) -> list[Path]:
    plan = plans.get_plan(plan_id)
    written = []
    txt = out / "示例工作要点.txt"
    txt.write_text(outline_text(plan, plans.tree(plan_id)), encoding="utf-8")
    written.append(txt)
    return written
