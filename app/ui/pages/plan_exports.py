"""导出 on the 工作要点 page: the plan as a Word 审阅稿 and every summary table as Excel, PDF or
Word — no notice needed. The files are written on the TaskRunner (progress, cancel)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.services.plan_export import FORMATS, OFFERED, WHAT, export_plan, file_name
from app.ui.dialogs import messages

if TYPE_CHECKING:
    from app.ui.pages.plans_page import PlansPage

FORMAT_LABEL = {"xlsx": "Excel", "pdf": "PDF", "docx": "Word"}


class PlanExports:
    def __init__(self, page: PlansPage):
        self.page = page
        self.actions: dict[tuple[str, str], QAction] = {}
        self.last_path: Path | None = None
        self.menu = QMenu("导出(&X)", page)
        self.menu.setObjectName("planExportMenu")
        review = self._action("review", "docx", "审阅稿（Word）…")
        review.setToolTip("只有标题、前言、大纲、责任单位和完成时限，没有红头和发文字号，供领导审阅")
        self.menu.addAction(review)
        self.menu.addSeparator()
        for what in ("division", "unit-list", "matrix"):
            sub = self.menu.addMenu(WHAT[what])
            for fmt in OFFERED[what]:
                sub.addAction(self._action(what, fmt, f"{FORMAT_LABEL[fmt]}…"))

    def _action(self, what: str, fmt: str, text: str) -> QAction:
        act = QAction(text, self.page)
        act.setObjectName(f"export_{what}_{fmt}")
        act.triggered.connect(lambda _=False, w=what, f=fmt: self.export(w, f))
        self.actions[(what, fmt)] = act
        return act

    def set_enabled(self, on: bool) -> None:
        self.menu.setEnabled(on)
        for act in self.actions.values():
            act.setEnabled(on)

    def export(self, what: str, fmt: str, path: str | None = None) -> None:
        """Asks for a file name (unless given) and writes the export."""
        editor = self.page.editor
        plan = editor.plan
        if plan is None:
            return
        editor.commit_pending()
        if path is None:
            path = messages.save_file(self.page, f"导出{WHAT[what]}", file_name(plan.title, what, fmt),
                                      FORMATS[fmt][0])
        if not path:
            return
        suffix = FORMATS[fmt][1]
        if not path.lower().endswith(suffix):
            path += suffix
        ctx = self.page.ctx
        target = Path(path)
        ctx.runner.submit(lambda control: export_plan(ctx.document_service(), plan.id, what, fmt, target),
                          self._done, title=f"正在导出 {target.name}…", lane="render")

    def _done(self, result) -> None:
        path = result.written[0] if result.written else None
        self.last_path = path
        pages = f"，共 {result.pages} 页" if result.pages else ""
        fonts = f"（{len(result.substitutions)} 种字体已替代，详见“设置”页）" if result.substitutions else ""
        self.page.status_message.emit(f"已导出 {path.name if path else ''}{pages}{fonts}")
