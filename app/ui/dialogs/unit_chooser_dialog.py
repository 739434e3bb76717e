"""Pick several units from the registry at once (search, tick, choose the role)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from app.services.dto import UnitDTO
from app.ui.dialogs.form_layout import ok_cancel


class UnitChooserDialog(QDialog):
    def __init__(self, units: list[UnitDTO], already: set[int], parent=None):
        super().__init__(parent)
        self.setWindowTitle("从单位名录选择")
        self.setObjectName("unitChooserDialog")
        self.resize(420, 520)
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索单位名称、简称或别名")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setObjectName("unitChoices")
        for u in units:
            if not u.active:
                continue
            item = QListWidgetItem(u.name if not u.short_name else f"{u.name}（{u.short_name}）")
            item.setData(Qt.ItemDataRole.UserRole, u.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, " ".join((u.name, u.short_name, *u.aliases)))
            item.setData(Qt.ItemDataRole.UserRole + 2, u.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if u.id in already:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip("已在本任务的单位中")
            self.list.addItem(item)
        self.role = QComboBox()
        self.role.addItem("牵头单位", "lead")
        self.role.addItem("配合单位", "support")
        role_row = QHBoxLayout()
        role_row.addWidget(QLabel("添加为："))
        role_row.addWidget(self.role, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.search)
        lay.addWidget(self.list, 1)
        lay.addLayout(role_row)
        lay.addWidget(ok_cancel(self))

    def _filter(self, text: str) -> None:
        text = text.strip()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(text) and text not in item.data(Qt.ItemDataRole.UserRole + 1))

    def set_checked(self, unit_ids: set[int]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in unit_ids and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[tuple[int, str]]:
        """(unit id, display name) of the ticked units, in registry order."""
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append((item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 2)))
        return out

    def chosen_role(self) -> str:
        return self.role.currentData()
