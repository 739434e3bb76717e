"""Returned forms on record (the unit view's “what it returned”)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.tracking.dto import FormReturnDTO
from app.ui.item_models.column_table_model import ColumnTableModel, Index


class ReturnsTableModel(ColumnTableModel):
    COLUMNS = ("报送期", "文件", "填报人", "导入时间", "采用", "未采用", "无变化")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[FormReturnDTO] = []

    def set_returns(self, rows: list[FormReturnDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = r.imported_at.strftime("%Y-%m-%d %H:%M") if r.imported_at else ""
            return (r.period_label, r.file_name, r.reported_by, when, str(r.accepted), str(r.rejected),
                    str(r.unchanged))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return r.file_name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
