"""The county template as a table the clerk edits before saving: tick, rename, recategorise, add."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.first_start.county_template import TemplateUnit
from app.services.units import UNIT_CATEGORIES
from app.ui.item_models.template_units_model import TemplateUnitsModel


class CategoryDelegate(QStyledItemDelegate):
    """Category cells are edited with a list of the registry's categories."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItems(list(UNIT_CATEGORIES))
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class TemplateUnitsEditor(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = TemplateUnitsModel(self)
        self.table = QTableView()
        self.table.setObjectName("templateUnitsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(TemplateUnitsModel.CATEGORY, CategoryDelegate(self.table))
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(TemplateUnitsModel.ALIASES, QHeaderView.ResizeMode.Stretch)
        for col, width in ((TemplateUnitsModel.NAME, 230), (TemplateUnitsModel.SHORT, 110),
                           (TemplateUnitsModel.CATEGORY, 96)):
            self.table.setColumnWidth(col, width)
        self.count_label = QLabel()
        self.count_label.setObjectName("templateCount")
        buttons = QHBoxLayout()
        for text, name, slot in (("全选", "templateAll", lambda: self.model.set_all_checked(True)),
                                 ("全不选", "templateNone", lambda: self.model.set_all_checked(False)),
                                 ("添加一行", "templateAdd", self.add_row)):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.model.dataChanged.connect(lambda *_: self._count())
        self.model.modelReset.connect(self._count)
        self.model.rowsInserted.connect(lambda *_: self._count())

    def set_template(self, units: list[TemplateUnit] | tuple[TemplateUnit, ...], county: str) -> None:
        self.model.set_template(units, county)

    def set_county(self, county: str) -> None:
        self.model.set_county(county)

    def chosen(self) -> list[TemplateUnit]:
        return self.model.chosen()

    def add_row(self) -> None:
        index = self.model.add_row()
        self.table.scrollToBottom()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _count(self) -> None:
        self.count_label.setText(f"已勾选 {self.model.checked_count()} / {self.model.rowCount()} 个单位")
