"""责任单位 page: the registry with search and category filter; add, edit, aliases, order,
delete (blocked while in use, merging offered instead), import and export as .xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.services.dto import UnitDTO
from app.services.errors import InUseError
from app.services.units import UNIT_CATEGORIES
from app.ui.dialogs import messages
from app.ui.dialogs.merge_units_dialog import MergeUnitsDialog
from app.ui.dialogs.unit_dialog import UnitDialog
from app.ui.error_reporting import reports_errors
from app.ui.item_models.unit_table_model import UnitTableModel


class UnitsPage(QWidget):
    status_message = Signal(str)
    registry_changed = Signal()

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.units = ctx.services.units
        self.dialog = None
        self.search = QLineEdit()
        self.search.setObjectName("unitSearch")
        self.search.setPlaceholderText("搜索名称、简称或别名")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.category = QComboBox()
        self.category.setObjectName("unitCategory")
        self.category.addItem("全部类别", None)
        for c in UNIT_CATEGORIES:
            self.category.addItem(c, c)
        self.category.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("查找："))
        top.addWidget(self.search, 2)
        top.addWidget(QLabel("类别："))
        top.addWidget(self.category, 1)
        top.addWidget(self.count_label)

        self.model = UnitTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("unitTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.edit_unit())
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(UnitTableModel.ALIASES, QHeaderView.ResizeMode.Stretch)

        buttons = QVBoxLayout()
        for text, name, slot in (("新增…", "addUnit", self.add_unit), ("编辑…", "editUnit", self.edit_unit),
                                 ("删除", "deleteUnit", self.delete_unit), ("合并到…", "mergeUnit", self.merge_unit),
                                 (None, None, None),
                                 ("上移", "unitUp", lambda: self.move(-1)), ("下移", "unitDown", lambda: self.move(1)),
                                 (None, None, None),
                                 ("按模板添加…", "templateUnits", self.add_from_template),
                                 ("从 Excel 导入…", "importUnits", self.import_xlsx),
                                 ("导出为 Excel…", "exportUnits", self.export_xlsx)):
            if text is None:
                buttons.addSpacing(16)
                continue
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(buttons)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(body, 1)
        self.reload()

    # ---- showing -------------------------------------------------------------------------
    def activate(self) -> None:
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (u.id if (u := self.selected()) else None)
        units = self.units.list_units(self.search.text(), self.category.currentData())
        self.model.set_units(units)
        self.count_label.setText(f"共 {len(units)} 个单位")
        if keep is not None and (row := self.model.row_of(keep)) >= 0:
            self.table.selectRow(row)

    def selected(self) -> UnitDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.unit(rows[0].row()) if rows else None

    def _changed(self, text: str, select_id: int | None = None) -> None:
        self.reload(select_id)
        self.registry_changed.emit()
        self.status_message.emit(text)

    # ---- add, edit, delete, merge ----------------------------------------------------------
    def add_unit(self) -> None:
        self.dialog = UnitDialog(parent=self)
        self.dialog.accepted.connect(self._save_new)
        self.dialog.open()

    @reports_errors
    def _save_new(self) -> None:
        unit = self.units.add_unit(**self.dialog.values())
        self._changed(f"已新增单位“{unit.name}”。", unit.id)

    def edit_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        self.dialog = UnitDialog(unit, parent=self)
        self.dialog.accepted.connect(lambda: self._save_edit(unit))
        self.dialog.open()

    @reports_errors
    def _save_edit(self, unit: UnitDTO) -> None:
        updated = self.units.update_unit(unit.id, **self.dialog.values())
        self._changed(f"已保存单位“{updated.name}”。", unit.id)

    @reports_errors
    def delete_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        if not messages.confirm(self, "删除单位", f"确定从名录中删除“{unit.name}”吗？"):
            return
        try:
            self.units.delete_unit(unit.id)
        except InUseError as exc:
            if messages.confirm(self, "不能删除", f"{exc.message}\n\n现在合并到其他单位吗？"):
                self.merge_unit()
            return
        self._changed(f"已删除单位“{unit.name}”。")

    def merge_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        self.dialog = MergeUnitsDialog(self.units.get(unit.id), self.units.list_units(), self)
        self.dialog.accepted.connect(lambda: self._merge(unit))
        self.dialog.open()

    @reports_errors
    def _merge(self, unit: UnitDTO) -> None:
        target_id = self.dialog.target_id()
        if target_id is None:
            return
        target = self.units.merge_units(unit.id, target_id)
        self._changed(f"已将“{unit.name}”合并到“{target.name}”。", target.id)

    @reports_errors
    def move(self, delta: int) -> None:
        unit = self.selected()
        if unit is None:
            return
        ordered = [u.id for u in self.units.list_units()]  # the whole registry, not the filtered view
        visible = [u.id for u in self.model.units()]
        row = visible.index(unit.id)
        if not 0 <= row + delta < len(visible):
            return
        other = visible[row + delta]
        a, b = ordered.index(unit.id), ordered.index(other)
        ordered[a], ordered[b] = ordered[b], ordered[a]
        self.units.set_order(ordered)
        self._changed("已调整单位顺序。", unit.id)

    # ---- Excel ---------------------------------------------------------------------------
    def import_xlsx(self) -> None:
        path = messages.open_file(self, "从 Excel 导入单位名录", messages.XLSX_FILTER)
        if not path:
            return
        from app.services.unit_io import import_units  # openpyxl loads only when needed

        self.ctx.runner.submit(lambda control: import_units(self.units, Path(path)), self._imported,
                               title="正在导入单位名录…", writes=True)

    @reports_errors
    def add_from_template(self) -> None:
        from app.ui.dialogs.template_units_dialog import TemplateUnitsDialog

        self.dialog = TemplateUnitsDialog(self.ctx.resources, self.ctx.settings.county_name, self)
        self.dialog.accepted.connect(self._add_template_units)
        self.dialog.open()

    def _add_template_units(self) -> None:
        from app.services.first_start.first_start_service import add_template_units

        rows = self.dialog.rows
        self.ctx.runner.submit(lambda control: add_template_units(self.units, rows), self._imported,
                               title="正在添加单位…", writes=True)

    def _imported(self, summary) -> None:
        self._changed(f"单位名录导入完成：新增 {summary.added}，更新 {summary.updated}。")
        messages.inform(self, "导入完成", summary.message())

    def export_xlsx(self) -> None:
        path = messages.save_file(self, "导出单位名录", f"{self.ctx.settings.county_name}单位名录.xlsx",
                                  messages.XLSX_FILTER)
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        from app.services.unit_io import export_units

        self.ctx.runner.submit(lambda control: export_units(self.units, Path(path)),
                               lambda n: self.status_message.emit(f"已导出 {n} 个单位到 {path}"),
                               title="正在导出单位名录…")

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.delete_unit()
            return
        super().keyPressEvent(event)
