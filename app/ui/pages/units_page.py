"""责任单位 page: the registry with search and category filter; add, edit, aliases, order,
delete (blocked while in use, merging offered instead), import and export as .xlsx; below, the
selected unit's tasks (exportable as .xlsx for that unit).

Every change of the registry is a step of this page's own undo history (Ctrl+Z here undoes a merge,
an edit or an Excel import, never something done on another page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
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
from app.ui.error_reporting import reports_errors, show_error
from app.ui.item_models.unit_table_model import UnitTableModel
from app.ui.undo.undo_controller import UndoController
from app.ui.undo.unit_commands import MergeUnitsCommand, UnitEditCommand
from app.ui.widgets.no_wheel_combo import NoWheelComboBox
from app.ui.widgets.search_box import SearchBox
from app.ui.widgets.unit_task_list import UnitTaskList


class UnitsPage(QWidget):
    status_message = Signal(str)
    registry_changed = Signal()
    task_requested = Signal(int, int)  # plan id, node id: open it in the plan editor

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.units = ctx.services.units
        self.undo = UndoController(ctx.services, self, self)
        self.undo.note.connect(self.status_message)
        self.dialog = None
        self.search = SearchBox("unitSearch", "搜索名称、简称或别名")
        self.search.settled.connect(self.reload)
        self.category = NoWheelComboBox()
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
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._show_tasks())
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(UnitTableModel.NAME, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(UnitTableModel.ALIASES, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(UnitTableModel.NAME, 180)
        self.tasks = UnitTaskList(ctx.services.unit_tasks)
        self.tasks.export_requested.connect(self.export_unit_tasks)
        self.tasks.open_requested.connect(self.task_requested)

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
                buttons.addSpacing(6)
                continue
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        registry = QWidget()
        body = QHBoxLayout(registry)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.table, 1)
        body.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("unitsSplitter")
        self.splitter.addWidget(registry)
        self.splitter.addWidget(self.tasks)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.splitter, 1)
        self.reload()

    @property
    def undo_stack(self):
        """This page's own undo history (the main window makes it active while the page is shown)."""
        return self.undo.stack

    def show_units(self, select_id: int | None = None) -> None:
        """After an edit, its undo or its redo: the table, the plan editor and the status bar follow."""
        self.reload(select_id)
        self.registry_changed.emit()

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
        self._show_tasks()

    def _show_tasks(self) -> None:
        self.tasks.show_unit(self.selected())

    def selected(self) -> UnitDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.unit(rows[0].row()) if rows else None

    def _run(self, edit, text: str, touched: list[int] | None, done: str) -> bool:
        """An edit of the registry as one step of this page's undo history."""
        if self.undo.run(UnitEditCommand(self.undo.env, edit, text, touched)):
            self.status_message.emit(f"{done}按 Ctrl+Z 可撤销。")
            return True
        return False

    # ---- add, edit, delete, merge ----------------------------------------------------------
    def add_unit(self) -> None:
        self.dialog = UnitDialog(parent=self)
        self.dialog.accepted.connect(self._save_new)
        self.dialog.open()

    def _save_new(self) -> None:
        values = self.dialog.values()
        self._run(lambda: self.units.add_unit(**values).id, f"新增单位“{values['name']}”", [],
                  f"已新增单位“{values['name']}”。")

    def edit_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        self.dialog = UnitDialog(unit, parent=self)
        self.dialog.accepted.connect(lambda: self._save_edit(unit))
        self.dialog.open()

    def _save_edit(self, unit: UnitDTO) -> None:
        values = self.dialog.values()
        self._run(lambda: self.units.update_unit(unit.id, **values).id, f"修改单位“{unit.name}”", [unit.id],
                  f"已保存单位“{values['name']}”。")

    def delete_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        if not messages.confirm(self, "删除单位", f"确定从名录中删除“{unit.name}”吗？"):
            return
        try:
            self.units.check_deletable(unit.id)  # the reason and the way out, before anything changes
        except InUseError as exc:
            if messages.confirm(self, "不能删除", f"{exc.message}\n\n现在合并到其他单位吗？"):
                self.merge_unit()
            return
        except Exception as exc:
            show_error(self, exc)
            return

        def delete() -> None:
            self.units.delete_unit(unit.id)

        self._run(delete, f"删除单位“{unit.name}”", [unit.id], f"已删除单位“{unit.name}”。")

    def merge_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        self.dialog = MergeUnitsDialog(self.units.get(unit.id), self.units.list_units(), self)
        self.dialog.accepted.connect(lambda: self._merge(unit))
        self.dialog.open()

    def _merge(self, unit: UnitDTO) -> None:
        target_id = self.dialog.target_id()
        if target_id is None:
            return
        target = next((u.name for u in self.units.list_units() if u.id == target_id), "")
        text = f"合并单位“{unit.name}”到“{target}”"
        if self.undo.run(MergeUnitsCommand(self.undo.env, unit.id, target_id, text)):
            self.status_message.emit(f"已将“{unit.name}”合并到“{target}”，按 Ctrl+Z 可撤销合并。")

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

        def reorder() -> int:
            self.units.set_order(ordered)
            return unit.id

        self._run(reorder, f"{'上移' if delta < 0 else '下移'}单位“{unit.name}”", ordered, "已调整单位顺序。")

    # ---- Excel ---------------------------------------------------------------------------
    def import_xlsx(self) -> None:
        path = messages.open_file(self, "从 Excel 导入单位名录", messages.XLSX_FILTER)
        if not path:
            return
        from app.services.unit_io import import_units  # openpyxl loads only when needed

        before = self.ctx.services.unit_history.snapshot()
        self.ctx.runner.submit(lambda control: import_units(self.units, Path(path)),
                               lambda summary: self._imported(summary, before, f"从 Excel 导入单位（{Path(path).name}）"),
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
        before = self.ctx.services.unit_history.snapshot()
        self.ctx.runner.submit(lambda control: add_template_units(self.units, rows),
                               lambda summary: self._imported(summary, before, "按模板添加单位"),
                               title="正在添加单位…", writes=True)

    def _imported(self, summary, before, step: str) -> None:
        after = self.ctx.services.unit_history.snapshot()
        if after != before:
            self.undo.run(UnitEditCommand.made(self.undo.env, before, after, step))
        self.status_message.emit(f"单位名录导入完成：新增 {summary.added}，更新 {summary.updated}。按 Ctrl+Z 可撤销。")
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

    def export_unit_tasks(self, path: str | None = None) -> None:
        """The selected unit's task list as .xlsx (in the plan chosen below, or in all plans)."""
        unit = self.tasks.unit
        if unit is None:
            return
        if path is None:
            path = messages.save_file(self, "导出单位任务清单", f"{unit.name}任务清单.xlsx", messages.XLSX_FILTER)
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        plan_id = self.tasks.plan_id()
        tasks = self.ctx.services.unit_tasks
        self.ctx.runner.submit(lambda control: tasks.export_xlsx(unit.id, Path(path), plan_id),
                               lambda n: self.status_message.emit(f"已导出“{unit.name}”的 {n} 项任务到 {path}"),
                               title="正在导出任务清单…")

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.delete_unit()
            return
        super().keyPressEvent(event)
