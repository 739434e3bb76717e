"""The difference preview of returned forms: one row per task of every readable file, with what
would change; the clerk ticks the rows to take (new and changed rows start ticked)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.services.tracking.form_import import CHANGED, NEW, FormPreview, RowChange
from app.ui.item_models.column_table_model import ColumnTableModel, Index

KIND_BRUSH = {NEW: QBrush(QColor("#e3f2e1")), CHANGED: QBrush(QColor("#fdf0d5"))}


class ReturnPreviewModel(ColumnTableModel):
    COLUMNS = ("采用", "单位", "序号", "重点任务", "变化", "内容")
    TAKE, UNIT, SERIAL, TASK, KIND, WHAT = range(6)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[FormPreview, RowChange]] = []

    def set_previews(self, previews: list[FormPreview]) -> None:
        self.beginResetModel()
        self._rows = [(p, r) for p in previews for r in p.rows]
        self.endResetModel()

    def change(self, row: int) -> RowChange | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def set_all(self, take: bool) -> None:
        for _p, r in self._rows:
            if r.kind in (NEW, CHANGED):
                r.accept = take
        if self._rows:
            self.dataChanged.emit(self.index(0, self.TAKE), self.index(len(self._rows) - 1, self.TAKE))

    def taken(self) -> int:
        return sum(r.accept and r.kind in (NEW, CHANGED) for _p, r in self._rows)

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p, r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole and col != self.TAKE:
            return (None, p.unit_name, r.serial, r.task_title, r.kind, r.describe())[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == self.TAKE and r.kind in (NEW, CHANGED):
            return Qt.CheckState.Checked if r.accept else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and col == self.KIND:
            return KIND_BRUSH.get(r.kind)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.WHAT:
            return "\n".join(f"{label}：{old} → {new}" for label, old, new in r.changes) or r.describe()
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.TAKE or not index.isValid():
            return False
        _p, r = self._rows[index.row()]
        if r.kind not in (NEW, CHANGED):
            return False
        r.accept = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TAKE and self._rows[index.row()][1].kind in (NEW, CHANGED):
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f
