"""The coverage view's table: every superior task (or indicator) with the county tasks that carry
it out and its status; uncovered rows are filled red, 不适用 grey, 新建待核 amber."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.coverage.dto import NOT_APPLICABLE, UNCOVERED, CountyTask, Coverage, CoverageRow
from app.services.coverage.export import county_names
from app.ui.item_models.column_table_model import ColumnTableModel

Index = QModelIndex | QPersistentModelIndex
FILL = {UNCOVERED: QBrush(QColor("#f4c7c3")), NOT_APPLICABLE: QBrush(QColor("#e3e3e3"))}
DRAFTED = QBrush(QColor("#fce8b2"))


class CoverageTableModel(ColumnTableModel):
    COLUMNS = ("序号", "上级任务", "本县对应任务", "状态", "建议")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CoverageRow] = []

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.beginResetModel()
        self._rows = list(coverage.rows) if coverage is not None else []
        self.endResetModel()

    def row(self, row: int) -> CoverageRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, target_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.target.id == target_id), -1)

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        r = self.row(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(r.target.serial)
            if col == 1:
                return f"{r.target.label}{r.target.title}"
            if col == 2:
                return county_names(r.linked) + ("（新建待核）" if r.drafted else "")
            if col == 3:
                return r.status
            return f"{len(r.suggestions)} 项" if r.suggestions else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.target.text if col == 1 else (r.note.text if r.note is not None else None)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.drafted and col == 2:
                return DRAFTED
            return FILL.get(r.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 3, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class CountyTaskModel(ColumnTableModel):
    """County tasks in a list: the suggestions for one item (with their score), the tasks linked to
    it, or the tasks no item links to (the reverse view)."""

    def __init__(self, columns: tuple[str, ...], parent=None):
        super().__init__(parent)
        self.COLUMNS = columns
        self._rows: list[tuple[CountyTask, float | None]] = []

    def set_tasks(self, rows: list[tuple[CountyTask, float | None]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def task(self, row: int) -> tuple[CountyTask, float | None] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        found = self.task(index.row()) if index.isValid() else None
        if found is None:
            return None
        t, score = found
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [f"第{t.serial}项", f"{t.label}{t.title}", t.part]
            if score is not None:
                from app.services.coverage.matching import STRONG_SCORE

                values = [values[0], values[1], f"{score:g}", "很可能" if score >= STRONG_SCORE else "可能"]
            return values[col] if col < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return t.text
        return None
