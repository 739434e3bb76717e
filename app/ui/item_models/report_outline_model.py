"""The report's outline (开头, 一、…, （一）…) as a list: each row one part the clerk can open and
edit; a part edited since the last draft is marked."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.reports.report_outline import OutlineEntry

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
EDITED = QBrush(QColor("#8a5a00"))


class ReportOutlineModel(QAbstractListModel):
    SectionRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._entries: list[OutlineEntry] = []

    def set_entries(self, entries: list[OutlineEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> OutlineEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of_section(self, section_id: int | None) -> int:
        return next((i for i, e in enumerate(self._entries) if e.section is not None and e.section.id == section_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        e = self.entry(index.row()) if index.isValid() else None
        if e is None:
            return None
        edited = e.section is not None and e.section.edited
        if role == Qt.ItemDataRole.DisplayRole:
            return ("　　" if e.level == 2 else "") + e.title + ("（已修改）" if edited else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.section is None:
                return "本章由下列各节组成"
            return "办事员修改过：重新起草时不会替换，除非您选择替换。" if edited else "与起草的文字相同"
        if role == Qt.ItemDataRole.ForegroundRole and edited:
            return EDITED
        if role == Qt.ItemDataRole.FontRole and e.level == 1:
            f = QFont()
            f.setBold(True)
            return f
        if role == self.SectionRole:
            return e.section.id if e.section is not None else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
