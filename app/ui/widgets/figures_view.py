"""The 数据 tab of the report page: each data item with its county total, and below it the units
asked for the chosen item with their values (double-click to type a paper return in)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.reports.figure_fields import FigureField, FigureTotals
from app.services.reports.figures import AskedUnit, FigureValue
from app.ui.item_models.figure_table_model import FigureTableModel, UnitFigureModel


class FiguresView(QWidget):
    export_requested = Signal()
    import_requested = Signal()
    edit_requested = Signal(int, str, object, str)  # unit id, field, value, note

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fields = FigureTableModel(self)
        self.units = UnitFigureModel(self)
        self.units.edit_requested.connect(self._edit)
        self.field_table = QTableView()
        self.field_table.setObjectName("figureFields")
        self.field_table.setModel(self.fields)
        self.field_table.verticalHeader().hide()
        self.field_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.field_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.field_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.field_table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show_field(cur.row()))
        self.unit_table = QTableView()
        self.unit_table.setObjectName("figureUnits")
        self.unit_table.setModel(self.units)
        self.unit_table.verticalHeader().hide()
        self.unit_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.unit_table.setColumnWidth(0, 160)
        self.caption = QLabel()
        self.caption.setObjectName("figureCaption")
        out = QPushButton("导出年度数据表…")
        out.setObjectName("figureExport")
        out.setToolTip("为每个单位导出一份 .xlsx 年度数据表，只有数值和备注可填")
        out.clicked.connect(self.export_requested.emit)
        back = QPushButton("导入回收数据表…")
        back.setObjectName("figureImport")
        back.clicked.connect(self.import_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("各单位每年填报一次；正文中写 {数据项}，打印时换成全县合计。"), 1)
        buttons.addWidget(out)
        buttons.addWidget(back)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.caption)
        ll.addWidget(self.unit_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.field_table)
        split.addWidget(lower)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(buttons)
        lay.addWidget(split, 1)
        self._asked: list[AskedUnit] = []
        self._values: dict[tuple[int, str], FigureValue] = {}
        self._field: FigureField | None = None

    def set_data(self, fields: list[FigureField], totals: FigureTotals, asked: list[AskedUnit],
                 values: dict[tuple[int, str], FigureValue]) -> None:
        row = max(0, self.field_table.currentIndex().row())
        self._asked, self._values = asked, values
        self.fields.set_data(fields, totals, asked)
        if fields:
            self.field_table.selectRow(min(row, len(fields) - 1))
        self._show_field(min(row, len(fields) - 1) if fields else -1)

    def _show_field(self, row: int) -> None:
        f = self.fields.field(row)
        self._field = f
        if f is None:
            self.units.set_rows([])
            self.caption.setText("")
            return
        if f.rate:
            self.caption.setText(f"“{f.name}”由“{f.rate[0]}”÷“{f.rate[1]}”的全县合计计算，不需单位填报。")
            self.units.set_rows([])
            return
        rows = [(u.unit_id, u.name, self._values.get((u.unit_id, f.name))) for u in self._asked if f.name in u.fields]
        self.caption.setText(f"“{f.name}”：应报 {len(rows)} 个单位（双击数值可录入纸质报表）")
        self.units.set_rows(rows)

    def _edit(self, unit_id: int, value, note: str) -> None:
        if self._field is not None:
            self.edit_requested.emit(unit_id, self._field.name, value, note)
