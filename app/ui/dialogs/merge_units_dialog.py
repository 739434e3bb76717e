"""Merge a unit into another: its tasks move over and its names become aliases of the target."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QLabel, QVBoxLayout

from app.services.dto import UnitDTO
from app.ui.dialogs.form_layout import ok_cancel


class MergeUnitsDialog(QDialog):
    def __init__(self, source: UnitDTO, units: list[UnitDTO], parent=None):
        super().__init__(parent)
        self.setObjectName("mergeUnitsDialog")
        self.setWindowTitle("合并单位")
        self.resize(460, 200)
        self.source = source
        info = QLabel(
            f"把“{source.name}”合并到下面选择的单位：它承担的 {source.usage} 项任务（及进展记录）转给该单位，"
            f"“{source.name}”及其别名成为该单位的别名，然后“{source.name}”从名录中删除。")
        info.setWordWrap(True)
        self.target = QComboBox()
        self.target.setObjectName("mergeTarget")
        self.target.setEditable(True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for u in units:
            if u.id != source.id:
                self.target.addItem(u.name, u.id)
        self.target.setCurrentIndex(-1)
        self.target.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.target.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.target.lineEdit().setPlaceholderText("输入或选择目标单位")
        lay = QVBoxLayout(self)
        lay.addWidget(info)
        lay.addWidget(self.target)
        lay.addWidget(ok_cancel(self, self._accept_if_chosen))

    def select_target(self, unit_id: int) -> None:
        self.target.setCurrentIndex(self.target.findData(unit_id))

    def target_id(self) -> int | None:
        row = self.target.findText(self.target.currentText().strip())
        return self.target.itemData(row) if row >= 0 else None

    def _accept_if_chosen(self) -> None:
        if self.target_id() is not None:
            self.accept()
        else:
            self.target.lineEdit().setFocus()
            self.target.lineEdit().selectAll()
