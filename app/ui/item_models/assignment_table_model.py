"""The units of one task: 牵头 first, then 参加/配合, as an editable table.

It is an editing buffer: every change emits `changed`; the detail panel then commits the whole
list as one undoable command."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.services.dto import AssignmentDTO

ROLE_LABEL = {"lead": "牵头", "support": "配合"}
LABEL_ROLE = {"牵头": "lead", "配合": "support", "参加": "support", "lead": "lead", "support": "support"}
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument


@dataclass
class AssignmentRow:
    unit_id: int
    unit_name: str
    role: str
    note: str = ""


class AssignmentTableModel(QAbstractTableModel):
    COLUMNS = ("单位", "角色")
    UNIT, ROLE = range(2)
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AssignmentRow] = []

    # ---- buffer --------------------------------------------------------------------------
    def set_assignments(self, assignments: list[AssignmentDTO]) -> None:
        self.beginResetModel()
        self._rows = [AssignmentRow(a.unit_id, a.unit_name, a.role, a.note) for a in assignments]
        self._order()
        self.endResetModel()

    def rows(self) -> list[AssignmentRow]:
        return list(self._rows)

    def lead_ids(self) -> list[int]:
        return [r.unit_id for r in self._rows if r.role == "lead"]

    def support_ids(self) -> list[int]:
        return [r.unit_id for r in self._rows if r.role == "support"]

    def notes(self) -> dict[int, str]:
        return {r.unit_id: r.note for r in self._rows if r.note}

    def add(self, unit_id: int, unit_name: str, role: str) -> bool:
        """Adds a unit (or changes its role when already listed). False when nothing changed."""
        for r in self._rows:
            if r.unit_id == unit_id:
                if r.role == role:
                    return False
                r.role = role
                self._reorder()
                return True
        where = len(self._rows) if role == "support" else len([r for r in self._rows if r.role == "lead"])
        self.beginInsertRows(QModelIndex(), where, where)
        self._rows.insert(where, AssignmentRow(unit_id, unit_name, role))
        self.endInsertRows()
        self.changed.emit()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.changed.emit()

    def move(self, row: int, delta: int) -> int:
        """Moves a row up or down within its role; returns its new row."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        if self._rows[row].role != self._rows[target].role:
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if delta > 0 else 0))
        self._rows[row], self._rows[target] = self._rows[target], self._rows[row]
        self.endMoveRows()
        self.changed.emit()
        return target

    def _order(self) -> None:
        self._rows.sort(key=lambda r: 0 if r.role == "lead" else 1)  # stable: order within a role kept

    def _reorder(self) -> None:
        self.layoutAboutToBeChanged.emit()
        self._order()
        self.layoutChanged.emit()
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 1))
        self.changed.emit()

    # ---- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 2:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return r.unit_name if index.column() == self.UNIT else ROLE_LABEL.get(r.role, r.role)
        if role == Qt.ItemDataRole.ToolTipRole and r.note:
            return r.note
        if role == Qt.ItemDataRole.UserRole:
            return r.unit_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.ROLE:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.ROLE or role != Qt.ItemDataRole.EditRole:
            return False
        new_role = LABEL_ROLE.get(str(value))
        r = self._rows[index.row()]
        if new_role is None or new_role == r.role:
            return False
        r.role = new_role
        self.dataChanged.emit(index, index)
        self._reorder()
        return True
