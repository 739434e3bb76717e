"""年度报告 page: the year's 法治政府建设年度报告 on a plan — drafted from its 督办台账, edited part by
part, its properties and format check, the units' yearly figures, and the year's report dates.
Every change is an undoable command on the page's own stack."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.services.reports import template as T
from app.services.reports.report_outline import report_outline
from app.ui.error_reporting import show_error
from app.ui.pages.command_page import CommandPageMixin
from app.ui.pages.report_actions import ReportActions
from app.ui.undo.page_command import PageEnv
from app.ui.undo.report_commands import EditSectionCommand
from app.ui.widgets.figures_view import FiguresView
from app.ui.widgets.plan_combo import PlanCombo
from app.ui.widgets.report_editor import ReportEditor
from app.ui.widgets.report_properties import ReportProperties

log = logging.getLogger(__name__)
TABS = ("报告", "报送", "数据", "日程")


class ReportPage(CommandPageMixin, QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.reports = ctx.services.reports
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self.env = PageEnv(self.reports, self, self._report_failure)
        self.actions = ReportActions(self)
        self.report = None
        self.plan = PlanCombo("reportPlan", 14)
        self.plan.currentIndexChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        top.addWidget(QLabel("工作要点："))
        top.addWidget(self.plan, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip, slot in (
                ("draft", "起草", "按督办台账起草（修改过的部分先问再替换）", self.actions.draft),
                ("gov", "县政府报告…", "导出 PDF / Word：县政府报县委、县人大常委会", self.actions.export_gov),
                ("joint", "联合报告…", "导出 PDF / Word：县委、县政府联合报上级（上行文）", self.actions.export_joint),
                ("public", "公开版…", "导出公开版：无发文字号、签发人和抄送", self.actions.export_public)):
            b = QPushButton(text)
            b.setObjectName(f"report_{key}")
            b.setToolTip(tip)
            b.clicked.connect(slot)
            self.buttons[key] = b
            top.addWidget(b)
        self.editor = ReportEditor()
        self.editor.edit_requested.connect(self._edit)
        self.properties = ReportProperties()
        self.properties.update_requested.connect(self.actions.update)
        self.properties.check_requested.connect(self.actions.check)
        self.properties.default_requested.connect(self.actions.save_default_order)
        self.properties.setting_requested.connect(self.actions.set_county_value)
        self.figures = FiguresView()
        self.figures.export_requested.connect(self.actions.export_sheets)
        self.figures.import_requested.connect(self.actions.import_sheets)
        self.figures.edit_requested.connect(self.actions.write_figure)
        self.checklist = QListWidget()
        self.checklist.setObjectName("reportChecklist")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        for widget, name in zip((self.editor, self.properties, self.figures, self.checklist), TABS, strict=True):
            self.tabs.addTab(widget, name)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)
        self._reload_plans()

    # ---- plans -----------------------------------------------------------------------------------
    def activate(self) -> None:
        self._reload_plans()

    def _reload_plans(self) -> None:
        self.plan.reload(self.ctx.services.plans.list_plans(), self.ctx.settings.last_plan_id)
        self.refresh()

    def plan_id(self) -> int | None:
        return self.plan.plan_id()

    def public_variant(self) -> str:
        return T.GOV

    # ---- showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        plan_id = self.plan_id()
        self.report = None
        keep = self.editor.current_section_id()
        try:
            if plan_id is not None:
                self.report = self.reports.report(plan_id, create=False)
        except Exception as exc:
            show_error(self, exc)
        r = self.report
        self.editor.set_entries(report_outline(r) if r is not None else [], keep)
        self.properties.set_report(r)
        self.properties.set_county_values(self.ctx.settings.report_superior, self.ctx.settings.report_joint_cc)
        self.buttons["draft"].setText("重新起草" if r is not None and r.sections else "起草")
        for key in ("gov", "joint", "public"):
            self.buttons[key].setEnabled(r is not None and bool(r.sections))
        self._fill_figures()
        self._fill_checklist(plan_id)

    def _fill_figures(self) -> None:
        fs = self.reports.figures
        r = self.report
        try:
            fields = fs.fields()
            if r is None:
                from app.services.reports.figure_fields import totals

                self.figures.set_data(fields, totals(fields, []), [], {})
                return
            self.figures.set_data(fields, fs.totals(r.id), fs.asked(r.id), fs.values(r.id))
        except Exception as exc:  # a damaged figures setting: said once, the rest of the page works
            show_error(self, exc)

    def _fill_checklist(self, plan_id: int | None) -> None:
        self.checklist.clear()
        if plan_id is None:
            return
        try:
            items = self.reports.checklist(plan_id)
        except Exception as exc:
            log.warning("checklist: %s", exc)
            return
        for c in items:
            self.checklist.addItem(f"{'☑' if c.done else '☐'}  {c.day.month}月{c.day.day}日  {c.text}")

    # ---- edits -------------------------------------------------------------------------------------
    def _edit(self, section_id: int, text, heading) -> None:
        label = "修改报告标题" if heading is not None else "修改报告正文"
        self.run(EditSectionCommand(self.env, section_id, text, heading, label))

    def settings_changed(self) -> None:
        self.refresh()
