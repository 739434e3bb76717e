"""One unit's view: every task it owes (牵头 and 配合) with what it reported in each period."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.tracking.dto import PeriodDTO
from app.services.tracking.ledger import LedgerRow

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
REPORTED = QBrush(QColor("#e6f0fa"))
MISSED = QBrush(QColor("#f9dcd9"))


class UnitLedgerModel(QAbstractTableModel):
    FIXED = ("序号", "重点任务", "职责", "完成时限", "灯")

    def __init__(self, fills: dict[str, str], parent=None):
        super().__init__(parent)
        self._rows: list[LedgerRow] = []
        self._periods: list[PeriodDTO] = []
        self._history: dict[int, dict[int, tuple[str, int | None]]] = {}
        self._today = None
        self._fills = {c: QBrush(QColor("#" + v)) for c, v in fills.items()}

    def set_unit(self, rows: list[LedgerRow], periods: list[PeriodDTO],
                 history: dict[int, dict[int, tuple[str, int | None]]], today) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: (r.role != "lead", r.task.serial))
        self._periods = list(periods)
        self._history = history
        self._today = today
        self.endResetModel()

    def row(self, r: int) -> LedgerRow | None:
        return self._rows[r] if 0 <= r < len(self._rows) else None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.FIXED) + len(self._periods)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < len(self.FIXED):
                return self.FIXED[section]
            return self._periods[section - len(self.FIXED)].label.split("年", 1)[-1]
        if role == Qt.ItemDataRole.ToolTipRole and section >= len(self.FIXED):
            p = self._periods[section - len(self.FIXED)]
            return f"{p.label}，报送截止 {p.due:%Y-%m-%d}"
        return None

    def _cell(self, r: LedgerRow, col: int) -> tuple[str, QBrush | None]:
        fixed = len(self.FIXED)
        if col < fixed:
            values = (str(r.task.serial), r.task.title, r.role_text, r.task.deadline_text or "—", r.light.color)
            return values[col], self._fills.get(r.light.color) if col == 4 else None
        p = self._periods[col - fixed]
        got = self._history.get(r.task.node_id, {}).get(p.id)
        if got is not None:
            status, pct = got
            return (status if pct is None or status == "已完成" else f"{status} {pct}%"), REPORTED
        owed = r.role == "lead" and self._today is not None and p.due < self._today and r.task.closure is None
        return ("未报" if owed else ""), (MISSED if owed else None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        text, brush = self._cell(r, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            return brush
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.task.text if index.column() == 1 else r.light.explain() if index.column() == 4 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
