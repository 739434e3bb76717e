"""The county template's units as an editable table: a tick to keep each unit, its name, short
name, category and aliases. Rows the clerk has not edited follow the county's name as it is typed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, Qt

from app.services.first_start.county_template import TemplateUnit, fill_unit
from app.ui.item_models.column_table_model import ROOT, ColumnTableModel, Index

ALIAS_SEPARATOR = "、"


@dataclass
class TemplateRow:
    raw: TemplateUnit | None  # with {县} {级} still in it; None for a row the clerk added
    unit: TemplateUnit
    checked: bool = True
    edited: bool = False


class TemplateUnitsModel(ColumnTableModel):
    COLUMNS = ("单位名称", "简称", "类别", "别名（用、分隔）")
    NAME, SHORT, CATEGORY, ALIASES = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[TemplateRow] = []
        self._county = ""

    # ---- filling ---------------------------------------------------------------------------
    def set_template(self, units: list[TemplateUnit] | tuple[TemplateUnit, ...], county: str) -> None:
        self.beginResetModel()
        self._county = county
        self._rows = [TemplateRow(u, fill_unit(u, county)) for u in units]
        self.endResetModel()

    def set_county(self, county: str) -> None:
        self._county = county
        for row in self._rows:
            if row.raw is not None and not row.edited:
                row.unit = fill_unit(row.raw, county)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def add_row(self, category: str = "县政府部门") -> QModelIndex:
        row = len(self._rows)
        self.beginInsertRows(ROOT, row, row)
        self._rows.append(TemplateRow(None, TemplateUnit("", "", category), checked=True, edited=True))
        self.endInsertRows()
        return self.index(row, self.NAME)

    def set_all_checked(self, checked: bool) -> None:
        for row in self._rows:
            row.checked = checked
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])

    def chosen(self) -> list[TemplateUnit]:
        """The ticked rows, as the clerk left them (an added row left empty does not count)."""
        return [r.unit for r in self._rows if r.checked and (r.raw is not None or r.unit.name.strip())]

    def checked_count(self) -> int:
        return sum(1 for r in self._rows if r.checked)

    # ---- Qt model --------------------------------------------------------------------------
    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            u = row.unit
            return (u.name, u.short_name, u.category, ALIAS_SEPARATOR.join(u.aliases))[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == self.NAME:
            return Qt.CheckState.Checked if row.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and col == self.ALIASES and row.unit.aliases:
            return "\n".join(row.unit.aliases)
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.NAME:
            row.checked = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            text = str(value or "").strip()
            if col == self.NAME:
                row.unit = replace(row.unit, name=text)
            elif col == self.SHORT:
                row.unit = replace(row.unit, short_name=text)
            elif col == self.CATEGORY:
                row.unit = replace(row.unit, category=text)
            else:
                parts = text.replace("，", ALIAS_SEPARATOR).replace(",", ALIAS_SEPARATOR).split(ALIAS_SEPARATOR)
                row.unit = replace(row.unit, aliases=tuple(p.strip() for p in parts if p.strip()))
            row.edited = True
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
