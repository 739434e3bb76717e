"""The unit registry as a table: name, short name, category, aliases, order, usage, state."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.dto import UnitDTO
from app.ui.item_models.column_table_model import ColumnTableModel

Index = QModelIndex | QPersistentModelIndex
UnitIdRole = Qt.ItemDataRole.UserRole + 1


class UnitTableModel(ColumnTableModel):
    COLUMNS = ("单位名称", "简称", "类别", "别名", "排序", "承担任务", "状态")
    NAME, SHORT, CATEGORY, ALIASES, ORDER, USAGE, STATE = range(7)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._units: list[UnitDTO] = []
        self._grey = QBrush(QColor("#8a8a8a"))

    def set_units(self, units: list[UnitDTO]) -> None:
        self.beginResetModel()
        self._units = list(units)
        self.endResetModel()

    def unit(self, row: int) -> UnitDTO | None:
        return self._units[row] if 0 <= row < len(self._units) else None

    def units(self) -> list[UnitDTO]:
        return list(self._units)

    def row_of(self, unit_id: int) -> int:
        return next((i for i, u in enumerate(self._units) if u.id == unit_id), -1)

    def row_total(self) -> int:
        return len(self._units)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        u = self._units[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (u.name, u.short_name, u.category, "、".join(u.aliases), str(u.sort_order),
                    str(u.usage), "在用" if u.active else "停用")[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.ALIASES and u.aliases:
            return "\n".join(u.aliases)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.ORDER, self.USAGE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not u.active:
            return self._grey
        if role == UnitIdRole:
            return u.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
