"""批量设置: add a unit with a role, remove a unit, set the deadline — for every selected item,
as one undoable step. Names are typed as in the detail panel (name or alias, several with 、)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.services.deadlines import deadline_date
from app.services.errors import DomainError, ValidationError
from app.services.plan_bulk import BulkChange
from app.services.units import UnitService
from app.ui.widgets.assignment_editor import split_names
from app.ui.widgets.no_wheel_combo import NoWheelComboBox


class BulkEditDialog(QDialog):
    def __init__(self, units: UnitService, count: int, tasks: int, plan_year: int | None, parent=None):
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle("批量设置所选条目")
        self._units = units
        self._year = plan_year
        self.change: BulkChange | None = None
        names = QStringListModel([n for u in units.list_units() if u.active for n in (u.name, *u.aliases)], self)

        intro = QLabel(f"将修改所选的 {count} 项条目（其中重点任务 {tasks} 项），作为一步操作，可用 Ctrl+Z 撤销。"
                       "不填的项目保持不变。")
        intro.setWordWrap(True)
        self.add_names = self._name_box("addUnits", "要添加的单位，多个用“、”分隔", names)
        self.add_role = NoWheelComboBox()
        self.add_role.setObjectName("addRole")
        self.add_role.addItem("牵头", "lead")
        self.add_role.addItem("配合", "support")
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_names, 1)
        add_row.addWidget(self.add_role)
        self.remove_names = self._name_box("removeUnits", "要从所选条目中移除的单位", names)
        self.set_deadline = QCheckBox("设置为")
        self.set_deadline.setObjectName("setDeadline")
        self.deadline = QLineEdit()
        self.deadline.setObjectName("bulkDeadline")
        self.deadline.setPlaceholderText("如“2026年6月底前”“长期坚持”；留空即清除时限")
        self.deadline.textEdited.connect(lambda _t: self.set_deadline.setChecked(True))
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.set_deadline)
        deadline_row.addWidget(self.deadline, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("添加单位", add_row)
        form.addRow("移除单位", self.remove_names)
        form.addRow("完成时限", deadline_row)
        self.error = QLabel()
        self.error.setObjectName("bulkError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c00000;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _name_box(self, name: str, hint: str, names: QStringListModel) -> QLineEdit:
        box = QLineEdit()
        box.setObjectName(name)
        box.setPlaceholderText(hint)
        completer = QCompleter(names, box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        box.setCompleter(completer)
        return box

    def _ids(self, text: str) -> list[int]:
        ids = []
        for name in split_names(text):
            found = self._units.match(name)
            if found.unit is None:
                close = "、".join(s.unit.name for s in found.suggestions[:3])
                raise ValidationError(f"单位名录中没有“{name}”" + (f"，相近的有：{close}" if close else "")
                                      + "。新单位请先在“责任单位”页添加。")
            ids.append(found.unit.id)
        return ids

    def values(self) -> BulkChange:
        role = self.add_role.currentData()
        text = self.deadline.text().strip()
        deadline = (text, deadline_date(text, self._year)) if self.set_deadline.isChecked() else None
        change = BulkChange(add=tuple((u, role) for u in self._ids(self.add_names.text())),
                            remove=tuple(self._ids(self.remove_names.text())), deadline=deadline)
        change.check()
        return change

    def accept(self) -> None:
        try:
            self.change = self.values()
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        super().accept()
