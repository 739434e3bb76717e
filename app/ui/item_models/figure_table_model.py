"""The year's figures: one row per data item with its county total, how many units gave it, and
the field to put in the report's text; below it, one unit per row for the chosen item (editable:
the page turns an edit into an undoable command)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from app.services.reports.figure_fields import FigureField, FigureTotals, format_number
from app.services.reports.figures import AskedUnit, FigureValue
from app.ui.item_models.column_table_model import ColumnTableModel

Index = QModelIndex | QPersistentModelIndex


class FigureTableModel(ColumnTableModel):
    COLUMNS = ("数据项", "计量单位", "全县合计", "已报单位", "正文中写作")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fields: list[FigureField] = []
        self._totals: FigureTotals | None = None
        self._asked: dict[str, int] = {}

    def set_data(self, fields: list[FigureField], totals: FigureTotals, asked: list[AskedUnit]) -> None:
        self.beginResetModel()
        self._fields, self._totals = fields, totals
        self._asked = {}
        for u in asked:
            for f in u.fields:
                self._asked[f] = self._asked.get(f, 0) + 1
        self.endResetModel()

    def field(self, row: int) -> FigureField | None:
        return self._fields[row] if 0 <= row < len(self._fields) else None

    def row_total(self) -> int:
        return len(self._fields)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        f = self.field(index.row()) if index.isValid() else None
        if f is None or self._totals is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return f.name
            if col == 1:
                return "%" if f.rate else f.unit
            if col == 2:
                return self._totals.text(f.name) or "—"
            if col == 3:
                return f"由{f.rate[0]}÷{f.rate[1]}计算" if f.rate else \
                    f"{self._totals.reported.get(f.name, 0)}/{self._asked.get(f.name, 0)}"
            return "{" + f.name + "}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 2, 3):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class UnitFigureModel(ColumnTableModel):
    COLUMNS = ("单位", "数值", "备注", "来源")
    edit_requested = Signal(int, object, str)  # unit id, value (float | None), note

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[int, str, FigureValue | None]] = []

    def set_rows(self, rows: list[tuple[int, str, FigureValue | None]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        _uid, name, v = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return name
            if col == 1:
                return format_number(v.value) if v is not None and v.value is not None else ""
            if col == 2:
                return v.note if v is not None else ""
            return (f"{v.source}：{v.source_file}" if v.source_file else v.source) if v is not None else "未报"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        f = super().flags(index)
        if index.isValid() and index.column() in (1, 2):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in (1, 2):
            return False
        uid, _name, v = self._rows[index.row()]
        number = v.value if v is not None else None
        note = v.note if v is not None else ""
        if index.column() == 1:
            text = str(value).strip()
            if text == "":
                number = None
            else:
                try:
                    number = float(text)
                except ValueError:
                    return False
        else:
            note = str(value).strip()
        self.edit_requested.emit(uid, number, note)  # the page runs the command and reloads
        return True
