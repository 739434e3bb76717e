"""The selected unit's tasks on the 责任单位 page: 牵头 / 配合, deadlines and the other units, in one
plan or all of them — the list a clerk sends to that unit, exportable as .xlsx.

A double-click asks the window to open the task in the plan editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import UnitDTO
from app.services.unit_tasks import ROLE_LABEL, UnitTask, UnitTaskService
from app.ui.error_reporting import reports_errors
from app.ui.widgets.no_wheel_combo import NoWheelComboBox

COLUMNS = ("工作要点", "序号", "任务", "责任类型", "完成时限", "其他责任单位")
PLAN, PATH, TEXT, ROLE, DEADLINE, PARTNERS = range(6)


class UnitTaskList(QWidget):
    export_requested = Signal()
    open_requested = Signal(int, int)  # plan id, node id

    def __init__(self, tasks: UnitTaskService, parent=None):
        super().__init__(parent)
        self.setObjectName("unitTaskList")
        self._service = tasks
        self.unit: UnitDTO | None = None
        self.rows: list[UnitTask] = []
        self.title = QLabel("选择一个单位，查看它承担的任务")
        self.title.setObjectName("unitTasksTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.plan = NoWheelComboBox()
        self.plan.setObjectName("unitTasksPlan")
        self.plan.setMinimumContentsLength(14)
        self.plan.currentIndexChanged.connect(lambda _i: self._fill())
        self.export_button = QPushButton("导出任务清单（Excel）…")
        self.export_button.setObjectName("exportUnitTasks")
        self.export_button.setToolTip("把该单位的任务（牵头、配合、完成时限）导出为 Excel，发给该单位")
        self.export_button.clicked.connect(self.export_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel("范围"))
        top.addWidget(self.plan)
        top.addWidget(self.export_button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("unitTasksTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)  # rows stay in outline order, as the 分工表 numbers them
        self.table.cellDoubleClicked.connect(self._open)
        head = self.table.horizontalHeader()
        for col in (PLAN, PATH, ROLE, DEADLINE):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(PARTNERS, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(PARTNERS, 160)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        self.show_unit(None)

    def plan_id(self) -> int | None:
        return self.plan.currentData()

    @reports_errors
    def show_unit(self, unit: UnitDTO | None) -> None:
        """Lists the unit's plans in the scope box (keeping the chosen plan) and its tasks."""
        self.unit = unit
        keep = self.plan.currentData()
        self.plan.blockSignals(True)
        try:
            self.plan.clear()
            plans = self._service.plans_of(unit.id) if unit is not None else []
            self.plan.addItem("全部工作要点", None)
            for p in plans:
                self.plan.addItem(p.title, p.id)
            found = self.plan.findData(keep) if keep is not None else -1
            self.plan.setCurrentIndex(found if found >= 0 else (1 if len(plans) == 1 else 0))
        finally:
            self.plan.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        unit = self.unit
        self.rows = self._service.tasks(unit.id, self.plan_id()) if unit is not None else []
        self.table.setRowCount(len(self.rows))
        for r, t in enumerate(self.rows):
            cells = (t.plan_title, t.path, t.text, ROLE_LABEL[t.role], t.deadline_text, t.partners)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if c in (TEXT, PARTNERS, PLAN) else "")
                item.setData(Qt.ItemDataRole.UserRole, r)
                self.table.setItem(r, c, item)
        self.table.setColumnHidden(PLAN, self.plan_id() is not None)
        lead = sum(t.role == "lead" for t in self.rows)
        if unit is None:
            self.title.setText("选择一个单位，查看它承担的任务")
        else:
            self.title.setText(f"“{unit.name}”的任务：牵头 {lead} 项，配合 {len(self.rows) - lead} 项")
        self.export_button.setEnabled(bool(self.rows))

    def _open(self, row: int, _column: int) -> None:
        index = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        task = self.rows[index]
        self.open_requested.emit(task.plan_id, task.node_id)
