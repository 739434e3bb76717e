"""对照 page: the county plan against its superior's document or an indicator system — every item
with its county tasks (uncovered ones in red), the suggestions to confirm or reject, 不适用 with its
reason, the county tasks linked to nothing, the percentage; Excel and the 对照表 for the notice.
Every decision is an undoable command on the page's own stack."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.services.coverage.dto import Coverage, CoverageRow
from app.ui.error_reporting import show_error
from app.ui.item_models.coverage_table_model import CountyTaskModel, CoverageTableModel
from app.ui.pages.command_page import CommandPageMixin
from app.ui.pages.coverage_actions import CoverageActions
from app.ui.undo.page_command import PageEnv
from app.ui.widgets.coverage_detail import CoverageDetail
from app.ui.widgets.plan_combo import PlanCombo

log = logging.getLogger(__name__)
SUPERIOR_SOURCE = -1  # the source combo's data for “上级文件”


class CoveragePage(CommandPageMixin, QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = ctx.services.coverage
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self.env = PageEnv(self.service, self, self._report_failure)
        self.actions = CoverageActions(self)
        self.coverage: Coverage | None = None
        self.plan = PlanCombo("coveragePlan", 12)
        self.plan.currentIndexChanged.connect(lambda _i: self._plan_changed())
        self.source = QComboBox()
        self.source.setObjectName("coverageSource")
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(12)
        self.source.currentIndexChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        top.addWidget(QLabel("本县："))
        top.addWidget(self.plan, 2)
        top.addWidget(QLabel("对照："))
        top.addWidget(self.source, 2)
        for key, text, slot in (("superior", "导入上级文件…", self.actions.import_superior),
                                ("indicators", "导入指标体系…", self.actions.import_indicators),
                                ("xlsx", "导出 Excel…", self.actions.export_xlsx),
                                ("attach", "附到通知", self.actions.attach_table)):
            b = QPushButton(text)
            b.setObjectName(f"coverage_{key}")
            b.clicked.connect(slot)
            top.addWidget(b)
        self.summary = QLabel()
        self.summary.setObjectName("coverageSummary")
        self.summary.setWordWrap(True)
        self.model = CoverageTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("coverageTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, w in ((0, 44), (3, 64), (4, 48)):
            self.table.setColumnWidth(col, w)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(cur.row()))
        self.detail = CoverageDetail()
        self.detail.link_requested.connect(self.actions.set_link)
        self.detail.note_requested.connect(self.actions.set_note)
        self.detail.draft_requested.connect(self.actions.draft_task)
        self.detail.pick_requested.connect(self.actions.pick_task)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([560, 440])
        self.reverse = CountyTaskModel(("序号", "本县任务（未对应任何上级任务）", "所属部分"), self)
        reverse_table = QTableView()
        reverse_table.setObjectName("coverageReverse")
        reverse_table.setModel(self.reverse)
        reverse_table.verticalHeader().hide()
        reverse_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("coverageTabs")
        self.tabs.addTab(split, "逐项对照")
        self.tabs.addTab(reverse_table, "未对应的本县任务")
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs, 1)
        self._reload_plans()

    # ---- plans and sources -------------------------------------------------------------------------
    def activate(self) -> None:
        self._reload_plans()

    def _reload_plans(self) -> None:
        self.plan.reload(self.ctx.services.plans.list_plans(), self.ctx.settings.last_plan_id)
        self._plan_changed()

    def plan_id(self) -> int | None:
        return self.plan.plan_id()

    def _plan_changed(self) -> None:
        self.show_source(self.source.currentData() if self.source.currentData() != SUPERIOR_SOURCE else None)

    def show_source(self, system_id: int | None) -> None:
        """Fills the source list (上级文件, then the indicator systems) and shows the one asked for."""
        plan_id = self.plan_id()
        self.source.blockSignals(True)
        self.source.clear()
        try:
            sup = self.service.superior_of(plan_id) if plan_id is not None else None
            self.source.addItem(f"上级文件：《{sup.title}》" if sup else "上级文件（尚未导入）", SUPERIOR_SOURCE)
            for s in self.service.indicators.systems():
                self.source.addItem(f"指标体系：《{s.name}》", s.id)
        except Exception as exc:
            show_error(self, exc)
        self.source.setCurrentIndex(max(0, self.source.findData(system_id if system_id is not None
                                                                else SUPERIOR_SOURCE)))
        self.source.blockSignals(False)
        self.refresh()

    def system_id(self) -> int | None:
        data = self.source.currentData()
        return None if data in (None, SUPERIOR_SOURCE) else data

    # ---- showing -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.current_row()
        plan_id = self.plan_id()
        self.coverage = None
        if plan_id is not None:
            system_id = self.system_id()
            if system_id is not None or self.service.superior_of(plan_id) is not None:
                try:
                    self.coverage = self.service.coverage(plan_id, system_id)
                except Exception as exc:
                    show_error(self, exc)
        cov = self.coverage
        self.summary.setText(cov.summary() if cov else
                             "导入上级文件（市、省或自治区的工作要点）或指标体系后，逐项列出本县对应的任务。")
        self.model.set_coverage(cov)
        self.reverse.set_tasks([(t, None) for t in cov.unlinked] if cov else [])
        row = self.model.row_of(keep.target.id) if keep is not None else -1
        if cov is not None and cov.rows:
            row = row if row >= 0 else 0
            self.table.selectRow(row)
        self._show(row)

    def current_row(self) -> CoverageRow | None:
        return self.detail.row

    def _show(self, row: int) -> None:
        self.detail.show_row(self.model.row(row))

    # ---- undo ------------------------------------------------------------------------------------
