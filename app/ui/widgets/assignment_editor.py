"""Lead and support units of a task: a table, a name box completed from the registry, and a
"新建单位" path when a typed name is not in the registry."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.units import UNIT_CATEGORIES, UnitService
from app.ui.dialogs import messages
from app.ui.dialogs.unit_chooser_dialog import UnitChooserDialog
from app.ui.error_reporting import show_error
from app.ui.item_models.assignment_table_model import AssignmentTableModel
from app.ui.widgets.no_wheel_combo import NoWheelComboBox

_SPLIT = re.compile(r"[、，,;；\s]+")


class _RoleDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        box = NoWheelComboBox(parent)
        box.addItems(["牵头", "配合"])
        return box

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "牵头")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


def split_names(text: str) -> list[str]:
    """"县司法局、县公安局" → two names; never splits inside brackets ("各县（市、区）政府")."""
    out: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth > 0:
            depth -= 1
        if depth == 0 and _SPLIT.fullmatch(ch):
            out.append(current)
            current = ""
        else:
            current += ch
    out.append(current)
    return [n.strip() for n in out if n.strip()]


class AssignmentEditor(QWidget):
    edited = Signal(list, list, dict)  # lead ids, support ids, notes

    def __init__(self, units: UnitService, parent=None):
        super().__init__(parent)
        self._units = units
        self._loading = False
        self.model = AssignmentTableModel(self)
        self.model.changed.connect(self._on_changed)
        self.table = QTableView()
        self.table.setObjectName("assignmentTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(AssignmentTableModel.ROLE, _RoleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the role column fits its editor (a combo box showing “配合”), never one character wide
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, self.fontMetrics().horizontalAdvance("配合配合") + 36)
        self.table.setMinimumHeight(96)
        self.table.setMaximumHeight(200)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked)

        self.name_input = QLineEdit()
        self.name_input.setObjectName("unitNameInput")
        self.name_input.setPlaceholderText("输入单位名称或别名，回车添加")
        self.name_input.setToolTip("输入单位名称或别名，回车添加；多个单位用“、”分隔")
        self.name_input.setMinimumWidth(self.fontMetrics().horizontalAdvance("县人力资源社会保障局"))
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name_input.setCompleter(completer)
        self.name_input.returnPressed.connect(self.add_typed)
        self.name_input.installEventFilter(self)  # the completion list is read on first use
        self._registry_loaded = False
        self.role_box = NoWheelComboBox()
        self.role_box.setObjectName("roleBox")
        self.role_box.addItem("牵头", "lead")
        self.role_box.addItem("配合", "support")
        add = QPushButton("添加")
        add.clicked.connect(self.add_typed)
        choose = QPushButton("名录…")
        choose.setToolTip("从单位名录中勾选多个单位")
        choose.clicked.connect(self.open_chooser)
        # three short rows rather than one long one: the name box keeps its width on small screens
        row1 = QHBoxLayout()
        row1.addWidget(self.role_box)
        row1.addWidget(add)
        row1.addWidget(choose)
        row1.addStretch(1)

        remove = QPushButton("移除")
        remove.clicked.connect(self._remove_selected)
        up = QPushButton("上移")
        up.clicked.connect(lambda: self._move_selected(-1))
        down = QPushButton("下移")
        down.clicked.connect(lambda: self._move_selected(1))
        row2 = QHBoxLayout()
        for b in (remove, up, down):
            row2.addWidget(b)
        row2.addStretch(1)
        for b in (add, choose, remove, up, down):  # may shrink below the style's 80 px on a narrow panel
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text()) + 16)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.name_input)
        lay.addLayout(row1)
        lay.addLayout(row2)
        self.chooser: UnitChooserDialog | None = None

    # ---- loading -------------------------------------------------------------------------
    def refresh_registry(self) -> None:
        names: list[str] = []
        for u in self._units.list_units():
            if u.active:
                names.append(u.name)
                names.extend(a for a in u.aliases if a not in names)
        self._completion.setStringList(names)
        self._registry_loaded = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.name_input and event.type() == QEvent.Type.FocusIn and not self._registry_loaded:
            self.refresh_registry()
        return super().eventFilter(watched, event)

    def load(self, assignments) -> None:
        self._loading = True
        try:
            self.model.set_assignments(list(assignments))
        finally:
            self._loading = False

    def _on_changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.model.lead_ids(), self.model.support_ids(), self.model.notes())

    # ---- adding --------------------------------------------------------------------------
    def add_typed(self) -> None:
        names = split_names(self.name_input.text())
        role = self.role_box.currentData()
        added = False
        for name in names:
            unit = self._resolve(name)
            if unit is not None:
                added |= self._add_quietly(unit[0], unit[1], role)
        self.name_input.clear()
        if added:
            self._on_changed()

    def _add_quietly(self, unit_id: int, name: str, role: str) -> bool:
        self._loading = True
        try:
            return self.model.add(unit_id, name, role)
        finally:
            self._loading = False

    def _resolve(self, name: str) -> tuple[int, str] | None:
        """The registry unit for a typed name; offers close matches or a new unit when none fits."""
        try:
            result = self._units.match(name)
            if result.unit is not None:
                return result.unit.id, result.unit.name
            options = [f"使用“{s.unit.name}”" for s in result.suggestions]
            options += [f"新建单位“{name}”（{cat}）" for cat in UNIT_CATEGORIES]
            pick = messages.ask_item(self, "单位不在名录中",
                                     f"单位名录中没有“{name}”。请选择相近的单位，或按类别新建：", options)
            if pick is None:
                return None
            if pick < len(result.suggestions):
                u = result.suggestions[pick].unit
                return u.id, u.name
            created = self._units.add_unit(name, category=UNIT_CATEGORIES[pick - len(result.suggestions)])
            self.refresh_registry()
            return created.id, created.name
        except Exception as exc:
            show_error(self, exc)
            return None

    def open_chooser(self) -> None:
        already = {r.unit_id for r in self.model.rows()}
        self.chooser = UnitChooserDialog(self._units.list_units(), already, self)
        self.chooser.role.setCurrentIndex(self.role_box.currentIndex())
        self.chooser.accepted.connect(self._take_chosen)
        self.chooser.open()

    def _take_chosen(self) -> None:
        if self.chooser is None:
            return
        role = self.chooser.chosen_role()
        added = False
        for unit_id, name in self.chooser.chosen():
            added |= self._add_quietly(unit_id, name, role)
        if added:
            self._on_changed()

    # ---- editing -------------------------------------------------------------------------
    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _remove_selected(self) -> None:
        row = self._selected_row()
        if row >= 0:
            self.model.remove(row)

    def _move_selected(self, delta: int) -> None:
        row = self._selected_row()
        if row >= 0:
            new = self.model.move(row, delta)
            self.table.selectRow(new)
