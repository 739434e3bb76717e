"""Search box and filters above the outline: words (heading, text, unit, 责任人); a unit and its
role; deadlines in a quarter or a date range; tasks without a lead unit; overdue tasks.

The bar only collects the criteria (a TaskFilter); the editor's proxy applies them. The second row
(the filters) folds away to leave the outline its room on small screens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import UnitDTO
from app.services.plan_search import TaskFilter
from app.ui.widgets.no_wheel_combo import NoWheelComboBox
from app.ui.widgets.search_box import SearchBox

DEADLINE_CHOICES = ("全部时限", "第一季度", "第二季度", "第三季度", "第四季度", "指定日期范围")
RANGE = len(DEADLINE_CHOICES) - 1


class PlanFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("planFilterBar")
        self.year: int | None = None
        self.today: date | None = None  # None: the real today (tests set a day)
        self.search = SearchBox("planSearch", "查找条目：标题、内容、单位或责任人（Ctrl+F）")
        self.search.settled.connect(self.changed)
        self.toggle = QToolButton()
        self.toggle.setObjectName("filterToggle")
        self.toggle.setText("筛选")
        self.toggle.setCheckable(True)
        self.toggle.setToolTip("按单位、完成时限、牵头单位、逾期筛选")
        self.count = QLabel()
        self.count.setObjectName("filterCount")
        self.clear_button = QPushButton("清除")
        self.clear_button.setObjectName("clearFilter")
        self.clear_button.setToolTip("清除查找和筛选，显示全部条目")
        self.clear_button.clicked.connect(self.clear)
        row1 = QHBoxLayout()
        row1.setContentsMargins(0, 0, 0, 0)
        row1.addWidget(self.search, 1)
        row1.addWidget(self.toggle)
        row1.addWidget(self.count)
        row1.addWidget(self.clear_button)

        self.unit = NoWheelComboBox()
        self.unit.setObjectName("filterUnit")
        self.unit.setMinimumContentsLength(8)
        self.unit.addItem("全部单位", None)
        self.role = NoWheelComboBox()
        self.role.setObjectName("filterRole")
        for text, value in (("牵头或配合", ""), ("牵头", "lead"), ("配合", "support")):
            self.role.addItem(text, value)
        self.deadline = NoWheelComboBox()
        self.deadline.setObjectName("filterDeadline")
        self.deadline.addItems(list(DEADLINE_CHOICES))
        self.date_from = self._date_edit("filterFrom")
        self.date_to = self._date_edit("filterTo")
        self.no_lead = QCheckBox("无牵头单位")
        self.no_lead.setObjectName("filterNoLead")
        self.overdue = QCheckBox("已逾期")
        self.overdue.setObjectName("filterOverdue")
        self.filters = QWidget()
        row2 = QHBoxLayout(self.filters)
        row2.setContentsMargins(0, 0, 0, 0)
        to_label = QLabel("至")
        for w in (QLabel("单位"), self.unit, self.role, QLabel("时限"), self.deadline, self.date_from, to_label,
                  self.date_to, self.no_lead, self.overdue):
            row2.addWidget(w)
        row2.addStretch(1)
        self._range_widgets = (self.date_from, to_label, self.date_to)
        for box in (self.unit, self.role, self.deadline):
            box.currentIndexChanged.connect(self._combo_changed)
        for check in (self.no_lead, self.overdue):
            check.toggled.connect(lambda _on: self.changed.emit())
        self.toggle.toggled.connect(self.filters.setVisible)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        lay.addLayout(row1)
        lay.addWidget(self.filters)
        self.filters.setVisible(False)
        self._show_range(False)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate.currentDate())
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    def _show_range(self, on: bool) -> None:
        for w in self._range_widgets:
            w.setVisible(on)

    def _combo_changed(self, _index: int) -> None:
        self._show_range(self.deadline.currentIndex() == RANGE)
        self.role.setEnabled(self.unit.currentData() is not None)
        self.changed.emit()

    # ---- what the editor uses --------------------------------------------------------------
    def set_units(self, units: list[UnitDTO]) -> None:
        """The registry's units for the unit filter; the chosen one stays chosen."""
        keep = self.unit.currentData()
        self.unit.blockSignals(True)
        try:
            self.unit.clear()
            self.unit.addItem("全部单位", None)
            for u in units:
                if u.active or u.id == keep:
                    self.unit.addItem(u.name, u.id)
            found = self.unit.findData(keep)
            self.unit.setCurrentIndex(max(0, found))
        finally:
            self.unit.blockSignals(False)
        self.role.setEnabled(self.unit.currentData() is not None)

    def current(self) -> TaskFilter:
        unit_id = self.unit.currentData()
        quarter = self.deadline.currentIndex() if 1 <= self.deadline.currentIndex() <= 4 else None
        ranged = self.deadline.currentIndex() == RANGE
        lo, hi = self.date_from.date(), self.date_to.date()
        return TaskFilter(
            text=self.search.text(), unit_id=unit_id, role=self.role.currentData() if unit_id is not None else "",
            date_from=date(lo.year(), lo.month(), lo.day()) if ranged else None,
            date_to=date(hi.year(), hi.month(), hi.day()) if ranged else None,
            quarter=quarter, year=self.year, no_lead=self.no_lead.isChecked(), overdue=self.overdue.isChecked(),
            today=self.today)

    def filters_in_use(self) -> int:
        f = self.current()
        return sum((f.unit_id is not None, bool(f.quarter or f.date_from or f.date_to), f.no_lead, f.overdue))

    def show_count(self, shown: int | None, description: str = "") -> None:
        """“找到 5 项” while a filter is on; the 筛选 button says how many filters are on."""
        used = self.filters_in_use()
        self.toggle.setText(f"筛选（{used}）" if used else "筛选")
        self.count.setText("" if shown is None else f"找到 {shown} 项")
        self.count.setToolTip(description)
        self.clear_button.setVisible(shown is not None)

    def apply_now(self) -> None:
        self.search.settle_now()

    def clear(self) -> None:
        self.clear_quietly()
        self.apply_now()

    def clear_quietly(self) -> None:
        """Back to no criteria without telling anyone (a newly opened plan)."""
        self.search.cancel_pending()
        widgets = (self.search, self.unit, self.role, self.deadline, self.no_lead, self.overdue)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.search.clear()
            self.unit.setCurrentIndex(0)
            self.role.setCurrentIndex(0)
            self.deadline.setCurrentIndex(0)
            self.no_lead.setChecked(False)
            self.overdue.setChecked(False)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._show_range(False)
        self.role.setEnabled(False)
