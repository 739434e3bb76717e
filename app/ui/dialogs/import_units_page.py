"""The import wizard's last page: every unit name the document prints, matched to the registry,
or to be created, mapped to a registry unit, or ignored.

A name with a confident suggestion (the same body at another level: 州司法局 → 县司法局) starts on
that suggestion; “全部采用建议” takes every suggestion at once. The choice boxes ignore the mouse
wheel until clicked, so scrolling the list never changes a decision."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.ui import import_bridge
from app.ui.widgets.no_wheel_combo import NoWheelComboBox


class UnitsPage(QWizardPage):
    STATUS: ClassVar[dict[str, str]] = {"matched": "已匹配", "suggested": "有相近单位", "unknown": "名录中没有"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle("确认责任单位")
        self.setSubTitle("名录中没有的单位可以新建、对应到已有单位，或忽略。保存后可在“责任单位”页合并。")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("importUnits")
        self.table.setHorizontalHeaderLabels(["文件中的名称", "任务数", "匹配情况", "处理方式"])
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setObjectName("importUnitsSummary")
        self.summary.setWordWrap(True)
        self.accept_all = QPushButton("全部采用建议")
        self.accept_all.setObjectName("acceptSuggestions")
        self.accept_all.setToolTip("每个名录中没有的名称都对应到列出的最相近单位（可再逐个修改）")
        self.accept_all.clicked.connect(self.take_all_suggestions)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.accept_all)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table)
        self.matches: list = []

    def show_matches(self, matches: list, registry: list) -> None:
        order = {"unknown": 0, "suggested": 1, "matched": 2}
        self.matches = sorted(matches, key=lambda m: order.get(m.status, 3))  # the ones to decide first
        matches = self.matches
        open_count = sum(1 for m in matches if m.unit is None)
        sure = sum(1 for m in matches if m.unit is None and m.confident is not None)
        sure_text = f"，其中 {sure} 个已按相近单位预选" if sure else ""
        self.summary.setText(f"文件中共有 {len(matches)} 个单位名称：{len(matches) - open_count} 个已与名录匹配，"
                             f"{open_count} 个需要确认{sure_text}。" if open_count else
                             f"文件中的 {len(matches)} 个单位名称都已与名录匹配。")
        self.accept_all.setEnabled(any(m.unit is None and m.suggestions for m in matches))
        self.table.setRowCount(len(matches))
        for row, m in enumerate(matches):
            self.table.setItem(row, 0, QTableWidgetItem(m.printed))
            self.table.setItem(row, 1, QTableWidgetItem(str(m.tasks)))
            status = self.STATUS.get(m.status, m.status)
            if m.unit is None and m.suggestions:
                status = f"相近：{m.suggestions[0].unit.name}"
            self.table.setItem(row, 2, QTableWidgetItem(status))
            self.table.setCellWidget(row, 3, self._choice_box(m, registry))
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)

    @staticmethod
    def _choice_box(m, registry: list) -> NoWheelComboBox:
        box = NoWheelComboBox()
        offered: set[int] = set()
        if m.unit is not None:
            box.addItem(f"对应“{m.unit.name}”", m.unit.id)
            offered.add(m.unit.id)
        for s in m.suggestions:
            if s.unit.id not in offered:
                sure = " ✓建议" if m.confident is not None and s.unit.id == m.confident.id else ""
                box.addItem(f"对应“{s.unit.name}”（相近{sure}）", s.unit.id)
                offered.add(s.unit.id)
        box.addItem("新建单位", import_bridge.NEW_UNIT)
        box.addItem("忽略（不分配该单位）", import_bridge.SKIP_UNIT)
        for u in registry:
            if u.id not in offered and u.active:
                box.addItem(f"对应“{u.name}”", u.id)
        if m.unit is None:
            sure = box.findData(m.confident.id) if m.confident is not None else -1
            box.setCurrentIndex(sure if sure >= 0 else box.findData(import_bridge.NEW_UNIT))
        return box

    def take_all_suggestions(self) -> int:
        """Every name the registry lacks goes to its closest suggestion; returns how many changed."""
        changed = 0
        for row, m in enumerate(self.matches):
            if m.unit is None and m.suggestions:
                box = self.table.cellWidget(row, 3)
                index = box.findData(m.suggestions[0].unit.id)
                if index >= 0 and index != box.currentIndex():
                    box.setCurrentIndex(index)
                    changed += 1
        return changed

    def choice_box(self, printed: str) -> NoWheelComboBox:
        row = next(i for i, m in enumerate(self.matches) if m.printed == printed)
        return self.table.cellWidget(row, 3)

    def choices(self) -> dict:
        return {m.printed: self.table.cellWidget(row, 3).currentData() for row, m in enumerate(self.matches)}
